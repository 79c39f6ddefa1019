#pragma once

#include "elementreader.h"

#include "xrp/eppresult.h"

#include "srs/domain.h"

#include <QStringList>

class QXmlStreamWriter;

namespace reg::xrp {

// RFC 5731 domain commands: parsing the <domain:*> element of a command into the SRS request
// structs, and writing the <domain:*Data> of the responses. Parsing checks what the schema says
// (elements, order, lengths, forms); registry rules (name syntax, TLDs, policy) are the SRS's.
// Pure functions; any thread.

// A registrar may ask about this many names in one check; more is a policy refusal (2306).
inline constexpr int MaxCheckNames = 100;

// domain:periodType: unit "y" or "m" (months only as whole years, else 2306), value 1-99 (2004).
srs::Period readPeriod(ElementReader &reader, const EppElement *period);

struct DomainInfoQuery
{
    QString name;
    srs::HostsFilter hosts = srs::HostsFilter::All;
    std::optional<QString> authInfo;
};

// A transfer command: query (a read) or one of the four operations (writes).
struct DomainTransferCommand
{
    bool query = false;
    srs::DomainTransferRequest request;
};

EppOutcome<QStringList> parseDomainCheck(const EppElement &check);
EppOutcome<DomainInfoQuery> parseDomainInfo(const EppElement &info);
EppOutcome<srs::DomainCreateRequest> parseDomainCreate(const EppElement &create);
EppOutcome<srs::DomainUpdateRequest> parseDomainUpdate(const EppElement &update);
EppOutcome<QString> parseDomainDelete(const EppElement &remove);
EppOutcome<srs::DomainRenewRequest> parseDomainRenew(const EppElement &renew);
// `verb` is the <transfer> element carrying the op attribute.
EppOutcome<DomainTransferCommand> parseDomainTransfer(const EppElement &verb, const EppElement &transfer);

// Whether an update changes anything besides what its extensions carry (a restore must not).
bool hasDomainChanges(const srs::DomainUpdateRequest &request);

void writeDomainCheckData(QXmlStreamWriter &xml, const QList<srs::DomainCheckResult> &results);
// callerIsSponsor: RFC 9154, the sponsor sees an empty <domain:pw/>, nobody ever sees the value.
void writeDomainInfoData(QXmlStreamWriter &xml, const srs::DomainInfoResult &info, srs::HostsFilter hosts,
                         bool callerIsSponsor);
void writeDomainCreateData(QXmlStreamWriter &xml, const srs::DomainCreated &created);
void writeDomainRenewData(QXmlStreamWriter &xml, const srs::DomainRenewed &renewed);
void writeDomainTransferData(QXmlStreamWriter &xml, const srs::TransferInfo &transfer);

// The trStatus token of RFC 5730 ("pending", "clientApproved" ...).
QString transferStatusToken(srs::TransferStatus status);
// trStatus, reID, reDate, acID, acDate: the part of trnData domains and contacts share (RFC 5731/5733).
void writeTransferParties(QXmlStreamWriter &xml, const QString &ns, const srs::TransferInfo &transfer);

} // namespace reg::xrp
