// The RDAP query path parser (engine/rdap/rdappath.cpp): every query RFC 9082 defines that we serve,
// IDN normalisation, and hostile targets refused with the right status.
#include "rdap/rdappath.h"

#include <QTest>

using reg::rdap::RdapPath;
using reg::rdap::parseRdapPath;

Q_DECLARE_METATYPE(RdapPath::Kind)

class tst_RdapPath : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesQueries_data();
    void parsesQueries();
    void refusesBadTargets_data();
    void refusesBadTargets();
    void parsesAddressSearch_data();
    void parsesAddressSearch();
    void namesEachTypeForStatistics();
};

void tst_RdapPath::parsesQueries_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<RdapPath::Kind>("kind");
    QTest::addColumn<QString>("name");

    using K = RdapPath::Kind;
    QTest::newRow("domain") << QByteArray("/domain/example.test") << K::Domain << u"example.test"_qs;
    QTest::newRow("domain-upper-case") << QByteArray("/domain/EXAMPLE.Test") << K::Domain << u"example.test"_qs;
    QTest::newRow("domain-trailing-dot") << QByteArray("/domain/example.test.") << K::Domain << u"example.test"_qs;
    QTest::newRow("domain-trailing-slash") << QByteArray("/domain/example.test/") << K::Domain << u"example.test"_qs;
    QTest::newRow("domain-query-ignored") << QByteArray("/domain/example.test?jscard=1") << K::Domain << u"example.test"_qs;
    QTest::newRow("domain-a-label") << QByteArray("/domain/xn--caf-dma.test") << K::Domain << u"xn--caf-dma.test"_qs;
    QTest::newRow("domain-u-label-percent") << QByteArray("/domain/caf%C3%A9.test") << K::Domain << u"xn--caf-dma.test"_qs;
    QTest::newRow("domain-u-label-upper") << QByteArray("/domain/CAF%C3%89.test") << K::Domain << u"xn--caf-dma.test"_qs;
    QTest::newRow("domain-percent-ascii") << QByteArray("/domain/%65xample.test") << K::Domain << u"example.test"_qs;
    QTest::newRow("domain-single-label") << QByteArray("/domain/test") << K::Domain << u"test"_qs;
    QTest::newRow("nameserver") << QByteArray("/nameserver/ns1.example.test") << K::Nameserver << u"ns1.example.test"_qs;
    QTest::newRow("entity") << QByteArray("/entity/registrar-a") << K::Entity << u"registrar-a"_qs;
    QTest::newRow("entity-case-kept") << QByteArray("/entity/ClientA_1") << K::Entity << u"ClientA_1"_qs;
    QTest::newRow("entity-contact-id-punctuation") << QByteArray("/entity/C%2B1") << K::Entity << u"C+1"_qs;
    QTest::newRow("help") << QByteArray("/help") << K::Help << QString();
    QTest::newRow("domains-search") << QByteArray("/domains?name=exam*.test") << K::DomainSearch << u"exam*.test"_qs;
    QTest::newRow("domains-search-upper") << QByteArray("/domains?name=EXAM*.TEST") << K::DomainSearch << u"exam*.test"_qs;
    QTest::newRow("domains-search-exact") << QByteArray("/domains?name=example.test") << K::DomainSearch << u"example.test"_qs;
    QTest::newRow("domains-search-escaped-star") << QByteArray("/domains?name=ex%2A.test") << K::DomainSearch << u"ex*.test"_qs;
    QTest::newRow("domains-search-idn-tld") << QByteArray("/domains?name=a*.caf%C3%A9") << K::DomainSearch << u"a*.xn--caf-dma"_qs;
    QTest::newRow("nameservers-search") << QByteArray("/nameservers?name=ns*.example.test") << K::NameserverSearch
                                        << u"ns*.example.test"_qs;
    QTest::newRow("search-empty-pairs-ignored") << QByteArray("/domains?&name=a*.test&") << K::DomainSearch << u"a*.test"_qs;
}

void tst_RdapPath::parsesQueries()
{
    QFETCH(QByteArray, target);
    QFETCH(RdapPath::Kind, kind);
    QFETCH(QString, name);

    const RdapPath p = parseRdapPath(target);
    QVERIFY2(p.kind == kind, qPrintable(p.message));
    QCOMPARE(p.name, name);
}

void tst_RdapPath::refusesBadTargets_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<int>("status");

    QTest::newRow("root") << QByteArray("/") << 400;
    QTest::newRow("not-a-path") << QByteArray("*") << 400;
    QTest::newRow("empty") << QByteArray() << 400;
    QTest::newRow("unknown-type") << QByteArray("/favicon.ico") << 400;
    QTest::newRow("domain-without-name") << QByteArray("/domain") << 400;
    QTest::newRow("domain-empty-name") << QByteArray("/domain/") << 400;
    QTest::newRow("domain-extra-segment") << QByteArray("/domain/a.test/x") << 400;
    QTest::newRow("too-many-segments") << QByteArray("/domain/a/b/c/d") << 400;
    QTest::newRow("domain-underscore") << QByteArray("/domain/a_b.test") << 400;
    QTest::newRow("domain-empty-label") << QByteArray("/domain/a..test") << 400;
    QTest::newRow("domain-leading-hyphen") << QByteArray("/domain/-a.test") << 400;
    QTest::newRow("domain-trailing-hyphen") << QByteArray("/domain/a-.test") << 400;
    QTest::newRow("domain-label-64") << QByteArray("/domain/" + QByteArray(64, 'a') + ".test") << 400;
    QTest::newRow("domain-name-254") << QByteArray("/domain/" + QByteArray(QByteArray(62, 'a') + '.').repeated(4) + "test") << 400;
    QTest::newRow("domain-encoded-slash") << QByteArray("/domain/a%2Fb.test") << 400;
    QTest::newRow("domain-encoded-nul") << QByteArray("/domain/a%00.test") << 400;
    QTest::newRow("domain-encoded-newline") << QByteArray("/domain/a%0d%0aX:%20y") << 400;
    QTest::newRow("domain-broken-escape") << QByteArray("/domain/a%4") << 400;
    QTest::newRow("domain-bad-hex") << QByteArray("/domain/a%zz.test") << 400;
    QTest::newRow("domain-invalid-utf8") << QByteArray("/domain/%C3%28.test") << 400;
    QTest::newRow("domain-overlong-utf8") << QByteArray("/domain/%C0%AF.test") << 400;
    QTest::newRow("domain-dot-dot") << QByteArray("/domain/..") << 400;
    QTest::newRow("domain-fragment") << QByteArray("/domains?name=a*.test#x") << 400;
    QTest::newRow("entity-bad-char") << QByteArray("/entity/a%20b") << 400;
    QTest::newRow("entity-non-ascii") << QByteArray("/entity/%C3%A9") << 400;
    QTest::newRow("entity-too-long") << QByteArray("/entity/" + QByteArray(65, 'a')) << 400;
    QTest::newRow("entity-empty") << QByteArray("/entity/") << 400;
    QTest::newRow("search-no-parameter") << QByteArray("/domains") << 400;
    QTest::newRow("search-unknown-parameter") << QByteArray("/domains?foo=a*.test") << 400;
    QTest::newRow("search-two-parameters") << QByteArray("/domains?name=a*.test&x=1") << 400;
    QTest::newRow("search-repeated") << QByteArray("/domains?name=a*.test&name=b*.test") << 400;
    QTest::newRow("search-star-only") << QByteArray("/domains?name=*.test") << 400;
    QTest::newRow("search-bare-star") << QByteArray("/domains?name=*") << 400;
    QTest::newRow("search-two-stars") << QByteArray("/domains?name=a*b*.test") << 400;
    QTest::newRow("search-star-mid-label") << QByteArray("/domains?name=a*b.test") << 400;
    QTest::newRow("search-star-in-tld") << QByteArray("/domains?name=example.t*") << 400;
    QTest::newRow("search-star-no-tld") << QByteArray("/domains?name=exam*") << 400;
    QTest::newRow("search-unicode-partial") << QByteArray("/domains?name=caf%C3%A9*.test") << 400;
    QTest::newRow("search-empty-value") << QByteArray("/domains?name=") << 400;
    QTest::newRow("search-plus") << QByteArray("/domains?name=a+b*.test") << 400;
    QTest::newRow("nameservers-ip-bad") << QByteArray("/nameservers?ip=999.1.1.1") << 400;
    QTest::newRow("nameservers-ip-scope") << QByteArray("/nameservers?ip=fe80::1%25eth0") << 400;
    QTest::newRow("domains-ip-not-allowed") << QByteArray("/domains?ip=192.0.2.1") << 400;
    QTest::newRow("domains-by-nameserver") << QByteArray("/domains?nsLdhName=ns1.a.test") << 501;
    QTest::newRow("entities-search") << QByteArray("/entities?fn=Jo*") << 501;
    QTest::newRow("ip-network") << QByteArray("/ip/192.0.2.0/24") << 501;
    QTest::newRow("autnum") << QByteArray("/autnum/64496") << 501;
    QTest::newRow("too-long") << QByteArray(QByteArray("/domain/") + QByteArray(2100, 'a')) << 414;
}

void tst_RdapPath::refusesBadTargets()
{
    QFETCH(QByteArray, target);
    QFETCH(int, status);

    const RdapPath p = parseRdapPath(target);
    QCOMPARE(p.kind, RdapPath::Kind::Error);
    QCOMPARE(p.status, status);
    QVERIFY(!p.message.isEmpty());
}

void tst_RdapPath::parsesAddressSearch_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QString>("address");
    QTest::newRow("v4") << QByteArray("/nameservers?ip=192.0.2.1") << u"192.0.2.1"_qs;
    QTest::newRow("v6") << QByteArray("/nameservers?ip=2001:db8::1") << u"2001:db8::1"_qs;
    QTest::newRow("v6-escaped") << QByteArray("/nameservers?ip=2001%3Adb8%3A%3A53") << u"2001:db8::53"_qs;
}

void tst_RdapPath::parsesAddressSearch()
{
    QFETCH(QByteArray, target);
    QFETCH(QString, address);
    const RdapPath p = parseRdapPath(target);
    QCOMPARE(p.kind, RdapPath::Kind::NameserverByIp);
    QCOMPARE(p.address, QHostAddress(address));
}

void tst_RdapPath::namesEachTypeForStatistics()
{
    QCOMPARE(QByteArray(parseRdapPath("/domain/a.test").typeName()), QByteArray("domain"));
    QCOMPARE(QByteArray(parseRdapPath("/nameserver/a.test").typeName()), QByteArray("nameserver"));
    QCOMPARE(QByteArray(parseRdapPath("/entity/x").typeName()), QByteArray("entity"));
    QCOMPARE(QByteArray(parseRdapPath("/help").typeName()), QByteArray("help"));
    QCOMPARE(QByteArray(parseRdapPath("/domains?name=a*.test").typeName()), QByteArray("domains-search"));
    QCOMPARE(QByteArray(parseRdapPath("/nameservers?ip=192.0.2.1").typeName()), QByteArray("nameservers-search"));
    QCOMPARE(QByteArray(parseRdapPath("/nope").typeName()), QByteArray("other"));
}

QTEST_APPLESS_MAIN(tst_RdapPath)
#include "tst_rdappath.moc"
