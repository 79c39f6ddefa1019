# The directory page (owner: ops): rates from successive statistics, the busiest-clients model, the
# page against a real registryd fed real Whois and RDAP queries, and its screenshot under Xvfb.
registry_add_test(tst_directoryratetracker SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_directoryratetracker.cpp LIBS noc_ui LABEL ui TIMEOUT 60)
registry_add_test(tst_directoryclientmodel SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_directoryclientmodel.cpp LIBS noc_ui LABEL ui TIMEOUT 60)
registry_add_test(tst_directorypage SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_directorypage.cpp ${CMAKE_CURRENT_LIST_DIR}/uitestsupport.h
  ${CMAKE_CURRENT_LIST_DIR}/directorytraffic.h
  LIBS noc_ui registry_testsupport QCustomPlotQt6::QCustomPlotQt6 Qt6::Network LABEL ui TIMEOUT 240)
registry_add_test(tst_directoryscreenshot SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_directoryscreenshot.cpp ${CMAKE_CURRENT_LIST_DIR}/uitestsupport.h
  ${CMAKE_CURRENT_LIST_DIR}/directorytraffic.h
  LIBS noc_ui registry_testsupport QCustomPlotQt6::QCustomPlotQt6 Qt6::Network LABEL ui TIMEOUT 240 XVFB)
if(TARGET registryd)
  add_dependencies(tst_directorypage registryd)
  add_dependencies(tst_directoryscreenshot registryd)
endif()
