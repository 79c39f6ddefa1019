#include "secdnscodec.h"

#include "elementreader.h"
#include "eppnamespaces.h"

#include <QXmlStreamWriter>

using namespace Qt::StringLiterals;

namespace reg::xrp {

namespace {

// SHA-384 digests are 96 hex digits; room for future digest types, not for abuse.
constexpr int MaxDigestLength = 256;
// secDNS allows up to 2^31-1 seconds; the SRS checks its own policy.
constexpr qint64 MaxSigLife = 2147483647;

void refuseKeyData(ElementReader &reader)
{
    reader.fail(EppResult::UnimplementedOption,
                u"secDNS:keyData is not offered by this registry; use the DS data interface (secDNS:dsData)"_s);
}

srs::DsRecord readDsData(ElementReader &outer, const EppElement *element)
{
    srs::DsRecord record;
    if (!element || !outer.checkAttributes(element, {}))
        return record;
    ElementReader reader(*element);
    record.keyTag = reader.integer(reader.required(u"keyTag"), 0, 65535);
    record.algorithm = reader.integer(reader.required(u"alg"), 0, 255);
    record.digestType = reader.integer(reader.required(u"digestType"), 0, 255);
    const EppElement *digest = reader.required(u"digest");
    record.digest = reader.token(digest, 2, MaxDigestLength).toUpper();
    if (reader.ok()) {
        bool hex = record.digest.size() % 2 == 0;
        for (QChar c : std::as_const(record.digest))
            hex = hex && ((c >= u'0' && c <= u'9') || (c >= u'A' && c <= u'F'));
        if (!hex)
            reader.fail(EppResult::ParameterValueSyntaxError, u"secDNS:digest is not an even number of hexadecimal digits"_s);
    }
    if (reader.ok() && reader.peekName() == u"keyData")
        refuseKeyData(reader);
    reader.finish();
    if (!reader.ok())
        outer.fail(reader.error().result, reader.error().message);
    return record;
}

QList<srs::DsRecord> readDsList(ElementReader &reader)
{
    QList<srs::DsRecord> records;
    if (reader.peekName() == u"keyData") {
        refuseKeyData(reader);
        return records;
    }
    // The number of DS records a domain may carry is SRS policy (maxDsRecords); this bound only
    // keeps a hostile command small.
    for (const EppElement *ds : reader.repeated(u"dsData", 1, 64, EppResult::ParameterValuePolicyError)) {
        const srs::DsRecord record = readDsData(reader, ds);
        if (!reader.ok())
            return {};
        if (records.contains(record)) {
            reader.fail(EppResult::ParameterValueSyntaxError, u"secDNS:dsData with key tag "_s + QString::number(record.keyTag) + u" is given twice"_s);
            return {};
        }
        records.append(record);
    }
    return records;
}

} // namespace

std::optional<EppError> applySecDnsCreate(const EppElement &create, srs::DomainCreateRequest &request)
{
    ElementReader reader(create);
    reader.checkAttributes(&create, {});
    if (const EppElement *life = reader.optional(u"maxSigLife"))
        request.maxSigLife = reader.integer(life, 1, MaxSigLife);
    request.dsRecords = readDsList(reader);
    if (!reader.finish())
        return reader.error();
    return std::nullopt;
}

std::optional<EppError> applySecDnsUpdate(const EppElement &update, srs::DomainUpdateRequest &request)
{
    ElementReader reader(update);
    if (reader.checkAttributes(&update, {u"urgent"})) {
        const std::optional<QString> urgent = reader.attribute(&update, u"urgent");
        if (urgent && (*urgent == u"1" || *urgent == u"true"))
            reader.fail(EppResult::UnimplementedOption, u"secDNS:update urgent=\"1\" is not offered by this registry"_s);
        else if (urgent && *urgent != u"0" && *urgent != u"false")
            reader.fail(EppResult::ParameterValueSyntaxError, u"secDNS:update urgent is not a boolean"_s);
    }
    bool any = false;
    if (const EppElement *rem = reader.optional(u"rem"); rem && reader.checkAttributes(rem, {})) {
        any = true;
        ElementReader inner(*rem);
        if (inner.peekName() == u"all") {
            request.removeAllDs = inner.boolean(inner.required(u"all")).value_or(false);
        } else {
            request.removeDs = readDsList(inner);
        }
        inner.finish();
        if (!inner.ok())
            reader.fail(inner.error().result, inner.error().message);
    }
    if (const EppElement *add = reader.optional(u"add"); add && reader.checkAttributes(add, {})) {
        any = true;
        ElementReader inner(*add);
        // dsOrKeyType allows maxSigLife here too; RFC 5910 changes it only through chg.
        if (inner.optional(u"maxSigLife"))
            inner.fail(EppResult::CommandSyntaxError, u"secDNS:maxSigLife belongs in secDNS:chg in an update"_s);
        request.addDs = readDsList(inner);
        inner.finish();
        if (!inner.ok())
            reader.fail(inner.error().result, inner.error().message);
    }
    if (const EppElement *chg = reader.optional(u"chg"); chg && reader.checkAttributes(chg, {})) {
        any = true;
        ElementReader inner(*chg);
        if (const EppElement *life = inner.optional(u"maxSigLife"))
            request.maxSigLife = inner.integer(life, 1, MaxSigLife);
        inner.finish();
        if (!inner.ok())
            reader.fail(inner.error().result, inner.error().message);
    }
    if (reader.finish() && !any)
        reader.fail(EppResult::RequiredParameterMissing, u"secDNS:update needs secDNS:rem, secDNS:add or secDNS:chg"_s);
    if (!reader.ok())
        return reader.error();
    return std::nullopt;
}

void writeSecDnsInfoData(QXmlStreamWriter &xml, const QList<srs::DsRecord> &records, std::optional<int> maxSigLife)
{
    // dsOrKeyType needs at least one dsData: with none, no infData at all.
    if (records.isEmpty())
        return;
    const QString ns = SecDnsNamespace.toString();
    xml.writeNamespace(ns, u"secDNS"_s);
    xml.writeStartElement(ns, u"infData"_s);
    if (maxSigLife)
        xml.writeTextElement(ns, u"maxSigLife"_s, QString::number(*maxSigLife));
    for (const srs::DsRecord &record : records) {
        xml.writeStartElement(ns, u"dsData"_s);
        xml.writeTextElement(ns, u"keyTag"_s, QString::number(record.keyTag));
        xml.writeTextElement(ns, u"alg"_s, QString::number(record.algorithm));
        xml.writeTextElement(ns, u"digestType"_s, QString::number(record.digestType));
        xml.writeTextElement(ns, u"digest"_s, record.digest);
        xml.writeEndElement();
    }
    xml.writeEndElement();
}

} // namespace reg::xrp
