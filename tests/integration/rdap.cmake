# RDAP end to end (owner: rdap): the real registryd from `init --demo`, objects made over XRP,
# every path and error asked with curl; and the rate limit with a small allowance.
if(TARGET registryd)
  registry_add_test(tst_rdap
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_rdap.cpp
            ${PROJECT_SOURCE_DIR}/tests/common/xrpcommandfixture.h ${PROJECT_SOURCE_DIR}/tests/common/eppobjectcommands.h
    LIBS registry_testsupport registry_srs registry_store Qt6::Network LABEL integration TIMEOUT 600)
  add_dependencies(tst_rdap registryd)
  registry_add_test(tst_rdapratelimit SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_rdapratelimit.cpp
    LIBS registry_testsupport Qt6::Network LABEL integration TIMEOUT 300)
  add_dependencies(tst_rdapratelimit registryd)
endif()
