#include "domaincommandparser.h"

#include "customfieldscodec.h"
#include "rgpcodec.h"
#include "secdnscodec.h"

using namespace Qt::StringLiterals;

namespace reg::xrp {

EppOutcome<DomainCheckCommand> parseDomainCheckCommand(const EppElement &object, const CommandExtensions &extensions)
{
    EppOutcome<QStringList> names = parseDomainCheck(object);
    if (!names)
        return names.error();
    DomainCheckCommand command;
    command.names = std::move(names).value();
    if (extensions.fee) {
        EppOutcome<QList<FeeCheckQuery>> fee = parseFeeCheck(*extensions.fee);
        if (!fee)
            return fee.error();
        command.fee = std::move(fee).value();
    }
    return command;
}

EppOutcome<srs::DomainCreateRequest> parseDomainCreateCommand(const EppElement &object, const CommandExtensions &extensions)
{
    EppOutcome<srs::DomainCreateRequest> parsed = parseDomainCreate(object);
    if (!parsed)
        return parsed;
    srs::DomainCreateRequest request = std::move(parsed).value();
    if (extensions.secDns) {
        if (auto error = applySecDnsCreate(*extensions.secDns, request))
            return *error;
    }
    if (extensions.customFields) {
        if (auto error = applyCustomFieldsCreate(*extensions.customFields, request))
            return *error;
    }
    if (extensions.fee) {
        EppOutcome<qint64> fee = parseFeeTransform(*extensions.fee);
        if (!fee)
            return fee.error();
        request.acceptedFeeCents = *fee;
    }
    return request;
}

EppOutcome<DomainUpdateCommand> parseDomainUpdateCommand(const EppElement &object, const CommandExtensions &extensions)
{
    EppOutcome<srs::DomainUpdateRequest> parsed = parseDomainUpdate(object);
    if (!parsed)
        return parsed.error();
    DomainUpdateCommand command;
    command.update = std::move(parsed).value();
    if (extensions.secDns) {
        if (auto error = applySecDnsUpdate(*extensions.secDns, command.update))
            return *error;
    }
    if (extensions.customFields) {
        if (auto error = applyCustomFieldsUpdate(*extensions.customFields, command.update))
            return *error;
    }
    if (extensions.fee && !extensions.rgp)
        return EppError{EppResult::UnimplementedOption, u"fee:update applies to a restore (rgp:update) only"_s};
    if (extensions.rgp) {
        EppOutcome<srs::RestoreRequest> restore = parseRgpUpdate(*extensions.rgp, command.update.name);
        if (!restore)
            return restore.error();
        if (hasDomainChanges(command.update))
            return EppError{EppResult::ParameterValuePolicyError, u"a restore cannot be combined with other changes to the domain"_s};
        command.restore = std::move(restore).value();
        if (extensions.fee) {
            EppOutcome<qint64> fee = parseFeeTransform(*extensions.fee);
            if (!fee)
                return fee.error();
            command.restore->acceptedFeeCents = *fee;
        }
        return command;
    }
    if (!hasDomainChanges(command.update))
        return EppError{EppResult::RequiredParameterMissing,
                        u"domain:update changes nothing: give domain:add, domain:rem, domain:chg or an extension"_s};
    return command;
}

EppOutcome<srs::DomainRenewRequest> parseDomainRenewCommand(const EppElement &object, const CommandExtensions &extensions)
{
    EppOutcome<srs::DomainRenewRequest> parsed = parseDomainRenew(object);
    if (!parsed || !extensions.fee)
        return parsed;
    srs::DomainRenewRequest request = std::move(parsed).value();
    EppOutcome<qint64> fee = parseFeeTransform(*extensions.fee);
    if (!fee)
        return fee.error();
    request.acceptedFeeCents = *fee;
    return request;
}

EppOutcome<DomainTransferCommand> parseDomainTransferCommand(const EppElement &verb, const EppElement &object,
                                                             const CommandExtensions &extensions)
{
    EppOutcome<DomainTransferCommand> parsed = parseDomainTransfer(verb, object);
    if (!parsed || !extensions.fee)
        return parsed;
    DomainTransferCommand command = std::move(parsed).value();
    if (command.query || command.request.operation != srs::TransferOperation::Request)
        return EppError{EppResult::UnimplementedOption, u"fee:transfer applies to a transfer request only"_s};
    EppOutcome<qint64> fee = parseFeeTransform(*extensions.fee);
    if (!fee)
        return fee.error();
    command.request.acceptedFeeCents = *fee;
    return command;
}

} // namespace reg::xrp
