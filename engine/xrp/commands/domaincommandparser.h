#pragma once

#include "commandrouting.h"
#include "domaincodec.h"
#include "feecodec.h"

#include "srs/domain.h"

#include <optional>

namespace reg::xrp {

// The domain commands with their extensions applied: what the dispatcher hands the SRS, built
// without touching it so the whole parse step is testable. Pure functions; any thread.

struct DomainCheckCommand
{
    QStringList names;
    std::optional<QList<FeeCheckQuery>> fee;   // set when fee:check came with it
};

// A domain update is either an update (with secDNS / custom-fields changes) or, with rgp:update,
// a restore request or report (which may carry fee:update, and nothing else).
struct DomainUpdateCommand
{
    srs::DomainUpdateRequest update;
    std::optional<srs::RestoreRequest> restore;
};

EppOutcome<DomainCheckCommand> parseDomainCheckCommand(const EppElement &object, const CommandExtensions &extensions);
EppOutcome<srs::DomainCreateRequest> parseDomainCreateCommand(const EppElement &object, const CommandExtensions &extensions);
EppOutcome<DomainUpdateCommand> parseDomainUpdateCommand(const EppElement &object, const CommandExtensions &extensions);
EppOutcome<srs::DomainRenewRequest> parseDomainRenewCommand(const EppElement &object, const CommandExtensions &extensions);
EppOutcome<DomainTransferCommand> parseDomainTransferCommand(const EppElement &verb, const EppElement &object,
                                                             const CommandExtensions &extensions);

} // namespace reg::xrp
