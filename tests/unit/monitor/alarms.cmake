# Alarms: the engine (hysteresis, suppression, acknowledgement, maintenance), maintenance window
# expansion, and persistence, over real SQLite files with a ManualClock.
registry_add_test(tst_alarmengine SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_alarmengine.cpp
  ${CMAKE_CURRENT_LIST_DIR}/alarmtestfixture.h LIBS registry_monitor LABEL unit)
registry_add_test(tst_maintenancewindow SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_maintenancewindow.cpp LIBS registry_monitor LABEL unit)
registry_add_test(tst_alarmrepository SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_alarmrepository.cpp
  ${CMAKE_CURRENT_LIST_DIR}/alarmtestfixture.h LIBS registry_monitor LABEL unit)
registry_add_test(tst_dependencygraph SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_dependencygraph.cpp LIBS registry_monitor LABEL unit)
