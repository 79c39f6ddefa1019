registry_add_fuzz_target(fuzz_srsnames SOURCES ${CMAKE_CURRENT_LIST_DIR}/fuzz_srsnames.cpp LIBS registry_srs)
