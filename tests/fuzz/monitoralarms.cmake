# The alarm, maintenance, trap-log and probe endpoints' request decoders (management API).
registry_add_fuzz_target(fuzz_monitoralarmrequest SOURCES ${CMAKE_CURRENT_LIST_DIR}/fuzz_monitoralarmrequest.cpp LIBS registry_admin)
