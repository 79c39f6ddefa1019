#include "directory/directorynames.h"

#include <QTest>

using namespace Qt::StringLiterals;
using reg::directory::normalizeName;
using reg::directory::parseNamePattern;

// Client names and search patterns made into the registry's stored form, or refused.
class tst_DirectoryNames : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void normalizesNames_data();
    void normalizesNames();
    void patternsBecomeIndexRanges_data();
    void patternsBecomeIndexRanges();
    void patternMatching_data();
    void patternMatching();
};

void tst_DirectoryNames::normalizesNames_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");   // empty: refused
    QTest::newRow("plain") << u"acme.example"_s << u"acme.example"_s;
    QTest::newRow("mixed case, trailing dot") << u"AcMe.Example."_s << u"acme.example"_s;
    QTest::newRow("u-label") << u"bücher.example"_s << u"xn--bcher-kva.example"_s;
    QTest::newRow("u-label tld") << u"пример.рф"_s << u"xn--e1afmkfd.xn--p1ai"_s;
    QTest::newRow("a-label upper") << u"XN--BCHER-KVA.example"_s << u"xn--bcher-kva.example"_s;
    QTest::newRow("deep host") << u"ns1.a.b.example"_s << u"ns1.a.b.example"_s;
    QTest::newRow("single label") << u"example"_s << QString();
    QTest::newRow("two trailing dots") << u"acme.example.."_s << QString();
    QTest::newRow("leading hyphen") << u"-acme.example"_s << QString();
    QTest::newRow("numeric tld") << u"192.0.2.1"_s << QString();
    QTest::newRow("nul") << QString(u"acme"_s + QChar(0) + u".example"_s) << QString();
    QTest::newRow("only dots") << u"..."_s << QString();
}

void tst_DirectoryNames::normalizesNames()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const auto name = normalizeName(input);
    if (expected.isEmpty()) {
        QVERIFY(!name.ok());
        QCOMPARE(name.error().code, reg::ErrorCode::InvalidInput);
    } else {
        QVERIFY2(name.ok(), name.ok() ? "" : qPrintable(name.error().message));
        QCOMPARE(*name, expected);
    }
}

void tst_DirectoryNames::patternsBecomeIndexRanges_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("suffix");
    QTest::newRow("prefix and tld") << u"exa*.example"_s << u"exa"_s << u"exb"_s << u".example"_s;
    QTest::newRow("prefix only") << u"exa*"_s << u"exa"_s << u"exb"_s << QString();
    QTest::newRow("ends in z") << u"xyz*"_s << u"xyz"_s << u"xy{"_s << QString();
    QTest::newRow("ends in 9") << u"a9*.example"_s << u"a9"_s << u"a:"_s << u".example"_s;
    QTest::newRow("inside label") << u"ex*le.example"_s << u"ex"_s << u"ey"_s << u"le.example"_s;
    QTest::newRow("u-label domain") << u"a*.bücher.example"_s << u"a"_s << u"b"_s << u".xn--bcher-kva.example"_s;
    QTest::newRow("upper case") << u"EXA*.EXAMPLE."_s << u"exa"_s << u"exb"_s << u".example"_s;
}

void tst_DirectoryNames::patternsBecomeIndexRanges()
{
    QFETCH(QString, pattern);
    const auto p = parseNamePattern(pattern);
    QVERIFY2(p.ok(), p.ok() ? "" : qPrintable(p.error().message));
    QTEST(p->from, "from");
    QTEST(p->to, "to");
    QTEST(p->suffix, "suffix");
}

void tst_DirectoryNames::patternMatching_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("matches");
    QTest::newRow("same tld") << u"exa*.example"_s << u"example.example"_s << true;
    QTest::newRow("nothing for star") << u"exa*.example"_s << u"exa.example"_s << true;
    QTest::newRow("other tld") << u"exa*.example"_s << u"example.net"_s << false;
    QTest::newRow("star does not cross a dot") << u"exa*.example"_s << u"exa.b.example"_s << false;
    QTest::newRow("prefix only crosses dots") << u"exa*"_s << u"exa.b.example"_s << true;
    QTest::newRow("inside label") << u"ex*le.example"_s << u"example.example"_s << true;
    QTest::newRow("inside label, wrong end") << u"ex*le.example"_s << u"exams.example"_s << false;
    QTest::newRow("prefix mismatch") << u"exa*.example"_s << u"exb.example"_s << false;
}

void tst_DirectoryNames::patternMatching()
{
    QFETCH(QString, pattern);
    QFETCH(QString, name);
    const auto p = parseNamePattern(pattern);
    QVERIFY(p.ok());
    QTEST(p->matches(name), "matches");
    if (p->matches(name))
        QVERIFY(name >= p->from && name < p->to);   // every match lies in the scanned range
}

QTEST_GUILESS_MAIN(tst_DirectoryNames)
#include "tst_directorynames.moc"
