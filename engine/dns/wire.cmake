# DNS messages on the wire: the request parser (answer path), the response writer (answer path) and
# the general decoder (tests, NOTIFY, TSIG verification, export).
target_sources(registry_dns PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/messageparser.cpp ${CMAKE_CURRENT_LIST_DIR}/messageparser.h
  ${CMAKE_CURRENT_LIST_DIR}/messagewriter.cpp ${CMAKE_CURRENT_LIST_DIR}/messagewriter.h
  ${CMAKE_CURRENT_LIST_DIR}/messagedecoder.cpp ${CMAKE_CURRENT_LIST_DIR}/messagedecoder.h)
