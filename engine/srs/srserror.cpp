#include "srserror.h"

namespace reg::srs {

const char *refusalName(Refusal refusal)
{
    switch (refusal) {
    case Refusal::MissingParameter: return "MissingParameter";
    case Refusal::SyntaxError: return "SyntaxError";
    case Refusal::RangeError: return "RangeError";
    case Refusal::PolicyError: return "PolicyError";
    case Refusal::UnimplementedOption: return "UnimplementedOption";
    case Refusal::NotFound: return "NotFound";
    case Refusal::Exists: return "Exists";
    case Refusal::AuthorizationError: return "AuthorizationError";
    case Refusal::InvalidAuthInfo: return "InvalidAuthInfo";
    case Refusal::StatusProhibits: return "StatusProhibits";
    case Refusal::AssociationProhibits: return "AssociationProhibits";
    case Refusal::PendingTransfer: return "PendingTransfer";
    case Refusal::NotPendingTransfer: return "NotPendingTransfer";
    case Refusal::NotEligibleForRenewal: return "NotEligibleForRenewal";
    case Refusal::NotEligibleForTransfer: return "NotEligibleForTransfer";
    case Refusal::BillingFailure: return "BillingFailure";
    case Refusal::DataManagementPolicy: return "DataManagementPolicy";
    case Refusal::CommandFailed: return "CommandFailed";
    }
    return "CommandFailed";
}

} // namespace reg::srs
