# registryd's command line and process behaviour, against the real binary.
registry_add_test(tst_registrydcli
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_registrydcli.cpp
  LIBS registry_testsupport Qt6::Network
  LABEL integration TIMEOUT 300)

if(TARGET registryd)
  registry_add_test(tst_enginemaintenance SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_enginemaintenance.cpp
    LIBS registry_testsupport registry_store LABEL integration TIMEOUT 120)
  add_dependencies(tst_enginemaintenance registryd)
endif()
