# GET /api/v1/dns/statistics and the registry_dns_* metrics against the real registryd, with dig
# (owner: panel).
if(TARGET registryd)
  registry_add_test(tst_dnsstatisticsapi SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_dnsstatisticsapi.cpp
    LIBS registry_testsupport Qt6::Network LABEL integration TIMEOUT 300)
  add_dependencies(tst_dnsstatisticsapi registryd)
endif()
