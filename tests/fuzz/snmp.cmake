# Configured trap rules (OID, action, severity, alarm name): from configuration and the management API.
registry_add_fuzz_target(fuzz_traprule SOURCES ${CMAKE_CURRENT_LIST_DIR}/fuzz_traprule.cpp LIBS registry_monitor)
