#pragma once

#include "core/clock.h"
#include "core/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QHostAddress>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace reg::store {
class Connection;
class Store;
} // namespace reg::store

namespace reg::srs {

struct RegistrarLoginPolicy
{
    int maxFailedLogins = 5;                      // wrong passwords in a row before the user is locked
    qint64 lockoutSecs = 15 * 60;
    qint64 passwordLifetimeSecs = 90 * 86400;     // seed 001: valid 90 days, then only login with newPW works
};

// What the XRP port knows when a registrar logs in: the user and password (and newPW) from the
// <login>, the SHA-256 of the client certificate the TLS handshake verified, and the peer address.
struct RegistrarLoginRequest
{
    QString userId;
    QString password;
    std::optional<QString> newPassword;
    QByteArray certificateSha256;                 // raw 32 bytes
    QHostAddress peer;
};

struct RegistrarLoginResult
{
    enum class Outcome {
        Granted,
        InvalidCredentials,    // unknown user or wrong password (indistinguishable to the client)
        Locked,                // too many failures; lockedUntil says until when
        Disabled,
        PasswordExpired,       // right password, past its lifetime, and no newPW
        NewPasswordRefused,    // right password, newPW breaks the policy (message says which rule)
        CertificateNotBound,   // the certificate is not one of the user's registrar's
        AddressNotAllowed,     // the peer is not one of the registrar's listed addresses
    };
    Outcome outcome = Outcome::InvalidCredentials;
    QString registrarId;                          // set when the user exists and the check got that far
    QString message;                              // for the client: says what to do, never secrets
    QDateTime lockedUntil;
    QDateTime passwordExpiresAt;                  // on Granted: when the (possibly new) password expires
    bool lockedByThisAttempt = false;
};

// Registrar users and their login (seed 001 security): several user ids per registrar, scrypt
// password hashes, lockout after repeated failures, 90-day expiry with change through newPW, no
// reuse of the last two passwords; a login is accepted only with a client certificate bound to the
// user's registrar and from one of its individually listed addresses (seed 000: no ranges).
// scrypt runs on the global thread pool; counters and hashes are re-checked inside the write
// transaction so concurrent attempts cannot race past the lockout. Use from one thread (it keeps a
// read connection for that thread), like admin::UserAccounts.
class RegistrarLogin
{
public:
    RegistrarLogin(store::Store &store, const Clock &clock);
    ~RegistrarLogin();
    RegistrarLogin(const RegistrarLogin &) = delete;
    RegistrarLogin &operator=(const RegistrarLogin &) = delete;

    void authenticate(const RegistrarLoginRequest &request, const RegistrarLoginPolicy &policy, QObject *context,
                      std::function<void(RegistrarLoginResult)> done);

    // Whether any registrar lists `peer`: checked when a connection arrives, before TLS, so an unknown
    // address costs the server nothing. Cached; refreshed from the journal by the caller via invalidate().
    Result<bool> isKnownAddress(const QHostAddress &peer);
    void invalidateAddressCache();

    // Administration (blocking; setup, management API, tests). Journal kinds "registrar-user.create",
    // "registrar.certificate", "registrar.address"; never a hash or password in the journal.
    Result<void> createUser(const QString &registrarId, const QString &userId, const QString &password,
                            const QString &actor);
    Result<void> bindCertificate(const QString &registrarId, const QByteArray &certificatePem, const QString &actor);
    Result<void> addAddress(const QString &registrarId, const QHostAddress &address, const QString &actor);
    // NotFound when the registrar does not list the address; journal kind "registrar.address" {remove}.
    Result<void> removeAddress(const QString &registrarId, const QHostAddress &address, const QString &actor);
    Result<void> unlockUser(const QString &userId, const QString &actor);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace reg::srs
