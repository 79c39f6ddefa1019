# The SNMP poller at scale: many devices polled at a short interval against one real snmpd.
registry_add_test(bench_snmppoller SOURCES ${CMAKE_CURRENT_LIST_DIR}/bench_snmppoller.cpp
  LIBS registry_monitor registry_testsupport LABEL bench TIMEOUT 1800)
