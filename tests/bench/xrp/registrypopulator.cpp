#include "registrypopulator.h"

#include "../bulkload.h"

#include "srs/roidallocator.h"
#include "store/connection.h"
#include "store/store.h"

#include <QDir>
#include <QFile>
#include <QJsonObject>

#include <cstdio>

namespace reg::bench {
namespace {

using store::Connection;
using store::JournalChange;
using WorkResult = Result<std::optional<JournalChange>>;

constexpr qint64 topUpCents = qint64(1) << 50;   // effectively unlimited, still far from overflow

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

    // Who logs in as each registrar: `init --demo` provisions a user per registrar (certificate bound,
    // loopback allowed) and writes its credentials file. A registrar without one takes no part.
    QList<BenchRegistrar> withAccess;
    for (BenchRegistrar &rar : registry.registrars) {
        const QString credentialsFile = QDir(dataDir).filePath(QStringLiteral("registrars/%1/credentials").arg(rar.id));
        if (!QFile::exists(credentialsFile))
            continue;
        Result<xrpclient::RegistrarCredentials> login = xrpclient::RegistrarCredentials::readFile(credentialsFile);
        if (!login)
            return login.error();
        rar.login = *login;
        withAccess.append(rar);
    }
    if (withAccess.isEmpty())
        return Error(ErrorCode::NotFound, QStringLiteral("no registrar has a credentials file under %1/registrars "
                                                         "(registryd init --demo writes them)").arg(dataDir));
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
            return std::optional<JournalChange>(bulkLoadChange(snapshot.domainName(start), snapshot.domainName(end - 1), end - start));
        });
        if (!batch)
            return batch.error();
        reportBulkProgress(end, domainCount, BatchSize, "domains");
    }
    registry.domains = domainCount;
    db.close();
    return registry;
}

} // namespace reg::bench
