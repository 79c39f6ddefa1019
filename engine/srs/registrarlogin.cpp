#include "registrarlogin.h"

#include "core/logging.h"
#include "core/passwordhasher.h"
#include "core/passwordpolicy.h"
#include "store/connection.h"
#include "store/store.h"

#include <QFuture>
#include <QJsonObject>
#include <QSet>
#include <QtConcurrent/QtConcurrentRun>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <mutex>

namespace reg::srs {
namespace {

using store::Connection;
using store::JournalChange;
using WorkResult = Result<std::optional<JournalChange>>;
using Outcome = RegistrarLoginResult::Outcome;

// EPP (RFC 5730) clIDType and pwType: tokens of 3-16 and 6-16 characters. A password longer than
// 16 could never be sent in a <login>, so the policy's own maximum does not apply here.
constexpr int minUserIdLength = 3;
constexpr int maxUserIdLength = 16;
constexpr int maxEppPasswordLength = 16;
constexpr qsizetype maxCertificatePemBytes = 64 * 1024;

// Everything a login decision needs about one user, in one statement: the row, and whether the
// presented certificate and peer address belong to the user's registrar.
constexpr char16_t selectUserSql[] =
    u"SELECT u.registrar_id, u.password_hash, u.failed_logins, u.locked_until, u.password_changed_at, u.disabled, "
    u"       EXISTS (SELECT 1 FROM registrar_certificates c "
    u"               WHERE c.registrar_id = u.registrar_id AND c.sha256 = ?2 AND c.not_after > ?4), "
    u"       EXISTS (SELECT 1 FROM registrar_addresses a WHERE a.registrar_id = u.registrar_id AND a.address = ?3) "
    u"FROM registrar_users u WHERE u.id = ?1";

struct StoredUser
{
    QString registrarId;
    QString passwordHash;
    int failedLogins = 0;
    QDateTime lockedUntil;          // invalid when never locked (an expired lock stays until the next attempt)
    QDateTime passwordChangedAt;
    bool disabled = false;
    bool certificateBound = false;
    bool addressAllowed = false;

    bool isLocked(const QDateTime &now) const { return lockedUntil.isValid() && lockedUntil > now; }
};

QDateTime fromMs(const store::Statement &st, int column)
{
    return st.isNull(column) ? QDateTime() : QDateTime::fromMSecsSinceEpoch(st.int64(column), Qt::UTC);
}

bool isValidUserId(const QString &userId)
{
    if (userId.size() < minUserIdLength || userId.size() > maxUserIdLength)
        return false;
    for (QChar c : userId) {
        const char16_t u = c.unicode();
        const bool ok = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9')
            || u == u'.' || u == u'_' || u == u'-';
        if (!ok)
            return false;
    }
    return true;
}

// The text form addresses are stored and compared in: an IPv4-mapped IPv6 address is the IPv4
// address it carries (a dual-stack listener reports IPv4 peers that way), and a scope id is not
// part of an address's identity.
QString canonicalAddress(QHostAddress address)
{
    bool mapped = false;
    const quint32 v4 = address.toIPv4Address(&mapped);
    if (mapped)
        return QHostAddress(v4).toString();
    address.setScopeId(QString());
    return address.toString();
}

Result<std::optional<StoredUser>> loadUser(Connection &connection, const QString &userId, const QByteArray &certificateSha256,
                                           const QHostAddress &peer, const QDateTime &now)
{
    Result<store::Statement *> st = connection.prepare(QString::fromUtf16(selectUserSql));
    if (!st)
        return st.error();
    if (auto b = (*st)->bindAll({userId, QString::fromLatin1(certificateSha256.toHex()), canonicalAddress(peer),
                                 now.toMSecsSinceEpoch()});
        !b)
        return b.error();
    Result<bool> row = (*st)->step();
    if (!row)
        return row.error();
    std::optional<StoredUser> user;
    if (*row) {
        const store::Statement &s = **st;
        user = StoredUser{s.text(0), s.text(1), int(s.int64(2)), fromMs(s, 3), fromMs(s, 4), s.int64(5) != 0,
                          s.int64(6) != 0, s.int64(7) != 0};
    }
    (*st)->reset();
    return user;
}

// The newest hashes the new password must differ from, newest first (PasswordPolicy::checkNotReused
// looks at the first historyDepth): the current one, then the history.
Result<QStringList> recentHashes(Connection &connection, const QString &userId, const QString &currentHash)
{
    Result<store::Statement *> st = connection.prepare(QStringLiteral(
        "SELECT password_hash FROM registrar_user_password_history WHERE user_id = ?1 "
        "ORDER BY replaced_at DESC, rowid DESC LIMIT ?2"));
    if (!st)
        return st.error();
    if (auto b = (*st)->bindAll({userId, PasswordPolicy::historyDepth}); !b)
        return b.error();
    QStringList hashes{currentHash};
    for (;;) {
        Result<bool> row = (*st)->step();
        if (!row) {
            (*st)->reset();
            return row.error();
        }
        if (!*row)
            break;
        hashes.append((*st)->text(0));
    }
    (*st)->reset();
    return hashes;
}

// Hashing a password nobody knows gives an unknown user the same ~100 ms answer as a known one, so
// the response time does not tell which user ids exist.
const QString &decoyHash()
{
    static std::once_flag once;
    static QString hash;
    std::call_once(once, [] {
        Result<QString> h = PasswordHasher::hash(PasswordHasher::generatePassword(maxEppPasswordLength));
        hash = h ? *h : QString();
    });
    return hash;
}

QString day(const QDateTime &at)
{
    return at.toUTC().toString(Qt::ISODate);
}

RegistrarLoginResult answer(Outcome outcome, const QString &registrarId, const QString &message)
{
    RegistrarLoginResult r;
    r.outcome = outcome;
    r.registrarId = registrarId;
    r.message = message;
    return r;
}

RegistrarLoginResult invalidCredentials()
{
    return answer(Outcome::InvalidCredentials, {}, QStringLiteral("the user id or password is not correct"));
}

// The checks that do not need the password, in the order they are made. Who may ask comes first:
// the certificate and the address say which registrar is at the other end, and only that registrar
// may try (and so count failures against) its users' passwords. Then the user's own state: a locked
// account is refused without looking at the password, so guessing on cannot learn anything.
std::optional<RegistrarLoginResult> refuseBeforePassword(const StoredUser &user, const QDateTime &now)
{
    if (!user.certificateBound) {
        return answer(Outcome::CertificateNotBound, user.registrarId,
                       QStringLiteral("the client certificate is not registered for this user's registrar"));
    }
    if (!user.addressAllowed) {
        return answer(Outcome::AddressNotAllowed, user.registrarId,
                       QStringLiteral("this address is not listed for this user's registrar"));
    }
    if (user.isLocked(now)) {
        RegistrarLoginResult r = answer(Outcome::Locked, user.registrarId,
                                         QStringLiteral("too many failed logins; the user is locked until %1")
                                             .arg(user.lockedUntil.toString(Qt::ISODate)));
        r.lockedUntil = user.lockedUntil;
        return r;
    }
    if (user.disabled)
        return answer(Outcome::Disabled, user.registrarId, QStringLiteral("this user is disabled"));
    return std::nullopt;
}

// What the worker thread found out with scrypt.
struct Verification
{
    bool passwordMatches = false;
    QString newPasswordHash;            // set when a newPW was given and passed the policy
    QString newPasswordRefusal;         // set when a newPW was given and broke the policy
};

Verification verify(const QString &password, const QString &storedHash, const std::optional<QString> &newPassword,
                    const QStringList &recent)
{
    Verification v;
    if (storedHash.isEmpty()) {
        (void)PasswordHasher::verify(password, decoyHash());
        return v;
    }
    v.passwordMatches = PasswordHasher::verify(password, storedHash);
    if (!v.passwordMatches || !newPassword)
        return v;
    if (newPassword->size() > maxEppPasswordLength) {
        v.newPasswordRefusal = QStringLiteral("the new password must be at most %1 characters long").arg(maxEppPasswordLength);
        return v;
    }
    if (auto r = PasswordPolicy::checkStrength(*newPassword); !r) {
        v.newPasswordRefusal = r.error().message;
        return v;
    }
    if (auto r = PasswordPolicy::checkNotReused(*newPassword, recent); !r) {
        v.newPasswordRefusal = r.error().message;
        return v;
    }
    Result<QString> hash = PasswordHasher::hash(*newPassword);
    if (!hash) {
        qCWarning(lcStore, "registrar login: hashing a new password failed: %s", qPrintable(hash.error().message));
        v.newPasswordRefusal = QStringLiteral("the new password could not be set; try again");
        return v;
    }
    v.newPasswordHash = *hash;
    return v;
}

// Counts one wrong password and locks the user when the count reaches the limit. Returns whether
// this failure locked it.
Result<bool> recordFailure(Connection &c, const QString &userId, const StoredUser &user, const RegistrarLoginPolicy &policy,
                           const QDateTime &now, QDateTime *lockedUntil)
{
    // A lock that has run out starts a fresh count.
    const int failures = user.lockedUntil.isValid() ? 1 : user.failedLogins + 1;
    const bool locks = failures >= policy.maxFailedLogins;
    *lockedUntil = locks ? now.addSecs(policy.lockoutSecs) : QDateTime();
    Result<store::Statement *> st =
        c.prepare(QStringLiteral("UPDATE registrar_users SET failed_logins = ?2, locked_until = ?3 WHERE id = ?1"));
    if (!st)
        return st.error();
    if (auto b = (*st)->bindAll({userId, failures, locks ? QVariant(lockedUntil->toMSecsSinceEpoch()) : QVariant()}); !b)
        return b.error();
    if (auto r = (*st)->run(); !r)
        return r.error();
    return locks;
}

Result<void> clearFailures(Connection &c, const QString &userId)
{
    Result<store::Statement *> st =
        c.prepare(QStringLiteral("UPDATE registrar_users SET failed_logins = 0, locked_until = NULL WHERE id = ?1"));
    if (!st)
        return st.error();
    if (auto b = (*st)->bind(1, userId); !b)
        return b.error();
    return (*st)->run();
}

Result<void> replacePassword(Connection &c, const QString &userId, const QString &oldHash, const QString &newHash,
                             const QDateTime &now)
{
    const qint64 nowMs = now.toMSecsSinceEpoch();
    if (auto r = c.execute(QStringLiteral("INSERT INTO registrar_user_password_history (user_id, password_hash, replaced_at) "
                                          "VALUES (?1, ?2, ?3)"),
                           {userId, oldHash, nowMs});
        !r)
        return r;
    // Only the hashes the policy looks at are kept.
    if (auto r = c.execute(QStringLiteral("DELETE FROM registrar_user_password_history WHERE user_id = ?1 AND rowid NOT IN "
                                          "(SELECT rowid FROM registrar_user_password_history WHERE user_id = ?1 "
                                          "ORDER BY replaced_at DESC, rowid DESC LIMIT ?2)"),
                           {userId, PasswordPolicy::historyDepth});
        !r)
        return r;
    return c.execute(QStringLiteral("UPDATE registrar_users SET password_hash = ?2, password_changed_at = ?3, failed_logins = 0, "
                                    "locked_until = NULL WHERE id = ?1"),
                     {userId, newHash, nowMs});
}

// The decision, made inside the write transaction on the state as it is now: the checks before the
// password again (a concurrent attempt may have locked the user meanwhile), then the password as
// the worker verified it, then expiry and newPW.
WorkResult decide(Connection &c, const RegistrarLoginRequest &request, const QString &verifiedHash,
                  const Verification &verification, const RegistrarLoginPolicy &policy, const QDateTime &now,
                  RegistrarLoginResult &result)
{
    const auto nothingToJournal = [] { return std::optional<JournalChange>(); };
    Result<std::optional<StoredUser>> loaded = loadUser(c, request.userId, request.certificateSha256, request.peer, now);
    if (!loaded)
        return loaded.error();
    if (!*loaded) {
        result = invalidCredentials();
        return nothingToJournal();
    }
    const StoredUser &user = **loaded;
    if (std::optional<RegistrarLoginResult> refused = refuseBeforePassword(user, now)) {
        result = *refused;
        return nothingToJournal();
    }
    // The hash may have changed while the worker verified against the old one: that password no longer counts.
    if (!verification.passwordMatches || user.passwordHash != verifiedHash) {
        QDateTime lockedUntil;
        Result<bool> locked = recordFailure(c, request.userId, user, policy, now, &lockedUntil);
        if (!locked)
            return locked.error();
        result = invalidCredentials();
        if (*locked) {
            result.lockedByThisAttempt = true;
            result.lockedUntil = lockedUntil;
            result.message += QStringLiteral("; too many failed logins, the user is locked until %1").arg(lockedUntil.toString(Qt::ISODate));
        }
        return nothingToJournal();
    }

    // The password is right: whatever else is refused below, earlier failures no longer count.
    if (user.failedLogins != 0 || user.lockedUntil.isValid()) {
        if (auto r = clearFailures(c, request.userId); !r)
            return r.error();
    }
    const QDateTime expiresAt = user.passwordChangedAt.addSecs(policy.passwordLifetimeSecs);
    if (!verification.newPasswordRefusal.isEmpty()) {
        result = answer(Outcome::NewPasswordRefused, user.registrarId, verification.newPasswordRefusal);
        result.passwordExpiresAt = expiresAt;
        return nothingToJournal();
    }
    if (verification.newPasswordHash.isEmpty()) {
        if (expiresAt <= now) {
            result = answer(Outcome::PasswordExpired, user.registrarId,
                             QStringLiteral("password expired on %1; log in with <newPW> to set a new one").arg(day(expiresAt)));
            result.passwordExpiresAt = expiresAt;
            return nothingToJournal();
        }
        result = answer(Outcome::Granted, user.registrarId, QString());
        result.passwordExpiresAt = expiresAt;
        return nothingToJournal();
    }

    if (auto r = replacePassword(c, request.userId, user.passwordHash, verification.newPasswordHash, now); !r)
        return r.error();
    result = answer(Outcome::Granted, user.registrarId, QStringLiteral("password changed"));
    result.passwordExpiresAt = now.addSecs(policy.passwordLifetimeSecs);
    return std::optional<JournalChange>(JournalChange{
        QStringLiteral("registrar:") + user.registrarId, QStringLiteral("registrar-user.password"), request.userId,
        QJsonObject{{QStringLiteral("registrarId"), user.registrarId},
                    {QStringLiteral("passwordChangedAt"), now.toString(Qt::ISODateWithMs)}}});
}

struct ParsedCertificate
{
    QString sha256Hex;
    QString subject;
    QDateTime notAfter;
};

Result<ParsedCertificate> parseCertificate(const QByteArray &pem)
{
    if (pem.isEmpty() || pem.size() > maxCertificatePemBytes)
        return Error(ErrorCode::InvalidInput, QStringLiteral("a certificate must be one PEM block of at most 64 KiB"));
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(pem.constData(), int(pem.size())), &BIO_free);
    if (!bio)
        return Error(ErrorCode::Internal, QStringLiteral("out of memory reading a certificate"));
    std::unique_ptr<X509, decltype(&X509_free)> cert(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr), &X509_free);
    if (!cert)
        return Error(ErrorCode::InvalidInput, QStringLiteral("not a PEM X.509 certificate"));

    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int digestLength = 0;
    if (X509_digest(cert.get(), EVP_sha256(), digest, &digestLength) != 1 || digestLength != 32)
        return Error(ErrorCode::Internal, QStringLiteral("could not compute the certificate's SHA-256"));

    ParsedCertificate parsed;
    parsed.sha256Hex = QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(digest), int(digestLength)).toHex());

    std::unique_ptr<BIO, decltype(&BIO_free)> out(BIO_new(BIO_s_mem()), &BIO_free);
    if (out && X509_NAME_print_ex(out.get(), X509_get_subject_name(cert.get()), 0, XN_FLAG_RFC2253) >= 0) {
        char *data = nullptr;
        const long length = BIO_get_mem_data(out.get(), &data);
        parsed.subject = QString::fromUtf8(data, qsizetype(length)).left(1024);
    }
    struct tm notAfter = {};
    if (ASN1_TIME_to_tm(X509_get0_notAfter(cert.get()), &notAfter) != 1)
        return Error(ErrorCode::InvalidInput, QStringLiteral("the certificate's notAfter time cannot be read"));
    parsed.notAfter = QDateTime(QDate(notAfter.tm_year + 1900, notAfter.tm_mon + 1, notAfter.tm_mday),
                                QTime(notAfter.tm_hour, notAfter.tm_min, notAfter.tm_sec), Qt::UTC);
    return parsed;
}

Result<void> requireRegistrar(Connection &c, const QString &registrarId)
{
    Result<QVariant> found = c.queryValue(QStringLiteral("SELECT 1 FROM registrars WHERE id = ?1"), {registrarId});
    if (!found)
        return found.error();
    if (!found->isValid())
        return Error(ErrorCode::NotFound, QStringLiteral("no registrar %1").arg(registrarId));
    return success();
}

Result<void> toVoid(const Result<store::CommitReceipt> &result)
{
    if (!result)
        return result.error();
    return success();
}

} // namespace

struct RegistrarLogin::Private
{
    store::Store &store;
    const Clock &clock;
    std::unique_ptr<Connection> reader;
    std::optional<QSet<QString>> knownAddresses;

    Result<Connection *> readConnection()
    {
        if (!reader) {
            Result<std::unique_ptr<Connection>> opened = store.openReader();
            if (!opened)
                return opened.error();
            reader = std::move(*opened);
        }
        return reader.get();
    }
};

RegistrarLogin::RegistrarLogin(store::Store &store, const Clock &clock) : d(new Private{store, clock, nullptr, std::nullopt}) {}

RegistrarLogin::~RegistrarLogin() = default;

void RegistrarLogin::authenticate(const RegistrarLoginRequest &request, const RegistrarLoginPolicy &policy, QObject *context,
                                  std::function<void(RegistrarLoginResult)> done)
{
    Q_ASSERT(context);   // the answer is delivered on its thread
    // Answers always arrive on the event loop, never inside this call, however early the decision.
    const auto answerLater = [context, done](RegistrarLoginResult result) {
        QMetaObject::invokeMethod(context, [done, result] { done(result); }, Qt::QueuedConnection);
    };
    const auto failed = [answerLater](const Error &error) {
        qCWarning(lcStore, "registrar login: %s", qPrintable(error.message));
        answerLater(answer(Outcome::InvalidCredentials, {}, QStringLiteral("the login could not be checked; try again")));
    };

    // Before scrypt, on this thread: the refusals that do not depend on the password, and the hashes
    // the worker needs. An unknown user gets an empty hash and with it the decoy.
    QString storedHash;
    QStringList recent;
    if (isValidUserId(request.userId)) {
        Result<Connection *> reader = d->readConnection();
        if (!reader)
            return failed(reader.error());
        Result<std::optional<StoredUser>> user =
            loadUser(**reader, request.userId, request.certificateSha256, request.peer, d->clock.now());
        if (!user)
            return failed(user.error());
        if (*user) {
            if (std::optional<RegistrarLoginResult> refused = refuseBeforePassword(**user, d->clock.now()))
                return answerLater(*refused);
            storedHash = (*user)->passwordHash;
            if (request.newPassword) {
                Result<QStringList> hashes = recentHashes(**reader, request.userId, storedHash);
                if (!hashes)
                    return failed(hashes.error());
                recent = *hashes;
            }
        }
    }

    store::Store *store = &d->store;
    const Clock *clock = &d->clock;
    QtConcurrent::run([request, storedHash, recent] {
        return verify(request.password, storedHash, request.newPassword, recent);
    }).then(context, [store, clock, request, storedHash, policy, context, done = std::move(done)](const Verification &verification) {
        auto result = std::make_shared<RegistrarLoginResult>(invalidCredentials());
        // An unknown user goes through the writer too, so its answer takes as long as a known user's.
        store::WriteWork work = [=](Connection &c) -> WorkResult {
            if (storedHash.isEmpty())
                return std::optional<JournalChange>();
            return decide(c, request, storedHash, verification, policy, clock->now(), *result);
        };
        store->writer().submit(std::move(work), context, [result, done](const Result<store::CommitReceipt> &r) {
            if (!r) {
                qCWarning(lcStore, "registrar login: %s", qPrintable(r.error().message));
                done(answer(Outcome::InvalidCredentials, {}, QStringLiteral("the login could not be checked; try again")));
                return;
            }
            done(*result);
        });
    });
}

Result<bool> RegistrarLogin::isKnownAddress(const QHostAddress &peer)
{
    if (!d->knownAddresses) {
        Result<Connection *> reader = d->readConnection();
        if (!reader)
            return reader.error();
        Result<QList<QVariantList>> rows = (*reader)->queryRows(QStringLiteral("SELECT DISTINCT address FROM registrar_addresses"));
        if (!rows)
            return rows.error();
        QSet<QString> addresses;
        for (const QVariantList &row : *rows)
            addresses.insert(row.value(0).toString());
        d->knownAddresses = std::move(addresses);
    }
    return d->knownAddresses->contains(canonicalAddress(peer));
}

void RegistrarLogin::invalidateAddressCache()
{
    d->knownAddresses.reset();
}

Result<void> RegistrarLogin::createUser(const QString &registrarId, const QString &userId, const QString &password,
                                        const QString &actor)
{
    if (!isValidUserId(userId)) {
        return Error(ErrorCode::InvalidInput, QStringLiteral("a registrar user id must be %1 to %2 characters of A-Z, a-z, 0-9, '.', '_' and '-'")
                                                  .arg(minUserIdLength).arg(maxUserIdLength));
    }
    if (password.size() > maxEppPasswordLength)
        return Error(ErrorCode::InvalidInput, QStringLiteral("a registrar password must be at most %1 characters long (EPP)").arg(maxEppPasswordLength));
    if (auto r = PasswordPolicy::checkStrength(password); !r)
        return r;
    Result<QString> hash = PasswordHasher::hash(password);
    if (!hash)
        return hash.error();
    const Clock *clock = &d->clock;
    const QString passwordHash = *hash;
    return toVoid(d->store.writer().submitAndWait([=](Connection &c) -> WorkResult {
        if (auto r = requireRegistrar(c, registrarId); !r)
            return r.error();
        Result<QVariant> exists = c.queryValue(QStringLiteral("SELECT 1 FROM registrar_users WHERE id = ?1"), {userId});
        if (!exists)
            return exists.error();
        if (exists->isValid())
            return Error(ErrorCode::Conflict, QStringLiteral("a registrar user %1 already exists").arg(userId));
        const qint64 now = clock->now().toMSecsSinceEpoch();
        if (auto r = c.execute(QStringLiteral("INSERT INTO registrar_users (id, registrar_id, password_hash, password_changed_at, created_at) "
                                              "VALUES (?1, ?2, ?3, ?4, ?4)"),
                               {userId, registrarId, passwordHash, now});
            !r)
            return r.error();
        return std::optional<JournalChange>(JournalChange{actor, QStringLiteral("registrar-user.create"), userId,
                                                          QJsonObject{{QStringLiteral("registrarId"), registrarId}}});
    }));
}

Result<void> RegistrarLogin::bindCertificate(const QString &registrarId, const QByteArray &certificatePem, const QString &actor)
{
    Result<ParsedCertificate> parsed = parseCertificate(certificatePem);
    if (!parsed)
        return parsed.error();
    const ParsedCertificate cert = *parsed;
    return toVoid(d->store.writer().submitAndWait([=](Connection &c) -> WorkResult {
        if (auto r = requireRegistrar(c, registrarId); !r)
            return r.error();
        Result<QVariant> owner = c.queryValue(QStringLiteral("SELECT registrar_id FROM registrar_certificates WHERE sha256 = ?1"),
                                              {cert.sha256Hex});
        if (!owner)
            return owner.error();
        if (owner->isValid()) {
            return Error(ErrorCode::Conflict, owner->toString() == registrarId
                             ? QStringLiteral("this certificate is already bound to %1").arg(registrarId)
                             : QStringLiteral("this certificate is bound to another registrar"));
        }
        if (auto r = c.execute(QStringLiteral("INSERT INTO registrar_certificates (registrar_id, sha256, subject, not_after) "
                                              "VALUES (?1, ?2, ?3, ?4)"),
                               {registrarId, cert.sha256Hex, cert.subject, cert.notAfter.toMSecsSinceEpoch()});
            !r)
            return r.error();
        return std::optional<JournalChange>(JournalChange{
            actor, QStringLiteral("registrar.certificate"), registrarId,
            QJsonObject{{QStringLiteral("sha256"), cert.sha256Hex},
                        {QStringLiteral("subject"), cert.subject},
                        {QStringLiteral("notAfter"), cert.notAfter.toString(Qt::ISODate)}}});
    }));
}

Result<void> RegistrarLogin::addAddress(const QString &registrarId, const QHostAddress &address, const QString &actor)
{
    // One address, never a range (seed 000); nothing that cannot be a peer.
    if (address.isNull() || address == QHostAddress::AnyIPv4 || address == QHostAddress::AnyIPv6
        || address.isMulticast() || address.isBroadcast())
        return Error(ErrorCode::InvalidInput, QStringLiteral("%1 cannot be a registrar's address").arg(address.toString()));
    const QString canonical = canonicalAddress(address);
    Result<void> added = toVoid(d->store.writer().submitAndWait([=](Connection &c) -> WorkResult {
        if (auto r = requireRegistrar(c, registrarId); !r)
            return r.error();
        Result<QVariant> exists = c.queryValue(QStringLiteral("SELECT 1 FROM registrar_addresses WHERE registrar_id = ?1 AND address = ?2"),
                                               {registrarId, canonical});
        if (!exists)
            return exists.error();
        if (exists->isValid())
            return Error(ErrorCode::Conflict, QStringLiteral("%1 is already listed for %2").arg(canonical, registrarId));
        if (auto r = c.execute(QStringLiteral("INSERT INTO registrar_addresses (registrar_id, address) VALUES (?1, ?2)"),
                               {registrarId, canonical});
            !r)
            return r.error();
        return std::optional<JournalChange>(JournalChange{actor, QStringLiteral("registrar.address"), registrarId,
                                                          QJsonObject{{QStringLiteral("add"), canonical}}});
    }));
    if (added)
        invalidateAddressCache();
    return added;
}

Result<void> RegistrarLogin::removeAddress(const QString &registrarId, const QHostAddress &address, const QString &actor)
{
    const QString canonical = canonicalAddress(address);
    Result<void> removed = toVoid(d->store.writer().submitAndWait([=](Connection &c) -> WorkResult {
        if (auto r = requireRegistrar(c, registrarId); !r)
            return r.error();
        Result<QVariant> exists = c.queryValue(QStringLiteral("SELECT 1 FROM registrar_addresses WHERE registrar_id = ?1 AND address = ?2"),
                                               {registrarId, canonical});
        if (!exists)
            return exists.error();
        if (!exists->isValid())
            return Error(ErrorCode::NotFound, QStringLiteral("%1 is not listed for %2").arg(canonical, registrarId));
        if (auto r = c.execute(QStringLiteral("DELETE FROM registrar_addresses WHERE registrar_id = ?1 AND address = ?2"),
                               {registrarId, canonical});
            !r)
            return r.error();
        return std::optional<JournalChange>(JournalChange{actor, QStringLiteral("registrar.address"), registrarId,
                                                          QJsonObject{{QStringLiteral("remove"), canonical}}});
    }));
    if (removed)
        invalidateAddressCache();
    return removed;
}

Result<void> RegistrarLogin::unlockUser(const QString &userId, const QString &actor)
{
    return toVoid(d->store.writer().submitAndWait([=](Connection &c) -> WorkResult {
        Result<QVariant> registrar = c.queryValue(QStringLiteral("SELECT registrar_id FROM registrar_users WHERE id = ?1"), {userId});
        if (!registrar)
            return registrar.error();
        if (!registrar->isValid())
            return Error(ErrorCode::NotFound, QStringLiteral("no registrar user %1").arg(userId));
        if (auto r = clearFailures(c, userId); !r)
            return r.error();
        return std::optional<JournalChange>(JournalChange{actor, QStringLiteral("registrar-user.unlock"), userId,
                                                          QJsonObject{{QStringLiteral("registrarId"), registrar->toString()}}});
    }));
}

} // namespace reg::srs
