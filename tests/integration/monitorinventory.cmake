# The monitoring inventory through the management API (docs/management-api.md, "Monitoring
# inventory"): the real registryd with demo data, roles, 409s, import, secrets never echoed.
if(TARGET registryd)
  registry_add_test(tst_monitorinventory SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_monitorinventory.cpp
    LIBS registry_testsupport Qt6::Network PkgConfig::SQLITE3 LABEL integration TIMEOUT 300)
  add_dependencies(tst_monitorinventory registryd)
endif()
