# Zone transfer streams (see tests/bench/dns/bench_zonetransfer.cpp): a signed AXFR of 100k and 1M
# delegations and an IXFR of one change, produced in memory.
registry_add_test(bench_zonetransfer SOURCES ${CMAKE_CURRENT_LIST_DIR}/dns/bench_zonetransfer.cpp
  LIBS registry_dns LABEL bench TIMEOUT 3600)
