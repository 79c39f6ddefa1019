#pragma once

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

// Turns successive samples into rates for the charts, over a rolling window. Rates use the
// engine's own timestamps, so irregular polling (a slow reply, a busy GUI) changes nothing. A
// counter that went down means the engine restarted: that interval has no rate (never a negative
// spike) and the next sample is measured from the new start. A pause longer than maxInterval
// (the page was hidden) is a gap, not one long flat average.
// Plain value class; GUI thread.
class DnsRateTracker
{
public:
    static constexpr qint64 DefaultWindowSecs = 15 * 60;
    static constexpr qint64 DefaultMaxIntervalSecs = 60;

    explicit DnsRateTracker(qint64 windowSecs = DefaultWindowSecs, qint64 maxIntervalSecs = DefaultMaxIntervalSecs);

    enum class Outcome {
        First,          // nothing to compare with yet: a baseline
        Added,          // a new rate point
        Reset,          // counters went down or time went back: new baseline, no point
        Gap,            // too long since the previous sample: new baseline, no point
        Ignored,        // not newer than the previous sample (same snapshot again)
    };
    Outcome add(const DnsStatisticsSample &sample);
    void clear();

    const QList<DnsRatePoint> &points() const { return m_points; }
    std::optional<DnsStatisticsSample> latest() const { return m_previous; }
    int resets() const { return m_resets; }
    qint64 windowSecs() const { return m_windowSecs; }

private:
    void trim(const QDateTime &newest);

    qint64 m_windowSecs;
    qint64 m_maxIntervalSecs;
    std::optional<DnsStatisticsSample> m_previous;
    bool m_nextAfterGap = true;
    QList<DnsRatePoint> m_points;
    int m_resets = 0;
};

} // namespace noc
