# The SNMP poller and trap receiver, on net-snmp (found by the top-level CMakeLists).
list(APPEND MONITOR_SOURCES
  netsnmplibrary.cpp netsnmplibrary.h
  snmpcounters.cpp snmpcounters.h
  snmppollresult.cpp snmppollresult.h
  snmpdevicepoll.cpp snmpdevicepoll.h
  snmppoller.cpp snmppoller.h)
list(APPEND MONITOR_PUBLIC PkgConfig::NETSNMP)
list(APPEND MONITOR_SOURCES
  traprecord.h
  trapmapping.cpp trapmapping.h
  trapratelimiter.cpp trapratelimiter.h
  varbindtext.cpp varbindtext.h
  trapreceiver.cpp trapreceiver.h
  traplog.cpp traplog.h)
list(APPEND MONITOR_PUBLIC registry_store)
