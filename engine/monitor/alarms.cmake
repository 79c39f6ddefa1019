# Alarms: severities and subjects, hysteresis, dependency suppression, acknowledgement, maintenance
# windows, and their persistence (migration 6).
list(APPEND MONITOR_SOURCES
  alarm.cpp alarm.h enumnames.h
  alarmoutcome.cpp alarmoutcome.h
  alarmengine.cpp alarmengine.h
  alarmrepository.cpp alarmrepository.h
  dependencygraph.cpp dependencygraph.h
  maintenancewindow.cpp maintenancewindow.h)
list(APPEND MONITOR_PUBLIC registry_store)
