#pragma once

#include "ratetracker.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace noc {

// One answer of GET /api/v1/directory/statistics (docs/management-api.md) as the directory page
// uses it: counters are totals since each service started, the busiest clients as the engine
// ranked them. The answer comes from the network, so parsing bounds what it keeps.
struct DirectoryStatisticsSample
{
    static constexpr int MaxClientsPerService = 1000;   // the engine's own bound
    static constexpr int MaxQueryTypes = 32;

    struct Client
    {
        QString address;            // a valid IPv4 or IPv6 address, as the engine wrote it
        quint64 queries = 0;
        quint64 refused = 0;        // of those, refused by the rate limit
    };

    struct Service
    {
        bool running = false;
        quint64 queries = 0;
        QMap<QString, quint64> queryTypes;
        quint64 notFound = 0;
        quint64 rateLimited = 0;
        quint64 malformed = 0;
        quint64 connectionsRefused = 0;
        quint64 failures = 0;
        qint64 openConnections = 0;
        QList<Client> topClients;   // most queries first
    };

    QDateTime at;                   // when the engine read its counters (UTC)
    Service whois;
    Service rdap;
    quint64 cacheHits = 0;
    quint64 cacheMisses = 0;
    quint64 cacheInvalidations = 0;
    quint64 cacheEvictions = 0;
    qint64 cacheEntries = 0;
    qint64 journalSequence = 0;

    // nullopt when the document is not a directory statistics answer (no valid "at", or no
    // "whois", "rdap" or "cache" object).
    static std::optional<DirectoryStatisticsSample> fromJson(const QJsonObject &json);
};

// Per-second rates over one interval between two samples, stamped with the later sample's time.
struct DirectoryRatePoint
{
    QDateTime at;
    double seconds = 0;             // the interval the rates were measured over
    double whoisQueries = 0;
    double rdapQueries = 0;
    double whoisRateLimited = 0;
    double rdapRateLimited = 0;
    double cacheLookups = 0;        // hits + misses per second
    double cacheHitRatio = 0;       // 0..1 over the interval; NaN when there was no lookup
    bool afterGap = false;          // no rate for the time before it (start, restart, long pause)

    double totalQueries() const { return whoisQueries + rdapQueries; }
    double totalRateLimited() const { return whoisRateLimited + rdapRateLimited; }
};

// Turns successive directory statistics into rates for the directory page's charts (see
// RateTracker): a counter that went down means the engine or one of its services started again.
// The cache hit ratio is measured per interval, so it shows what the cache does now rather than
// an average since start.
// Plain value class; GUI thread.
class DirectoryRateTracker : public RateTracker<DirectoryStatisticsSample, DirectoryRatePoint>
{
public:
    explicit DirectoryRateTracker(qint64 windowSecs = DefaultWindowSecs, qint64 maxIntervalSecs = DefaultMaxIntervalSecs);

    Outcome add(const DirectoryStatisticsSample &sample);
};

} // namespace noc
