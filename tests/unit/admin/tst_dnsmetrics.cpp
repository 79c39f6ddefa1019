#include "admin/dnsmetrics.h"
#include "admin/dnsstatisticsjson.h"
#include "admin/metricsregistry.h"

#include <QJsonArray>
#include <QTest>

using namespace reg::admin;
using reg::dns::DnsStatisticsSnapshot;

namespace {

DnsStatisticsSnapshot::Zone zone(const QString &apex, std::uint32_t serial, std::uint64_t nodes, qint64 sequence, const QDateTime &published)
{
    DnsStatisticsSnapshot::Zone z;
    z.apex = apex;
    z.serial = serial;
    z.nodes = nodes;
    z.journalSequence = sequence;
    z.publishedAt = published;
    return z;
}

DnsStatisticsSnapshot sample()
{
    DnsStatisticsSnapshot s;
    s.at = QDateTime(QDate(2026, 11, 21), QTime(10, 15, 30, 123), Qt::UTC);
    s.udpQueries = 1200;
    s.tcpQueries = 34;
    s.byType = {{QStringLiteral("A"), 700}, {QStringLiteral("NS"), 500}, {QStringLiteral("AXFR"), 2}, {QStringLiteral("other"), 32}};
    s.byRcode = {{QStringLiteral("NOERROR"), 1100}, {QStringLiteral("NXDOMAIN"), 120}, {QStringLiteral("REFUSED"), 14}};
    s.referrals = 900;
    s.truncated = 7;
    s.rateLimitedDropped = 5;
    s.malformedDropped = 3;
    s.tcpConnectionsRefused = 2;
    s.transfersServed = 2;
    s.transfersRefused = 1;
    s.notifiesSent = 6;
    s.notifiesFailed = 1;
    s.zones = {zone(QStringLiteral("example."), 2026112105u, 4100, 1234, QDateTime(QDate(2026, 11, 21), QTime(10, 15, 0), Qt::UTC)),
               zone(QStringLiteral("test."), 4294967295u, 1, 1234, QDateTime())};
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

} // namespace

class tst_DnsMetrics : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void publishesEveryCounterWithItsLabels()
    {
        MetricsRegistry m;
        publishDnsMetrics(m, sample());
        const QByteArray out = m.render();
        QCOMPARE(seriesOf(out, "registry_dns_queries_total"),
                 QByteArrayList({"registry_dns_queries_total{transport=\"udp\"} 1200", "registry_dns_queries_total{transport=\"tcp\"} 34"}));
        QCOMPARE(seriesOf(out, "registry_dns_query_types_total"),
                 QByteArrayList({"registry_dns_query_types_total{type=\"A\"} 700", "registry_dns_query_types_total{type=\"NS\"} 500",
                                 "registry_dns_query_types_total{type=\"AXFR\"} 2", "registry_dns_query_types_total{type=\"other\"} 32"}));
        QCOMPARE(seriesOf(out, "registry_dns_responses_total"),
                 QByteArrayList({"registry_dns_responses_total{rcode=\"NOERROR\"} 1100", "registry_dns_responses_total{rcode=\"NXDOMAIN\"} 120",
                                 "registry_dns_responses_total{rcode=\"REFUSED\"} 14"}));
        QCOMPARE(seriesOf(out, "registry_dns_referrals_total"), QByteArrayList({"registry_dns_referrals_total 900"}));
        QCOMPARE(seriesOf(out, "registry_dns_truncated_responses_total"), QByteArrayList({"registry_dns_truncated_responses_total 7"}));
        QCOMPARE(seriesOf(out, "registry_dns_rrl_dropped_total"), QByteArrayList({"registry_dns_rrl_dropped_total 5"}));
        QCOMPARE(seriesOf(out, "registry_dns_malformed_dropped_total"), QByteArrayList({"registry_dns_malformed_dropped_total 3"}));
        QCOMPARE(seriesOf(out, "registry_dns_tcp_connections_refused_total"), QByteArrayList({"registry_dns_tcp_connections_refused_total 2"}));
        QCOMPARE(seriesOf(out, "registry_dns_transfers_total"),
                 QByteArrayList({"registry_dns_transfers_total{result=\"served\"} 2", "registry_dns_transfers_total{result=\"refused\"} 1"}));
        QCOMPARE(seriesOf(out, "registry_dns_notifies_sent_total"), QByteArrayList({"registry_dns_notifies_sent_total 6"}));
        QCOMPARE(seriesOf(out, "registry_dns_notifies_failed_total"), QByteArrayList({"registry_dns_notifies_failed_total 1"}));
        QCOMPARE(seriesOf(out, "registry_dns_zone_serial"),
                 QByteArrayList({"registry_dns_zone_serial{zone=\"example.\"} 2026112105", "registry_dns_zone_serial{zone=\"test.\"} 4294967295"}));
        QCOMPARE(seriesOf(out, "registry_dns_zone_nodes"),
                 QByteArrayList({"registry_dns_zone_nodes{zone=\"example.\"} 4100", "registry_dns_zone_nodes{zone=\"test.\"} 1"}));
        QCOMPARE(seriesOf(out, "registry_dns_zone_journal_sequence"),
                 QByteArrayList({"registry_dns_zone_journal_sequence{zone=\"example.\"} 1234", "registry_dns_zone_journal_sequence{zone=\"test.\"} 1234"}));
        // A zone without a publication time has no timestamp series (rather than a 1970 one).
        QCOMPARE(seriesOf(out, "registry_dns_zone_published_timestamp_seconds"),
                 QByteArrayList({"registry_dns_zone_published_timestamp_seconds{zone=\"example.\"} 1795256100"}));
    }

    void declaresCountersAndGauges()
    {
        MetricsRegistry m;
        publishDnsMetrics(m, sample());
        const QByteArray out = m.render();
        QVERIFY(out.contains("# TYPE registry_dns_queries_total counter\n"));
        QVERIFY(out.contains("# TYPE registry_dns_responses_total counter\n"));
        QVERIFY(out.contains("# TYPE registry_dns_zone_serial gauge\n"));
        QVERIFY(out.contains("# TYPE registry_dns_zone_nodes gauge\n"));
        // Prometheus conventions: every counter ends in _total, no gauge does.
        for (const QByteArray &line : out.split('\n')) {
            if (!line.startsWith("# TYPE "))
                continue;
            const QByteArrayList parts = line.split(' ');
            QCOMPARE(parts.size(), 4);
            QVERIFY2(parts[2].startsWith("registry_dns_"), parts[2].constData());
            QCOMPARE(parts[2].endsWith("_total"), parts[3] == "counter");
        }
    }

    void aZoneThatGoesAwayLeavesNoSeries()
    {
        MetricsRegistry m;
        publishDnsMetrics(m, sample());
        DnsStatisticsSnapshot later = sample();
        later.zones.removeLast();
        later.udpQueries = 1300;
        publishDnsMetrics(m, later);
        const QByteArray out = m.render();
        QVERIFY(!out.contains("zone=\"test.\""));
        QCOMPARE(seriesOf(out, "registry_dns_zone_serial"), QByteArrayList({"registry_dns_zone_serial{zone=\"example.\"} 2026112105"}));
        QCOMPARE(m.value(QStringLiteral("registry_dns_queries_total"), {{QStringLiteral("transport"), QStringLiteral("udp")}}), 1300.0);
    }

    void withdrawingLeavesNoDnsSeries()
    {
        MetricsRegistry m;
        m.define(QStringLiteral("registry_up"), MetricsRegistry::Type::Gauge, QStringLiteral("Up."));
        m.set(QStringLiteral("registry_up"), 1);
        publishDnsMetrics(m, sample());
        withdrawDnsMetrics(m);
        const QByteArray out = m.render();
        for (const QByteArray &line : out.split('\n'))
            QVERIFY2(line.isEmpty() || line.startsWith('#') || !line.startsWith("registry_dns_"), line.constData());
        QVERIFY(out.contains("registry_up 1\n"));
        // Without ever publishing, withdrawing defines nothing.
        MetricsRegistry empty;
        withdrawDnsMetrics(empty);
        QVERIFY(empty.render().isEmpty());
    }

    void zoneLabelsAreEscaped()
    {
        MetricsRegistry m;
        DnsStatisticsSnapshot s;
        s.zones = {zone(QStringLiteral("we\"ird\\."), 1, 1, 1, {})};
        publishDnsMetrics(m, s);
        QVERIFY(m.render().contains("registry_dns_zone_serial{zone=\"we\\\"ird\\\\.\"} 1\n"));
    }

    void jsonCarriesTheWholeSnapshot()
    {
        const QJsonObject j = dnsStatisticsJson(sample());
        QCOMPARE(j.value(u"at").toString(), QStringLiteral("2026-11-21T10:15:30.123Z"));
        const QJsonObject queries = j.value(u"queries").toObject();
        QCOMPARE(queries.value(u"udp").toInteger(), 1200);
        QCOMPARE(queries.value(u"tcp").toInteger(), 34);
        QCOMPARE(queries.value(u"total").toInteger(), 1234);
        const QJsonObject types = j.value(u"queryTypes").toObject();
        QCOMPARE(types.size(), 4);
        QCOMPARE(types.value(u"NS").toInteger(), 500);
        QCOMPARE(types.value(u"other").toInteger(), 32);
        const QJsonObject rcodes = j.value(u"responseCodes").toObject();
        QCOMPARE(rcodes.size(), 3);
        QCOMPARE(rcodes.value(u"NXDOMAIN").toInteger(), 120);
        QCOMPARE(j.value(u"referrals").toInteger(), 900);
        QCOMPARE(j.value(u"truncated").toInteger(), 7);
        QCOMPARE(j.value(u"rateLimitedDropped").toInteger(), 5);
        QCOMPARE(j.value(u"malformedDropped").toInteger(), 3);
        QCOMPARE(j.value(u"tcpConnectionsRefused").toInteger(), 2);
        QCOMPARE(j.value(u"transfers").toObject().value(u"served").toInteger(), 2);
        QCOMPARE(j.value(u"transfers").toObject().value(u"refused").toInteger(), 1);
        QCOMPARE(j.value(u"notifies").toObject().value(u"sent").toInteger(), 6);
        QCOMPARE(j.value(u"notifies").toObject().value(u"failed").toInteger(), 1);

        const QJsonArray zones = j.value(u"zones").toArray();
        QCOMPARE(zones.size(), 2);
        const QJsonObject example = zones.at(0).toObject();
        QCOMPARE(example.value(u"apex").toString(), QStringLiteral("example."));
        QCOMPARE(example.value(u"serial").toInteger(), 2026112105);
        QCOMPARE(example.value(u"nodes").toInteger(), 4100);
        QCOMPARE(example.value(u"journalSequence").toInteger(), 1234);
        QCOMPARE(example.value(u"publishedAt").toString(), QStringLiteral("2026-11-21T10:15:00.000Z"));
        const QJsonObject test = zones.at(1).toObject();
        QCOMPARE(test.value(u"serial").toInteger(), qint64(4294967295u));   // a serial past 2^31 stays unsigned
        QVERIFY(test.value(u"publishedAt").isNull());
    }

    void jsonOfAnIdleServer()
    {
        const QJsonObject j = dnsStatisticsJson(DnsStatisticsSnapshot{});
        QCOMPARE(j.value(u"queries").toObject().value(u"total").toInteger(), 0);
        QVERIFY(j.value(u"queryTypes").toObject().isEmpty());
        QVERIFY(j.value(u"zones").toArray().isEmpty());
        QVERIFY(j.value(u"at").isNull());
    }
};

QTEST_APPLESS_MAIN(tst_DnsMetrics)
#include "tst_dnsmetrics.moc"
