#pragma once

#include "xrp/eppelement.h"
#include "xrp/eppresult.h"

#include "srs/domain.h"

class QXmlStreamWriter;

namespace reg::xrp {

// RFC 3915 rgp-1.0: the restore request and the restore report carried by a domain update, and the
// rgpStatus values shown in domain info and in the update response. Report data is taken as text
// (structured preData/postData markup is refused with 2102). Pure functions; any thread.

// <rgp:update> for the domain `domainName`.
EppOutcome<srs::RestoreRequest> parseRgpUpdate(const EppElement &update, const QString &domainName);

QString rgpStatusToken(srs::GracePeriod period);   // "addPeriod", "redemptionPeriod" ...

// <rgp:infData> with one rgpStatus per period; nothing when there are none (the schema needs one).
void writeRgpInfoData(QXmlStreamWriter &xml, const QList<srs::GracePeriod> &periods);
// <rgp:upData> answering a restore: pendingRestore after the request.
void writeRgpUpdateData(QXmlStreamWriter &xml, srs::GracePeriod period);

} // namespace reg::xrp
