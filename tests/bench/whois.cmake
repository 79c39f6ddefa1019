# The Whois benchmark (issue 5): a new TCP connection per query against registryd with a populated
# registry, hits and misses mixed; prints queries/s, latency percentiles and registryd's CPU.
# `ctest -L bench -R whois` runs 100,000 domains; the issue's figure is `bench_whois --domains 1000000`.
if(TARGET registryd)
  registry_add_test(bench_whois
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/whois/bench_whois.cpp
            ${CMAKE_CURRENT_LIST_DIR}/whois/whoisloadgenerator.cpp ${CMAKE_CURRENT_LIST_DIR}/whois/whoisloadgenerator.h
            ${CMAKE_CURRENT_LIST_DIR}/whois/baselinewhoisserver.cpp ${CMAKE_CURRENT_LIST_DIR}/whois/baselinewhoisserver.h
            ${CMAKE_CURRENT_LIST_DIR}/dns/delegationpopulator.cpp ${CMAKE_CURRENT_LIST_DIR}/dns/delegationpopulator.h
    LIBS registry_xrpclient registry_store registry_srs registry_testsupport
    ARGS --domains 100000
    LABEL bench TIMEOUT 3600)
  add_dependencies(bench_whois registryd)
endif()
