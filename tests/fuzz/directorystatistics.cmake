# The Whois & RDAP page's reading of GET /api/v1/directory/statistics (owner: ops).
if(TARGET noc_ui)
  registry_add_fuzz_target(fuzz_directorystatistics SOURCES ${CMAKE_CURRENT_LIST_DIR}/fuzz_directorystatistics.cpp LIBS noc_ui)
endif()
