#include "billing.h"

#include "pollqueue.h"
#include "srscontext.h"

#include "core/logging.h"

#include <limits>

namespace reg::srs {
namespace {

// A registration period beyond this is a client error whatever the policy says; it also keeps
// price * years far from overflowing.
constexpr int maxBillableYears = 99;
constexpr int maxLedgerPage = 1000;

SrsError storeFailure(const Error &error)
{
    qCWarning(lcStore, "billing: %s", qPrintable(error.message));
    return SrsError(Refusal::CommandFailed, QStringLiteral("the registry could not complete the command; try again"));
}

// Cents as the decimal amount registrars see in fee-1.0 ("8.00", "-12.50").
QString money(qint64 cents)
{
    const bool negative = cents < 0;
    // Work in unsigned so the most negative value does not overflow.
    const quint64 magnitude = negative ? quint64(0) - quint64(cents) : quint64(cents);
    return (negative ? QStringLiteral("-") : QString()) + QString::number(magnitude / 100) + u'.'
        + QStringLiteral("%1").arg(magnitude % 100, 2, 10, QLatin1Char('0'));
}

bool isChargeOperation(const QString &operation)
{
    for (BillableOperation op : {BillableOperation::Create, BillableOperation::Renew, BillableOperation::AutoRenew,
                                 BillableOperation::Transfer, BillableOperation::Restore}) {
        if (operation == billableOperationName(op))
            return true;
    }
    return false;
}

// The account after a balance change, as RETURNING gives it.
struct AccountRow
{
    qint64 balanceCents = 0;
    qint64 creditLimitCents = 0;
    qint64 lowBalanceCents = 0;
    bool lowBalanceNotified = false;
};

// Adds `deltaCents` to the balance; with `guardCredit`, only if the balance stays within the credit
// limit. nullopt: no such registrar (or, guarded, not enough credit). One statement, so the check and
// the change cannot be separated.
Result<std::optional<AccountRow>> changeBalance(store::Connection &c, const QString &registrarId, qint64 deltaCents,
                                                bool guardCredit)
{
    Result<store::Statement *> st = guardCredit
        ? c.prepare(QStringLiteral(
              "UPDATE registrars SET balance_cents = balance_cents + ?2 "
              "WHERE id = ?1 AND balance_cents + credit_limit_cents + ?2 >= 0 "
              "RETURNING balance_cents, credit_limit_cents, low_balance_cents, low_balance_notified"))
        : c.prepare(QStringLiteral(
              "UPDATE registrars SET balance_cents = balance_cents + ?2 WHERE id = ?1 "
              "RETURNING balance_cents, credit_limit_cents, low_balance_cents, low_balance_notified"));
    if (!st)
        return st.error();
    if (auto b = (*st)->bindAll({registrarId, deltaCents}); !b)
        return b.error();
    Result<bool> row = (*st)->step();
    if (!row)
        return row.error();
    std::optional<AccountRow> account;
    if (*row) {
        account = AccountRow{(*st)->int64(0), (*st)->int64(1), (*st)->int64(2), (*st)->int64(3) != 0};
        if (auto done = (*st)->step(); !done)
            return done.error();
    }
    (*st)->reset();
    return account;
}

// The low-balance threshold is compared with the available credit (balance + credit limit), the
// amount the registrar can still spend; 0, the default, therefore never triggers. One message per
// crossing: the flag is set when it is sent and cleared once the credit is back at the threshold.
Result<void> noteLowBalance(store::Connection &c, const QString &registrarId, const QDateTime &at, const AccountRow &account)
{
    const qint64 available = account.balanceCents + account.creditLimitCents;
    const bool low = available < account.lowBalanceCents;
    if (low == account.lowBalanceNotified)
        return success();
    if (low) {
        Result<qint64> queued = PollQueue::enqueue(
            c, registrarId, at, QStringLiteral("lowBalance"), registrarId,
            QStringLiteral("available credit %1 is below the low-balance threshold %2 (balance %3, credit limit %4)")
                .arg(money(available), money(account.lowBalanceCents), money(account.balanceCents),
                     money(account.creditLimitCents)));
        if (!queued)
            return queued.error();
    }
    Result<store::Statement *> st = c.prepare(QStringLiteral("UPDATE registrars SET low_balance_notified = ?2 WHERE id = ?1"));
    if (!st)
        return st.error();
    if (auto b = (*st)->bindAll({registrarId, low ? 1 : 0}); !b)
        return b.error();
    return (*st)->run();
}

struct LedgerRow
{
    QString registrarId;
    QDateTime at;
    QString operation;
    QString object;
    QString tld;
    int periodYears = 0;
    qint64 amountCents = 0;
    qint64 balanceAfterCents = 0;
    std::optional<qint64> refersTo;
    QString serverTransactionId;
    QString description;
};

Result<qint64> appendLedger(store::Connection &c, const LedgerRow &row)
{
    Result<store::Statement *> st = c.prepare(QStringLiteral(
        "INSERT INTO ledger (registrar_id, at, operation, object, tld, period_years, amount_cents, "
        "balance_after_cents, refers_to, server_trid, description) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"));
    if (!st)
        return st.error();
    if (auto b = (*st)->bindAll({row.registrarId, row.at.toMSecsSinceEpoch(), row.operation, row.object, row.tld,
                                 row.periodYears, row.amountCents, row.balanceAfterCents,
                                 row.refersTo ? QVariant(*row.refersTo) : QVariant(), row.serverTransactionId,
                                 row.description});
        !b)
        return b.error();
    if (auto r = (*st)->run(); !r)
        return r.error();
    return c.lastInsertRowId();
}

QDateTime nowOf(const RequestContext &ctx)
{
    return ctx.clock ? ctx.clock->now() : QDateTime::currentDateTimeUtc();
}

SrsError registrarNotFound(const QString &registrarId)
{
    return SrsError(Refusal::NotFound, QStringLiteral("no registrar %1").arg(registrarId));
}

} // namespace

QString billableOperationName(BillableOperation operation)
{
    switch (operation) {
    case BillableOperation::Create: return QStringLiteral("create");
    case BillableOperation::Renew: return QStringLiteral("renew");
    case BillableOperation::AutoRenew: return QStringLiteral("autoRenew");
    case BillableOperation::Transfer: return QStringLiteral("transfer");
    case BillableOperation::Restore: return QStringLiteral("restore");
    }
    return QStringLiteral("create");
}

SrsOutcome<qint64> Billing::price(store::Connection &connection, const QString &tld, BillableOperation operation, int years)
{
    const QString name = billableOperationName(operation);
    const bool perYear = operation != BillableOperation::Restore;
    if (perYear && (years < 1 || years > maxBillableYears))
        return SrsError(Refusal::RangeError, QStringLiteral("a period of %1 years cannot be billed").arg(years));
    Result<store::Statement *> st =
        connection.prepare(QStringLiteral("SELECT cents FROM prices WHERE tld = ?1 AND operation = ?2"));
    if (!st)
        return storeFailure(st.error());
    if (auto b = (*st)->bindAll({tld, name}); !b)
        return storeFailure(b.error());
    Result<bool> row = (*st)->step();
    if (!row)
        return storeFailure(row.error());
    if (!*row) {
        (*st)->reset();
        return SrsError(Refusal::PolicyError, QStringLiteral("%1 is not on sale for .%2").arg(name, tld));
    }
    const qint64 cents = (*st)->int64(0);
    (*st)->reset();
    if (!perYear)
        return cents;
    qint64 total = 0;
    if (__builtin_mul_overflow(cents, qint64(years), &total))
        return SrsError(Refusal::RangeError, QStringLiteral("the price of %1 years cannot be billed").arg(years));
    return total;
}

SrsOutcome<AccountBalance> Billing::balance(store::Connection &connection, const QString &registrarId)
{
    Result<store::Statement *> st = connection.prepare(QStringLiteral(
        "SELECT balance_cents, credit_limit_cents, low_balance_cents FROM registrars WHERE id = ?1"));
    if (!st)
        return storeFailure(st.error());
    if (auto b = (*st)->bind(1, registrarId); !b)
        return storeFailure(b.error());
    Result<bool> row = (*st)->step();
    if (!row)
        return storeFailure(row.error());
    if (!*row) {
        (*st)->reset();
        return registrarNotFound(registrarId);
    }
    const AccountBalance account{(*st)->int64(0), (*st)->int64(1), (*st)->int64(2)};
    (*st)->reset();
    return account;
}

SrsOutcome<Billing::Charged> Billing::charge(store::Connection &connection, const RequestContext &ctx,
                                             const QString &registrarId, BillableOperation operation,
                                             const QString &object, const QString &tld, int years,
                                             std::optional<qint64> acceptedFeeCents)
{
    SrsOutcome<qint64> amount = price(connection, tld, operation, years);
    if (!amount)
        return amount.error();
    // fee-1.0 section 3.1: a fee the client agreed to that is below the server's fee MUST fail (2004).
    if (acceptedFeeCents && *acceptedFeeCents < *amount) {
        return SrsError(Refusal::RangeError,
                        QStringLiteral("fee %1 is lower than the price %2").arg(money(*acceptedFeeCents), money(*amount)),
                        QStringLiteral("fee:fee"), money(*acceptedFeeCents));
    }
    Result<std::optional<AccountRow>> account = changeBalance(connection, registrarId, -*amount, true);
    if (!account)
        return storeFailure(account.error());
    if (!*account) {
        SrsOutcome<AccountBalance> current = balance(connection, registrarId);
        if (!current)
            return current.error();
        return SrsError(Refusal::BillingFailure,
                        QStringLiteral("the price %1 exceeds the available credit %2 (balance %3, credit limit %4)")
                            .arg(money(*amount), money(current->availableCents()), money(current->balanceCents),
                                 money(current->creditLimitCents)));
    }
    const QDateTime at = nowOf(ctx);
    const int billedYears = operation == BillableOperation::Restore ? 0 : years;
    Result<qint64> ledgerId = appendLedger(connection, LedgerRow{registrarId, at, billableOperationName(operation), object, tld,
                                                                 billedYears, -*amount, (*account)->balanceCents, std::nullopt,
                                                                 ctx.serverTransactionId, QString()});
    if (!ledgerId)
        return storeFailure(ledgerId.error());
    if (auto noted = noteLowBalance(connection, registrarId, at, **account); !noted)
        return storeFailure(noted.error());
    return Charged{*ledgerId, Charge{*amount, (*account)->balanceCents, (*account)->creditLimitCents}};
}

SrsOutcome<Charge> Billing::refund(store::Connection &connection, const RequestContext &ctx, qint64 chargeId,
                                   const QString &description)
{
    Result<store::Statement *> st = connection.prepare(QStringLiteral(
        "SELECT registrar_id, operation, object, tld, period_years, amount_cents, "
        "       EXISTS (SELECT 1 FROM ledger AS r WHERE r.refers_to = l.id) "
        "FROM ledger AS l WHERE id = ?1"));
    if (!st)
        return storeFailure(st.error());
    if (auto b = (*st)->bind(1, chargeId); !b)
        return storeFailure(b.error());
    Result<bool> row = (*st)->step();
    if (!row)
        return storeFailure(row.error());
    if (!*row) {
        (*st)->reset();
        return SrsError(Refusal::NotFound, QStringLiteral("no ledger entry %1").arg(chargeId));
    }
    const QString registrarId = (*st)->text(0);
    const QString operation = (*st)->text(1);
    const QString object = (*st)->text(2);
    const QString tld = (*st)->text(3);
    const int periodYears = int((*st)->int64(4));
    const qint64 charged = -(*st)->int64(5);
    const bool refunded = (*st)->int64(6) != 0;
    (*st)->reset();

    if (!isChargeOperation(operation) || charged < 0)
        return SrsError(Refusal::PolicyError, QStringLiteral("ledger entry %1 is not a charge").arg(chargeId));
    if (refunded)
        return SrsError(Refusal::PolicyError, QStringLiteral("ledger entry %1 has already been refunded").arg(chargeId));

    Result<std::optional<AccountRow>> account = changeBalance(connection, registrarId, charged, false);
    if (!account)
        return storeFailure(account.error());
    if (!*account)
        return registrarNotFound(registrarId);
    const QDateTime at = nowOf(ctx);
    Result<qint64> ledgerId = appendLedger(connection, LedgerRow{registrarId, at, QStringLiteral("refund"), object, tld, periodYears,
                                                                 charged, (*account)->balanceCents, chargeId,
                                                                 ctx.serverTransactionId, description});
    if (!ledgerId)
        return storeFailure(ledgerId.error());
    if (auto noted = noteLowBalance(connection, registrarId, at, **account); !noted)
        return storeFailure(noted.error());
    // fee-1.0 writes money returned as a negative fee (<fee:credit>-8.00</fee:credit>).
    return Charge{-charged, (*account)->balanceCents, (*account)->creditLimitCents};
}

SrsOutcome<Charge> Billing::credit(store::Connection &connection, const RequestContext &ctx, const QString &registrarId,
                                   qint64 amountCents, const QString &operation, const QString &description)
{
    const bool payment = operation == u"payment";
    if (!payment && operation != u"adjustment")
        return SrsError(Refusal::SyntaxError, QStringLiteral("a credit is a payment or an adjustment"), QStringLiteral("operation"), operation);
    if (payment ? amountCents <= 0 : amountCents == 0)
        return SrsError(Refusal::RangeError, payment ? QStringLiteral("a payment must be a positive amount")
                                                     : QStringLiteral("an adjustment must not be zero"),
                        QStringLiteral("amount"), money(amountCents));
    // Keep the balance representable however many credits arrive.
    constexpr qint64 maxAmount = std::numeric_limits<qint64>::max() / 4;
    if (amountCents > maxAmount || amountCents < -maxAmount)
        return SrsError(Refusal::RangeError, QStringLiteral("the amount is out of range"), QStringLiteral("amount"), money(amountCents));
    SrsOutcome<AccountBalance> current = balance(connection, registrarId);
    if (!current)
        return current.error();
    if (current->balanceCents > maxAmount - amountCents || current->balanceCents < -maxAmount - amountCents)
        return SrsError(Refusal::RangeError, QStringLiteral("the resulting balance would be out of range"),
                        QStringLiteral("amount"), money(amountCents));

    // An operator's adjustment may take the balance past the credit limit (correcting a mistake must
    // always be possible); only charges are held to it.
    Result<std::optional<AccountRow>> account = changeBalance(connection, registrarId, amountCents, false);
    if (!account)
        return storeFailure(account.error());
    if (!*account)
        return registrarNotFound(registrarId);
    const QDateTime at = nowOf(ctx);
    Result<qint64> ledgerId = appendLedger(connection, LedgerRow{registrarId, at, operation, QString(), QString(), 0, amountCents,
                                                                 (*account)->balanceCents, std::nullopt,
                                                                 ctx.serverTransactionId, description});
    if (!ledgerId)
        return storeFailure(ledgerId.error());
    if (auto noted = noteLowBalance(connection, registrarId, at, **account); !noted)
        return storeFailure(noted.error());
    return Charge{-amountCents, (*account)->balanceCents, (*account)->creditLimitCents};
}

SrsOutcome<QList<LedgerEntry>> Billing::ledger(store::Connection &reader, const QString &registrarId, qint64 beforeId, int limit)
{
    if (limit < 1 || limit > maxLedgerPage)
        return SrsError(Refusal::RangeError, QStringLiteral("a ledger page holds 1 to %1 entries").arg(maxLedgerPage));
    const qint64 before = beforeId > 0 ? beforeId : std::numeric_limits<qint64>::max();
    Result<store::Statement *> st = reader.prepare(QStringLiteral(
        "SELECT id, at, operation, object, tld, period_years, amount_cents, balance_after_cents, refers_to, "
        "       server_trid, description "
        "FROM ledger WHERE registrar_id = ?1 AND id < ?2 ORDER BY id DESC LIMIT ?3"));
    if (!st)
        return storeFailure(st.error());
    if (auto b = (*st)->bindAll({registrarId, before, limit}); !b)
        return storeFailure(b.error());
    QList<LedgerEntry> entries;
    for (;;) {
        Result<bool> row = (*st)->step();
        if (!row) {
            (*st)->reset();
            return storeFailure(row.error());
        }
        if (!*row)
            break;
        LedgerEntry e;
        e.id = (*st)->int64(0);
        e.registrarId = registrarId;
        e.at = QDateTime::fromMSecsSinceEpoch((*st)->int64(1), Qt::UTC);
        e.operation = (*st)->text(2);
        e.object = (*st)->text(3);
        e.tld = (*st)->text(4);
        e.periodYears = int((*st)->int64(5));
        e.amountCents = (*st)->int64(6);
        e.balanceAfterCents = (*st)->int64(7);
        if (!(*st)->isNull(8))
            e.refersTo = (*st)->int64(8);
        e.serverTransactionId = (*st)->text(9);
        e.description = (*st)->text(10);
        entries.append(std::move(e));
    }
    (*st)->reset();
    return entries;
}

} // namespace reg::srs
