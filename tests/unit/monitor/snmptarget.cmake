# The names of SNMP versions, security levels and protocols, both ways.
registry_add_test(tst_snmptarget SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_snmptarget.cpp LIBS registry_monitor LABEL unit)
