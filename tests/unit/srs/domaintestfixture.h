#pragma once

#include "srs/domain.h"
#include "srs/srswrite.h"

#include "core/clock.h"
#include "core/srspolicy.h"
#include "store/store.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <tuple>

// Shared by the domain and maintenance tests: a real migrated SQLite file in a temporary
// directory, two competing registrars (and a third without money), their contacts and hosts
// inserted with plain SQL, a price list, and a ManualClock that drives every period.
namespace domaintest {

inline const QString kTld = QStringLiteral("example");
inline const QString kAlpha = QStringLiteral("rar-alpha");
inline const QString kBeta = QStringLiteral("rar-beta");
inline const QString kPoor = QStringLiteral("rar-poor");
inline const QString kAuth = QStringLiteral("s3cret-Pass");
constexpr qint64 kPrice = 800;          // create/renew/autoRenew/transfer per year
constexpr qint64 kRestorePrice = 4000;
constexpr qint64 kStartBalance = 100000;
constexpr qint64 kDay = 86400LL * 1000;

class Fixture
{
public:
    Fixture()
    {
        policy.tlds = {kTld};
        reg::Result<std::unique_ptr<reg::store::Store>> opened =
            reg::store::Store::open({dir.filePath(QStringLiteral("registry.db")), 256, true}, clock);
        if (!opened)
            qFatal("store: %s", qPrintable(opened.error().message));
        store = std::move(opened).value();
        auto r = store->openReader();
        if (!r)
            qFatal("reader: %s", qPrintable(r.error().message));
        reader = std::move(r).value();
        seed();
    }

    reg::srs::RequestContext ctx(const QString &registrar) const
    {
        reg::srs::RequestContext c;
        c.registrarId = registrar;
        c.userId = registrar + QStringLiteral("-epp");
        c.clientTransactionId = QStringLiteral("client-1");
        c.serverTransactionId = QStringLiteral("server-1");
        c.policy = &policy;
        c.clock = &clock;
        return c;
    }

    template<typename T>
    reg::srs::SrsOutcome<T> write(reg::srs::WriteCommand<T> command)
    {
        return reg::srs::runWrite<T>(store->writer(), std::move(command));
    }

    void sql(const QString &statement, const QVariantList &params = {})
    {
        reg::Result<reg::store::CommitReceipt> r = store->writer().submitAndWait(
            [&](reg::store::Connection &c) -> reg::Result<std::optional<reg::store::JournalChange>> {
                if (auto e = c.execute(statement, params); !e)
                    return e.error();
                return std::optional<reg::store::JournalChange>();
            });
        if (!r)
            qFatal("setup SQL failed: %s (%s)", qPrintable(r.error().message), qPrintable(statement));
    }

    QVariant value(const QString &query, const QVariantList &params = {})
    {
        reg::Result<QVariant> v = reader->queryValue(query, params);
        if (!v)
            qFatal("query failed: %s (%s)", qPrintable(v.error().message), qPrintable(query));
        return *v;
    }
    qint64 count(const QString &query, const QVariantList &params = {}) { return value(query, params).toLongLong(); }
    qint64 balance(const QString &registrar)
    {
        return count(QStringLiteral("SELECT balance_cents FROM registrars WHERE id = ?1"), {registrar});
    }
    qint64 polls(const QString &registrar, const QString &kind)
    {
        return count(QStringLiteral("SELECT count(*) FROM poll_messages WHERE registrar_id = ?1 AND kind = ?2"), {registrar, kind});
    }
    qint64 journalHead() const { return store->writer().journalHead(); }
    QString lastJournalKind() { return value(QStringLiteral("SELECT kind FROM journal ORDER BY seq DESC LIMIT 1")).toString(); }
    QJsonObject lastJournalData()
    {
        return QJsonDocument::fromJson(value(QStringLiteral("SELECT data FROM journal ORDER BY seq DESC LIMIT 1")).toString().toUtf8()).object();
    }
    QString storedStatuses(const QString &domain)
    {
        return value(QStringLiteral("SELECT statuses FROM domains WHERE name = ?1"), {domain}).toString();
    }
    qint64 graceRows(const QString &domain, const QString &kind)
    {
        return count(QStringLiteral("SELECT count(*) FROM domain_grace_periods g JOIN domains d ON d.roid = g.domain_roid "
                                    "WHERE d.name = ?1 AND g.kind = ?2"), {domain, kind});
    }

    // A full create request of `registrar` (its own contacts; hosts by name).
    reg::srs::DomainCreateRequest createRequest(const QString &name, const QString &registrar, QStringList ns = {}) const
    {
        const QString p = registrar == kBeta ? QStringLiteral("b-") : registrar == kPoor ? QStringLiteral("p-") : QStringLiteral("a-");
        reg::srs::DomainCreateRequest r;
        r.name = name;
        r.period.years = 1;
        r.registrantId = p + QStringLiteral("reg");
        r.contacts = {{reg::srs::DomainContact::Type::Admin, p + QStringLiteral("adm")},
                      {reg::srs::DomainContact::Type::Tech, p + QStringLiteral("tech")}};
        r.nameServers = ns;
        r.authInfo = kAuth;
        return r;
    }

    reg::srs::SrsOutcome<reg::srs::DomainCreated> create(const QString &name, const QString &registrar = kAlpha, QStringList ns = {})
    {
        return write(reg::srs::DomainCommands::create(ctx(registrar), createRequest(name, registrar, ns)));
    }

    // A host under an existing domain, sponsored as that domain.
    void addSubordinateHost(const QString &host, const QString &domain, const QString &registrar)
    {
        static int serial = 100;
        const QString roid = QStringLiteral("H9%1-REG").arg(++serial);
        sql(QStringLiteral("INSERT INTO hosts (roid, name, registrar_id, created_at, updated_at, domain_roid) "
                           "VALUES (?1, ?2, ?3, 0, 0, (SELECT roid FROM domains WHERE name = ?4))"),
            {roid, host, registrar, domain});
        sql(QStringLiteral("INSERT INTO host_addresses (host_roid, address, family) VALUES (?1, '192.0.2.1', 4)"), {roid});
    }

    void advanceDays(double days) { clock.advance(qint64(days * kDay)); }

    QTemporaryDir dir;
    reg::ManualClock clock;
    reg::SrsPolicy policy;
    std::unique_ptr<reg::store::Store> store;
    std::unique_ptr<reg::store::Connection> reader;

private:
    void seed()
    {
        sql(QStringLiteral("INSERT INTO tlds (name, created_at) VALUES (?1, 0)"), {kTld});
        const QStringList ops = {QStringLiteral("create"), QStringLiteral("renew"), QStringLiteral("autoRenew"), QStringLiteral("transfer")};
        for (const QString &op : ops)
            sql(QStringLiteral("INSERT INTO prices (tld, operation, cents) VALUES (?1, ?2, ?3)"), {kTld, op, kPrice});
        sql(QStringLiteral("INSERT INTO prices (tld, operation, cents) VALUES (?1, 'restore', ?2)"), {kTld, kRestorePrice});
        int serial = 0;
        for (const auto &[registrar, prefix, money] : {std::tuple{kAlpha, QStringLiteral("a-"), kStartBalance},
                                                       std::tuple{kBeta, QStringLiteral("b-"), kStartBalance},
                                                       std::tuple{kPoor, QStringLiteral("p-"), qint64(1000)}}) {
            sql(QStringLiteral("INSERT INTO registrars (id, name, balance_cents, credit_limit_cents, created_at) VALUES (?1, ?1, ?2, 0, 0)"),
                {registrar, money});
            for (const QString &suffix : {QStringLiteral("reg"), QStringLiteral("adm"), QStringLiteral("tech")}) {
                sql(QStringLiteral("INSERT INTO contacts (roid, id, registrar_id, name, created_at, updated_at) VALUES (?1, ?2, ?3, ?2, 0, 0)"),
                    {QStringLiteral("C9%1-REG").arg(++serial), QString(prefix + suffix), registrar});
            }
        }
        sql(QStringLiteral("INSERT INTO hosts (roid, name, registrar_id, created_at, updated_at) VALUES ('H901-REG', 'ns1.dns.net', ?1, 0, 0)"), {kAlpha});
        sql(QStringLiteral("INSERT INTO hosts (roid, name, registrar_id, created_at, updated_at) VALUES ('H902-REG', 'ns2.dns.net', ?1, 0, 0)"), {kBeta});
        sql(QStringLiteral("INSERT INTO hosts (roid, name, registrar_id, created_at, updated_at) VALUES ('H903-REG', 'ns3.dns.net', ?1, 0, 0)"), {kAlpha});
    }
};

} // namespace domaintest
