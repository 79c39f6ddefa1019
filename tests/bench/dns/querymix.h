#pragma once

#include "core/result.h"
#include "delegationpopulator.h"

#include <QString>

namespace reg::bench {

// What a query file holds, by kind.
struct QueryMix
{
    qint64 delegations = 0;   // names at or below an existing delegation (referrals, DS answers)
    qint64 nonexistent = 0;   // names that do not exist (NXDOMAIN)
    qint64 apex = 0;          // the zone's apex (SOA, NS; A and MX for NODATA)
    qint64 total() const { return delegations + nonexistent + apex; }
};

// Writes `count` queries in dnsperf's format ("name type" per line): about 80% names of existing
// delegations (A, AAAA, NS, MX and DS at the cut, A below it), 10% names that do not exist, 10%
// the apex. The same seed gives the same file, so every server gets the same questions.
Result<QueryMix> writeQueryFile(const QString &path, const DelegationRegistry &registry, qint64 count, quint32 seed);

} // namespace reg::bench
