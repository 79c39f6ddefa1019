#pragma once

#include "core/result.h"
#include "xrpclient/registrarcredentials.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace reg::bench {

// A registrar the benchmark can log in as over XRP, with a contact of its own for creates.
struct DelegationRegistrar
{
    QString id;
    QString contactId;
    QString contactRoid;
    xrpclient::RegistrarCredentials login;
};

// The shape of delegation i, decided by i alone so the query file, the zone-file writer and the
// populator agree without sharing state: 2-4 name servers, every tenth domain with two
// in-bailiwick name servers (glue: an A each, an AAAA on the first; public addresses, as the
// registry accepts no others), every tenth another with a DS.
struct DelegationShape
{
    static constexpr qint64 ExternalHostCount = 4000;   // out-of-zone name servers shared by all domains

    static int nameServerCount(qint64 i) { return 2 + int(i % 3); }
    static bool hasGlue(qint64 i) { return i % 10 == 3; }
    static bool hasDs(qint64 i) { return i % 10 == 7; }
    // The k-th external name server of delegation i (k counted after the glue hosts).
    static qint64 externalHost(qint64 i, int k) { return (i * 7 + k) % ExternalHostCount; }
    static QString externalHostName(qint64 h) { return QStringLiteral("ns%1.op%2.bench-dns.test").arg(h % 4 + 1).arg(h / 4); }
    static QString glueHostName(const QString &domain, int k) { return QStringLiteral("ns%1.%2").arg(k + 1).arg(domain); }
    static QString glueIpv4(qint64 i, int k) { return QStringLiteral("45.%1.%2.%3").arg((i >> 14) & 255).arg((i >> 6) & 255).arg(((i & 63) << 2) + k + 1); }
    static QString glueIpv6(qint64 i) { return QStringLiteral("2a0f:%1:%2::53").arg((i >> 16) & 0xffff, 0, 16).arg(i & 0xffff, 0, 16); }
    static int dsKeyTag(qint64 i) { return int(i % 65536); }
    static QString dsDigest(const QString &domain);   // SHA-256 of the name, upper-case hex (64 digits)
};

// What the registry holds after populate(): `delegations` domains named "dlg<i>.<tld>".
struct DelegationRegistry
{
    QString tld;
    QList<DelegationRegistrar> registrars;
    qint64 delegations = 0;

    QString domainName(qint64 i) const { return QStringLiteral("dlg%1.%2").arg(i).arg(tld); }
};

// Fills a stopped engine's database with delegations through the store writer, in batches of
// whole domains (domain, name servers, glue addresses, DS) with one journal entry per batch, so a
// million delegations cost a few hundred durable commits. The registrars are those `init --demo`
// provisioned for XRP (DATADIR/registrars/<id>/credentials). Blocking; call before the engine starts.
class DelegationPopulator
{
public:
    static constexpr qint64 BatchSize = 20000;

    static Result<DelegationRegistry> populate(const QString &dataDir, const QString &databaseFile, qint64 delegations,
                                               const QDateTime &now);
};

} // namespace reg::bench
