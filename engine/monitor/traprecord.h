#pragma once

#include <QDateTime>
#include <QHostAddress>
#include <QMetaType>
#include <QString>

#include <optional>

namespace reg::monitor {

enum class TrapSeverity { Critical, Major, Minor, Warning, Info };
QString trapSeverityName(TrapSeverity severity);
std::optional<TrapSeverity> parseTrapSeverity(const QString &name);

// What the alarm engine is told a trap means: raise or clear one alarm on the device that sent it.
struct TrapEvent
{
    enum class Action { Raise, Clear };
    Action action = Action::Raise;
    QHostAddress source;           // the subject device, by the address the trap came from
    QString alarm;                 // stable key: "link-down:<ifIndex>", "restart", or a configured name
    TrapSeverity severity = TrapSeverity::Warning;
    QString trapOid;
    QDateTime at;
};

// A notification as the trap receiver decoded it (net-snmp parsed the message; we only read the
// decoded values). Confidential (seed 002): kept in the trap log, never written to the server log.
struct TrapRecord
{
    QHostAddress source;
    QDateTime receivedAt;          // reg::Clock, UTC
    QString version;               // "2c" or "3"
    QString securityName;          // v3 user; empty for v2c (a community is a secret, never kept)
    QString trapOid;               // snmpTrapOID.0, numeric
    QString varbinds;              // "oid=value" per line, capped in count and length
    bool inform = false;           // an InformRequest (answered) rather than a trap
    std::optional<TrapEvent> event;   // what it maps to, if anything
};

} // namespace reg::monitor

Q_DECLARE_METATYPE(reg::monitor::TrapRecord)
Q_DECLARE_METATYPE(reg::monitor::TrapEvent)
