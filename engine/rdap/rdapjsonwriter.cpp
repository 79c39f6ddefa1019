#include "rdapjsonwriter.h"

#include "jsonwriter.h"

#include "directory/disclosure.h"

#include <QUrl>

namespace reg::rdap {
namespace {

using directory::ContactDisclosure;
using directory::ContactView;
using directory::DomainView;
using directory::HostView;
using directory::NameServerView;
using directory::RegistrarView;

const char kTermsOfUse[] =
    "This service gives information about registered domain names, name servers and registrars for "
    "lookups of individual objects. Automated bulk collection is not permitted and is limited per client "
    "address. Personal data is published only as far as each registrant allows; what is withheld is "
    "listed under \"redacted\".";

void writeConformance(JsonWriter &w, bool redacted)
{
    w.key("rdapConformance").beginArray().value("rdap_level_0");
    if (redacted)
        w.value("redacted");
    w.endArray();
}

void writeLink(JsonWriter &w, const QString &value, const char *rel, const QString &href, const char *type)
{
    w.beginObject().member("value", value).member("rel", rel).member("href", href).member("type", type).endObject();
}

void writeNotices(JsonWriter &w, const QString &baseUrl, const char *truncatedDescription = nullptr)
{
    w.key("notices").beginArray();
    w.beginObject().member("title", "Terms of Use");
    w.key("description").beginArray().value(kTermsOfUse).endArray();
    w.key("links").beginArray();
    writeLink(w, baseUrl + u"help", "help", baseUrl + u"help", "application/rdap+json");
    w.endArray();
    w.endObject();
    if (truncatedDescription) {
        w.beginObject().member("title", "Search Results Truncated");
        w.member("type", "result set truncated due to excessive load");
        w.key("description").beginArray().value(truncatedDescription).endArray();
        w.endObject();
    }
    w.endArray();
}

void writeEvent(JsonWriter &w, const char *action, const QDateTime &at)
{
    w.beginObject().member("eventAction", action).member("eventDate", RdapJsonWriter::rfc3339(at)).endObject();
}

void writeStatuses(JsonWriter &w, const QStringList &statuses)
{
    w.key("status").beginArray();
    QStringList written;
    for (const QString &s : statuses) {
        const QString rdap = RdapJsonWriter::rdapStatus(s);
        if (!written.contains(rdap)) {
            written.append(rdap);
            w.value(rdap);
        }
    }
    w.endArray();
}

void writeIpAddresses(JsonWriter &w, const QList<QHostAddress> &addresses)
{
    if (addresses.isEmpty())
        return;
    w.key("ipAddresses").beginObject();
    for (const auto protocol : {QAbstractSocket::IPv4Protocol, QAbstractSocket::IPv6Protocol}) {
        bool any = false;
        for (const QHostAddress &a : addresses) {
            if (a.protocol() != protocol)
                continue;
            if (!any)
                w.key(protocol == QAbstractSocket::IPv4Protocol ? "v4" : "v6").beginArray();
            any = true;
            w.value(a.toString());
        }
        if (any)
            w.endArray();
    }
    w.endObject();
}

// "+1.5555551234 x12" (ContactView) -> "tel:+1.5555551234;ext=12" (RFC 3966, as RFC 9083 shows).
QString telUri(const QString &phone)
{
    const qsizetype x = phone.indexOf(u" x");
    if (x < 0)
        return u"tel:" + phone;
    return u"tel:" + phone.first(x) + u";ext=" + phone.sliced(x + 2);
}

void writeTel(JsonWriter &w, const char *type, const QString &number)
{
    w.beginArray().value("tel").beginObject().key("type").beginArray().value(type).endArray().endObject();
    w.value("uri").value(telUri(number)).endArray();
}

// The RDAP URL of an entity answer.
QString entityUrl(const QString &baseUrl, const QString &handle)
{
    return baseUrl + u"entity/" + QString::fromLatin1(QUrl::toPercentEncoding(handle));
}

// The members of the registrar as an entity (RFC 9083 5.1), public in full.
void writeRegistrarMembers(JsonWriter &w, const RegistrarView &r, const QString &baseUrl)
{
    w.member("objectClassName", "entity").member("handle", r.id);
    w.key("roles").beginArray().value("registrar").endArray();
    if (r.ianaId) {
        w.key("publicIds").beginArray().beginObject().member("type", "IANA Registrar ID");
        w.member("identifier", QString::number(*r.ianaId)).endObject().endArray();
    }
    w.key("vcardArray").beginArray().value("vcard").beginArray();
    w.beginArray().value("version").beginObject().endObject().value("text").value("4.0").endArray();
    w.beginArray().value("fn").beginObject().endObject().value("text").value(r.name).endArray();
    if (!r.phone.isEmpty())
        writeTel(w, "voice", r.phone);
    if (!r.email.isEmpty())
        w.beginArray().value("email").beginObject().endObject().value("text").value(r.email).endArray();
    if (!r.url.isEmpty())
        w.beginArray().value("url").beginObject().endObject().value("uri").value(r.url).endArray();
    w.endArray().endArray();
    const QString self = entityUrl(baseUrl, r.id);
    w.key("links").beginArray();
    writeLink(w, self, "self", self, "application/rdap+json");
    if (!r.url.isEmpty())
        writeLink(w, self, "about", r.url, "text/html");
    if (!r.rdapBaseUrl.isEmpty())
        writeLink(w, self, "related", r.rdapBaseUrl, "application/rdap+json");   // the registrar's own RDAP service
    w.endArray();
    if (r.status == u"ok")
        w.key("status").beginArray().value("active").endArray();
}

void writeRegistrarEntity(JsonWriter &w, const RegistrarView &r, const QString &baseUrl)
{
    w.beginObject();
    writeRegistrarMembers(w, r, baseUrl);
    w.endObject();
}

// One removal to declare in "redacted" (RFC 9537 4.2).
struct Redaction
{
    QString name;
    bool registeredType = false;   // name is a registered redaction type (IANA), else a description
    QString path;                  // prePath (removal) or postPath (emptyValue)
    bool emptyValue = false;
    QString reason;
};

// Where a contact entity is written: inside a domain with its role, or as the answer itself.
struct ContactPlacement
{
    const char *role;        // RDAP role; nullptr: the top level of an entity answer (no role there)
    const char *prefix;      // redaction names: "Registrant Name", "Tech Email"...
    bool registered;         // the ICANN/IANA redaction names exist for this role
    QString path;            // JSONPath of the entity object
};

// JSONPath selects an embedded contact by roles[0], which is unique per entity in our answers.
ContactPlacement embedded(const char *role, const char *prefix, bool registered)
{
    return {role, prefix, registered, QStringLiteral("$.entities[?(@.roles[0]=='%1')]").arg(QLatin1StringView(role))};
}

ContactPlacement placementFor(std::optional<srs::DomainContact::Type> type)
{
    if (!type)
        return embedded("registrant", "Registrant", true);
    switch (*type) {
    case srs::DomainContact::Type::Admin:
        return embedded("administrative", "Administrative", false);
    case srs::DomainContact::Type::Tech:
        return embedded("technical", "Tech", true);
    case srs::DomainContact::Type::Billing:
        break;
    }
    return embedded("billing", "Billing", false);
}

// A contact looked up by its handle: it has no role in the answer, and the registered redaction
// types are all role-bound ("Registrant Email"), so the names are descriptions.
ContactPlacement topLevelPlacement()
{
    return {nullptr, "Contact", false, QStringLiteral("$")};
}

// A contact's members with only what its privacy level lets out; the removals are added to
// `redactions`. rdapDatabaseUpdate: the answer's time, for a contact that is the answer itself.
void writeContactMembers(JsonWriter &w, const ContactView &c, const ContactPlacement &names, const QString &baseUrl,
                         const QDateTime *rdapDatabaseUpdate, QList<Redaction> &redactions)
{
    const ContactDisclosure disclosure = ContactDisclosure::forLevel(c.privacy);
    const QString &entity = names.path;
    const QString card = entity + u".vcardArray[1]";
    const QString reason = QStringLiteral("the contact's privacy preference (%1)").arg(srs::privacyLevelName(c.privacy));
    const auto redact = [&](const char *what, bool registeredIfRole, const QString &path, bool emptyValue = false) {
        redactions.append({QLatin1StringView(names.prefix) + u' ' + QLatin1StringView(what), names.registered && registeredIfRole,
                           path, emptyValue, reason});
    };
    // A contact hidden altogether loses its handle too: the id a registrar chose often names the
    // person. Asked for by its handle, it shows the handle the client already has (docs/rdap.md).
    const bool showHandle = disclosure.name || !names.role;

    w.member("objectClassName", "entity");
    if (showHandle)
        w.member("handle", c.id);
    else
        redactions.append({names.registered ? QStringLiteral("Registry %1 ID").arg(QLatin1StringView(names.prefix))
                                            : QLatin1StringView(names.prefix) + u" ID",
                           names.registered, entity + u".handle", false, reason});
    if (names.role)
        w.key("roles").beginArray().value(names.role).endArray();
    w.key("vcardArray").beginArray().value("vcard").beginArray();
    w.beginArray().value("version").beginObject().endObject().value("text").value("4.0").endArray();
    // jCard requires "fn": a hidden name is written empty and declared as emptyValue.
    w.beginArray().value("fn").beginObject().endObject().value("text").value(disclosure.name ? c.name : QString()).endArray();
    if (!disclosure.name)
        redact("Name", true, card + u"[?(@[0]=='fn')][3]", true);
    if (disclosure.org) {
        if (!c.org.isEmpty())
            w.beginArray().value("org").beginObject().endObject().value("text").value(c.org).endArray();
    } else {
        redact("Organization", true, card + u"[?(@[0]=='org')]");
    }
    if (disclosure.address) {
        w.beginArray().value("adr").beginObject();
        if (!c.cc.isEmpty())
            w.member("cc", c.cc);
        w.endObject().value("text").beginArray().value("").value("");
        if (c.street.size() == 1) {
            w.value(c.street.front());
        } else {
            w.beginArray();
            for (const QString &line : c.street)
                w.value(line);
            w.endArray();
        }
        w.value(c.city).value(c.sp).value(c.pc).value("").endArray().endArray();
    } else {
        const QString adr = card + u"[?(@[0]=='adr')]";
        redact("Street", true, adr);
        redact("City", true, adr);
        redact("State/Province", false, adr);
        redact("Postal Code", true, adr);
        redact("Country", false, adr);
    }
    if (disclosure.voice) {
        if (!c.voice.isEmpty())
            writeTel(w, "voice", c.voice);
    } else {
        redact("Phone", true, card + u"[?(@[1].type[0]=='voice')]");
    }
    if (disclosure.fax) {
        if (!c.fax.isEmpty())
            writeTel(w, "fax", c.fax);
    } else {
        redact("Fax", true, card + u"[?(@[1].type[0]=='fax')]");
    }
    if (disclosure.email) {
        if (!c.email.isEmpty())
            w.beginArray().value("email").beginObject().endObject().value("text").value(c.email).endArray();
    } else {
        redact("Email", true, card + u"[?(@[0]=='email')]");
    }
    w.endArray().endArray();
    if (!c.statuses.isEmpty())
        writeStatuses(w, c.statuses);
    w.key("events").beginArray();
    if (c.createdAt.isValid())
        writeEvent(w, "registration", c.createdAt);
    if (c.updatedAt.isValid())
        writeEvent(w, "last changed", c.updatedAt);
    if (rdapDatabaseUpdate)
        writeEvent(w, "last update of RDAP database", *rdapDatabaseUpdate);
    w.endArray();
    if (showHandle) {
        const QString self = entityUrl(baseUrl, c.id);
        w.key("links").beginArray();
        writeLink(w, self, "self", self, "application/rdap+json");
        w.endArray();
    }
}

void writeContactEntity(JsonWriter &w, const ContactView &c, std::optional<srs::DomainContact::Type> type, const QString &baseUrl,
                        QList<Redaction> &redactions)
{
    w.beginObject();
    writeContactMembers(w, c, placementFor(type), baseUrl, nullptr, redactions);
    w.endObject();
}

void writeRedacted(JsonWriter &w, const QList<Redaction> &redactions)
{
    if (redactions.isEmpty())
        return;
    w.key("redacted").beginArray();
    for (const Redaction &r : redactions) {
        w.beginObject();
        w.key("name").beginObject().member(r.registeredType ? "type" : "description", r.name).endObject();
        w.member(r.emptyValue ? "postPath" : "prePath", r.path);
        w.member("pathLang", "jsonpath");
        w.member("method", r.emptyValue ? "emptyValue" : "removal");
        w.key("reason").beginObject().member("description", r.reason).endObject();
        w.endObject();
    }
    w.endArray();
}

void writeNameServer(JsonWriter &w, const NameServerView &ns, const QString &baseUrl)
{
    w.beginObject().member("objectClassName", "nameserver").member("ldhName", ns.name);
    if (ns.unicodeName != ns.name && !ns.unicodeName.isEmpty())
        w.member("unicodeName", ns.unicodeName);
    writeIpAddresses(w, ns.addresses);
    const QString self = baseUrl + u"nameserver/" + ns.name;
    w.key("links").beginArray();
    writeLink(w, self, "self", self, "application/rdap+json");
    w.endArray();
    w.endObject();
}

void writeRemarks(JsonWriter &w, const QList<srs::CustomField> &fields)
{
    if (fields.isEmpty())
        return;
    w.key("remarks").beginArray().beginObject().member("title", "Additional Information");
    w.key("description").beginArray();
    for (const srs::CustomField &f : fields)
        w.value(f.name + u": " + f.value);
    w.endArray().endObject().endArray();
}

// The members of a domain object; `full` adds contacts (with redaction) and remarks.
void writeDomainMembers(JsonWriter &w, const DomainView &d, const QString &baseUrl, const QString &port43, bool full,
                        const QDateTime &databaseUpdate, QList<Redaction> &redactions)
{
    w.member("objectClassName", "domain").member("handle", d.roid).member("ldhName", d.name);
    if (d.unicodeName != d.name && !d.unicodeName.isEmpty())
        w.member("unicodeName", d.unicodeName);
    writeStatuses(w, d.statuses);
    w.key("events").beginArray();
    writeEvent(w, "registration", d.createdAt);
    if (d.updatedAt)
        writeEvent(w, "last changed", *d.updatedAt);
    writeEvent(w, "expiration", d.expiresAt);
    if (d.transferredAt)
        writeEvent(w, "transfer", *d.transferredAt);
    writeEvent(w, "last update of RDAP database", databaseUpdate);
    w.endArray();

    w.key("entities").beginArray();
    writeRegistrarEntity(w, d.sponsor, baseUrl);
    if (full) {
        if (d.registrant)
            writeContactEntity(w, *d.registrant, std::nullopt, baseUrl, redactions);
        QList<srs::DomainContact::Type> seen;
        for (const auto &[type, contact] : d.contacts) {
            if (seen.contains(type))
                continue;   // one entity per role keeps every redaction path unambiguous
            seen.append(type);
            writeContactEntity(w, contact, type, baseUrl, redactions);
        }
    }
    w.endArray();

    w.key("nameservers").beginArray();
    for (const NameServerView &ns : d.nameServers)
        writeNameServer(w, ns, baseUrl);
    w.endArray();

    w.key("secureDNS").beginObject().key("delegationSigned").value(!d.dsRecords.isEmpty());
    if (!d.dsRecords.isEmpty()) {
        w.key("dsData").beginArray();
        for (const srs::DsRecord &ds : d.dsRecords) {
            w.beginObject().key("keyTag").value(ds.keyTag).key("algorithm").value(ds.algorithm);
            w.member("digest", ds.digest).key("digestType").value(ds.digestType).endObject();
        }
        w.endArray();
    }
    w.endObject();

    const QString self = baseUrl + u"domain/" + d.name;
    w.key("links").beginArray();
    writeLink(w, self, "self", self, "application/rdap+json");
    // RDAP Response Profile 2.2: the sponsoring registrar's own answer for the domain.
    if (const QString &rar = d.sponsor.rdapBaseUrl; !rar.isEmpty())
        writeLink(w, self, "related", (rar.endsWith(u'/') ? rar : rar + u'/') + u"domain/" + d.name, "application/rdap+json");
    w.endArray();
    if (full)
        writeRemarks(w, d.customFields);
    if (!port43.isEmpty())
        w.member("port43", port43);
}

void writeHostMembers(JsonWriter &w, const HostView &h, const QString &baseUrl, const QString &port43,
                      const QDateTime &databaseUpdate)
{
    w.member("objectClassName", "nameserver").member("handle", h.roid).member("ldhName", h.name);
    if (h.unicodeName != h.name && !h.unicodeName.isEmpty())
        w.member("unicodeName", h.unicodeName);
    writeIpAddresses(w, h.addresses);
    writeStatuses(w, h.statuses);
    w.key("events").beginArray();
    writeEvent(w, "registration", h.createdAt);
    if (h.updatedAt)
        writeEvent(w, "last changed", *h.updatedAt);
    writeEvent(w, "last update of RDAP database", databaseUpdate);
    w.endArray();
    w.key("entities").beginArray();
    writeRegistrarEntity(w, h.sponsor, baseUrl);
    w.endArray();
    const QString self = baseUrl + u"nameserver/" + h.name;
    w.key("links").beginArray();
    writeLink(w, self, "self", self, "application/rdap+json");
    w.endArray();
    if (!port43.isEmpty())
        w.member("port43", port43);
}

} // namespace

RdapJsonWriter::RdapJsonWriter(QString baseUrl, QString port43) : m_baseUrl(std::move(baseUrl)), m_port43(std::move(port43))
{
    if (!m_baseUrl.endsWith(u'/'))
        m_baseUrl.append(u'/');
}

QByteArray RdapJsonWriter::domain(const DomainView &d, const QDateTime &databaseUpdate) const
{
    JsonWriter w;
    QList<Redaction> redactions;
    w.beginObject();
    writeConformance(w, true);
    writeDomainMembers(w, d, m_baseUrl, m_port43, true, databaseUpdate, redactions);
    writeNotices(w, m_baseUrl);
    writeRedacted(w, redactions);
    w.endObject();
    return w.take();
}

QByteArray RdapJsonWriter::nameserver(const HostView &h, const QDateTime &databaseUpdate) const
{
    JsonWriter w;
    w.beginObject();
    writeConformance(w, false);
    writeHostMembers(w, h, m_baseUrl, m_port43, databaseUpdate);
    writeNotices(w, m_baseUrl);
    w.endObject();
    return w.take();
}

QByteArray RdapJsonWriter::registrar(const RegistrarView &r, const QDateTime &databaseUpdate) const
{
    JsonWriter w;
    w.beginObject();
    writeConformance(w, false);
    writeRegistrarMembers(w, r, m_baseUrl);
    w.key("events").beginArray();
    if (r.createdAt.isValid())
        writeEvent(w, "registration", r.createdAt);
    writeEvent(w, "last update of RDAP database", databaseUpdate);
    w.endArray();
    writeNotices(w, m_baseUrl);
    if (!m_port43.isEmpty())
        w.member("port43", m_port43);
    w.endObject();
    return w.take();
}

QByteArray RdapJsonWriter::contact(const ContactView &c, const QDateTime &databaseUpdate) const
{
    JsonWriter w;
    QList<Redaction> redactions;
    w.beginObject();
    writeConformance(w, true);
    writeContactMembers(w, c, topLevelPlacement(), m_baseUrl, &databaseUpdate, redactions);
    writeNotices(w, m_baseUrl);
    if (!m_port43.isEmpty())
        w.member("port43", m_port43);
    writeRedacted(w, redactions);
    w.endObject();
    return w.take();
}

QByteArray RdapJsonWriter::domainSearch(const directory::SearchResult<DomainView> &result, int limit,
                                        const QDateTime &databaseUpdate) const
{
    JsonWriter w(512 + result.items.size() * 1024);
    w.beginObject();
    writeConformance(w, false);
    w.key("domainSearchResults").beginArray();
    QList<Redaction> none;
    for (const DomainView &d : result.items) {
        w.beginObject();
        writeDomainMembers(w, d, m_baseUrl, m_port43, false, databaseUpdate, none);
        w.endObject();
    }
    w.endArray();
    const QByteArray truncated = QStringLiteral("More domains matched; only the first %1 are listed. Narrow the pattern to see the rest.")
                                     .arg(limit).toUtf8();
    writeNotices(w, m_baseUrl, result.truncated ? truncated.constData() : nullptr);
    w.endObject();
    return w.take();
}

QByteArray RdapJsonWriter::nameserverSearch(const directory::SearchResult<HostView> &result, int limit,
                                            const QDateTime &databaseUpdate) const
{
    JsonWriter w(512 + result.items.size() * 768);
    w.beginObject();
    writeConformance(w, false);
    w.key("nameserverSearchResults").beginArray();
    for (const HostView &h : result.items) {
        w.beginObject();
        writeHostMembers(w, h, m_baseUrl, m_port43, databaseUpdate);
        w.endObject();
    }
    w.endArray();
    const QByteArray truncated = QStringLiteral("More name servers matched; only the first %1 are listed. Narrow the query to see the rest.")
                                     .arg(limit).toUtf8();
    writeNotices(w, m_baseUrl, result.truncated ? truncated.constData() : nullptr);
    w.endObject();
    return w.take();
}

QByteArray RdapJsonWriter::help(const QDateTime &databaseUpdate) const
{
    JsonWriter w;
    w.beginObject();
    writeConformance(w, true);
    w.key("notices").beginArray();
    w.beginObject().member("title", "Terms of Use").key("description").beginArray().value(kTermsOfUse).endArray().endObject();
    w.beginObject().member("title", "Queries").key("description").beginArray();
    w.value("domain/<name>: a registered domain name, as A-label or U-label");
    w.value("nameserver/<name>: a name server registered here");
    w.value("entity/<handle>: a registrar, by its client id; else a contact, by its handle");
    w.value("domains?name=<pattern>: domains whose name matches; '*' may end the first label (\"exam*.example\")");
    w.value("nameservers?name=<pattern>: name servers whose name matches, as above");
    w.value("nameservers?ip=<address>: name servers registered with that IPv4 or IPv6 address");
    w.value("Custom fields registrars add to a domain are listed in the remark \"Additional Information\".");
    w.endArray().endObject();
    w.endArray();
    w.key("events").beginArray();
    writeEvent(w, "last update of RDAP database", databaseUpdate);
    w.endArray();
    if (!m_port43.isEmpty())
        w.member("port43", m_port43);
    w.endObject();
    return w.take();
}

QByteArray RdapJsonWriter::error(int status, const QString &description)
{
    JsonWriter w(256);
    w.beginObject();
    writeConformance(w, false);
    w.key("errorCode").value(status).member("title", httpReason(status));
    w.key("description").beginArray().value(description).endArray();
    w.endObject();
    return w.take();
}

QString RdapJsonWriter::rdapStatus(const QString &eppStatus)
{
    // RFC 8056 2: the EPP values whose RDAP names are not simply spelt out.
    if (eppStatus == u"ok")
        return QStringLiteral("active");
    if (eppStatus == u"linked")
        return QStringLiteral("associated");
    // "clientTransferProhibited" -> "client transfer prohibited", "redemptionPeriod" -> "redemption period"
    QString out;
    out.reserve(eppStatus.size() + 4);
    for (QChar c : eppStatus) {
        if (c.isUpper()) {
            if (!out.isEmpty())
                out.append(u' ');
            out.append(c.toLower());
        } else {
            out.append(c);
        }
    }
    return out;
}

QString RdapJsonWriter::rfc3339(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

const char *RdapJsonWriter::httpReason(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 413:
        return "Content Too Large";
    case 414:
        return "URI Too Long";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 503:
        return "Service Unavailable";
    case 505:
        return "HTTP Version Not Supported";
    default:
        break;
    }
    return "Error";
}

} // namespace reg::rdap
