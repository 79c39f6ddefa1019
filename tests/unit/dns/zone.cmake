registry_add_test(tst_zone SOURCES tst_zone.cpp LIBS registry_dns LABEL unit)
