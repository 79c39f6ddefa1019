# Whois (engine/whois): the query parser and line reader, and the text and XWP answer writers over
# hand-built directory views (the XWP answers are validated with xmllint against resources/whois).
registry_add_test(tst_whoisquery SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_whoisquery.cpp LIBS registry_whois LABEL unit)
registry_add_test(tst_whoiswriters SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_whoiswriters.cpp
  ${CMAKE_CURRENT_LIST_DIR}/whoistestviews.h LIBS registry_whois LABEL unit)
registry_add_test(tst_whoisconnectionlimits SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_whoisconnectionlimits.cpp LIBS registry_whois LABEL unit)
