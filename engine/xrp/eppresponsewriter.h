#pragma once

#include "eppresult.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

class QXmlStreamWriter;

namespace reg::xrp {

// The element a refusal points at (RFC 5730 <extValue>): which element was wrong, the value the
// client sent, and why it was refused.
struct EppErrorValue
{
    QString namespaceUri;
    QString elementName;
    QString value;
    QString reason;
};

// The head of the message queue for a <msgQ> element (RFC 5730 section 2.6).
struct EppMessageQueue
{
    quint64 count = 0;
    QString id;
    std::optional<QDateTime> queuedAt;
    QString message;
};

// Everything one <response> carries. resData and extension are written by the command handler
// that owns their content; they receive the writer positioned inside the element.
struct EppResponseContent
{
    EppResult result = EppResult::Success;
    QString message; // empty: the RFC 5730 text for the result
    std::optional<EppErrorValue> errorValue;
    std::optional<EppMessageQueue> messageQueue;
    std::function<void(QXmlStreamWriter &)> resData;
    std::function<void(QXmlStreamWriter &)> extension;
    QString clientTransactionId; // echoed when the command carried one
    QString serverTransactionId; // required by the schema: 3 to 64 characters
};

// What the server offers in its <greeting> (RFC 5730 section 2.4).
struct EppGreetingContent
{
    QString serverId;
    QDateTime serverDate;
    QStringList objectUris;
    QStringList extensionUris;
};

// Serialises EPP responses and greetings as UTF-8 XML that validates against epp-1.0.xsd (given
// valid resData and extension content). Pure functions; any thread.
QByteArray writeEppResponse(const EppResponseContent &content);
QByteArray writeEppGreeting(const EppGreetingContent &content);

} // namespace reg::xrp
