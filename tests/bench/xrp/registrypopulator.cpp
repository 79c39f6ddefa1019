#include "registrypopulator.h"

#include "core/passwordhasher.h"
#include "srs/roidallocator.h"
#include "store/connection.h"
#include "store/store.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QSslCertificate>

#include <cstdio>

namespace reg::bench {
namespace {

using store::Connection;
using store::JournalChange;
using WorkResult = Result<std::optional<JournalChange>>;

constexpr qint64 topUpCents = qint64(1) << 50;   // effectively unlimited, still far from overflow

// Binds the registrar's certificate and allows 127.0.0.1; creates the bench user when asked.
Result<void> grantAccess(store::Writer &writer, const QString &registrarId, const QSslCertificate &certificate,
                         const xrpclient::RegistrarCredentials *newUser, qint64 nowMs)
{
    QString passwordHash;
    if (newUser) {
        Result<QString> hashed = PasswordHasher::hash(newUser->password);
        if (!hashed)
            return hashed.error();
        passwordHash = *hashed;
    }
    const QString sha256 = QString::fromLatin1(QCryptographicHash::hash(certificate.toDer(), QCryptographicHash::Sha256).toHex());
    const QString subject = certificate.subjectDisplayName();
    const qint64 notAfter = certificate.expiryDate().toMSecsSinceEpoch();
    Result<store::CommitReceipt> done = writer.submitAndWait([=](Connection &c) -> WorkResult {
        if (auto r = c.execute(QStringLiteral("INSERT OR IGNORE INTO registrar_certificates (registrar_id, sha256, subject, not_after) "
                                              "VALUES (?1, ?2, ?3, ?4)"), {registrarId, sha256, subject, notAfter}); !r)
            return r.error();
        if (auto r = c.execute(QStringLiteral("INSERT OR IGNORE INTO registrar_addresses (registrar_id, address) VALUES (?1, '127.0.0.1')"),
                               {registrarId}); !r)
            return r.error();
        if (newUser) {
            if (auto r = c.execute(QStringLiteral("INSERT INTO registrar_users (id, registrar_id, password_hash, password_changed_at, created_at) "
                                                  "VALUES (?1, ?2, ?3, ?4, ?4)"), {newUser->user, registrarId, passwordHash, nowMs}); !r)
                return r.error();
        }
        return std::optional<JournalChange>(JournalChange{QStringLiteral("bench"), QStringLiteral("registrar.access"), registrarId,
                                                          QJsonObject{{QStringLiteral("certificate"), sha256},
                                                                      {QStringLiteral("address"), QStringLiteral("127.0.0.1")}}});
    });
    if (!done)
        return done.error();
    return success();
}

} // namespace

Result<PopulatedRegistry> RegistryPopulator::populate(const QString &dataDir, const QString &databaseFile, qint64 domainCount,
                                                     const QDateTime &now)
{
    Result<std::unique_ptr<store::Store>> opened = store::Store::open({databaseFile, 256, false});
    if (!opened)
        return opened.error();
    store::Store &db = **opened;
    Result<std::unique_ptr<Connection>> reader = db.openReader();
    if (!reader)
        return reader.error();

    PopulatedRegistry registry;
    Result<QVariant> tld = (*reader)->queryValue(QStringLiteral("SELECT name FROM tlds ORDER BY name LIMIT 1"));
    if (!tld)
        return tld.error();
    if (!tld->isValid())
        return Error(ErrorCode::NotFound, QStringLiteral("the registry has no TLD"));
    registry.tld = tld->toString();
    Result<QList<QVariantList>> rows = (*reader)->queryRows(QStringLiteral(
        "SELECT r.id, (SELECT c.id FROM contacts c WHERE c.registrar_id = r.id ORDER BY c.roid LIMIT 1), "
        "(SELECT c.roid FROM contacts c WHERE c.registrar_id = r.id ORDER BY c.roid LIMIT 1) FROM registrars r ORDER BY r.id"));
    if (!rows)
        return rows.error();
    for (const QVariantList &row : std::as_const(*rows)) {
        if (row.at(1).isValid())
            registry.registrars.append({row.at(0).toString(), row.at(1).toString(), row.at(2).toString(), {}});
    }
    if (registry.registrars.isEmpty())
        return Error(ErrorCode::NotFound, QStringLiteral("no registrar with a contact: initialise with --demo"));

    // XRP access, before anything else: a registrar without a certificate cannot take part.
    QList<BenchRegistrar> withAccess;
    for (BenchRegistrar &rar : registry.registrars) {
        const QDir dir(QDir(dataDir).filePath(QStringLiteral("registrars/") + rar.id));
        QFile certFile(dir.filePath(QStringLiteral("cert.pem")));
        if (!certFile.open(QIODevice::ReadOnly))
            continue;
        const QList<QSslCertificate> certs = QSslCertificate::fromData(certFile.read(1024 * 1024), QSsl::Pem);
        if (certs.isEmpty())
            return Error(ErrorCode::InvalidInput, certFile.fileName() + QStringLiteral(" holds no certificate"));
        const QString credentialsFile = dir.filePath(QStringLiteral("credentials"));
        std::optional<xrpclient::RegistrarCredentials> newUser;
        if (QFile::exists(credentialsFile)) {
            Result<xrpclient::RegistrarCredentials> credentials = xrpclient::RegistrarCredentials::readFile(credentialsFile);
            if (!credentials)
                return credentials.error();
            rar.login = *credentials;
        } else {
            newUser = xrpclient::RegistrarCredentials{rar.id + QStringLiteral("-bench"), PasswordHasher::generatePassword()};
            rar.login = *newUser;
        }
        if (Result<void> r = grantAccess(db.writer(), rar.id, certs.constFirst(), newUser ? &*newUser : nullptr, now.toMSecsSinceEpoch()); !r)
            return r.error().withContext(QStringLiteral("giving %1 XRP access: ").arg(rar.id));
        withAccess.append(rar);
    }
    if (withAccess.isEmpty())
        return Error(ErrorCode::NotFound, QStringLiteral("no registrar has a certificate under %1/registrars").arg(dataDir));
    // Pre-loaded domains are spread over the registrars that can log in, so every one is reachable.
    registry.registrars = withAccess;
    // Whole seconds, so the date a renew names is exact.
    registry.expiresAt = QDateTime::fromSecsSinceEpoch(now.toSecsSinceEpoch() + 365 * 86400, Qt::UTC);

    // Money first: the phases must measure the protocol, not a credit limit.
    store::Writer &writer = db.writer();
    Result<store::CommitReceipt> topUp = writer.submitAndWait([nowMs = now.toMSecsSinceEpoch()](Connection &c) -> WorkResult {
        if (auto r = c.execute(QStringLiteral("INSERT INTO ledger (registrar_id, at, operation, amount_cents, balance_after_cents, description) "
                                              "SELECT id, ?1, 'payment', ?2, balance_cents + ?2, 'benchmark top-up' FROM registrars"),
                               {nowMs, topUpCents});
            !r)
            return r.error();
        if (auto r = c.execute(QStringLiteral("UPDATE registrars SET balance_cents = balance_cents + ?1"), {topUpCents}); !r)
            return r.error();
        return std::optional<JournalChange>(JournalChange{QStringLiteral("bench"), QStringLiteral("registrar.payment"), QStringLiteral("*"),
                                                          QJsonObject{{QStringLiteral("amountCents"), topUpCents}}});
    });
    if (!topUp)
        return topUp.error();

    // The first free ROID number: above the counter and above any ROID already stored.
    Result<QVariant> maxRoid = (*reader)->queryValue(QStringLiteral(
        "SELECT max(coalesce((SELECT last FROM roid_counters WHERE prefix = 'D'), 0), "
        "coalesce((SELECT max(CAST(substr(roid, 2, length(roid) - 5) AS INTEGER)) FROM domains WHERE roid LIKE 'D%-REG'), 0))"));
    if (!maxRoid)
        return maxRoid.error();
    const qint64 firstRoid = maxRoid->toLongLong() + 1;
    Result<QVariant> existing = (*reader)->queryValue(QStringLiteral("SELECT count(*) FROM domains WHERE name LIKE 'pre%'"));
    if (existing && existing->toLongLong() > 0)
        return Error(ErrorCode::Conflict, QStringLiteral("the registry was already populated"));

    const qint64 nowMs = now.toMSecsSinceEpoch();
    const qint64 expiresMs = registry.expiresAt.toMSecsSinceEpoch();
    const PopulatedRegistry snapshot = registry;
    for (qint64 start = 0; start < domainCount; start += BatchSize) {
        const qint64 end = std::min(domainCount, start + BatchSize);
        Result<store::CommitReceipt> batch = writer.submitAndWait([=](Connection &c) -> WorkResult {
            Result<store::Statement *> insert = c.prepare(QStringLiteral(
                "INSERT INTO domains (roid, name, tld, registrar_id, registrant_roid, statuses, created_at, updated_at, expires_at, creator_id) "
                "VALUES (?1, ?2, ?3, ?4, ?5, 'ok', ?6, ?6, ?7, ?4)"));
            if (!insert)
                return insert.error();
            const qsizetype registrarCount = snapshot.registrars.size();
            for (qint64 i = start; i < end; ++i) {
                const BenchRegistrar &rar = snapshot.registrars.at(qsizetype(i % registrarCount));
                store::Statement *st = *insert;
                const QVariantList values{srs::RoidAllocator::format(srs::RoidAllocator::Kind::Domain, firstRoid + i),
                                          snapshot.domainName(i), snapshot.tld, rar.id, rar.contactRoid, nowMs, expiresMs};
                if (auto b = st->bindAll(values); !b)
                    return b.error();
                if (auto r = st->run(); !r)
                    return r.error().withContext(QStringLiteral("inserting %1: ").arg(snapshot.domainName(i)));
                st->reset();
            }
            if (auto r = srs::RoidAllocator::reserveUpTo(c, srs::RoidAllocator::Kind::Domain, firstRoid + end - 1); !r)
                return r.error();
            return std::optional<JournalChange>(JournalChange{
                QStringLiteral("bench"), QStringLiteral("domain.bulkload"), snapshot.domainName(start),
                QJsonObject{{QStringLiteral("first"), snapshot.domainName(start)}, {QStringLiteral("last"), snapshot.domainName(end - 1)},
                            {QStringLiteral("count"), end - start}}});
        });
        if (!batch)
            return batch.error();
        if ((end / BatchSize) % 10 == 0 || end == domainCount) {
            std::fprintf(stderr, "\rpopulated %lld of %lld domains", static_cast<long long>(end), static_cast<long long>(domainCount));
            std::fflush(stderr);
        }
    }
    if (domainCount > 0)
        std::fprintf(stderr, "\n");
    registry.domains = domainCount;
    db.close();
    return registry;
}

} // namespace reg::bench
