# RDAP (engine/rdap): the request reader, the path parser and the JSON writer.
registry_add_test(tst_httprequest SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_httprequest.cpp LIBS registry_rdap LABEL unit)
registry_add_test(tst_rdappath SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_rdappath.cpp LIBS registry_rdap LABEL unit)
registry_add_test(tst_rdapjsonwriter SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_rdapjsonwriter.cpp LIBS registry_rdap LABEL unit)
# The HTTPS transport on real sockets and real TLS (curl and openssl as peers).
registry_add_test(tst_httpsserver SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_httpsserver.cpp LIBS registry_rdap Qt6::Network LABEL unit)
# The responder on a real Directory over a real SQLite file, time from a ManualClock.
registry_add_test(tst_rdapresponder SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_rdapresponder.cpp ${PROJECT_SOURCE_DIR}/tests/unit/srs/domaintestfixture.h
  LIBS registry_rdap LABEL unit TIMEOUT 120)
registry_add_test(tst_answercache SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_answercache.cpp LIBS registry_rdap LABEL unit)
