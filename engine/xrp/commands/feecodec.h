#pragma once

#include "xrp/eppelement.h"
#include "xrp/eppresult.h"

#include "srs/domain.h"

#include <QList>
#include <QString>

#include <optional>

class QXmlStreamWriter;

namespace reg::xrp {

// RFC 8748 fee-1.0 for domains. Amounts are decimals in the registry currency (RegistryCurrency,
// EUR) with at most two decimal places; a <fee:currency> naming another currency is refused (2004).
// check asks prices; create/renew/transfer/update(restore) carry the fee the client agrees to pay,
// which the SRS compares with the price; the *Data answers report what was charged and the balance.
// Pure functions; any thread.

// The commands fee:check can ask about.
enum class FeeCommand { Create, Renew, Transfer, Restore, Delete, Update, Custom };
QString feeCommandName(FeeCommand command);

struct FeeCheckQuery
{
    FeeCommand command = FeeCommand::Create;
    std::optional<int> years;     // from <fee:period>; the policy default when absent
};

struct FeeQuote
{
    FeeCommand command = FeeCommand::Create;
    int years = 1;
    std::optional<qint64> feeCents;   // nothing: no price for this command (reason says why)
    QString reason;
};

// One checked name: available for fee purposes when the registry sells it (a registrable name
// under one of its TLDs); the quotes follow the queries' order.
struct FeeCheckItem
{
    QString name;
    bool available = true;
    QString reason;
    QList<FeeQuote> quotes;
};

EppOutcome<QList<FeeCheckQuery>> parseFeeCheck(const EppElement &check);
// <fee:create>, <fee:renew>, <fee:transfer> or <fee:update>: the sum of the fee elements minus the
// credits, in cents.
EppOutcome<qint64> parseFeeTransform(const EppElement &transform);

void writeFeeCheckData(QXmlStreamWriter &xml, const QList<FeeCheckItem> &items);
// <fee:creData> and the like (elementName "creData", "renData", "trnData", "updData"): the fee
// charged, the balance after it and the credit limit. years: the period charged, if any.
void writeFeeTransformData(QXmlStreamWriter &xml, QStringView elementName, const srs::Charge &charge,
                           std::optional<int> years);

} // namespace reg::xrp
