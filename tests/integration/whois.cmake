# Whois on port 43 end to end (owner: whois): the real registryd from `init --demo`, objects made
# over XRP, queries over TCP and with Debian's whois client, XWP answers checked with xmllint.
if(TARGET registryd)
  registry_add_test(tst_whois
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_whois.cpp
            ${PROJECT_SOURCE_DIR}/tests/common/xrpcommandfixture.h ${PROJECT_SOURCE_DIR}/tests/common/eppobjectcommands.h
    LIBS registry_testsupport registry_srs registry_store Qt6::Network LABEL integration TIMEOUT 600)
  add_dependencies(tst_whois registryd)
endif()
