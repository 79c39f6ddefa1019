# The Health & Alarms page (owner: alarmui): alarm, maintenance and trap-log models, the page and
# its dialogs fed with the monitoring contract's JSON, the critical-alarm indicator and wall mode.
registry_add_test(tst_alarmmodel SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_alarmmodel.cpp ${CMAKE_CURRENT_LIST_DIR}/alarmtestdata.h
  LIBS noc_ui LABEL ui TIMEOUT 60)
registry_add_test(tst_alarmspage SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_alarmspage.cpp ${CMAKE_CURRENT_LIST_DIR}/alarmtestdata.h
  LIBS noc_ui LABEL ui TIMEOUT 120)
registry_add_test(tst_criticalalarmindicator SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_criticalalarmindicator.cpp
  LIBS noc_widgets LABEL ui TIMEOUT 60)
registry_add_test(tst_wallmode SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_wallmode.cpp ${CMAKE_CURRENT_LIST_DIR}/uitestsupport.h
  ${CMAKE_CURRENT_LIST_DIR}/alarmtestdata.h LIBS noc_ui LABEL ui TIMEOUT 120)
# Both monitoring pages against the real registryd with [monitor] on, a real snmpd and snmptrap.
if(TARGET registryd)
  registry_add_test(tst_monitorconsole SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_monitorconsole.cpp ${CMAKE_CURRENT_LIST_DIR}/uitestsupport.h
    LIBS noc_ui registry_testsupport LABEL ui TIMEOUT 240)
  add_dependencies(tst_monitorconsole registryd)
endif()
