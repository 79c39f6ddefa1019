#include "useraccounts.h"

#include "core/logging.h"
#include "core/passwordhasher.h"
#include "core/passwordpolicy.h"
#include "store/connection.h"
#include "store/store.h"

#include <QFuture>
#include <QJsonArray>
#include <QRegularExpression>
#include <QtConcurrent/QtConcurrentRun>

#include <mutex>

namespace reg::admin {
namespace {

using store::Connection;
using store::JournalChange;
using WorkResult = Result<std::optional<JournalChange>>;

constexpr char16_t selectUserSql[] =
    u"SELECT id, name, roles, failed_logins, locked_until, password_changed_at, created_at, disabled, password_hash "
    u"FROM users WHERE name = ?";

struct StoredUser
{
    qint64 id = 0;
    UserRecord record;
    QString passwordHash;
};

QDateTime fromMs(const QVariant &value)
{
    if (!value.isValid() || value.isNull())
        return {};
    return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

QList<Role> rolesFromColumn(const QString &column, const QString &user)
{
    const std::optional<QList<Role>> roles = parseRoles(column.split(u',', Qt::SkipEmptyParts));
    if (!roles) {
        qCWarning(lcAdmin, "user %s has an unreadable role list \"%s\"; treating it as no roles",
                  qUtf8Printable(user), qUtf8Printable(column));
        return {};
    }
    return *roles;
}

StoredUser userFromRow(const QVariantList &row)
{
    StoredUser user;
    user.id = row.value(0).toLongLong();
    user.record.name = row.value(1).toString();
    user.record.roles = rolesFromColumn(row.value(2).toString(), user.record.name);
    user.record.failedLogins = row.value(3).toInt();
    user.record.lockedUntil = fromMs(row.value(4));
    user.record.passwordChangedAt = fromMs(row.value(5));
    user.record.createdAt = fromMs(row.value(6));
    user.record.disabled = row.value(7).toLongLong() != 0;
    user.passwordHash = row.value(8).toString();
    return user;
}

Result<std::optional<StoredUser>> loadUser(Connection &connection, const QString &name)
{
    Result<QList<QVariantList>> rows = connection.queryRows(QString::fromUtf16(selectUserSql), {name}, 1);
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<StoredUser>();
    return std::optional<StoredUser>(userFromRow(rows->first()));
}

// Hashing a password nobody knows gives an unknown user the same ~100 ms answer as a known one,
// so the response time does not tell which names exist.
const QString &decoyHash()
{
    static std::once_flag once;
    static QString hash;
    std::call_once(once, [] {
        Result<QString> h = PasswordHasher::hash(PasswordHasher::generatePassword(32));
        hash = h ? *h : QString();
    });
    return hash;
}

struct PreparedUser
{
    QString hash;
};

Result<PreparedUser> prepareUser(const QString &name, const QString &password, const QList<Role> &roles)
{
    if (auto r = UserAccounts::validateName(name); !r)
        return r.error();
    if (roles.isEmpty())
        return Error(ErrorCode::InvalidInput, QStringLiteral("a user needs at least one role"));
    if (auto r = PasswordPolicy::checkStrength(password); !r)
        return r.error();
    Result<QString> hash = PasswordHasher::hash(password);
    if (!hash)
        return hash.error();
    return PreparedUser{*hash};
}

store::WriteWork createUserWork(const QString &name, const QString &hash, const QList<Role> &roles,
                                const QString &actor, const Clock *clock)
{
    return [=](Connection &connection) -> WorkResult {
        Result<QVariant> exists = connection.queryValue(QStringLiteral("SELECT 1 FROM users WHERE name = ?"), {name});
        if (!exists)
            return exists.error();
        if (exists->isValid())
            return Error(ErrorCode::Conflict, QStringLiteral("a user named \"%1\" already exists").arg(name));
        const qint64 now = clock->now().toMSecsSinceEpoch();
        if (auto r = connection.execute(
                QStringLiteral("INSERT INTO users (name, password_hash, roles, failed_logins, password_changed_at, created_at) "
                               "VALUES (?, ?, ?, 0, ?, ?)"),
                {name, hash, roleNames(roles).join(u','), now, now});
            !r)
            return r.error();
        return std::optional<JournalChange>(
            JournalChange{actor, QStringLiteral("user.create"), name,
                          QJsonObject{{QStringLiteral("roles"), QJsonArray::fromStringList(roleNames(roles))}}});
    };
}

// Counts one wrong password inside the caller's write transaction (login or re-authentication for a
// password change alike) and locks the account when the count reaches the policy's limit.
// Returns whether this failure locked it; updates user.record to what was stored.
Result<bool> recordFailure(Connection &connection, StoredUser &user, const LoginPolicy &policy, const QDateTime &now)
{
    // A lock that has run out starts a fresh count.
    const int failures = user.record.lockedUntil.isValid() ? 1 : user.record.failedLogins + 1;
    QVariant lockedUntil;
    const bool locks = failures >= policy.maxFailedLogins;
    if (locks)
        lockedUntil = now.addSecs(policy.lockoutSecs).toMSecsSinceEpoch();
    if (auto r = connection.execute(QStringLiteral("UPDATE users SET failed_logins = ?, locked_until = ? WHERE id = ?"),
                                    {failures, lockedUntil, user.id});
        !r)
        return r.error();
    user.record.failedLogins = failures;
    user.record.lockedUntil = locks ? now.addSecs(policy.lockoutSecs) : QDateTime();
    return locks;
}

Result<void> toVoid(const Result<store::CommitReceipt> &result)
{
    if (!result)
        return result.error();
    return success();
}

} // namespace

QDateTime UserRecord::passwordExpiresAt() const
{
    return passwordChangedAt.isValid() ? passwordChangedAt.addDays(PasswordPolicy::lifetimeDays) : QDateTime();
}

UserAccounts::UserAccounts(store::Store &store, const Clock &clock) : m_store(store), m_clock(clock) {}

UserAccounts::~UserAccounts() = default;

Result<void> UserAccounts::validateName(const QString &name)
{
    if (name.isEmpty() || name.size() > maxNameLength)
        return Error(ErrorCode::InvalidInput, QStringLiteral("a user name must be 1 to %1 characters long").arg(maxNameLength));
    for (QChar c : name) {
        const char16_t u = c.unicode();
        const bool ok = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9')
            || u == u'.' || u == u'_' || u == u'-';
        if (!ok)
            return Error(ErrorCode::InvalidInput, QStringLiteral("a user name may contain only letters A-Z, digits, '.', '_' and '-'"));
    }
    return success();
}

Result<store::Connection *> UserAccounts::reader()
{
    if (!m_reader) {
        Result<std::unique_ptr<Connection>> opened = m_store.openReader();
        if (!opened)
            return opened.error();
        m_reader = std::move(*opened);
    }
    return m_reader.get();
}

Result<void> UserAccounts::createUser(const QString &name, const QString &password, const QList<Role> &roles, const QString &actor)
{
    Result<PreparedUser> prepared = prepareUser(name, password, roles);
    if (!prepared)
        return prepared.error();
    return toVoid(m_store.writer().submitAndWait(createUserWork(name, prepared->hash, roles, actor, &m_clock)));
}

void UserAccounts::createUserAsync(const QString &name, const QString &password, const QList<Role> &roles,
                                   const QString &actor, QObject *context, std::function<void(Result<void>)> done)
{
    QtConcurrent::run([name, password, roles] { return prepareUser(name, password, roles); })
        .then(context, [this, name, roles, actor, context, done = std::move(done)](const Result<PreparedUser> &prepared) {
            if (!prepared) {
                done(prepared.error());
                return;
            }
            m_store.writer().submit(createUserWork(name, prepared->hash, roles, actor, &m_clock), context,
                                    [done](const Result<store::CommitReceipt> &r) { done(toVoid(r)); });
        });
}

Result<std::optional<UserRecord>> UserAccounts::findUser(const QString &name)
{
    Result<Connection *> connection = reader();
    if (!connection)
        return connection.error();
    Result<std::optional<StoredUser>> user = loadUser(**connection, name);
    if (!user)
        return user.error();
    if (!*user)
        return std::optional<UserRecord>();
    return std::optional<UserRecord>((*user)->record);
}

Result<QList<UserRecord>> UserAccounts::listUsers()
{
    Result<Connection *> connection = reader();
    if (!connection)
        return connection.error();
    Result<QList<QVariantList>> rows = (*connection)->queryRows(
        QStringLiteral("SELECT id, name, roles, failed_logins, locked_until, password_changed_at, created_at, disabled, '' "
                       "FROM users ORDER BY name COLLATE NOCASE"));
    if (!rows)
        return rows.error();
    QList<UserRecord> users;
    users.reserve(rows->size());
    for (const QVariantList &row : *rows)
        users.append(userFromRow(row).record);
    return users;
}

void UserAccounts::authenticate(const QString &name, const QString &password, const LoginPolicy &policy,
                                QObject *context, std::function<void(Result<LoginResult>)> done)
{
    QString storedHash;
    if (validateName(name)) {
        Result<Connection *> connection = reader();
        if (!connection) {
            done(connection.error());
            return;
        }
        Result<std::optional<StoredUser>> user = loadUser(**connection, name);
        if (!user) {
            done(user.error());
            return;
        }
        if (*user) {
            if ((*user)->record.isLocked(m_clock.now())) {
                done(LoginResult{LoginResult::Outcome::Locked, (*user)->record, false});
                return;
            }
            if (!(*user)->record.disabled)
                storedHash = (*user)->passwordHash;
        }
    }

    QtConcurrent::run([password, storedHash] {
        if (storedHash.isEmpty()) {
            (void)PasswordHasher::verify(password, decoyHash());
            return false;
        }
        return PasswordHasher::verify(password, storedHash);
    }).then(context, [this, name, storedHash, policy, context, done = std::move(done)](bool verified) {
        auto result = std::make_shared<LoginResult>();
        const Clock *clock = &m_clock;
        store::WriteWork work = [=](Connection &connection) -> WorkResult {
            Result<std::optional<StoredUser>> loaded = loadUser(connection, name);
            if (!loaded)
                return loaded.error();
            if (!*loaded || (*loaded)->record.disabled) {
                result->outcome = LoginResult::Outcome::InvalidCredentials;
                return std::optional<JournalChange>();
            }
            StoredUser &user = **loaded;
            const QDateTime now = clock->now();
            if (user.record.isLocked(now)) {
                result->outcome = LoginResult::Outcome::Locked;
                result->user = user.record;
                return std::optional<JournalChange>();
            }
            // The hash may have changed while we were verifying; the old password no longer counts.
            if (verified && user.passwordHash == storedHash) {
                if (auto r = connection.execute(QStringLiteral("UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = ?"),
                                                {user.id});
                    !r)
                    return r.error();
                user.record.failedLogins = 0;
                user.record.lockedUntil = {};
                result->outcome = LoginResult::Outcome::Success;
                result->user = user.record;
                return std::optional<JournalChange>();
            }
            Result<bool> locked = recordFailure(connection, user, policy, now);
            if (!locked)
                return locked.error();
            result->lockedByThisAttempt = *locked;
            result->outcome = LoginResult::Outcome::InvalidCredentials;
            return std::optional<JournalChange>();
        };
        m_store.writer().submit(std::move(work), context, [result, done](const Result<store::CommitReceipt> &r) {
            if (!r)
                done(r.error());
            else
                done(*result);
        });
    });
}

void UserAccounts::changePassword(const QString &name, const QString &oldPassword, const QString &newPassword,
                                  const LoginPolicy &policy, QObject *context,
                                  std::function<void(Result<PasswordChangeResult>)> done)
{
    if (auto r = PasswordPolicy::checkStrength(newPassword); !r) {
        done(r.error());
        return;
    }
    Result<Connection *> connection = reader();
    if (!connection) {
        done(connection.error());
        return;
    }
    Result<std::optional<StoredUser>> user = loadUser(**connection, name);
    if (!user) {
        done(user.error());
        return;
    }
    if (!*user) {
        done(Error(ErrorCode::NotFound, QStringLiteral("no user named \"%1\"").arg(name)));
        return;
    }
    const StoredUser current = **user;
    if (current.record.isLocked(m_clock.now())) {
        done(PasswordChangeResult{PasswordChangeResult::Outcome::Locked, current.record, false});
        return;
    }
    Result<QList<QVariantList>> history = (*connection)->queryRows(
        QStringLiteral("SELECT password_hash FROM password_history WHERE user_id = ? ORDER BY replaced_at DESC, rowid DESC"),
        {current.id}, PasswordPolicy::historyDepth);
    if (!history) {
        done(history.error());
        return;
    }
    QStringList recent{current.passwordHash};
    for (const QVariantList &row : *history)
        recent.append(row.value(0).toString());

    // Off the event loop: the scrypt checks and the new hash. An empty hash means "wrong password".
    const bool disabled = current.record.disabled;
    QtConcurrent::run([oldPassword, newPassword, recent, disabled]() -> Result<QString> {
        if (!PasswordHasher::verify(oldPassword, recent.first()) || disabled)
            return QString();
        if (auto r = PasswordPolicy::checkNotReused(newPassword, recent); !r)
            return r.error();
        return PasswordHasher::hash(newPassword);
    }).then(context, [this, current, policy, context, done = std::move(done)](const Result<QString> &newHash) {
        if (!newHash) {
            done(newHash.error());
            return;
        }
        const Clock *clock = &m_clock;
        const QString hash = *newHash;
        auto result = std::make_shared<PasswordChangeResult>();
        // Decided again inside the transaction: a concurrent login may have locked the account, or
        // another change replaced the hash the old password was checked against.
        store::WriteWork work = [=](Connection &c) -> WorkResult {
            Result<std::optional<StoredUser>> loaded = loadUser(c, current.record.name);
            if (!loaded)
                return loaded.error();
            if (!*loaded || (*loaded)->id != current.id)
                return Error(ErrorCode::NotFound, QStringLiteral("no user named \"%1\"").arg(current.record.name));
            StoredUser stored = **loaded;
            const QDateTime now = clock->now();
            result->user = stored.record;
            if (stored.record.isLocked(now)) {
                result->outcome = PasswordChangeResult::Outcome::Locked;
                return std::optional<JournalChange>();
            }
            if (hash.isEmpty()) {
                Result<bool> locked = recordFailure(c, stored, policy, now);
                if (!locked)
                    return locked.error();
                result->outcome = PasswordChangeResult::Outcome::WrongPassword;
                result->lockedByThisAttempt = *locked;
                result->user = stored.record;
                return std::optional<JournalChange>();
            }
            if (stored.passwordHash != current.passwordHash)
                return Error(ErrorCode::Conflict, QStringLiteral("the password was changed meanwhile; try again"));
            const qint64 nowMs = now.toMSecsSinceEpoch();
            if (auto r = c.execute(QStringLiteral("INSERT INTO password_history (user_id, password_hash, replaced_at) VALUES (?, ?, ?)"),
                                   {current.id, current.passwordHash, nowMs});
                !r)
                return r.error();
            // Only the most recent hashes matter to the policy; older ones are not kept.
            if (auto r = c.execute(QStringLiteral("DELETE FROM password_history WHERE user_id = ? AND rowid NOT IN "
                                                  "(SELECT rowid FROM password_history WHERE user_id = ? "
                                                  "ORDER BY replaced_at DESC, rowid DESC LIMIT ?)"),
                                   {current.id, current.id, PasswordPolicy::historyDepth});
                !r)
                return r.error();
            if (auto r = c.execute(QStringLiteral("UPDATE users SET password_hash = ?, password_changed_at = ?, failed_logins = 0, "
                                                  "locked_until = NULL WHERE id = ?"),
                                   {hash, nowMs, current.id});
                !r)
                return r.error();
            result->outcome = PasswordChangeResult::Outcome::Changed;
            result->user.passwordChangedAt = now;
            result->user.failedLogins = 0;
            result->user.lockedUntil = {};
            return std::optional<JournalChange>(JournalChange{
                current.record.name, QStringLiteral("user.password"), current.record.name,
                QJsonObject{{QStringLiteral("passwordChangedAt"), now.toString(Qt::ISODateWithMs)}}});
        };
        m_store.writer().submit(std::move(work), context, [result, done](const Result<store::CommitReceipt> &r) {
            if (!r)
                done(r.error());
            else
                done(*result);
        });
    });
}

void UserAccounts::unlock(const QString &name, const QString &actor, QObject *context, std::function<void(Result<void>)> done)
{
    store::WriteWork work = [name, actor](Connection &c) -> WorkResult {
        Result<QVariant> stored = c.queryValue(QStringLiteral("SELECT name FROM users WHERE name = ?"), {name});
        if (!stored)
            return stored.error();
        if (!stored->isValid())
            return Error(ErrorCode::NotFound, QStringLiteral("no user named \"%1\"").arg(name));
        if (auto r = c.execute(QStringLiteral("UPDATE users SET failed_logins = 0, locked_until = NULL WHERE name = ?"), {name}); !r)
            return r.error();
        return std::optional<JournalChange>(JournalChange{actor, QStringLiteral("user.unlock"), stored->toString(), QJsonObject{}});
    };
    m_store.writer().submit(std::move(work), context, [done](const Result<store::CommitReceipt> &r) { done(toVoid(r)); });
}

} // namespace reg::admin
