#pragma once

#include "result.h"

#include <QHostAddress>
#include <QString>

namespace reg {

// A "host:port" a service listens on. IPv6 addresses go in brackets ("[::1]:9443"). Port 0 asks
// the kernel for a free port (tests use it; the engine reports the real port in its ready file).
struct ListenAddress
{
    QHostAddress address;
    quint16 port = 0;

    static Result<ListenAddress> parse(const QString &text);
    QString toString() const;
    bool operator==(const ListenAddress &) const = default;
};

// Parsers for the value syntaxes the configuration uses; each rejects anything it does not fully
// understand, with a message that says what was expected.
namespace ConfigValue {
Result<bool> parseBool(const QString &text);                          // true/false/yes/no/on/off
Result<qint64> parseInteger(const QString &text, qint64 min, qint64 max);
Result<qint64> parseDurationSeconds(const QString &text, qint64 min, qint64 max);  // 30s, 15m, 8h, 90d, or seconds
Result<qint64> parseByteSize(const QString &text, qint64 min, qint64 max);        // 512, 64K, 1M, 2G (binary units)
} // namespace ConfigValue

} // namespace reg
