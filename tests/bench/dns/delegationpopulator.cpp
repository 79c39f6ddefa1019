#include "delegationpopulator.h"

#include "../bulkload.h"

#include "srs/roidallocator.h"
#include "store/connection.h"
#include "store/store.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonObject>

#include <array>
#include <cstdio>

namespace reg::bench {
namespace {

using store::Connection;
using store::JournalChange;
using store::Statement;
using WorkResult = Result<std::optional<JournalChange>>;
using Kind = srs::RoidAllocator::Kind;

// The statements one batch runs, prepared once per batch (the connection caches them).
enum Insert { Domain, Host, Address, DomainHost, Ds, InsertCount };

const std::array<QString, InsertCount> insertSql{
    QStringLiteral("INSERT INTO domains (roid, name, tld, registrar_id, registrant_roid, statuses, created_at, updated_at, "
                   "expires_at, creator_id) VALUES (?1, ?2, ?3, ?4, ?5, 'ok', ?6, ?6, ?7, ?4)"),
    QStringLiteral("INSERT INTO hosts (roid, name, registrar_id, created_at, updated_at, statuses, domain_roid, creator_id) "
                   "VALUES (?1, ?2, ?3, ?4, ?4, 'ok', ?5, ?3)"),
    QStringLiteral("INSERT INTO host_addresses (host_roid, address, family) VALUES (?1, ?2, ?3)"),
    QStringLiteral("INSERT INTO domain_hosts (domain_roid, host_roid) VALUES (?1, ?2)"),
    QStringLiteral("INSERT INTO domain_ds (domain_roid, key_tag, algorithm, digest_type, digest) VALUES (?1, ?2, 13, 2, ?3)"),
};

Result<void> run(Statement *st, const QVariantList &values)
{
    if (auto b = st->bindAll(values); !b)
        return b.error();
    Result<void> r = st->run();
    st->reset();
    return r;
}

// The first free number of a ROID kind: above its counter and above any ROID already stored.
Result<qint64> firstFreeRoid(Connection &reader, const QString &prefix, const QString &table)
{
    Result<QVariant> max = reader.queryValue(
        QStringLiteral("SELECT max(coalesce((SELECT last FROM roid_counters WHERE prefix = '%1'), 0), "
                       "coalesce((SELECT max(CAST(substr(roid, 2, length(roid) - 5) AS INTEGER)) FROM %2 WHERE roid LIKE '%1%-REG'), 0))")
            .arg(prefix, table));
    if (!max)
        return max.error();
    return max->toLongLong() + 1;
}

} // namespace

QString DelegationShape::dsDigest(const QString &domain)
{
    return QString::fromLatin1(QCryptographicHash::hash(domain.toUtf8(), QCryptographicHash::Sha256).toHex().toUpper());
}

Result<DelegationRegistry> DelegationPopulator::populate(const QString &dataDir, const QString &databaseFile, qint64 delegations,
                                                         const QDateTime &now)
{
    Result<std::unique_ptr<store::Store>> opened = store::Store::open({databaseFile, 256, false});
    if (!opened)
        return opened.error();
    store::Store &db = **opened;
    Result<std::unique_ptr<Connection>> reader = db.openReader();
    if (!reader)
        return reader.error();

    DelegationRegistry registry;
    Result<QVariant> tld = (*reader)->queryValue(QStringLiteral("SELECT name FROM tlds ORDER BY name LIMIT 1"));
    if (!tld)
        return tld.error();
    if (!tld->isValid())
        return Error(ErrorCode::NotFound, QStringLiteral("the registry has no TLD"));
    registry.tld = tld->toString();
    Result<QVariant> existing = (*reader)->queryValue(QStringLiteral("SELECT count(*) FROM domains WHERE name LIKE 'dlg%'"));
    if (!existing)
        return existing.error();
    if (existing->toLongLong() > 0)
        return Error(ErrorCode::Conflict, QStringLiteral("the registry was already populated"));

    // Registrars that can log in (init --demo writes DATADIR/registrars/<id>/credentials) and own a contact.
    Result<QList<QVariantList>> rows = (*reader)->queryRows(QStringLiteral(
        "SELECT r.id, (SELECT c.id FROM contacts c WHERE c.registrar_id = r.id ORDER BY c.roid LIMIT 1), "
        "(SELECT c.roid FROM contacts c WHERE c.registrar_id = r.id ORDER BY c.roid LIMIT 1) FROM registrars r ORDER BY r.id"));
    if (!rows)
        return rows.error();
    for (const QVariantList &row : std::as_const(*rows)) {
        const QString credentials = QDir(dataDir).filePath(QStringLiteral("registrars/%1/credentials").arg(row.at(0).toString()));
        if (!row.at(1).isValid() || !QFile::exists(credentials))
            continue;
        Result<xrpclient::RegistrarCredentials> login = xrpclient::RegistrarCredentials::readFile(credentials);
        if (!login)
            return login.error();
        registry.registrars.append({row.at(0).toString(), row.at(1).toString(), row.at(2).toString(), *login});
    }
    if (registry.registrars.isEmpty())
        return Error(ErrorCode::NotFound, QStringLiteral("no registrar with a contact and a credentials file under %1/registrars "
                                                         "(registryd init --demo writes them)").arg(dataDir));

    Result<qint64> firstDomain = firstFreeRoid(**reader, QStringLiteral("D"), QStringLiteral("domains"));
    if (!firstDomain)
        return firstDomain.error();
    Result<qint64> firstHost = firstFreeRoid(**reader, QStringLiteral("H"), QStringLiteral("hosts"));
    if (!firstHost)
        return firstHost.error();

    const qint64 nowMs = now.toMSecsSinceEpoch();
    const qint64 expiresMs = now.addYears(1).toMSecsSinceEpoch();
    const DelegationRegistry snapshot = registry;
    store::Writer &writer = db.writer();

    // The shared out-of-zone name servers first: every delegation names some of them.
    const qint64 externalFirst = *firstHost;
    Result<store::CommitReceipt> externals = writer.submitAndWait([=](Connection &c) -> WorkResult {
        Result<Statement *> host = c.prepare(insertSql[Host]);
        if (!host)
            return host.error();
        for (qint64 h = 0; h < DelegationShape::ExternalHostCount; ++h) {
            const QString &sponsor = snapshot.registrars.at(qsizetype(h % snapshot.registrars.size())).id;
            if (auto r = run(*host, {srs::RoidAllocator::format(Kind::Host, externalFirst + h), DelegationShape::externalHostName(h),
                                     sponsor, nowMs, QVariant()});
                !r)
                return r.error().withContext(QStringLiteral("inserting %1: ").arg(DelegationShape::externalHostName(h)));
        }
        if (auto r = srs::RoidAllocator::reserveUpTo(c, Kind::Host, externalFirst + DelegationShape::ExternalHostCount - 1); !r)
            return r.error();
        return std::optional<JournalChange>(JournalChange{QStringLiteral("bench"), QStringLiteral("host.bulkload"), QStringLiteral("*"),
                                                          QJsonObject{{QStringLiteral("count"), DelegationShape::ExternalHostCount}}});
    });
    if (!externals)
        return externals.error();

    // Glue hosts take ROIDs after the external ones: two per glued delegation, numbered by i.
    const qint64 glueFirst = externalFirst + DelegationShape::ExternalHostCount;
    const auto glueRoid = [glueFirst](qint64 i, int k) { return srs::RoidAllocator::format(Kind::Host, glueFirst + 2 * (i / 10) + k); };
    const auto externalRoid = [externalFirst](qint64 h) { return srs::RoidAllocator::format(Kind::Host, externalFirst + h); };

    for (qint64 start = 0; start < delegations; start += BatchSize) {
        const qint64 end = std::min(delegations, start + BatchSize);
        Result<store::CommitReceipt> batch = writer.submitAndWait([=, domainBase = *firstDomain](Connection &c) -> WorkResult {
            std::array<Statement *, InsertCount> st{};
            for (int s = 0; s < InsertCount; ++s) {
                Result<Statement *> p = c.prepare(insertSql[size_t(s)]);
                if (!p)
                    return p.error();
                st[size_t(s)] = *p;
            }
            const qsizetype registrarCount = snapshot.registrars.size();
            qint64 lastGlue = -1;
            for (qint64 i = start; i < end; ++i) {
                const DelegationRegistrar &rar = snapshot.registrars.at(qsizetype(i % registrarCount));
                const QString name = snapshot.domainName(i);
                const QString roid = srs::RoidAllocator::format(Kind::Domain, domainBase + i);
                Result<void> r = run(st[Domain], {roid, name, snapshot.tld, rar.id, rar.contactRoid, nowMs, expiresMs});
                int glued = 0;
                if (r && DelegationShape::hasGlue(i)) {
                    for (; glued < 2 && r; ++glued) {
                        const QString host = glueRoid(i, glued);
                        lastGlue = glueFirst + 2 * (i / 10) + glued;
                        r = run(st[Host], {host, DelegationShape::glueHostName(name, glued), rar.id, nowMs, roid});
                        if (r)
                            r = run(st[Address], {host, DelegationShape::glueIpv4(i, glued), 4});
                        if (r && glued == 0)
                            r = run(st[Address], {host, DelegationShape::glueIpv6(i), 6});
                        if (r)
                            r = run(st[DomainHost], {roid, host});
                    }
                }
                for (int k = 0; r && k < DelegationShape::nameServerCount(i) - glued; ++k)
                    r = run(st[DomainHost], {roid, externalRoid(DelegationShape::externalHost(i, k))});
                if (r && DelegationShape::hasDs(i))
                    r = run(st[Ds], {roid, DelegationShape::dsKeyTag(i), DelegationShape::dsDigest(name)});
                if (!r)
                    return r.error().withContext(QStringLiteral("inserting %1: ").arg(name));
            }
            if (auto r = srs::RoidAllocator::reserveUpTo(c, Kind::Domain, domainBase + end - 1); !r)
                return r.error();
            if (lastGlue >= 0) {
                if (auto r = srs::RoidAllocator::reserveUpTo(c, Kind::Host, lastGlue); !r)
                    return r.error();
            }
            return std::optional<JournalChange>(bulkLoadChange(snapshot.domainName(start), snapshot.domainName(end - 1), end - start));
        });
        if (!batch)
            return batch.error();
        reportBulkProgress(end, delegations, BatchSize, "delegations");
    }
    registry.delegations = delegations;
    db.close();
    return registry;
}

} // namespace reg::bench
