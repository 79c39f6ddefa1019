registry_add_test(tst_zone SOURCES tst_zone.cpp LIBS registry_dns LABEL unit)
registry_add_test(tst_zoneupdater SOURCES tst_zoneupdater.cpp ${PROJECT_SOURCE_DIR}/tests/unit/srs/domaintestfixture.h
  LIBS registry_dns LABEL unit TIMEOUT 120)
registry_add_test(tst_registryname SOURCES tst_registryname.cpp LIBS registry_dns LABEL unit)
