registry_add_test(bench_directory SOURCES ${CMAKE_CURRENT_LIST_DIR}/bench_directory.cpp LIBS registry_directory LABEL bench TIMEOUT 1800)
