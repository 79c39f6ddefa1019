#pragma once

#include "monitor/traprecord.h"

#include "core/result.h"

#include <QList>
#include <QStringList>

#include <optional>
#include <vector>

namespace reg::monitor {

// One configured trap rule, from a line "<numeric OID> raise|clear <severity> <alarm name>", e.g.
// "1.3.6.1.4.1.2021.251.1 raise critical ups-on-battery".
struct TrapRule
{
    QString trapOid;
    TrapEvent::Action action = TrapEvent::Action::Raise;
    TrapSeverity severity = TrapSeverity::Warning;
    QString alarm;
};

// Parses a configured rule; hostile input gets a clear error (the text comes from configuration
// files and the management API).
Result<TrapRule> parseTrapRule(const QString &line);
// A numeric OID "1.3.6..." with 2..128 arcs each below 2^32; normalised (no leading dot).
std::optional<QString> normaliseNumericOid(const QString &text);

// Turns a trap into the alarm event it means, if any: IF-MIB linkDown raises and linkUp clears
// "link-down:<ifIndex>", SNMPv2-MIB coldStart/warmStart raise "restart", configured rules their own
// alarm. Configured rules win over the built-in ones for the same OID. Immutable; any thread.
class TrapMapping
{
public:
    explicit TrapMapping(QList<TrapRule> rules = {});
    // ifIndex: the value of the trap's ifIndex varbind (linkDown/linkUp), if present.
    std::optional<TrapEvent> map(const TrapRecord &trap, std::optional<qint64> ifIndex) const;

    static QString linkDownOid();
    static QString linkUpOid();
    static QString coldStartOid();
    static QString warmStartOid();

private:
    QList<TrapRule> m_rules;
};

} // namespace reg::monitor
