# XRP object commands end to end (owner: xrp-e2e): the real registryd from `init --demo` over TLS,
# every answer validated with xmllint, the audit checked after the engine stopped. One binary per
# area, each with its own engine.
if(TARGET registryd)
  foreach(area domains hostscontacts transfers extensions)
    registry_add_test(tst_xrpcommands${area}
      SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_xrpcommands${area}.cpp
              ${PROJECT_SOURCE_DIR}/tests/common/xrpcommandfixture.h ${PROJECT_SOURCE_DIR}/tests/common/eppobjectcommands.h
      LIBS registry_testsupport registry_srs registry_store Qt6::Network LABEL integration TIMEOUT 600)
    add_dependencies(tst_xrpcommands${area} registryd)
  endforeach()
endif()
