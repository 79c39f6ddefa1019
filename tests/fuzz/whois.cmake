# The Whois query line: scanner, parser and the answers written for what it accepts or refuses.
registry_add_fuzz_target(fuzz_whoisquery SOURCES ${CMAKE_CURRENT_LIST_DIR}/fuzz_whoisquery.cpp LIBS registry_whois)
