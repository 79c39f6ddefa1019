#include "customfieldscodec.h"

#include "elementreader.h"
#include "eppnamespaces.h"

#include <QXmlStreamWriter>

using namespace Qt::StringLiterals;

namespace reg::xrp {

namespace {

constexpr int MaxNameLength = 64;
constexpr int MaxValueLength = 255;
// The per-object limit is SRS policy (maxCustomFields); this bound keeps a command small.
constexpr int MaxFieldsPerCommand = 64;

bool isFieldName(QStringView name)
{
    if (name.isEmpty() || name.size() > MaxNameLength)
        return false;
    for (QChar c : name) {
        const bool allowed = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'-'
                             || c == u'_' || c == u'.';
        if (!allowed)
            return false;
    }
    return true;
}

QString readFieldName(ElementReader &reader, const QString &name, const QString &where)
{
    if (!isFieldName(name)) {
        reader.fail(EppResult::ParameterValueSyntaxError, where + u": \""_s + name.left(64)
                                                              + u"\" is not a field name (1-64 letters, digits, '-', '_', '.')"_s);
        return {};
    }
    return name;
}

QList<srs::CustomField> readFields(ElementReader &reader)
{
    QList<srs::CustomField> fields;
    for (const EppElement *element : reader.repeated(u"field", 1, MaxFieldsPerCommand, EppResult::ParameterValuePolicyError)) {
        if (!reader.checkAttributes(element, {u"name", u"value"}) || !reader.checkNoChildren(element))
            return {};
        const std::optional<QString> name = element->attribute(u"name");
        const std::optional<QString> value = element->attribute(u"value");
        if (!name || !value) {
            reader.fail(EppResult::RequiredParameterMissing, u"cf:field needs a name and a value attribute"_s);
            return {};
        }
        srs::CustomField field;
        field.name = readFieldName(reader, name->trimmed(), u"cf:field"_s);
        field.value = *value;
        if (!reader.ok())
            return {};
        if (field.value.size() > MaxValueLength) {
            reader.fail(EppResult::ParameterValueSyntaxError, u"cf:field "_s + field.name + u": the value is longer than 255 characters"_s);
            return {};
        }
        for (QChar c : std::as_const(field.value)) {
            if (c.unicode() < 0x20 || c.unicode() == 0x7f) {
                reader.fail(EppResult::ParameterValueSyntaxError, u"cf:field "_s + field.name + u": the value contains a control character"_s);
                return {};
            }
        }
        for (const srs::CustomField &other : std::as_const(fields)) {
            if (other.name == field.name) {
                reader.fail(EppResult::ParameterValueSyntaxError, u"cf:field "_s + field.name + u" is given twice"_s);
                return {};
            }
        }
        fields.append(field);
    }
    return fields;
}

} // namespace

std::optional<EppError> applyCustomFieldsCreate(const EppElement &create, srs::DomainCreateRequest &request)
{
    ElementReader reader(create);
    reader.checkAttributes(&create, {});
    request.customFields = readFields(reader);
    if (!reader.finish())
        return reader.error();
    return std::nullopt;
}

std::optional<EppError> applyCustomFieldsUpdate(const EppElement &update, srs::DomainUpdateRequest &request)
{
    ElementReader reader(update);
    reader.checkAttributes(&update, {});
    if (const EppElement *set = reader.optional(u"set"); set && reader.checkAttributes(set, {})) {
        ElementReader inner(*set);
        request.setCustomFields = readFields(inner);
        inner.finish();
        if (!inner.ok())
            reader.fail(inner.error().result, inner.error().message);
    }
    if (const EppElement *rem = reader.optional(u"rem"); rem && reader.checkAttributes(rem, {})) {
        ElementReader inner(*rem);
        for (const EppElement *name : inner.repeated(u"name", 1, MaxFieldsPerCommand, EppResult::ParameterValuePolicyError)) {
            if (!inner.checkAttributes(name, {}))
                break;
            const QString value = readFieldName(inner, inner.token(name, 1, MaxNameLength), u"cf:name"_s);
            if (!inner.ok())
                break;
            if (request.removeCustomFields.contains(value)) {
                inner.fail(EppResult::ParameterValueSyntaxError, u"cf:name "_s + value + u" is given twice"_s);
                break;
            }
            for (const srs::CustomField &field : std::as_const(request.setCustomFields)) {
                if (field.name == value)
                    inner.fail(EppResult::ParameterValueSyntaxError, u"cf:name "_s + value + u" is both set and removed"_s);
            }
            request.removeCustomFields.append(value);
        }
        inner.finish();
        if (!inner.ok())
            reader.fail(inner.error().result, inner.error().message);
    }
    if (reader.finish() && request.setCustomFields.isEmpty() && request.removeCustomFields.isEmpty())
        reader.fail(EppResult::RequiredParameterMissing, u"cf:update needs cf:set or cf:rem"_s);
    if (!reader.ok())
        return reader.error();
    return std::nullopt;
}

void writeCustomFieldsInfoData(QXmlStreamWriter &xml, const QList<srs::CustomField> &fields)
{
    if (fields.isEmpty())
        return;
    const QString ns = CustomFieldsNamespace.toString();
    xml.writeNamespace(ns, u"cf"_s);
    xml.writeStartElement(ns, u"infData"_s);
    for (const srs::CustomField &field : fields) {
        xml.writeEmptyElement(ns, u"field"_s);
        xml.writeAttribute(u"name"_s, field.name);
        xml.writeAttribute(u"value"_s, field.value);
    }
    xml.writeEndElement();
}

} // namespace reg::xrp
