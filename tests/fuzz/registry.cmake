# The registry endpoints' query and path decoders (owner: console-reg).
registry_add_fuzz_target(fuzz_registryrequest SOURCES ${CMAKE_CURRENT_LIST_DIR}/fuzz_registryrequest.cpp LIBS registry_admin)
