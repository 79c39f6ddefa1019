#include "pollcodec.h"

#include "contactcodec.h"
#include "domaincodec.h"
#include "elementreader.h"
#include "eppnamespaces.h"
#include "xmlwriting.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QXmlStreamWriter>

using namespace Qt::StringLiterals;

namespace reg::xrp {

namespace {

constexpr int MaxMessageIdLength = 64;

// The first of the keys present in `data`: the queue's writers may use the EPP element names or
// the TransferInfo member names.
QJsonValue field(const QJsonObject &data, std::initializer_list<QLatin1StringView> keys)
{
    for (QLatin1StringView key : keys) {
        const QJsonValue value = data.value(key);
        if (!value.isUndefined() && !value.isNull())
            return value;
    }
    return {};
}

QString textField(const QJsonObject &data, std::initializer_list<QLatin1StringView> keys)
{
    const QJsonValue value = field(data, keys);
    return value.isString() ? value.toString() : value.isDouble() ? QString::number(qint64(value.toDouble())) : QString();
}

// Dates in messages are ISO text or milliseconds since the epoch.
QDateTime dateField(const QJsonObject &data, std::initializer_list<QLatin1StringView> keys)
{
    const QJsonValue value = field(data, keys);
    if (value.isDouble())
        return QDateTime::fromMSecsSinceEpoch(qint64(value.toDouble()), Qt::UTC);
    if (value.isString())
        return QDateTime::fromString(value.toString(), Qt::ISODateWithMs).toUTC();
    return {};
}

std::optional<srs::TransferInfo> transferFrom(const QJsonObject &data)
{
    srs::TransferInfo info;
    info.objectName = textField(data, {"name"_L1, "id"_L1, "objectName"_L1});
    const QString status = textField(data, {"trStatus"_L1, "status"_L1});
    bool knownStatus = false;
    for (srs::TransferStatus candidate : {srs::TransferStatus::Pending, srs::TransferStatus::ClientApproved,
                                          srs::TransferStatus::ClientCancelled, srs::TransferStatus::ClientRejected,
                                          srs::TransferStatus::ServerApproved, srs::TransferStatus::ServerCancelled}) {
        if (transferStatusToken(candidate) == status) {
            info.status = candidate;
            knownStatus = true;
        }
    }
    info.requestingId = textField(data, {"reID"_L1, "requestingId"_L1});
    info.requestedAt = dateField(data, {"reDate"_L1, "requestedAt"_L1});
    info.actingId = textField(data, {"acID"_L1, "actingId"_L1});
    info.actionAt = dateField(data, {"acDate"_L1, "actionAt"_L1});
    const QDateTime expires = dateField(data, {"exDate"_L1, "expiresAt"_L1});
    if (expires.isValid())
        info.expiresAt = expires;
    // A message the queue wrote incompletely goes out as text rather than as invalid XML.
    if (!knownStatus || info.objectName.isEmpty() || info.requestingId.isEmpty() || info.actingId.isEmpty()
        || !info.requestedAt.isValid() || !info.actionAt.isValid())
        return std::nullopt;
    return info;
}

} // namespace

EppOutcome<PollCommand> parsePoll(const EppElement &poll)
{
    ElementReader reader(poll);
    PollCommand command;
    if (reader.checkAttributes(&poll, {u"op", u"msgID"}) && reader.checkNoChildren(&poll)) {
        const std::optional<QString> op = reader.attribute(&poll, u"op");
        const std::optional<QString> id = reader.attribute(&poll, u"msgID");
        if (!op) {
            reader.fail(EppResult::RequiredParameterMissing, u"poll needs an op attribute (req or ack)"_s);
        } else if (*op == u"req") {
            if (id)
                reader.fail(EppResult::CommandSyntaxError, u"poll op=\"req\" takes no msgID"_s);
        } else if (*op == u"ack") {
            command.ack = true;
            if (!id || id->isEmpty())
                reader.fail(EppResult::RequiredParameterMissing, u"poll op=\"ack\" needs a msgID"_s);
            else if (id->size() > MaxMessageIdLength)
                reader.fail(EppResult::ParameterValueSyntaxError, u"poll msgID is longer than 64 characters"_s);
            else
                command.messageId = *id;
        } else {
            reader.fail(EppResult::ParameterValueSyntaxError, u"poll op \""_s + op->left(16) + u"\" is not req or ack"_s);
        }
    }
    if (!reader.ok())
        return reader.error();
    return command;
}

EppMessageQueue messageQueueFor(const srs::PollMessage &message, qint64 count)
{
    EppMessageQueue queue;
    queue.count = quint64(std::max<qint64>(count, 1));
    queue.id = QString::number(message.id);
    queue.queuedAt = message.queuedAt;
    queue.message = message.message.isEmpty() ? message.kind : message.message;
    return queue;
}

std::function<void(QXmlStreamWriter &)> pollMessageResData(const srs::PollMessage &message)
{
    const QString type = message.data.value("type"_L1).toString();
    if (type == u"domain:trnData" || type == u"contact:trnData") {
        const std::optional<srs::TransferInfo> transfer = transferFrom(message.data);
        if (!transfer)
            return {};
        if (type == u"domain:trnData")
            return [info = *transfer](QXmlStreamWriter &xml) { writeDomainTransferData(xml, info); };
        return [info = *transfer](QXmlStreamWriter &xml) { writeContactTransferData(xml, info); };
    }
    if (type == u"domain:panData") {
        const QString name = textField(message.data, {"name"_L1, "objectName"_L1});
        const QJsonValue result = field(message.data, {"paResult"_L1, "result"_L1});
        const QString svTRID = textField(message.data, {"svTRID"_L1, "serverTransactionId"_L1});
        const QString clTRID = textField(message.data, {"clTRID"_L1, "clientTransactionId"_L1});
        QDateTime when = dateField(message.data, {"paDate"_L1, "at"_L1});
        if (!when.isValid())
            when = message.queuedAt;
        if (name.isEmpty() || svTRID.size() < 3 || svTRID.size() > 64 || !result.isBool())
            return {};
        return [=](QXmlStreamWriter &xml) {
            const QString ns = DomainNamespace.toString();
            xml.writeNamespace(ns, u"domain"_s);
            xml.writeStartElement(ns, u"panData"_s);
            xml.writeStartElement(ns, u"name"_s);
            xml.writeAttribute(u"paResult"_s, result.toBool() ? u"1"_s : u"0"_s);
            xml.writeCharacters(name);
            xml.writeEndElement();
            xml.writeStartElement(ns, u"paTRID"_s);
            if (clTRID.size() >= 3 && clTRID.size() <= 64)
                xml.writeTextElement(u"urn:ietf:params:xml:ns:epp-1.0"_s, u"clTRID"_s, clTRID);
            xml.writeTextElement(u"urn:ietf:params:xml:ns:epp-1.0"_s, u"svTRID"_s, svTRID);
            xml.writeEndElement();
            writeDateElement(xml, ns, u"paDate", when);
            xml.writeEndElement();
        };
    }
    return {};
}

} // namespace reg::xrp
