#pragma once

#include "elementreader.h"

#include "xrp/eppresult.h"

#include "srs/host.h"

#include <QStringList>

class QXmlStreamWriter;

namespace reg::xrp {

// RFC 5732 host commands: <host:*> elements into the SRS request structs, and the <host:*Data> of
// the responses. Address syntax and the subordinate-host rules are the SRS's (IpAddressRules); the
// codec checks the schema: the ip attribute is "v4" (the default) or "v6". Pure functions; any thread.

EppOutcome<QStringList> parseHostCheck(const EppElement &check);
EppOutcome<QString> parseHostInfo(const EppElement &info);
EppOutcome<srs::HostCreateRequest> parseHostCreate(const EppElement &create);
EppOutcome<srs::HostUpdateRequest> parseHostUpdate(const EppElement &update);
EppOutcome<QString> parseHostDelete(const EppElement &remove);

void writeHostCheckData(QXmlStreamWriter &xml, const QList<srs::HostCheckResult> &results);
void writeHostInfoData(QXmlStreamWriter &xml, const srs::Host &host);
void writeHostCreateData(QXmlStreamWriter &xml, const srs::HostCreated &created);

} // namespace reg::xrp
