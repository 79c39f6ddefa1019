# The alarm endpoints through a ManagementServer started in-process on loopback HTTPS (routes,
# roles, 503 while monitoring is off, audit rows); registryd does not wire the alarm engine yet.
registry_add_test(tst_monitoralarmapi SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_monitoralarmapi.cpp
  LIBS registry_setup registry_admin Qt6::Network LABEL integration TIMEOUT 120)
