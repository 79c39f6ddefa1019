# Whois (engine/whois): the query parser and line reader, and the text and XWP answer writers over
# hand-built directory views (the XWP answers are validated with xmllint against resources/whois).
registry_add_test(tst_whoisquery SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_whoisquery.cpp LIBS registry_whois LABEL unit)
registry_add_test(tst_whoiswriters SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_whoiswriters.cpp
  ${CMAKE_CURRENT_LIST_DIR}/whoistestviews.h LIBS registry_whois LABEL unit)
registry_add_test(tst_whoisconnectionlimits SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_whoisconnectionlimits.cpp LIBS registry_whois LABEL unit)
# The service in process over a real SQLite registry and Directory, on 127.0.0.1:0, its rate limit
# driven by a ManualClock.
registry_add_test(tst_whoisservice SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_whoisservice.cpp
  ${PROJECT_SOURCE_DIR}/tests/unit/srs/domaintestfixture.h LIBS registry_whois registry_srs registry_store Qt6::Network LABEL unit)
registry_add_test(tst_whoisanswercache SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_whoisanswercache.cpp
  ${CMAKE_CURRENT_LIST_DIR}/whoistestviews.h LIBS registry_whois LABEL unit)
