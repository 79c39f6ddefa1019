#include "directorystatistics.h"

#include <QHostAddress>
#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace noc {
namespace {

// Counters arrive as JSON numbers; anything else (or a negative value) counts as 0, and a value
// beyond 64 bits is capped rather than converted (which would be undefined).
quint64 counter(const QJsonValue &value)
{
    const double d = value.toDouble(0);
    if (!(d > 0))
        return 0;
    if (d >= 18446744073709551616.0)
        return std::numeric_limits<quint64>::max();
    return quint64(d);
}

qint64 gauge(const QJsonValue &value)
{
    return qint64(std::min<quint64>(counter(value), quint64(std::numeric_limits<qint64>::max())));
}

QDateTime isoTime(const QJsonValue &value)
{
    QDateTime t = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return t.isValid() ? t.toUTC() : QDateTime();
}

DirectoryStatisticsSample::Service service(const QJsonObject &json)
{
    DirectoryStatisticsSample::Service s;
    s.running = json.value("running"_L1).toBool(false);
    s.queries = counter(json.value("queries"_L1));
    const QJsonObject types = json.value("queryTypes"_L1).toObject();
    for (auto it = types.begin(); it != types.end() && s.queryTypes.size() < DirectoryStatisticsSample::MaxQueryTypes; ++it)
        s.queryTypes.insert(it.key().left(64), counter(it.value()));
    s.notFound = counter(json.value("notFound"_L1));
    s.rateLimited = counter(json.value("rateLimited"_L1));
    s.malformed = counter(json.value("malformed"_L1));
    s.connectionsRefused = counter(json.value("connectionsRefused"_L1));
    s.failures = counter(json.value("failures"_L1));
    s.openConnections = gauge(json.value("openConnections"_L1));
    const QJsonArray clients = json.value("topClients"_L1).toArray();
    for (const QJsonValue &value : clients) {
        if (s.topClients.size() == DirectoryStatisticsSample::MaxClientsPerService)
            break;
        const QJsonObject c = value.toObject();
        // Only a real address is shown: the table never displays arbitrary text from the wire.
        const QHostAddress address(c.value("address"_L1).toString());
        if (address.isNull())
            continue;
        s.topClients.append({address.toString(), counter(c.value("queries"_L1)), counter(c.value("refused"_L1))});
    }
    return s;
}

} // namespace

std::optional<DirectoryStatisticsSample> DirectoryStatisticsSample::fromJson(const QJsonObject &json)
{
    DirectoryStatisticsSample s;
    s.at = isoTime(json.value("at"_L1));
    const QJsonValue whois = json.value("whois"_L1);
    const QJsonValue rdap = json.value("rdap"_L1);
    const QJsonValue cache = json.value("cache"_L1);
    if (!s.at.isValid() || !whois.isObject() || !rdap.isObject() || !cache.isObject())
        return std::nullopt;
    s.whois = service(whois.toObject());
    s.rdap = service(rdap.toObject());
    const QJsonObject c = cache.toObject();
    s.cacheHits = counter(c.value("hits"_L1));
    s.cacheMisses = counter(c.value("misses"_L1));
    s.cacheInvalidations = counter(c.value("invalidations"_L1));
    s.cacheEvictions = counter(c.value("evictions"_L1));
    s.cacheEntries = gauge(c.value("entries"_L1));
    s.journalSequence = gauge(json.value("journalSequence"_L1));
    return s;
}

DirectoryRateTracker::DirectoryRateTracker(qint64 windowSecs, qint64 maxIntervalSecs)
    : RateTracker(windowSecs, maxIntervalSecs)
{
}

DirectoryRateTracker::Outcome DirectoryRateTracker::add(const DirectoryStatisticsSample &sample)
{
    // Any counter below its previous value: the engine, or Whois or RDAP, started again.
    const auto wentDown = [](const DirectoryStatisticsSample &before, const DirectoryStatisticsSample &now) {
        return now.whois.queries < before.whois.queries || now.rdap.queries < before.rdap.queries
            || now.whois.rateLimited < before.whois.rateLimited || now.rdap.rateLimited < before.rdap.rateLimited
            || now.cacheHits < before.cacheHits || now.cacheMisses < before.cacheMisses;
    };
    const auto rates = [](const DirectoryStatisticsSample &before, const DirectoryStatisticsSample &now, double seconds) {
        DirectoryRatePoint p;
        p.whoisQueries = counterRate(now.whois.queries, before.whois.queries, seconds);
        p.rdapQueries = counterRate(now.rdap.queries, before.rdap.queries, seconds);
        p.whoisRateLimited = counterRate(now.whois.rateLimited, before.whois.rateLimited, seconds);
        p.rdapRateLimited = counterRate(now.rdap.rateLimited, before.rdap.rateLimited, seconds);
        const quint64 hits = now.cacheHits - before.cacheHits;
        const quint64 lookups = hits + (now.cacheMisses - before.cacheMisses);
        p.cacheLookups = double(lookups) / seconds;
        p.cacheHitRatio = lookups ? double(hits) / double(lookups) : std::nan("");
        return p;
    };
    return addSample(sample, wentDown, rates);
}

} // namespace noc
