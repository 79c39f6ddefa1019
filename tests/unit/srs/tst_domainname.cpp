// Unit tests for engine/srs/domainname.cpp: label and name syntax, IDN A-labels, registrable names
// under configured TLDs, and host names with their superordinate domains.
#include "srs/domainname.h"

#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using reg::srs::DomainName;
using reg::srs::HostName;

class tst_DomainName : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseAcceptsValidNames_data();
    void parseAcceptsValidNames();
    void parseRefusesInvalidNames_data();
    void parseRefusesInvalidNames();
    void lengthLimitsAreExact();
    void punycodeDecodesKnownVectors_data();
    void punycodeDecodesKnownVectors();
    void registrableNameIsOneLabelUnderServedTld_data();
    void registrableNameIsOneLabelUnderServedTld();
    void isAtOrUnderComparesWholeLabels();
    void belongsTo_data();
    void belongsTo();
    void equalNamesHashEqually();
    void hostSubordination_data();
    void hostSubordination();
    void superordinateDomain_data();
    void superordinateDomain();
};

void tst_DomainName::parseAcceptsValidNames_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("stored");
    QTest::newRow("plain") << u"example.com"_s << u"example.com"_s;
    QTest::newRow("upper case folds") << u"ExAmPle.COM"_s << u"example.com"_s;
    QTest::newRow("trailing dot stripped") << u"example.com."_s << u"example.com"_s;
    QTest::newRow("digits and hyphen") << u"a-1.b2"_s << u"a-1.b2"_s;
    QTest::newRow("all-digit second level") << u"123.example"_s << u"123.example"_s;
    QTest::newRow("single character labels") << u"a.b"_s << u"a.b"_s;
    QTest::newRow("idn a-label") << u"xn--bcher-kva.example"_s << u"xn--bcher-kva.example"_s;
    QTest::newRow("idn a-label upper case") << u"XN--MNCHEN-3YA.example"_s << u"xn--mnchen-3ya.example"_s;
    QTest::newRow("idn cjk") << u"xn--fiqs8s.example"_s << u"xn--fiqs8s.example"_s;
    QTest::newRow("idn tld") << u"example.xn--p1ai"_s << u"example.xn--p1ai"_s;
    QTest::newRow("63-char label") << QString(QString(63, u'a') + u".com"_s) << QString(QString(63, u'a') + u".com"_s);
    QTest::newRow("deep") << u"a.b.c.d.e.f"_s << u"a.b.c.d.e.f"_s;
}

void tst_DomainName::parseAcceptsValidNames()
{
    QFETCH(QString, input);
    QFETCH(QString, stored);
    const reg::Result<DomainName> name = DomainName::parse(input);
    QVERIFY2(name.ok(), qPrintable(name.ok() ? QString() : name.error().message));
    QCOMPARE(name->toString(), stored);
}

void tst_DomainName::parseRefusesInvalidNames_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("reason");
    QTest::newRow("empty") << QString() << u"empty domain name"_s;
    QTest::newRow("just a dot") << u"."_s << u"empty domain name"_s;
    QTest::newRow("single label") << u"localhost"_s << u"single label"_s;
    QTest::newRow("empty label") << u"a..com"_s << u"empty label"_s;
    QTest::newRow("leading dot") << u".example.com"_s << u"empty label"_s;
    QTest::newRow("two trailing dots") << u"example.com.."_s << u"empty label"_s;
    QTest::newRow("leading hyphen") << u"-abc.com"_s << u"starts or ends with a hyphen"_s;
    QTest::newRow("trailing hyphen") << u"abc-.com"_s << u"starts or ends with a hyphen"_s;
    QTest::newRow("underscore") << u"a_b.com"_s << u"other than a letter"_s;
    QTest::newRow("space") << u"a b.com"_s << u"other than a letter"_s;
    QTest::newRow("nul") << u"a\u0000b.com"_s << u"other than a letter"_s;
    QTest::newRow("at sign") << u"user@example.com"_s << u"other than a letter"_s;
    QTest::newRow("u-label") << u"bücher.example"_s << u"not ASCII"_s;
    QTest::newRow("fullwidth dot") << u"example\uff0ecom"_s << u"not ASCII"_s;
    QTest::newRow("64-char label") << QString(QString(64, u'a') + u".com"_s) << u"label too long"_s;
    QTest::newRow("hyphens 3-4 not xn") << u"ab--cd.com"_s << u"positions 3 and 4"_s;
    QTest::newRow("xn bad punycode digit") << u"xn--a-b-.com"_s << u"starts or ends with a hyphen"_s;
    QTest::newRow("xn truncated") << u"xn--99.com"_s << u"not valid Punycode"_s;
    QTest::newRow("xn decodes to ascii only") << u"xn--abc-.com"_s << u"starts or ends with a hyphen"_s;
    QTest::newRow("xn empty payload") << u"xn--.com"_s << u"starts or ends with a hyphen"_s;
    QTest::newRow("xn overflow") << u"xn--99999999999999999999.com"_s << u"not valid Punycode"_s;
    QTest::newRow("xn not canonical (upper-case u-label)") << u"xn--mnchen-psa.example"_s << u"canonical"_s;
    QTest::newRow("numeric tld") << u"192.0.2.1"_s << u"all-numeric"_s;
    QTest::newRow("ipv6 literal") << u"2001:db8::1"_s << u"single label"_s;
    QTest::newRow("ipv6 literal with dot") << u"ns.2001:db8::1"_s << u"other than a letter"_s;
    QTest::newRow("254 chars") << QString(QString(QString(63, u'a') + u'.').repeated(3) + QString(62, u'b')) << u"too long"_s;
    QTest::newRow("huge") << QString(1 << 20, u'a') << u"too long"_s;
}

void tst_DomainName::parseRefusesInvalidNames()
{
    QFETCH(QString, input);
    QFETCH(QString, reason);
    const reg::Result<DomainName> name = DomainName::parse(input);
    QVERIFY2(!name.ok(), qPrintable(name.ok() ? name->toString() : QString()));
    QCOMPARE(name.error().code, reg::ErrorCode::InvalidInput);
    QVERIFY2(name.error().message.contains(reason), qPrintable(name.error().message));
    QVERIFY(name.error().message.size() < 400); // hostile input is never echoed in full
}

void tst_DomainName::lengthLimitsAreExact()
{
    // 63 + 1 + 63 + 1 + 63 + 1 + 61 = 253 octets: the longest name RFC 1035 allows in text form.
    const QString longest = QString(QString(QString(63, u'a') + u'.').repeated(3) + QString(61, u'b'));
    QCOMPARE(longest.size(), 253);
    QVERIFY(DomainName::parse(longest).ok());
    QVERIFY(DomainName::parse(QString(longest + u'.')).ok()); // the trailing dot is not counted
    QVERIFY(!DomainName::parse(QString(longest + u'b')).ok());
}

void tst_DomainName::punycodeDecodesKnownVectors_data()
{
    QTest::addColumn<QString>("encoded");
    QTest::addColumn<QString>("decoded");
    QTest::newRow("buecher") << u"bcher-kva"_s << u"bücher"_s;
    QTest::newRow("muenchen") << u"mnchen-3ya"_s << u"münchen"_s;
    QTest::newRow("chinese") << u"fiqs8s"_s << u"中国"_s;
    // RFC 3492 section 7.1 sample (B) Chinese (simplified).
    QTest::newRow("rfc3492 B") << u"ihqwcrb4cv8a8dqg056pqjye"_s << u"他们为什么不说中文"_s;
    QTest::newRow("russian") << u"p1ai"_s << u"рф"_s;
}

void tst_DomainName::punycodeDecodesKnownVectors()
{
    QFETCH(QString, encoded);
    QFETCH(QString, decoded);
    const reg::Result<QString> result = reg::srs::decodePunycode(encoded);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    QCOMPARE(*result, decoded);
}

void tst_DomainName::registrableNameIsOneLabelUnderServedTld_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QStringList>("tlds");
    QTest::addColumn<QString>("reason"); // empty = registrable
    const QStringList tlds{u"example"_s, u"test"_s, u"co.example"_s};
    QTest::newRow("second level") << u"acme.example"_s << tlds << QString();
    QTest::newRow("other tld") << u"acme.test"_s << tlds << QString();
    QTest::newRow("multi-label tld") << u"acme.co.example"_s << tlds << QString();
    QTest::newRow("tld with trailing dot in config") << u"acme.org"_s << QStringList{u"org."_s} << QString();
    QTest::newRow("case-insensitive config") << u"acme.org"_s << QStringList{u"ORG"_s} << QString();
    QTest::newRow("third level") << u"www.acme.example"_s << tlds << u"exactly one label"_s;
    QTest::newRow("third level under co") << u"www.acme.co.example"_s << tlds << u"exactly one label"_s;
    QTest::newRow("not served") << u"acme.com"_s << tlds << u"not under a TLD this registry serves"_s;
    QTest::newRow("suffix string but not label") << u"acme.notexample"_s << tlds << u"not under a TLD"_s;
    QTest::newRow("the tld itself") << u"co.example"_s << QStringList{u"co.example"_s} << u"not under a TLD"_s;
    QTest::newRow("no tlds configured") << u"acme.example"_s << QStringList() << u"not under a TLD"_s;
    QTest::newRow("syntax first") << u"-acme.example"_s << tlds << u"hyphen"_s;
}

void tst_DomainName::registrableNameIsOneLabelUnderServedTld()
{
    QFETCH(QString, input);
    QFETCH(QStringList, tlds);
    QFETCH(QString, reason);
    const reg::Result<DomainName> name = DomainName::parseRegistrable(input, tlds);
    if (reason.isEmpty()) {
        QVERIFY2(name.ok(), qPrintable(name.ok() ? QString() : name.error().message));
        QCOMPARE(name->toString(), input.toLower());
    } else {
        QVERIFY(!name.ok());
        QCOMPARE(name.error().code, reg::ErrorCode::InvalidInput);
        QVERIFY2(name.error().message.contains(reason), qPrintable(name.error().message));
    }
}

void tst_DomainName::isAtOrUnderComparesWholeLabels()
{
    const DomainName example = *DomainName::parse(u"example.test"_s);
    QVERIFY(DomainName::parse(u"example.test"_s)->isAtOrUnder(example));
    QVERIFY(DomainName::parse(u"ns1.example.test"_s)->isAtOrUnder(example));
    QVERIFY(!DomainName::parse(u"badexample.test"_s)->isAtOrUnder(example));
    QVERIFY(!DomainName::parse(u"other.test"_s)->isAtOrUnder(example));
    QVERIFY(!DomainName().isAtOrUnder(example));
}

void tst_DomainName::belongsTo_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("tld");
    QTest::addColumn<bool>("belongs");
    QTest::newRow("direct child") << u"acme.example"_s << u"example"_s << true;
    QTest::newRow("tld case and dot ignored") << u"acme.example"_s << u"EXAMPLE."_s << true;
    QTest::newRow("multi-label tld") << u"acme.co.example"_s << u"co.example"_s << true;
    QTest::newRow("grandchild") << u"www.acme.example"_s << u"example"_s << false;
    QTest::newRow("multi-label seen from its parent") << u"acme.co.example"_s << u"example"_s << false;
    QTest::newRow("other tld") << u"acme.test"_s << u"example"_s << false;
    QTest::newRow("empty tld") << u"acme.example"_s << QString() << false;
}

void tst_DomainName::belongsTo()
{
    QFETCH(QString, name);
    QFETCH(QString, tld);
    QFETCH(bool, belongs);
    QCOMPARE(DomainName::parse(name)->belongsTo(tld), belongs);
}

void tst_DomainName::equalNamesHashEqually()
{
    const DomainName a = *DomainName::parse(u"Acme.Example"_s);
    const DomainName b = *DomainName::parse(u"acme.example."_s);
    QCOMPARE(a, b);
    QCOMPARE(qHash(a), qHash(b));
    QSet<HostName> hosts{*HostName::parse(u"NS1.acme.example"_s), *HostName::parse(u"ns1.acme.example"_s)};
    QCOMPARE(hosts.size(), 1);
}

void tst_DomainName::hostSubordination_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("domain");
    QTest::addColumn<bool>("subordinate");
    QTest::newRow("child") << u"ns1.acme.example"_s << u"acme.example"_s << true;
    QTest::newRow("grandchild") << u"a.ns1.acme.example"_s << u"ACME.example"_s << true;
    QTest::newRow("same name") << u"acme.example"_s << u"acme.example"_s << false;
    QTest::newRow("string suffix only") << u"ns1.xacme.example"_s << u"acme.example"_s << false;
    QTest::newRow("other domain") << u"ns1.other.example"_s << u"acme.example"_s << false;
}

void tst_DomainName::hostSubordination()
{
    QFETCH(QString, host);
    QFETCH(QString, domain);
    QFETCH(bool, subordinate);
    const reg::Result<HostName> h = HostName::parse(host);
    QVERIFY(h.ok());
    QCOMPARE(h->isSubordinateTo(*DomainName::parse(domain)), subordinate);
}

void tst_DomainName::superordinateDomain_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("expected"); // empty = external / none
    QTest::newRow("ns under served tld") << u"ns1.acme.example"_s << u"acme.example"_s;
    QTest::newRow("deep host") << u"a.b.ns.acme.example"_s << u"acme.example"_s;
    QTest::newRow("multi-label tld") << u"ns.acme.co.example"_s << u"acme.co.example"_s;
    QTest::newRow("external") << u"ns1.provider.net"_s << QString();
    QTest::newRow("registrable name itself") << u"acme.example"_s << QString();
}

void tst_DomainName::superordinateDomain()
{
    QFETCH(QString, host);
    QFETCH(QString, expected);
    const QStringList tlds{u"example"_s, u"co.example"_s};
    const reg::Result<DomainName> parent = HostName::parse(host)->superordinateDomain(tlds);
    if (expected.isEmpty()) {
        QVERIFY(!parent.ok());
    } else {
        QVERIFY2(parent.ok(), qPrintable(parent.ok() ? QString() : parent.error().message));
        QCOMPARE(parent->toString(), expected);
    }
}

QTEST_APPLESS_MAIN(tst_DomainName)
#include "tst_domainname.moc"
