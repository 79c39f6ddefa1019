# The monitor service's parsers (owner: service): the trap communities file and the metrics
# endpoint's from/to query.
registry_add_fuzz_target(fuzz_monitorservice SOURCES ${CMAKE_CURRENT_LIST_DIR}/fuzz_monitorservice.cpp LIBS registry_admin)
