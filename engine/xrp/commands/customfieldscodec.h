#pragma once

#include "xrp/eppelement.h"
#include "xrp/eppresult.h"

#include "srs/domain.h"

#include <optional>

class QXmlStreamWriter;

namespace reg::xrp {

// Our custom-fields extension (urn:registryd:params:xml:ns:customFields-1.0, schema in
// resources/epp-xsd/customFields-1.0.xsd, described in docs/xrp-custom-fields.md): a registrar's
// own name/value pairs on a domain, which Whois shows under "Additional Information". Names are
// 1-64 of [A-Za-z0-9_.-], values 0-255 characters without control characters; a name appears at
// most once per command. Pure functions; any thread.

// <cf:create> into the create request.
std::optional<EppError> applyCustomFieldsCreate(const EppElement &create, srs::DomainCreateRequest &request);
// <cf:update> with <cf:set> fields and <cf:rem> names into the update request.
std::optional<EppError> applyCustomFieldsUpdate(const EppElement &update, srs::DomainUpdateRequest &request);

// <cf:infData>; nothing when the object has no fields.
void writeCustomFieldsInfoData(QXmlStreamWriter &xml, const QList<srs::CustomField> &fields);

} // namespace reg::xrp
