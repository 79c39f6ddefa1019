# Registrar onboarding and administration through the management API (owner: rar-admin): the real
# registryd, then an XRP login with the user, certificate and address set up through the API.
if(TARGET registryd)
  registry_add_test(tst_managementregistrars SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_managementregistrars.cpp
    LIBS registry_testsupport Qt6::Network PkgConfig::SQLITE3 LABEL integration TIMEOUT 300)
  add_dependencies(tst_managementregistrars registryd)
endif()
