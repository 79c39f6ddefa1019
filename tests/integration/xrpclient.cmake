# xrp-client against the real registryd (skips while the engine runs no XRP service).
registry_add_test(tst_xrpclient
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_xrpclient.cpp
  LIBS registry_testsupport registry_xrpclient registry_store
  ENVIRONMENT "XRP_CLIENT_BINARY=$<TARGET_FILE:xrp-client>"
  LABEL integration TIMEOUT 300)
