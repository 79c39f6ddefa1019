#pragma once

#include "domain.h"
#include "srserror.h"

#include "store/connection.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace reg::srs {

enum class BillableOperation { Create, Renew, AutoRenew, Transfer, Restore };
QString billableOperationName(BillableOperation operation);   // as stored in prices/ledger: "create" ...

struct LedgerEntry
{
    qint64 id = 0;
    QString registrarId;
    QDateTime at;
    QString operation;          // create, renew, autoRenew, transfer, restore, refund, payment, adjustment
    QString object;
    QString tld;
    int periodYears = 0;
    qint64 amountCents = 0;     // negative: a charge
    qint64 balanceAfterCents = 0;
    std::optional<qint64> refersTo;
    QString serverTransactionId;
    QString description;
};

struct AccountBalance
{
    qint64 balanceCents = 0;
    qint64 creditLimitCents = 0;
    qint64 lowBalanceCents = 0;
    qint64 availableCents() const { return balanceCents + creditLimitCents; }
};

// Registrar accounts in money: the price list per TLD and operation, charges that refuse to pass
// the credit limit (balance may go negative down to -creditLimit), refunds that point at the charge
// they return, and a low-balance poll message the first time the balance falls below the
// registrar's threshold (again only after it has risen above it). All within the caller's
// transaction: call these from WriteCommands with the writer's connection.
class Billing
{
public:
    // The price in cents for `years` (flat for Restore), or NotFound/PolicyError when not on sale.
    static SrsOutcome<qint64> price(store::Connection &connection, const QString &tld, BillableOperation operation, int years);
    static SrsOutcome<AccountBalance> balance(store::Connection &connection, const QString &registrarId);

    // Charges the price; BillingFailure when the available credit does not cover it, RangeError when
    // acceptedFeeCents is given and below the price (fee-1.0 section 3.1). Returns the ledger row id
    // (for refunds) and the charge.
    struct Charged { qint64 ledgerId = 0; Charge charge; };
    static SrsOutcome<Charged> charge(store::Connection &connection, const RequestContext &ctx, const QString &registrarId,
                                      BillableOperation operation, const QString &object, const QString &tld, int years,
                                      std::optional<qint64> acceptedFeeCents);
    // Returns the amount of ledger row `chargeId` to its registrar.
    static SrsOutcome<Charge> refund(store::Connection &connection, const RequestContext &ctx, qint64 chargeId,
                                     const QString &description);
    // A payment or manual adjustment by the registry operator (management API); positive adds credit.
    static SrsOutcome<Charge> credit(store::Connection &connection, const RequestContext &ctx, const QString &registrarId,
                                     qint64 amountCents, const QString &operation, const QString &description);

    static SrsOutcome<QList<LedgerEntry>> ledger(store::Connection &reader, const QString &registrarId,
                                                 qint64 beforeId, int limit);
};

} // namespace reg::srs
