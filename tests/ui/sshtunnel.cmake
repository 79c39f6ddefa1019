# console-net: ConsoleSession against a real registryd, directly over TLS and through a real OpenSSH
# sshd (package openssh-server) on a loopback port with throw-away keys.
registry_add_test(tst_sshtunnel
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_sshtunnel.cpp
          ${CMAKE_CURRENT_LIST_DIR}/sshdserver.cpp ${CMAKE_CURRENT_LIST_DIR}/sshdserver.h
  LIBS noc_net registry_testsupport
  LABEL ui TIMEOUT 300)
# ConsoleSession directly over TLS: trust on first use, pinning, CA files, staleness, re-login.
registry_add_test(tst_consolesession
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_consolesession.cpp
  LIBS noc_net registry_testsupport
  LABEL ui TIMEOUT 300)
if(TARGET registryd)
  add_dependencies(tst_sshtunnel registryd)
  add_dependencies(tst_consolesession registryd)
endif()
