registry_add_test(tst_directory SOURCES tst_directory.cpp ${PROJECT_SOURCE_DIR}/tests/unit/srs/domaintestfixture.h
  LIBS registry_directory LABEL unit TIMEOUT 120)
