# Management API integration tests (owner: admin). They start the real registryd.
if(TARGET registryd)
  registry_add_test(tst_managementapi SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_managementapi.cpp
    LIBS registry_testsupport Qt6::Network Qt6::WebSockets LABEL integration TIMEOUT 300)
  add_dependencies(tst_managementapi registryd)
  # Pipelining, lockout through /me/password, event-client cap, live tamper detection, slow clients.
  # It edits the engine's database from outside with the SQLite C API.
  registry_add_test(tst_managementhardening SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_managementhardening.cpp
    LIBS registry_testsupport Qt6::Network Qt6::WebSockets PkgConfig::SQLITE3 LABEL integration TIMEOUT 300)
  add_dependencies(tst_managementhardening registryd)
endif()
