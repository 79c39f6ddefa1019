#include "alarmrecord.h"

#include <QJsonValue>

using namespace Qt::StringLiterals;

namespace noc {

namespace {

constexpr int MaxTextLength = 4096;   // a cause or comment longer than this is not shown whole

struct SeverityName
{
    AlarmSeverity severity;
    QLatin1String name;
};
constexpr SeverityName severityNames[] = {
    {AlarmSeverity::Critical, "critical"_L1},
    {AlarmSeverity::Major, "major"_L1},
    {AlarmSeverity::Minor, "minor"_L1},
    {AlarmSeverity::Warning, "warning"_L1},
};

QString boundedText(const QJsonValue &value)
{
    return value.toString().left(MaxTextLength);
}

} // namespace

std::optional<AlarmSeverity> parseAlarmSeverity(const QString &name)
{
    for (const SeverityName &s : severityNames) {
        if (name.compare(s.name, Qt::CaseInsensitive) == 0)
            return s.severity;
    }
    return std::nullopt;
}

QString alarmSeverityName(AlarmSeverity severity)
{
    for (const SeverityName &s : severityNames) {
        if (s.severity == severity)
            return s.name;
    }
    return {};
}

QDateTime parseApiTime(const QString &text)
{
    if (text.isEmpty() || text.size() > 64)
        return {};
    QDateTime at = QDateTime::fromString(text, Qt::ISODateWithMs);
    return at.isValid() ? at.toUTC() : QDateTime();
}

QString apiTimeText(const QDateTime &at)
{
    return at.toUTC().toString(Qt::ISODateWithMs);
}

std::optional<AlarmRecord> AlarmRecord::fromJson(const QJsonObject &json)
{
    AlarmRecord a;
    a.id = json.value("id"_L1).toInteger(0);
    const std::optional<AlarmSeverity> severity = parseAlarmSeverity(json.value("severity"_L1).toString());
    a.raisedAt = parseApiTime(json.value("raisedAt"_L1).toString());
    a.device = boundedText(json.value("device"_L1));
    if (a.id <= 0 || !severity || !a.raisedAt.isValid() || a.device.isEmpty())
        return std::nullopt;
    a.severity = *severity;
    a.deviceName = boundedText(json.value("deviceName"_L1));
    a.component = boundedText(json.value("component"_L1));
    a.active = json.value("state"_L1).toString(u"active"_s) != "cleared"_L1;
    a.cause = boundedText(json.value("cause"_L1));
    a.summary = boundedText(json.value("summary"_L1));
    if (a.summary.isEmpty())
        a.summary = a.cause;
    a.clearedAt = parseApiTime(json.value("clearedAt"_L1).toString());
    a.suppressedBy = boundedText(json.value("suppressedBy"_L1));
    a.inMaintenance = json.value("inMaintenance"_L1).toBool();
    const QJsonValue ack = json.value("acknowledgement"_L1);
    if (ack.isObject()) {
        const QJsonObject o = ack.toObject();
        a.acknowledgement = Acknowledgement{boundedText(o.value("by"_L1)), parseApiTime(o.value("at"_L1).toString()),
                                            boundedText(o.value("comment"_L1)),
                                            parseApiTime(o.value("expiresAt"_L1).toString())};
    }
    return a;
}

std::optional<AlarmChangeEvent> AlarmChangeEvent::fromJson(const QJsonObject &event)
{
    if (event.value("type"_L1).toString() != "alarm"_L1)
        return std::nullopt;
    std::optional<AlarmRecord> alarm = AlarmRecord::fromJson(event.value("alarm"_L1).toObject());
    if (!alarm)
        return std::nullopt;
    AlarmChangeEvent e;
    e.change = event.value("change"_L1).toString().left(64);
    e.at = parseApiTime(event.value("at"_L1).toString());
    e.notify = event.value("notify"_L1).toBool();
    e.alarm = std::move(*alarm);
    return e;
}

} // namespace noc
