#include "eppresult.h"

using namespace Qt::StringLiterals;

namespace reg::xrp {

QLatin1StringView eppResultMessage(EppResult result)
{
    switch (result) {
    case EppResult::Success: return "Command completed successfully"_L1;
    case EppResult::SuccessActionPending: return "Command completed successfully; action pending"_L1;
    case EppResult::SuccessNoMessages: return "Command completed successfully; no messages"_L1;
    case EppResult::SuccessAckToDequeue: return "Command completed successfully; ack to dequeue"_L1;
    case EppResult::SuccessEndingSession: return "Command completed successfully; ending session"_L1;
    case EppResult::UnknownCommand: return "Unknown command"_L1;
    case EppResult::CommandSyntaxError: return "Command syntax error"_L1;
    case EppResult::CommandUseError: return "Command use error"_L1;
    case EppResult::RequiredParameterMissing: return "Required parameter missing"_L1;
    case EppResult::ParameterValueRangeError: return "Parameter value range error"_L1;
    case EppResult::ParameterValueSyntaxError: return "Parameter value syntax error"_L1;
    case EppResult::UnimplementedProtocolVersion: return "Unimplemented protocol version"_L1;
    case EppResult::UnimplementedCommand: return "Unimplemented command"_L1;
    case EppResult::UnimplementedOption: return "Unimplemented option"_L1;
    case EppResult::UnimplementedExtension: return "Unimplemented extension"_L1;
    case EppResult::BillingFailure: return "Billing failure"_L1;
    case EppResult::ObjectNotEligibleForRenewal: return "Object is not eligible for renewal"_L1;
    case EppResult::ObjectNotEligibleForTransfer: return "Object is not eligible for transfer"_L1;
    case EppResult::AuthenticationError: return "Authentication error"_L1;
    case EppResult::AuthorizationError: return "Authorization error"_L1;
    case EppResult::InvalidAuthorizationInformation: return "Invalid authorization information"_L1;
    case EppResult::ObjectPendingTransfer: return "Object pending transfer"_L1;
    case EppResult::ObjectNotPendingTransfer: return "Object not pending transfer"_L1;
    case EppResult::ObjectExists: return "Object exists"_L1;
    case EppResult::ObjectDoesNotExist: return "Object does not exist"_L1;
    case EppResult::ObjectStatusProhibitsOperation: return "Object status prohibits operation"_L1;
    case EppResult::ObjectAssociationProhibitsOperation: return "Object association prohibits operation"_L1;
    case EppResult::ParameterValuePolicyError: return "Parameter value policy error"_L1;
    case EppResult::UnimplementedObjectService: return "Unimplemented object service"_L1;
    case EppResult::DataManagementPolicyViolation: return "Data management policy violation"_L1;
    case EppResult::CommandFailed: return "Command failed"_L1;
    case EppResult::CommandFailedClosingConnection: return "Command failed; server closing connection"_L1;
    case EppResult::AuthenticationErrorClosingConnection:
        return "Authentication error; server closing connection"_L1;
    case EppResult::SessionLimitExceededClosingConnection:
        return "Session limit exceeded; server closing connection"_L1;
    }
    return "Command failed"_L1;
}

std::optional<EppResult> eppResultFromCode(int code)
{
    const auto candidate = EppResult(code);
    // Listing every enumerator (rather than checking ranges) keeps the gaps between codes, such as
    // 1002 or 2309, from being taken for defined codes.
    switch (candidate) {
    case EppResult::Success:
    case EppResult::SuccessActionPending:
    case EppResult::SuccessNoMessages:
    case EppResult::SuccessAckToDequeue:
    case EppResult::SuccessEndingSession:
    case EppResult::UnknownCommand:
    case EppResult::CommandSyntaxError:
    case EppResult::CommandUseError:
    case EppResult::RequiredParameterMissing:
    case EppResult::ParameterValueRangeError:
    case EppResult::ParameterValueSyntaxError:
    case EppResult::UnimplementedProtocolVersion:
    case EppResult::UnimplementedCommand:
    case EppResult::UnimplementedOption:
    case EppResult::UnimplementedExtension:
    case EppResult::BillingFailure:
    case EppResult::ObjectNotEligibleForRenewal:
    case EppResult::ObjectNotEligibleForTransfer:
    case EppResult::AuthenticationError:
    case EppResult::AuthorizationError:
    case EppResult::InvalidAuthorizationInformation:
    case EppResult::ObjectPendingTransfer:
    case EppResult::ObjectNotPendingTransfer:
    case EppResult::ObjectExists:
    case EppResult::ObjectDoesNotExist:
    case EppResult::ObjectStatusProhibitsOperation:
    case EppResult::ObjectAssociationProhibitsOperation:
    case EppResult::ParameterValuePolicyError:
    case EppResult::UnimplementedObjectService:
    case EppResult::DataManagementPolicyViolation:
    case EppResult::CommandFailed:
    case EppResult::CommandFailedClosingConnection:
    case EppResult::AuthenticationErrorClosingConnection:
    case EppResult::SessionLimitExceededClosingConnection:
        return candidate;
    }
    return std::nullopt;
}

} // namespace reg::xrp
