# Zone transfers end to end (owner: transfer): the real registryd from `init --demo`, kdig asking for
# AXFR/IXFR with and without the key, and real Knot and NSD secondaries following changes made
# over XRP through NOTIFY and IXFR.
if(TARGET registryd)
  foreach(name dnstransfer dnssecondary)
    registry_add_test(tst_${name}
      SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_${name}.cpp ${CMAKE_CURRENT_LIST_DIR}/dnstransfersupport.h
              ${PROJECT_SOURCE_DIR}/tests/common/xrpcommandfixture.h ${PROJECT_SOURCE_DIR}/tests/common/eppobjectcommands.h
      LIBS registry_testsupport registry_srs registry_store Qt6::Network LABEL integration TIMEOUT 300)
    add_dependencies(tst_${name} registryd)
  endforeach()
endif()
