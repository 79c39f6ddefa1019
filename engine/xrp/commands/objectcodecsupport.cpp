#include "objectcodecsupport.h"

#include <QXmlStreamWriter>

using namespace Qt::StringLiterals;

namespace reg::xrp {

srs::StatusSet readStatuses(ElementReader &reader, const QList<const EppElement *> &elements)
{
    srs::StatusSet statuses;
    for (const EppElement *element : elements) {
        if (!reader.checkAttributes(element, {u"s", u"lang"}))
            return {};
        // The text of a status is a free-form reason; statuses carry no child elements.
        if (!reader.checkNoChildren(element))
            return {};
        const std::optional<QString> token = reader.attribute(element, u"s");
        if (!token) {
            reader.fail(EppResult::RequiredParameterMissing, qualifiedName(*element) + u" needs an s attribute"_s);
            return {};
        }
        const Result<srs::EppStatus> status = srs::parseEppStatus(*token);
        if (!status) {
            reader.fail(EppResult::ParameterValueSyntaxError,
                        qualifiedName(*element) + u": \""_s + token->left(64) + u"\" is not a status value"_s);
            return {};
        }
        if (statuses.contains(*status)) {
            reader.fail(EppResult::ParameterValueSyntaxError,
                        qualifiedName(*element) + u": "_s + *token + u" is given twice"_s);
            return {};
        }
        statuses.insert(*status);
    }
    return statuses;
}

QString readAuthInfo(ElementReader &reader, const EppElement *authInfo, bool allowRoid, bool allowNull)
{
    if (!authInfo || !reader.ok())
        return {};
    if (!reader.checkAttributes(authInfo, {}))
        return {};
    ElementReader inner(*authInfo);
    QString password;
    const QString choice = inner.peekName();
    if (choice == u"pw") {
        const EppElement *pw = inner.required(u"pw");
        if (allowRoid ? inner.checkAttributes(pw, {u"roid"}) : inner.checkAttributes(pw, {}))
            password = inner.text(pw, 0, MaxPasswordLength);
    } else if (choice == u"ext") {
        inner.fail(EppResult::UnimplementedOption,
                   qualifiedName(*authInfo) + u": extension authorization (ext) is not offered; use pw"_s);
    } else if (choice == u"null" && allowNull) {
        inner.checkNoChildren(inner.required(u"null"));
    } else {
        inner.required(u"pw");
    }
    inner.finish();
    if (!inner.ok()) {
        reader.fail(inner.error().result, inner.error().message);
        return {};
    }
    return password;
}

std::optional<QString> readTransferOperation(ElementReader &reader, const EppElement &verb)
{
    if (!reader.checkAttributes(&verb, {u"op"}))
        return std::nullopt;
    const std::optional<QString> op = reader.attribute(&verb, u"op");
    if (!op) {
        reader.fail(EppResult::RequiredParameterMissing, u"transfer needs an op attribute"_s);
        return std::nullopt;
    }
    for (QStringView known : {u"query", u"request", u"approve", u"reject", u"cancel"}) {
        if (*op == known)
            return op;
    }
    reader.fail(EppResult::ParameterValueSyntaxError, u"transfer op \""_s + op->left(64) + u"\" is not one of query, request, approve, reject, cancel"_s);
    return std::nullopt;
}

void writeStatuses(QXmlStreamWriter &xml, QStringView ns, const srs::StatusSet &statuses)
{
    for (const QString &name : statuses.names()) {
        xml.writeEmptyElement(ns.toString(), u"status"_s);
        xml.writeAttribute(u"s"_s, name);
    }
}

} // namespace reg::xrp
