# The Registry page (owner: console-reg): its models, and the page against a real registryd.
registry_add_test(tst_registrysearchmodel SOURCES tst_registrysearchmodel.cpp LIBS noc_ui LABEL ui TIMEOUT 60)
registry_add_test(tst_registraractivitymodel SOURCES tst_registraractivitymodel.cpp LIBS noc_ui LABEL ui TIMEOUT 60)
registry_add_test(tst_registrypage SOURCES tst_registrypage.cpp uitestsupport.h
  LIBS noc_ui registry_testsupport PkgConfig::SQLITE3 LABEL ui TIMEOUT 180)
if(TARGET registryd)
  add_dependencies(tst_registrypage registryd)
endif()
