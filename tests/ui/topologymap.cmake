# The topology map widget (widgets/topology*): colours and staleness, automatic placement, the
# scene's items and incremental updates, the view's keyboard, mouse and legend, and its screenshot
# under Xvfb.
registry_add_test(tst_topologystyle SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_topologystyle.cpp LIBS noc_widgets LABEL ui TIMEOUT 60)
registry_add_test(tst_topologylayout SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_topologylayout.cpp
  ${CMAKE_CURRENT_LIST_DIR}/topologytestdata.h LIBS noc_widgets LABEL ui TIMEOUT 60)
registry_add_test(tst_topologyscene SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_topologyscene.cpp
  ${CMAKE_CURRENT_LIST_DIR}/topologytestdata.h LIBS noc_widgets LABEL ui TIMEOUT 60)
registry_add_test(tst_topologymapview SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_topologymapview.cpp
  ${CMAKE_CURRENT_LIST_DIR}/topologytestdata.h LIBS noc_widgets LABEL ui TIMEOUT 60)
registry_add_test(tst_topologymapscreenshot SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_topologymapscreenshot.cpp
  ${CMAKE_CURRENT_LIST_DIR}/topologytestdata.h ${CMAKE_CURRENT_LIST_DIR}/screenshotsupport.h LIBS noc_widgets LABEL ui TIMEOUT 120 XVFB)
