#pragma once

#include "core/result.h"
#include "monitor/alarm.h"
#include "monitor/maintenancewindow.h"
#include "monitor/probetypes.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

class QUrlQuery;

namespace reg::admin {

// Decoders for the alarm, maintenance, trap-log and probe endpoints under /api/v1/monitor/
// (docs/management-api.md, "Monitoring alarms"). Everything here is hostile input: each decoder
// checks shape, types, ranges and lengths, refuses unknown or repeated fields and parameters, and
// names the field in its InvalidInput message. Times are ISO 8601 with "Z" or an offset; "now" is
// passed in so validation follows reg::Clock. Pure functions, any thread; fuzzed by
// tests/fuzz/fuzz_monitoralarmrequest.cpp.
namespace MonitorAlarmRequests {

constexpr int maxIdsPerRequest = 500;
constexpr qsizetype maxCommentLength = 500;
constexpr qint64 maxAcknowledgementMs = 30LL * 24 * 3600 * 1000;   // an expiry further ahead is a typo
constexpr int defaultLimit = 100;
constexpr int maxLimit = 1000;
constexpr qint64 maxWindowRangeMs = 366LL * 24 * 3600 * 1000;
constexpr qint64 defaultEndedWindowRangeMs = 31LL * 24 * 3600 * 1000;

// GET /monitor/alarms: the active alarms from the engine, or the cleared ones from the database.
struct AlarmQuery
{
    bool cleared = false;
    std::optional<monitor::Severity> minSeverity;
    QString deviceId;               // empty: every device
    bool attentionOnly = false;     // active only: wantsAttention()
    std::optional<QDateTime> from;  // cleared only: alarms cleared at or after ...
    std::optional<QDateTime> to;    // ... and raised before
    int limit = defaultLimit;       // cleared only
};

struct Acknowledge
{
    QList<qint64> ids;
    QString comment;
    std::optional<QDateTime> expiresAt;
};

// GET /monitor/maintenance: the windows not over, and with includeEnded those overlapping [from, to).
struct WindowQuery
{
    bool includeEnded = false;
    QDateTime from;
    QDateTime to;
};

struct TrapQuery
{
    int limit = defaultLimit;
    QString source;                 // canonical address text; empty: every source
};

struct ProbeQuery
{
    QString service;                // a probe service name; empty: every service
    QString site;
    int limit = defaultLimit;
};

Result<AlarmQuery> parseAlarmQuery(const QUrlQuery &query);
// An alarm id in a path segment: a decimal number from 1.
Result<qint64> parseAlarmId(const QString &segment);
Result<Acknowledge> parseAcknowledge(const QByteArray &body, const QDateTime &now);
Result<QList<qint64>> parseUnacknowledge(const QByteArray &body);

Result<WindowQuery> parseWindowQuery(const QUrlQuery &query, const QDateTime &now);
// The window as planned (no id, creator or creation time: the engine and the caller set those);
// the window's own validate() has run. Its end must still be ahead of now.
Result<monitor::MaintenanceWindow> parseWindow(const QByteArray &body, const QDateTime &now);
Result<qint64> parseWindowId(const QString &segment);

Result<TrapQuery> parseTrapQuery(const QUrlQuery &query);
Result<ProbeQuery> parseProbeQuery(const QUrlQuery &query);

// An ISO 8601 time with a zone ("2026-11-21T10:15:30Z", "...+01:00", optional milliseconds), in UTC.
Result<QDateTime> parseTime(const QString &text, const QString &field);

} // namespace MonitorAlarmRequests
} // namespace reg::admin
