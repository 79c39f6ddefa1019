// Unit tests for engine/srs/ipaddressrules.cpp: glue address syntax, family matching and the ranges that
// can never be a public name server's address, with and without the documentation-range flag.
#include "srs/ipaddressrules.h"

#include <QTest>

using namespace Qt::StringLiterals;
using reg::srs::IpAddressRules;
using reg::srs::IpVersion;

Q_DECLARE_METATYPE(reg::srs::IpVersion)

class tst_IpAddressRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseIpVersion_data();
    void parseIpVersion();
    void acceptsPublicAddresses_data();
    void acceptsPublicAddresses();
    void refusesAddresses_data();
    void refusesAddresses();
    void documentationRangesNeedTheFlag_data();
    void documentationRangesNeedTheFlag();
};

void tst_IpAddressRules::parseIpVersion_data()
{
    QTest::addColumn<QString>("attribute");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<IpVersion>("version");
    QTest::newRow("absent means v4") << QString() << true << IpVersion::V4;
    QTest::newRow("v4") << u"v4"_s << true << IpVersion::V4;
    QTest::newRow("v6") << u"v6"_s << true << IpVersion::V6;
    QTest::newRow("upper case") << u"V6"_s << false << IpVersion::V4;
    QTest::newRow("ipv6") << u"ipv6"_s << false << IpVersion::V4;
}

void tst_IpAddressRules::parseIpVersion()
{
    QFETCH(QString, attribute);
    QFETCH(bool, valid);
    QFETCH(IpVersion, version);
    const reg::Result<IpVersion> parsed = reg::srs::parseIpVersion(attribute);
    QCOMPARE(parsed.ok(), valid);
    if (valid)
        QCOMPARE(*parsed, version);
}

void tst_IpAddressRules::acceptsPublicAddresses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<IpVersion>("version");
    QTest::addColumn<QString>("canonical");
    QTest::newRow("v4") << u"8.8.8.8"_s << IpVersion::V4 << u"8.8.8.8"_s;
    QTest::newRow("v4 edges") << u"1.0.0.0"_s << IpVersion::V4 << u"1.0.0.0"_s;
    QTest::newRow("v4 just past 172.16/12") << u"172.32.0.1"_s << IpVersion::V4 << u"172.32.0.1"_s;
    QTest::newRow("v4 max public") << u"223.255.255.255"_s << IpVersion::V4 << u"223.255.255.255"_s;
    QTest::newRow("v6") << u"2a00:1450:4001:80b::200e"_s << IpVersion::V6 << u"2a00:1450:4001:80b::200e"_s;
    QTest::newRow("v6 upper case canonicalised") << u"2A00:1450::1"_s << IpVersion::V6 << u"2a00:1450::1"_s;
    QTest::newRow("v6 full form") << u"2600:0000:0000:0000:0000:0000:0000:0001"_s << IpVersion::V6 << u"2600::1"_s;
}

void tst_IpAddressRules::acceptsPublicAddresses()
{
    QFETCH(QString, text);
    QFETCH(IpVersion, version);
    QFETCH(QString, canonical);
    const reg::Result<QHostAddress> address = IpAddressRules().validate(text, version);
    QVERIFY2(address.ok(), qPrintable(address.ok() ? QString() : address.error().message));
    QCOMPARE(address->toString(), canonical);
}

void tst_IpAddressRules::refusesAddresses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<IpVersion>("version");
    QTest::addColumn<QString>("reason");
    QTest::newRow("empty") << QString() << IpVersion::V4 << u"empty"_s;
    QTest::newRow("v6 declared v4") << u"2a00::1"_s << IpVersion::V4 << u"ip=\"v4\" was declared"_s;
    QTest::newRow("v4 declared v6") << u"8.8.8.8"_s << IpVersion::V6 << u"ip=\"v6\" was declared"_s;
    QTest::newRow("three octets") << u"8.8.8"_s << IpVersion::V4 << u"not a valid IPv4"_s;
    QTest::newRow("short form") << u"127.1"_s << IpVersion::V4 << u"not a valid IPv4"_s;
    QTest::newRow("leading zero") << u"8.8.8.010"_s << IpVersion::V4 << u"not a valid IPv4"_s;
    QTest::newRow("octet 256") << u"8.8.8.256"_s << IpVersion::V4 << u"not a valid IPv4"_s;
    QTest::newRow("hex") << u"0x8.8.8.8"_s << IpVersion::V4 << u"not a valid IPv4"_s;
    QTest::newRow("trailing dot") << u"8.8.8.8."_s << IpVersion::V4 << u"not a valid IPv4"_s;
    QTest::newRow("space") << u" 8.8.8.8"_s << IpVersion::V4 << u"not a valid IPv4"_s;
    QTest::newRow("huge") << QString(10000, u'1') << IpVersion::V4 << u"too long"_s;
    QTest::newRow("this network") << u"0.1.2.3"_s << IpVersion::V4 << u"this network"_s;
    QTest::newRow("rfc1918 10") << u"10.1.2.3"_s << IpVersion::V4 << u"private"_s;
    QTest::newRow("rfc1918 172") << u"172.31.255.255"_s << IpVersion::V4 << u"private"_s;
    QTest::newRow("rfc1918 192") << u"192.168.0.1"_s << IpVersion::V4 << u"private"_s;
    QTest::newRow("cgnat") << u"100.64.0.1"_s << IpVersion::V4 << u"shared address space"_s;
    QTest::newRow("loopback v4") << u"127.0.0.1"_s << IpVersion::V4 << u"loopback"_s;
    QTest::newRow("link-local v4") << u"169.254.1.1"_s << IpVersion::V4 << u"link-local"_s;
    QTest::newRow("multicast v4") << u"224.0.0.1"_s << IpVersion::V4 << u"multicast"_s;
    QTest::newRow("broadcast") << u"255.255.255.255"_s << IpVersion::V4 << u"reserved"_s;
    QTest::newRow("benchmarking") << u"198.18.0.1"_s << IpVersion::V4 << u"benchmarking"_s;
    QTest::newRow("unspecified v6") << u"::"_s << IpVersion::V6 << u"unspecified"_s;
    QTest::newRow("loopback v6") << u"::1"_s << IpVersion::V6 << u"loopback"_s;
    QTest::newRow("link-local v6") << u"fe80::1"_s << IpVersion::V6 << u"link-local"_s;
    QTest::newRow("ula") << u"fd00::1"_s << IpVersion::V6 << u"unique local"_s;
    QTest::newRow("multicast v6") << u"ff02::1"_s << IpVersion::V6 << u"multicast"_s;
    QTest::newRow("v4-mapped") << u"::ffff:8.8.8.8"_s << IpVersion::V6 << u"IPv4-mapped"_s;
    QTest::newRow("teredo") << u"2001:0:1::1"_s << IpVersion::V6 << u"special-purpose"_s;
    QTest::newRow("6to4") << u"2002:808:808::1"_s << IpVersion::V6 << u"special-purpose"_s;
    QTest::newRow("zone id") << u"fe80::1%eth0"_s << IpVersion::V6 << u"zone id"_s;
    QTest::newRow("brackets") << u"[2a00::1]"_s << IpVersion::V6 << u"not a valid IPv6"_s;
    QTest::newRow("two double colons") << u"2a00::1::2"_s << IpVersion::V6 << u"not a valid IPv6"_s;
    QTest::newRow("too many groups") << u"2a00:1:2:3:4:5:6:7:8"_s << IpVersion::V6 << u"not a valid IPv6"_s;
    QTest::newRow("group too long") << u"2a00:12345::1"_s << IpVersion::V6 << u"not a valid IPv6"_s;
    QTest::newRow("letters") << u"2a00::g"_s << IpVersion::V6 << u"not a valid IPv6"_s;
}

void tst_IpAddressRules::refusesAddresses()
{
    QFETCH(QString, text);
    QFETCH(IpVersion, version);
    QFETCH(QString, reason);
    // The documentation flag must not open any of these.
    for (bool allowDocumentation : {false, true}) {
        const reg::Result<QHostAddress> address = IpAddressRules(allowDocumentation).validate(text, version);
        QVERIFY2(!address.ok(), qPrintable(address.ok() ? address->toString() : QString()));
        QCOMPARE(address.error().code, reg::ErrorCode::InvalidInput);
        QVERIFY2(address.error().message.contains(reason), qPrintable(address.error().message));
        QVERIFY(address.error().message.size() < 300);
    }
}

void tst_IpAddressRules::documentationRangesNeedTheFlag_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<IpVersion>("version");
    QTest::newRow("TEST-NET-1") << u"192.0.2.1"_s << IpVersion::V4;
    QTest::newRow("TEST-NET-2") << u"198.51.100.7"_s << IpVersion::V4;
    QTest::newRow("TEST-NET-3") << u"203.0.113.255"_s << IpVersion::V4;
    QTest::newRow("2001:db8::/32") << u"2001:db8::53"_s << IpVersion::V6;
    QTest::newRow("2001:db8 upper end") << u"2001:db8:ffff:ffff:ffff:ffff:ffff:ffff"_s << IpVersion::V6;
    QTest::newRow("3fff::/20") << u"3fff:0fff::1"_s << IpVersion::V6;
}

void tst_IpAddressRules::documentationRangesNeedTheFlag()
{
    QFETCH(QString, text);
    QFETCH(IpVersion, version);
    const reg::Result<QHostAddress> refused = IpAddressRules(false).validate(text, version);
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().message.contains(u"documentation"_s), qPrintable(refused.error().message));
    const reg::Result<QHostAddress> allowed = IpAddressRules(true).validate(text, version);
    QVERIFY2(allowed.ok(), qPrintable(allowed.ok() ? QString() : allowed.error().message));
}

QTEST_APPLESS_MAIN(tst_IpAddressRules)
#include "tst_ipaddressrules.moc"
