# The Health & Alarms page's reading of the monitoring API and event stream (owner: alarmui).
if(TARGET noc_ui)
  registry_add_fuzz_target(fuzz_alarmjson SOURCES ${CMAKE_CURRENT_LIST_DIR}/fuzz_alarmjson.cpp LIBS noc_ui)
endif()
