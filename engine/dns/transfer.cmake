# Zone transfers and their security: TSIG (RFC 8945), AXFR/IXFR streams (RFC 5936, 1995) and the
# NOTIFY sender (RFC 1996).
target_sources(registry_dns PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/tsig.cpp ${CMAKE_CURRENT_LIST_DIR}/tsig.h
  ${CMAKE_CURRENT_LIST_DIR}/zonetransferservice.cpp ${CMAKE_CURRENT_LIST_DIR}/zonetransferservice.h
  ${CMAKE_CURRENT_LIST_DIR}/notifier.cpp ${CMAKE_CURRENT_LIST_DIR}/notifier.h
  ${CMAKE_CURRENT_LIST_DIR}/transfersetup.cpp ${CMAKE_CURRENT_LIST_DIR}/transfersetup.h)
