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
    : m_windowSecs(windowSecs), m_maxIntervalSecs(maxIntervalSecs)
{
}

DirectoryRateTracker::Outcome DirectoryRateTracker::add(const DirectoryStatisticsSample &sample)
{
    if (!m_previous) {
        m_previous = sample;
        m_nextAfterGap = true;
        return Outcome::First;
    }
    const DirectoryStatisticsSample &before = *m_previous;
    const qint64 ms = before.at.msecsTo(sample.at);
    if (ms == 0)
        return Outcome::Ignored;

    // Any counter below its previous value: the engine, or Whois or RDAP, started again.
    const bool wentDown = ms < 0 || sample.whois.queries < before.whois.queries || sample.rdap.queries < before.rdap.queries
        || sample.whois.rateLimited < before.whois.rateLimited || sample.rdap.rateLimited < before.rdap.rateLimited
        || sample.cacheHits < before.cacheHits || sample.cacheMisses < before.cacheMisses;
    if (wentDown || ms > m_maxIntervalSecs * 1000) {
        if (wentDown)
            ++m_resets;
        m_previous = sample;
        m_nextAfterGap = true;
        trim(sample.at);
        return wentDown ? Outcome::Reset : Outcome::Gap;
    }

    const double seconds = double(ms) / 1000.0;
    const auto rate = [seconds](quint64 now, quint64 then) { return double(now - then) / seconds; };
    DirectoryRatePoint p;
    p.at = sample.at;
    p.seconds = seconds;
    p.whoisQueries = rate(sample.whois.queries, before.whois.queries);
    p.rdapQueries = rate(sample.rdap.queries, before.rdap.queries);
    p.whoisRateLimited = rate(sample.whois.rateLimited, before.whois.rateLimited);
    p.rdapRateLimited = rate(sample.rdap.rateLimited, before.rdap.rateLimited);
    const quint64 hits = sample.cacheHits - before.cacheHits;
    const quint64 lookups = hits + (sample.cacheMisses - before.cacheMisses);
    p.cacheLookups = double(lookups) / seconds;
    p.cacheHitRatio = lookups ? double(hits) / double(lookups) : std::nan("");
    p.afterGap = m_nextAfterGap;
    m_nextAfterGap = false;
    m_points.append(p);
    m_previous = sample;
    trim(sample.at);
    return Outcome::Added;
}

void DirectoryRateTracker::clear()
{
    m_previous.reset();
    m_points.clear();
    m_nextAfterGap = true;
    m_resets = 0;
}

void DirectoryRateTracker::trim(const QDateTime &newest)
{
    const QDateTime oldest = newest.addSecs(-m_windowSecs);
    qsizetype drop = 0;
    while (drop < m_points.size() && m_points.at(drop).at < oldest)
        ++drop;
    m_points.remove(0, drop);
}

} // namespace noc
