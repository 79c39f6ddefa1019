registry_add_test(bench_groupcommit SOURCES ${CMAKE_CURRENT_LIST_DIR}/bench_groupcommit.cpp LIBS registry_store LABEL bench TIMEOUT 600)
