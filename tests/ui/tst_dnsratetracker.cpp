#include "ui/dnsstatistics.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using noc::DnsRateTracker;
using noc::DnsStatisticsSample;
using Outcome = DnsRateTracker::Outcome;

namespace {

const QDateTime start(QDate(2026, 11, 21), QTime(10, 0, 0), Qt::UTC);

DnsStatisticsSample sample(qint64 msecs, quint64 udp, quint64 tcp, quint64 noerror = 0, quint64 nxdomain = 0)
{
    DnsStatisticsSample s;
    s.at = start.addMSecs(msecs);
    s.udpQueries = udp;
    s.tcpQueries = tcp;
    s.responseCodes = {{u"NOERROR"_s, noerror}, {u"NXDOMAIN"_s, nxdomain}};
    return s;
}

} // namespace

// How the DNS page turns counter snapshots into per-second rates.
class tst_DnsRateTracker : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void firstSampleIsOnlyABaseline()
    {
        DnsRateTracker t;
        QCOMPARE(t.add(sample(0, 100, 10)), Outcome::First);
        QVERIFY(t.points().isEmpty());
        QCOMPARE(t.latest()->udpQueries, 100u);
    }

    void ratesPerSecondOverTheInterval()
    {
        DnsRateTracker t;
        t.add(sample(0, 1000, 100, 900, 200));
        QCOMPARE(t.add(sample(5000, 6000, 150, 5800, 350)), Outcome::Added);
        QCOMPARE(t.points().size(), 1);
        const noc::DnsRatePoint &p = t.points().first();
        QCOMPARE(p.at, start.addSecs(5));
        QCOMPARE(p.seconds, 5.0);
        QCOMPARE(p.udp, 1000.0);
        QCOMPARE(p.tcp, 10.0);
        QCOMPARE(p.total, 1010.0);
        QCOMPARE(p.responseCodes.value(u"NOERROR"_s), 980.0);
        QCOMPARE(p.responseCodes.value(u"NXDOMAIN"_s), 30.0);
        QVERIFY(p.afterGap);   // nothing drawn before it
    }

    // Polls arrive late or early; the engine's own timestamps decide the rate.
    void irregularIntervals()
    {
        DnsRateTracker t;
        t.add(sample(0, 0, 0));
        t.add(sample(2000, 200, 0));       // 2 s: 100/s
        t.add(sample(9500, 950, 0));       // 7.5 s: 100/s
        t.add(sample(9750, 1000, 0));      // 0.25 s: 200/s
        QCOMPARE(t.points().size(), 3);
        QCOMPARE(t.points().at(0).udp, 100.0);
        QCOMPARE(t.points().at(1).udp, 100.0);
        QCOMPARE(t.points().at(1).seconds, 7.5);
        QCOMPARE(t.points().at(2).udp, 200.0);
        QVERIFY(!t.points().at(1).afterGap);
        QVERIFY(!t.points().at(2).afterGap);
    }

    void theSameSnapshotTwiceIsIgnored()
    {
        DnsRateTracker t;
        t.add(sample(0, 10, 0));
        t.add(sample(1000, 20, 0));
        QCOMPARE(t.add(sample(1000, 20, 0)), Outcome::Ignored);
        QCOMPARE(t.points().size(), 1);
    }

    // An engine restart: counters start again from 0. No negative rate, no spike, a gap instead.
    void counterResetDrawsNoNegativeSpike()
    {
        DnsRateTracker t;
        t.add(sample(0, 50000, 500, 49000, 1000));
        t.add(sample(5000, 55000, 550, 53900, 1100));
        QCOMPARE(t.add(sample(10000, 40, 2, 40, 2)), Outcome::Reset);
        QCOMPARE(t.resets(), 1);
        QCOMPARE(t.points().size(), 1);
        QCOMPARE(t.add(sample(15000, 540, 7, 530, 17)), Outcome::Added);
        QCOMPARE(t.points().size(), 2);
        const noc::DnsRatePoint &after = t.points().last();
        QVERIFY(after.afterGap);
        QCOMPARE(after.udp, 100.0);
        QCOMPARE(after.tcp, 1.0);
        QCOMPARE(after.responseCodes.value(u"NOERROR"_s), 98.0);
        for (const noc::DnsRatePoint &p : t.points()) {
            QVERIFY(p.total >= 0 && p.udp >= 0 && p.tcp >= 0);
            for (double v : p.responseCodes)
                QVERIFY(v >= 0);
        }
    }

    // One counter going down is enough to know (here only a response code).
    void aSingleCounterGoingDownIsAReset()
    {
        DnsRateTracker t;
        t.add(sample(0, 100, 0, 90, 10));
        QCOMPARE(t.add(sample(1000, 200, 0, 80, 10)), Outcome::Reset);
        t.add(sample(2000, 300, 0, 180, 10));
        DnsStatisticsSample withTc = sample(3000, 400, 0, 280, 10);
        withTc.truncated = 5;
        QCOMPARE(t.add(withTc), Outcome::Added);
        DnsStatisticsSample tcBack = sample(4000, 500, 0, 380, 10);
        tcBack.truncated = 1;
        QCOMPARE(t.add(tcBack), Outcome::Reset);
        QCOMPARE(t.resets(), 2);
    }

    void timeGoingBackIsAReset()
    {
        DnsRateTracker t;
        t.add(sample(10000, 100, 0));
        QCOMPARE(t.add(sample(5000, 200, 0)), Outcome::Reset);
        QCOMPARE(t.add(sample(6000, 300, 0)), Outcome::Added);
        QCOMPARE(t.points().last().udp, 100.0);
    }

    // After the page was hidden for a while the first interval is long: a gap, not a flat average.
    void aLongPauseIsAGap()
    {
        DnsRateTracker t(900, 60);
        t.add(sample(0, 0, 0));
        t.add(sample(5000, 500, 0));
        QCOMPARE(t.add(sample(5000 + 61000, 90000, 0)), Outcome::Gap);
        QCOMPARE(t.resets(), 0);
        QCOMPARE(t.add(sample(5000 + 66000, 90500, 0)), Outcome::Added);
        QVERIFY(t.points().last().afterGap);
        QCOMPARE(t.points().last().udp, 100.0);
        QCOMPARE(t.add(sample(5000 + 66000 + 60000, 96500, 0)), Outcome::Added);   // exactly the limit still counts
    }

    void keepsARollingWindow()
    {
        DnsRateTracker t(60, 60);
        for (int i = 0; i <= 30; ++i)
            t.add(sample(i * 5000, quint64(i) * 10, 0));
        // 150 s of samples, 60 s kept: the points stamped 90 s .. 150 s.
        QCOMPARE(t.points().size(), 13);
        QCOMPARE(t.points().first().at, start.addSecs(90));
        QCOMPARE(t.points().last().at, start.addSecs(150));
        t.clear();
        QVERIFY(t.points().isEmpty());
        QVERIFY(!t.latest());
        QCOMPARE(t.add(sample(200000, 0, 0)), Outcome::First);
    }

    void parsesTheEngineAnswer()
    {
        const QByteArray json = R"({"at":"2026-11-21T10:15:30.123Z","queries":{"udp":1200,"tcp":34,"total":1234},
            "queryTypes":{"A":1},"responseCodes":{"NOERROR":1100,"NXDOMAIN":134},"referrals":900,"truncated":7,
            "rateLimitedDropped":5,"malformedDropped":3,"tcpConnectionsRefused":0,"transfers":{"served":1,"refused":0},
            "notifies":{"sent":2,"failed":0},
            "zones":[{"apex":"example.","serial":4294967295,"nodes":4100,"journalSequence":77,"publishedAt":"2026-11-21T10:15:00.000Z"},
                     {"apex":"test.","serial":1,"nodes":1,"journalSequence":77,"publishedAt":null},
                     {"serial":5}]})";
        const std::optional<DnsStatisticsSample> s = DnsStatisticsSample::fromJson(QJsonDocument::fromJson(json).object());
        QVERIFY(s);
        QCOMPARE(s->at, QDateTime(QDate(2026, 11, 21), QTime(10, 15, 30, 123), Qt::UTC));
        QCOMPARE(s->udpQueries, 1200u);
        QCOMPARE(s->tcpQueries, 34u);
        QCOMPARE(s->totalQueries(), 1234u);
        QCOMPARE(s->responseCodes.value(u"NXDOMAIN"_s), 134u);
        QCOMPARE(s->referrals, 900u);
        QCOMPARE(s->truncated, 7u);
        QCOMPARE(s->rateLimitedDropped, 5u);
        QCOMPARE(s->zones.size(), 2);   // the entry without an apex is dropped
        QCOMPARE(s->zones.at(0).serial, 4294967295u);
        QCOMPARE(s->zones.at(0).nodes, 4100u);
        QCOMPARE(s->zones.at(0).journalSequence, 77);
        QCOMPARE(s->zones.at(0).publishedAt, QDateTime(QDate(2026, 11, 21), QTime(10, 15), Qt::UTC));
        QVERIFY(!s->zones.at(1).publishedAt.isValid());
    }

    void rejectsWhatIsNotStatistics_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("error body") << QByteArray(R"({"error":{"code":"unavailable","message":"x"}})");
        QTest::newRow("no time") << QByteArray(R"({"queries":{"udp":1,"tcp":1}})");
        QTest::newRow("bad time") << QByteArray(R"({"at":"yesterday","queries":{"udp":1,"tcp":1}})");
        QTest::newRow("no queries") << QByteArray(R"({"at":"2026-11-21T10:15:30.123Z"})");
    }
    void rejectsWhatIsNotStatistics()
    {
        QFETCH(QByteArray, json);
        QVERIFY(!DnsStatisticsSample::fromJson(QJsonDocument::fromJson(json).object()));
    }

    void hostileNumbersBecomeZero()
    {
        const QByteArray json = R"({"at":"2026-11-21T10:15:30.123Z","queries":{"udp":-5,"tcp":"many"},"referrals":-1e300,"truncated":1e300})";
        const std::optional<DnsStatisticsSample> s = DnsStatisticsSample::fromJson(QJsonDocument::fromJson(json).object());
        QVERIFY(s);
        QCOMPARE(s->udpQueries, 0u);
        QCOMPARE(s->tcpQueries, 0u);
        QCOMPARE(s->referrals, 0u);
        QCOMPARE(s->truncated, std::numeric_limits<quint64>::max());
    }
};

QTEST_APPLESS_MAIN(tst_DnsRateTracker)
#include "tst_dnsratetracker.moc"
