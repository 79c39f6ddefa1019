# The inventory and topology: the secret box, the JSON decoders and import file parser, and the
# repository on a real SQLite store (rules, cycles, all-or-nothing import, sealed secrets).
registry_add_test(tst_secretbox SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_secretbox.cpp LIBS registry_monitor LABEL unit)
registry_add_test(tst_topologyimport SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_topologyimport.cpp LIBS registry_monitor LABEL unit)
registry_add_test(tst_inventory SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_inventory.cpp LIBS registry_monitor registry_store LABEL unit)
