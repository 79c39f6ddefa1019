# The DNS benchmark: registryd, NSD and Knot serving the same zone, loaded by dnsperf in turn (see
# dns/bench_dns.cpp). `ctest -L bench -R dns` runs the 100,000-delegation case.
registry_add_test(bench_dns
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/dns/bench_dns.cpp
          ${CMAKE_CURRENT_LIST_DIR}/dns/benchservers.cpp ${CMAKE_CURRENT_LIST_DIR}/dns/benchservers.h
          ${CMAKE_CURRENT_LIST_DIR}/dns/changetoanswer.cpp ${CMAKE_CURRENT_LIST_DIR}/dns/changetoanswer.h
          ${CMAKE_CURRENT_LIST_DIR}/dns/delegationpopulator.cpp ${CMAKE_CURRENT_LIST_DIR}/dns/delegationpopulator.h
          ${CMAKE_CURRENT_LIST_DIR}/dns/dnsperfrun.cpp ${CMAKE_CURRENT_LIST_DIR}/dns/dnsperfrun.h
          ${CMAKE_CURRENT_LIST_DIR}/dns/dnsprobe.cpp ${CMAKE_CURRENT_LIST_DIR}/dns/dnsprobe.h
          ${CMAKE_CURRENT_LIST_DIR}/dns/querymix.cpp ${CMAKE_CURRENT_LIST_DIR}/dns/querymix.h
          ${CMAKE_CURRENT_LIST_DIR}/dns/zonefilewriter.cpp ${CMAKE_CURRENT_LIST_DIR}/dns/zonefilewriter.h
  LIBS registry_dns registry_xrpclient_tool registry_xrpclient registry_store registry_srs registry_testsupport
  ARGS --delegations 100000
  LABEL bench TIMEOUT 3600)
