# Service probes end to end (owner: probes): the real registryd from `init --demo` probing its own
# XRP, Whois, RDAP and DNS (UDP and TCP); in-process probes against it for the failure kinds.
if(TARGET registryd)
  registry_add_test(tst_monitorprobes
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_monitorprobes.cpp
    LIBS registry_testsupport registry_monitor registry_srs registry_store registry_xrpclient Qt6::Network LABEL integration TIMEOUT 300)
  add_dependencies(tst_monitorprobes registryd)
endif()
