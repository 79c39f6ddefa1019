#include "xrpadmission.h"

namespace reg::xrp {

QHostAddress canonicalPeerAddress(const QHostAddress &peer)
{
    bool isV4 = false;
    const quint32 v4 = peer.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4) : peer;
}

bool XrpAdmission::acquireConnection(const QHostAddress &peer)
{
    const QString key = canonicalPeerAddress(peer).toString();
    QMutexLocker lock(&m_mutex);
    int &perAddress = m_perAddress[key];
    if (m_connections >= m_maxConnections || perAddress >= m_maxPerAddress) {
        if (perAddress == 0)
            m_perAddress.remove(key);
        return false;
    }
    ++perAddress;
    ++m_connections;
    return true;
}

void XrpAdmission::releaseConnection(const QHostAddress &peer)
{
    const QString key = canonicalPeerAddress(peer).toString();
    QMutexLocker lock(&m_mutex);
    auto it = m_perAddress.find(key);
    if (it == m_perAddress.end())
        return;
    if (--it.value() <= 0)
        m_perAddress.erase(it);
    --m_connections;
}

bool XrpAdmission::acquireSession(const QString &userId)
{
    QMutexLocker lock(&m_mutex);
    int &count = m_perUser[userId];
    if (count >= m_maxPerUser) {
        if (count == 0)
            m_perUser.remove(userId);
        return false;
    }
    ++count;
    return true;
}

void XrpAdmission::releaseSession(const QString &userId)
{
    QMutexLocker lock(&m_mutex);
    auto it = m_perUser.find(userId);
    if (it != m_perUser.end() && --it.value() <= 0)
        m_perUser.erase(it);
}

int XrpAdmission::connectionCount() const
{
    QMutexLocker lock(&m_mutex);
    return m_connections;
}

int XrpAdmission::sessionCount(const QString &userId) const
{
    QMutexLocker lock(&m_mutex);
    return m_perUser.value(userId);
}

} // namespace reg::xrp
