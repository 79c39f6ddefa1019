# The SNMP poller and trap receiver against Debian's snmpd and snmptrap (packages snmpd, snmp).
registry_add_test(tst_snmppoller SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_snmppoller.cpp
  LIBS registry_monitor registry_testsupport LABEL integration TIMEOUT 300)
registry_add_test(tst_trapreceiver SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_trapreceiver.cpp
  LIBS registry_monitor registry_store registry_testsupport LABEL integration TIMEOUT 300)
