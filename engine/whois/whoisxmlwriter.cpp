#include "whoisxmlwriter.h"

#include "whoisquery.h"

#include "directory/disclosure.h"

#include <QXmlStreamWriter>

namespace reg::whois {
namespace {

using namespace directory;

// One XWP document: <xwp> with the answer's element, then <lastUpdate> and <termsOfUse>.
class XmlAnswer
{
public:
    XmlAnswer() : m_xml(&m_bytes)
    {
        m_bytes.reserve(4096);
        m_xml.setAutoFormatting(true);
        m_xml.setAutoFormattingIndent(1);
        m_xml.writeStartDocument();
        m_xml.writeDefaultNamespace(QString::fromLatin1(WhoisXmlWriter::xwpNamespace));
        m_xml.writeStartElement(QStringLiteral("xwp"));
    }

    QXmlStreamWriter &xml() { return m_xml; }

    void start(const char *name) { m_xml.writeStartElement(QLatin1StringView(name)); }
    void end() { m_xml.writeEndElement(); }
    void attribute(const char *name, const QString &value) { m_xml.writeAttribute(QLatin1StringView(name), clean(value)); }
    void element(const char *name, const QString &value) { m_xml.writeTextElement(QLatin1StringView(name), clean(value)); }
    void optionalElement(const char *name, const QString &value)
    {
        if (!value.isEmpty())
            element(name, value);
    }
    void date(const char *name, const QDateTime &time)
    {
        if (time.isValid())
            element(name, whoisDate(time));
    }

    QByteArray finish(const WhoisAnswerContext *context)
    {
        if (context)
            date("lastUpdate", context->databaseUpdated);
        start("termsOfUse");
        m_xml.writeCharacters(whoisTermsOfUse().join(u' '));
        end();
        m_xml.writeEndElement();   // xwp
        m_xml.writeEndDocument();
        return m_bytes;
    }

private:
    // XML 1.0 cannot carry most control characters; a stored value with one must still give a
    // well-formed answer.
    static QString clean(QString value)
    {
        for (qsizetype i = 0; i < value.size(); ++i) {
            const char16_t c = value.at(i).unicode();
            if (c < 0x20 || c == 0x7f || c == 0xfffe || c == 0xffff)
                value[i] = u' ';
        }
        return value;
    }

    QByteArray m_bytes;
    QXmlStreamWriter m_xml;
};

void writeRegistrarBody(XmlAnswer &out, const RegistrarView &registrar)
{
    out.attribute("id", registrar.id);
    out.element("name", registrar.name);
    if (registrar.ianaId)
        out.element("ianaId", QString::number(*registrar.ianaId));
    out.optionalElement("status", registrar.status);
    out.optionalElement("url", registrar.url);
    out.optionalElement("whoisServer", registrar.whoisServer);
    out.optionalElement("webWhoisUrl", registrar.webWhoisUrl);
    out.optionalElement("email", registrar.email);
    out.optionalElement("phone", registrar.phone);
    out.date("created", registrar.createdAt);
}

void writeContact(XmlAnswer &out, const char *role, const ContactView &contact)
{
    const ContactDisclosure shown = ContactDisclosure::forLevel(contact.privacy);
    out.start("contact");
    out.attribute("role", QString::fromLatin1(role));
    out.attribute("privacy", srs::privacyLevelName(contact.privacy));
    if (shown.name) {
        out.attribute("id", contact.id);
        out.element("name", contact.name);
    }
    if (shown.org && !contact.org.isEmpty())
        out.element("org", contact.org);
    if (shown.address) {
        out.start("address");
        for (const QString &street : contact.street)
            out.element("street", street);
        out.element("city", contact.city);
        out.optionalElement("sp", contact.sp);
        out.optionalElement("pc", contact.pc);
        out.element("cc", contact.cc);
        out.end();
    }
    if (shown.voice)
        out.optionalElement("voice", contact.voice);
    if (shown.fax)
        out.optionalElement("fax", contact.fax);
    if (shown.email)
        out.optionalElement("email", contact.email);
    out.end();
}

const char *roleName(srs::DomainContact::Type type)
{
    switch (type) {
    case srs::DomainContact::Type::Admin: return "admin";
    case srs::DomainContact::Type::Tech: return "tech";
    case srs::DomainContact::Type::Billing: return "billing";
    }
    return "admin";
}

void writeHost(XmlAnswer &out, const HostView &host)
{
    out.start("host");
    out.element("name", host.name);
    out.element("unicodeName", host.unicodeName);
    out.element("roid", host.roid);
    for (const QHostAddress &address : host.addresses)
        out.element("address", address.toString());
    for (const QString &status : host.statuses)
        out.element("status", status);
    out.start("registrar");
    writeRegistrarBody(out, host.sponsor);
    out.end();
    out.date("created", host.createdAt);
    if (host.updatedAt)
        out.date("updated", *host.updatedAt);
    out.end();
}

QByteArray errorDocument(const char *code, const QString &message, std::optional<qint64> retryAfterSecs = {})
{
    XmlAnswer out;
    out.start("error");
    out.attribute("code", QString::fromLatin1(code));
    if (retryAfterSecs)
        out.attribute("retryAfter", QString::number(*retryAfterSecs));
    out.xml().writeCharacters(message);
    out.end();
    return out.finish(nullptr);
}

} // namespace

QByteArray WhoisXmlWriter::domain(const DomainView &domain, const WhoisAnswerContext &context) const
{
    XmlAnswer out;
    out.start("domain");
    out.element("name", domain.name);
    out.element("unicodeName", domain.unicodeName);
    out.element("roid", domain.roid);
    for (const QString &status : domain.statuses)
        out.element("status", status);
    out.start("registrar");
    writeRegistrarBody(out, domain.sponsor);
    out.end();
    if (domain.registrant)
        writeContact(out, "registrant", *domain.registrant);
    for (const auto &[type, contact] : domain.contacts)
        writeContact(out, roleName(type), contact);
    for (const NameServerView &ns : domain.nameServers) {
        out.start("nameServer");
        out.element("name", ns.name);
        out.element("unicodeName", ns.unicodeName);
        for (const QHostAddress &address : ns.addresses)
            out.element("address", address.toString());
        out.end();
    }
    out.start("dnssec");
    out.attribute("signed", domain.dsRecords.isEmpty() ? QStringLiteral("false") : QStringLiteral("true"));
    for (const srs::DsRecord &ds : domain.dsRecords) {
        out.start("ds");
        out.attribute("keyTag", QString::number(ds.keyTag));
        out.attribute("algorithm", QString::number(ds.algorithm));
        out.attribute("digestType", QString::number(ds.digestType));
        out.attribute("digest", ds.digest);
        out.end();
    }
    out.end();
    out.date("created", domain.createdAt);
    if (domain.updatedAt)
        out.date("updated", *domain.updatedAt);
    out.date("expires", domain.expiresAt);
    if (domain.transferredAt)
        out.date("transferred", *domain.transferredAt);
    if (!domain.customFields.isEmpty()) {
        out.start("additional");
        for (const srs::CustomField &custom : domain.customFields) {
            out.start("custom");
            out.attribute("name", custom.name);
            out.attribute("value", custom.value);
            out.end();
        }
        out.end();
    }
    out.end();
    return out.finish(&context);
}

QByteArray WhoisXmlWriter::hosts(const QList<std::shared_ptr<const HostView>> &hosts, const WhoisAnswerContext &context) const
{
    XmlAnswer out;
    out.start("hosts");
    for (const std::shared_ptr<const HostView> &host : hosts)
        writeHost(out, *host);
    out.end();
    return out.finish(&context);
}

QByteArray WhoisXmlWriter::registrar(const RegistrarView &registrar, const WhoisAnswerContext &context) const
{
    XmlAnswer out;
    out.start("registrar");
    writeRegistrarBody(out, registrar);
    out.end();
    return out.finish(&context);
}

QByteArray WhoisXmlWriter::registrars(const QList<RegistrarView> &registrars, const WhoisAnswerContext &context) const
{
    XmlAnswer out;
    out.start("registrars");
    for (const RegistrarView &registrar : registrars) {
        out.start("registrar");
        out.attribute("id", registrar.id);
        out.element("name", registrar.name);
        out.end();
    }
    out.end();
    return out.finish(&context);
}

QByteArray WhoisXmlWriter::help(const WhoisAnswerContext &context) const
{
    XmlAnswer out;
    out.start("help");
    for (const QString &line : whoisHelpLines())
        out.element("line", line);
    out.end();
    return out.finish(&context);
}

QByteArray WhoisXmlWriter::noMatch(const WhoisQuery &query, const WhoisAnswerContext &context) const
{
    XmlAnswer out;
    out.start("noMatch");
    out.attribute("type", QString::fromLatin1(WhoisQuery::typeName(query.type)));
    if (query.type == WhoisQuery::Type::Address) {
        out.attribute("query", query.address.toString());
    } else {
        out.attribute("query", query.name);
        if (!query.unicodeName.isEmpty())
            out.attribute("unicodeQuery", query.unicodeName);
    }
    out.end();
    return out.finish(&context);
}

QByteArray WhoisXmlWriter::temporaryFailure() const
{
    return errorDocument("temporary-failure", QStringLiteral("The registry cannot answer right now; try again in a minute."));
}

QByteArray WhoisXmlWriter::rateLimited(const QHostAddress &client, qint64 retryAfterSecs) const
{
    const qint64 secs = qMax<qint64>(1, retryAfterSecs);
    return errorDocument("rate-limited",
                         QStringLiteral("Query rate limit exceeded for %1; try again in %2 seconds.").arg(client.toString()).arg(secs),
                         secs);
}

QByteArray WhoisXmlWriter::invalidQuery(const QString &message) const
{
    return errorDocument("invalid-query", message);
}

} // namespace reg::whois
