# GET /api/v1/directory/statistics and the registry_whois_*, registry_rdap_*, registry_directory_*
# metrics against the real registryd, with real Whois queries and curl for RDAP (owner: ops).
if(TARGET registryd)
  registry_add_test(tst_directorystatisticsapi SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_directorystatisticsapi.cpp
    LIBS registry_testsupport Qt6::Network LABEL integration TIMEOUT 300)
  add_dependencies(tst_directorystatisticsapi registryd)
endif()
