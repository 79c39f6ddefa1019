#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace noc {

// Severities in the engine's order of urgency (a higher value is worse), as alarmJson() names them.
enum class AlarmSeverity { Warning = 1, Minor = 2, Major = 3, Critical = 4 };

std::optional<AlarmSeverity> parseAlarmSeverity(const QString &name);
QString alarmSeverityName(AlarmSeverity severity);   // "critical", ... as on the wire

// One alarm as the engine's API and event stream carry it (alarmJson() plus "deviceName"), the
// console's value type for it. fromJson() treats the document as hostile: a missing id, an unknown
// severity or an unreadable time refuses the whole alarm rather than showing half of it.
struct AlarmRecord
{
    struct Acknowledgement
    {
        QString by;
        QDateTime at;
        QString comment;
        QDateTime expiresAt;   // invalid: until cleared
    };

    qint64 id = 0;
    QString device;          // inventory device id ("17") or "site:<code>"
    QString deviceName;      // the inventory name; empty when the engine sent none
    QString component;
    AlarmSeverity severity = AlarmSeverity::Warning;
    bool active = true;
    QString cause;
    QString summary;         // cause as a person reads it (names the root cause when suppressed)
    QDateTime raisedAt;
    QDateTime clearedAt;
    QString suppressedBy;
    bool inMaintenance = false;
    std::optional<Acknowledgement> acknowledgement;

    bool isAcknowledged() const { return acknowledgement.has_value(); }
    bool isSuppressed() const { return !suppressedBy.isEmpty(); }
    // The engine's wantsAttention(): active, not explained by a failed parent, not planned.
    bool wantsAttention() const { return active && !isSuppressed() && !inMaintenance; }
    // Critical or major, wanting attention and nobody on it yet: what the NOC wall flashes for.
    bool isUnhandledSevere() const
    {
        return wantsAttention() && !isAcknowledged() && severity >= AlarmSeverity::Major;
    }

    static std::optional<AlarmRecord> fromJson(const QJsonObject &json);
};

// One {"type":"alarm"} event: the change kind ("raised", "cleared", ...), whether a person should
// look now, and the alarm as it is after the change.
struct AlarmChangeEvent
{
    QString change;
    QDateTime at;
    bool notify = false;
    AlarmRecord alarm;

    bool isCleared() const { return change == QLatin1String("cleared") || !alarm.active; }
    static std::optional<AlarmChangeEvent> fromJson(const QJsonObject &event);
};

// ISO 8601 with "Z" as the engine writes it; invalid on anything else.
QDateTime parseApiTime(const QString &text);
QString apiTimeText(const QDateTime &at);

} // namespace noc
