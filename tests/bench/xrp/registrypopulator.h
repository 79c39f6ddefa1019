#pragma once

#include "core/result.h"
#include "xrpclient/registrarcredentials.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace reg::bench {

// A registrar as the benchmark uses it: its id, and a contact of its own to name as registrant.
struct BenchRegistrar
{
    QString id;
    QString contactId;
    QString contactRoid;
    xrpclient::RegistrarCredentials login;   // a user of this registrar the benchmark can log in as
};

// What the registry holds after populate(): the TLD the benchmark registers under and the
// pre-loaded domains, named "pre<i>.<tld>" and sponsored by registrars[i % registrars.size()],
// every one expiring at `expiresAt` (so a renew can name the right current expiry date).
struct PopulatedRegistry
{
    QString tld;
    QList<BenchRegistrar> registrars;
    qint64 domains = 0;
    QDateTime expiresAt;

    QString domainName(qint64 i) const { return QStringLiteral("pre%1.%2").arg(i).arg(tld); }
};

// Fills a stopped engine's database for the benchmark, directly through the store writer (never
// over EPP): each work item inserts a whole batch of domains with one journal entry summarising
// it ("domain.bulkload"), so a million domains cost a few hundred durable commits, not a million.
// Also raises every registrar's balance so the create and renew phases are never refused for money,
// and keeps roid_counters above the ROIDs it used. The registrars taking part are those `init --demo`
// provisioned for XRP (DATADIR/registrars/<id>/credentials). Blocking; call before the engine starts.
class RegistryPopulator
{
public:
    static constexpr int BatchSize = 20000;

    static Result<PopulatedRegistry> populate(const QString &dataDir, const QString &databaseFile, qint64 domainCount,
                                              const QDateTime &now);
};

} // namespace reg::bench
