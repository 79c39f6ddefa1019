# The monitor service end to end (owner: service): the real registryd polling a throw-away snmpd
# (v2c and v3 authPriv) imported through the API, alarms and polls on the event stream, traps from
# Debian's snmptrap, /monitor/status and /monitor/metrics/<device>.
if(TARGET registryd)
  registry_add_test(tst_monitorservice SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_monitorservice.cpp
    LIBS registry_testsupport Qt6::Network Qt6::WebSockets LABEL integration TIMEOUT 400)
  add_dependencies(tst_monitorservice registryd)
endif()
