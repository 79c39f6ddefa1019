#include "monitor/alarmengine.h"

#include "monitor/alarmrepository.h"
#include "monitor/monitorlogging.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace reg::monitor {
namespace {

constexpr qsizetype kMaxCause = 1000;
constexpr qsizetype kMaxComment = 2000;
constexpr int kCountCap = 1000000;   // counters stop here instead of overflowing on a device down for years
// How far ahead nextDeadline() looks for a maintenance boundary; the owner's timer fires at least
// this often anyway.
constexpr qint64 kLookAheadMs = 8LL * 24 * 3600 * 1000;

constexpr qsizetype kMaxSubjectText = 256;

// Subjects come from SNMP agents' answers and traps as well as from configuration: refuse what
// cannot be a real one rather than grow a tracker per garbage key.
bool acceptable(const AlarmSubject &subject)
{
    if (!subject.deviceId.trimmed().isEmpty() && subject.deviceId.size() <= kMaxSubjectText
        && subject.component.size() <= kMaxSubjectText)
        return true;
    qCWarning(lcMonitor, "ignoring an alarm subject with an empty device id, or a device id or component over %lld characters",
              qlonglong(kMaxSubjectText));
    return false;
}

QString boundedCause(const QString &cause)
{
    return cause.size() > kMaxCause ? cause.left(kMaxCause) : cause;
}

} // namespace

AlarmEngine::AlarmEngine(const Clock &clock, AlarmRepository *repository, Hysteresis defaults)
    : m_clock(clock), m_repository(repository), m_defaults(defaults.validate() ? defaults : Hysteresis{})
{
}

Result<void> AlarmEngine::restore(store::Connection &reader)
{
    Result<SavedAlarmState> saved = AlarmRepository::load(reader, m_clock.now());
    if (!saved)
        return saved.error().withContext(u"restoring alarms: "_s);
    for (const Alarm &alarm : saved->activeAlarms) {
        m_active.insert(alarm.subject, alarm);
        m_subjectById[alarm.id] = alarm.subject;
    }
    m_windows = saved->windows;
    m_lastAlarmId = std::max(m_lastAlarmId, saved->lastAlarmId);
    m_lastWindowId = std::max(m_lastWindowId, saved->lastWindowId);
    qCInfo(lcMonitor, "restored %lld active alarms and %lld maintenance windows", qlonglong(m_active.size()),
           qlonglong(m_windows.size()));
    // The topology may have changed while we were down: what no longer has a failed root cause is
    // settled by its next observation, as after a recovery.
    reevaluateSuppression(true);
    // Time has passed too: an acknowledgement may have expired, a window begun.
    tick();
    return success();
}

void AlarmEngine::setDependencyGraph(DependencyGraph graph)
{
    m_graph = std::move(graph);
    reevaluateSuppression();
    reevaluateMaintenance();
}

void AlarmEngine::observe(const AlarmSubject &subject, const Outcome &outcome)
{
    if (!acceptable(subject))
        return;
    const Hysteresis h = outcome.hysteresis && outcome.hysteresis->validate() ? *outcome.hysteresis : m_defaults;
    auto active = m_active.find(subject);
    if (active != m_active.end() && recheck(*active, outcome.failing))
        return;
    Tracker &t = m_trackers[subject];
    if (!outcome.failing) {
        t.failures = 0;
        t.worse = 0;
        t.oks = std::min(t.oks + 1, kCountCap);
        if (active == m_active.end())
            m_trackers.remove(subject);   // nothing pending: forget the subject
        else if (t.oks >= h.clearAfter)
            clearAlarm(subject, u"recovered"_s);
        return;
    }
    t.oks = 0;
    t.failures = std::min(t.failures + 1, kCountCap);
    if (active == m_active.end()) {
        if (t.failures >= h.raiseAfter)
            raise(subject, outcome.severity, outcome.cause);
        return;
    }
    if (outcome.severity <= active->severity) {
        t.worse = 0;
        return;
    }
    // A worse reading must persist like the first one did before it pages again.
    if (t.worse == 0 || outcome.severity <= t.worseSeverity) {   // the mildest of the run, with its own cause
        t.worseSeverity = outcome.severity;
        t.worseCause = outcome.cause;
    }
    if (++t.worse >= h.raiseAfter) {
        t.worse = 0;
        escalate(*active, t.worseSeverity, t.worseCause);
    }
}

void AlarmEngine::raiseNow(const AlarmSubject &subject, Severity severity, const QString &cause)
{
    if (!acceptable(subject))
        return;
    Tracker &t = m_trackers[subject];
    t.oks = 0;
    t.worse = 0;
    t.failures = std::max(t.failures, m_defaults.raiseAfter);
    auto active = m_active.find(subject);
    if (active == m_active.end()) {
        raise(subject, severity, cause);
        return;
    }
    recheck(*active, true);   // a trap is fresh news that it is in trouble of its own
    if (severity > active->severity)
        escalate(*active, severity, cause);
}

void AlarmEngine::clear(const AlarmSubject &subject, const QString &reason)
{
    if (m_active.contains(subject))
        clearAlarm(subject, reason.isEmpty() ? u"cleared"_s : reason);
    m_trackers.remove(subject);
}

void AlarmEngine::raise(const AlarmSubject &subject, Severity severity, const QString &cause)
{
    Alarm alarm;
    alarm.id = ++m_lastAlarmId;
    alarm.subject = subject;
    alarm.severity = severity;
    alarm.cause = boundedCause(cause);
    alarm.raisedAt = m_clock.now();
    alarm.inMaintenance = inMaintenance(subject.deviceId, alarm.raisedAt);
    if (subject.isReachability())
        alarm.suppressedBy = rootCauseOf(subject.deviceId).value_or(QString());
    m_active.insert(subject, alarm);
    m_subjectById[alarm.id] = subject;
    qCInfo(lcMonitor, "alarm %lld raised: %s %s", alarm.id, qPrintable(subject.key()), qPrintable(severityName(severity)));
    emitChange(AlarmChangeKind::Raised, alarm, alarm.summary());
    // Devices behind this one that were already down are now explained by it.
    if (subject.isReachability())
        reevaluateSuppression();
}

void AlarmEngine::escalate(Alarm &alarm, Severity severity, const QString &cause)
{
    const Severity previous = alarm.severity;
    alarm.severity = severity;
    alarm.cause = boundedCause(cause);
    const bool hadAck = alarm.acknowledgement.has_value();
    alarm.acknowledgement.reset();   // the person agreed to the alarm as it was, not to this
    const Alarm snapshot = alarm;    // emitChange's handler runs after; keep the value we report
    emitChange(AlarmChangeKind::Escalated, snapshot, snapshot.cause, {}, previous);
    if (hadAck)
        emitChange(AlarmChangeKind::AckLapsed, snapshot, u"worsened"_s);
}

void AlarmEngine::clearAlarm(const AlarmSubject &subject, const QString &reason)
{
    Alarm alarm = m_active.take(subject);
    m_subjectById.erase(alarm.id);
    m_recheck.remove(alarm.id);
    m_trackers.remove(subject);
    alarm.state = AlarmState::Cleared;
    alarm.clearedAt = m_clock.now();
    qCInfo(lcMonitor, "alarm %lld cleared: %s", alarm.id, qPrintable(subject.key()));
    emitChange(AlarmChangeKind::Cleared, alarm, reason);
    if (subject.isReachability())
        reevaluateSuppression(true);
}

bool AlarmEngine::recheck(Alarm &alarm, bool failing)
{
    if (!m_recheck.remove(alarm.id))
        return false;
    if (!failing) {
        // Its failure was its root cause's: one good observation proves it, no hysteresis needed.
        clearAlarm(alarm.subject, u"recovered with "_s + alarm.suppressedBy);
        return true;
    }
    alarm.suppressedBy.clear();   // still down with its way in back: a problem of its own
    emitChange(AlarmChangeKind::Unsuppressed, alarm, alarm.cause);
    return false;
}

std::optional<QString> AlarmEngine::rootCauseOf(const QString &deviceId) const
{
    return m_graph.rootCause(deviceId, [this](const QString &device) { return m_active.contains(AlarmSubject{device, {}}); });
}

void AlarmEngine::reevaluateSuppression(bool rootRecovered)
{
    // Suppression never changes whether a device counts as down, so one pass settles it.
    for (const auto &[id, subject] : m_subjectById) {
        if (!subject.isReachability())
            continue;
        Alarm &alarm = m_active[subject];
        const QString root = rootCauseOf(subject.deviceId).value_or(QString());
        if (root.isEmpty() && alarm.isSuppressed() && (rootRecovered || m_recheck.contains(id))) {
            m_recheck.insert(id);   // settled by recheck() on its next observation
            continue;
        }
        m_recheck.remove(id);
        if (root == alarm.suppressedBy)
            continue;
        alarm.suppressedBy = root;
        if (root.isEmpty())
            emitChange(AlarmChangeKind::Unsuppressed, alarm, alarm.cause);
        else
            emitChange(AlarmChangeKind::Suppressed, alarm, alarm.summary());
    }
}

bool AlarmEngine::inMaintenance(const QString &deviceId, const QDateTime &at) const
{
    const QString site = m_graph.siteOf(deviceId);
    return std::any_of(m_windows.cbegin(), m_windows.cend(), [&](const MaintenanceWindow &w) {
        return w.covers(deviceId, site) && w.activeAt(at);
    });
}

void AlarmEngine::reevaluateMaintenance()
{
    const QDateTime now = m_clock.now();
    for (const auto &[id, subject] : m_subjectById) {
        Alarm &alarm = m_active[subject];
        const bool planned = inMaintenance(subject.deviceId, now);
        if (planned == alarm.inMaintenance)
            continue;
        alarm.inMaintenance = planned;
        emitChange(planned ? AlarmChangeKind::MaintenanceStarted : AlarmChangeKind::MaintenanceEnded, alarm);
    }
}

Result<void> AlarmEngine::acknowledge(qint64 alarmId, const QString &by, const QString &comment, std::optional<QDateTime> expiresAt)
{
    Alarm *alarm = findById(alarmId);
    if (!alarm)
        return Error(ErrorCode::NotFound, u"no active alarm %1"_s.arg(alarmId));
    if (by.trimmed().isEmpty())
        return Error(ErrorCode::InvalidInput, u"an acknowledgement names who gives it"_s);
    if (comment.size() > kMaxComment)
        return Error(ErrorCode::InvalidInput, u"the comment is longer than %1 characters"_s.arg(kMaxComment));
    const QDateTime now = m_clock.now();
    if (expiresAt && (!expiresAt->isValid() || *expiresAt <= now))
        return Error(ErrorCode::InvalidInput, u"the acknowledgement must expire in the future"_s);
    alarm->acknowledgement = Acknowledgement{by, now, comment, expiresAt ? std::optional(expiresAt->toUTC()) : std::nullopt};
    emitChange(AlarmChangeKind::Acknowledged, *alarm, comment, by);
    return success();
}

Result<void> AlarmEngine::unacknowledge(qint64 alarmId, const QString &by)
{
    Alarm *alarm = findById(alarmId);
    if (!alarm)
        return Error(ErrorCode::NotFound, u"no active alarm %1"_s.arg(alarmId));
    if (by.trimmed().isEmpty())
        return Error(ErrorCode::InvalidInput, u"withdrawing an acknowledgement names who does it"_s);
    if (!alarm->acknowledgement)
        return Error(ErrorCode::Conflict, u"alarm %1 is not acknowledged"_s.arg(alarmId));
    alarm->acknowledgement.reset();
    emitChange(AlarmChangeKind::Unacknowledged, *alarm, {}, by);
    return success();
}

Result<qint64> AlarmEngine::addMaintenanceWindow(MaintenanceWindow window)
{
    if (Result<void> valid = window.validate(); !valid)
        return valid.error();
    if (window.createdBy.trimmed().isEmpty())
        return Error(ErrorCode::InvalidInput, u"a maintenance window names who planned it"_s);
    window.id = ++m_lastWindowId;
    window.start = window.start.toUTC();
    window.end = window.end.toUTC();
    if (!window.createdAt.isValid())
        window.createdAt = m_clock.now();
    if (m_repository)
        m_repository->saveWindow(window);
    m_windows.append(window);
    qCInfo(lcMonitor, "maintenance window %lld planned by %s", window.id, qPrintable(window.createdBy));
    reevaluateMaintenance();
    return window.id;
}

Result<MaintenanceWindow> AlarmEngine::endMaintenanceWindow(qint64 id, const QString &by)
{
    if (by.trimmed().isEmpty())
        return Error(ErrorCode::InvalidInput, u"ending a maintenance window names who does it"_s);
    const QDateTime now = m_clock.now();
    const auto it = std::find_if(m_windows.begin(), m_windows.end(), [id](const MaintenanceWindow &w) { return w.id == id; });
    // The engine forgets windows that are over, so this also refuses one that already ended.
    if (it == m_windows.end() || (it->lastEnd() && *it->lastEnd() <= now))
        return Error(ErrorCode::NotFound, u"no maintenance window %1 is planned or under way"_s.arg(id));
    MaintenanceWindow ended = *it;
    ended.endedAt = now;
    m_windows.erase(it);
    if (m_repository)
        m_repository->saveWindowEnd(ended);
    qCInfo(lcMonitor, "maintenance window %lld %s by %s", ended.id, ended.start > now ? "cancelled" : "ended early",
           qPrintable(by));
    reevaluateMaintenance();
    return ended;
}

void AlarmEngine::tick()
{
    const QDateTime now = m_clock.now();
    for (const auto &[id, subject] : m_subjectById) {
        Alarm &alarm = m_active[subject];
        if (alarm.acknowledgement && alarm.acknowledgement->expiresAt && *alarm.acknowledgement->expiresAt <= now) {
            alarm.acknowledgement.reset();
            emitChange(AlarmChangeKind::AckLapsed, alarm, u"expired"_s);
        }
    }
    reevaluateMaintenance();
    // Windows that are over stay in the database for the SLA; the engine forgets them.
    m_windows.removeIf([&](const MaintenanceWindow &w) {
        const std::optional<QDateTime> last = w.lastEnd();
        return last && *last <= now;
    });
}

std::optional<QDateTime> AlarmEngine::nextDeadline() const
{
    const QDateTime now = m_clock.now();
    std::optional<QDateTime> next;
    auto consider = [&](const QDateTime &at) {
        if (at > now && (!next || at < *next))
            next = at;
    };
    for (const Alarm &alarm : m_active) {
        if (alarm.acknowledgement && alarm.acknowledgement->expiresAt)
            consider(*alarm.acknowledgement->expiresAt);
    }
    for (const MaintenanceWindow &w : m_windows) {
        for (const auto &[start, end] : w.occurrences(now, now.addMSecs(kLookAheadMs), 2)) {
            consider(start);
            consider(end);
        }
    }
    return next;
}

QList<Alarm> AlarmEngine::activeAlarms() const
{
    QList<Alarm> alarms;
    alarms.reserve(qsizetype(m_subjectById.size()));
    for (const auto &[id, subject] : m_subjectById)
        alarms.append(m_active.value(subject));
    return alarms;
}

std::optional<Alarm> AlarmEngine::activeAlarm(const AlarmSubject &subject) const
{
    const auto it = m_active.constFind(subject);
    return it == m_active.cend() ? std::nullopt : std::optional<Alarm>(*it);
}

std::optional<Alarm> AlarmEngine::activeAlarm(qint64 id) const
{
    const auto it = m_subjectById.find(id);
    return it == m_subjectById.end() ? std::nullopt : activeAlarm(it->second);
}

Alarm *AlarmEngine::findById(qint64 id)
{
    const auto it = m_subjectById.find(id);
    if (it == m_subjectById.end())
        return nullptr;
    auto alarm = m_active.find(it->second);
    return alarm == m_active.end() ? nullptr : &*alarm;
}

void AlarmEngine::emitChange(AlarmChangeKind kind, const Alarm &alarm, const QString &detail, const QString &actor,
                             std::optional<Severity> previous)
{
    AlarmChange change;
    change.kind = kind;
    change.at = m_clock.now();
    change.alarm = alarm;
    change.previousSeverity = previous;
    change.actor = actor;
    change.detail = detail;
    switch (kind) {
    case AlarmChangeKind::Raised:
    case AlarmChangeKind::Escalated:
    case AlarmChangeKind::Unsuppressed:
    case AlarmChangeKind::MaintenanceEnded:
    case AlarmChangeKind::AckLapsed:
        // Something a person now has to look at, unless someone already has it in hand.
        change.notify = alarm.wantsAttention() && !alarm.acknowledgement;
        break;
    case AlarmChangeKind::Cleared:
        change.notify = !alarm.isSuppressed() && !alarm.inMaintenance;   // the all-clear for what paged
        break;
    default:
        change.notify = false;
        break;
    }
    if (m_repository)
        m_repository->record(change);
    if (m_onChange)
        m_onChange(change);
}

} // namespace reg::monitor
