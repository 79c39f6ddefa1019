# `registryd zone export` checked by BIND's and Knot's zone checkers.
if(TARGET registryd)
  registry_add_test(tst_zoneexport SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_zoneexport.cpp
    LIBS registry_testsupport registry_store LABEL integration TIMEOUT 300)
  add_dependencies(tst_zoneexport registryd)
endif()
