# TSIG, zone transfer streams and the NOTIFY sender (engine/dns/transfer.cmake).
registry_add_test(tst_tsig SOURCES tst_tsig.cpp LIBS registry_dns Qt6::Network LABEL unit)
registry_add_test(tst_tsigkeyfile SOURCES tst_tsigkeyfile.cpp LIBS registry_dns registry_setup LABEL unit)
registry_add_test(tst_zonetransfers SOURCES tst_zonetransfers.cpp LIBS registry_dns LABEL unit)
registry_add_test(tst_notifier SOURCES tst_notifier.cpp LIBS registry_dns Qt6::Network LABEL unit)
