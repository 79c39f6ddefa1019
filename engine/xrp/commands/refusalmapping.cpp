#include "refusalmapping.h"

#include "eppnamespaces.h"

using namespace Qt::StringLiterals;

namespace reg::xrp {

namespace {

QString namespaceForPrefix(QStringView prefix)
{
    for (QStringView uri : {DomainNamespace, HostNamespace, ContactNamespace, SecDnsNamespace, RgpNamespace, FeeNamespace,
                            CustomFieldsNamespace}) {
        if (namespacePrefix(uri) == prefix)
            return uri.toString();
    }
    return {};
}

// The element name must be an NCName for the writer to produce well-formed XML.
bool isNcName(QStringView name)
{
    if (name.isEmpty() || name.size() > 64 || !(name.front().isLetter() || name.front() == u'_'))
        return false;
    for (QChar c : name) {
        if (!(c.isLetterOrNumber() || c == u'_' || c == u'-' || c == u'.') || c.unicode() >= 0x80)
            return false;
    }
    return true;
}

} // namespace

EppResult eppResultFor(srs::Refusal refusal)
{
    using srs::Refusal;
    switch (refusal) {
    case Refusal::MissingParameter: return EppResult::RequiredParameterMissing;
    case Refusal::SyntaxError: return EppResult::ParameterValueSyntaxError;
    case Refusal::RangeError: return EppResult::ParameterValueRangeError;
    case Refusal::PolicyError: return EppResult::ParameterValuePolicyError;
    case Refusal::UnimplementedOption: return EppResult::UnimplementedOption;
    case Refusal::NotFound: return EppResult::ObjectDoesNotExist;
    case Refusal::Exists: return EppResult::ObjectExists;
    case Refusal::AuthorizationError: return EppResult::AuthorizationError;
    case Refusal::InvalidAuthInfo: return EppResult::InvalidAuthorizationInformation;
    case Refusal::StatusProhibits: return EppResult::ObjectStatusProhibitsOperation;
    case Refusal::AssociationProhibits: return EppResult::ObjectAssociationProhibitsOperation;
    case Refusal::PendingTransfer: return EppResult::ObjectPendingTransfer;
    case Refusal::NotPendingTransfer: return EppResult::ObjectNotPendingTransfer;
    case Refusal::NotEligibleForRenewal: return EppResult::ObjectNotEligibleForRenewal;
    case Refusal::NotEligibleForTransfer: return EppResult::ObjectNotEligibleForTransfer;
    case Refusal::BillingFailure: return EppResult::BillingFailure;
    case Refusal::DataManagementPolicy: return EppResult::DataManagementPolicyViolation;
    case Refusal::CommandFailed: return EppResult::CommandFailed;
    }
    return EppResult::CommandFailed;
}

EppResponseContent refusalResponse(const srs::SrsError &error)
{
    EppResponseContent response;
    response.result = eppResultFor(error.refusal);
    response.message = error.message;
    if (!error.field.isEmpty()) {
        const qsizetype colon = error.field.indexOf(u':');
        const QString prefix = colon > 0 ? error.field.left(colon) : QString();
        const QString name = colon > 0 ? error.field.mid(colon + 1) : error.field;
        const QString uri = namespaceForPrefix(prefix);
        if (!uri.isEmpty() && isNcName(name)) {
            EppErrorValue value;
            value.namespaceUri = uri;
            value.elementName = name;
            value.value = error.value.size() > 64 ? error.value.left(64) : error.value;
            value.reason = error.message.isEmpty() ? QString(eppResultMessage(response.result)) : error.message;
            response.errorValue = value;
        }
    }
    return response;
}

EppResponseContent errorResponse(const EppError &error)
{
    EppResponseContent response;
    response.result = error.result;
    response.message = error.message;
    return response;
}

} // namespace reg::xrp
