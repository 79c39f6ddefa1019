#include "tokenregistry.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

#include <array>

namespace reg::admin {

TokenRegistry::TokenRegistry(const Clock &clock, qint64 lifetimeSecs) : m_clock(clock), m_lifetimeSecs(lifetimeSecs) {}

QByteArray TokenRegistry::hashToken(QByteArrayView token)
{
    return QCryptographicHash::hash(token, QCryptographicHash::Sha256);
}

bool TokenRegistry::looksLikeToken(QByteArrayView token)
{
    if (token.size() != 43)
        return false;
    for (char c : token) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (!ok)
            return false;
    }
    return true;
}

TokenRegistry::Issued TokenRegistry::issue(const QString &user, const QList<Role> &roles, const QDateTime &passwordExpiresAt)
{
    purge();
    const QDateTime now = m_clock.now();

    // Keep the number of live sessions per user bounded: revoke the oldest first.
    QList<QByteArray> owned;
    for (auto it = m_sessions.cbegin(); it != m_sessions.cend(); ++it) {
        if (it->user.compare(user, Qt::CaseInsensitive) == 0)
            owned.append(it.key());
    }
    if (owned.size() >= maxSessionsPerUser) {
        std::sort(owned.begin(), owned.end(), [this](const QByteArray &a, const QByteArray &b) {
            return m_sessions.value(a).issuedAt < m_sessions.value(b).issuedAt;
        });
        for (qsizetype i = 0; i <= owned.size() - maxSessionsPerUser; ++i)
            m_sessions.remove(owned[i]);
    }

    std::array<quint32, 8> random;
    QRandomGenerator::system()->fillRange(random.data(), random.size());
    const QByteArray raw(reinterpret_cast<const char *>(random.data()), sizeof random);
    const QByteArray token = raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);

    Session session{user, roles, now, now.addSecs(m_lifetimeSecs), passwordExpiresAt};
    m_sessions.insert(hashToken(token), session);
    return {token, session};
}

TokenRegistry::Lookup TokenRegistry::lookupHash(const QByteArray &tokenHash) const
{
    const auto it = m_sessions.constFind(tokenHash);
    if (it == m_sessions.cend())
        return {};
    if (it->expiresAt <= m_clock.now())
        return {Status::Expired, *it};
    return {Status::Valid, *it};
}

TokenRegistry::Lookup TokenRegistry::lookup(QByteArrayView token) const
{
    if (!looksLikeToken(token))
        return {};
    return lookupHash(hashToken(token));
}

bool TokenRegistry::revoke(QByteArrayView token)
{
    if (!looksLikeToken(token))
        return false;
    return m_sessions.remove(hashToken(token));
}

int TokenRegistry::revokeUser(const QString &user, const QByteArray &keepTokenHash)
{
    int removed = 0;
    for (auto it = m_sessions.begin(); it != m_sessions.end();) {
        if (it->user.compare(user, Qt::CaseInsensitive) == 0 && (keepTokenHash.isEmpty() || it.key() != keepTokenHash)) {
            it = m_sessions.erase(it);
            ++removed;
        } else {
            ++it;
        }
    }
    return removed;
}

bool TokenRegistry::setPasswordExpiry(const QByteArray &tokenHash, const QDateTime &passwordExpiresAt)
{
    const auto it = m_sessions.find(tokenHash);
    if (it == m_sessions.end())
        return false;
    it->passwordExpiresAt = passwordExpiresAt;
    return true;
}

void TokenRegistry::purge()
{
    const QDateTime forgetBefore = m_clock.now().addSecs(-expiredMemorySecs);
    m_sessions.removeIf([&](const QHash<QByteArray, Session>::iterator it) { return it->expiresAt < forgetBefore; });
}

int TokenRegistry::activeCount() const
{
    const QDateTime now = m_clock.now();
    return int(std::count_if(m_sessions.cbegin(), m_sessions.cend(), [&](const Session &s) { return s.expiresAt > now; }));
}

} // namespace reg::admin
