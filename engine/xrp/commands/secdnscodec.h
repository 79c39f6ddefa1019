#pragma once

#include "xrp/eppelement.h"
#include "xrp/eppresult.h"

#include "srs/domain.h"

#include <optional>

class QXmlStreamWriter;

namespace reg::xrp {

// RFC 5910 secDNS-1.1, the DS data interface only: the registry publishes DS records it is given;
// the key data interface (keyData, and keyData inside dsData) is refused with 2102, as is the
// urgent attribute. Digests are hex, stored upper-case. Pure functions; any thread.

// <secDNS:create> into the create request.
std::optional<EppError> applySecDnsCreate(const EppElement &create, srs::DomainCreateRequest &request);
// <secDNS:update> (rem all / rem dsData, add dsData, chg maxSigLife) into the update request.
std::optional<EppError> applySecDnsUpdate(const EppElement &update, srs::DomainUpdateRequest &request);

// <secDNS:infData> for a domain info answer; writes nothing when there is nothing to say.
void writeSecDnsInfoData(QXmlStreamWriter &xml, const QList<srs::DsRecord> &records, std::optional<int> maxSigLife);

} // namespace reg::xrp
