# Registry browsing endpoints of the management API (owner: console-reg). They start the real
# registryd and seed rows into its database with the SQLite C API before it starts.
if(TARGET registryd)
  registry_add_test(tst_managementregistry SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_managementregistry.cpp
    LIBS registry_testsupport Qt6::Network PkgConfig::SQLITE3 LABEL integration TIMEOUT 300)
  add_dependencies(tst_managementregistry registryd)
endif()
