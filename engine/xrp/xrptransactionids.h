#pragma once

#include <QDateTime>
#include <QString>

#include <atomic>

namespace reg::xrp {

// Hands out <svTRID>s: "<server id>-<start time>-<counter>", all hexadecimal after the server id.
// The start time (milliseconds, taken once per engine start; the data directory lock keeps two
// engines from sharing a store) makes ids unique across restarts, the atomic counter across
// threads. Always 3-64 characters of [A-Za-z0-9.-] (epp:trIDStringType). Thread-safe.
class XrpTransactionIds
{
public:
    XrpTransactionIds(const QString &serverId, const QDateTime &startedAt);

    QString next();
    const QString &prefix() const { return m_prefix; }

private:
    QString m_prefix;
    std::atomic<quint64> m_counter{0};
};

} // namespace reg::xrp
