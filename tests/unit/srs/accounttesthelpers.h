#pragma once

#include "srs/srscontext.h"
#include "srs/srswrite.h"

#include "store/store.h"

#include <QTemporaryDir>
#include <QTest>

// Shared by the registrar-account tests (billing, poll queue, login): a real migrated SQLite file in
// a temporary directory, registrars inserted the way setup does, and SQL run on the writer thread,
// so each test states only what it is about.
namespace accounttest {

inline std::unique_ptr<reg::store::Store> openStore(const QTemporaryDir &dir, const reg::Clock &clock)
{
    reg::Result<std::unique_ptr<reg::store::Store>> store =
        reg::store::Store::open({dir.filePath(QStringLiteral("registry.db")), 256, true}, clock);
    if (!store) {
        qWarning("%s", qPrintable(store.error().message));
        return nullptr;
    }
    return std::move(store).value();
}

// Runs SQL statements on the writer thread (setup data: TLDs, registrars, prices).
inline bool exec(reg::store::Store &store, const QString &sql, const QVariantList &params = {})
{
    reg::Result<reg::store::CommitReceipt> r = store.writer().submitAndWait(
        [&](reg::store::Connection &c) -> reg::Result<std::optional<reg::store::JournalChange>> {
            if (auto e = c.execute(sql, params); !e)
                return e.error();
            return std::optional<reg::store::JournalChange>();
        });
    if (!r)
        qWarning("%s", qPrintable(r.error().message));
    return r.ok();
}

inline bool addTld(reg::store::Store &store, const QString &tld)
{
    return exec(store, QStringLiteral("INSERT INTO tlds (name, created_at) VALUES (?1, 0)"), {tld});
}

inline bool addRegistrar(reg::store::Store &store, const QString &id, qint64 balanceCents = 0, qint64 creditLimitCents = 0,
                         qint64 lowBalanceCents = 0)
{
    return exec(store,
                QStringLiteral("INSERT INTO registrars (id, name, balance_cents, credit_limit_cents, low_balance_cents, created_at) "
                               "VALUES (?1, ?1, ?2, ?3, ?4, 0)"),
                {id, balanceCents, creditLimitCents, lowBalanceCents});
}

inline std::optional<QVariant> value(reg::store::Store &store, const QString &sql, const QVariantList &params = {})
{
    auto reader = store.openReader();
    if (!reader)
        return std::nullopt;
    reg::Result<QVariant> v = (*reader)->queryValue(sql, params);
    if (!v)
        return std::nullopt;
    return *v;
}

inline qint64 count(reg::store::Store &store, const QString &table)
{
    return value(store, QStringLiteral("SELECT count(*) FROM ") + table).value_or(QVariant(-1)).toLongLong();
}

inline reg::srs::RequestContext contextFor(const QString &registrarId, const reg::Clock &clock, const reg::SrsPolicy &policy)
{
    reg::srs::RequestContext ctx;
    ctx.registrarId = registrarId;
    ctx.userId = registrarId + QStringLiteral("-epp");
    ctx.clientTransactionId = QStringLiteral("CL-1");
    ctx.serverTransactionId = QStringLiteral("SV-1");
    ctx.policy = &policy;
    ctx.clock = &clock;
    return ctx;
}

} // namespace accounttest
