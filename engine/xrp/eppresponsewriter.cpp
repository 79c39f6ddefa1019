#include "eppresponsewriter.h"

#include "eppxmlreader.h"

#include <QXmlStreamWriter>

using namespace Qt::StringLiterals;

namespace reg::xrp {

namespace {

// msg and reason are normalizedString: a client's schema-validating parser rejects tabs and line
// breaks in them, and parser messages may contain both.
QString normalized(const QString &text)
{
    QString result = text;
    for (QChar &c : result) {
        if (c == u'\t' || c == u'\n' || c == u'\r')
            c = u' ';
    }
    return result;
}

QString dateTime(const QDateTime &when)
{
    return when.toUTC().toString(Qt::ISODateWithMs);
}

void startDocument(QXmlStreamWriter &xml)
{
    xml.writeStartDocument(u"1.0"_s, false);
    xml.writeDefaultNamespace(EppNamespace.toString());
    xml.writeStartElement(EppNamespace.toString(), u"epp"_s);
}

} // namespace

QByteArray writeEppResponse(const EppResponseContent &content)
{
    QByteArray out;
    QXmlStreamWriter xml(&out);
    startDocument(xml);
    xml.writeStartElement(u"response"_s);

    xml.writeStartElement(u"result"_s);
    xml.writeAttribute(u"code"_s, QString::number(eppResultCode(content.result)));
    xml.writeTextElement(u"msg"_s,
                         content.message.isEmpty() ? QString(eppResultMessage(content.result)) : normalized(content.message));
    if (content.errorValue) {
        const EppErrorValue &error = *content.errorValue;
        xml.writeStartElement(u"extValue"_s);
        xml.writeStartElement(u"value"_s);
        if (error.namespaceUri.isEmpty() || error.namespaceUri == EppNamespace) {
            xml.writeTextElement(error.elementName, error.value);
        } else {
            xml.writeStartElement(error.namespaceUri, error.elementName);
            xml.writeCharacters(error.value);
            xml.writeEndElement();
        }
        xml.writeEndElement(); // value
        xml.writeTextElement(u"reason"_s, normalized(error.reason));
        xml.writeEndElement(); // extValue
    }
    xml.writeEndElement(); // result

    if (content.messageQueue) {
        const EppMessageQueue &queue = *content.messageQueue;
        xml.writeStartElement(u"msgQ"_s);
        xml.writeAttribute(u"count"_s, QString::number(queue.count));
        xml.writeAttribute(u"id"_s, queue.id);
        if (queue.queuedAt)
            xml.writeTextElement(u"qDate"_s, dateTime(*queue.queuedAt));
        if (!queue.message.isEmpty())
            xml.writeTextElement(u"msg"_s, queue.message);
        xml.writeEndElement();
    }
    if (content.resData) {
        xml.writeStartElement(u"resData"_s);
        content.resData(xml);
        xml.writeEndElement();
    }
    if (content.extension) {
        xml.writeStartElement(u"extension"_s);
        content.extension(xml);
        xml.writeEndElement();
    }

    xml.writeStartElement(u"trID"_s);
    if (!content.clientTransactionId.isEmpty())
        xml.writeTextElement(u"clTRID"_s, content.clientTransactionId);
    xml.writeTextElement(u"svTRID"_s, content.serverTransactionId);
    xml.writeEndElement(); // trID

    xml.writeEndElement(); // response
    xml.writeEndElement(); // epp
    xml.writeEndDocument();
    return out;
}

QByteArray writeEppGreeting(const EppGreetingContent &content)
{
    QByteArray out;
    QXmlStreamWriter xml(&out);
    startDocument(xml);
    xml.writeStartElement(u"greeting"_s);
    xml.writeTextElement(u"svID"_s, content.serverId);
    xml.writeTextElement(u"svDate"_s, dateTime(content.serverDate));

    xml.writeStartElement(u"svcMenu"_s);
    xml.writeTextElement(u"version"_s, u"1.0"_s);
    xml.writeTextElement(u"lang"_s, u"en"_s);
    for (const QString &uri : content.objectUris)
        xml.writeTextElement(u"objURI"_s, uri);
    if (!content.extensionUris.isEmpty()) {
        xml.writeStartElement(u"svcExtension"_s);
        for (const QString &uri : content.extensionUris)
            xml.writeTextElement(u"extURI"_s, uri);
        xml.writeEndElement();
    }
    xml.writeEndElement(); // svcMenu

    // The registry's data collection policy: registrars and the public see registration data
    // (subject to the disclose preferences), kept for as long as the registry operates.
    xml.writeStartElement(u"dcp"_s);
    xml.writeStartElement(u"access"_s);
    xml.writeEmptyElement(u"all"_s);
    xml.writeEndElement();
    xml.writeStartElement(u"statement"_s);
    xml.writeStartElement(u"purpose"_s);
    xml.writeEmptyElement(u"admin"_s);
    xml.writeEmptyElement(u"prov"_s);
    xml.writeEndElement();
    xml.writeStartElement(u"recipient"_s);
    xml.writeEmptyElement(u"ours"_s);
    xml.writeEmptyElement(u"public"_s);
    xml.writeEndElement();
    xml.writeStartElement(u"retention"_s);
    xml.writeEmptyElement(u"stated"_s);
    xml.writeEndElement();
    xml.writeEndElement(); // statement
    xml.writeEndElement(); // dcp

    xml.writeEndElement(); // greeting
    xml.writeEndElement(); // epp
    xml.writeEndDocument();
    return out;
}

} // namespace reg::xrp
