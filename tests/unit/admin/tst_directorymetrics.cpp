#include "admin/directorymetrics.h"
#include "admin/directorystatisticsjson.h"
#include "admin/directorystatisticssources.h"
#include "admin/metricsregistry.h"

#include <QJsonArray>
#include <QTest>

using namespace reg::admin;
using reg::directory::DirectoryCacheStatistics;
using reg::directory::DirectoryServiceCounters;
using reg::directory::DirectoryStatisticsSnapshot;
using reg::directory::TopClients;

namespace {

TopClients::Entry client(const char *address, quint64 queries, quint64 refused)
{
    TopClients::Entry e;
    e.address = QHostAddress(QString::fromLatin1(address));
    e.queries = queries;
    e.refused = refused;
    return e;
}

DirectoryServiceCounters whois()
{
    DirectoryServiceCounters c;
    c.running = true;
    c.queries = 5000;
    c.byType = {{QStringLiteral("domain"), 4200}, {QStringLiteral("host"), 300}, {QStringLiteral("help"), 10},
                {QStringLiteral("invalid"), 490}};
    c.notFound = 800;
    c.rateLimited = 420;
    c.malformed = 70;
    c.connectionsRefused = 3;
    c.failures = 1;
    c.openConnections = 12;
    c.topClients = {client("192.0.2.7", 3000, 400), client("2001:db8::1", 900, 20)};
    return c;
}

DirectoryServiceCounters rdap()
{
    DirectoryServiceCounters c;
    c.running = true;
    c.queries = 700;
    c.byType = {{QStringLiteral("domain"), 600}, {QStringLiteral("domains-search"), 100}};
    c.notFound = 50;
    c.rateLimited = 9;
    c.openConnections = 4;
    c.topClients = {client("198.51.100.2", 700, 9)};
    return c;
}

DirectoryStatisticsSnapshot sample()
{
    DirectoryStatisticsSnapshot s;
    s.at = QDateTime(QDate(2026, 11, 21), QTime(14, 0, 5, 250), Qt::UTC);
    s.whois = whois();
    s.rdap = rdap();
    s.cache.hits = 4500;
    s.cache.misses = 500;
    s.cache.invalidations = 33;
    s.cache.evictions = 2;
    s.cache.entries = 480;
    s.journalSequence = 9876;
    return s;
}

// The sample lines of one family in the rendering, in order (HELP and TYPE left out).
QByteArrayList seriesOf(const QByteArray &rendering, const QByteArray &family)
{
    QByteArrayList lines;
    for (const QByteArray &line : rendering.split('\n')) {
        if (line.startsWith(QByteArray(family + ' ')) || line.startsWith(QByteArray(family + '{')))
            lines.append(line);
    }
    return lines;
}

bool hasSeriesWithPrefix(const QByteArray &rendering, const QByteArray &prefix)
{
    for (const QByteArray &line : rendering.split('\n')) {
        if (line.startsWith(prefix))
            return true;
    }
    return false;
}

} // namespace

class tst_DirectoryMetrics : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void publishesEachServiceUnderItsOwnPrefix_data()
    {
        QTest::addColumn<QByteArray>("family");
        QTest::addColumn<QByteArrayList>("expected");
        QTest::newRow("whois queries") << QByteArray("registry_whois_queries_total") << QByteArrayList{"registry_whois_queries_total 5000"};
        QTest::newRow("whois types") << QByteArray("registry_whois_query_types_total")
                                     << QByteArrayList{"registry_whois_query_types_total{type=\"domain\"} 4200",
                                                       "registry_whois_query_types_total{type=\"host\"} 300",
                                                       "registry_whois_query_types_total{type=\"help\"} 10",
                                                       "registry_whois_query_types_total{type=\"invalid\"} 490"};
        QTest::newRow("whois not found") << QByteArray("registry_whois_not_found_total") << QByteArrayList{"registry_whois_not_found_total 800"};
        QTest::newRow("whois rate limited") << QByteArray("registry_whois_rate_limited_total") << QByteArrayList{"registry_whois_rate_limited_total 420"};
        QTest::newRow("whois malformed") << QByteArray("registry_whois_malformed_total") << QByteArrayList{"registry_whois_malformed_total 70"};
        QTest::newRow("whois connections refused") << QByteArray("registry_whois_connections_refused_total")
                                                   << QByteArrayList{"registry_whois_connections_refused_total 3"};
        QTest::newRow("whois failures") << QByteArray("registry_whois_failures_total") << QByteArrayList{"registry_whois_failures_total 1"};
        QTest::newRow("whois open") << QByteArray("registry_whois_open_connections") << QByteArrayList{"registry_whois_open_connections 12"};
        QTest::newRow("rdap queries") << QByteArray("registry_rdap_queries_total") << QByteArrayList{"registry_rdap_queries_total 700"};
        QTest::newRow("rdap types") << QByteArray("registry_rdap_query_types_total")
                                    << QByteArrayList{"registry_rdap_query_types_total{type=\"domain\"} 600",
                                                      "registry_rdap_query_types_total{type=\"domains-search\"} 100"};
        QTest::newRow("rdap rate limited") << QByteArray("registry_rdap_rate_limited_total") << QByteArrayList{"registry_rdap_rate_limited_total 9"};
        QTest::newRow("rdap open") << QByteArray("registry_rdap_open_connections") << QByteArrayList{"registry_rdap_open_connections 4"};
        QTest::newRow("cache hits") << QByteArray("registry_directory_cache_hits_total") << QByteArrayList{"registry_directory_cache_hits_total 4500"};
        QTest::newRow("cache misses") << QByteArray("registry_directory_cache_misses_total") << QByteArrayList{"registry_directory_cache_misses_total 500"};
        QTest::newRow("cache invalidations") << QByteArray("registry_directory_cache_invalidations_total")
                                             << QByteArrayList{"registry_directory_cache_invalidations_total 33"};
        QTest::newRow("cache evictions") << QByteArray("registry_directory_cache_evictions_total")
                                         << QByteArrayList{"registry_directory_cache_evictions_total 2"};
        QTest::newRow("cache entries") << QByteArray("registry_directory_cache_entries") << QByteArrayList{"registry_directory_cache_entries 480"};
        QTest::newRow("journal") << QByteArray("registry_directory_journal_sequence") << QByteArrayList{"registry_directory_journal_sequence 9876"};
    }

    void publishesEachServiceUnderItsOwnPrefix()
    {
        QFETCH(QByteArray, family);
        QFETCH(QByteArrayList, expected);
        MetricsRegistry m;
        publishDirectoryMetrics(m, sample());
        QCOMPARE(seriesOf(m.render(), family), expected);
    }

    void declaresCountersAndGaugesByName()
    {
        MetricsRegistry m;
        publishDirectoryMetrics(m, sample());
        const QByteArray out = m.render();
        int families = 0;
        for (const QByteArray &line : out.split('\n')) {
            if (!line.startsWith("# TYPE "))
                continue;
            ++families;
            const QByteArrayList parts = line.split(' ');
            QCOMPARE(parts.size(), 4);
            QVERIFY2(parts[2].startsWith("registry_whois_") || parts[2].startsWith("registry_rdap_")
                         || parts[2].startsWith("registry_directory_"), parts[2].constData());
            // Prometheus conventions: every counter ends in _total, no gauge does.
            QCOMPARE(parts[2].endsWith("_total"), parts[3] == "counter");
        }
        QCOMPARE(families, 2 * 8 + 6);
        QVERIFY(out.contains("# HELP registry_rdap_rate_limited_total RDAP queries refused by the per-client rate limit.\n"));
    }

    void clientAddressesStayOffMetrics()
    {
        // /metrics can be open without a token: the busiest clients are for the API only.
        MetricsRegistry m;
        publishDirectoryMetrics(m, sample());
        const QByteArray out = m.render();
        QVERIFY(!out.contains("192.0.2.7"));
        QVERIFY(!out.contains("2001:db8::1"));
        QVERIFY(!out.contains("198.51.100.2"));
    }

    void aStoppedServiceHasNoSeries()
    {
        MetricsRegistry m;
        publishDirectoryMetrics(m, sample());
        DirectoryStatisticsSnapshot later = sample();
        later.rdap = DirectoryServiceCounters{};   // RDAP stopped; Whois goes on
        later.whois.queries = 5100;
        publishDirectoryMetrics(m, later);
        const QByteArray out = m.render();
        QVERIFY(!hasSeriesWithPrefix(out, "registry_rdap_"));
        QCOMPARE(m.value(QStringLiteral("registry_whois_queries_total")), 5100.0);
        QVERIFY(hasSeriesWithPrefix(out, "registry_directory_cache_hits_total"));
    }

    void aQueryTypeThatGoesAwayLeavesNoSeries()
    {
        MetricsRegistry m;
        publishDirectoryMetrics(m, sample());
        DirectoryStatisticsSnapshot later = sample();
        later.whois.byType.removeLast();
        publishDirectoryMetrics(m, later);
        QVERIFY(!m.render().contains("type=\"invalid\""));
    }

    void withdrawingLeavesOnlyOtherFamilies()
    {
        MetricsRegistry m;
        m.define(QStringLiteral("registry_up"), MetricsRegistry::Type::Gauge, QStringLiteral("Up."));
        m.set(QStringLiteral("registry_up"), 1);
        publishDirectoryMetrics(m, sample());
        withdrawDirectoryMetrics(m);
        const QByteArray out = m.render();
        QVERIFY(!hasSeriesWithPrefix(out, "registry_whois_"));
        QVERIFY(!hasSeriesWithPrefix(out, "registry_rdap_"));
        QVERIFY(!hasSeriesWithPrefix(out, "registry_directory_"));
        QVERIFY(out.contains("registry_up 1\n"));
        MetricsRegistry empty;
        withdrawDirectoryMetrics(empty);
        QVERIFY(empty.render().isEmpty());
    }

    void queryTypeLabelsAreEscaped()
    {
        MetricsRegistry m;
        DirectoryStatisticsSnapshot s;
        s.whois.running = true;
        s.whois.byType = {{QStringLiteral("we\"ird\\"), 1}};
        publishDirectoryMetrics(m, s);
        QVERIFY(m.render().contains("registry_whois_query_types_total{type=\"we\\\"ird\\\\\"} 1\n"));
    }

    void jsonCarriesTheWholeSnapshot()
    {
        const QJsonObject j = directoryStatisticsJson(sample());
        QCOMPARE(j.value(u"at").toString(), QStringLiteral("2026-11-21T14:00:05.250Z"));
        QCOMPARE(j.value(u"journalSequence").toInteger(), 9876);

        const QJsonObject w = j.value(u"whois").toObject();
        QCOMPARE(w.value(u"running").toBool(), true);
        QCOMPARE(w.value(u"queries").toInteger(), 5000);
        QCOMPARE(w.value(u"queryTypes").toObject().size(), 4);
        QCOMPARE(w.value(u"queryTypes").toObject().value(u"invalid").toInteger(), 490);
        QCOMPARE(w.value(u"notFound").toInteger(), 800);
        QCOMPARE(w.value(u"rateLimited").toInteger(), 420);
        QCOMPARE(w.value(u"malformed").toInteger(), 70);
        QCOMPARE(w.value(u"connectionsRefused").toInteger(), 3);
        QCOMPARE(w.value(u"failures").toInteger(), 1);
        QCOMPARE(w.value(u"openConnections").toInteger(), 12);
        const QJsonArray clients = w.value(u"topClients").toArray();
        QCOMPARE(clients.size(), 2);
        QCOMPARE(clients.at(0).toObject().value(u"address").toString(), QStringLiteral("192.0.2.7"));
        QCOMPARE(clients.at(0).toObject().value(u"queries").toInteger(), 3000);
        QCOMPARE(clients.at(0).toObject().value(u"refused").toInteger(), 400);
        QCOMPARE(clients.at(1).toObject().value(u"address").toString(), QStringLiteral("2001:db8::1"));

        const QJsonObject r = j.value(u"rdap").toObject();
        QCOMPARE(r.value(u"queries").toInteger(), 700);
        QCOMPARE(r.value(u"queryTypes").toObject().value(u"domains-search").toInteger(), 100);
        QCOMPARE(r.value(u"topClients").toArray().at(0).toObject().value(u"address").toString(), QStringLiteral("198.51.100.2"));

        const QJsonObject c = j.value(u"cache").toObject();
        QCOMPARE(c.value(u"hits").toInteger(), 4500);
        QCOMPARE(c.value(u"misses").toInteger(), 500);
        QCOMPARE(c.value(u"hitRatio").toDouble(), 0.9);
        QCOMPARE(c.value(u"invalidations").toInteger(), 33);
        QCOMPARE(c.value(u"evictions").toInteger(), 2);
        QCOMPARE(c.value(u"entries").toInteger(), 480);
    }

    void jsonOfIdleServices()
    {
        const QJsonObject j = directoryStatisticsJson(DirectoryStatisticsSnapshot{});
        QVERIFY(j.value(u"at").isNull());
        QCOMPARE(j.value(u"whois").toObject().value(u"running").toBool(true), false);
        QVERIFY(j.value(u"whois").toObject().value(u"topClients").toArray().isEmpty());
        // No lookup yet: no ratio rather than a made-up 0 or 1.
        QVERIFY(j.value(u"cache").toObject().value(u"hitRatio").isNull());
    }

    void jsonCapsTheClientList()
    {
        DirectoryStatisticsSnapshot s;
        s.whois.running = true;
        for (int i = 0; i < MaxTopClients + 5; ++i)
            s.whois.topClients.append(client("192.0.2.1", quint64(MaxTopClients + 5 - i), 0));
        QCOMPARE(directoryStatisticsJson(s).value(u"whois").toObject().value(u"topClients").toArray().size(), MaxTopClients);
    }

    void collectsNothingWhileNeitherServiceRuns()
    {
        DirectoryStatisticsSources sources;
        sources.cache = [] { return DirectoryCacheStatistics{}; };
        sources.journalSequence = [] { return qint64(5); };
        QVERIFY(!collectDirectoryStatistics(sources, QDateTime::currentDateTimeUtc()).has_value());
        QVERIFY(!collectDirectoryStatistics(DirectoryStatisticsSources{}, QDateTime::currentDateTimeUtc()).has_value());
    }

    void collectsWhatRuns_data()
    {
        QTest::addColumn<bool>("withWhois");
        QTest::addColumn<bool>("withRdap");
        QTest::addColumn<bool>("withDirectory");
        QTest::newRow("whois only") << true << false << true;
        QTest::newRow("rdap only") << false << true << true;
        QTest::newRow("both") << true << true << true;
        QTest::newRow("services without a directory") << true << true << false;
    }

    void collectsWhatRuns()
    {
        QFETCH(bool, withWhois);
        QFETCH(bool, withRdap);
        QFETCH(bool, withDirectory);
        DirectoryStatisticsSources sources;
        int whoisCalls = 0;
        if (withWhois) {
            sources.whois = [&whoisCalls] {
                ++whoisCalls;
                DirectoryServiceCounters c = whois();
                c.running = false;   // a source that forgot the flag still counts as running
                return c;
            };
        }
        if (withRdap)
            sources.rdap = rdap;
        if (withDirectory) {
            sources.cache = [] { return sample().cache; };
            sources.journalSequence = [] { return qint64(9876); };
        }
        const QDateTime at(QDate(2026, 11, 21), QTime(15, 0), Qt::OffsetFromUTC, 3600);
        const std::optional<DirectoryStatisticsSnapshot> s = collectDirectoryStatistics(sources, at);
        QVERIFY(s.has_value());
        QCOMPARE(s->at, at);
        QCOMPARE(s->at.timeSpec(), Qt::UTC);
        QCOMPARE(s->whois.running, withWhois);
        QCOMPARE(s->whois.queries, withWhois ? 5000u : 0u);
        QCOMPARE(whoisCalls, withWhois ? 1 : 0);
        QCOMPARE(s->rdap.running, withRdap);
        QCOMPARE(s->rdap.queries, withRdap ? 700u : 0u);
        QCOMPARE(s->cache.hits, withDirectory ? 4500u : 0u);
        QCOMPARE(s->journalSequence, withDirectory ? 9876 : 0);
    }
};

QTEST_APPLESS_MAIN(tst_DirectoryMetrics)
#include "tst_directorymetrics.moc"
