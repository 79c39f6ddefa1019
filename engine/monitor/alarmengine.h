#pragma once

#include "monitor/alarm.h"
#include "monitor/alarmoutcome.h"
#include "monitor/dependencygraph.h"
#include "monitor/maintenancewindow.h"

#include "core/clock.h"
#include "core/result.h"
#include "store/connection.h"

#include <QHash>
#include <QList>
#include <QSet>

#include <functional>
#include <map>
#include <optional>

namespace reg::monitor {

class AlarmRepository;

// The protocol-free heart of alarming. The poller, the trap receiver and the probes report what
// they saw; the engine decides when that is an alarm (hysteresis), whether it is explained by a
// failed parent (dependency suppression), whether it is planned (maintenance windows) and whether
// someone has taken it (acknowledgement), and reports every change through one callback.
// Single-threaded: owned by the monitor thread and called only from it; it needs no event loop,
// but its owner calls tick() on a timer (see nextDeadline()) so acknowledgements expire and
// maintenance windows start and end on time. The change handler must not call back into the engine.
class AlarmEngine
{
public:
    using ChangeHandler = std::function<void(const AlarmChange &)>;

    // repository may be null (nothing is stored); it must outlive the engine.
    explicit AlarmEngine(const Clock &clock, AlarmRepository *repository = nullptr, Hysteresis defaults = {});

    // Takes up the active alarms and maintenance windows stored before a restart. Call once, after
    // setDependencyGraph() (sites scope windows) and before any observation.
    Result<void> restore(store::Connection &reader);

    void setChangeHandler(ChangeHandler handler) { m_onChange = std::move(handler); }
    // Replaces the topology whole and re-evaluates suppression and site-scoped maintenance.
    void setDependencyGraph(DependencyGraph graph);

    // A poll or probe result. Raises after the hysteresis' consecutive failures, clears after its
    // consecutive good results; a worse severity seen as many times in a row escalates.
    void observe(const AlarmSubject &subject, const Outcome &outcome);
    // A trap (linkDown, coldStart): raised, or escalated, at once, between polls.
    void raiseNow(const AlarmSubject &subject, Severity severity, const QString &cause);
    // A trap that says the problem is over (linkUp): cleared at once.
    void clear(const AlarmSubject &subject, const QString &reason = {});

    Result<void> acknowledge(qint64 alarmId, const QString &by, const QString &comment,
                             std::optional<QDateTime> expiresAt = std::nullopt);
    Result<void> unacknowledge(qint64 alarmId, const QString &by);

    // Validates, numbers, stores and applies a window; returns its id.
    Result<qint64> addMaintenanceWindow(MaintenanceWindow window);
    // Ends a window now (cancels it if it has not begun): its alarms notify again from now on. The
    // window stays in the database with its endedAt, for the SLA; returns it as ended.
    Result<MaintenanceWindow> endMaintenanceWindow(qint64 id, const QString &by);
    // The windows not yet over (ended ones stay in the database; see AlarmRepository::windowsOverlapping).
    QList<MaintenanceWindow> maintenanceWindows() const { return m_windows; }
    bool inMaintenance(const QString &deviceId, const QDateTime &at) const;

    // Lapses expired acknowledgements and starts or ends maintenance for active alarms.
    void tick();
    // When tick() next has something to do, if anything is pending.
    std::optional<QDateTime> nextDeadline() const;

    QList<Alarm> activeAlarms() const;   // by id
    std::optional<Alarm> activeAlarm(const AlarmSubject &subject) const;
    std::optional<Alarm> activeAlarm(qint64 id) const;

private:
    // Consecutive observations of one subject since its last change of direction.
    struct Tracker
    {
        int failures = 0;
        int oks = 0;
        int worse = 0;                          // consecutive failures worse than the active alarm
        Severity worseSeverity = Severity::Warning;   // the mildest of those, the level to escalate to
        QString worseCause;
    };

    void raise(const AlarmSubject &subject, Severity severity, const QString &cause);
    void escalate(Alarm &alarm, Severity severity, const QString &cause);
    void clearAlarm(const AlarmSubject &subject, const QString &reason);
    // rootRecovered: a device came back, so what it explained waits for its own next observation.
    void reevaluateSuppression(bool rootRecovered = false);
    // Settles an alarm whose root cause recovered, on its first observation since; true if cleared.
    bool recheck(Alarm &alarm, bool failing);
    void reevaluateMaintenance();
    std::optional<QString> rootCauseOf(const QString &deviceId) const;
    void emitChange(AlarmChangeKind kind, const Alarm &alarm, const QString &detail = {}, const QString &actor = {},
                    std::optional<Severity> previous = std::nullopt);
    Alarm *findById(qint64 id);

    const Clock &m_clock;
    AlarmRepository *m_repository;
    Hysteresis m_defaults;
    ChangeHandler m_onChange;
    DependencyGraph m_graph;
    QHash<AlarmSubject, Tracker> m_trackers;
    QHash<AlarmSubject, Alarm> m_active;
    std::map<qint64, AlarmSubject> m_subjectById;   // ordered, so re-evaluations report in id order
    // Suppressed alarms whose root cause has recovered: still explained by it until the device is
    // seen again, so a core router coming back does not page for every server behind it first.
    QSet<qint64> m_recheck;
    QList<MaintenanceWindow> m_windows;
    qint64 m_lastAlarmId = 0;
    qint64 m_lastWindowId = 0;
};

} // namespace reg::monitor
