// The SNMP setting names shared by configuration, the import file and the management API.
#include "monitor/snmptarget.h"

#include <QTest>

using namespace reg::monitor;
using namespace Qt::StringLiterals;

class tst_SnmpTarget : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void namesRoundTrip();
    void refusesUnknownNames();
};

void tst_SnmpTarget::namesRoundTrip()
{
    for (SnmpVersion v : {SnmpVersion::V2c, SnmpVersion::V3})
        QCOMPARE(parseSnmpVersion(snmpVersionName(v)), v);
    for (SnmpAuthProtocol p : {SnmpAuthProtocol::None, SnmpAuthProtocol::Sha1, SnmpAuthProtocol::Sha256, SnmpAuthProtocol::Sha512})
        QCOMPARE(parseSnmpAuthProtocol(snmpAuthProtocolName(p)), p);
    for (SnmpPrivProtocol p : {SnmpPrivProtocol::None, SnmpPrivProtocol::Aes128})
        QCOMPARE(parseSnmpPrivProtocol(snmpPrivProtocolName(p)), p);
    for (SnmpSecurityLevel l : {SnmpSecurityLevel::NoAuthNoPriv, SnmpSecurityLevel::AuthNoPriv, SnmpSecurityLevel::AuthPriv})
        QCOMPARE(parseSnmpSecurityLevel(snmpSecurityLevelName(l)), l);
    QCOMPARE(parseSnmpAuthProtocol(u"sha-256"_s), SnmpAuthProtocol::Sha256);   // case does not matter
}

void tst_SnmpTarget::refusesUnknownNames()
{
    QCOMPARE(parseSnmpVersion(u"1"_s), std::nullopt);   // v1 is not offered: community only, no 64-bit counters
    QCOMPARE(parseSnmpAuthProtocol(u"MD5"_s), std::nullopt);
    QCOMPARE(parseSnmpPrivProtocol(u"DES"_s), std::nullopt);
    QCOMPARE(parseSnmpSecurityLevel(u""_s), std::nullopt);
}

QTEST_GUILESS_MAIN(tst_SnmpTarget)
#include "tst_snmptarget.moc"
