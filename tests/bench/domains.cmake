registry_add_test(bench_domaincommands SOURCES ${CMAKE_CURRENT_LIST_DIR}/bench_domaincommands.cpp LIBS registry_srs LABEL bench TIMEOUT 600)
