# The topology map's frame times at 1,000 devices and 2,000 links (label bench, not run by default):
# offscreen, and under xvfb-run when it is installed.
registry_add_test(bench_topologymap SOURCES ${CMAKE_CURRENT_LIST_DIR}/bench_topologymap.cpp
  ${PROJECT_SOURCE_DIR}/tests/ui/topologytestdata.h LIBS noc_widgets LABEL bench TIMEOUT 900)
find_program(XVFB_RUN xvfb-run)
if(XVFB_RUN)
  add_test(NAME bench_topologymap_xvfb COMMAND ${XVFB_RUN} -a -s "-screen 0 1920x1200x24" $<TARGET_FILE:bench_topologymap>)
  set_tests_properties(bench_topologymap_xvfb PROPERTIES LABELS bench TIMEOUT 900 ENVIRONMENT "QT_QPA_PLATFORM=xcb")
endif()
