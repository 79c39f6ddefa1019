# The DNS page (owner: panel): rates from successive statistics, the zones model, the page against
# a real registryd, and its screenshot under Xvfb.
registry_add_test(tst_dnsratetracker SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_dnsratetracker.cpp LIBS noc_ui LABEL ui TIMEOUT 60)
registry_add_test(tst_dnszonemodel SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_dnszonemodel.cpp LIBS noc_ui LABEL ui TIMEOUT 60)
registry_add_test(tst_dnspage SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_dnspage.cpp ${CMAKE_CURRENT_LIST_DIR}/uitestsupport.h
  LIBS noc_ui registry_testsupport QCustomPlotQt6::QCustomPlotQt6 LABEL ui TIMEOUT 240)
registry_add_test(tst_dnsscreenshot SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_dnsscreenshot.cpp ${CMAKE_CURRENT_LIST_DIR}/uitestsupport.h
  LIBS noc_ui registry_testsupport QCustomPlotQt6::QCustomPlotQt6 LABEL ui TIMEOUT 240 XVFB)
if(TARGET registryd)
  add_dependencies(tst_dnspage registryd)
  add_dependencies(tst_dnsscreenshot registryd)
endif()
