registry_add_fuzz_target(fuzz_dnsmessage SOURCES ${CMAKE_CURRENT_LIST_DIR}/fuzz_dnsmessage.cpp LIBS registry_dns)
