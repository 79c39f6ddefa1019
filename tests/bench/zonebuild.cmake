# DNS zone building (see tests/bench/dns/bench_zonebuild.cpp): the full build of 100k and 1M
# delegations from SQLite, the zone's memory, and 1,000 changes from commit to served zone.
registry_add_test(bench_zonebuild SOURCES ${CMAKE_CURRENT_LIST_DIR}/dns/bench_zonebuild.cpp
  LIBS registry_dns LABEL bench TIMEOUT 3600)
