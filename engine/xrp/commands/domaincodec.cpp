#include "domaincodec.h"

#include "eppnamespaces.h"
#include "objectcodecsupport.h"
#include "xmlwriting.h"

#include <QXmlStreamWriter>

using namespace Qt::StringLiterals;

namespace reg::xrp {

namespace {

// The name of an object: eppcom:labelType, whitespace collapsed.
QString readName(ElementReader &reader, const EppElement *name)
{
    if (name && !reader.checkAttributes(name, {}))
        return {};
    return reader.token(name, 1, MaxLabelLength);
}

QString readContactId(ElementReader &reader, const EppElement *id)
{
    return reader.token(id, MinClientIdLength, MaxClientIdLength);
}

// <domain:ns> with hostObj names; hostAttr (names with addresses in the domain) is not offered
// here: name servers are host objects (RFC 5732), so hostAttr is 2102.
QStringList readNameServers(ElementReader &reader, const EppElement *ns)
{
    QStringList names;
    if (!ns || !reader.checkAttributes(ns, {}))
        return names;
    ElementReader inner(*ns);
    if (inner.peekName() == u"hostAttr") {
        reader.fail(EppResult::UnimplementedOption,
                    u"domain:hostAttr is not offered by this registry; create host objects and use domain:hostObj"_s);
        return names;
    }
    for (const EppElement *hostObj : inner.repeated(u"hostObj", 1, 13 * 4)) {
        if (!inner.checkAttributes(hostObj, {}))
            break;
        const QString name = inner.token(hostObj, 1, MaxLabelLength);
        if (names.contains(name, Qt::CaseInsensitive)) {
            inner.fail(EppResult::ParameterValueSyntaxError, u"domain:hostObj "_s + name.left(64) + u" is given twice"_s);
            break;
        }
        names.append(name);
    }
    inner.finish();
    if (!inner.ok())
        reader.fail(inner.error().result, inner.error().message);
    return names;
}

QList<srs::DomainContact> readContacts(ElementReader &reader, const QList<const EppElement *> &elements)
{
    QList<srs::DomainContact> contacts;
    for (const EppElement *element : elements) {
        if (!reader.checkAttributes(element, {u"type"}))
            return {};
        const std::optional<QString> type = reader.attribute(element, u"type");
        srs::DomainContact contact;
        if (!type) {
            reader.fail(EppResult::RequiredParameterMissing, u"domain:contact needs a type attribute"_s);
            return {};
        }
        if (*type == u"admin")
            contact.type = srs::DomainContact::Type::Admin;
        else if (*type == u"tech")
            contact.type = srs::DomainContact::Type::Tech;
        else if (*type == u"billing")
            contact.type = srs::DomainContact::Type::Billing;
        else {
            reader.fail(EppResult::ParameterValueSyntaxError,
                        u"domain:contact type \""_s + type->left(64) + u"\" is not admin, tech or billing"_s);
            return {};
        }
        contact.id = readContactId(reader, element);
        if (contacts.contains(contact)) {
            reader.fail(EppResult::ParameterValueSyntaxError,
                        u"domain:contact "_s + contact.id + u" is given twice with type "_s + *type);
            return {};
        }
        contacts.append(contact);
    }
    return contacts;
}

// The add or rem part of a domain update: ns?, contact*, status*.
struct AddOrRemove
{
    QStringList nameServers;
    QList<srs::DomainContact> contacts;
    srs::StatusSet statuses;
};

AddOrRemove readAddOrRemove(ElementReader &reader, const EppElement *element)
{
    AddOrRemove part;
    if (!element || !reader.checkAttributes(element, {}))
        return part;
    ElementReader inner(*element);
    part.nameServers = readNameServers(inner, inner.optional(u"ns"));
    part.contacts = readContacts(inner, inner.repeated(u"contact", 0, 64));
    part.statuses = readStatuses(inner, inner.repeated(u"status", 0, srs::kEppStatusCount));
    inner.finish();
    if (!inner.ok())
        reader.fail(inner.error().result, inner.error().message);
    return part;
}

QString dateOnly(const EppElement *element, ElementReader &reader, QDate *date)
{
    const QString text = reader.token(element, 10, 10);
    if (!reader.ok())
        return {};
    *date = QDate::fromString(text, Qt::ISODate);
    if (!date->isValid())
        reader.fail(EppResult::ParameterValueSyntaxError, qualifiedName(*element) + u": \""_s + text + u"\" is not a date (YYYY-MM-DD)"_s);
    return text;
}

} // namespace

srs::Period readPeriod(ElementReader &reader, const EppElement *period)
{
    srs::Period result;
    if (!period || !reader.checkAttributes(period, {u"unit"}))
        return result;
    const std::optional<QString> unit = reader.attribute(period, u"unit");
    if (!unit) {
        reader.fail(EppResult::RequiredParameterMissing, qualifiedName(*period) + u" needs a unit attribute (y or m)"_s);
        return result;
    }
    if (*unit != u"y" && *unit != u"m") {
        reader.fail(EppResult::ParameterValueSyntaxError, qualifiedName(*period) + u": unit \""_s + unit->left(8) + u"\" is not y or m"_s);
        return result;
    }
    const int value = reader.integer(period, 1, 99);
    if (!reader.ok())
        return result;
    if (*unit == u"m") {
        if (value % 12 != 0) {
            reader.fail(EppResult::ParameterValuePolicyError,
                        qualifiedName(*period) + u": registrations run in whole years; "_s + QString::number(value)
                            + u" months is not a multiple of 12"_s);
            return result;
        }
        result.years = value / 12;
    } else {
        result.years = value;
    }
    return result;
}

EppOutcome<QStringList> parseDomainCheck(const EppElement &check)
{
    return parseCheckList(check, u"name", MaxCheckNames, readName);
}

EppOutcome<DomainInfoQuery> parseDomainInfo(const EppElement &info)
{
    ElementReader reader(info);
    DomainInfoQuery query;
    const EppElement *name = reader.required(u"name");
    if (reader.checkAttributes(name, {u"hosts"})) {
        const std::optional<QString> hosts = reader.attribute(name, u"hosts");
        if (!hosts || *hosts == u"all")
            query.hosts = srs::HostsFilter::All;
        else if (*hosts == u"del")
            query.hosts = srs::HostsFilter::Delegated;
        else if (*hosts == u"sub")
            query.hosts = srs::HostsFilter::Subordinate;
        else if (*hosts == u"none")
            query.hosts = srs::HostsFilter::None;
        else
            reader.fail(EppResult::ParameterValueSyntaxError, u"domain:name hosts \""_s + hosts->left(16) + u"\" is not all, del, sub or none"_s);
        query.name = reader.token(name, 1, MaxLabelLength);
    }
    if (const EppElement *authInfo = reader.optional(u"authInfo"))
        query.authInfo = readAuthInfo(reader, authInfo, true);
    return finished(reader, query);
}

EppOutcome<srs::DomainCreateRequest> parseDomainCreate(const EppElement &create)
{
    ElementReader reader(create);
    srs::DomainCreateRequest request;
    request.name = readName(reader, reader.required(u"name"));
    if (const EppElement *period = reader.optional(u"period"))
        request.period = readPeriod(reader, period);
    request.nameServers = readNameServers(reader, reader.optional(u"ns"));
    if (const EppElement *registrant = reader.optional(u"registrant")) {
        if (reader.checkAttributes(registrant, {}))
            request.registrantId = readContactId(reader, registrant);
    }
    request.contacts = readContacts(reader, reader.repeated(u"contact", 0, 64));
    request.authInfo = readAuthInfo(reader, reader.required(u"authInfo"), false);
    return finished(reader, std::move(request));
}

EppOutcome<srs::DomainUpdateRequest> parseDomainUpdate(const EppElement &update)
{
    ElementReader reader(update);
    srs::DomainUpdateRequest request;
    request.name = readName(reader, reader.required(u"name"));
    if (const EppElement *add = reader.optional(u"add")) {
        AddOrRemove part = readAddOrRemove(reader, add);
        request.addNameServers = part.nameServers;
        request.addContacts = part.contacts;
        request.addStatuses = part.statuses;
    }
    if (const EppElement *rem = reader.optional(u"rem")) {
        AddOrRemove part = readAddOrRemove(reader, rem);
        request.removeNameServers = part.nameServers;
        request.removeContacts = part.contacts;
        request.removeStatuses = part.statuses;
    }
    if (const EppElement *chg = reader.optional(u"chg"); chg && reader.checkAttributes(chg, {})) {
        ElementReader inner(*chg);
        if (const EppElement *registrant = inner.optional(u"registrant")) {
            // RFC 5731 allows an empty registrant in chg (remove it); the SRS decides whether it may.
            const QString id = inner.token(registrant, 0, MaxClientIdLength);
            if (inner.ok() && !id.isEmpty() && id.size() < MinClientIdLength)
                inner.fail(EppResult::ParameterValueSyntaxError, u"domain:registrant must be 3 to 16 characters"_s);
            request.registrantId = id;
        }
        if (const EppElement *authInfo = inner.optional(u"authInfo"))
            request.authInfo = readAuthInfo(inner, authInfo, false, true);
        inner.finish();
        if (!inner.ok())
            reader.fail(inner.error().result, inner.error().message);
    }
    return finished(reader, std::move(request));
}

bool hasDomainChanges(const srs::DomainUpdateRequest &request)
{
    return !request.addNameServers.isEmpty() || !request.removeNameServers.isEmpty() || !request.addContacts.isEmpty()
           || !request.removeContacts.isEmpty() || !request.addStatuses.isEmpty() || !request.removeStatuses.isEmpty()
           || request.registrantId || request.authInfo || request.removeAllDs || !request.removeDs.isEmpty()
           || !request.addDs.isEmpty() || request.maxSigLife || !request.setCustomFields.isEmpty()
           || !request.removeCustomFields.isEmpty();
}

EppOutcome<QString> parseDomainDelete(const EppElement &remove)
{
    ElementReader reader(remove);
    const QString name = readName(reader, reader.required(u"name"));
    return finished(reader, name);
}

EppOutcome<srs::DomainRenewRequest> parseDomainRenew(const EppElement &renew)
{
    ElementReader reader(renew);
    srs::DomainRenewRequest request;
    request.name = readName(reader, reader.required(u"name"));
    const EppElement *expiry = reader.required(u"curExpDate");
    if (expiry && reader.checkAttributes(expiry, {}))
        dateOnly(expiry, reader, &request.currentExpiryDate);
    if (const EppElement *period = reader.optional(u"period"))
        request.period = readPeriod(reader, period);
    return finished(reader, std::move(request));
}

EppOutcome<DomainTransferCommand> parseDomainTransfer(const EppElement &verb, const EppElement &transfer)
{
    ElementReader reader(transfer);
    DomainTransferCommand command;
    const std::optional<QString> op = readTransferOperation(reader, verb);
    if (op) {
        command.query = *op == u"query";
        if (*op == u"approve")
            command.request.operation = srs::TransferOperation::Approve;
        else if (*op == u"reject")
            command.request.operation = srs::TransferOperation::Reject;
        else if (*op == u"cancel")
            command.request.operation = srs::TransferOperation::Cancel;
        else
            command.request.operation = srs::TransferOperation::Request;
    }
    command.request.name = readName(reader, reader.required(u"name"));
    if (const EppElement *period = reader.optional(u"period")) {
        if (op && *op != u"request")
            reader.fail(EppResult::CommandSyntaxError, u"domain:period is only allowed in a transfer request"_s);
        command.request.period = readPeriod(reader, period);
    }
    if (const EppElement *authInfo = reader.optional(u"authInfo"))
        command.request.authInfo = readAuthInfo(reader, authInfo, true);
    return finished(reader, std::move(command));
}

QString transferStatusToken(srs::TransferStatus status)
{
    switch (status) {
    case srs::TransferStatus::Pending: return u"pending"_s;
    case srs::TransferStatus::ClientApproved: return u"clientApproved"_s;
    case srs::TransferStatus::ClientCancelled: return u"clientCancelled"_s;
    case srs::TransferStatus::ClientRejected: return u"clientRejected"_s;
    case srs::TransferStatus::ServerApproved: return u"serverApproved"_s;
    case srs::TransferStatus::ServerCancelled: return u"serverCancelled"_s;
    }
    return u"pending"_s;
}

void writeDomainCheckData(QXmlStreamWriter &xml, const QList<srs::DomainCheckResult> &results)
{
    const QString ns = DomainNamespace.toString();
    xml.writeNamespace(ns, u"domain"_s);
    xml.writeStartElement(ns, u"chkData"_s);
    for (const srs::DomainCheckResult &result : results) {
        xml.writeStartElement(ns, u"cd"_s);
        xml.writeStartElement(ns, u"name"_s);
        xml.writeAttribute(u"avail"_s, result.available ? u"1"_s : u"0"_s);
        xml.writeCharacters(result.name);
        xml.writeEndElement();
        if (!result.available && !result.reason.isEmpty())
            writeCheckReason(xml, ns, result.reason);
        xml.writeEndElement(); // cd
    }
    xml.writeEndElement();
}

void writeDomainInfoData(QXmlStreamWriter &xml, const srs::DomainInfoResult &info, srs::HostsFilter hosts,
                         bool callerIsSponsor)
{
    const QString ns = DomainNamespace.toString();
    const srs::Domain &domain = info.domain;
    xml.writeNamespace(ns, u"domain"_s);
    xml.writeStartElement(ns, u"infData"_s);
    xml.writeTextElement(ns, u"name"_s, domain.name);
    xml.writeTextElement(ns, u"roid"_s, domain.roid);
    writeStatuses(xml, ns, domain.statuses);
    if (info.full) {
        if (!domain.registrantId.isEmpty())
            xml.writeTextElement(ns, u"registrant"_s, domain.registrantId);
        for (const srs::DomainContact &contact : domain.contacts) {
            xml.writeStartElement(ns, u"contact"_s);
            xml.writeAttribute(u"type"_s, contact.type == srs::DomainContact::Type::Admin  ? u"admin"_s
                                          : contact.type == srs::DomainContact::Type::Tech ? u"tech"_s
                                                                                           : u"billing"_s);
            xml.writeCharacters(contact.id);
            xml.writeEndElement();
        }
        const bool delegated = hosts == srs::HostsFilter::All || hosts == srs::HostsFilter::Delegated;
        const bool subordinate = hosts == srs::HostsFilter::All || hosts == srs::HostsFilter::Subordinate;
        if (delegated && !domain.nameServers.isEmpty()) {
            xml.writeStartElement(ns, u"ns"_s);
            for (const QString &host : domain.nameServers)
                xml.writeTextElement(ns, u"hostObj"_s, host);
            xml.writeEndElement();
        }
        if (subordinate) {
            for (const QString &host : domain.subordinateHosts)
                xml.writeTextElement(ns, u"host"_s, host);
        }
    }
    xml.writeTextElement(ns, u"clID"_s, domain.sponsorId);
    if (info.full && !domain.creatorId.isEmpty())
        xml.writeTextElement(ns, u"crID"_s, domain.creatorId);
    if (domain.createdAt.isValid())
        writeDateElement(xml, ns, u"crDate", domain.createdAt);
    if (info.full && !domain.updaterId.isEmpty())
        xml.writeTextElement(ns, u"upID"_s, domain.updaterId);
    if (domain.updatedAt)
        writeDateElement(xml, ns, u"upDate", *domain.updatedAt);
    if (domain.expiresAt.isValid())
        writeDateElement(xml, ns, u"exDate", domain.expiresAt);
    if (domain.transferredAt)
        writeDateElement(xml, ns, u"trDate", *domain.transferredAt);
    if (info.full && callerIsSponsor) {
        xml.writeStartElement(ns, u"authInfo"_s);
        xml.writeEmptyElement(ns, u"pw"_s);
        xml.writeEndElement();
    }
    xml.writeEndElement(); // infData
}

void writeDomainCreateData(QXmlStreamWriter &xml, const srs::DomainCreated &created)
{
    const QString ns = DomainNamespace.toString();
    xml.writeNamespace(ns, u"domain"_s);
    xml.writeStartElement(ns, u"creData"_s);
    xml.writeTextElement(ns, u"name"_s, created.name);
    writeDateElement(xml, ns, u"crDate", created.createdAt);
    if (created.expiresAt.isValid())
        writeDateElement(xml, ns, u"exDate", created.expiresAt);
    xml.writeEndElement();
}

void writeDomainRenewData(QXmlStreamWriter &xml, const srs::DomainRenewed &renewed)
{
    const QString ns = DomainNamespace.toString();
    xml.writeNamespace(ns, u"domain"_s);
    xml.writeStartElement(ns, u"renData"_s);
    xml.writeTextElement(ns, u"name"_s, renewed.name);
    if (renewed.expiresAt.isValid())
        writeDateElement(xml, ns, u"exDate", renewed.expiresAt);
    xml.writeEndElement();
}

void writeTransferParties(QXmlStreamWriter &xml, const QString &ns, const srs::TransferInfo &transfer)
{
    xml.writeTextElement(ns, u"trStatus"_s, transferStatusToken(transfer.status));
    xml.writeTextElement(ns, u"reID"_s, transfer.requestingId);
    writeDateElement(xml, ns, u"reDate", transfer.requestedAt);
    xml.writeTextElement(ns, u"acID"_s, transfer.actingId);
    writeDateElement(xml, ns, u"acDate", transfer.actionAt);
}

void writeDomainTransferData(QXmlStreamWriter &xml, const srs::TransferInfo &transfer)
{
    const QString ns = DomainNamespace.toString();
    xml.writeNamespace(ns, u"domain"_s);
    xml.writeStartElement(ns, u"trnData"_s);
    xml.writeTextElement(ns, u"name"_s, transfer.objectName);
    writeTransferParties(xml, ns, transfer);
    if (transfer.expiresAt)
        writeDateElement(xml, ns, u"exDate", *transfer.expiresAt);
    xml.writeEndElement();
}

} // namespace reg::xrp
