# Service probes: [probes] configuration and the password file; the probes, the scheduler, result
# recording and pruning on loopback servers, a real SQLite file and short real timers.
registry_add_test(tst_probeconfiguration SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_probeconfiguration.cpp LIBS registry_monitor LABEL unit)
registry_add_test(tst_probescheduler SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_probescheduler.cpp
  LIBS registry_monitor registry_store registry_dns Qt6::Network LABEL unit)
