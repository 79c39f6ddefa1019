#include "alarmtext.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace noc {

QString AlarmText::severity(AlarmSeverity severity)
{
    switch (severity) {
    case AlarmSeverity::Critical: return tr("Critical");
    case AlarmSeverity::Major: return tr("Major");
    case AlarmSeverity::Minor: return tr("Minor");
    case AlarmSeverity::Warning: return tr("Warning");
    }
    return {};
}

StatusPalette::Severity AlarmText::paletteSeverity(AlarmSeverity severity)
{
    switch (severity) {
    case AlarmSeverity::Critical:
    case AlarmSeverity::Major: return StatusPalette::Severity::Critical;
    case AlarmSeverity::Minor: return StatusPalette::Severity::Warning;
    case AlarmSeverity::Warning: return StatusPalette::Severity::Info;
    }
    return StatusPalette::Severity::Neutral;
}

QString AlarmText::component(const QString &component)
{
    if (component.isEmpty())
        return tr("reachability");
    if (component == "snmp"_L1)
        return tr("SNMP agent");
    if (component == "cpu"_L1)
        return tr("CPU");
    if (component == "memory"_L1)
        return tr("memory");
    if (component == "restart"_L1)
        return tr("restart");
    if (component.startsWith("if:"_L1))
        return tr("interface %1").arg(component.mid(3));
    if (component.startsWith("storage:"_L1))
        return tr("storage %1").arg(component.mid(8));
    if (component.startsWith("service:"_L1))
        return tr("service %1").arg(component.mid(8));
    return component;
}

QString AlarmText::componentAndCause(const AlarmRecord &alarm)
{
    return tr("%1 — %2").arg(component(alarm.component), alarm.summary);
}

QString AlarmText::acknowledgement(const AlarmRecord &alarm)
{
    if (!alarm.acknowledgement)
        return QString();
    const AlarmRecord::Acknowledgement &ack = *alarm.acknowledgement;
    QString text = ack.comment.isEmpty() ? ack.by : tr("%1: %2").arg(ack.by, ack.comment);
    if (ack.expiresAt.isValid())
        text = tr("%1 (until %2)").arg(text, localTime(ack.expiresAt));
    return text;
}

QString AlarmText::acknowledgementDetail(const AlarmRecord &alarm)
{
    if (!alarm.acknowledgement)
        return QString();
    const AlarmRecord::Acknowledgement &ack = *alarm.acknowledgement;
    QString text = tr("Acknowledged by %1 at %2").arg(ack.by, localTime(ack.at));
    text += ack.expiresAt.isValid() ? u'\n' + tr("Expires at %1").arg(localTime(ack.expiresAt))
                                    : u'\n' + tr("Until the alarm clears or gets worse");
    if (!ack.comment.isEmpty())
        text += u'\n' + ack.comment;
    return text;
}

QString AlarmText::state(const AlarmRecord &alarm, const QString &suppressedByName)
{
    QStringList parts;
    if (!alarm.active)
        parts.append(tr("cleared"));
    if (alarm.isSuppressed())
        parts.append(tr("suppressed by %1").arg(suppressedByName));
    if (alarm.inMaintenance)
        parts.append(tr("in maintenance"));
    return parts.join(u", "_s);
}

QString AlarmText::changeKind(const QString &kind)
{
    if (kind == "raised"_L1) return tr("raised");
    if (kind == "escalated"_L1) return tr("escalated");
    if (kind == "cleared"_L1) return tr("cleared");
    if (kind == "acknowledged"_L1) return tr("acknowledged");
    if (kind == "unacknowledged"_L1) return tr("acknowledgement withdrawn");
    if (kind == "ack-lapsed"_L1) return tr("acknowledgement lapsed");
    if (kind == "suppressed"_L1) return tr("suppressed");
    if (kind == "unsuppressed"_L1) return tr("no longer suppressed");
    if (kind == "maintenance-started"_L1) return tr("maintenance started");
    if (kind == "maintenance-ended"_L1) return tr("maintenance ended");
    return kind;
}

QString AlarmText::localTime(const QDateTime &at)
{
    return at.isValid() ? QLocale().toString(at.toLocalTime(), u"yyyy-MM-dd HH:mm:ss"_s) : QString();
}

QString AlarmText::utcTime(const QDateTime &at)
{
    return at.isValid() ? at.toUTC().toString(Qt::ISODate) : QString();
}

} // namespace noc
