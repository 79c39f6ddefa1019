#include "contactcodec.h"

#include "eppnamespaces.h"
#include "objectcodecsupport.h"
#include "xmlwriting.h"

#include <QXmlStreamWriter>

using namespace Qt::StringLiterals;

namespace reg::xrp {

namespace {

constexpr int MaxPostalLine = 255;
constexpr int MaxPostalCode = 16;
constexpr int MaxEmailLength = 254;   // RFC 5321's limit on a forward path

QString readId(ElementReader &reader, const EppElement *id)
{
    if (id && !reader.checkAttributes(id, {}))
        return {};
    return reader.token(id, MinClientIdLength, MaxClientIdLength);
}

bool isAscii(QStringView text)
{
    for (QChar c : text) {
        if (c.unicode() >= 0x80)
            return false;
    }
    return true;
}

std::optional<srs::PostalInfo::Type> readPostalType(ElementReader &reader, const EppElement *element)
{
    const std::optional<QString> type = reader.attribute(element, u"type");
    if (!reader.ok())
        return std::nullopt;
    if (!type) {
        reader.fail(EppResult::RequiredParameterMissing, qualifiedName(*element) + u" needs a type attribute (int or loc)"_s);
        return std::nullopt;
    }
    if (*type == u"int")
        return srs::PostalInfo::Type::International;
    if (*type == u"loc")
        return srs::PostalInfo::Type::Localized;
    reader.fail(EppResult::ParameterValueSyntaxError, qualifiedName(*element) + u" type \""_s + type->left(16) + u"\" is not int or loc"_s);
    return std::nullopt;
}

// A postalInfo: name, org?, addr(street{0,3}, city, sp?, pc?, cc). In a chg every part is optional
// by the schema; `complete` demands name and addr (2306: we replace a form as a whole).
srs::PostalInfo readPostalInfo(ElementReader &outer, const EppElement *element, bool complete)
{
    srs::PostalInfo info;
    if (!element || !outer.checkAttributes(element, {u"type"}))
        return info;
    if (const auto type = readPostalType(outer, element))
        info.type = *type;
    ElementReader reader(*element);
    const EppElement *name = complete ? reader.required(u"name") : reader.optional(u"name");
    info.name = reader.token(name, 1, MaxPostalLine);
    if (const EppElement *org = reader.optional(u"org"))
        info.org = reader.token(org, 0, MaxPostalLine);
    const EppElement *addr = complete ? reader.required(u"addr") : reader.optional(u"addr");
    if (addr && reader.checkAttributes(addr, {})) {
        ElementReader address(*addr);
        for (const EppElement *street : address.repeated(u"street", 0, 3))
            info.street.append(address.token(street, 0, MaxPostalLine));
        info.city = address.token(address.required(u"city"), 1, MaxPostalLine);
        if (const EppElement *sp = address.optional(u"sp"))
            info.sp = address.token(sp, 0, MaxPostalLine);
        if (const EppElement *pc = address.optional(u"pc"))
            info.pc = address.token(pc, 0, MaxPostalCode);
        const EppElement *cc = address.required(u"cc");
        info.cc = address.token(cc, 2, 2);
        if (address.ok() && !(info.cc[0].isLetter() && info.cc[1].isLetter() && isAscii(info.cc)))
            address.fail(EppResult::ParameterValueSyntaxError, u"contact:cc \""_s + info.cc + u"\" is not a two-letter country code"_s);
        info.cc = info.cc.toUpper();
        address.finish();
        if (!address.ok())
            reader.fail(address.error().result, address.error().message);
    }
    reader.finish();
    if (!reader.ok()) {
        outer.fail(reader.error().result, reader.error().message);
        return info;
    }
    if (!complete && (info.name.isEmpty() || !addr)) {
        outer.fail(EppResult::ParameterValuePolicyError,
                   u"contact:postalInfo in contact:chg replaces the whole form here: give contact:name and contact:addr"_s);
        return info;
    }
    if (info.type == srs::PostalInfo::Type::International) {
        const QString all = info.name + info.org + info.street.join(QString()) + info.city + info.sp + info.pc;
        if (!isAscii(all))
            outer.fail(EppResult::ParameterValueSyntaxError,
                       u"contact:postalInfo type=\"int\" must be in 7-bit ASCII (use type=\"loc\" for other scripts)"_s);
    }
    return info;
}

QList<srs::PostalInfo> readPostalInfos(ElementReader &reader, int min, bool complete)
{
    QList<srs::PostalInfo> forms;
    for (const EppElement *element : reader.repeated(u"postalInfo", min, 2)) {
        const srs::PostalInfo info = readPostalInfo(reader, element, complete);
        if (!reader.ok())
            return {};
        if (!forms.isEmpty() && forms.front().type == info.type) {
            reader.fail(EppResult::ParameterValueSyntaxError, u"contact:postalInfo: at most one of each type (int, loc)"_s);
            return {};
        }
        forms.append(info);
    }
    return forms;
}

srs::PhoneNumber readPhone(ElementReader &reader, const EppElement *element)
{
    srs::PhoneNumber phone;
    if (!element || !reader.checkAttributes(element, {u"x"}))
        return phone;
    phone.number = reader.token(element, 0, 17);
    if (const std::optional<QString> x = reader.attribute(element, u"x")) {
        if (x->size() > 16) {
            reader.fail(EppResult::ParameterValueSyntaxError, qualifiedName(*element) + u" extension is longer than 16 characters"_s);
            return phone;
        }
        phone.extension = *x;
    }
    if (!reader.ok() || phone.number.isEmpty())
        return phone;
    // e164StringType: "+" 1-3 digits "." 1-14 digits.
    const qsizetype dot = phone.number.indexOf(u'.');
    bool valid = phone.number.startsWith(u'+') && dot >= 2 && dot <= 4 && phone.number.size() - dot - 1 >= 1
                 && phone.number.size() - dot - 1 <= 14;
    for (qsizetype i = 1; valid && i < phone.number.size(); ++i)
        valid = i == dot || (phone.number[i] >= u'0' && phone.number[i] <= u'9');
    if (!valid)
        reader.fail(EppResult::ParameterValueSyntaxError,
                    qualifiedName(*element) + u": \""_s + phone.number + u"\" is not of the form +CC.NUMBER"_s);
    return phone;
}

QString readEmail(ElementReader &reader, const EppElement *element)
{
    if (element && !reader.checkAttributes(element, {}))
        return {};
    const QString email = reader.token(element, 1, MaxEmailLength);
    if (reader.ok() && (email.count(u'@') != 1 || email.startsWith(u'@') || email.endsWith(u'@') || email.contains(u' ')))
        reader.fail(EppResult::ParameterValueSyntaxError, u"contact:email \""_s + email.left(64) + u"\" is not an e-mail address"_s);
    return email;
}

srs::Disclose readDisclose(ElementReader &outer, const EppElement *element)
{
    srs::Disclose disclose;
    if (!element || !outer.checkAttributes(element, {u"flag"}))
        return disclose;
    const std::optional<QString> flag = outer.attribute(element, u"flag");
    if (!flag) {
        outer.fail(EppResult::RequiredParameterMissing, u"contact:disclose needs a flag attribute"_s);
        return disclose;
    }
    if (*flag == u"1" || *flag == u"true")
        disclose.flag = true;
    else if (*flag == u"0" || *flag == u"false")
        disclose.flag = false;
    else {
        outer.fail(EppResult::ParameterValueSyntaxError, u"contact:disclose flag is not a boolean"_s);
        return disclose;
    }
    ElementReader reader(*element);
    auto typed = [&](QStringView name) {
        const QList<const EppElement *> elements = reader.repeated(name, 0, 2);
        QList<srs::PostalInfo::Type> seen;
        for (const EppElement *e : elements) {
            if (!reader.checkAttributes(e, {u"type"}) || !reader.checkNoChildren(e))
                return false;
            const auto type = readPostalType(reader, e);
            if (!type || seen.contains(*type)) {
                if (type)
                    reader.fail(EppResult::ParameterValueSyntaxError, qualifiedName(*e) + u" is given twice with one type"_s);
                return false;
            }
            seen.append(*type);
        }
        return !elements.isEmpty();
    };
    auto plain = [&](QStringView name) {
        const EppElement *e = reader.optional(name);
        return e && reader.checkAttributes(e, {}) && reader.checkNoChildren(e);
    };
    disclose.name = typed(u"name");
    disclose.org = typed(u"org");
    disclose.addr = typed(u"addr");
    disclose.voice = plain(u"voice");
    disclose.fax = plain(u"fax");
    disclose.email = plain(u"email");
    reader.finish();
    if (reader.ok() && !(disclose.name || disclose.org || disclose.addr || disclose.voice || disclose.fax || disclose.email))
        reader.fail(EppResult::RequiredParameterMissing, u"contact:disclose must name at least one element"_s);
    if (!reader.ok())
        outer.fail(reader.error().result, reader.error().message);
    return disclose;
}

} // namespace

EppOutcome<QStringList> parseContactCheck(const EppElement &check)
{
    return parseCheckList(check, u"id", MaxCheckNames, readId);
}

EppOutcome<ContactInfoQuery> parseContactInfo(const EppElement &info)
{
    ElementReader reader(info);
    ContactInfoQuery query;
    query.id = readId(reader, reader.required(u"id"));
    if (const EppElement *authInfo = reader.optional(u"authInfo"))
        query.authInfo = readAuthInfo(reader, authInfo, false);
    return finished(reader, query);
}

EppOutcome<srs::ContactCreateRequest> parseContactCreate(const EppElement &create)
{
    ElementReader reader(create);
    srs::ContactCreateRequest request;
    request.id = readId(reader, reader.required(u"id"));
    request.postalInfo = readPostalInfos(reader, 1, true);
    if (const EppElement *voice = reader.optional(u"voice"))
        request.voice = readPhone(reader, voice);
    if (const EppElement *fax = reader.optional(u"fax"))
        request.fax = readPhone(reader, fax);
    request.email = readEmail(reader, reader.required(u"email"));
    request.authInfo = readAuthInfo(reader, reader.required(u"authInfo"), false);
    if (const EppElement *disclose = reader.optional(u"disclose"))
        request.disclose = readDisclose(reader, disclose);
    return finished(reader, std::move(request));
}

EppOutcome<srs::ContactUpdateRequest> parseContactUpdate(const EppElement &update)
{
    ElementReader reader(update);
    srs::ContactUpdateRequest request;
    request.id = readId(reader, reader.required(u"id"));
    for (bool adding : {true, false}) {
        const EppElement *part = reader.optional(adding ? u"add" : u"rem");
        if (!part || !reader.checkAttributes(part, {}))
            continue;
        ElementReader inner(*part);
        const srs::StatusSet statuses = readStatuses(inner, inner.repeated(u"status", 1, srs::kEppStatusCount));
        inner.finish();
        if (!inner.ok())
            reader.fail(inner.error().result, inner.error().message);
        (adding ? request.addStatuses : request.removeStatuses) = statuses;
    }
    if (const EppElement *chg = reader.optional(u"chg"); chg && reader.checkAttributes(chg, {})) {
        ElementReader inner(*chg);
        request.postalInfo = readPostalInfos(inner, 0, false);
        if (const EppElement *voice = inner.optional(u"voice"))
            request.voice = readPhone(inner, voice);
        if (const EppElement *fax = inner.optional(u"fax"))
            request.fax = readPhone(inner, fax);
        if (const EppElement *email = inner.optional(u"email"))
            request.email = readEmail(inner, email);
        if (const EppElement *authInfo = inner.optional(u"authInfo"))
            request.authInfo = readAuthInfo(inner, authInfo, false);
        if (const EppElement *disclose = inner.optional(u"disclose"))
            request.disclose = readDisclose(inner, disclose);
        inner.finish();
        if (!inner.ok())
            reader.fail(inner.error().result, inner.error().message);
    }
    // RFC 5733 3.2.5: at least one of add, rem and chg, and a chg that changes something.
    if (reader.ok() && request.addStatuses.isEmpty() && request.removeStatuses.isEmpty() && request.postalInfo.isEmpty()
        && !request.voice && !request.fax && !request.email && !request.authInfo && !request.disclose)
        reader.fail(EppResult::RequiredParameterMissing, u"contact:update changes nothing: give contact:add, contact:rem or contact:chg"_s);
    return finished(reader, std::move(request));
}

EppOutcome<QString> parseContactDelete(const EppElement &remove)
{
    ElementReader reader(remove);
    const QString id = readId(reader, reader.required(u"id"));
    return finished(reader, id);
}

EppOutcome<ContactTransferCommand> parseContactTransfer(const EppElement &verb, const EppElement &transfer)
{
    ElementReader reader(transfer);
    ContactTransferCommand command;
    if (const std::optional<QString> op = readTransferOperation(reader, verb)) {
        command.query = *op == u"query";
        command.operation = *op == u"approve" ? srs::TransferOperation::Approve
                            : *op == u"reject" ? srs::TransferOperation::Reject
                            : *op == u"cancel" ? srs::TransferOperation::Cancel
                                               : srs::TransferOperation::Request;
    }
    command.id = readId(reader, reader.required(u"id"));
    if (const EppElement *authInfo = reader.optional(u"authInfo"))
        command.authInfo = readAuthInfo(reader, authInfo, false);
    return finished(reader, std::move(command));
}

void writeContactCheckData(QXmlStreamWriter &xml, const QList<srs::ContactCheckResult> &results)
{
    const QString ns = ContactNamespace.toString();
    xml.writeNamespace(ns, u"contact"_s);
    xml.writeStartElement(ns, u"chkData"_s);
    for (const srs::ContactCheckResult &result : results) {
        xml.writeStartElement(ns, u"cd"_s);
        xml.writeStartElement(ns, u"id"_s);
        xml.writeAttribute(u"avail"_s, result.available ? u"1"_s : u"0"_s);
        xml.writeCharacters(result.id);
        xml.writeEndElement();
        if (!result.available && !result.reason.isEmpty())
            writeCheckReason(xml, ns, result.reason);
        xml.writeEndElement();
    }
    xml.writeEndElement();
}

namespace {

void writePhone(QXmlStreamWriter &xml, const QString &ns, const QString &name, const srs::PhoneNumber &phone)
{
    if (phone.isEmpty())
        return;
    xml.writeStartElement(ns, name);
    if (!phone.extension.isEmpty())
        xml.writeAttribute(u"x"_s, phone.extension);
    xml.writeCharacters(phone.number);
    xml.writeEndElement();
}

void writeDisclose(QXmlStreamWriter &xml, const QString &ns, const srs::Disclose &disclose)
{
    if (!(disclose.name || disclose.org || disclose.addr || disclose.voice || disclose.fax || disclose.email))
        return;
    xml.writeStartElement(ns, u"disclose"_s);
    xml.writeAttribute(u"flag"_s, disclose.flag ? u"1"_s : u"0"_s);
    const auto typed = [&](bool listed, const QString &name) {
        if (!listed)
            return;
        for (const QString &type : {u"int"_s, u"loc"_s}) {
            xml.writeEmptyElement(ns, name);
            xml.writeAttribute(u"type"_s, type);
        }
    };
    typed(disclose.name, u"name"_s);
    typed(disclose.org, u"org"_s);
    typed(disclose.addr, u"addr"_s);
    if (disclose.voice)
        xml.writeEmptyElement(ns, u"voice"_s);
    if (disclose.fax)
        xml.writeEmptyElement(ns, u"fax"_s);
    if (disclose.email)
        xml.writeEmptyElement(ns, u"email"_s);
    xml.writeEndElement();
}

} // namespace

void writeContactInfoData(QXmlStreamWriter &xml, const srs::ContactInfoResult &info, bool callerIsSponsor)
{
    const QString ns = ContactNamespace.toString();
    const srs::Contact &contact = info.contact;
    xml.writeNamespace(ns, u"contact"_s);
    xml.writeStartElement(ns, u"infData"_s);
    xml.writeTextElement(ns, u"id"_s, contact.id);
    xml.writeTextElement(ns, u"roid"_s, contact.roid);
    srs::StatusSet statuses = contact.statuses;
    if (statuses.isEmpty())
        statuses.insert(srs::EppStatus::Ok);
    writeStatuses(xml, ns, statuses);
    for (const srs::PostalInfo &postal : contact.postalInfo) {
        xml.writeStartElement(ns, u"postalInfo"_s);
        xml.writeAttribute(u"type"_s, postal.type == srs::PostalInfo::Type::International ? u"int"_s : u"loc"_s);
        xml.writeTextElement(ns, u"name"_s, postal.name);
        if (!postal.org.isEmpty())
            xml.writeTextElement(ns, u"org"_s, postal.org);
        xml.writeStartElement(ns, u"addr"_s);
        for (const QString &street : postal.street)
            xml.writeTextElement(ns, u"street"_s, street);
        xml.writeTextElement(ns, u"city"_s, postal.city);
        if (!postal.sp.isEmpty())
            xml.writeTextElement(ns, u"sp"_s, postal.sp);
        if (!postal.pc.isEmpty())
            xml.writeTextElement(ns, u"pc"_s, postal.pc);
        xml.writeTextElement(ns, u"cc"_s, postal.cc);
        xml.writeEndElement(); // addr
        xml.writeEndElement(); // postalInfo
    }
    writePhone(xml, ns, u"voice"_s, contact.voice);
    writePhone(xml, ns, u"fax"_s, contact.fax);
    xml.writeTextElement(ns, u"email"_s, contact.email);
    xml.writeTextElement(ns, u"clID"_s, contact.sponsorId);
    xml.writeTextElement(ns, u"crID"_s, contact.creatorId);
    writeDateElement(xml, ns, u"crDate", contact.createdAt);
    if (!contact.updaterId.isEmpty())
        xml.writeTextElement(ns, u"upID"_s, contact.updaterId);
    if (contact.updatedAt)
        writeDateElement(xml, ns, u"upDate", *contact.updatedAt);
    if (contact.transferredAt)
        writeDateElement(xml, ns, u"trDate", *contact.transferredAt);
    if (callerIsSponsor) {
        xml.writeStartElement(ns, u"authInfo"_s);
        xml.writeEmptyElement(ns, u"pw"_s);
        xml.writeEndElement();
        if (info.disclose)
            writeDisclose(xml, ns, *info.disclose);
    }
    xml.writeEndElement(); // infData
}

void writeContactCreateData(QXmlStreamWriter &xml, const srs::ContactCreated &created)
{
    const QString ns = ContactNamespace.toString();
    xml.writeNamespace(ns, u"contact"_s);
    xml.writeStartElement(ns, u"creData"_s);
    xml.writeTextElement(ns, u"id"_s, created.id);
    writeDateElement(xml, ns, u"crDate", created.createdAt);
    xml.writeEndElement();
}

void writeContactTransferData(QXmlStreamWriter &xml, const srs::TransferInfo &transfer)
{
    const QString ns = ContactNamespace.toString();
    xml.writeNamespace(ns, u"contact"_s);
    xml.writeStartElement(ns, u"trnData"_s);
    xml.writeTextElement(ns, u"id"_s, transfer.objectName);
    writeTransferParties(xml, ns, transfer);
    xml.writeEndElement();
}

} // namespace reg::xrp
