#pragma once

#include "core/result.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTime>

#include <optional>

namespace reg::monitor {

// A planned downtime: alarms of the devices in scope are raised flagged "in maintenance" and do not
// notify. Windows are kept after they end: the SLA excludes planned downtime from availability.
// Recurring windows repeat daily, or weekly on given weekdays, at a start time in UTC (no daylight
// saving: a 02:00 UTC window is at 02:00 UTC all year), for a duration, optionally until a date.
struct MaintenanceWindow
{
    enum class Recurrence { None, Daily, Weekly };

    qint64 id = 0;
    QString title;
    QString createdBy;
    QDateTime createdAt;
    QStringList deviceIds;   // scope: these devices ...
    QStringList siteIds;     // ... and every device at these sites; at least one of the two

    Recurrence recurrence = Recurrence::None;
    // One-off: start and end. Recurring: start is the first occurrence (its date and time of day),
    // end is start + duration; later occurrences repeat it.
    QDateTime start;
    QDateTime end;
    QList<int> weekdays;            // Weekly: 1 = Monday .. 7 = Sunday (Qt's numbering)
    std::optional<QDate> until;     // Recurring: no occurrence starts after this date (UTC)
    // Ended early by a person: occurrences are clipped here and none begins after it. A window
    // ended before its start was cancelled; it stays on record either way.
    std::optional<QDateTime> endedAt;

    Result<void> validate() const;
    qint64 durationMs() const { return start.msecsTo(end); }

    bool covers(const QString &deviceId, const QString &siteId) const;

    // The concrete intervals of this window overlapping [from, to), in order. Expansion stops after
    // maxIntervals so that a hostile or mistaken query cannot run away.
    QList<std::pair<QDateTime, QDateTime>> occurrences(const QDateTime &from, const QDateTime &to,
                                                        int maxIntervals = kMaxExpansion) const;
    bool activeAt(const QDateTime &at) const;
    // When the last occurrence ends (never after endedAt), or nullopt when it recurs for ever.
    std::optional<QDateTime> lastEnd() const;
    bool wasEnded() const { return endedAt.has_value(); }

    static constexpr int kMaxExpansion = 1000;
};

QString recurrenceName(MaintenanceWindow::Recurrence recurrence);
std::optional<MaintenanceWindow::Recurrence> parseRecurrence(const QString &name);

// One concrete stretch of planned downtime, as the SLA asks for it.
struct MaintenanceInterval
{
    qint64 windowId = 0;
    QString title;
    QDateTime start;
    QDateTime end;
    friend bool operator==(const MaintenanceInterval &, const MaintenanceInterval &) = default;
};

// The windows overlapping [from, to) that cover deviceId (at siteId), expanded into intervals and
// sorted by start. Refuses a range that is empty, reversed or longer than a year.
Result<QList<MaintenanceInterval>> maintenanceIntervals(const QList<MaintenanceWindow> &windows,
                                                        const QString &deviceId, const QString &siteId,
                                                        const QDateTime &from, const QDateTime &to);

} // namespace reg::monitor
