#pragma once

#include "core/engineconfig.h"
#include "core/result.h"
#include "delegationpopulator.h"

#include <QString>

namespace reg::bench {

// A master file (RFC 1035 5) of the delegations DelegationPopulator loaded, with the apex the
// [dns] configuration describes. Only a stand-in for `registryd zone export` while that command
// is missing: it knows nothing of the registry's other domains, so the benchmark says when it
// used it. The export is what makes NSD and Knot serve exactly registryd's zone.
Result<void> writeDelegationZoneFile(const QString &path, const DelegationRegistry &registry, const DnsConfig &dns);

} // namespace reg::bench
