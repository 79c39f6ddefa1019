registry_add_test(tst_directory SOURCES tst_directory.cpp ${PROJECT_SOURCE_DIR}/tests/unit/srs/domaintestfixture.h
  LIBS registry_directory LABEL unit TIMEOUT 120)
registry_add_test(tst_directorycache SOURCES tst_directorycache.cpp LIBS registry_directory LABEL unit)
registry_add_test(tst_directorynames SOURCES tst_directorynames.cpp LIBS registry_directory LABEL unit)
registry_add_test(tst_clientratelimiter SOURCES tst_clientratelimiter.cpp LIBS registry_directory LABEL unit)
registry_add_test(tst_topclients SOURCES tst_topclients.cpp LIBS registry_directory LABEL unit)
registry_add_test(tst_disclosure SOURCES tst_disclosure.cpp LIBS registry_directory LABEL unit)
