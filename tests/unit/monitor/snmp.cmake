# The SNMP poller's counter arithmetic, and the trap receiver's mapping and rate limit.
registry_add_test(tst_snmpcounters SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_snmpcounters.cpp LIBS registry_monitor LABEL unit)
registry_add_test(tst_trapmapping SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_trapmapping.cpp LIBS registry_monitor LABEL unit)
registry_add_test(tst_trapratelimiter SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_trapratelimiter.cpp LIBS registry_monitor LABEL unit)
