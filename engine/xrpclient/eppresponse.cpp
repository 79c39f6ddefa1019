#include "eppresponse.h"

#include "xrp/eppxmlreader.h"

namespace reg::xrpclient {
namespace {

using xrp::EppElement;
constexpr QStringView Epp = xrp::EppNamespace;

// The first descendant with that name in the EPP namespace, depth first.
const EppElement *findEpp(const EppElement &element, QStringView name)
{
    for (const EppElement &child : element.children()) {
        if (child.is(Epp, name))
            return &child;
        if (const EppElement *found = findEpp(child, name))
            return found;
    }
    return nullptr;
}

} // namespace

Result<EppResponse> EppResponse::parse(QByteArrayView xml)
{
    xrp::EppXmlLimits limits;
    limits.maxBytes = MaxMessageBytes;
    limits.maxElements = 1 << 20;
    limits.maxTextLength = 1024 * 1024;
    limits.maxDepth = 64;
    xrp::EppOutcome<EppElement> root = xrp::EppXmlReader(limits).parse(xml);
    if (!root)
        return Error(ErrorCode::InvalidInput, QStringLiteral("the server sent a malformed EPP message: ") + root.error().message);

    EppResponse response;
    if (const EppElement *greeting = root->child(Epp, u"greeting")) {
        response.isGreeting = true;
        if (const EppElement *svId = greeting->child(Epp, u"svID"))
            response.serverId = svId->text();
        if (const EppElement *menu = greeting->child(Epp, u"svcMenu")) {
            for (const EppElement *uri : menu->children(Epp, u"objURI"))
                response.objectUris << uri->text().trimmed();
            if (const EppElement *ext = menu->child(Epp, u"svcExtension")) {
                for (const EppElement *uri : ext->children(Epp, u"extURI"))
                    response.extensionUris << uri->text().trimmed();
            }
        }
        return response;
    }
    const EppElement *body = root->child(Epp, u"response");
    if (!body)
        return Error(ErrorCode::InvalidInput, QStringLiteral("the server sent an EPP message that is neither a greeting nor a response"));
    const EppElement *result = body->child(Epp, u"result");
    bool ok = false;
    const int code = result ? result->attribute(u"code").value_or(QString()).toInt(&ok) : 0;
    if (!ok || code < 1000 || code > 2999)
        return Error(ErrorCode::InvalidInput, QStringLiteral("the server's response has no valid <result code>"));
    response.resultCode = code;
    if (const EppElement *msg = result->child(Epp, u"msg"))
        response.message = msg->text().trimmed();
    if (const EppElement *reason = findEpp(*result, u"reason"))
        response.reason = reason->text().trimmed();
    if (const EppElement *trId = body->child(Epp, u"trID")) {
        if (const EppElement *cl = trId->child(Epp, u"clTRID"))
            response.clientTransactionId = cl->text().trimmed();
        if (const EppElement *sv = trId->child(Epp, u"svTRID"))
            response.serverTransactionId = sv->text().trimmed();
    }
    return response;
}

int EppResponse::scanResultCode(QByteArrayView xml)
{
    // <result code="1000"> or <epp:result code='1000'>: find "result", then the code attribute.
    qsizetype at = 0;
    while ((at = xml.indexOf("result", at)) >= 0) {
        const bool tagStart = at > 0 && (xml[at - 1] == '<' || xml[at - 1] == ':');
        at += 6;
        if (!tagStart)
            continue;
        const qsizetype end = xml.indexOf('>', at);
        if (end < 0)
            return 0;
        const QByteArrayView tag = xml.sliced(at, end - at);
        const qsizetype code = tag.indexOf("code=");
        if (code < 0 || code + 10 > tag.size())
            continue;
        const QByteArrayView digits = tag.sliced(code + 6, 4);
        bool ok = false;
        const int value = digits.toInt(&ok);
        return ok ? value : 0;
    }
    return 0;
}

QByteArray EppResponse::scanElementText(QByteArrayView xml, QByteArrayView localName)
{
    qsizetype at = 0;
    while ((at = xml.indexOf(localName, at)) >= 0) {
        const qsizetype after = at + localName.size();
        const bool tagStart = at > 0 && (xml[at - 1] == '<' || xml[at - 1] == ':');
        at = after;
        if (!tagStart || after >= xml.size() || xml[after] != '>')
            continue;
        // Not a closing tag: the character before the name (or its prefix) must not follow "</".
        qsizetype open = after - localName.size() - 1;
        while (open > 0 && xml[open] != '<')
            --open;
        if (open + 1 < xml.size() && xml[open + 1] == '/')
            continue;
        const qsizetype end = xml.indexOf('<', after + 1);
        if (end < 0)
            return {};
        return xml.sliced(after + 1, end - after - 1).trimmed().toByteArray();
    }
    return {};
}

} // namespace reg::xrpclient
