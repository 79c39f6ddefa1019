#pragma once

#include "role.h"

#include "core/clock.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

namespace reg::admin {

// What a bearer token stands for.
struct Session
{
    QString user;
    QList<Role> roles;
    QDateTime issuedAt;
    QDateTime expiresAt;
    QDateTime passwordExpiresAt;

    bool passwordExpired(const QDateTime &now) const { return passwordExpiresAt.isValid() && passwordExpiresAt <= now; }
};

// The bearer tokens of the management API. A token is 256 random bits (base64url, 43 characters);
// only its SHA-256 is kept, in memory, so neither a core dump of the map nor the database yields a
// usable token. Expired tokens are remembered for a while so the client is told "expired" rather
// than "unknown"; each user holds at most maxSessionsPerUser tokens (the oldest is revoked).
// Lives on the management thread; not thread-safe. Owned by ManagementServer.
class TokenRegistry
{
public:
    static constexpr int maxSessionsPerUser = 32;
    static constexpr qint64 expiredMemorySecs = 24 * 3600;

    enum class Status { Valid, Unknown, Expired };
    struct Lookup
    {
        Status status = Status::Unknown;
        Session session;
    };
    struct Issued
    {
        QByteArray token;
        Session session;
    };

    TokenRegistry(const Clock &clock, qint64 lifetimeSecs);

    Issued issue(const QString &user, const QList<Role> &roles, const QDateTime &passwordExpiresAt);
    Lookup lookup(QByteArrayView token) const;
    Lookup lookupHash(const QByteArray &tokenHash) const;
    bool revoke(QByteArrayView token);
    // Revokes every token of the user except the one whose hash is keepTokenHash (if given).
    int revokeUser(const QString &user, const QByteArray &keepTokenHash = {});
    // After a password change the session that made it carries the new password expiry.
    bool setPasswordExpiry(const QByteArray &tokenHash, const QDateTime &passwordExpiresAt);
    void purge();
    int activeCount() const;

    static QByteArray hashToken(QByteArrayView token);
    static bool looksLikeToken(QByteArrayView token);

private:
    const Clock &m_clock;
    qint64 m_lifetimeSecs;
    QHash<QByteArray, Session> m_sessions;
};

} // namespace reg::admin
