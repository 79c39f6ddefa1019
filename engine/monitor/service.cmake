# The monitor service (issue 6): connects the inventory, the SNMP poller, the trap receiver, the
# probes and the alarm engine inside registryd; poll samples in monitor_samples (migration 9).
list(APPEND MONITOR_SOURCES
  batchdelete.cpp batchdelete.h
  pollevaluator.cpp pollevaluator.h
  devicestatetable.cpp devicestatetable.h
  inventorysnapshot.cpp inventorysnapshot.h
  monitorjson.cpp monitorjson.h
  monitorsamplestore.cpp monitorsamplestore.h
  monitorsettings.cpp monitorsettings.h
  monitorservice.cpp monitorservice.h)
list(APPEND MONITOR_PUBLIC registry_store Qt6::Concurrent)
