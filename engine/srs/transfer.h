#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace reg::srs {

enum class TransferOperation { Request, Approve, Reject, Cancel };

enum class TransferStatus { Pending, ClientApproved, ClientCancelled, ClientRejected, ServerApproved, ServerCancelled };
QString transferStatusName(TransferStatus status);               // "pending", "clientApproved" ... (RFC 5730 trStatusType)
std::optional<TransferStatus> parseTransferStatus(QStringView name);

// The transfer data of RFC 5731 3.1.3 / 5733 3.1.3 (trnData), for responses and poll messages.
struct TransferInfo
{
    QString objectName;                  // domain name or contact id
    TransferStatus status = TransferStatus::Pending;
    QString requestingId;                // reID
    QDateTime requestedAt;               // reDate
    QString actingId;                    // acID: the losing registrar
    QDateTime actionAt;                  // acDate: the deadline while pending, then when acted on
    std::optional<QDateTime> expiresAt;  // domains only: the expiry after (or if) approved
};

} // namespace reg::srs
