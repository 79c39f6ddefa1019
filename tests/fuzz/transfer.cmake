registry_add_fuzz_target(fuzz_tsig SOURCES ${CMAKE_CURRENT_LIST_DIR}/fuzz_tsig.cpp LIBS registry_dns)
