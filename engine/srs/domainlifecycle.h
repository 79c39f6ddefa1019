#pragma once

#include "domain.h"
#include "domainrepository.h"
#include "srscontext.h"
#include "srserror.h"
#include "transfer.h"

#include "store/connection.h"
#include "store/journalentry.h"

#include <QJsonObject>

#include <optional>

namespace reg::srs::domainlifecycle {

using domainstore::DomainRecord;

// The state changes that both registrar commands (DomainCommands) and the clock
// (RegistryMaintenance) make to a domain: finishing a transfer, deleting into redemption, purging.
// Each runs inside the caller's write transaction and returns the journal change to record.

struct TransferRow
{
    qint64 id = 0;
    TransferInfo info;
    QString objectRoid;
    int periodYears = 0;
    std::optional<qint64> ledgerId;
};

// The newest transfer of a domain or contact ("domain"/"contact"), or nullopt.
Result<std::optional<TransferRow>> latestTransfer(store::Connection &c, const QString &objectType, const QString &roid);
Result<std::optional<TransferRow>> transferById(store::Connection &c, qint64 id);

// {"type":"domain:trnData", name, trStatus, reID, reDate, acID, acDate, exDate} for poll messages.
QJsonObject transferPollData(const TransferInfo &info, const QString &type = QStringLiteral("domain:trnData"));
QJsonObject transferJson(const TransferInfo &info);

// Approves a pending domain transfer (clientApproved by the sponsor, serverApproved by the clock):
// the sponsor becomes the requester, the period is added to the expiry (an auto-renewal still in its
// grace period is refunded to the losing registrar and taken back first, RFC 3915 3.3 practice),
// authInfo is cleared (RFC 9154 4.2: the gaining registrar sets a new one), subordinate hosts follow,
// the losing registrar's grace rows end and a transferPeriod starts; both registrars get a poll
// message.
SrsOutcome<store::JournalChange> approveTransfer(store::Connection &c, const RequestContext &ctx, const QString &actor,
                                             const DomainRecord &record, const TransferRow &transfer, TransferStatus status,
                                                 TransferInfo *result);

// Finishes a pending transfer without moving the domain (clientRejected, clientCancelled,
// serverCancelled): refunds the requester's charge, drops pendingTransfer, tells both registrars.
SrsOutcome<store::JournalChange> closeTransfer(store::Connection &c, const RequestContext &ctx, const QString &actor,
                                           const DomainRecord &record, const TransferRow &transfer, TransferStatus status,
                                           TransferInfo *result, std::optional<Charge> *refund);

// pendingDelete + a redemptionPeriod from now; deleted_at = now. The caller refunds first.
Result<void> enterRedemption(store::Connection &c, const RequestContext &ctx, const DomainRecord &record);

// Reloads the domain after a change, for the journal and the answer.
SrsOutcome<DomainRecord> reload(store::Connection &c, const QString &roid, const QDateTime &now);

// The RGP states shown for a domain at `now`.
QList<GracePeriod> gracePeriodsShown(const DomainRecord &record, const QDateTime &now);

} // namespace reg::srs::domainlifecycle
