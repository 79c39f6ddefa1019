# The monitor service's parts: a poll turned into observations (and, through the alarm engine,
# alarms after the configured failures), device staleness, and the [monitor] settings, with a
# ManualClock.
registry_add_test(tst_pollevaluator SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_pollevaluator.cpp LIBS registry_monitor LABEL unit)
