#pragma once

#include "xrp/eppresponsewriter.h"
#include "xrp/eppresult.h"

#include "srs/srserror.h"

namespace reg::xrp {

// The one place SRS refusals become RFC 5730 result codes (srserror.h documents the intent).
EppResult eppResultFor(srs::Refusal refusal);

// A refused command's response: the code, the SRS message as <msg>, and when the refusal names the
// field and value that caused it, an <extValue> with them (the value cut to 64 characters, the
// field's prefix resolved to its namespace: "domain:name" -> domain-1.0 <name>).
EppResponseContent refusalResponse(const srs::SrsError &error);

// A refusal found while parsing (EppError from a codec).
EppResponseContent errorResponse(const EppError &error);

} // namespace reg::xrp
