#pragma once

#include "domaincodec.h"
#include "elementreader.h"

#include "xrp/eppresult.h"

#include "srs/contact.h"

#include <QStringList>

class QXmlStreamWriter;

namespace reg::xrp {

// RFC 5733 contact commands: <contact:*> elements into the SRS request structs, and the
// <contact:*Data> of the responses. The codec checks the schema's forms (clIDType ids, e164 phone
// numbers, 2-letter country codes, 7-bit ASCII in "int" postal info, disclose flags and children);
// the privacy mapping of disclose is the SRS's. Pure functions; any thread.

struct ContactInfoQuery
{
    QString id;
    std::optional<QString> authInfo;
};

struct ContactTransferCommand
{
    bool query = false;
    srs::TransferOperation operation = srs::TransferOperation::Request;
    QString id;
    std::optional<QString> authInfo;
};

EppOutcome<QStringList> parseContactCheck(const EppElement &check);
EppOutcome<ContactInfoQuery> parseContactInfo(const EppElement &info);
EppOutcome<srs::ContactCreateRequest> parseContactCreate(const EppElement &create);
// A postalInfo in chg replaces that form as a whole here, so it must carry name and addr (2306).
EppOutcome<srs::ContactUpdateRequest> parseContactUpdate(const EppElement &update);
EppOutcome<QString> parseContactDelete(const EppElement &remove);
EppOutcome<ContactTransferCommand> parseContactTransfer(const EppElement &verb, const EppElement &transfer);

void writeContactCheckData(QXmlStreamWriter &xml, const QList<srs::ContactCheckResult> &results);
// Only for a full result (the schema requires postal info and email in infData; the dispatcher
// answers 2201 to a caller who may not see them). callerIsSponsor: the empty <contact:pw/> and the
// disclose preferences derived from the privacy level are shown to the sponsor only.
void writeContactInfoData(QXmlStreamWriter &xml, const srs::ContactInfoResult &info, bool callerIsSponsor);
void writeContactCreateData(QXmlStreamWriter &xml, const srs::ContactCreated &created);
void writeContactTransferData(QXmlStreamWriter &xml, const srs::TransferInfo &transfer);

} // namespace reg::xrp
