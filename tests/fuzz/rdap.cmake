# RDAP: the query path parser and the HTTP request reader (engine/rdap).
registry_add_fuzz_target(fuzz_rdappath SOURCES ${CMAKE_CURRENT_LIST_DIR}/fuzz_rdappath.cpp LIBS registry_rdap)
registry_add_fuzz_target(fuzz_httprequest SOURCES ${CMAKE_CURRENT_LIST_DIR}/fuzz_httprequest.cpp LIBS registry_rdap)
