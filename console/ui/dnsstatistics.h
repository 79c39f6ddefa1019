#pragma once

#include "ratetracker.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace noc {

// One answer of GET /api/v1/dns/statistics (docs/management-api.md) as the DNS page uses it:
// counters are totals since the engine's DNS service started.
struct DnsStatisticsSample
{
    struct Zone
    {
        QString apex;
        quint32 serial = 0;
        quint64 nodes = 0;
        qint64 journalSequence = 0;
        QDateTime publishedAt;      // invalid when not published yet
    };

    QDateTime at;                   // when the engine read its counters (UTC)
    quint64 udpQueries = 0;
    quint64 tcpQueries = 0;
    QMap<QString, quint64> responseCodes;
    quint64 referrals = 0;
    quint64 truncated = 0;
    quint64 rateLimitedDropped = 0;
    QList<Zone> zones;

    quint64 totalQueries() const { return udpQueries + tcpQueries; }

    // nullopt when the document is not a statistics answer (no valid "at", or no "queries").
    static std::optional<DnsStatisticsSample> fromJson(const QJsonObject &json);
};

// Per-second rates over one interval between two samples, stamped with the later sample's time.
struct DnsRatePoint
{
    QDateTime at;
    double seconds = 0;             // the interval the rates were measured over
    double total = 0;
    double udp = 0;
    double tcp = 0;
    QMap<QString, double> responseCodes;
    double referrals = 0;
    double truncated = 0;
    double rateLimitedDropped = 0;
    bool afterGap = false;          // no rate for the time before it (start, restart, long pause)
};

// Turns successive DNS statistics into rates for the DNS page's charts (see RateTracker). A
// response code counts as gone down when it was reported before and is lower (or missing) now.
// Plain value class; GUI thread.
class DnsRateTracker : public RateTracker<DnsStatisticsSample, DnsRatePoint>
{
public:
    explicit DnsRateTracker(qint64 windowSecs = DefaultWindowSecs, qint64 maxIntervalSecs = DefaultMaxIntervalSecs);

    Outcome add(const DnsStatisticsSample &sample);
};

} // namespace noc
