#pragma once

#include "monitor/alarm.h"
#include "monitor/maintenancewindow.h"

#include "core/result.h"
#include "store/connection.h"
#include "store/writer.h"

#include <QList>

namespace reg::monitor {

// One line of an alarm's history, as stored with every change.
struct AlarmEvent
{
    QDateTime at;
    AlarmChangeKind kind = AlarmChangeKind::Raised;
    Severity severity = Severity::Warning;
    QString actor;
    QString detail;
    bool notified = false;
};

// Which cleared alarms to read back: those that were there during [from, to) (cleared at or after
// from, raised before to), newest cleared first.
struct ClearedAlarmQuery
{
    std::optional<QDateTime> from;
    std::optional<QDateTime> to;
    QString deviceId;                        // empty: every device
    std::optional<Severity> minSeverity;
    int limit = 100;                         // bounded to 1..1000
};

// What the engine needs at start: the alarms still active, the maintenance windows not yet over,
// and the highest ids handed out so far (the engine numbers alarms and windows itself, so it never
// waits for the database).
struct SavedAlarmState
{
    QList<Alarm> activeAlarms;
    QList<MaintenanceWindow> windows;
    qint64 lastAlarmId = 0;
    qint64 lastWindowId = 0;
};

// Alarms, their history, acknowledgements and maintenance windows in SQLite (migrations 6, 10). Writes
// go to the Store's writer thread without a journal entry: alarms are operational state of this
// site, not replicated registry data. They are queued in order and not waited for, so the monitor
// thread never blocks on a commit; a failed write is logged. Reads take the caller's own reader
// connection. Owned by whoever owns the engine; record() and saveWindow() may be called from any thread.
class AlarmRepository
{
public:
    explicit AlarmRepository(store::Writer &writer) : m_writer(writer) {}

    // Stores the alarm as it is after the change, one history event, and the acknowledgement it
    // begins or ends.
    void record(const AlarmChange &change);
    void saveWindow(const MaintenanceWindow &window);
    // Stores that a window was ended early (its endedAt, and the last end that follows from it).
    void saveWindowEnd(const MaintenanceWindow &window);

    static Result<SavedAlarmState> load(store::Connection &reader, const QDateTime &now);
    static Result<QList<AlarmEvent>> history(store::Connection &reader, qint64 alarmId);
    static Result<std::optional<Alarm>> find(store::Connection &reader, qint64 alarmId);
    static Result<QList<Alarm>> cleared(store::Connection &reader, const ClearedAlarmQuery &query);
    // The windows with an occurrence overlapping [from, to), for the SLA's planned-downtime exclusion.
    static Result<QList<MaintenanceWindow>> windowsOverlapping(store::Connection &reader, const QDateTime &from,
                                                               const QDateTime &to);
    // The same plus the windows ended or cancelled during [from, to), which may have no occurrence left
    // in it: what a person reviewing the range wants to see.
    static Result<QList<MaintenanceWindow>> windowsOverlappingOrEnded(store::Connection &reader, const QDateTime &from,
                                                                      const QDateTime &to);

private:
    store::Writer &m_writer;
};

} // namespace reg::monitor
