#include "transfer.h"

namespace reg::srs {

QString transferStatusName(TransferStatus status)
{
    switch (status) {
    case TransferStatus::Pending: return QStringLiteral("pending");
    case TransferStatus::ClientApproved: return QStringLiteral("clientApproved");
    case TransferStatus::ClientCancelled: return QStringLiteral("clientCancelled");
    case TransferStatus::ClientRejected: return QStringLiteral("clientRejected");
    case TransferStatus::ServerApproved: return QStringLiteral("serverApproved");
    case TransferStatus::ServerCancelled: return QStringLiteral("serverCancelled");
    }
    return QStringLiteral("pending");
}

std::optional<TransferStatus> parseTransferStatus(QStringView name)
{
    // Exact and case-sensitive, like trStatusType in the EPP schema and the CHECK in the transfers table.
    for (TransferStatus status : {TransferStatus::Pending, TransferStatus::ClientApproved, TransferStatus::ClientCancelled,
                                  TransferStatus::ClientRejected, TransferStatus::ServerApproved,
                                  TransferStatus::ServerCancelled}) {
        if (name == transferStatusName(status))
            return status;
    }
    return std::nullopt;
}

} // namespace reg::srs
