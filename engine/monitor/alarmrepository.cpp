#include "monitor/alarmrepository.h"

#include "monitor/monitorlogging.h"

using namespace Qt::StringLiterals;

namespace reg::monitor {
namespace {

using store::Connection;
using store::JournalChange;

QVariant msOrNull(const std::optional<QDateTime> &at)
{
    return at ? QVariant(at->toMSecsSinceEpoch()) : QVariant();
}

QDateTime timeOf(const QVariant &ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms.toLongLong(), Qt::UTC);
}

std::optional<QDateTime> optionalTimeOf(const QVariant &ms)
{
    if (!ms.isValid() || ms.isNull())
        return std::nullopt;
    return timeOf(ms);
}

// Why an acknowledgement stopped applying, as stored in alarm_acknowledgements.ended_reason.
std::optional<QString> ackEndReason(const AlarmChange &change)
{
    switch (change.kind) {
    case AlarmChangeKind::Acknowledged: return u"replaced"_s;   // a new acknowledgement replaces the old
    case AlarmChangeKind::Unacknowledged: return u"withdrawn"_s;
    case AlarmChangeKind::AckLapsed: return change.detail;     // "expired" or "worsened"
    case AlarmChangeKind::Cleared: return u"cleared"_s;
    default: return std::nullopt;
    }
}

Result<void> writeChange(Connection &c, const AlarmChange &change)
{
    const Alarm &a = change.alarm;
    Result<void> r = c.execute(
        u"INSERT INTO alarms (id, device_id, component, severity, cause, raised_at, cleared_at, state, suppressed_by, in_maintenance) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(id) DO UPDATE SET severity = excluded.severity, cause = excluded.cause, cleared_at = excluded.cleared_at, "
        "state = excluded.state, suppressed_by = excluded.suppressed_by, in_maintenance = excluded.in_maintenance"_s,
        {a.id, a.subject.deviceId, a.subject.component, severityName(a.severity), a.cause, a.raisedAt.toMSecsSinceEpoch(),
         msOrNull(a.clearedAt), a.isActive() ? u"active"_s : u"cleared"_s, a.suppressedBy, a.inMaintenance});
    if (!r)
        return r;
    r = c.execute(u"INSERT INTO alarm_events (alarm_id, at, kind, severity, actor, detail, notified) VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
                  {a.id, change.at.toMSecsSinceEpoch(), alarmChangeKindName(change.kind), severityName(a.severity),
                   change.actor, change.detail, change.notify});
    if (!r)
        return r;
    if (const std::optional<QString> reason = ackEndReason(change)) {
        r = c.execute(u"UPDATE alarm_acknowledgements SET ended_at = ?, ended_reason = ? WHERE alarm_id = ? AND ended_at IS NULL"_s,
                      {change.at.toMSecsSinceEpoch(), *reason, a.id});
        if (!r)
            return r;
    }
    if (change.kind == AlarmChangeKind::Acknowledged && a.acknowledgement) {
        const Acknowledgement &ack = *a.acknowledgement;
        r = c.execute(u"INSERT INTO alarm_acknowledgements (alarm_id, acknowledged_by, at, comment, expires_at) VALUES (?, ?, ?, ?, ?)"_s,
                      {a.id, ack.by, ack.at.toMSecsSinceEpoch(), ack.comment, msOrNull(ack.expiresAt)});
    }
    return r;
}

Result<void> writeWindow(Connection &c, const MaintenanceWindow &w)
{
    QStringList weekdays;
    for (int d : w.weekdays)
        weekdays.append(QString::number(d));
    Result<void> r = c.execute(
        u"INSERT INTO maintenance_windows (id, title, created_by, created_at, recurrence, starts_at, ends_at, weekdays, until_date, last_end_at, ended_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
        {w.id, w.title, w.createdBy, w.createdAt.toMSecsSinceEpoch(), recurrenceName(w.recurrence), w.start.toMSecsSinceEpoch(),
         w.end.toMSecsSinceEpoch(), weekdays.join(u','), w.until ? QVariant(w.until->toString(Qt::ISODate)) : QVariant(),
         msOrNull(w.lastEnd()), msOrNull(w.endedAt)});
    for (const auto &[kind, ids] : {std::pair{u"device"_s, w.deviceIds}, std::pair{u"site"_s, w.siteIds}}) {
        for (const QString &id : ids) {
            if (!r)
                return r;
            r = c.execute(u"INSERT OR IGNORE INTO maintenance_window_scope (window_id, kind, target_id) VALUES (?, ?, ?)"_s,
                          {w.id, kind, id});
        }
    }
    return r;
}

// Queues work on the writer without waiting; the writer keeps submission order.
void submitLogged(store::Writer &writer, const QString &what, std::function<Result<void>(Connection &)> work)
{
    writer.submit(
        [what, work = std::move(work)](Connection &c) -> Result<std::optional<JournalChange>> {
            if (Result<void> r = work(c); !r) {
                qCWarning(lcMonitor, "could not store %s: %s", qPrintable(what), qPrintable(r.error().message));
                return r.error();
            }
            return std::optional<JournalChange>();
        },
        nullptr, {});
}

const QString kAlarmColumns =
    u"a.id, a.device_id, a.component, a.severity, a.cause, a.raised_at, a.cleared_at, a.state, a.suppressed_by, "
    "a.in_maintenance, k.acknowledged_by, k.at, k.comment, k.expires_at "
    "FROM alarms a LEFT JOIN alarm_acknowledgements k ON k.alarm_id = a.id AND k.ended_at IS NULL"_s;

Result<Alarm> alarmFromRow(const QVariantList &row)
{
    Alarm a;
    a.id = row[0].toLongLong();
    a.subject = {row[1].toString(), row[2].toString()};
    const std::optional<Severity> severity = parseSeverity(row[3].toString());
    if (!severity)
        return Error(ErrorCode::Corrupt, u"alarm %1 has an unknown severity"_s.arg(a.id));
    a.severity = *severity;
    a.cause = row[4].toString();
    a.raisedAt = timeOf(row[5]);
    a.clearedAt = optionalTimeOf(row[6]);
    a.state = row[7].toString() == u"active"_s ? AlarmState::Active : AlarmState::Cleared;
    a.suppressedBy = row[8].toString();
    a.inMaintenance = row[9].toLongLong() != 0;
    if (row[10].isValid() && !row[10].isNull())
        a.acknowledgement = Acknowledgement{row[10].toString(), timeOf(row[11]), row[12].toString(), optionalTimeOf(row[13])};
    return a;
}

Result<QList<MaintenanceWindow>> windowsWhere(Connection &reader, const QString &where, const QVariantList &params)
{
    auto rows = reader.queryRows(u"SELECT id, title, created_by, created_at, recurrence, starts_at, ends_at, weekdays, until_date, ended_at "
                                 "FROM maintenance_windows WHERE "_s + where + u" ORDER BY id"_s, params);
    if (!rows)
        return rows.error();
    QList<MaintenanceWindow> windows;
    for (const QVariantList &row : *rows) {
        MaintenanceWindow w;
        w.id = row[0].toLongLong();
        w.title = row[1].toString();
        w.createdBy = row[2].toString();
        w.createdAt = timeOf(row[3]);
        const auto recurrence = parseRecurrence(row[4].toString());
        if (!recurrence)
            return Error(ErrorCode::Corrupt, u"maintenance window %1 has an unknown recurrence"_s.arg(w.id));
        w.recurrence = *recurrence;
        w.start = timeOf(row[5]);
        w.end = timeOf(row[6]);
        for (const QString &d : row[7].toString().split(u',', Qt::SkipEmptyParts))
            w.weekdays.append(d.toInt());
        if (row[8].isValid() && !row[8].isNull())
            w.until = QDate::fromString(row[8].toString(), Qt::ISODate);
        w.endedAt = optionalTimeOf(row[9]);
        auto scope = reader.queryRows(u"SELECT kind, target_id FROM maintenance_window_scope WHERE window_id = ? ORDER BY target_id"_s, {w.id});
        if (!scope)
            return scope.error();
        for (const QVariantList &s : *scope)
            (s[0].toString() == u"device"_s ? w.deviceIds : w.siteIds).append(s[1].toString());
        windows.append(w);
    }
    return windows;
}

} // namespace

void AlarmRepository::record(const AlarmChange &change)
{
    submitLogged(m_writer, u"alarm %1 (%2)"_s.arg(change.alarm.id).arg(alarmChangeKindName(change.kind)),
                 [change](Connection &c) { return writeChange(c, change); });
}

void AlarmRepository::saveWindow(const MaintenanceWindow &window)
{
    submitLogged(m_writer, u"maintenance window %1"_s.arg(window.id),
                 [window](Connection &c) { return writeWindow(c, window); });
}

void AlarmRepository::saveWindowEnd(const MaintenanceWindow &window)
{
    submitLogged(m_writer, u"the end of maintenance window %1"_s.arg(window.id), [window](Connection &c) {
        return c.execute(u"UPDATE maintenance_windows SET ended_at = ?, last_end_at = ? WHERE id = ?"_s,
                         {msOrNull(window.endedAt), msOrNull(window.lastEnd()), window.id});
    });
}

Result<SavedAlarmState> AlarmRepository::load(Connection &reader, const QDateTime &now)
{
    SavedAlarmState state;
    auto rows = reader.queryRows(u"SELECT "_s + kAlarmColumns + u" WHERE a.state = 'active' ORDER BY a.id"_s);
    if (!rows)
        return rows.error();
    for (const QVariantList &row : *rows) {
        Result<Alarm> alarm = alarmFromRow(row);
        if (!alarm)
            return alarm.error();
        state.activeAlarms.append(*alarm);
    }
    auto windows = windowsWhere(reader, u"last_end_at IS NULL OR last_end_at > ?"_s, {now.toMSecsSinceEpoch()});
    if (!windows)
        return windows.error();
    state.windows = *windows;
    auto lastAlarm = reader.queryValue(u"SELECT COALESCE(MAX(id), 0) FROM alarms"_s);
    auto lastWindow = reader.queryValue(u"SELECT COALESCE(MAX(id), 0) FROM maintenance_windows"_s);
    if (!lastAlarm)
        return lastAlarm.error();
    if (!lastWindow)
        return lastWindow.error();
    state.lastAlarmId = lastAlarm->toLongLong();
    state.lastWindowId = lastWindow->toLongLong();
    return state;
}

Result<QList<AlarmEvent>> AlarmRepository::history(Connection &reader, qint64 alarmId)
{
    auto rows = reader.queryRows(u"SELECT at, kind, severity, actor, detail, notified FROM alarm_events WHERE alarm_id = ? ORDER BY id"_s,
                                 {alarmId});
    if (!rows)
        return rows.error();
    QList<AlarmEvent> events;
    for (const QVariantList &row : *rows) {
        const auto kind = parseAlarmChangeKind(row[1].toString());
        const auto severity = parseSeverity(row[2].toString());
        if (!kind || !severity)
            return Error(ErrorCode::Corrupt, u"alarm %1 has an unreadable history event"_s.arg(alarmId));
        events.append({timeOf(row[0]), *kind, *severity, row[3].toString(), row[4].toString(), row[5].toLongLong() != 0});
    }
    return events;
}

Result<std::optional<Alarm>> AlarmRepository::find(Connection &reader, qint64 alarmId)
{
    auto rows = reader.queryRows(u"SELECT "_s + kAlarmColumns + u" WHERE a.id = ?"_s, {alarmId});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<Alarm>();
    Result<Alarm> alarm = alarmFromRow(rows->first());
    if (!alarm)
        return alarm.error();
    return std::optional<Alarm>(*alarm);
}

Result<QList<Alarm>> AlarmRepository::cleared(Connection &reader, const ClearedAlarmQuery &query)
{
    QString where = u" WHERE a.state = 'cleared'"_s;
    QVariantList params;
    if (query.from) {
        where += u" AND a.cleared_at >= ?"_s;
        params.append(query.from->toMSecsSinceEpoch());
    }
    if (query.to) {
        where += u" AND a.raised_at < ?"_s;
        params.append(query.to->toMSecsSinceEpoch());
    }
    if (!query.deviceId.isEmpty()) {
        where += u" AND a.device_id = ?"_s;
        params.append(query.deviceId);
    }
    if (query.minSeverity) {
        QStringList names;
        for (Severity s : {Severity::Warning, Severity::Minor, Severity::Major, Severity::Critical}) {
            if (s >= *query.minSeverity)
                names.append(u"'"_s + severityName(s) + u"'"_s);   // fixed names, not input
        }
        where += u" AND a.severity IN ("_s + names.join(u',') + u')';
    }
    params.append(qBound(1, query.limit, 1000));
    auto rows = reader.queryRows(u"SELECT "_s + kAlarmColumns + where + u" ORDER BY a.cleared_at DESC, a.id DESC LIMIT ?"_s, params);
    if (!rows)
        return rows.error();
    QList<Alarm> alarms;
    for (const QVariantList &row : *rows) {
        Result<Alarm> alarm = alarmFromRow(row);
        if (!alarm)
            return alarm.error();
        alarms.append(*alarm);
    }
    return alarms;
}

Result<QList<MaintenanceWindow>> AlarmRepository::windowsOverlapping(Connection &reader, const QDateTime &from, const QDateTime &to)
{
    return windowsWhere(reader, u"starts_at < ? AND (last_end_at IS NULL OR last_end_at > ?)"_s,
                        {to.toMSecsSinceEpoch(), from.toMSecsSinceEpoch()});
}

Result<QList<MaintenanceWindow>> AlarmRepository::windowsOverlappingOrEnded(Connection &reader, const QDateTime &from,
                                                                          const QDateTime &to)
{
    return windowsWhere(reader, u"(starts_at < ?1 AND (last_end_at IS NULL OR last_end_at > ?2)) OR (ended_at >= ?2 AND ended_at < ?1)"_s,
                        {to.toMSecsSinceEpoch(), from.toMSecsSinceEpoch()});
}

} // namespace reg::monitor
