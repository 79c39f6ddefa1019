#include "monitor/alarm.h"

#include "monitor/enumnames.h"

using namespace Qt::StringLiterals;

namespace reg::monitor {
namespace {

constexpr EnumNames<Severity, 4> severityNames{{
    {Severity::Critical, "critical"},
    {Severity::Major, "major"},
    {Severity::Minor, "minor"},
    {Severity::Warning, "warning"},
}};

constexpr EnumNames<AlarmChangeKind, 10> changeKindNames{{
    {AlarmChangeKind::Raised, "raised"},
    {AlarmChangeKind::Escalated, "escalated"},
    {AlarmChangeKind::Cleared, "cleared"},
    {AlarmChangeKind::Acknowledged, "acknowledged"},
    {AlarmChangeKind::Unacknowledged, "unacknowledged"},
    {AlarmChangeKind::AckLapsed, "ack-lapsed"},
    {AlarmChangeKind::Suppressed, "suppressed"},
    {AlarmChangeKind::Unsuppressed, "unsuppressed"},
    {AlarmChangeKind::MaintenanceStarted, "maintenance-started"},
    {AlarmChangeKind::MaintenanceEnded, "maintenance-ended"},
}};

QString timeText(const QDateTime &at)
{
    return at.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace

QString severityName(Severity severity)
{
    return nameIn(severityNames, severity);
}

std::optional<Severity> parseSeverity(const QString &name)
{
    return valueIn(severityNames, name);
}

QString alarmChangeKindName(AlarmChangeKind kind)
{
    return nameIn(changeKindNames, kind);
}

std::optional<AlarmChangeKind> parseAlarmChangeKind(const QString &name)
{
    return valueIn(changeKindNames, name);
}

QString AlarmSubject::key() const
{
    return component.isEmpty() ? deviceId : deviceId + u'/' + component;
}

QString Alarm::summary() const
{
    if (isSuppressed())
        return u"unreachable behind "_s + suppressedBy;
    return cause;
}

QJsonObject alarmJson(const Alarm &alarm)
{
    QJsonObject json{
        {u"id"_s, alarm.id},
        {u"device"_s, alarm.subject.deviceId},
        {u"component"_s, alarm.subject.component},
        {u"severity"_s, severityName(alarm.severity)},
        {u"state"_s, alarm.isActive() ? u"active"_s : u"cleared"_s},
        {u"cause"_s, alarm.cause},
        {u"summary"_s, alarm.summary()},
        {u"raisedAt"_s, timeText(alarm.raisedAt)},
        {u"inMaintenance"_s, alarm.inMaintenance},
    };
    if (alarm.clearedAt)
        json.insert(u"clearedAt"_s, timeText(*alarm.clearedAt));
    if (alarm.isSuppressed())
        json.insert(u"suppressedBy"_s, alarm.suppressedBy);
    if (const auto &ack = alarm.acknowledgement) {
        QJsonObject a{{u"by"_s, ack->by}, {u"at"_s, timeText(ack->at)}, {u"comment"_s, ack->comment}};
        if (ack->expiresAt)
            a.insert(u"expiresAt"_s, timeText(*ack->expiresAt));
        json.insert(u"acknowledgement"_s, a);
    }
    return json;
}

QJsonObject alarmChangeJson(const AlarmChange &change)
{
    QJsonObject json{
        {u"type"_s, u"alarm"_s},
        {u"change"_s, alarmChangeKindName(change.kind)},
        {u"at"_s, timeText(change.at)},
        {u"notify"_s, change.notify},
        {u"alarm"_s, alarmJson(change.alarm)},
    };
    if (change.previousSeverity)
        json.insert(u"previousSeverity"_s, severityName(*change.previousSeverity));
    if (!change.actor.isEmpty())
        json.insert(u"actor"_s, change.actor);
    if (!change.detail.isEmpty())
        json.insert(u"detail"_s, change.detail);
    return json;
}

} // namespace reg::monitor
