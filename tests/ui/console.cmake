# noc-console's widgets, models, dialogs and main window.
registry_add_test(tst_servicestatusmodel SOURCES tst_servicestatusmodel.cpp LIBS noc_ui LABEL ui TIMEOUT 60)
registry_add_test(tst_eventlogmodel SOURCES tst_eventlogmodel.cpp LIBS noc_ui LABEL ui TIMEOUT 60)
registry_add_test(tst_connectionindicator SOURCES tst_connectionindicator.cpp LIBS noc_widgets LABEL ui TIMEOUT 60)
registry_add_test(tst_connectionbanner SOURCES tst_connectionbanner.cpp LIBS noc_widgets LABEL ui TIMEOUT 60)
registry_add_test(tst_commandline SOURCES tst_commandline.cpp LIBS noc_ui LABEL ui TIMEOUT 60)
registry_add_test(tst_mainwindowlanguage SOURCES tst_mainwindowlanguage.cpp LIBS noc_ui LABEL ui TIMEOUT 60)
registry_add_test(tst_mainwindowdialogs SOURCES tst_mainwindowdialogs.cpp uitestsupport.h LIBS noc_ui LABEL ui TIMEOUT 60)
registry_add_test(tst_mainwindowoverview SOURCES tst_mainwindowoverview.cpp LIBS noc_ui LABEL ui TIMEOUT 60)
# These two run the real registryd through EngineFixture.
registry_add_test(tst_mainwindow SOURCES tst_mainwindow.cpp uitestsupport.h
  LIBS noc_ui registry_testsupport LABEL ui TIMEOUT 180)
registry_add_test(tst_screenshot SOURCES tst_screenshot.cpp uitestsupport.h
  LIBS noc_ui registry_testsupport LABEL ui TIMEOUT 180 XVFB)
# The main window through a real OpenSSH sshd (package openssh-server) with throw-away keys.
registry_add_test(tst_mainwindowssh SOURCES tst_mainwindowssh.cpp sshdserver.cpp sshdserver.h uitestsupport.h
  LIBS noc_ui registry_testsupport LABEL ui TIMEOUT 300)
if(TARGET registryd)
  # Building just these tests must also build the engine they start.
  add_dependencies(tst_mainwindow registryd)
  add_dependencies(tst_screenshot registryd)
  add_dependencies(tst_mainwindowssh registryd)
endif()
