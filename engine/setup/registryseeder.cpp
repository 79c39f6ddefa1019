#include "registryseeder.h"

#include "core/logging.h"
#include "monitor/inventory.h"
#include "srs/roidallocator.h"
#include "store/connection.h"

#include <QEventLoop>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>
#include <optional>

namespace reg::setup {
namespace {

using store::Connection;
using store::JournalChange;
using store::WriteWork;
using WorkResult = Result<std::optional<JournalChange>>;

qint64 ms(const QDateTime &t)
{
    return t.toMSecsSinceEpoch();
}

QString iso(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

JournalChange change(const char *kind, const QString &object, QJsonObject data)
{
    return JournalChange{QString::fromLatin1(RegistrySeeder::actor), QString::fromLatin1(kind), object, std::move(data)};
}

// Runs the statements of one object in order; the first failure fails (and rolls back) the object.
WorkResult run(Connection &db, const QList<std::pair<QString, QVariantList>> &statements, JournalChange journal)
{
    for (const auto &[sql, params] : statements) {
        if (Result<void> r = db.execute(sql, params); !r)
            return r.error().withContext(QStringLiteral("%1 %2: ").arg(journal.kind, journal.object));
    }
    return std::optional<JournalChange>(std::move(journal));
}

// A TLD starts with the default price list, so it is on sale from its first minute; the journal
// entry carries the prices it opened with.
WriteWork tldWork(const QString &tld, const QDateTime &now)
{
    return [tld, now](Connection &db) -> WorkResult {
        QList<std::pair<QString, QVariantList>> statements{
            {QStringLiteral("INSERT INTO tlds (name, created_at) VALUES (?1, ?2)"), {tld, ms(now)}}};
        QJsonObject prices;
        for (const RegistrySeeder::Price &p : RegistrySeeder::defaultPrices) {
            const QString operation = QString::fromLatin1(p.operation);
            statements.append({QStringLiteral("INSERT INTO prices (tld, operation, cents) VALUES (?1, ?2, ?3)"),
                               {tld, operation, p.cents}});
            prices.insert(operation, p.cents);
        }
        return run(db, statements, change("tld.create", tld, {{QStringLiteral("name"), tld}, {QStringLiteral("prices"), prices}}));
    };
}

// "ok", "linked" and "inactive" describe an object's state (RFC 5731-5733) and are computed when it
// is shown; only statuses someone set are stored.
QStringList storedStatuses(const QStringList &statuses)
{
    QStringList stored;
    for (const QString &s : statuses) {
        if (s != u"ok" && s != u"linked" && s != u"inactive")
            stored << s;
    }
    return stored;
}

// RFC 5733: the "int" postal form holds only 7-bit ASCII; anything else is the "loc" form.
QString postalType(const DemoContact &c)
{
    for (const QString &field : {c.name, c.org, c.street, c.city, c.sp, c.pc, c.cc}) {
        for (QChar ch : field) {
            if (ch.unicode() > 0x7e)
                return QStringLiteral("loc");
        }
    }
    return QStringLiteral("int");
}

WriteWork registrarWork(const DemoRegistrar &r, const QDateTime &now)
{
    return [r, now](Connection &db) -> WorkResult {
        return run(db,
                   {{QStringLiteral("INSERT INTO registrars (id, name, iana_id, email, phone, url, status, balance_cents, "
                                    "credit_limit_cents, created_at, whois_server, web_whois_url, rdap_base_url) "
                                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'ok', ?7, ?8, ?9, ?10, ?11, ?12)"),
                     {r.id, r.name, r.ianaId, r.email, r.phone, r.url, r.balanceCents, r.creditLimitCents, ms(now),
                      r.whoisServer, r.webWhoisUrl, r.rdapBaseUrl}}},
                   change("registrar.create", r.id,
                          {{QStringLiteral("name"), r.name}, {QStringLiteral("ianaId"), r.ianaId},
                           {QStringLiteral("email"), r.email}, {QStringLiteral("phone"), r.phone},
                           {QStringLiteral("url"), r.url}, {QStringLiteral("status"), QStringLiteral("ok")},
                           {QStringLiteral("balanceCents"), r.balanceCents},
                           {QStringLiteral("creditLimitCents"), r.creditLimitCents},
                           {QStringLiteral("whoisServer"), r.whoisServer}, {QStringLiteral("webWhoisUrl"), r.webWhoisUrl},
                           {QStringLiteral("rdapBaseUrl"), r.rdapBaseUrl}}));
    };
}

WriteWork contactWork(const DemoContact &c)
{
    return [c](Connection &db) -> WorkResult {
        return run(db,
                   {{QStringLiteral("INSERT INTO contacts (roid, id, registrar_id, name, org, street, city, sp, pc, cc, voice, "
                                    "email, privacy, created_at, updated_at, statuses, postal_type, creator_id) "
                                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14, '', ?15, ?3)"),
                     {c.roid, c.id, c.registrarId, c.name, c.org, c.street, c.city, c.sp, c.pc, c.cc, c.voice, c.email,
                      c.privacy, ms(c.createdAt), postalType(c)}}},
                   change("contact.create", c.id,
                          {{QStringLiteral("roid"), c.roid}, {QStringLiteral("registrar"), c.registrarId},
                           {QStringLiteral("name"), c.name}, {QStringLiteral("org"), c.org},
                           {QStringLiteral("street"), c.street}, {QStringLiteral("city"), c.city},
                           {QStringLiteral("sp"), c.sp}, {QStringLiteral("pc"), c.pc}, {QStringLiteral("cc"), c.cc},
                           {QStringLiteral("voice"), c.voice}, {QStringLiteral("email"), c.email},
                           {QStringLiteral("privacy"), c.privacy}}));
    };
}

// A subordinate host names its superordinate domain (`parentDomain`, empty for an external host); the
// link itself (hosts.domain_roid) is made by the domain's work, which comes later because the domain
// in turn needs its nameservers to exist.
WriteWork hostWork(const DemoHost &h, const QString &parentDomain)
{
    return [h, parentDomain](Connection &db) -> WorkResult {
        QList<std::pair<QString, QVariantList>> statements{
            {QStringLiteral("INSERT INTO hosts (roid, name, registrar_id, created_at, updated_at, statuses, creator_id) "
                            "VALUES (?1, ?2, ?3, ?4, ?4, '', ?3)"),
             {h.roid, h.name, h.registrarId, ms(h.createdAt)}}};
        QJsonArray addresses;
        for (const QString &a : h.addresses) {
            const int family = QHostAddress(a).protocol() == QAbstractSocket::IPv6Protocol ? 6 : 4;
            statements.append({QStringLiteral("INSERT INTO host_addresses (host_roid, address, family) VALUES (?1, ?2, ?3)"),
                               {h.roid, a, family}});
            addresses.append(a);
        }
        return run(db, statements,
                   change("host.create", h.name,
                          {{QStringLiteral("roid"), h.roid}, {QStringLiteral("registrar"), h.registrarId},
                           {QStringLiteral("domain"), parentDomain.isEmpty() ? QJsonValue() : QJsonValue(parentDomain)},
                           {QStringLiteral("addresses"), addresses}}));
    };
}

WriteWork domainWork(const DemoDomain &d, const QHash<QString, QString> &hostNames, const QStringList &subordinateHosts)
{
    QJsonArray nameservers;
    for (const QString &roid : d.hostRoids)
        nameservers.append(hostNames.value(roid));
    const QStringList statuses = storedStatuses(d.statuses);
    return [d, nameservers, statuses, subordinateHosts](Connection &db) -> WorkResult {
        QList<std::pair<QString, QVariantList>> statements{
            {QStringLiteral("INSERT INTO domains (roid, name, tld, registrar_id, registrant_roid, statuses, created_at, "
                            "updated_at, expires_at, creator_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8, ?4)"),
             {d.roid, d.name, d.tld, d.registrarId, d.registrantRoid, statuses.join(u' '), ms(d.createdAt), ms(d.expiresAt)}}};
        for (const QString &host : subordinateHosts)
            statements.append({QStringLiteral("UPDATE hosts SET domain_roid = ?1 WHERE roid = ?2"), {d.roid, host}});
        QJsonObject contacts;
        for (const DemoDomainContact &c : d.contacts) {
            statements.append({QStringLiteral("INSERT INTO domain_contacts (domain_roid, contact_roid, type) VALUES (?1, ?2, ?3)"),
                               {d.roid, c.contactRoid, c.type}});
            contacts.insert(c.type, c.contactRoid);
        }
        for (const QString &host : d.hostRoids)
            statements.append({QStringLiteral("INSERT INTO domain_hosts (domain_roid, host_roid) VALUES (?1, ?2)"), {d.roid, host}});
        QJsonArray ds;
        for (const DemoDsRecord &r : d.dsRecords) {
            statements.append({QStringLiteral("INSERT INTO domain_ds (domain_roid, key_tag, algorithm, digest_type, digest) "
                                              "VALUES (?1, ?2, ?3, ?4, ?5)"),
                               {d.roid, r.keyTag, r.algorithm, r.digestType, r.digest}});
            ds.append(QJsonObject{{QStringLiteral("keyTag"), r.keyTag}, {QStringLiteral("alg"), r.algorithm},
                                  {QStringLiteral("digestType"), r.digestType}, {QStringLiteral("digest"), r.digest}});
        }
        QJsonArray fields;
        for (const auto &[name, value] : d.customFields) {
            statements.append({QStringLiteral("INSERT INTO custom_fields (object_type, object_roid, name, value) VALUES ('domain', ?1, ?2, ?3)"),
                               {d.roid, name, value}});
            fields.append(QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("value"), value}});
        }
        return run(db, statements,
                   change("domain.create", d.name,
                          {{QStringLiteral("roid"), d.roid}, {QStringLiteral("tld"), d.tld},
                           {QStringLiteral("registrar"), d.registrarId}, {QStringLiteral("registrant"), d.registrantRoid},
                           {QStringLiteral("statuses"), QJsonArray::fromStringList(statuses)},
                           {QStringLiteral("contacts"), contacts}, {QStringLiteral("nameservers"), nameservers},
                           {QStringLiteral("expiresAt"), iso(d.expiresAt)}, {QStringLiteral("ds"), ds},
                           {QStringLiteral("customFields"), fields}}));
    };
}


// The number of a ROID made by DemoDataSet ("D000123-REG" -> 123), 0 if it has another form.
qint64 roidNumber(const QString &roid)
{
    const qsizetype dash = roid.indexOf(u'-');
    bool ok = false;
    const qint64 n = dash > 1 ? roid.mid(1, dash - 1).toLongLong(&ok) : 0;
    return ok ? n : 0;
}

// New objects get ROIDs from roid_counters; raising the counters past the demo objects' numbers
// keeps them from ever colliding. Bookkeeping, not a registry change: no journal entry.
WriteWork reserveRoidsWork(const DemoDataSet &data)
{
    qint64 domains = 0, contacts = 0, hosts = 0;
    for (const DemoDomain &d : data.domains)
        domains = std::max(domains, roidNumber(d.roid));
    for (const DemoContact &c : data.contacts)
        contacts = std::max(contacts, roidNumber(c.roid));
    for (const DemoHost &h : data.hosts)
        hosts = std::max(hosts, roidNumber(h.roid));
    return [domains, contacts, hosts](Connection &db) -> WorkResult {
        using Kind = srs::RoidAllocator::Kind;
        for (const auto &[kind, number] : {std::pair{Kind::Domain, domains}, std::pair{Kind::Contact, contacts},
                                           std::pair{Kind::Host, hosts}}) {
            if (Result<void> r = srs::RoidAllocator::reserveUpTo(db, kind, number); !r)
                return r.error().withContext(QStringLiteral("reserving demo ROIDs: "));
        }
        return std::optional<JournalChange>();
    };
}

} // namespace

bool RegistrySeeder::isValidTldName(const QString &tld)
{
    static const QRegularExpression re(QStringLiteral("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"));
    return re.match(tld).hasMatch();
}

Result<void> RegistrySeeder::submitBatch(QList<store::WriteWork> work)
{
    if (work.isEmpty())
        return success();
    QObject context;
    QEventLoop loop;
    qsizetype pending = work.size();
    std::optional<Error> firstError;
    for (WriteWork &w : work) {
        m_writer.submit(std::move(w), &context, [&](Result<store::CommitReceipt> result) {
            if (!result) {
                if (!firstError)
                    firstError = result.error();
            } else if (result->sequence > 0) {
                ++m_entries;
            }
            if (--pending == 0)
                loop.quit();
        });
    }
    if (pending > 0)
        loop.exec();
    if (firstError)
        return *firstError;
    return success();
}

Result<void> RegistrySeeder::createTlds(const QStringList &tlds)
{
    QList<WriteWork> work;
    for (const QString &tld : tlds) {
        if (!isValidTldName(tld))
            return Error(ErrorCode::InvalidInput, QStringLiteral("\"%1\" is not a valid TLD: use 1-63 lower-case letters, digits "
                                                                 "and '-', not starting or ending with '-'").arg(tld));
        work << tldWork(tld, m_now);
    }
    return submitBatch(std::move(work));
}

Result<void> RegistrySeeder::loadDemoData(const DemoDataSet &data, const QString &monitorKeyFile)
{
    // Each phase refers only to objects of earlier phases. Waiting for a phase before submitting the
    // next reports a failed object as itself, not as a foreign-key error in everything that uses it.
    QList<WriteWork> work;
    for (const DemoRegistrar &r : data.registrars)
        work << registrarWork(r, m_now);
    if (Result<void> r = submitBatch(std::move(work)); !r)
        return r;

    // A host is subordinate when its name is directly under a demo domain (ns1.<domain>).
    QHash<QString, QString> domainRoids;
    for (const DemoDomain &d : data.domains)
        domainRoids.insert(d.name, d.roid);
    QHash<QString, QStringList> subordinateHosts;   // domain roid -> host roids
    QHash<QString, QString> parentOf;               // host roid -> domain name
    for (const DemoHost &h : data.hosts) {
        const QString parent = h.name.section(u'.', 1);
        if (domainRoids.contains(parent)) {
            subordinateHosts[domainRoids.value(parent)] << h.roid;
            parentOf.insert(h.roid, parent);
        }
    }

    work.clear();
    for (const DemoContact &c : data.contacts)
        work << contactWork(c);
    for (const DemoHost &h : data.hosts)
        work << hostWork(h, parentOf.value(h.roid));
    if (Result<void> r = submitBatch(std::move(work)); !r)
        return r;

    QHash<QString, QString> hostNames;
    for (const DemoHost &h : data.hosts)
        hostNames.insert(h.roid, h.name);
    work.clear();
    for (const DemoDomain &d : data.domains)
        work << domainWork(d, hostNames, subordinateHosts.value(d.roid));
    work << reserveRoidsWork(data);
    if (Result<void> r = submitBatch(std::move(work)); !r)
        return r;

    // The network inventory is operational state, not registry data: no journal entries, and its
    // SNMP secrets sealed under the data directory's monitor-secrets.key.
    monitor::TopologyImportFile topology;
    topology.topology = data.topology;
    if (Result<store::CommitReceipt> r = m_writer.submitAndWait(monitor::Inventory::importWork(topology, monitorKeyFile, ms(m_now))); !r)
        return r.error().withContext(QStringLiteral("demo topology: "));

    qCInfo(lcSetup, "demo data: %lld registrars, %lld contacts, %lld hosts, %lld domains, %lld sites, %lld devices, %lld links",
           qlonglong(data.registrars.size()), qlonglong(data.contacts.size()), qlonglong(data.hosts.size()),
           qlonglong(data.domains.size()), qlonglong(data.topology.sites.size()), qlonglong(data.topology.devices.size()),
           qlonglong(data.topology.links.size()));
    return success();
}

} // namespace reg::setup
