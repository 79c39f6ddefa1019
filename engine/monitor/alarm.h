#pragma once

#include <QDateTime>
#include <QHashFunctions>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace reg::monitor {

// X.733 perceived severities, in their order of urgency (a higher value is worse). "Cleared" is
// not a severity here but an alarm state, so a severity can always be compared for "worse".
enum class Severity { Warning = 1, Minor = 2, Major = 3, Critical = 4 };

QString severityName(Severity severity);                       // "critical", "major", ...
std::optional<Severity> parseSeverity(const QString &name);   // case-insensitive; nullopt if unknown

// What an alarm is about: a device, or one part of it. The pair is the stable key under which
// observations, traps and alarms meet, so the poller and the trap receiver must spell the component
// the same way: "if:<ifIndex>", "cpu", "memory", "storage:<mount>", "service:<name>@<site>".
// An empty component means the device itself, i.e. its reachability.
struct AlarmSubject
{
    QString deviceId;
    QString component;

    bool isReachability() const { return component.isEmpty(); }
    QString key() const;   // "<device>" or "<device>/<component>", for logs and JSON
    friend bool operator==(const AlarmSubject &, const AlarmSubject &) = default;
};

inline size_t qHash(const AlarmSubject &subject, size_t seed = 0) noexcept
{
    return qHashMulti(seed, subject.deviceId, subject.component);
}

// Who acknowledged an alarm and until when. An acknowledgement lapses when it expires or when the
// alarm gets worse: the person agreed to the alarm as it was, not to what it became.
struct Acknowledgement
{
    QString by;
    QDateTime at;
    QString comment;
    std::optional<QDateTime> expiresAt;
};

enum class AlarmState { Active, Cleared };

// One alarm, from its raising to its clearing. A subject has at most one active alarm; escalation
// changes its severity but keeps its id, so the history of one problem stays together.
struct Alarm
{
    qint64 id = 0;
    AlarmSubject subject;
    Severity severity = Severity::Warning;
    QString cause;
    QDateTime raisedAt;
    std::optional<QDateTime> clearedAt;
    AlarmState state = AlarmState::Active;
    QString suppressedBy;                       // root-cause device id when unreachable behind it
    std::optional<Acknowledgement> acknowledgement;
    bool inMaintenance = false;

    bool isActive() const { return state == AlarmState::Active; }
    bool isSuppressed() const { return !suppressedBy.isEmpty(); }
    // Whether a person should be told: active, not explained by a failed parent, not planned.
    bool wantsAttention() const { return isActive() && !isSuppressed() && !inMaintenance; }
    // The cause as a person should read it: a suppressed alarm names its root cause instead.
    QString summary() const;
};

enum class AlarmChangeKind {
    Raised,
    Escalated,
    Cleared,
    Acknowledged,
    Unacknowledged,     // a person withdrew the acknowledgement
    AckLapsed,          // the acknowledgement expired, or the alarm got worse
    Suppressed,         // now explained by an unreachable parent (or by a different root)
    Unsuppressed,
    MaintenanceStarted,
    MaintenanceEnded,
};

QString alarmChangeKindName(AlarmChangeKind kind);
std::optional<AlarmChangeKind> parseAlarmChangeKind(const QString &name);

// One change to one alarm, with the alarm as it is after the change. notify says whether it
// deserves a person's attention now (a NOC wall flashes for it); a change to a suppressed or
// in-maintenance alarm is still delivered, so every view stays right, but does not notify.
struct AlarmChange
{
    AlarmChangeKind kind = AlarmChangeKind::Raised;
    QDateTime at;
    Alarm alarm;
    std::optional<Severity> previousSeverity;   // for Escalated
    QString actor;                              // the person, for Acknowledged / Unacknowledged
    QString detail;                             // why: the lapse reason, the ack comment, the new cause
    bool notify = false;
};

QJsonObject alarmJson(const Alarm &alarm);
// The form delivered on the management API's event stream; documented in docs/monitoring.md.
QJsonObject alarmChangeJson(const AlarmChange &change);

} // namespace reg::monitor
