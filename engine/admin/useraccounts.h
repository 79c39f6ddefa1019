#pragma once

#include "role.h"

#include "core/clock.h"
#include "core/result.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace reg::store {
class Connection;
class Store;
} // namespace reg::store

namespace reg::admin {

// A management user as stored (the password hash stays inside UserAccounts).
struct UserRecord
{
    QString name;
    QList<Role> roles;
    int failedLogins = 0;
    QDateTime lockedUntil;       // invalid when not locked
    QDateTime passwordChangedAt;
    QDateTime createdAt;
    bool disabled = false;

    bool isLocked(const QDateTime &now) const { return lockedUntil.isValid() && lockedUntil > now; }
    QDateTime passwordExpiresAt() const;
};

struct LoginPolicy
{
    int maxFailedLogins = 5;
    qint64 lockoutSecs = 15 * 60;
};

struct LoginResult
{
    enum class Outcome { Success, InvalidCredentials, Locked };
    Outcome outcome = Outcome::InvalidCredentials;
    UserRecord user;           // filled on Success (and on Locked, for lockedUntil)
    bool lockedByThisAttempt = false;
};

struct PasswordChangeResult
{
    enum class Outcome { Changed, WrongPassword, Locked };
    Outcome outcome = Outcome::WrongPassword;
    UserRecord user;           // as stored after the attempt (lockedUntil, passwordChangedAt)
    bool lockedByThisAttempt = false;
};

// The management users: creation, login with failure counting and lockout, password changes
// under PasswordPolicy, unlocking. scrypt costs ~100 ms, so the asynchronous functions run the
// hashing on the global thread pool and answer on the context object's thread; every decision that
// depends on stored state (counters, lock, the current hash) is re-checked inside the write
// transaction, so concurrent attempts cannot race past the lockout.
// Use from one thread (it keeps a read connection for that thread); owned by its user
// (ManagementServer, or `registryd init` for the first account).
class UserAccounts
{
public:
    static constexpr int maxNameLength = 64;

    UserAccounts(store::Store &store, const Clock &clock);
    ~UserAccounts();
    UserAccounts(const UserAccounts &) = delete;
    UserAccounts &operator=(const UserAccounts &) = delete;

    // 1-64 characters of [A-Za-z0-9._-]. InvalidInput with a message saying what is wrong.
    static Result<void> validateName(const QString &name);

    // Blocking (uses writer().submitAndWait); checks PasswordPolicy; journal kind "user.create"
    // (no hash in data). Conflict if the name is taken (names are case-insensitive).
    Result<void> createUser(const QString &name, const QString &password, const QList<Role> &roles, const QString &actor);
    // The same, hashing off the caller's thread.
    void createUserAsync(const QString &name, const QString &password, const QList<Role> &roles, const QString &actor,
                         QObject *context, std::function<void(Result<void>)> done);

    Result<std::optional<UserRecord>> findUser(const QString &name);
    Result<QList<UserRecord>> listUsers();

    // Checks the password; a wrong one (or an unknown user, which costs the same time) counts towards
    // the lockout; a right one resets the count. While locked, the password is not even checked.
    void authenticate(const QString &name, const QString &password, const LoginPolicy &policy,
                      QObject *context, std::function<void(Result<LoginResult>)> done);

    // Re-authenticates with the current password, then sets the new one. A wrong current password
    // counts towards the lockout exactly like a failed login (a stolen token must not become an
    // unlimited password oracle); while locked, nothing is checked. Policy violations are
    // InvalidInput (the message names the rule) and change nothing. Journal kind "user.password"
    // (no hashes in data); a successful change also clears the failure count.
    void changePassword(const QString &name, const QString &oldPassword, const QString &newPassword,
                        const LoginPolicy &policy, QObject *context,
                        std::function<void(Result<PasswordChangeResult>)> done);

    // Clears the failure count and any lock; NotFound for an unknown user. Journal kind "user.unlock".
    void unlock(const QString &name, const QString &actor, QObject *context, std::function<void(Result<void>)> done);

private:
    Result<store::Connection *> reader();

    store::Store &m_store;
    const Clock &m_clock;
    std::unique_ptr<store::Connection> m_reader;
};

} // namespace reg::admin
