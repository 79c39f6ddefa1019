#include "monitor/maintenancewindow.h"


#include <algorithm>

using namespace Qt::StringLiterals;

namespace reg::monitor {
namespace {

constexpr qint64 kMinute = 60 * 1000;
constexpr qint64 kDay = 24 * 60 * kMinute;
constexpr qint64 kMinDuration = kMinute;
constexpr qint64 kMaxDuration = 7 * kDay;
constexpr qsizetype kMaxScope = 1000;
constexpr qsizetype kMaxTitle = 200;
constexpr qint64 kMaxQueryRange = 366 * kDay;

Error invalid(const QString &message)
{
    return Error(ErrorCode::InvalidInput, message);
}

bool hasBlank(const QStringList &ids)
{
    return std::any_of(ids.cbegin(), ids.cend(), [](const QString &id) { return id.trimmed().isEmpty(); });
}

} // namespace

QString recurrenceName(MaintenanceWindow::Recurrence recurrence)
{
    switch (recurrence) {
    case MaintenanceWindow::Recurrence::None: return u"none"_s;
    case MaintenanceWindow::Recurrence::Daily: return u"daily"_s;
    case MaintenanceWindow::Recurrence::Weekly: return u"weekly"_s;
    }
    return {};
}

std::optional<MaintenanceWindow::Recurrence> parseRecurrence(const QString &name)
{
    for (auto r : {MaintenanceWindow::Recurrence::None, MaintenanceWindow::Recurrence::Daily, MaintenanceWindow::Recurrence::Weekly}) {
        if (name.compare(recurrenceName(r), Qt::CaseInsensitive) == 0)
            return r;
    }
    return std::nullopt;
}

Result<void> MaintenanceWindow::validate() const
{
    if (title.size() > kMaxTitle)
        return invalid(u"the title is longer than %1 characters"_s.arg(kMaxTitle));
    if (deviceIds.isEmpty() && siteIds.isEmpty())
        return invalid(u"a maintenance window needs at least one device or site in its scope"_s);
    if (deviceIds.size() + siteIds.size() > kMaxScope)
        return invalid(u"a maintenance window may name at most %1 devices and sites"_s.arg(kMaxScope));
    if (hasBlank(deviceIds) || hasBlank(siteIds))
        return invalid(u"a device or site id in the scope is empty"_s);
    if (!start.isValid() || !end.isValid())
        return invalid(u"a maintenance window needs a start and an end"_s);
    if (end <= start)
        return invalid(u"the end of a maintenance window must be after its start"_s);
    const qint64 duration = durationMs();
    if (duration < kMinDuration || duration > kMaxDuration)
        return invalid(u"a maintenance window lasts from 1 minute to 7 days"_s);

    switch (recurrence) {
    case Recurrence::None:
        if (!weekdays.isEmpty() || until)
            return invalid(u"weekdays and an until-date apply only to recurring windows"_s);
        break;
    case Recurrence::Daily:
        if (!weekdays.isEmpty())
            return invalid(u"weekdays apply only to weekly windows"_s);
        if (duration > kDay)
            return invalid(u"a daily window lasts at most one day"_s);
        break;
    case Recurrence::Weekly:
        if (weekdays.isEmpty())
            return invalid(u"a weekly window needs at least one weekday"_s);
        if (std::any_of(weekdays.cbegin(), weekdays.cend(), [](int d) { return d < 1 || d > 7; }))
            return invalid(u"weekdays are numbered 1 (Monday) to 7 (Sunday)"_s);
        break;
    }
    if (until && (!until->isValid() || *until < start.toUTC().date()))
        return invalid(u"the until-date must not be before the first occurrence"_s);
    if (endedAt && !endedAt->isValid())
        return invalid(u"the time a maintenance window ended is not a valid time"_s);
    return success();
}

bool MaintenanceWindow::covers(const QString &deviceId, const QString &siteId) const
{
    return deviceIds.contains(deviceId) || (!siteId.isEmpty() && siteIds.contains(siteId));
}

QList<std::pair<QDateTime, QDateTime>> MaintenanceWindow::occurrences(const QDateTime &from, const QDateTime &requestedTo,
                                                                     int maxIntervals) const
{
    QList<std::pair<QDateTime, QDateTime>> result;
    // Nothing begins after the window was ended; what was under way then is cut short below.
    const QDateTime to = endedAt && *endedAt < requestedTo ? *endedAt : requestedTo;
    if (!from.isValid() || !to.isValid() || to <= from || maxIntervals <= 0)
        return result;
    auto clipped = [this](const QDateTime &s, const QDateTime &e) {
        return std::pair{s, endedAt && *endedAt < e ? *endedAt : e};
    };
    if (recurrence == Recurrence::None) {
        if (end > from && start < to)
            result.append(clipped(start, end));
        return result;
    }
    const QDateTime first = start.toUTC();
    const qint64 duration = durationMs();
    // An occurrence that started up to its duration (at most 7 days) before from may still overlap.
    QDate day = std::max(first.date(), from.toUTC().date().addDays(-(duration / kDay) - 1));
    QDate last = to.toUTC().date();
    if (until)
        last = std::min(last, *until);
    // Weekly with one weekday yields one interval per 7 days examined: bound the walk, not just the output.
    for (qint64 examined = 0; day <= last && result.size() < maxIntervals && examined <= 7LL * maxIntervals + 8;
         day = day.addDays(1), ++examined) {
        if (recurrence == Recurrence::Weekly && !weekdays.contains(day.dayOfWeek()))
            continue;
        const QDateTime occurrenceStart(day, first.time(), Qt::UTC);
        const QDateTime occurrenceEnd = occurrenceStart.addMSecs(duration);
        if (occurrenceEnd > from && occurrenceStart < to)
            result.append(clipped(occurrenceStart, occurrenceEnd));
    }
    return result;
}

bool MaintenanceWindow::activeAt(const QDateTime &at) const
{
    return !occurrences(at, at.addMSecs(1), 1).isEmpty();
}

std::optional<QDateTime> MaintenanceWindow::lastEnd() const
{
    std::optional<QDateTime> planned;
    if (recurrence == Recurrence::None)
        planned = end;
    else if (until)
        planned = QDateTime(*until, start.toUTC().time(), Qt::UTC).addMSecs(durationMs());
    if (endedAt && (!planned || *endedAt < *planned))
        return endedAt;
    return planned;
}

Result<QList<MaintenanceInterval>> maintenanceIntervals(const QList<MaintenanceWindow> &windows,
                                                        const QString &deviceId, const QString &siteId,
                                                        const QDateTime &from, const QDateTime &to)
{
    if (!from.isValid() || !to.isValid() || to <= from)
        return invalid(u"the range must end after it starts"_s);
    if (from.msecsTo(to) > kMaxQueryRange)
        return invalid(u"the range may cover at most 366 days"_s);
    QList<MaintenanceInterval> intervals;
    for (const MaintenanceWindow &window : windows) {
        if (!window.covers(deviceId, siteId))
            continue;
        for (const auto &[s, e] : window.occurrences(from, to))
            intervals.append({window.id, window.title, s, e});
    }
    std::sort(intervals.begin(), intervals.end(), [](const MaintenanceInterval &a, const MaintenanceInterval &b) {
        return a.start != b.start ? a.start < b.start : a.windowId < b.windowId;
    });
    return intervals;
}

} // namespace reg::monitor
