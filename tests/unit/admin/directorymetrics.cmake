# The directory statistics on /metrics, in GET /api/v1/directory/statistics and their collection
# from the services (owner: ops).
registry_add_test(tst_directorymetrics SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_directorymetrics.cpp LIBS registry_admin LABEL unit)
