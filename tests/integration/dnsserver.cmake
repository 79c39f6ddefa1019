# The authoritative DNS server end to end (owner: server): the real registryd from `init --demo`,
# zones changed over XRP, answers checked with dig and kdig and with raw packets.
if(TARGET registryd)
  registry_add_test(tst_dnsserver
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_dnsserver.cpp
            ${PROJECT_SOURCE_DIR}/tests/common/xrpcommandfixture.h ${PROJECT_SOURCE_DIR}/tests/common/eppobjectcommands.h
    LIBS registry_testsupport registry_srs registry_store Qt6::Network LABEL integration TIMEOUT 600)
  add_dependencies(tst_dnsserver registryd)
endif()
