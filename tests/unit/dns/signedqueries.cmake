registry_add_test(tst_signedqueryanswerer SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_signedqueryanswerer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/dnspacketbuilder.h LIBS registry_dns LABEL unit)
