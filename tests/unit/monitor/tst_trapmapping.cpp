// Traps mapped to alarm events, and configured trap rules parsed as hostile input.
#include "monitor/trapmapping.h"

#include <QTest>

using namespace reg::monitor;
using namespace Qt::StringLiterals;

class tst_TrapMapping : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void linkDownRaisesAndLinkUpClearsThePort();
    void restartsRaiseRestart();
    void unknownTrapMapsToNothing();
    void configuredRuleWinsOverBuiltIn();
    void parsesRules_data();
    void parsesRules();
    void refusesRules_data();
    void refusesRules();
};

namespace {
TrapRecord trap(const QString &oid)
{
    TrapRecord t;
    t.source = QHostAddress(u"192.0.2.7"_s);
    t.receivedAt = QDateTime(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC);
    t.trapOid = oid;
    return t;
}
}

void tst_TrapMapping::linkDownRaisesAndLinkUpClearsThePort()
{
    const TrapMapping mapping;
    const auto down = mapping.map(trap(TrapMapping::linkDownOid()), 3);
    QVERIFY(down);
    QCOMPARE(down->action, TrapEvent::Action::Raise);
    QCOMPARE(down->alarm, u"link-down:3"_s);
    QCOMPARE(down->severity, TrapSeverity::Major);
    QCOMPARE(down->source, QHostAddress(u"192.0.2.7"_s));
    const auto up = mapping.map(trap(TrapMapping::linkUpOid()), 3);
    QVERIFY(up);
    QCOMPARE(up->action, TrapEvent::Action::Clear);
    QCOMPARE(up->alarm, down->alarm);
    QCOMPARE(mapping.map(trap(TrapMapping::linkDownOid()), std::nullopt)->alarm, u"link-down"_s);
}

void tst_TrapMapping::restartsRaiseRestart()
{
    const TrapMapping mapping;
    for (const QString &oid : {TrapMapping::coldStartOid(), TrapMapping::warmStartOid()}) {
        const auto event = mapping.map(trap(oid), std::nullopt);
        QVERIFY(event);
        QCOMPARE(event->action, TrapEvent::Action::Raise);
        QCOMPARE(event->alarm, u"restart"_s);
    }
}

void tst_TrapMapping::unknownTrapMapsToNothing()
{
    QCOMPARE(TrapMapping().map(trap(u"1.3.6.1.4.1.99999.1"_s), std::nullopt), std::nullopt);
}

void tst_TrapMapping::configuredRuleWinsOverBuiltIn()
{
    const auto rule = parseTrapRule(u"1.3.6.1.6.3.1.1.5.1 raise critical core-router-reboot"_s);
    QVERIFY(rule);
    const auto custom = parseTrapRule(u".1.3.6.1.4.1.2021.251.1 clear info ups-on-battery"_s);
    QVERIFY(custom);
    const TrapMapping mapping({*rule, *custom});
    const auto event = mapping.map(trap(TrapMapping::coldStartOid()), std::nullopt);
    QCOMPARE(event->alarm, u"core-router-reboot"_s);
    QCOMPARE(event->severity, TrapSeverity::Critical);
    const auto cleared = mapping.map(trap(u"1.3.6.1.4.1.2021.251.1"_s), std::nullopt);
    QVERIFY(cleared);
    QCOMPARE(cleared->action, TrapEvent::Action::Clear);
}

void tst_TrapMapping::parsesRules_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("oid");
    QTest::newRow("plain") << u"1.3.6.1.4.1.9.9.41.2.0.1 raise minor syslog"_s << u"1.3.6.1.4.1.9.9.41.2.0.1"_s;
    QTest::newRow("leading-dot") << u".1.3.6.1.4.1.9 clear warning x"_s << u"1.3.6.1.4.1.9"_s;
    QTest::newRow("extra-spaces") << u"  1.3.6   raise   major   a_b.c  "_s << u"1.3.6"_s;
    QTest::newRow("max-arc") << u"1.3.4294967295 raise info big"_s << u"1.3.4294967295"_s;
}

void tst_TrapMapping::parsesRules()
{
    QFETCH(QString, line);
    QFETCH(QString, oid);
    const auto rule = parseTrapRule(line);
    QVERIFY2(rule, rule ? "" : qPrintable(rule.error().message));
    QCOMPARE(rule->trapOid, oid);
}

void tst_TrapMapping::refusesRules_data()
{
    QTest::addColumn<QString>("line");
    QTest::newRow("empty") << QString();
    QTest::newRow("missing-name") << u"1.3.6.1 raise major"_s;
    QTest::newRow("extra-field") << u"1.3.6.1 raise major a b"_s;
    QTest::newRow("symbolic-oid") << u"IF-MIB::linkDown raise major a"_s;
    QTest::newRow("one-arc") << u"1 raise major a"_s;
    QTest::newRow("first-arc-3") << u"3.1 raise major a"_s;
    QTest::newRow("arc-over-32-bits") << u"1.3.4294967296 raise major a"_s;
    QTest::newRow("leading-zero") << u"1.03.6 raise major a"_s;
    QTest::newRow("empty-arc") << u"1..3 raise major a"_s;
    QTest::newRow("sign") << u"1.+3 raise major a"_s;
    QTest::newRow("bad-action") << u"1.3.6 page major a"_s;
    QTest::newRow("bad-severity") << u"1.3.6 raise urgent a"_s;
    QTest::newRow("bad-name") << u"1.3.6 raise major a;drop"_s;
    QTest::newRow("non-ascii-name") << u"1.3.6 raise major \u00e9t\u00e9"_s;
    QTest::newRow("long-name") << (u"1.3.6 raise major "_s + QString(65, u'a'));
    QTest::newRow("too-many-arcs") << (u"1"_s + QString(u".1"_s).repeated(128) + u" raise major a"_s);
    QTest::newRow("too-long") << QString(600, u'1');
}

void tst_TrapMapping::refusesRules()
{
    QFETCH(QString, line);
    QVERIFY(!parseTrapRule(line));
}

QTEST_GUILESS_MAIN(tst_TrapMapping)
#include "tst_trapmapping.moc"
