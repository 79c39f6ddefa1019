# The XRP load benchmark: a real registryd, M concurrent TLS sessions, four phases (see bench_xrp.cpp).
registry_add_test(bench_xrp
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/xrp/bench_xrp.cpp
          ${CMAKE_CURRENT_LIST_DIR}/xrp/registrypopulator.cpp ${CMAKE_CURRENT_LIST_DIR}/xrp/registrypopulator.h
  LIBS registry_xrpclient registry_store registry_srs registry_testsupport
  LABEL bench TIMEOUT 3600)
