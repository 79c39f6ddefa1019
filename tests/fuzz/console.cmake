if(TARGET noc_net)
  registry_add_fuzz_target(fuzz_consoleevent SOURCES ${CMAKE_CURRENT_LIST_DIR}/fuzz_consoleevent.cpp LIBS noc_net)
endif()
