# The server (owner: server): responder, UDP and TCP servers, rate limiting, counters, DnsService.
target_sources(registry_dns PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/dnscounters.cpp ${CMAKE_CURRENT_LIST_DIR}/dnscounters.h
  ${CMAKE_CURRENT_LIST_DIR}/dnsresponder.cpp ${CMAKE_CURRENT_LIST_DIR}/dnsresponder.h
  ${CMAKE_CURRENT_LIST_DIR}/dnsservice.cpp ${CMAKE_CURRENT_LIST_DIR}/dnsservice.h
  ${CMAKE_CURRENT_LIST_DIR}/dnssocket.cpp ${CMAKE_CURRENT_LIST_DIR}/dnssocket.h
  ${CMAKE_CURRENT_LIST_DIR}/ratelimiter.cpp ${CMAKE_CURRENT_LIST_DIR}/ratelimiter.h
  ${CMAKE_CURRENT_LIST_DIR}/signedqueryanswerer.cpp ${CMAKE_CURRENT_LIST_DIR}/signedqueryanswerer.h
  ${CMAKE_CURRENT_LIST_DIR}/tcpserver.cpp ${CMAKE_CURRENT_LIST_DIR}/tcpserver.h
  ${CMAKE_CURRENT_LIST_DIR}/udpserver.cpp ${CMAKE_CURRENT_LIST_DIR}/udpserver.h)
