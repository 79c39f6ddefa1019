# The DNS statistics on /metrics and in GET /api/v1/dns/statistics (owner: panel).
registry_add_test(tst_dnsmetrics SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_dnsmetrics.cpp LIBS registry_admin LABEL unit)
