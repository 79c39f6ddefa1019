#include "ui/directorystatistics.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;
using noc::DirectoryRateTracker;
using noc::DirectoryStatisticsSample;
using Outcome = DirectoryRateTracker::Outcome;

Q_DECLARE_METATYPE(noc::DirectoryStatisticsSample)

namespace {

const QDateTime start(QDate(2026, 11, 21), QTime(14, 0, 0), Qt::UTC);

DirectoryStatisticsSample sample(qint64 msecs, quint64 whois, quint64 rdap, quint64 hits = 0, quint64 misses = 0,
                                 quint64 whoisLimited = 0, quint64 rdapLimited = 0)
{
    DirectoryStatisticsSample s;
    s.at = start.addMSecs(msecs);
    s.whois.running = true;
    s.rdap.running = true;
    s.whois.queries = whois;
    s.rdap.queries = rdap;
    s.whois.rateLimited = whoisLimited;
    s.rdap.rateLimited = rdapLimited;
    s.cacheHits = hits;
    s.cacheMisses = misses;
    return s;
}

QJsonObject parse(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

} // namespace

// How the directory page reads GET /api/v1/directory/statistics and turns counter snapshots into
// per-second rates and interval hit ratios.
class tst_DirectoryRateTracker : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsTheEnginesAnswer()
    {
        const std::optional<DirectoryStatisticsSample> s = DirectoryStatisticsSample::fromJson(parse(R"({
            "at": "2026-11-21T14:00:05.250Z",
            "whois": {"running": true, "queries": 5000, "queryTypes": {"domain": 4200, "help": 10},
                      "notFound": 800, "rateLimited": 420, "malformed": 70, "connectionsRefused": 3, "failures": 1,
                      "openConnections": 12,
                      "topClients": [{"address": "192.0.2.7", "queries": 3000, "refused": 400},
                                     {"address": "2001:db8::1", "queries": 900, "refused": 20}]},
            "rdap": {"running": false, "queries": 0, "queryTypes": {}, "topClients": []},
            "cache": {"hits": 4500, "misses": 500, "hitRatio": 0.9, "invalidations": 33, "evictions": 2, "entries": 480},
            "journalSequence": 9876})"));
        QVERIFY(s.has_value());
        QCOMPARE(s->at, QDateTime(QDate(2026, 11, 21), QTime(14, 0, 5, 250), Qt::UTC));
        QVERIFY(s->whois.running);
        QVERIFY(!s->rdap.running);
        QCOMPARE(s->whois.queries, 5000u);
        QCOMPARE(s->whois.queryTypes.value(u"domain"_s), 4200u);
        QCOMPARE(s->whois.notFound, 800u);
        QCOMPARE(s->whois.rateLimited, 420u);
        QCOMPARE(s->whois.malformed, 70u);
        QCOMPARE(s->whois.connectionsRefused, 3u);
        QCOMPARE(s->whois.failures, 1u);
        QCOMPARE(s->whois.openConnections, 12);
        QCOMPARE(s->whois.topClients.size(), 2);
        QCOMPARE(s->whois.topClients.at(0).address, u"192.0.2.7"_s);
        QCOMPARE(s->whois.topClients.at(0).queries, 3000u);
        QCOMPARE(s->whois.topClients.at(0).refused, 400u);
        QCOMPARE(s->whois.topClients.at(1).address, u"2001:db8::1"_s);
        QCOMPARE(s->cacheHits, 4500u);
        QCOMPARE(s->cacheMisses, 500u);
        QCOMPARE(s->cacheInvalidations, 33u);
        QCOMPARE(s->cacheEvictions, 2u);
        QCOMPARE(s->cacheEntries, 480);
        QCOMPARE(s->journalSequence, 9876);
    }

    void refusesWhatIsNotAStatisticsAnswer_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("empty") << QByteArray("{}");
        QTest::newRow("error body") << QByteArray(R"({"error": {"code": "unavailable", "message": "no"}})");
        QTest::newRow("no time") << QByteArray(R"({"whois": {}, "rdap": {}, "cache": {}})");
        QTest::newRow("bad time") << QByteArray(R"({"at": "yesterday", "whois": {}, "rdap": {}, "cache": {}})");
        QTest::newRow("no whois") << QByteArray(R"({"at": "2026-11-21T14:00:00Z", "rdap": {}, "cache": {}})");
        QTest::newRow("rdap not an object") << QByteArray(R"({"at": "2026-11-21T14:00:00Z", "whois": {}, "rdap": 3, "cache": {}})");
        QTest::newRow("no cache") << QByteArray(R"({"at": "2026-11-21T14:00:00Z", "whois": {}, "rdap": {}})");
        QTest::newRow("dns statistics") << QByteArray(R"({"at": "2026-11-21T14:00:00Z", "queries": {"udp": 1}, "zones": []})");
    }

    void refusesWhatIsNotAStatisticsAnswer()
    {
        QFETCH(QByteArray, json);
        QVERIFY(!DirectoryStatisticsSample::fromJson(QJsonDocument::fromJson(json).object()).has_value());
    }

    void hostileValuesAreBounded_data()
    {
        QTest::addColumn<QByteArray>("queries");
        QTest::addColumn<quint64>("expected");
        QTest::newRow("negative") << QByteArray("-5") << quint64(0);
        QTest::newRow("string") << QByteArray("\"12\"") << quint64(0);
        QTest::newRow("null") << QByteArray("null") << quint64(0);
        QTest::newRow("fraction") << QByteArray("7.9") << quint64(7);
        QTest::newRow("beyond 64 bits") << QByteArray("1e30") << std::numeric_limits<quint64>::max();
    }

    void hostileValuesAreBounded()
    {
        QFETCH(QByteArray, queries);
        QFETCH(quint64, expected);
        const QByteArray json = R"({"at": "2026-11-21T14:00:00Z", "whois": {"queries": )" + queries
            + R"(, "openConnections": -3}, "rdap": {}, "cache": {"entries": 1e300}})";
        const std::optional<DirectoryStatisticsSample> s = DirectoryStatisticsSample::fromJson(QJsonDocument::fromJson(json).object());
        QVERIFY(s.has_value());
        QCOMPARE(s->whois.queries, expected);
        QCOMPARE(s->whois.openConnections, 0);
        QCOMPARE(s->cacheEntries, std::numeric_limits<qint64>::max());
    }

    void keepsOnlyRealClientAddresses()
    {
        QJsonArray clients;
        clients.append(QJsonObject{{u"address"_s, u"<b>not an address</b>"_s}, {u"queries"_s, 9}});
        clients.append(QJsonObject{{u"address"_s, 17}, {u"queries"_s, 8}});
        clients.append(QJsonObject{{u"address"_s, u"198.51.100.4"_s}, {u"queries"_s, 7}});
        clients.append(u"192.0.2.1"_s);
        const QJsonObject json{{u"at"_s, u"2026-11-21T14:00:00Z"_s},
                               {u"whois"_s, QJsonObject{{u"topClients"_s, clients}}},
                               {u"rdap"_s, QJsonObject{}},
                               {u"cache"_s, QJsonObject{}}};
        const std::optional<DirectoryStatisticsSample> s = DirectoryStatisticsSample::fromJson(json);
        QVERIFY(s.has_value());
        QCOMPARE(s->whois.topClients.size(), 1);
        QCOMPARE(s->whois.topClients.at(0).address, u"198.51.100.4"_s);
    }

    void capsTheClientList()
    {
        QJsonArray clients;
        for (int i = 0; i < DirectoryStatisticsSample::MaxClientsPerService + 50; ++i)
            clients.append(QJsonObject{{u"address"_s, u"192.0.2.%1"_s.arg(i % 250)}, {u"queries"_s, 1}});
        const QJsonObject json{{u"at"_s, u"2026-11-21T14:00:00Z"_s},
                               {u"whois"_s, QJsonObject{}},
                               {u"rdap"_s, QJsonObject{{u"topClients"_s, clients}}},
                               {u"cache"_s, QJsonObject{}}};
        QCOMPARE(DirectoryStatisticsSample::fromJson(json)->rdap.topClients.size(), DirectoryStatisticsSample::MaxClientsPerService);
    }

    void firstSampleIsOnlyABaseline()
    {
        DirectoryRateTracker t;
        QCOMPARE(t.add(sample(0, 100, 10)), Outcome::First);
        QVERIFY(t.points().isEmpty());
        QCOMPARE(t.latest()->whois.queries, 100u);
    }

    void ratesPerSecondOverTheInterval()
    {
        DirectoryRateTracker t;
        t.add(sample(0, 1000, 100, 900, 200, 10, 0));
        QCOMPARE(t.add(sample(5000, 6000, 150, 4900, 1200, 260, 5)), Outcome::Added);
        QCOMPARE(t.points().size(), 1);
        const noc::DirectoryRatePoint &p = t.points().first();
        QCOMPARE(p.at, start.addSecs(5));
        QCOMPARE(p.seconds, 5.0);
        QCOMPARE(p.whoisQueries, 1000.0);
        QCOMPARE(p.rdapQueries, 10.0);
        QCOMPARE(p.totalQueries(), 1010.0);
        QCOMPARE(p.whoisRateLimited, 50.0);
        QCOMPARE(p.rdapRateLimited, 1.0);
        QCOMPARE(p.totalRateLimited(), 51.0);
        QCOMPARE(p.cacheLookups, 1000.0);
        QCOMPARE(p.cacheHitRatio, 0.8);   // 4000 hits of 5000 lookups in the interval, not since start
        QVERIFY(p.afterGap);
    }

    void noLookupsIsNoRatio()
    {
        DirectoryRateTracker t;
        t.add(sample(0, 10, 0, 50, 50));
        t.add(sample(1000, 10, 0, 50, 50));
        QCOMPARE(t.points().size(), 1);
        QVERIFY(std::isnan(t.points().first().cacheHitRatio));
        QCOMPARE(t.points().first().cacheLookups, 0.0);
    }

    void irregularIntervals()
    {
        DirectoryRateTracker t;
        t.add(sample(0, 0, 0));
        t.add(sample(2000, 200, 0));
        t.add(sample(10000, 1000, 0));
        QCOMPARE(t.points().size(), 2);
        QCOMPARE(t.points().at(0).whoisQueries, 100.0);
        QCOMPARE(t.points().at(1).whoisQueries, 100.0);
        QVERIFY(t.points().at(0).afterGap);
        QVERIFY(!t.points().at(1).afterGap);
    }

    void sameSnapshotTwiceIsIgnored()
    {
        DirectoryRateTracker t;
        t.add(sample(0, 10, 0));
        QCOMPARE(t.add(sample(0, 10, 0)), Outcome::Ignored);
        QVERIFY(t.points().isEmpty());
    }

    void aCounterGoingDownIsARestart_data()
    {
        QTest::addColumn<DirectoryStatisticsSample>("after");
        QTest::newRow("whois queries") << sample(5000, 10, 500, 900, 100, 5, 5);
        QTest::newRow("rdap queries") << sample(5000, 1000, 0, 900, 100, 5, 5);
        QTest::newRow("whois refusals") << sample(5000, 1000, 500, 900, 100, 0, 5);
        QTest::newRow("rdap refusals") << sample(5000, 1000, 500, 900, 100, 5, 0);
        QTest::newRow("cache hits") << sample(5000, 1000, 500, 0, 100, 5, 5);
        QTest::newRow("cache misses") << sample(5000, 1000, 500, 900, 0, 5, 5);
        QTest::newRow("time went back") << sample(-5000, 1000, 500, 900, 100, 5, 5);
    }

    void aCounterGoingDownIsARestart()
    {
        QFETCH(DirectoryStatisticsSample, after);
        DirectoryRateTracker t;
        t.add(sample(0, 500, 250, 450, 50, 5, 5));
        QCOMPARE(t.add(after), Outcome::Reset);
        QVERIFY(t.points().isEmpty());
        QCOMPARE(t.resets(), 1);
        // The next interval is measured from the new start, and marked as after a gap.
        DirectoryStatisticsSample next = after;
        next.at = after.at.addSecs(1);
        next.whois.queries += 4;
        QCOMPARE(t.add(next), Outcome::Added);
        QCOMPARE(t.points().last().whoisQueries, 4.0);
        QVERIFY(t.points().last().afterGap);
        for (const noc::DirectoryRatePoint &p : t.points())
            QVERIFY(p.whoisQueries >= 0 && p.rdapQueries >= 0 && p.whoisRateLimited >= 0);
    }

    void aLongPauseIsAGap()
    {
        DirectoryRateTracker t(900, 60);
        t.add(sample(0, 0, 0));
        t.add(sample(5000, 50, 0));
        QCOMPARE(t.add(sample(5000 + 61000, 5000, 0)), Outcome::Gap);
        QCOMPARE(t.points().size(), 1);
        QCOMPARE(t.resets(), 0);
        QCOMPARE(t.add(sample(5000 + 66000, 5050, 0)), Outcome::Added);
        QVERIFY(t.points().last().afterGap);
        QCOMPARE(t.points().last().whoisQueries, 10.0);
    }

    void keepsOnlyTheWindow()
    {
        DirectoryRateTracker t(60, 60);
        for (int i = 0; i <= 30; ++i)
            t.add(sample(i * 5000, quint64(i) * 10, 0));
        // Points at 5 s .. 150 s; the window is the last 60 s before 150 s.
        QCOMPARE(t.points().first().at, start.addSecs(90));
        QCOMPARE(t.points().last().at, start.addSecs(150));
        QCOMPARE(t.points().size(), 13);
    }

    void clearForgetsEverything()
    {
        DirectoryRateTracker t;
        t.add(sample(0, 1, 0));
        t.add(sample(1000, 2, 0));
        t.add(sample(2000, 0, 0));
        t.clear();
        QVERIFY(t.points().isEmpty());
        QVERIFY(!t.latest());
        QCOMPARE(t.resets(), 0);
        QCOMPARE(t.add(sample(3000, 5, 0)), Outcome::First);
    }
};

QTEST_APPLESS_MAIN(tst_DirectoryRateTracker)
#include "tst_directoryratetracker.moc"
