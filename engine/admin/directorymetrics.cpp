#include "directorymetrics.h"

#include "metricsregistry.h"

#include <utility>

namespace reg::admin {
namespace {

using T = MetricsRegistry::Type;
using Labels = MetricsRegistry::Labels;

struct FamilySpec
{
    const char16_t *suffix;     // after registry_whois_ / registry_rdap_
    T type;
    const char16_t *help;       // "%1" is the service's name
};

// Whois and RDAP count the same things, so they share one table; each gets its own families
// (rather than one family with a service label) because their query types differ.
constexpr FamilySpec serviceFamilies[] = {
    {u"queries_total", T::Counter, u"%1 queries received (answered or refused)."},
    {u"query_types_total", T::Counter, u"%1 queries received, by query type."},
    {u"not_found_total", T::Counter, u"%1 queries answered with not found."},
    {u"rate_limited_total", T::Counter, u"%1 queries refused by the per-client rate limit."},
    {u"malformed_total", T::Counter, u"%1 queries refused as malformed, oversized or binary."},
    {u"connections_refused_total", T::Counter, u"%1 connections refused over the connection limits."},
    {u"failures_total", T::Counter, u"%1 queries answered with a temporary failure (database error)."},
    {u"open_connections", T::Gauge, u"%1 connections open now."},
};

struct CacheFamilySpec
{
    const char16_t *name;
    T type;
    const char16_t *help;
};

constexpr CacheFamilySpec cacheFamilies[] = {
    {u"registry_directory_cache_hits_total", T::Counter, u"Directory lookups answered from the record cache."},
    {u"registry_directory_cache_misses_total", T::Counter, u"Directory lookups that read the database."},
    {u"registry_directory_cache_invalidations_total", T::Counter, u"Cached records dropped because a committed change touched them."},
    {u"registry_directory_cache_evictions_total", T::Counter, u"Cached records dropped for room or age."},
    {u"registry_directory_cache_entries", T::Gauge, u"Records in the directory cache now."},
    {u"registry_directory_journal_sequence", T::Gauge, u"The last journal entry whose cache invalidations are done."},
};

const QString whoisPrefix = QStringLiteral("registry_whois_");
const QString rdapPrefix = QStringLiteral("registry_rdap_");

QString name(const char16_t *n)
{
    return QString::fromUtf16(n);
}

QString serviceFamily(const QString &prefix, const FamilySpec &f)
{
    return prefix + name(f.suffix);
}

void defineFamilies(MetricsRegistry &m)
{
    for (const auto &[prefix, service] : {std::pair{whoisPrefix, QStringLiteral("Whois")}, std::pair{rdapPrefix, QStringLiteral("RDAP")}}) {
        for (const FamilySpec &f : serviceFamilies)
            m.define(serviceFamily(prefix, f), f.type, name(f.help).arg(service));
    }
    for (const CacheFamilySpec &f : cacheFamilies)
        m.define(name(f.name), f.type, name(f.help));
}

void withdrawService(MetricsRegistry &m, const QString &prefix)
{
    for (const FamilySpec &f : serviceFamilies)
        m.clearSeries(serviceFamily(prefix, f));
}

void publishService(MetricsRegistry &m, const QString &prefix, const directory::DirectoryServiceCounters &c)
{
    if (!c.running)
        return;   // no series: a stopped service has no current values
    const auto family = [&prefix](const char *suffix) -> QString { return prefix + QLatin1StringView(suffix); };
    m.set(family("queries_total"), double(c.queries));
    for (const auto &[type, count] : c.byType)
        m.set(family("query_types_total"), Labels{{QStringLiteral("type"), type}}, double(count));
    m.set(family("not_found_total"), double(c.notFound));
    m.set(family("rate_limited_total"), double(c.rateLimited));
    m.set(family("malformed_total"), double(c.malformed));
    m.set(family("connections_refused_total"), double(c.connectionsRefused));
    m.set(family("failures_total"), double(c.failures));
    m.set(family("open_connections"), double(c.openConnections));
}

} // namespace

void withdrawDirectoryMetrics(MetricsRegistry &m)
{
    withdrawService(m, whoisPrefix);
    withdrawService(m, rdapPrefix);
    for (const CacheFamilySpec &f : cacheFamilies)
        m.clearSeries(name(f.name));
}

void publishDirectoryMetrics(MetricsRegistry &m, const directory::DirectoryStatisticsSnapshot &s)
{
    defineFamilies(m);
    // Start from empty families: a query type or a service that is gone must not linger.
    withdrawDirectoryMetrics(m);
    publishService(m, whoisPrefix, s.whois);
    publishService(m, rdapPrefix, s.rdap);
    m.set(QStringLiteral("registry_directory_cache_hits_total"), double(s.cache.hits));
    m.set(QStringLiteral("registry_directory_cache_misses_total"), double(s.cache.misses));
    m.set(QStringLiteral("registry_directory_cache_invalidations_total"), double(s.cache.invalidations));
    m.set(QStringLiteral("registry_directory_cache_evictions_total"), double(s.cache.evictions));
    m.set(QStringLiteral("registry_directory_cache_entries"), double(s.cache.entries));
    m.set(QStringLiteral("registry_directory_journal_sequence"), double(s.journalSequence));
}

} // namespace reg::admin
