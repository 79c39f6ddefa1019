#pragma once

#include <QHash>
#include <QHostAddress>
#include <QMutex>
#include <QString>

namespace reg::xrp {

// The two counted limits of the XRP port, shared by the server (engine thread) and every worker
// thread: open connections (all together and per peer address) and logged-in sessions per
// registrar user. Each acquire that succeeds is paired with exactly one release. Thread-safe; the
// lock is held only for a hash lookup. Owned by XrpServer, which outlives its workers' sessions.
class XrpAdmission
{
public:
    XrpAdmission(int maxConnections, int maxConnectionsPerAddress, int maxSessionsPerUser)
        : m_maxConnections(maxConnections), m_maxPerAddress(maxConnectionsPerAddress), m_maxPerUser(maxSessionsPerUser)
    {
    }

    bool acquireConnection(const QHostAddress &peer);
    void releaseConnection(const QHostAddress &peer);
    bool acquireSession(const QString &userId);
    void releaseSession(const QString &userId);

    int connectionCount() const;
    int sessionCount(const QString &userId) const;

private:
    const int m_maxConnections;
    const int m_maxPerAddress;
    const int m_maxPerUser;
    mutable QMutex m_mutex;
    int m_connections = 0;
    QHash<QString, int> m_perAddress;   // canonical address text
    QHash<QString, int> m_perUser;
};

// The address as registrars list it: IPv4-mapped IPv6 peers (a dual-stack listener) as plain IPv4.
QHostAddress canonicalPeerAddress(const QHostAddress &peer);

} // namespace reg::xrp
