#include "registrybrowser.h"

#include "apiresponse.h"

#include "store/connection.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include <limits>

namespace reg::admin {
namespace {

using RegistryRequests::Match;
using RegistryRequests::ObjectType;
using Rows = QList<QVariantList>;

QJsonValue timeOrNull(const QVariant &ms)
{
    if (!ms.isValid() || ms.isNull())
        return QJsonValue(QJsonValue::Null);
    return isoTime(QDateTime::fromMSecsSinceEpoch(ms.toLongLong(), Qt::UTC));
}

QJsonArray statusList(const QVariant &stored)
{
    return QJsonArray::fromStringList(stored.toString().split(u' ', Qt::SkipEmptyParts));
}

QJsonValue intOrNull(const QVariant &value)
{
    if (!value.isValid() || value.isNull())
        return QJsonValue(QJsonValue::Null);
    return value.toLongLong();
}

// LIKE pattern that matches text literally: the wildcards a user typed are escaped with '\'.
QString likeEscaped(const QString &text)
{
    QString out;
    out.reserve(text.size() + 4);
    for (QChar c : text) {
        if (c == u'%' || c == u'_' || c == u'\\')
            out += u'\\';
        out += c;
    }
    return out;
}

// The smallest string greater than every string that starts with prefix (binary collation, UTF-8):
// with it, a prefix search is a range scan on the unique index instead of a LIKE over the table.
QString prefixUpperBound(const QString &prefix)
{
    return prefix + QChar(0xFFFF);
}

Error notFound(const QString &what)
{
    return Error(ErrorCode::NotFound, what);
}

} // namespace

RegistryBrowser::RegistryBrowser(std::unique_ptr<store::Connection> reader) : m_reader(std::move(reader)) {}

RegistryBrowser::~RegistryBrowser() = default;

template<typename Read>
Result<QJsonObject> RegistryBrowser::inSnapshot(Read read)
{
    if (auto r = m_reader->exec(QStringLiteral("BEGIN")); !r)
        return r.error();
    Result<QJsonObject> result = read();
    // A read transaction has nothing to keep; COMMIT only ends it (and frees the WAL snapshot).
    // Should that fail, ROLLBACK: a transaction left open would fail every later BEGIN.
    if (auto r = m_reader->exec(QStringLiteral("COMMIT")); !r) {
        (void)m_reader->exec(QStringLiteral("ROLLBACK"));
        if (result)
            return r.error();
    }
    return result;
}

Result<QJsonObject> RegistryBrowser::search(const RegistryRequests::Search &search)
{
    // One row more than asked tells whether there is a next page.
    const qint64 fetch = qint64(search.limit) + 1;
    const bool prefix = search.match == Match::Prefix;
    const QString pattern = prefix ? QString(likeEscaped(search.text) + u'%') : QString(u'%' + likeEscaped(search.text) + u'%');
    // A prefix search is one range of the unique index. The lower bound is either the prefix or,
    // on later pages, the cursor (exclusive): one bound, so the planner cannot pick the looser one
    // and walk the index from its start.
    const bool resume = !search.after.isEmpty() && search.after >= search.text;
    const QString lower = resume ? QStringLiteral(">") : QStringLiteral(">=");
    const auto range = [&](const QString &columns, const QString &table, const QString &key) {
        return QStringLiteral("SELECT %1 FROM %2 WHERE %3 %4 ?1 AND %3 < ?2 ORDER BY %3 LIMIT ?4").arg(columns, table, key, lower);
    };
    const auto contains = [](const QString &columns, const QString &table, const QString &key) {
        return QStringLiteral("SELECT %1 FROM %2 WHERE %3 LIKE ?1 ESCAPE '\\' AND %3 > ?3 ORDER BY %3 LIMIT ?4").arg(columns, table, key);
    };
    QString columns, table, key;
    switch (search.type) {
    case ObjectType::Domain:
        columns = QStringLiteral("name, roid, registrar_id, statuses, expires_at");
        table = QStringLiteral("domains");
        key = QStringLiteral("name");
        break;
    case ObjectType::Host:
        columns = QStringLiteral("name, roid, registrar_id, statuses, domain_roid IS NOT NULL");
        table = QStringLiteral("hosts");
        key = QStringLiteral("name");
        break;
    case ObjectType::Contact:
        // Contact ids are case-sensitive (RFC 5733), so the prefix is a binary range too.
        columns = QStringLiteral("id, roid, registrar_id, statuses, name");
        table = QStringLiteral("contacts");
        key = QStringLiteral("id");
        break;
    case ObjectType::Registrar:
        break;
    }
    QString sql;
    QVariantList params;
    // NULL would compare as unknown and match nothing; the empty string precedes every key.
    const QVariant after = search.after.isEmpty() ? QVariant(QStringLiteral("")) : QVariant(search.after);
    if (search.type == ObjectType::Registrar) {
        // A handful of rows: id or name, case-insensitive, a scan is fine.
        sql = QStringLiteral("SELECT id, '', id, status, name, balance_cents + credit_limit_cents FROM registrars "
                             "WHERE (id LIKE ?1 ESCAPE '\\' OR name LIKE ?1 ESCAPE '\\') AND id > ?3 ORDER BY id LIMIT ?4");
        params = {pattern, QVariant(), after, fetch};
    } else if (prefix) {
        sql = range(columns, table, key);
        params = {resume ? QVariant(search.after) : QVariant(search.text), prefixUpperBound(search.text), QVariant(), fetch};
    } else {
        sql = contains(columns, table, key);
        params = {pattern, QVariant(), after, fetch};
    }
    Result<Rows> rows = m_reader->queryRows(sql, params, int(fetch));
    if (!rows)
        return rows.error();

    QJsonArray results;
    QString lastKey;
    const qsizetype shown = std::min<qsizetype>(rows->size(), search.limit);
    for (qsizetype i = 0; i < shown; ++i) {
        const QVariantList &r = rows->at(i);
        QJsonObject item{{QStringLiteral("key"), r[0].toString()}, {QStringLiteral("registrar"), r[2].toString()}};
        switch (search.type) {
        case ObjectType::Domain:
            item.insert(QStringLiteral("roid"), r[1].toString());
            item.insert(QStringLiteral("statuses"), statusList(r[3]));
            item.insert(QStringLiteral("expiresAt"), timeOrNull(r[4]));
            break;
        case ObjectType::Host:
            item.insert(QStringLiteral("roid"), r[1].toString());
            item.insert(QStringLiteral("statuses"), statusList(r[3]));
            item.insert(QStringLiteral("subordinate"), r[4].toLongLong() != 0);
            break;
        case ObjectType::Contact:
            item.insert(QStringLiteral("roid"), r[1].toString());
            item.insert(QStringLiteral("statuses"), statusList(r[3]));
            item.insert(QStringLiteral("name"), r[4].toString());
            break;
        case ObjectType::Registrar:
            item.insert(QStringLiteral("statuses"), statusList(r[3]));
            item.insert(QStringLiteral("name"), r[4].toString());
            item.insert(QStringLiteral("availableCents"), r[5].toLongLong());
            break;
        }
        results.append(item);
        lastKey = r[0].toString();
    }
    const bool more = rows->size() > search.limit;
    return QJsonObject{{QStringLiteral("type"), RegistryRequests::typeName(search.type)},
                       {QStringLiteral("results"), results},
                       {QStringLiteral("next"), more ? QJsonValue(RegistryRequests::encodeCursor(lastKey)) : QJsonValue(QJsonValue::Null)}};
}

Result<QJsonObject> RegistryBrowser::domain(const QString &name)
{
    return inSnapshot([&] { return readDomain(name); });
}

Result<QJsonObject> RegistryBrowser::readDomain(const QString &name)
{
    Result<Rows> rows = m_reader->queryRows(
        QStringLiteral("SELECT d.roid, d.name, d.tld, d.registrar_id, d.statuses, d.created_at, d.updated_at, d.expires_at, "
                       "d.creator_id, d.updater_id, d.transferred_at, d.deleted_at, c.id "
                       "FROM domains d LEFT JOIN contacts c ON c.roid = d.registrant_roid WHERE d.name = ?"),
        {name}, 1);
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return notFound(QStringLiteral("no domain %1").arg(name));
    const QVariantList &d = rows->first();
    const QString roid = d[0].toString();
    QJsonObject domain{{QStringLiteral("roid"), roid},
                       {QStringLiteral("name"), d[1].toString()},
                       {QStringLiteral("tld"), d[2].toString()},
                       {QStringLiteral("registrar"), d[3].toString()},
                       {QStringLiteral("statuses"), statusList(d[4])},
                       {QStringLiteral("createdAt"), timeOrNull(d[5])},
                       {QStringLiteral("updatedAt"), timeOrNull(d[6])},
                       {QStringLiteral("expiresAt"), timeOrNull(d[7])},
                       {QStringLiteral("creator"), d[8].toString()},
                       {QStringLiteral("updater"), d[9].toString()},
                       {QStringLiteral("transferredAt"), timeOrNull(d[10])},
                       {QStringLiteral("deletedAt"), timeOrNull(d[11])},
                       {QStringLiteral("registrant"), d[12].toString()}};

    Result<Rows> contacts = m_reader->queryRows(
        QStringLiteral("SELECT dc.type, c.id FROM domain_contacts dc JOIN contacts c ON c.roid = dc.contact_roid "
                       "WHERE dc.domain_roid = ? ORDER BY dc.type, c.id"),
        {roid}, 100);
    Result<Rows> nameservers = m_reader->queryRows(
        QStringLiteral("SELECT h.name FROM domain_hosts dh JOIN hosts h ON h.roid = dh.host_roid WHERE dh.domain_roid = ? ORDER BY h.name"),
        {roid}, 100);
    Result<Rows> subordinates = m_reader->queryRows(
        QStringLiteral("SELECT name FROM hosts WHERE domain_roid = ? ORDER BY name LIMIT ?"), {roid, maxLinkedObjects}, maxLinkedObjects);
    Result<Rows> ds = m_reader->queryRows(
        QStringLiteral("SELECT key_tag, algorithm, digest_type, digest FROM domain_ds WHERE domain_roid = ? "
                       "ORDER BY key_tag, algorithm, digest_type, digest"),
        {roid}, 100);
    Result<Rows> grace = m_reader->queryRows(
        QStringLiteral("SELECT kind, starts_at, ends_at, registrar_id FROM domain_grace_periods WHERE domain_roid = ? ORDER BY starts_at, kind"),
        {roid}, 100);
    Result<Rows> transfers = m_reader->queryRows(
        QStringLiteral("SELECT status, requesting_id, requested_at, acting_id, action_at FROM transfers "
                       "WHERE object_type = 'domain' AND object_roid = ? ORDER BY id DESC LIMIT 5"),
        {roid}, 5);
    Result<Rows> fields = m_reader->queryRows(
        QStringLiteral("SELECT name, value FROM custom_fields WHERE object_type = 'domain' AND object_roid = ? ORDER BY name"),
        {roid}, 100);
    for (const Result<Rows> *r : {&contacts, &nameservers, &subordinates, &ds, &grace, &transfers, &fields}) {
        if (!*r)
            return r->error();
    }

    QJsonArray contactList;
    for (const QVariantList &c : std::as_const(*contacts))
        contactList.append(QJsonObject{{QStringLiteral("type"), c[0].toString()}, {QStringLiteral("id"), c[1].toString()}});
    QJsonArray nsList;
    for (const QVariantList &h : std::as_const(*nameservers))
        nsList.append(h[0].toString());
    QJsonArray subList;
    for (const QVariantList &h : std::as_const(*subordinates))
        subList.append(h[0].toString());
    QJsonArray dsList;
    for (const QVariantList &r : std::as_const(*ds))
        dsList.append(QJsonObject{{QStringLiteral("keyTag"), r[0].toInt()},
                                  {QStringLiteral("algorithm"), r[1].toInt()},
                                  {QStringLiteral("digestType"), r[2].toInt()},
                                  {QStringLiteral("digest"), r[3].toString()}});
    QJsonArray graceList;
    for (const QVariantList &r : std::as_const(*grace))
        graceList.append(QJsonObject{{QStringLiteral("kind"), r[0].toString()},
                                     {QStringLiteral("startsAt"), timeOrNull(r[1])},
                                     {QStringLiteral("endsAt"), timeOrNull(r[2])},
                                     {QStringLiteral("registrar"), r[3].toString()}});
    QJsonArray transferList;
    for (const QVariantList &r : std::as_const(*transfers))
        transferList.append(QJsonObject{{QStringLiteral("status"), r[0].toString()},
                                        {QStringLiteral("requestedBy"), r[1].toString()},
                                        {QStringLiteral("requestedAt"), timeOrNull(r[2])},
                                        {QStringLiteral("actingRegistrar"), r[3].toString()},
                                        {QStringLiteral("actionAt"), timeOrNull(r[4])}});
    QJsonArray fieldList;
    for (const QVariantList &r : std::as_const(*fields))
        fieldList.append(QJsonObject{{QStringLiteral("name"), r[0].toString()}, {QStringLiteral("value"), r[1].toString()}});
    domain.insert(QStringLiteral("contacts"), contactList);
    domain.insert(QStringLiteral("nameservers"), nsList);
    domain.insert(QStringLiteral("subordinateHosts"), subList);
    domain.insert(QStringLiteral("dsData"), dsList);
    domain.insert(QStringLiteral("gracePeriods"), graceList);
    domain.insert(QStringLiteral("transfers"), transferList);
    domain.insert(QStringLiteral("customFields"), fieldList);
    return domain;
}

Result<QJsonObject> RegistryBrowser::host(const QString &name)
{
    return inSnapshot([&] { return readHost(name); });
}

Result<QJsonObject> RegistryBrowser::readHost(const QString &name)
{
    Result<Rows> rows = m_reader->queryRows(
        QStringLiteral("SELECT h.roid, h.name, h.registrar_id, h.statuses, h.created_at, h.updated_at, h.creator_id, h.updater_id, "
                       "h.transferred_at, d.name FROM hosts h LEFT JOIN domains d ON d.roid = h.domain_roid WHERE h.name = ?"),
        {name}, 1);
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return notFound(QStringLiteral("no host %1").arg(name));
    const QVariantList &h = rows->first();
    const QString roid = h[0].toString();
    Result<Rows> addresses = m_reader->queryRows(
        QStringLiteral("SELECT address, family FROM host_addresses WHERE host_roid = ? ORDER BY family, address"), {roid}, 1000);
    if (!addresses)
        return addresses.error();
    Result<QVariant> linkedCount = m_reader->queryValue(QStringLiteral("SELECT count(*) FROM domain_hosts WHERE host_roid = ?"), {roid});
    if (!linkedCount)
        return linkedCount.error();
    Result<Rows> linked = m_reader->queryRows(
        QStringLiteral("SELECT d.name FROM domain_hosts dh JOIN domains d ON d.roid = dh.domain_roid WHERE dh.host_roid = ? "
                       "ORDER BY d.name LIMIT ?"),
        {roid, maxLinkedObjects}, maxLinkedObjects);
    if (!linked)
        return linked.error();
    QJsonArray v4, v6, linkedList;
    for (const QVariantList &a : std::as_const(*addresses))
        (a[1].toInt() == 6 ? v6 : v4).append(a[0].toString());
    for (const QVariantList &d : std::as_const(*linked))
        linkedList.append(d[0].toString());
    const QString superordinate = h[9].toString();
    return QJsonObject{{QStringLiteral("roid"), roid},
                       {QStringLiteral("name"), h[1].toString()},
                       {QStringLiteral("registrar"), h[2].toString()},
                       {QStringLiteral("statuses"), statusList(h[3])},
                       {QStringLiteral("createdAt"), timeOrNull(h[4])},
                       {QStringLiteral("updatedAt"), timeOrNull(h[5])},
                       {QStringLiteral("creator"), h[6].toString()},
                       {QStringLiteral("updater"), h[7].toString()},
                       {QStringLiteral("transferredAt"), timeOrNull(h[8])},
                       {QStringLiteral("superordinateDomain"), superordinate.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(superordinate)},
                       {QStringLiteral("ipv4"), v4},
                       {QStringLiteral("ipv6"), v6},
                       {QStringLiteral("linkedDomainCount"), linkedCount->toLongLong()},
                       {QStringLiteral("linkedDomains"), linkedList}};
}

Result<QJsonObject> RegistryBrowser::contact(const QString &id)
{
    return inSnapshot([&] { return readContact(id); });
}

Result<QJsonObject> RegistryBrowser::readContact(const QString &id)
{
    Result<Rows> rows = m_reader->queryRows(
        QStringLiteral("SELECT roid, id, registrar_id, statuses, name, org, street, city, sp, pc, cc, voice, voice_ext, fax, fax_ext, "
                       "email, privacy, postal_type, loc_postal_info, created_at, updated_at, creator_id, updater_id, transferred_at "
                       "FROM contacts WHERE id = ?"),
        {id}, 1);
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return notFound(QStringLiteral("no contact %1").arg(id));
    const QVariantList &c = rows->first();
    const QString roid = c[0].toString();
    Result<QVariant> linked = m_reader->queryValue(
        QStringLiteral("SELECT (SELECT count(*) FROM domains WHERE registrant_roid = ?1) + "
                       "(SELECT count(DISTINCT domain_roid) FROM domain_contacts WHERE contact_roid = ?1)"),
        {roid});
    if (!linked)
        return linked.error();
    const QJsonDocument loc = QJsonDocument::fromJson(c[18].toString().toUtf8());
    return QJsonObject{{QStringLiteral("roid"), roid},
                       {QStringLiteral("id"), c[1].toString()},
                       {QStringLiteral("registrar"), c[2].toString()},
                       {QStringLiteral("statuses"), statusList(c[3])},
                       {QStringLiteral("name"), c[4].toString()},
                       {QStringLiteral("org"), c[5].toString()},
                       {QStringLiteral("street"), QJsonArray::fromStringList(c[6].toString().split(u'\n', Qt::SkipEmptyParts))},
                       {QStringLiteral("city"), c[7].toString()},
                       {QStringLiteral("sp"), c[8].toString()},
                       {QStringLiteral("pc"), c[9].toString()},
                       {QStringLiteral("cc"), c[10].toString()},
                       {QStringLiteral("voice"), c[11].toString()},
                       {QStringLiteral("voiceExt"), c[12].toString()},
                       {QStringLiteral("fax"), c[13].toString()},
                       {QStringLiteral("faxExt"), c[14].toString()},
                       {QStringLiteral("email"), c[15].toString()},
                       {QStringLiteral("privacy"), c[16].toString()},
                       {QStringLiteral("postalType"), c[17].toString()},
                       {QStringLiteral("locPostalInfo"), loc.isObject() ? QJsonValue(loc.object()) : QJsonValue(QJsonValue::Null)},
                       {QStringLiteral("createdAt"), timeOrNull(c[19])},
                       {QStringLiteral("updatedAt"), timeOrNull(c[20])},
                       {QStringLiteral("creator"), c[21].toString()},
                       {QStringLiteral("updater"), c[22].toString()},
                       {QStringLiteral("transferredAt"), timeOrNull(c[23])},
                       {QStringLiteral("linkedDomainCount"), linked->toLongLong()}};
}

Result<QJsonObject> RegistryBrowser::registrars()
{
    Result<Rows> rows = m_reader->queryRows(
        QStringLiteral("SELECT id, name, iana_id, status, balance_cents, credit_limit_cents, low_balance_cents FROM registrars "
                       "ORDER BY id LIMIT ?"),
        {maxRegistrars}, maxRegistrars);
    if (!rows)
        return rows.error();
    QJsonArray list;
    for (const QVariantList &r : std::as_const(*rows)) {
        const qint64 balance = r[4].toLongLong();
        const qint64 credit = r[5].toLongLong();
        list.append(QJsonObject{{QStringLiteral("id"), r[0].toString()},
                                {QStringLiteral("name"), r[1].toString()},
                                {QStringLiteral("ianaId"), intOrNull(r[2])},
                                {QStringLiteral("status"), r[3].toString()},
                                {QStringLiteral("balanceCents"), balance},
                                {QStringLiteral("creditLimitCents"), credit},
                                {QStringLiteral("availableCents"), balance + credit},
                                {QStringLiteral("lowBalanceCents"), r[6].toLongLong()}});
    }
    return QJsonObject{{QStringLiteral("registrars"), list}};
}

Result<QJsonObject> RegistryBrowser::registrar(const QString &id)
{
    return inSnapshot([&] { return readRegistrar(id); });
}

Result<QJsonObject> RegistryBrowser::readRegistrar(const QString &id)
{
    Result<Rows> rows = m_reader->queryRows(
        QStringLiteral("SELECT id, name, iana_id, email, phone, url, status, balance_cents, credit_limit_cents, low_balance_cents, "
                       "created_at, whois_server, web_whois_url, rdap_base_url FROM registrars WHERE id = ?"),
        {id}, 1);
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return notFound(QStringLiteral("no registrar %1").arg(id));
    const QVariantList &r = rows->first();
    Result<Rows> users = m_reader->queryRows(
        QStringLiteral("SELECT id, disabled, failed_logins, locked_until, password_changed_at, created_at FROM registrar_users "
                       "WHERE registrar_id = ? ORDER BY id"),
        {id}, 1000);
    Result<Rows> addresses = m_reader->queryRows(
        QStringLiteral("SELECT address FROM registrar_addresses WHERE registrar_id = ? ORDER BY address"), {id}, 1000);
    Result<Rows> certificates = m_reader->queryRows(
        QStringLiteral("SELECT sha256, subject, not_after FROM registrar_certificates WHERE registrar_id = ? ORDER BY not_after DESC"),
        {id}, 1000);
    Result<Rows> counts = m_reader->queryRows(
        QStringLiteral("SELECT (SELECT count(*) FROM domains WHERE registrar_id = ?1), (SELECT count(*) FROM hosts WHERE registrar_id = ?1), "
                       "(SELECT count(*) FROM contacts WHERE registrar_id = ?1)"),
        {id}, 1);
    for (const Result<Rows> *part : {&users, &addresses, &certificates, &counts}) {
        if (!*part)
            return part->error();
    }
    QJsonArray userList;
    for (const QVariantList &u : std::as_const(*users))
        userList.append(QJsonObject{{QStringLiteral("id"), u[0].toString()},
                                    {QStringLiteral("disabled"), u[1].toLongLong() != 0},
                                    {QStringLiteral("failedLogins"), u[2].toLongLong()},
                                    {QStringLiteral("lockedUntil"), timeOrNull(u[3])},
                                    {QStringLiteral("passwordChangedAt"), timeOrNull(u[4])},
                                    {QStringLiteral("createdAt"), timeOrNull(u[5])}});
    QJsonArray addressList;
    for (const QVariantList &a : std::as_const(*addresses))
        addressList.append(a[0].toString());
    QJsonArray certificateList;
    for (const QVariantList &c : std::as_const(*certificates))
        certificateList.append(QJsonObject{{QStringLiteral("sha256"), c[0].toString()},
                                           {QStringLiteral("subject"), c[1].toString()},
                                           {QStringLiteral("notAfter"), timeOrNull(c[2])}});
    const qint64 balance = r[7].toLongLong();
    const qint64 credit = r[8].toLongLong();
    const QVariantList &n = counts->first();
    return QJsonObject{{QStringLiteral("id"), r[0].toString()},
                       {QStringLiteral("name"), r[1].toString()},
                       {QStringLiteral("ianaId"), intOrNull(r[2])},
                       {QStringLiteral("email"), r[3].toString()},
                       {QStringLiteral("phone"), r[4].toString()},
                       {QStringLiteral("url"), r[5].toString()},
                       {QStringLiteral("whoisServer"), r[11].toString()},
                       {QStringLiteral("webWhoisUrl"), r[12].toString()},
                       {QStringLiteral("rdapBaseUrl"), r[13].toString()},
                       {QStringLiteral("status"), r[6].toString()},
                       {QStringLiteral("balanceCents"), balance},
                       {QStringLiteral("creditLimitCents"), credit},
                       {QStringLiteral("availableCents"), balance + credit},
                       {QStringLiteral("lowBalanceCents"), r[9].toLongLong()},
                       {QStringLiteral("createdAt"), timeOrNull(r[10])},
                       {QStringLiteral("users"), userList},
                       {QStringLiteral("addresses"), addressList},
                       {QStringLiteral("certificates"), certificateList},
                       {QStringLiteral("domainCount"), n[0].toLongLong()},
                       {QStringLiteral("hostCount"), n[1].toLongLong()},
                       {QStringLiteral("contactCount"), n[2].toLongLong()}};
}

Result<bool> RegistryBrowser::registrarExists(const QString &id)
{
    Result<QVariant> found = m_reader->queryValue(QStringLiteral("SELECT 1 FROM registrars WHERE id = ?"), {id});
    if (!found)
        return found.error();
    return found->isValid();
}

Result<QJsonObject> RegistryBrowser::registrarPage(const QString &registrarId, const RegistryRequests::Page &page,
                                                   const QString &sql, const std::function<QJsonObject(const QVariantList &)> &toJson)
{
    return inSnapshot([&]() -> Result<QJsonObject> {
        Result<bool> exists = registrarExists(registrarId);
        if (!exists)
            return exists.error();
        if (!*exists)
            return notFound(QStringLiteral("no registrar %1").arg(registrarId));
        const qint64 before = page.before > 0 ? page.before : std::numeric_limits<qint64>::max();
        // One row more than asked tells whether there is a next page.
        const int fetch = page.limit + 1;
        Result<Rows> rows = m_reader->queryRows(sql, {registrarId, before, fetch}, fetch);
        if (!rows)
            return rows.error();
        QJsonArray entries;
        const qsizetype shown = std::min<qsizetype>(rows->size(), page.limit);
        for (qsizetype i = 0; i < shown; ++i)
            entries.append(toJson(rows->at(i)));
        const bool more = rows->size() > page.limit;
        return QJsonObject{{QStringLiteral("registrar"), registrarId},
                           {QStringLiteral("entries"), entries},
                           {QStringLiteral("next"), more ? QJsonValue(rows->at(shown - 1)[0].toLongLong()) : QJsonValue(QJsonValue::Null)}};
    });
}

Result<QJsonObject> RegistryBrowser::ledger(const QString &registrarId, const RegistryRequests::Page &page)
{
    return registrarPage(
        registrarId, page,
        QStringLiteral("SELECT id, at, operation, object, tld, period_years, amount_cents, balance_after_cents, refers_to, "
                       "server_trid, description FROM ledger WHERE registrar_id = ? AND id < ? ORDER BY id DESC LIMIT ?"),
        [](const QVariantList &r) {
            return QJsonObject{{QStringLiteral("id"), r[0].toLongLong()},
                               {QStringLiteral("at"), timeOrNull(r[1])},
                               {QStringLiteral("operation"), r[2].toString()},
                               {QStringLiteral("object"), r[3].toString()},
                               {QStringLiteral("tld"), r[4].toString()},
                               {QStringLiteral("periodYears"), r[5].toLongLong()},
                               {QStringLiteral("amountCents"), r[6].toLongLong()},
                               {QStringLiteral("balanceAfterCents"), r[7].toLongLong()},
                               {QStringLiteral("refersTo"), intOrNull(r[8])},
                               {QStringLiteral("serverTrid"), r[9].toString()},
                               {QStringLiteral("description"), r[10].toString()}};
        });
}

Result<QJsonObject> RegistryBrowser::xrpAudit(const QString &registrarId, const RegistryRequests::Page &page)
{
    return registrarPage(
        registrarId, page,
        QStringLiteral("SELECT id, at, user_id, client_address, command, object, client_trid, server_trid, result_code, latency_us, "
                       "message FROM xrp_audit WHERE registrar_id = ? AND id < ? ORDER BY id DESC LIMIT ?"),
        [](const QVariantList &r) {
            return QJsonObject{{QStringLiteral("id"), r[0].toLongLong()},
                               {QStringLiteral("at"), timeOrNull(r[1])},
                               {QStringLiteral("user"), r[2].toString()},
                               {QStringLiteral("clientAddress"), r[3].toString()},
                               {QStringLiteral("command"), r[4].toString()},
                               {QStringLiteral("object"), r[5].toString()},
                               {QStringLiteral("clientTrid"), r[6].toString()},
                               {QStringLiteral("serverTrid"), r[7].toString()},
                               {QStringLiteral("resultCode"), r[8].toLongLong()},
                               {QStringLiteral("latencyMicros"), r[9].toLongLong()},
                               {QStringLiteral("message"), r[10].toString()}};
        });
}

} // namespace reg::admin
