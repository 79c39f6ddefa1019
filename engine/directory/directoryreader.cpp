#include "directoryreader.h"

#include "srs/domainlifecycle.h"
#include "srs/domainrepository.h"
#include "srs/objectcommandsupport.h"

#include "store/connection.h"

#include <QUrl>

namespace reg::directory::reader {
namespace {

using srs::domainstore::fromMs;

// Runs a cached statement with its parameters, handing each row to `row`; the statement is
// reset however it ends, so no read transaction outlives the lookup.
template<typename RowFn>
Result<void> eachRow(store::Connection &c, const QString &sql, const QVariantList &params, int maxRows, RowFn row)
{
    Result<store::Statement *> prepared = c.prepare(sql);
    if (!prepared)
        return prepared.error();
    srs::detail::StatementScope st(*prepared);
    if (auto b = (*prepared)->bindAll(params); !b)
        return b.error();
    for (int n = 0; n < maxRows; ++n) {
        Result<bool> step = (*prepared)->step();
        if (!step)
            return step.error();
        if (!*step)
            break;
        row(**prepared);
    }
    return success();
}

QString unicodeOf(const QString &aceName)
{
    if (!aceName.contains(u"xn--"))
        return aceName;
    const QString u = QUrl::fromAce(aceName.toLatin1(), QUrl::IgnoreIDNWhitelist);
    return u.isEmpty() ? aceName : u;
}

QString phone(const QString &number, const QString &extension)
{
    if (number.isEmpty() || extension.isEmpty())
        return number;
    return number + u" x" + extension;
}

constexpr auto kRegistrarColumns = "SELECT id, name, iana_id, email, phone, url, whois_server, web_whois_url, status, created_at, "
                                   "rdap_base_url FROM registrars ";

RegistrarView registrarFrom(const store::Statement &s)
{
    RegistrarView r;
    r.id = s.text(0);
    r.name = s.text(1);
    if (!s.isNull(2))
        r.ianaId = int(s.int64(2));
    r.email = s.text(3);
    r.phone = s.text(4);
    r.url = s.text(5);
    r.whoisServer = s.text(6);
    r.webWhoisUrl = s.text(7);
    r.status = s.text(8);
    r.createdAt = fromMs(s.int64(9));
    r.rdapBaseUrl = s.text(10);
    return r;
}

Result<std::optional<RegistrarView>> registrarById(store::Connection &c, const QString &id)
{
    std::optional<RegistrarView> out;
    Result<void> r = eachRow(c, QLatin1StringView(kRegistrarColumns) + u"WHERE id = ?1", {id}, 1,
                             [&](const store::Statement &s) { out = registrarFrom(s); });
    if (!r)
        return r.error();
    return out;
}

// The contact columns (table alias c) in the order contactFrom() reads them. The first postal form
// is in the columns (the "int" one when a contact has both), which is the one published.
constexpr auto kContactColumns = "c.id, c.roid, c.privacy, c.name, c.org, c.street, c.city, c.sp, c.pc, c.cc, c.voice, c.voice_ext, "
                                 "c.fax, c.fax_ext, c.email, c.created_at, c.updated_at ";

// first: the column kContactColumns start at.
ContactView contactFrom(const store::Statement &s, int first = 0)
{
    ContactView v;
    v.id = s.text(first + 0);
    v.roid = s.text(first + 1);
    // An unreadable level publishes nothing rather than too much.
    v.privacy = srs::parsePrivacyLevel(s.text(first + 2)).value_or(srs::PrivacyLevel::Private);
    v.name = s.text(first + 3);
    v.org = s.text(first + 4);
    v.street = s.text(first + 5).split(u'\n', Qt::SkipEmptyParts);
    v.city = s.text(first + 6);
    v.sp = s.text(first + 7);
    v.pc = s.text(first + 8);
    v.cc = s.text(first + 9);
    v.voice = phone(s.text(first + 10), s.text(first + 11));
    v.fax = phone(s.text(first + 12), s.text(first + 13));
    v.email = s.text(first + 14);
    v.createdAt = fromMs(s.int64(first + 15));
    v.updatedAt = fromMs(s.int64(first + 16));
    return v;
}

Result<QList<QHostAddress>> addressesOf(store::Connection &c, const QString &hostRoid)
{
    QList<QHostAddress> out;
    Result<void> r = eachRow(c, QStringLiteral("SELECT address FROM host_addresses WHERE host_roid = ?1 ORDER BY family, address"),
                             {hostRoid}, 64, [&](const store::Statement &s) { out << QHostAddress(s.text(0)); });
    if (!r)
        return r.error();
    return out;
}

// A host's statuses as XRP shows them: stored values plus the computed "linked" and "ok".
const QString kHostColumns = QStringLiteral(
    "SELECT h.roid, h.name, COALESCE(d.registrar_id, h.registrar_id), h.statuses, h.created_at, h.updater_id, h.updated_at, "
    "EXISTS (SELECT 1 FROM domain_hosts dh WHERE dh.host_roid = h.roid), d.name "
    "FROM hosts h LEFT JOIN domains d ON d.roid = h.domain_roid ");

// Up to this many delegating domains are tracked one by one; a host with more depends on every
// domain change (a busy provider's name server stays linked whatever one domain does, so it is
// only re-read, never wrong).
constexpr int kMaxTrackedDelegations = 16;

struct HostRow
{
    HostView view;
    QString sponsorId;
    QString superordinate;
    QString error;
};

Result<std::shared_ptr<const HostView>> hostWhere(store::Connection &c, const QString &where, const QString &key,
                                                  QStringList *dependencies)
{
    std::optional<HostRow> row;
    Result<void> r = eachRow(c, kHostColumns + where, {key}, 1, [&](const store::Statement &s) {
        HostRow h;
        h.view.roid = s.text(0);
        h.view.name = s.text(1);
        h.view.unicodeName = unicodeOf(h.view.name);
        h.sponsorId = s.text(2);
        Result<srs::StatusSet> stored = srs::detail::parseStoredStatuses(s.text(3));
        if (!stored) {
            h.error = stored.error().message;
        } else {
            srs::StatusSet shown = *stored;
            if (s.int64(7) != 0)
                shown.insert(srs::EppStatus::Linked);
            h.view.statuses = shown.normalized(srs::ObjectType::Host).names();
        }
        h.view.createdAt = fromMs(s.int64(4));
        if (!s.text(5).isEmpty())
            h.view.updatedAt = fromMs(s.int64(6));
        h.superordinate = s.text(8);
        row = std::move(h);
    });
    if (!r)
        return r.error();
    if (!row)
        return std::shared_ptr<const HostView>();
    if (!row->error.isEmpty())
        return Error(ErrorCode::Corrupt, QStringLiteral("host %1 statuses: %2").arg(row->view.name, row->error));
    Result<QList<QHostAddress>> addresses = addressesOf(c, row->view.roid);
    if (!addresses)
        return addresses.error();
    row->view.addresses = std::move(addresses).value();
    if (dependencies) {
        if (!row->superordinate.isEmpty())
            *dependencies << u"hd:" + row->superordinate;
        QStringList delegating;
        Result<void> listed = eachRow(c, QStringLiteral("SELECT d.name FROM domain_hosts dh JOIN domains d ON d.roid = dh.domain_roid "
                                                        "WHERE dh.host_roid = ?1"),
                                      {row->view.roid}, kMaxTrackedDelegations + 1,
                                      [&](const store::Statement &s) { delegating << u"hd:" + s.text(0); });
        if (!listed)
            return listed.error();
        if (delegating.size() > kMaxTrackedDelegations)
            *dependencies << QStringLiteral("hd:*");
        else
            *dependencies << delegating;
    }
    Result<std::optional<RegistrarView>> sponsor = registrarById(c, row->sponsorId);
    if (!sponsor)
        return sponsor.error();
    if (*sponsor)
        row->view.sponsor = std::move(**sponsor);
    return std::shared_ptr<const HostView>(std::make_shared<HostView>(std::move(row->view)));
}

} // namespace

Result<std::shared_ptr<const DomainView>> domain(store::Connection &c, const QString &aceName, const QDateTime &now,
                                                 QDateTime *validUntil)
{
    // The domain row, its grace periods, DS and custom fields come from the SRS read code; the
    // contacts and name servers are read here, each in one statement with everything the view
    // shows (the SRS detail read would fetch them once more by id only). A miss costs 7 statements.
    Result<std::optional<srs::domainstore::DomainRecord>> loaded =
        srs::domainstore::loadByName(c, aceName, srs::domainstore::Detail::Summary);
    if (!loaded)
        return loaded.error();
    if (!*loaded)
        return std::shared_ptr<const DomainView>();
    srs::domainstore::DomainRecord &rec = **loaded;
    if (Result<void> ds = srs::domainstore::loadDsRecords(c, rec); !ds)
        return ds.error();
    if (Result<void> fields = srs::domainstore::loadCustomFields(c, rec); !fields)
        return fields.error();
    const srs::Domain &d = rec.domain;

    auto view = std::make_shared<DomainView>();
    view->name = d.name;
    view->unicodeName = unicodeOf(d.name);
    view->roid = d.roid;
    view->tld = d.tld;
    view->statuses = d.statuses.names();
    for (srs::GracePeriod g : srs::domainlifecycle::gracePeriodsShown(rec, now))
        view->statuses << srs::gracePeriodName(g);
    // A running grace period ends by the clock, not by a journal entry (until maintenance writes
    // one); the view is only true until the first of them ends.
    for (const srs::domainstore::GraceRow &g : rec.graceInForce(now)) {
        if (validUntil && g.endsAt > now && (!validUntil->isValid() || g.endsAt < *validUntil))
            *validUntil = g.endsAt;
    }
    view->createdAt = d.createdAt;
    view->updatedAt = d.updatedAt;
    view->expiresAt = d.expiresAt;
    view->transferredAt = d.transferredAt;
    view->dsRecords = d.dsRecords;
    view->customFields = d.customFields;

    Result<std::optional<RegistrarView>> sponsor = registrarById(c, d.sponsorId);
    if (!sponsor)
        return sponsor.error();
    if (*sponsor)
        view->sponsor = std::move(**sponsor);

    // The registrant (type '') and every role contact, in the order of the SRS read (type, then id).
    static const QString contactsSql = QStringLiteral("SELECT '', ") + QLatin1StringView(kContactColumns)
        + u"FROM contacts c WHERE c.roid = ?2 UNION ALL SELECT dc.type, " + QLatin1StringView(kContactColumns)
        + u"FROM domain_contacts dc JOIN contacts c ON c.roid = dc.contact_roid WHERE dc.domain_roid = ?1 ORDER BY 1, 2";
    Result<void> contacts = eachRow(
        c, contactsSql, {d.roid, rec.registrantRoid}, 1 + 64, [&](const store::Statement &s) {
            const QString type = s.text(0);
            if (type.isEmpty())
                view->registrant = contactFrom(s, 1);
            else if (std::optional<srs::DomainContact::Type> role = srs::parseDomainContactType(type))
                view->contacts.append({*role, contactFrom(s, 1)});
        });
    if (!contacts)
        return contacts.error();

    // The name servers by name, each with its addresses (only hosts registered here have any).
    Result<void> nameServers = eachRow(
        c, QStringLiteral("SELECT h.name, a.address FROM domain_hosts dh JOIN hosts h ON h.roid = dh.host_roid "
                          "LEFT JOIN host_addresses a ON a.host_roid = h.roid WHERE dh.domain_roid = ?1 "
                          "ORDER BY h.name, a.family, a.address"),
        {d.roid}, 13 * 2 * 64, [&](const store::Statement &s) {
            const QString name = s.text(0);
            if (view->nameServers.isEmpty() || view->nameServers.constLast().name != name)
                view->nameServers << NameServerView{name, unicodeOf(name), {}};
            if (!s.isNull(1))
                view->nameServers.last().addresses << QHostAddress(s.text(1));
        });
    if (!nameServers)
        return nameServers.error();
    return std::shared_ptr<const DomainView>(std::move(view));
}

Result<std::shared_ptr<const HostView>> host(store::Connection &c, const QString &aceName, QStringList *dependencies)
{
    return hostWhere(c, QStringLiteral("WHERE h.name = ?1"), aceName, dependencies);
}

Result<QList<std::shared_ptr<const HostView>>> hostsWithAddress(store::Connection &c, const QString &canonicalAddress, int maxHosts,
                                                                QStringList *dependencies)
{
    QStringList roids;
    Result<void> r = eachRow(c, QStringLiteral("SELECT host_roid FROM host_addresses WHERE address = ?1 ORDER BY host_roid"),
                             {canonicalAddress}, maxHosts, [&](const store::Statement &s) { roids << s.text(0); });
    if (!r)
        return r.error();
    QList<std::shared_ptr<const HostView>> out;
    for (const QString &roid : std::as_const(roids)) {
        Result<std::shared_ptr<const HostView>> h = hostWhere(c, QStringLiteral("WHERE h.roid = ?1"), roid, dependencies);
        if (!h)
            return h.error();
        if (*h) {
            if (dependencies)
                *dependencies << u"ha:" + (*h)->name;
            out << *h;
        }
    }
    std::sort(out.begin(), out.end(), [](const auto &a, const auto &b) { return a->name < b->name; });
    return out;
}

Result<std::optional<RegistrarView>> registrar(store::Connection &c, const QString &idOrName)
{
    Result<std::optional<RegistrarView>> byId = registrarById(c, idOrName);
    if (!byId || *byId)
        return byId;
    std::optional<RegistrarView> out;
    // The registrars table is small (hundreds of rows), so a scan for the name is cheap.
    Result<void> r = eachRow(c, QLatin1StringView(kRegistrarColumns) + u"WHERE lower(name) = lower(?1) ORDER BY id", {idOrName}, 1,
                             [&](const store::Statement &s) { out = registrarFrom(s); });
    if (!r)
        return r.error();
    return out;
}

Result<QList<RegistrarView>> registrars(store::Connection &c, int maxRegistrars)
{
    QList<RegistrarView> out;
    Result<void> r = eachRow(c, QLatin1StringView(kRegistrarColumns) + u"ORDER BY lower(name), id", {}, maxRegistrars,
                             [&](const store::Statement &s) { out << registrarFrom(s); });
    if (!r)
        return r.error();
    return out;
}

Result<QStringList> namesInRange(store::Connection &c, NameTable table, const QString &from, const QString &to,
                                 const std::function<bool(QStringView)> &accept, int wanted, int maxScanned, bool *exhausted)
{
    const QString sql = table == NameTable::Domains
        ? QStringLiteral("SELECT name FROM domains WHERE name >= ?1 AND name < ?2 ORDER BY name")
        : QStringLiteral("SELECT name FROM hosts WHERE name >= ?1 AND name < ?2 ORDER BY name");
    QStringList out;
    int scanned = 0;
    *exhausted = false;
    Result<store::Statement *> prepared = c.prepare(sql);
    if (!prepared)
        return prepared.error();
    srs::detail::StatementScope st(*prepared);
    if (auto b = (*prepared)->bindAll({from, to}); !b)
        return b.error();
    while (out.size() < wanted && scanned < maxScanned) {
        Result<bool> step = (*prepared)->step();
        if (!step)
            return step.error();
        if (!*step) {
            *exhausted = true;
            break;
        }
        ++scanned;
        const QString name = (*prepared)->text(0);
        if (accept(name))
            out << name;
    }
    return out;
}

Result<std::shared_ptr<const ContactView>> contact(store::Connection &c, const QString &id)
{
    std::optional<ContactView> view;
    QString error;
    // "linked" and "pendingTransfer" are computed as the SRS read computes them (contactcommands.cpp).
    Result<void> r = eachRow(c, QStringLiteral("SELECT ") + QLatin1StringView(kContactColumns)
                                    + u", c.statuses, "
                                      "EXISTS (SELECT 1 FROM domain_contacts dc WHERE dc.contact_roid = c.roid) "
                                      "  OR EXISTS (SELECT 1 FROM domains d WHERE d.registrant_roid = c.roid), "
                                      "EXISTS (SELECT 1 FROM transfers t WHERE t.object_type = 'contact' AND t.object_roid = c.roid "
                                      "        AND t.status = 'pending') "
                                      "FROM contacts c WHERE c.id = ?1",
                             {id}, 1, [&](const store::Statement &s) {
                                 constexpr int first = 17;   // after kContactColumns
                                 ContactView v = contactFrom(s);
                                 Result<srs::StatusSet> stored = srs::detail::parseStoredStatuses(s.text(first));
                                 if (!stored) {
                                     error = stored.error().message;
                                     return;
                                 }
                                 srs::StatusSet shown = *stored;
                                 if (s.int64(first + 1) != 0)
                                     shown.insert(srs::EppStatus::Linked);
                                 if (s.int64(first + 2) != 0)
                                     shown.insert(srs::EppStatus::PendingTransfer);
                                 v.statuses = shown.normalized(srs::ObjectType::Contact).names();
                                 view = std::move(v);
                             });
    if (!r)
        return r.error();
    if (!error.isEmpty())
        return Error(ErrorCode::Corrupt, QStringLiteral("contact %1 statuses: %2").arg(id, error));
    if (!view)
        return std::shared_ptr<const ContactView>();
    return std::shared_ptr<const ContactView>(std::make_shared<ContactView>(std::move(*view)));
}

} // namespace reg::directory::reader
