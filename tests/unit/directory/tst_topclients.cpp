#include "directory/topclients.h"

#include <QTest>

using namespace Qt::StringLiterals;
using reg::directory::TopClients;

// The busiest-clients report (seed 002) in bounded memory.
class tst_TopClients : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void exactBelowCapacity();
    void countsRefusals();
    void topIsMostQueriesFirstAndCapped_data();
    void topIsMostQueriesFirstAndCapped();
    void heavyClientSurvivesAFloodOfOneOffs();
    void keepsFullIpv6Addresses();
    void emptyReport();
};

void tst_TopClients::exactBelowCapacity()
{
    TopClients top(64);
    for (int i = 1; i <= 40; ++i) {
        const QHostAddress a(0xc6336400u + quint32(i));   // 198.51.100.i
        for (int n = 0; n < i; ++n)
            top.record(a, false);
    }
    const QList<TopClients::Entry> entries = top.top(40);
    QCOMPARE(entries.size(), 40);
    for (int i = 0; i < 40; ++i) {
        QCOMPARE(entries[i].queries, quint64(40 - i));
        QCOMPARE(entries[i].address, QHostAddress(0xc6336400u + quint32(40 - i)));
        QCOMPARE(entries[i].refused, 0u);
    }
}

void tst_TopClients::countsRefusals()
{
    TopClients top(16);
    const QHostAddress a(u"198.51.100.1"_s);
    for (int n = 0; n < 10; ++n)
        top.record(a, n >= 7);
    const auto entries = top.top(1);
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries[0].queries, 10u);
    QCOMPARE(entries[0].refused, 3u);
}

void tst_TopClients::topIsMostQueriesFirstAndCapped_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("expected");
    QTest::newRow("fewer than tracked") << 3 << 3;
    QTest::newRow("all") << 5 << 5;
    QTest::newRow("more than tracked") << 50 << 5;
    QTest::newRow("none") << 0 << 0;
    QTest::newRow("negative") << -1 << 0;
}

void tst_TopClients::topIsMostQueriesFirstAndCapped()
{
    QFETCH(int, count);
    QFETCH(int, expected);
    TopClients top(16);
    for (int i = 0; i < 5; ++i) {
        for (int n = 0; n <= i * 3; ++n)
            top.record(QHostAddress(0x0a000001u + quint32(i)), false);
    }
    const auto entries = top.top(count);
    QCOMPARE(entries.size(), expected);
    for (int i = 1; i < entries.size(); ++i)
        QVERIFY(entries[i - 1].queries > entries[i].queries);
}

void tst_TopClients::heavyClientSurvivesAFloodOfOneOffs()
{
    TopClients top(32);
    const QHostAddress heavy(u"203.0.113.5"_s);
    for (quint32 i = 0; i < 20000; ++i) {
        top.record(QHostAddress(0x0b000000u + i), false);   // each seen once
        if (i % 10 == 0)
            top.record(heavy, true);
    }
    const auto entries = top.top(1);
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries[0].address, heavy);
    QVERIFY(entries[0].queries >= 2000u);   // never under-counted
    QVERIFY(entries[0].refused >= 2000u);
}

void tst_TopClients::keepsFullIpv6Addresses()
{
    TopClients top(8);
    const QHostAddress a(u"2001:db8:1:2:3:4:5:6"_s);
    const QHostAddress b(u"2001:db8:1:2:3:4:5:7"_s);
    top.record(a, false);
    top.record(a, false);
    top.record(b, false);
    const auto entries = top.top(2);
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries[0].address, a);
    QCOMPARE(entries[1].address, b);
}

void tst_TopClients::emptyReport()
{
    TopClients top;
    QVERIFY(top.top(10).isEmpty());
}

QTEST_GUILESS_MAIN(tst_TopClients)
#include "tst_topclients.moc"
