# The Topology page (owner: topopage): the monitoring JSON translated for the map, the device
# page's models and metric series, read coalescing and the debounced layout save, the page fed
# with contract JSON, and the device page's screenshot under Xvfb.
registry_add_test(tst_monitortranslator SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_monitortranslator.cpp
  ${CMAKE_CURRENT_LIST_DIR}/monitortestdata.h LIBS noc_ui LABEL ui TIMEOUT 60)
registry_add_test(tst_metricseries SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_metricseries.cpp
  ${CMAKE_CURRENT_LIST_DIR}/monitortestdata.h LIBS noc_ui LABEL ui TIMEOUT 60)
registry_add_test(tst_interfacetablemodel SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_interfacetablemodel.cpp
  ${CMAKE_CURRENT_LIST_DIR}/monitortestdata.h LIBS noc_ui LABEL ui TIMEOUT 60)
registry_add_test(tst_requestcoalescer SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_requestcoalescer.cpp LIBS noc_ui LABEL ui TIMEOUT 60)
registry_add_test(tst_layoutsaver SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_layoutsaver.cpp LIBS noc_ui LABEL ui TIMEOUT 60)
registry_add_test(tst_topologypage SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_topologypage.cpp
  ${CMAKE_CURRENT_LIST_DIR}/monitortestdata.h ${CMAKE_CURRENT_LIST_DIR}/uitestsupport.h
  LIBS noc_ui registry_testsupport QCustomPlotQt6::QCustomPlotQt6 LABEL ui TIMEOUT 120)
registry_add_test(tst_devicepagescreenshot SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_devicepagescreenshot.cpp
  ${CMAKE_CURRENT_LIST_DIR}/monitortestdata.h ${CMAKE_CURRENT_LIST_DIR}/screenshotsupport.h LIBS noc_ui QCustomPlotQt6::QCustomPlotQt6 LABEL ui TIMEOUT 120 XVFB)
