#include "domainrepository.h"

#include "core/logging.h"

#include <QJsonArray>

namespace reg::srs::domainstore {
namespace {

constexpr auto kDomainColumns =
    "SELECT d.roid, d.name, d.tld, d.registrar_id, d.registrant_roid, c.id, d.statuses, d.created_at, d.updated_at,"
    " d.expires_at, d.creator_id, d.updater_id, d.transferred_at, d.auth_info, d.deleted_at, d.max_sig_life,"
    " EXISTS (SELECT 1 FROM domain_hosts dh WHERE dh.domain_roid = d.roid)"
    " FROM domains d JOIN contacts c ON c.roid = d.registrant_roid ";

QString isoTime(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

std::optional<QDateTime> optionalTime(const QVariant &v)
{
    if (!v.isValid() || v.isNull())
        return std::nullopt;
    return fromMs(v.toLongLong());
}

bool isHexDigit(QChar c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'A' && c <= u'F');
}

Result<std::optional<DomainRecord>> load(store::Connection &c, const QString &where, const QString &key, Detail detail)
{
    Result<QList<QVariantList>> rows = query(c, QLatin1StringView(kDomainColumns) + where, {key}, 1);
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<DomainRecord>();
    const QVariantList &r = rows->constFirst();
    DomainRecord rec;
    Domain &d = rec.domain;
    d.roid = r[0].toString();
    d.name = r[1].toString();
    d.tld = r[2].toString();
    d.sponsorId = r[3].toString();
    rec.registrantRoid = r[4].toString();
    d.registrantId = r[5].toString();
    const QString stored = r[6].toString();
    Result<StatusSet> statuses = StatusSet::fromNames(stored.split(u' ', Qt::SkipEmptyParts));
    if (!statuses)
        return statuses.error().withContext(QStringLiteral("domain %1 statuses: ").arg(d.name));
    // "ok" and "inactive" are computed; older rows (the seeder, migration 1) may still hold them.
    rec.storedStatuses = statuses->subtracted(StatusSet{EppStatus::Ok, EppStatus::Inactive});
    d.createdAt = fromMs(r[7].toLongLong());
    d.expiresAt = fromMs(r[9].toLongLong());
    d.creatorId = r[10].toString();
    d.updaterId = r[11].toString();
    if (!d.updaterId.isEmpty())
        d.updatedAt = fromMs(r[8].toLongLong());
    d.transferredAt = optionalTime(r[12]);
    rec.authInfoHash = r[13].toString();
    rec.deletedAt = optionalTime(r[14]);
    if (r[15].isValid() && !r[15].isNull())
        d.maxSigLife = r[15].toInt();

    Result<QList<QVariantList>> grace = query(
        c, QStringLiteral("SELECT kind, starts_at, ends_at, registrar_id, ledger_id FROM domain_grace_periods "
                          "WHERE domain_roid = ?1 ORDER BY starts_at, kind"), {d.roid});
    if (!grace)
        return grace.error();
    for (const QVariantList &row : *grace) {
        std::optional<GracePeriod> kind = parseGracePeriod(row[0].toString());
        if (!kind)
            continue;
        GraceRow g{*kind, fromMs(row[1].toLongLong()), fromMs(row[2].toLongLong()), row[3].toString(), std::nullopt};
        if (row[4].isValid() && !row[4].isNull())
            g.ledgerId = row[4].toLongLong();
        rec.graceRows << g;
    }
    d.statuses = shownStatuses(rec.storedStatuses, r[16].toBool());
    if (detail == Detail::Full) {
        if (auto e = loadDetails(c, rec); !e)
            return e.error();
    }
    return std::optional<DomainRecord>(std::move(rec));
}

} // namespace

qint64 ms(const QDateTime &t)
{
    return t.toMSecsSinceEpoch();
}

QDateTime fromMs(qint64 value)
{
    return QDateTime::fromMSecsSinceEpoch(value, Qt::UTC);
}

SrsError storeFailure(const Error &error)
{
    qCWarning(lcStore, "domain command: %s", qPrintable(error.message));
    return SrsError(Refusal::CommandFailed, QStringLiteral("the registry could not complete the command; try again"));
}

Result<QList<QVariantList>> query(store::Connection &c, const QString &sql, const QVariantList &params, int maxRows)
{
    Result<store::Statement *> st = c.prepare(sql);
    if (!st)
        return st.error();
    store::Statement *s = *st;
    if (auto b = s->bindAll(params); !b) {
        s->reset();
        return b.error();
    }
    QList<QVariantList> rows;
    while (rows.size() < maxRows) {
        Result<bool> step = s->step();
        if (!step) {
            s->reset();
            return step.error();
        }
        if (!*step)
            break;
        QVariantList row;
        const int n = s->columnCount();
        row.reserve(n);
        for (int i = 0; i < n; ++i)
            row << s->value(i);
        rows << row;
    }
    s->reset();
    return rows;
}

Result<void> exec(store::Connection &c, const QString &sql, const QVariantList &params)
{
    Result<store::Statement *> st = c.prepare(sql);
    if (!st)
        return st.error();
    store::Statement *s = *st;
    Result<void> r = s->bindAll(params);
    if (r)
        r = s->run();
    s->reset();
    return r;
}

ReadSnapshot::ReadSnapshot(store::Connection &c)
    : m_connection(c)
{
    m_open = exec(c, QStringLiteral("SAVEPOINT domain_read")).ok();
}

ReadSnapshot::~ReadSnapshot()
{
    if (!m_open)
        return;
    // A read transaction left open would pin this connection to an old snapshot for good.
    if (Result<void> r = exec(m_connection, QStringLiteral("RELEASE domain_read")); !r) {
        qCWarning(lcStore, "domain read: %s; rolling the read back", qPrintable(r.error().message));
        (void)exec(m_connection, QStringLiteral("ROLLBACK TO domain_read"));
        (void)exec(m_connection, QStringLiteral("RELEASE domain_read"));
    }
}

std::optional<GracePeriod> parseGracePeriod(QStringView name)
{
    for (GracePeriod p : {GracePeriod::Add, GracePeriod::Renew, GracePeriod::AutoRenew, GracePeriod::Transfer,
                          GracePeriod::Redemption, GracePeriod::PendingRestore, GracePeriod::PendingDelete}) {
        if (gracePeriodName(p) == name)
            return p;
    }
    return std::nullopt;
}

QList<GraceRow> DomainRecord::graceInForce(const QDateTime &now) const
{
    QList<GraceRow> out;
    for (const GraceRow &g : graceRows) {
        const bool deletionState = g.kind == GracePeriod::Redemption || g.kind == GracePeriod::PendingRestore
            || g.kind == GracePeriod::PendingDelete;
        if (deletionState || g.endsAt > now)
            out << g;
    }
    return out;
}

bool DomainRecord::inState(GracePeriod kind) const
{
    for (const GraceRow &g : graceRows) {
        if (g.kind == kind)
            return true;
    }
    return false;
}

Result<std::optional<DomainRecord>> loadByName(store::Connection &c, const QString &name, Detail detail)
{
    return load(c, QStringLiteral("WHERE d.name = ?1"), name, detail);
}

Result<std::optional<DomainRecord>> loadByRoid(store::Connection &c, const QString &roid, Detail detail)
{
    return load(c, QStringLiteral("WHERE d.roid = ?1"), roid, detail);
}

Result<void> loadDetails(store::Connection &c, DomainRecord &rec)
{
    Domain &d = rec.domain;
    d.contacts.clear();
    d.nameServers.clear();
    d.subordinateHosts.clear();
    Result<QList<QVariantList>> contacts = query(
        c, QStringLiteral("SELECT dc.type, c.id FROM domain_contacts dc JOIN contacts c ON c.roid = dc.contact_roid "
                          "WHERE dc.domain_roid = ?1 ORDER BY dc.type, c.id"), {d.roid});
    if (!contacts)
        return contacts.error();
    for (const QVariantList &row : *contacts) {
        if (auto type = parseDomainContactType(row[0].toString()))
            d.contacts << DomainContact{*type, row[1].toString()};
    }
    Result<QList<QVariantList>> ns = query(
        c, QStringLiteral("SELECT h.name FROM domain_hosts dh JOIN hosts h ON h.roid = dh.host_roid "
                          "WHERE dh.domain_roid = ?1 ORDER BY h.name"), {d.roid});
    if (!ns)
        return ns.error();
    for (const QVariantList &row : *ns)
        d.nameServers << row[0].toString();
    Result<QList<QVariantList>> subs = query(c, QStringLiteral("SELECT name FROM hosts WHERE domain_roid = ?1 ORDER BY name"), {d.roid});
    if (!subs)
        return subs.error();
    for (const QVariantList &row : *subs)
        d.subordinateHosts << row[0].toString();
    if (auto r = loadDsRecords(c, rec); !r)
        return r;
    return loadCustomFields(c, rec);
}

Result<void> loadDsRecords(store::Connection &c, DomainRecord &rec)
{
    Domain &d = rec.domain;
    d.dsRecords.clear();
    Result<QList<QVariantList>> ds = query(
        c, QStringLiteral("SELECT key_tag, algorithm, digest_type, digest FROM domain_ds WHERE domain_roid = ?1 "
                          "ORDER BY key_tag, algorithm, digest_type, digest"), {d.roid});
    if (!ds)
        return ds.error();
    for (const QVariantList &row : *ds)
        d.dsRecords << DsRecord{row[0].toInt(), row[1].toInt(), row[2].toInt(), row[3].toString()};
    return success();
}

Result<void> loadCustomFields(store::Connection &c, DomainRecord &rec)
{
    Domain &d = rec.domain;
    d.customFields.clear();
    Result<QList<QVariantList>> fields = query(
        c, QStringLiteral("SELECT name, value FROM custom_fields WHERE object_type = 'domain' AND object_roid = ?1 ORDER BY name"),
        {d.roid});
    if (!fields)
        return fields.error();
    for (const QVariantList &row : *fields)
        d.customFields << CustomField{row[0].toString(), row[1].toString()};
    return success();
}

StatusSet shownStatuses(const StatusSet &stored, bool hasNameServers)
{
    StatusSet shown = stored;
    if (!hasNameServers)
        shown.insert(EppStatus::Inactive);
    return shown.normalized(ObjectType::Domain);
}

Result<void> saveStatuses(store::Connection &c, const QString &roid, const StatusSet &stored)
{
    return exec(c, QStringLiteral("UPDATE domains SET statuses = ?2 WHERE roid = ?1"), {roid, stored.names().join(u' ')});
}

Result<void> addGraceRow(store::Connection &c, const QString &roid, GracePeriod kind, const QDateTime &startsAt,
                         const QDateTime &endsAt, const QString &registrarId, std::optional<qint64> ledgerId)
{
    // INSERT OR REPLACE: a second row of the same kind starting in the same millisecond replaces the first.
    return exec(c, QStringLiteral("INSERT OR REPLACE INTO domain_grace_periods (domain_roid, kind, starts_at, ends_at, registrar_id, ledger_id) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"),
                {roid, gracePeriodName(kind), ms(startsAt), ms(endsAt), registrarId,
                 ledgerId ? QVariant(*ledgerId) : QVariant()});
}

Result<void> dropGraceRows(store::Connection &c, const QString &roid, GracePeriod kind)
{
    return exec(c, QStringLiteral("DELETE FROM domain_grace_periods WHERE domain_roid = ?1 AND kind = ?2"),
                {roid, gracePeriodName(kind)});
}

Result<void> purge(store::Connection &c, const QString &roid)
{
    static const char *const steps[] = {
        "DELETE FROM domain_hosts WHERE domain_roid = ?1",
        // Delegations by other domains to the subordinate hosts: delete refuses them, but a domain in
        // redemption cannot stop others from adding them meanwhile; the purge takes them away.
        "DELETE FROM domain_hosts WHERE host_roid IN (SELECT roid FROM hosts WHERE domain_roid = ?1)",
        "DELETE FROM custom_fields WHERE object_type = 'host' AND object_roid IN (SELECT roid FROM hosts WHERE domain_roid = ?1)",
        "DELETE FROM hosts WHERE domain_roid = ?1",
        "DELETE FROM custom_fields WHERE object_type = 'domain' AND object_roid = ?1",
        "DELETE FROM domains WHERE roid = ?1",
    };
    for (const char *sql : steps) {
        if (auto r = exec(c, QLatin1StringView(sql), {roid}); !r)
            return r;
    }
    return success();
}

QJsonObject journalData(const Domain &d)
{
    QJsonArray contacts;
    for (const DomainContact &contact : d.contacts)
        contacts.append(QJsonObject{{QStringLiteral("type"), domainContactTypeName(contact.type)}, {QStringLiteral("id"), contact.id}});
    QJsonArray ds;
    for (const DsRecord &r : d.dsRecords) {
        ds.append(QJsonObject{{QStringLiteral("keyTag"), r.keyTag}, {QStringLiteral("alg"), r.algorithm},
                              {QStringLiteral("digestType"), r.digestType}, {QStringLiteral("digest"), r.digest}});
    }
    QJsonArray fields;
    for (const CustomField &f : d.customFields)
        fields.append(QJsonObject{{QStringLiteral("name"), f.name}, {QStringLiteral("value"), f.value}});
    QJsonArray grace;
    for (GracePeriod g : d.gracePeriods)
        grace.append(gracePeriodName(g));
    QJsonObject o{
        {QStringLiteral("name"), d.name},
        {QStringLiteral("tld"), d.tld},
        {QStringLiteral("roid"), d.roid},
        {QStringLiteral("registrant"), d.registrantId},
        {QStringLiteral("contacts"), contacts},
        {QStringLiteral("ns"), QJsonArray::fromStringList(d.nameServers)},
        {QStringLiteral("statuses"), QJsonArray::fromStringList(d.statuses.names())},
        {QStringLiteral("inZone"), d.statuses.inZone()},
        {QStringLiteral("ds"), ds},
        {QStringLiteral("customFields"), fields},
        {QStringLiteral("rgp"), grace},
        {QStringLiteral("sponsor"), d.sponsorId},
        {QStringLiteral("created"), isoTime(d.createdAt)},
        {QStringLiteral("expiry"), isoTime(d.expiresAt)},
    };
    if (d.maxSigLife)
        o.insert(QStringLiteral("maxSigLife"), *d.maxSigLife);
    if (d.updatedAt)
        o.insert(QStringLiteral("updated"), isoTime(*d.updatedAt));
    if (d.transferredAt)
        o.insert(QStringLiteral("transferred"), isoTime(*d.transferredAt));
    return o;
}

store::JournalChange journalChange(const QString &actor, const QString &kind, const Domain &domain, const QJsonObject &extra)
{
    QJsonObject data = journalData(domain);
    for (auto it = extra.begin(); it != extra.end(); ++it)
        data.insert(it.key(), it.value());
    return store::JournalChange{actor, kind, domain.name, data};
}

std::optional<SrsError> checkDsRecord(DsRecord &r)
{
    if (r.keyTag < 0 || r.keyTag > 65535)
        return SrsError(Refusal::RangeError, QStringLiteral("keyTag must be 0 to 65535"), QStringLiteral("secDNS:keyTag"), QString::number(r.keyTag));
    if (r.algorithm < 0 || r.algorithm > 255)
        return SrsError(Refusal::RangeError, QStringLiteral("alg must be 0 to 255"), QStringLiteral("secDNS:alg"), QString::number(r.algorithm));
    // RFC 4034 5.1 / IANA: digest types 1 (SHA-1), 2 (SHA-256), 4 (SHA-384) with their digest lengths.
    int hexLength = 0;
    switch (r.digestType) {
    case 1: hexLength = 40; break;
    case 2: hexLength = 64; break;
    case 4: hexLength = 96; break;
    default:
        return SrsError(Refusal::PolicyError, QStringLiteral("digestType must be 1 (SHA-1), 2 (SHA-256) or 4 (SHA-384)"),
                        QStringLiteral("secDNS:digestType"), QString::number(r.digestType));
    }
    const QString digest = r.digest.toUpper();
    if (digest.size() != hexLength) {
        return SrsError(Refusal::SyntaxError,
                        QStringLiteral("a digest of type %1 is %2 hexadecimal characters").arg(r.digestType).arg(hexLength),
                        QStringLiteral("secDNS:digest"), r.digest.left(100));
    }
    for (QChar ch : digest) {
        if (!isHexDigit(ch))
            return SrsError(Refusal::SyntaxError, QStringLiteral("the digest must be hexadecimal"), QStringLiteral("secDNS:digest"), r.digest.left(100));
    }
    r.digest = digest;
    return std::nullopt;
}

std::optional<SrsError> checkCustomField(const CustomField &f)
{
    const QString field = QStringLiteral("custom:name");
    if (f.name.isEmpty() || f.name.size() > 64)
        return SrsError(Refusal::SyntaxError, QStringLiteral("a custom field name is 1 to 64 characters"), field, f.name.left(64));
    for (QChar ch : f.name) {
        const bool ok = (ch >= u'a' && ch <= u'z') || (ch >= u'A' && ch <= u'Z') || (ch >= u'0' && ch <= u'9') || ch == u'-'
            || ch == u'_' || ch == u'.';
        if (!ok)
            return SrsError(Refusal::SyntaxError, QStringLiteral("a custom field name holds only letters, digits, '-', '_' and '.'"), field, f.name);
    }
    if (f.value.size() > 255)
        return SrsError(Refusal::RangeError, QStringLiteral("a custom field value is at most 255 characters"), QStringLiteral("custom:value"), f.value.left(64));
    for (QChar ch : f.value) {
        if (ch.category() == QChar::Other_Control || ch.category() == QChar::Other_Format
            || ch.category() == QChar::Separator_Line || ch.category() == QChar::Separator_Paragraph)
            return SrsError(Refusal::SyntaxError, QStringLiteral("a custom field value may not hold control characters"),
                            QStringLiteral("custom:value"), f.name);
    }
    return std::nullopt;
}

} // namespace reg::srs::domainstore
