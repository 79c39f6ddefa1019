# DNS server unit tests (owner: server): rate limiting, and the responder over real zones.
registry_add_test(tst_ratelimiter SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_ratelimiter.cpp LIBS registry_dns LABEL unit)
registry_add_test(tst_dnsresponder SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_dnsresponder.cpp LIBS registry_dns LABEL unit)
registry_add_test(tst_dnssockets SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_dnssockets.cpp LIBS registry_dns Qt6::Network LABEL unit)
