#include "dnsmetrics.h"

#include "metricsregistry.h"

namespace reg::admin {
namespace {

using T = MetricsRegistry::Type;
using Labels = MetricsRegistry::Labels;

struct FamilySpec
{
    const char16_t *name;
    T type;
    const char16_t *help;
};

// Prometheus conventions: counters end in _total, a unit goes into the name, and one family never
// mixes label sets that would double-count when summed. The snapshot counts query types over both
// transports (not per transport), hence two query families.
constexpr FamilySpec families[] = {
    {u"registry_dns_queries_total", T::Counter, u"DNS queries received, by transport."},
    {u"registry_dns_query_types_total", T::Counter, u"DNS queries received over UDP and TCP, by query type."},
    {u"registry_dns_responses_total", T::Counter, u"DNS responses sent, by response code."},
    {u"registry_dns_referrals_total", T::Counter, u"DNS responses that delegate to a registered domain's name servers."},
    {u"registry_dns_truncated_responses_total", T::Counter, u"DNS responses sent with TC (too big for UDP, or a rate-limit slip)."},
    {u"registry_dns_rrl_dropped_total", T::Counter, u"DNS responses not sent because of response rate limiting."},
    {u"registry_dns_malformed_dropped_total", T::Counter, u"DNS packets dropped without an answer (too short, QR set)."},
    {u"registry_dns_tcp_connections_refused_total", T::Counter, u"DNS TCP connections refused over the connection limits."},
    {u"registry_dns_transfers_total", T::Counter, u"Zone transfers (AXFR and IXFR), by result."},
    {u"registry_dns_notifies_sent_total", T::Counter, u"DNS NOTIFY messages sent to secondaries."},
    {u"registry_dns_notifies_failed_total", T::Counter, u"DNS NOTIFY messages without an answer after every retry."},
    {u"registry_dns_zone_serial", T::Gauge, u"SOA serial of the zone version being served."},
    {u"registry_dns_zone_nodes", T::Gauge, u"Owner names in the zone version being served."},
    {u"registry_dns_zone_journal_sequence", T::Gauge, u"The last journal entry the served zone version reflects."},
    {u"registry_dns_zone_published_timestamp_seconds", T::Gauge, u"Unix time the served zone version was published."},
};

QString name(const char16_t *n)
{
    return QString::fromUtf16(n);
}

void defineFamilies(MetricsRegistry &m)
{
    for (const FamilySpec &f : families)
        m.define(name(f.name), f.type, name(f.help));
}

Labels label(const char *key, const QString &value)
{
    return {{QString::fromLatin1(key), value}};
}

} // namespace

void withdrawDnsMetrics(MetricsRegistry &m)
{
    for (const FamilySpec &f : families)
        m.clearSeries(name(f.name));
}

void publishDnsMetrics(MetricsRegistry &m, const dns::DnsStatisticsSnapshot &s)
{
    defineFamilies(m);
    // Start from empty families: a zone or label value that is gone must not linger.
    withdrawDnsMetrics(m);

    const QString queries = QStringLiteral("registry_dns_queries_total");
    m.set(queries, label("transport", QStringLiteral("udp")), double(s.udpQueries));
    m.set(queries, label("transport", QStringLiteral("tcp")), double(s.tcpQueries));
    for (const auto &[type, count] : s.byType)
        m.set(QStringLiteral("registry_dns_query_types_total"), label("type", type), double(count));
    for (const auto &[rcode, count] : s.byRcode)
        m.set(QStringLiteral("registry_dns_responses_total"), label("rcode", rcode), double(count));
    m.set(QStringLiteral("registry_dns_referrals_total"), double(s.referrals));
    m.set(QStringLiteral("registry_dns_truncated_responses_total"), double(s.truncated));
    m.set(QStringLiteral("registry_dns_rrl_dropped_total"), double(s.rateLimitedDropped));
    m.set(QStringLiteral("registry_dns_malformed_dropped_total"), double(s.malformedDropped));
    m.set(QStringLiteral("registry_dns_tcp_connections_refused_total"), double(s.tcpConnectionsRefused));
    const QString transfers = QStringLiteral("registry_dns_transfers_total");
    m.set(transfers, label("result", QStringLiteral("served")), double(s.transfersServed));
    m.set(transfers, label("result", QStringLiteral("refused")), double(s.transfersRefused));
    m.set(QStringLiteral("registry_dns_notifies_sent_total"), double(s.notifiesSent));
    m.set(QStringLiteral("registry_dns_notifies_failed_total"), double(s.notifiesFailed));

    for (const dns::DnsStatisticsSnapshot::Zone &z : s.zones) {
        const Labels zone = label("zone", z.apex);
        m.set(QStringLiteral("registry_dns_zone_serial"), zone, double(z.serial));
        m.set(QStringLiteral("registry_dns_zone_nodes"), zone, double(z.nodes));
        m.set(QStringLiteral("registry_dns_zone_journal_sequence"), zone, double(z.journalSequence));
        if (z.publishedAt.isValid())
            m.set(QStringLiteral("registry_dns_zone_published_timestamp_seconds"), zone,
                  double(z.publishedAt.toMSecsSinceEpoch()) / 1000.0);
    }
}

} // namespace reg::admin
