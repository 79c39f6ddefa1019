registry_add_fuzz_target(fuzz_inidocument SOURCES ${CMAKE_CURRENT_LIST_DIR}/fuzz_inidocument.cpp LIBS registry_core)
