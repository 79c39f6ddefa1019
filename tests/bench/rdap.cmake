# The RDAP benchmark: HTTPS keep-alive load from our own generator against registryd serving a bulk-loaded
# registry (see rdap/bench_rdap.cpp). `ctest -L bench -R rdap` runs the 100,000-domain case; pass
# --domains 1000000 to the binary for the issue's figure.
if(TARGET registryd)
  registry_add_test(bench_rdap
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/rdap/bench_rdap.cpp
            ${CMAKE_CURRENT_LIST_DIR}/rdap/httpsloadgenerator.cpp ${CMAKE_CURRENT_LIST_DIR}/rdap/httpsloadgenerator.h
            ${CMAKE_CURRENT_LIST_DIR}/dns/delegationpopulator.cpp ${CMAKE_CURRENT_LIST_DIR}/dns/delegationpopulator.h
    LIBS registry_xrpclient registry_store registry_srs registry_testsupport OpenSSL::SSL OpenSSL::Crypto
    ARGS --domains 100000
    LABEL bench TIMEOUT 3600)
  add_dependencies(bench_rdap registryd)
endif()
# The transport alone (TLS, HTTP, JSON; no Directory): what a request costs before the lookup.
registry_add_test(bench_rdaptransport
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/rdap/bench_rdaptransport.cpp
          ${CMAKE_CURRENT_LIST_DIR}/rdap/httpsloadgenerator.cpp ${CMAKE_CURRENT_LIST_DIR}/rdap/httpsloadgenerator.h
  LIBS registry_rdap OpenSSL::SSL OpenSSL::Crypto
  LABEL bench TIMEOUT 600)
