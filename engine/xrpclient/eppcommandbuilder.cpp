#include "eppcommandbuilder.h"

#include <QHostAddress>
#include <QXmlStreamWriter>

namespace reg::xrpclient {
namespace {

// Writes <epp><command>...<clTRID/></command></epp> around what `body` writes; the object
// namespace is declared on the object element so the command reads like RFC 5731's examples.
class CommandWriter
{
public:
    CommandWriter() : m_xml(&m_bytes)
    {
        m_xml.writeStartDocument(QStringLiteral("1.0"), false);
        m_xml.writeDefaultNamespace(EppUri::Epp.toString());
        m_xml.writeStartElement(EppUri::Epp.toString(), QStringLiteral("epp"));
    }

    QXmlStreamWriter &xml() { return m_xml; }

    void startCommand(const QString &verb)
    {
        m_xml.writeStartElement(EppUri::Epp.toString(), QStringLiteral("command"));
        m_xml.writeStartElement(EppUri::Epp.toString(), verb);
    }

    // Starts <prefix:verb xmlns:prefix="uri"> inside the verb.
    void startObject(QStringView uri, const QString &prefix, const QString &verb)
    {
        m_xml.writeNamespace(uri.toString(), prefix);
        m_xml.writeStartElement(uri.toString(), verb);
    }

    void element(QStringView uri, const QString &name, const QString &text)
    {
        m_xml.writeTextElement(uri.toString(), name, text);
    }

    // Closes the object and the verb, writes the clTRID and closes the document.
    QByteArray finishCommand(const QString &clientTransactionId, bool objectOpen = true)
    {
        if (objectOpen)
            m_xml.writeEndElement();   // object
        m_xml.writeEndElement();       // verb
        m_xml.writeTextElement(EppUri::Epp.toString(), QStringLiteral("clTRID"), clientTransactionId);
        m_xml.writeEndElement();       // command
        return finish();
    }

    QByteArray finish()
    {
        m_xml.writeEndDocument();
        return m_bytes;
    }

private:
    QByteArray m_bytes;
    QXmlStreamWriter m_xml;
};

void writeAuthInfo(CommandWriter &w, QStringView uri, const QString &password)
{
    w.xml().writeStartElement(uri.toString(), QStringLiteral("authInfo"));
    w.element(uri, QStringLiteral("pw"), password);
    w.xml().writeEndElement();
}

} // namespace

EppCommandBuilder::EppCommandBuilder(QString transactionIdPrefix)
    : m_prefix(std::move(transactionIdPrefix))
{
}

QString EppCommandBuilder::nextTransactionId()
{
    return m_prefix + u'-' + QString::number(++m_counter);
}

EppCommand EppCommandBuilder::hello()
{
    CommandWriter w;
    w.xml().writeEmptyElement(EppUri::Epp.toString(), QStringLiteral("hello"));
    return {w.finish(), {}};
}

EppCommand EppCommandBuilder::login(const LoginParameters &p)
{
    const QString trid = nextTransactionId();
    const QString epp = EppUri::Epp.toString();
    CommandWriter w;
    w.startCommand(QStringLiteral("login"));
    QXmlStreamWriter &x = w.xml();
    x.writeTextElement(epp, QStringLiteral("clID"), p.clientId);
    x.writeTextElement(epp, QStringLiteral("pw"), p.password);
    if (p.newPassword)
        x.writeTextElement(epp, QStringLiteral("newPW"), *p.newPassword);
    x.writeStartElement(epp, QStringLiteral("options"));
    x.writeTextElement(epp, QStringLiteral("version"), QStringLiteral("1.0"));
    x.writeTextElement(epp, QStringLiteral("lang"), p.language);
    x.writeEndElement();
    x.writeStartElement(epp, QStringLiteral("svcs"));
    for (const QString &uri : p.objectUris)
        x.writeTextElement(epp, QStringLiteral("objURI"), uri);
    if (!p.extensionUris.isEmpty()) {
        x.writeStartElement(epp, QStringLiteral("svcExtension"));
        for (const QString &uri : p.extensionUris)
            x.writeTextElement(epp, QStringLiteral("extURI"), uri);
        x.writeEndElement();
    }
    x.writeEndElement();   // svcs
    return {w.finishCommand(trid, false), trid};
}

EppCommand EppCommandBuilder::logout()
{
    const QString trid = nextTransactionId();
    CommandWriter w;
    w.startCommand(QStringLiteral("logout"));
    return {w.finishCommand(trid, false), trid};
}

EppCommand EppCommandBuilder::pollRequest()
{
    const QString trid = nextTransactionId();
    CommandWriter w;
    w.xml().writeStartElement(EppUri::Epp.toString(), QStringLiteral("command"));
    w.xml().writeEmptyElement(EppUri::Epp.toString(), QStringLiteral("poll"));
    w.xml().writeAttribute(QStringLiteral("op"), QStringLiteral("req"));
    w.xml().writeTextElement(EppUri::Epp.toString(), QStringLiteral("clTRID"), trid);
    w.xml().writeEndElement();
    return {w.finish(), trid};
}

EppCommand EppCommandBuilder::pollAcknowledge(const QString &messageId)
{
    const QString trid = nextTransactionId();
    CommandWriter w;
    w.xml().writeStartElement(EppUri::Epp.toString(), QStringLiteral("command"));
    w.xml().writeEmptyElement(EppUri::Epp.toString(), QStringLiteral("poll"));
    w.xml().writeAttribute(QStringLiteral("op"), QStringLiteral("ack"));
    w.xml().writeAttribute(QStringLiteral("msgID"), messageId);
    w.xml().writeTextElement(EppUri::Epp.toString(), QStringLiteral("clTRID"), trid);
    w.xml().writeEndElement();
    return {w.finish(), trid};
}

EppCommand EppCommandBuilder::domainCheck(const QStringList &names)
{
    const QString trid = nextTransactionId();
    CommandWriter w;
    w.startCommand(QStringLiteral("check"));
    w.startObject(EppUri::Domain, QStringLiteral("domain"), QStringLiteral("check"));
    for (const QString &name : names)
        w.element(EppUri::Domain, QStringLiteral("name"), name);
    return {w.finishCommand(trid), trid};
}

EppCommand EppCommandBuilder::domainInfo(const QString &name, const QString &authInfo)
{
    const QString trid = nextTransactionId();
    CommandWriter w;
    w.startCommand(QStringLiteral("info"));
    w.startObject(EppUri::Domain, QStringLiteral("domain"), QStringLiteral("info"));
    w.xml().writeStartElement(EppUri::Domain.toString(), QStringLiteral("name"));
    w.xml().writeAttribute(QStringLiteral("hosts"), QStringLiteral("all"));
    w.xml().writeCharacters(name);
    w.xml().writeEndElement();
    if (!authInfo.isEmpty())
        writeAuthInfo(w, EppUri::Domain, authInfo);
    return {w.finishCommand(trid), trid};
}

EppCommand EppCommandBuilder::domainCreate(const DomainCreateParameters &p)
{
    const QString trid = nextTransactionId();
    CommandWriter w;
    QXmlStreamWriter &x = w.xml();
    const QString domain = EppUri::Domain.toString();
    w.startCommand(QStringLiteral("create"));
    w.startObject(EppUri::Domain, QStringLiteral("domain"), QStringLiteral("create"));
    w.element(EppUri::Domain, QStringLiteral("name"), p.name);
    x.writeStartElement(domain, QStringLiteral("period"));
    x.writeAttribute(QStringLiteral("unit"), QStringLiteral("y"));
    x.writeCharacters(QString::number(p.periodYears));
    x.writeEndElement();
    if (!p.nameServers.isEmpty()) {
        x.writeStartElement(domain, QStringLiteral("ns"));
        for (const QString &ns : p.nameServers)
            x.writeTextElement(domain, QStringLiteral("hostObj"), ns);
        x.writeEndElement();
    }
    if (!p.registrantId.isEmpty())
        w.element(EppUri::Domain, QStringLiteral("registrant"), p.registrantId);
    for (const DomainContactReference &c : p.contacts) {
        x.writeStartElement(domain, QStringLiteral("contact"));
        x.writeAttribute(QStringLiteral("type"), c.type);
        x.writeCharacters(c.id);
        x.writeEndElement();
    }
    writeAuthInfo(w, EppUri::Domain, p.authInfo);
    return {w.finishCommand(trid), trid};
}

EppCommand EppCommandBuilder::domainRenew(const QString &name, QDate currentExpiryDate, int periodYears)
{
    const QString trid = nextTransactionId();
    CommandWriter w;
    QXmlStreamWriter &x = w.xml();
    w.startCommand(QStringLiteral("renew"));
    w.startObject(EppUri::Domain, QStringLiteral("domain"), QStringLiteral("renew"));
    w.element(EppUri::Domain, QStringLiteral("name"), name);
    w.element(EppUri::Domain, QStringLiteral("curExpDate"), currentExpiryDate.toString(Qt::ISODate));
    x.writeStartElement(EppUri::Domain.toString(), QStringLiteral("period"));
    x.writeAttribute(QStringLiteral("unit"), QStringLiteral("y"));
    x.writeCharacters(QString::number(periodYears));
    x.writeEndElement();
    return {w.finishCommand(trid), trid};
}

QString EppCommandBuilder::operationName(TransferOperation operation)
{
    switch (operation) {
    case TransferOperation::Request: return QStringLiteral("request");
    case TransferOperation::Approve: return QStringLiteral("approve");
    case TransferOperation::Reject: return QStringLiteral("reject");
    case TransferOperation::Cancel: return QStringLiteral("cancel");
    case TransferOperation::Query: return QStringLiteral("query");
    }
    return QStringLiteral("query");
}

EppCommand EppCommandBuilder::domainTransfer(const DomainTransferParameters &p)
{
    const QString trid = nextTransactionId();
    CommandWriter w;
    QXmlStreamWriter &x = w.xml();
    x.writeStartElement(EppUri::Epp.toString(), QStringLiteral("command"));
    x.writeStartElement(EppUri::Epp.toString(), QStringLiteral("transfer"));
    x.writeAttribute(QStringLiteral("op"), operationName(p.operation));
    w.startObject(EppUri::Domain, QStringLiteral("domain"), QStringLiteral("transfer"));
    w.element(EppUri::Domain, QStringLiteral("name"), p.name);
    if (p.periodYears) {
        x.writeStartElement(EppUri::Domain.toString(), QStringLiteral("period"));
        x.writeAttribute(QStringLiteral("unit"), QStringLiteral("y"));
        x.writeCharacters(QString::number(*p.periodYears));
        x.writeEndElement();
    }
    if (!p.authInfo.isEmpty())
        writeAuthInfo(w, EppUri::Domain, p.authInfo);
    return {w.finishCommand(trid), trid};
}

EppCommand EppCommandBuilder::domainDelete(const QString &name)
{
    const QString trid = nextTransactionId();
    CommandWriter w;
    w.startCommand(QStringLiteral("delete"));
    w.startObject(EppUri::Domain, QStringLiteral("domain"), QStringLiteral("delete"));
    w.element(EppUri::Domain, QStringLiteral("name"), name);
    return {w.finishCommand(trid), trid};
}

EppCommand EppCommandBuilder::contactCreate(const ContactCreateParameters &p)
{
    const QString trid = nextTransactionId();
    CommandWriter w;
    QXmlStreamWriter &x = w.xml();
    const QString contact = EppUri::Contact.toString();
    w.startCommand(QStringLiteral("create"));
    w.startObject(EppUri::Contact, QStringLiteral("contact"), QStringLiteral("create"));
    w.element(EppUri::Contact, QStringLiteral("id"), p.id);
    x.writeStartElement(contact, QStringLiteral("postalInfo"));
    x.writeAttribute(QStringLiteral("type"), QStringLiteral("int"));
    w.element(EppUri::Contact, QStringLiteral("name"), p.name);
    if (!p.organisation.isEmpty())
        w.element(EppUri::Contact, QStringLiteral("org"), p.organisation);
    x.writeStartElement(contact, QStringLiteral("addr"));
    for (const QString &line : p.street)
        w.element(EppUri::Contact, QStringLiteral("street"), line);
    w.element(EppUri::Contact, QStringLiteral("city"), p.city);
    if (!p.stateOrProvince.isEmpty())
        w.element(EppUri::Contact, QStringLiteral("sp"), p.stateOrProvince);
    if (!p.postalCode.isEmpty())
        w.element(EppUri::Contact, QStringLiteral("pc"), p.postalCode);
    w.element(EppUri::Contact, QStringLiteral("cc"), p.countryCode);
    x.writeEndElement();   // addr
    x.writeEndElement();   // postalInfo
    if (!p.voice.isEmpty())
        w.element(EppUri::Contact, QStringLiteral("voice"), p.voice);
    w.element(EppUri::Contact, QStringLiteral("email"), p.email);
    writeAuthInfo(w, EppUri::Contact, p.authInfo);
    return {w.finishCommand(trid), trid};
}

EppCommand EppCommandBuilder::hostCreate(const HostCreateParameters &p)
{
    const QString trid = nextTransactionId();
    CommandWriter w;
    QXmlStreamWriter &x = w.xml();
    w.startCommand(QStringLiteral("create"));
    w.startObject(EppUri::Host, QStringLiteral("host"), QStringLiteral("create"));
    w.element(EppUri::Host, QStringLiteral("name"), p.name);
    for (const QString &address : p.addresses) {
        x.writeStartElement(EppUri::Host.toString(), QStringLiteral("addr"));
        const bool v6 = QHostAddress(address).protocol() == QAbstractSocket::IPv6Protocol;
        x.writeAttribute(QStringLiteral("ip"), v6 ? QStringLiteral("v6") : QStringLiteral("v4"));
        x.writeCharacters(address);
        x.writeEndElement();
    }
    return {w.finishCommand(trid), trid};
}

} // namespace reg::xrpclient
