#include "whoistextwriter.h"

#include "whoisquery.h"

#include "directory/disclosure.h"

#include <algorithm>

namespace reg::whois {
namespace {

using namespace directory;

// Builds one answer; every line goes through here so values can never break the format.
class TextAnswer
{
public:
    TextAnswer() { m_text.reserve(2048); }

    void comment(const QString &line)
    {
        m_text += u"% ";
        appendClean(line);
        m_text += u"\r\n";
    }
    void blank() { m_text += u"\r\n"; }
    void line(const QString &text)
    {
        appendClean(text);
        m_text += u"\r\n";
    }
    void field(QLatin1StringView label, const QString &value)
    {
        m_text += label;
        m_text += u": ";
        appendClean(value);
        m_text += u"\r\n";
    }
    void optionalField(QLatin1StringView label, const QString &value)
    {
        if (!value.isEmpty())
            field(label, value);
    }
    // A label made of a role and a field ("Registrant" "Name").
    void roleField(const QString &role, QLatin1StringView label, const QString &value)
    {
        m_text += role;
        m_text += u' ';
        field(label, value);
    }
    void customField(const QString &name, const QString &value)
    {
        appendClean(name);
        m_text += u": ";
        appendClean(value);
        m_text += u"\r\n";
    }
    void header()
    {
        // The same for every answer: built once.
        static const QString text = []() -> QString {
            QString lines;
            for (const QString &line : whoisTermsOfUse())
                lines += u"% " + line + u"\r\n";
            return lines + u"\r\n";
        }();
        m_text += text;
    }
    void footer(const WhoisAnswerContext &context)
    {
        blank();
        m_text += u">>> Last update of Whois database: " + whoisDate(context.databaseUpdated) + u" <<<\r\n";
    }
    QByteArray bytes() const { return m_text.toUtf8(); }

private:
    // Stored values were checked when they were written, but a line break or control character in
    // one would let a registrar forge lines of an answer: they become spaces.
    void appendClean(const QString &value)
    {
        const auto *begin = reinterpret_cast<const char16_t *>(value.constData());
        const char16_t *end = begin + value.size();
        const auto unsafe = [](char16_t c) { return c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f); };
        if (std::none_of(begin, end, unsafe)) {   // the usual case: nothing to replace
            m_text += value;
            return;
        }
        for (const char16_t *c = begin; c != end; ++c)
            m_text += unsafe(*c) ? QChar(u' ') : QChar(*c);
    }

    QString m_text;
};

QString statusLine(const QString &status)
{
    // The ICANN convention: the EPP status code, then the page that explains it.
    return status + u" https://icann.org/epp#" + status;
}

QString roleName(srs::DomainContact::Type type)
{
    switch (type) {
    case srs::DomainContact::Type::Admin: return QStringLiteral("Admin");
    case srs::DomainContact::Type::Tech: return QStringLiteral("Tech");
    case srs::DomainContact::Type::Billing: return QStringLiteral("Billing");
    }
    return QStringLiteral("Contact");
}

void writeContact(TextAnswer &out, const QString &role, const ContactView &contact)
{
    const ContactDisclosure shown = ContactDisclosure::forLevel(contact.privacy);
    out.roleField(role, QLatin1StringView("Privacy"), srs::privacyLevelName(contact.privacy));
    if (shown.name) {
        out.roleField(role, QLatin1StringView("ID"), contact.id);
        out.roleField(role, QLatin1StringView("Name"), contact.name);
    }
    if (shown.org && !contact.org.isEmpty())
        out.roleField(role, QLatin1StringView("Organization"), contact.org);
    if (shown.address) {
        for (const QString &street : contact.street)
            out.roleField(role, QLatin1StringView("Street"), street);
        out.roleField(role, QLatin1StringView("City"), contact.city);
        if (!contact.sp.isEmpty())
            out.roleField(role, QLatin1StringView("State/Province"), contact.sp);
        if (!contact.pc.isEmpty())
            out.roleField(role, QLatin1StringView("Postal Code"), contact.pc);
        out.roleField(role, QLatin1StringView("Country"), contact.cc);
    }
    if (shown.voice && !contact.voice.isEmpty())
        out.roleField(role, QLatin1StringView("Phone"), contact.voice);
    if (shown.fax && !contact.fax.isEmpty())
        out.roleField(role, QLatin1StringView("Fax"), contact.fax);
    if (shown.email && !contact.email.isEmpty())
        out.roleField(role, QLatin1StringView("Email"), contact.email);
}

void writeSponsor(TextAnswer &out, const RegistrarView &registrar)
{
    out.field(QLatin1StringView("Registrar"), registrar.name);
    out.field(QLatin1StringView("Registrar ID"), registrar.id);
    if (registrar.ianaId)
        out.field(QLatin1StringView("Registrar IANA ID"), QString::number(*registrar.ianaId));
    out.optionalField(QLatin1StringView("Registrar URL"), registrar.url);
    out.optionalField(QLatin1StringView("Registrar WHOIS Server"), registrar.whoisServer);
    out.optionalField(QLatin1StringView("Registrar Email"), registrar.email);
    out.optionalField(QLatin1StringView("Registrar Phone"), registrar.phone);
}

void writeHost(TextAnswer &out, const HostView &host)
{
    out.field(QLatin1StringView("Server Name"), host.name);
    if (host.unicodeName != host.name)
        out.field(QLatin1StringView("Internationalized Server Name"), host.unicodeName);
    out.field(QLatin1StringView("Registry Server ID"), host.roid);
    for (const QHostAddress &address : host.addresses)
        out.field(QLatin1StringView("IP Address"), address.toString());
    for (const QString &status : host.statuses)
        out.field(QLatin1StringView("Server Status"), statusLine(status));
    writeSponsor(out, host.sponsor);
    out.field(QLatin1StringView("Creation Date"), whoisDate(host.createdAt));
    if (host.updatedAt)
        out.field(QLatin1StringView("Updated Date"), whoisDate(*host.updatedAt));
}

} // namespace

QByteArray WhoisTextWriter::domain(const DomainView &domain, const WhoisAnswerContext &context) const
{
    return domainBody(domain) + footer(context);
}

QByteArray WhoisTextWriter::domainBody(const DomainView &domain) const
{
    TextAnswer out;
    out.header();
    out.field(QLatin1StringView("Domain Name"), domain.name);
    if (domain.unicodeName != domain.name)
        out.field(QLatin1StringView("Internationalized Domain Name"), domain.unicodeName);
    out.field(QLatin1StringView("Registry Domain ID"), domain.roid);
    writeSponsor(out, domain.sponsor);
    out.field(QLatin1StringView("Creation Date"), whoisDate(domain.createdAt));
    if (domain.updatedAt)
        out.field(QLatin1StringView("Updated Date"), whoisDate(*domain.updatedAt));
    out.field(QLatin1StringView("Registry Expiry Date"), whoisDate(domain.expiresAt));
    if (domain.transferredAt)
        out.field(QLatin1StringView("Last Transfer Date"), whoisDate(*domain.transferredAt));
    for (const QString &status : domain.statuses)
        out.field(QLatin1StringView("Domain Status"), statusLine(status));
    if (domain.registrant)
        writeContact(out, QStringLiteral("Registrant"), *domain.registrant);
    for (const auto &[type, contact] : domain.contacts)
        writeContact(out, roleName(type), contact);
    for (const NameServerView &ns : domain.nameServers) {
        out.field(QLatin1StringView("Name Server"), ns.name);
        if (ns.unicodeName != ns.name)
            out.field(QLatin1StringView("Internationalized Name Server"), ns.unicodeName);
        for (const QHostAddress &address : ns.addresses)
            out.field(QLatin1StringView("Name Server IP"), ns.name + u' ' + address.toString());
    }
    out.field(QLatin1StringView("DNSSEC"), domain.dsRecords.isEmpty() ? QStringLiteral("unsigned")
                                                                      : QStringLiteral("signedDelegation"));
    for (const srs::DsRecord &ds : domain.dsRecords)
        out.field(QLatin1StringView("DS Record"), QStringLiteral("%1 %2 %3 %4").arg(ds.keyTag).arg(ds.algorithm)
                                                      .arg(ds.digestType).arg(ds.digest));
    if (!domain.customFields.isEmpty()) {
        out.blank();
        out.field(QLatin1StringView("Additional Information"), {});
        for (const srs::CustomField &custom : domain.customFields)
            out.customField(custom.name, custom.value);
    }
    return out.bytes();
}

QByteArray WhoisTextWriter::footer(const WhoisAnswerContext &context) const
{
    TextAnswer out;
    out.footer(context);
    return out.bytes();
}

QByteArray WhoisTextWriter::hosts(const QList<std::shared_ptr<const HostView>> &hosts, const WhoisAnswerContext &context) const
{
    TextAnswer out;
    out.header();
    bool first = true;
    for (const std::shared_ptr<const HostView> &host : hosts) {
        if (!first)
            out.blank();
        first = false;
        writeHost(out, *host);
    }
    out.footer(context);
    return out.bytes();
}

QByteArray WhoisTextWriter::registrar(const RegistrarView &registrar, const WhoisAnswerContext &context) const
{
    TextAnswer out;
    out.header();
    out.field(QLatin1StringView("Registrar"), registrar.name);
    out.field(QLatin1StringView("Registrar ID"), registrar.id);
    if (registrar.ianaId)
        out.field(QLatin1StringView("Registrar IANA ID"), QString::number(*registrar.ianaId));
    out.field(QLatin1StringView("Registrar Status"), registrar.status);
    out.optionalField(QLatin1StringView("Registrar URL"), registrar.url);
    out.optionalField(QLatin1StringView("Registrar WHOIS Server"), registrar.whoisServer);
    out.optionalField(QLatin1StringView("Registrar Web WHOIS URL"), registrar.webWhoisUrl);
    out.optionalField(QLatin1StringView("Registrar Email"), registrar.email);
    out.optionalField(QLatin1StringView("Registrar Phone"), registrar.phone);
    if (registrar.createdAt.isValid())
        out.field(QLatin1StringView("Creation Date"), whoisDate(registrar.createdAt));
    out.footer(context);
    return out.bytes();
}

QByteArray WhoisTextWriter::registrars(const QList<RegistrarView> &registrars, const WhoisAnswerContext &context) const
{
    TextAnswer out;
    out.header();
    for (const RegistrarView &registrar : registrars) {
        out.field(QLatin1StringView("Registrar"), registrar.name);
        out.field(QLatin1StringView("Registrar ID"), registrar.id);
    }
    out.footer(context);
    return out.bytes();
}

QByteArray WhoisTextWriter::help(const WhoisAnswerContext &context) const
{
    TextAnswer out;
    out.header();
    for (const QString &line : whoisHelpLines())
        out.comment(line);
    out.footer(context);
    return out.bytes();
}

QByteArray WhoisTextWriter::noMatch(const WhoisQuery &query, const WhoisAnswerContext &context) const
{
    TextAnswer out;
    out.header();
    const QString asked = query.type == WhoisQuery::Type::Address ? query.address.toString()
                          : query.name.isEmpty()                  ? query.text
                                                                  : query.name;
    // The answer shows both forms of an internationalised name.
    if (!query.unicodeName.isEmpty() && query.unicodeName != query.name)
        out.line(u"No match for \"" + query.name + u"\" (\"" + query.unicodeName + u"\").");
    else
        out.line(u"No match for \"" + asked + u"\".");
    out.footer(context);
    return out.bytes();
}

QByteArray WhoisTextWriter::temporaryFailure() const
{
    return QByteArrayLiteral("% Temporary failure: the registry cannot answer right now; try again in a minute.\r\n");
}

QByteArray WhoisTextWriter::rateLimited(const QHostAddress &client, qint64 retryAfterSecs) const
{
    return "% Query rate limit exceeded for " + client.toString().toLatin1() + "; try again in "
           + QByteArray::number(qMax<qint64>(1, retryAfterSecs)) + " seconds.\r\n";
}

QByteArray WhoisTextWriter::invalidQuery(const QString &message) const
{
    TextAnswer out;
    out.comment(u"Error: " + message);
    out.comment(QStringLiteral("Send \"help\" for the query syntax."));
    return out.bytes();
}

} // namespace reg::whois
