# registryd's command line and process behaviour, against the real binary.
registry_add_test(tst_registrydcli
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_registrydcli.cpp
  LIBS registry_testsupport Qt6::Network
  LABEL integration TIMEOUT 300)
