# The alarm, maintenance, trap-log and probe endpoints (docs/management-api.md, "Monitoring alarms")
# over a real SQLite file and a real AlarmEngine with a ManualClock.
registry_add_test(tst_monitoralarmendpoints SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_monitoralarmendpoints.cpp LIBS registry_admin LABEL unit)
