#include "hostcodec.h"

#include "domaincodec.h"
#include "eppnamespaces.h"
#include "objectcodecsupport.h"
#include "xmlwriting.h"

#include <QXmlStreamWriter>

using namespace Qt::StringLiterals;

namespace reg::xrp {

namespace {

// The SRS allows 13 addresses per family; a command with more than both families' worth is
// refused here already (2306).
constexpr int MaxAddresses = 26;
// The longest IPv6 text form with an embedded IPv4 address is 45 characters.
constexpr int MaxAddressLength = 45;

QString readHostName(ElementReader &reader, const EppElement *name)
{
    if (name && !reader.checkAttributes(name, {}))
        return {};
    return reader.token(name, 1, MaxLabelLength);
}

QList<srs::HostAddress> readAddresses(ElementReader &reader, const QList<const EppElement *> &elements)
{
    QList<srs::HostAddress> addresses;
    for (const EppElement *element : elements) {
        if (!reader.checkAttributes(element, {u"ip"}))
            return {};
        srs::HostAddress address;
        const std::optional<QString> ip = reader.attribute(element, u"ip");
        if (!ip || *ip == u"v4") {
            address.version = srs::IpVersion::V4;
        } else if (*ip == u"v6") {
            address.version = srs::IpVersion::V6;
        } else {
            reader.fail(EppResult::ParameterValueSyntaxError, u"host:addr ip \""_s + ip->left(16) + u"\" is not v4 or v6"_s);
            return {};
        }
        address.address = reader.token(element, 3, MaxAddressLength);
        if (!reader.ok())
            return {};
        if (addresses.contains(address)) {
            reader.fail(EppResult::ParameterValueSyntaxError, u"host:addr "_s + address.address + u" is given twice"_s);
            return {};
        }
        addresses.append(address);
    }
    return addresses;
}

struct AddOrRemove
{
    QList<srs::HostAddress> addresses;
    srs::StatusSet statuses;
};

AddOrRemove readAddOrRemove(ElementReader &reader, const EppElement *element)
{
    AddOrRemove part;
    if (!element || !reader.checkAttributes(element, {}))
        return part;
    ElementReader inner(*element);
    part.addresses = readAddresses(inner, inner.repeated(u"addr", 0, MaxAddresses, EppResult::ParameterValuePolicyError));
    part.statuses = readStatuses(inner, inner.repeated(u"status", 0, srs::kEppStatusCount));
    inner.finish();
    if (!inner.ok())
        reader.fail(inner.error().result, inner.error().message);
    return part;
}

} // namespace

EppOutcome<QStringList> parseHostCheck(const EppElement &check)
{
    return parseCheckList(check, u"name", MaxCheckNames, readHostName);
}

EppOutcome<QString> parseHostInfo(const EppElement &info)
{
    ElementReader reader(info);
    const QString name = readHostName(reader, reader.required(u"name"));
    return finished(reader, name);
}

EppOutcome<srs::HostCreateRequest> parseHostCreate(const EppElement &create)
{
    ElementReader reader(create);
    srs::HostCreateRequest request;
    request.name = readHostName(reader, reader.required(u"name"));
    request.addresses = readAddresses(reader, reader.repeated(u"addr", 0, MaxAddresses, EppResult::ParameterValuePolicyError));
    return finished(reader, std::move(request));
}

EppOutcome<srs::HostUpdateRequest> parseHostUpdate(const EppElement &update)
{
    ElementReader reader(update);
    srs::HostUpdateRequest request;
    request.name = readHostName(reader, reader.required(u"name"));
    if (const EppElement *add = reader.optional(u"add")) {
        AddOrRemove part = readAddOrRemove(reader, add);
        request.addAddresses = part.addresses;
        request.addStatuses = part.statuses;
    }
    if (const EppElement *rem = reader.optional(u"rem")) {
        AddOrRemove part = readAddOrRemove(reader, rem);
        request.removeAddresses = part.addresses;
        request.removeStatuses = part.statuses;
    }
    if (const EppElement *chg = reader.optional(u"chg"); chg && reader.checkAttributes(chg, {})) {
        ElementReader inner(*chg);
        request.newName = readHostName(inner, inner.required(u"name"));
        inner.finish();
        if (!inner.ok())
            reader.fail(inner.error().result, inner.error().message);
    }
    // RFC 5732 3.2.5: at least one of add, rem and chg.
    if (reader.ok() && request.addAddresses.isEmpty() && request.removeAddresses.isEmpty() && request.addStatuses.isEmpty()
        && request.removeStatuses.isEmpty() && !request.newName)
        reader.fail(EppResult::RequiredParameterMissing, u"host:update changes nothing: give host:add, host:rem or host:chg"_s);
    return finished(reader, std::move(request));
}

EppOutcome<QString> parseHostDelete(const EppElement &remove)
{
    ElementReader reader(remove);
    const QString name = readHostName(reader, reader.required(u"name"));
    return finished(reader, name);
}

void writeHostCheckData(QXmlStreamWriter &xml, const QList<srs::HostCheckResult> &results)
{
    const QString ns = HostNamespace.toString();
    xml.writeNamespace(ns, u"host"_s);
    xml.writeStartElement(ns, u"chkData"_s);
    for (const srs::HostCheckResult &result : results) {
        xml.writeStartElement(ns, u"cd"_s);
        xml.writeStartElement(ns, u"name"_s);
        xml.writeAttribute(u"avail"_s, result.available ? u"1"_s : u"0"_s);
        xml.writeCharacters(result.name);
        xml.writeEndElement();
        if (!result.available && !result.reason.isEmpty())
            writeCheckReason(xml, ns, result.reason);
        xml.writeEndElement();
    }
    xml.writeEndElement();
}

void writeHostInfoData(QXmlStreamWriter &xml, const srs::Host &host)
{
    const QString ns = HostNamespace.toString();
    xml.writeNamespace(ns, u"host"_s);
    xml.writeStartElement(ns, u"infData"_s);
    xml.writeTextElement(ns, u"name"_s, host.name);
    xml.writeTextElement(ns, u"roid"_s, host.roid);
    // The schema wants at least one status; a host always has "ok" or others (normalized by the SRS).
    srs::StatusSet statuses = host.statuses;
    if (statuses.isEmpty())
        statuses.insert(srs::EppStatus::Ok);
    writeStatuses(xml, ns, statuses);
    for (const srs::HostAddress &address : host.addresses) {
        xml.writeStartElement(ns, u"addr"_s);
        xml.writeAttribute(u"ip"_s, address.version == srs::IpVersion::V6 ? u"v6"_s : u"v4"_s);
        xml.writeCharacters(address.address);
        xml.writeEndElement();
    }
    xml.writeTextElement(ns, u"clID"_s, host.sponsorId);
    xml.writeTextElement(ns, u"crID"_s, host.creatorId);
    writeDateElement(xml, ns, u"crDate", host.createdAt);
    if (!host.updaterId.isEmpty())
        xml.writeTextElement(ns, u"upID"_s, host.updaterId);
    if (host.updatedAt)
        writeDateElement(xml, ns, u"upDate", *host.updatedAt);
    if (host.transferredAt)
        writeDateElement(xml, ns, u"trDate", *host.transferredAt);
    xml.writeEndElement();
}

void writeHostCreateData(QXmlStreamWriter &xml, const srs::HostCreated &created)
{
    const QString ns = HostNamespace.toString();
    xml.writeNamespace(ns, u"host"_s);
    xml.writeStartElement(ns, u"creData"_s);
    xml.writeTextElement(ns, u"name"_s, created.name);
    writeDateElement(xml, ns, u"crDate", created.createdAt);
    xml.writeEndElement();
}

} // namespace reg::xrp
