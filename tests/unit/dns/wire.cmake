# DNS wire format: names, the request parser, the response writer, the message decoder.
registry_add_test(tst_dnsname SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_dnsname.cpp LIBS registry_dns LABEL unit)
registry_add_test(tst_messageparser SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_messageparser.cpp
  ${CMAKE_CURRENT_LIST_DIR}/dnspacketbuilder.h LIBS registry_dns LABEL unit)
registry_add_test(tst_messagedecoder SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_messagedecoder.cpp
  ${CMAKE_CURRENT_LIST_DIR}/dnspacketbuilder.h LIBS registry_dns LABEL unit)
registry_add_test(tst_messagewriter SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_messagewriter.cpp
  ${CMAKE_CURRENT_LIST_DIR}/dnspacketbuilder.h LIBS registry_dns LABEL unit)
# Against a real server: Knot DNS answers MessageWriter's queries, decodeMessage reads the answers.
registry_add_test(tst_wirepeers SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_wirepeers.cpp LIBS registry_dns LABEL integration)
