#include "monitor/trapmapping.h"

namespace reg::monitor {

namespace {
constexpr int kMaxOidArcs = 128;   // RFC 2578: at most 128 sub-identifiers
constexpr int kMaxRuleLength = 512;
constexpr int kMaxAlarmNameLength = 64;
}

QString trapSeverityName(TrapSeverity severity)
{
    switch (severity) {
    case TrapSeverity::Critical:
        return QStringLiteral("critical");
    case TrapSeverity::Major:
        return QStringLiteral("major");
    case TrapSeverity::Minor:
        return QStringLiteral("minor");
    case TrapSeverity::Warning:
        return QStringLiteral("warning");
    case TrapSeverity::Info:
        return QStringLiteral("info");
    }
    return QStringLiteral("warning");
}

std::optional<TrapSeverity> parseTrapSeverity(const QString &name)
{
    for (const TrapSeverity s : {TrapSeverity::Critical, TrapSeverity::Major, TrapSeverity::Minor, TrapSeverity::Warning,
                                 TrapSeverity::Info}) {
        if (name == trapSeverityName(s))
            return s;
    }
    return std::nullopt;
}

std::optional<QString> normaliseNumericOid(const QString &text)
{
    QStringView view(text);
    if (view.startsWith(QLatin1Char('.')))
        view = view.mid(1);
    if (view.isEmpty() || view.size() > kMaxOidArcs * 11)
        return std::nullopt;
    const auto arcs = view.split(QLatin1Char('.'));
    if (arcs.size() < 2 || arcs.size() > kMaxOidArcs)
        return std::nullopt;
    QString normalised;
    for (const QStringView arc : arcs) {
        if (arc.isEmpty() || arc.size() > 10)
            return std::nullopt;
        for (const QChar c : arc)
            if (c < QLatin1Char('0') || c > QLatin1Char('9'))
                return std::nullopt;
        bool ok = false;
        const qulonglong value = arc.toULongLong(&ok);
        if (!ok || value > 0xffffffffULL || (arc.size() > 1 && arc.front() == QLatin1Char('0')))
            return std::nullopt;
        if (!normalised.isEmpty())
            normalised += QLatin1Char('.');
        normalised += QString::number(value);
    }
    // X.660: the first arc is 0, 1 or 2.
    if (arcs.front().toULongLong() > 2)
        return std::nullopt;
    return normalised;
}

Result<TrapRule> parseTrapRule(const QString &line)
{
    if (line.size() > kMaxRuleLength)
        return Error(ErrorCode::InvalidInput, QStringLiteral("trap rule longer than %1 characters").arg(kMaxRuleLength));
    const QStringList fields = line.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (fields.size() != 4)
        return Error(ErrorCode::InvalidInput, QStringLiteral("a trap rule is \"<OID> raise|clear <severity> <alarm name>\""));
    TrapRule rule;
    const std::optional<QString> oid = normaliseNumericOid(fields.at(0));
    if (!oid)
        return Error(ErrorCode::InvalidInput, QStringLiteral("not a numeric OID: %1").arg(fields.at(0).left(64)));
    rule.trapOid = *oid;
    if (fields.at(1) == QLatin1String("raise"))
        rule.action = TrapEvent::Action::Raise;
    else if (fields.at(1) == QLatin1String("clear"))
        rule.action = TrapEvent::Action::Clear;
    else
        return Error(ErrorCode::InvalidInput, QStringLiteral("the action is raise or clear, not %1").arg(fields.at(1).left(16)));
    const std::optional<TrapSeverity> severity = parseTrapSeverity(fields.at(2));
    if (!severity)
        return Error(ErrorCode::InvalidInput, QStringLiteral("severity is critical, major, minor, warning or info"));
    rule.severity = *severity;
    const QString &alarm = fields.at(3);
    if (alarm.size() > kMaxAlarmNameLength)
        return Error(ErrorCode::InvalidInput, QStringLiteral("alarm name longer than %1 characters").arg(kMaxAlarmNameLength));
    for (const QChar c : alarm) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != QLatin1Char('-') && c != QLatin1Char('_') && c != QLatin1Char('.'))
            return Error(ErrorCode::InvalidInput, QStringLiteral("alarm names use letters, digits, '-', '_' and '.'"));
    }
    rule.alarm = alarm;
    return rule;
}

TrapMapping::TrapMapping(QList<TrapRule> rules) : m_rules(std::move(rules)) {}

QString TrapMapping::linkDownOid() { return QStringLiteral("1.3.6.1.6.3.1.1.5.3"); }
QString TrapMapping::linkUpOid() { return QStringLiteral("1.3.6.1.6.3.1.1.5.4"); }
QString TrapMapping::coldStartOid() { return QStringLiteral("1.3.6.1.6.3.1.1.5.1"); }
QString TrapMapping::warmStartOid() { return QStringLiteral("1.3.6.1.6.3.1.1.5.2"); }

std::optional<TrapEvent> TrapMapping::map(const TrapRecord &trap, std::optional<qint64> ifIndex) const
{
    TrapEvent event;
    event.source = trap.source;
    event.trapOid = trap.trapOid;
    event.at = trap.receivedAt;
    for (const TrapRule &rule : m_rules) {
        if (rule.trapOid == trap.trapOid) {
            event.action = rule.action;
            event.severity = rule.severity;
            event.alarm = rule.alarm;
            return event;
        }
    }
    if (trap.trapOid == linkDownOid() || trap.trapOid == linkUpOid()) {
        event.action = trap.trapOid == linkDownOid() ? TrapEvent::Action::Raise : TrapEvent::Action::Clear;
        event.severity = TrapSeverity::Major;
        event.alarm = ifIndex ? QStringLiteral("link-down:%1").arg(*ifIndex) : QStringLiteral("link-down");
        return event;
    }
    if (trap.trapOid == coldStartOid() || trap.trapOid == warmStartOid()) {
        event.action = TrapEvent::Action::Raise;
        event.severity = TrapSeverity::Warning;
        event.alarm = QStringLiteral("restart");
        return event;
    }
    return std::nullopt;
}

} // namespace reg::monitor
