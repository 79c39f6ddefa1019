# XRP port integration tests (owner: xrp): the real registryd over TLS on loopback. The test sets up
# its own registrar users through RegistrarLogin on the engine's store before starting it, and reads
# the audit rows afterwards.
if(TARGET registryd)
  registry_add_test(tst_xrpsession SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_xrpsession.cpp
    LIBS registry_testsupport registry_srs registry_store Qt6::Network LABEL integration TIMEOUT 300)
  add_dependencies(tst_xrpsession registryd)
endif()
