#include "zonesource.h"

#include "store/connection.h"

#include <QElapsedTimer>
#include <QLoggingCategory>

#include <algorithm>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>

namespace reg::dns {

namespace {

Q_LOGGING_CATEGORY(lcZone, "registry.dns.zone", QtInfoMsg)

Error storeError(const Error &e, const char *what)
{
    return e.withContext(QStringLiteral("reading %1 for the DNS zone: ").arg(QLatin1StringView(what)));
}

QString lower(const QString &text)
{
    return text.toLower();
}

// SQLite's BINARY collation: bytes, then length.
int compareBytes(QByteArrayView a, QByteArrayView b)
{
    const qsizetype common = std::min(a.size(), b.size());
    const int c = common > 0 ? std::memcmp(a.data(), b.data(), std::size_t(common)) : 0;
    if (c != 0)
        return c;
    return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

// A statement whose rows come ordered by a roid in column 0, read in step with the domains (a merge
// join: one sequential pass over an index instead of a B-tree search per domain).
class RoidCursor
{
public:
    explicit RoidCursor(store::Statement *statement) : m_statement(statement) {}
    Result<void> start() { return advance(); }
    // Skips the rows of roids below `roid`; true when the current row is of `roid` itself.
    Result<bool> reach(QByteArrayView roid)
    {
        while (m_row) {
            const int c = compareBytes(m_statement->utf8(0), roid);
            if (c == 0)
                return true;
            if (c > 0)
                return false;
            if (auto r = advance(); !r)
                return r.error();
        }
        return false;
    }
    Result<void> advance()
    {
        Result<bool> row = m_statement->step();
        if (!row)
            return row.error();
        m_row = *row;
        return success();
    }
    store::Statement &row() const { return *m_statement; }

private:
    store::Statement *m_statement;
    bool m_row = false;
};

// Host names by roid, for the millions of name-server links a zone build resolves: a flat
// open-addressing table of (hash, index) over plain arrays, so a lookup touches one slot and one
// roid, where a node-based hash chases several pointers.
class HostNamesByRoid
{
public:
    void insert(QByteArrayView roid, std::optional<DnsName> name)
    {
        if ((m_names.size() + 1) * 2 > m_slots.size())
            grow();
        const std::uint64_t hash = hashOf(roid);
        m_offsets.push_back(std::uint32_t(m_roids.size()));
        m_roids.append(roid);
        m_names.push_back(std::move(name));
        place(hash, std::uint32_t(m_names.size() - 1));
    }

    // nullptr when the roid is unknown.
    const std::optional<DnsName> *find(QByteArrayView roid) const
    {
        if (m_slots.empty())
            return nullptr;
        const std::uint64_t hash = hashOf(roid);
        const std::size_t mask = m_slots.size() - 1;
        for (std::size_t i = std::size_t(hash) & mask;; i = (i + 1) & mask) {
            const Slot &slot = m_slots[i];
            if (slot.index == kEmpty)
                return nullptr;
            if (slot.hash == hash && roidAt(slot.index) == roid)
                return &m_names[slot.index];
        }
    }

private:
    static constexpr std::uint32_t kEmpty = 0xffffffffu;
    struct Slot
    {
        std::uint64_t hash = 0;
        std::uint32_t index = kEmpty;
    };

    static std::uint64_t hashOf(QByteArrayView bytes)
    {
        std::uint64_t h = 0x9e3779b97f4a7c15ull ^ std::uint64_t(bytes.size());
        qsizetype i = 0;
        for (; i + 8 <= bytes.size(); i += 8) {
            std::uint64_t word;
            std::memcpy(&word, bytes.data() + i, 8);
            h = (h ^ word) * 0xff51afd7ed558ccdull;
            h ^= h >> 32;
        }
        for (; i < bytes.size(); ++i)
            h = (h ^ std::uint8_t(bytes[i])) * 0x100000001b3ull;
        h ^= h >> 29;
        h *= 0xc4ceb9fe1a85ec53ull;
        return h ^ (h >> 32);
    }

    QByteArrayView roidAt(std::uint32_t index) const
    {
        const std::uint32_t end = index + 1 < m_offsets.size() ? m_offsets[index + 1] : std::uint32_t(m_roids.size());
        return QByteArrayView(m_roids.constData() + m_offsets[index], end - m_offsets[index]);
    }

    void place(std::uint64_t hash, std::uint32_t index)
    {
        const std::size_t mask = m_slots.size() - 1;
        std::size_t i = std::size_t(hash) & mask;
        while (m_slots[i].index != kEmpty)
            i = (i + 1) & mask;
        m_slots[i] = Slot{hash, index};
    }

    void grow()
    {
        std::vector<Slot> old = std::move(m_slots);
        m_slots.assign(std::max<std::size_t>(1024, old.size() * 2), Slot{});
        for (const Slot &slot : old) {
            if (slot.index != kEmpty)
                place(slot.hash, slot.index);
        }
    }

    std::vector<Slot> m_slots;                    // a power of two, at most half full
    QByteArray m_roids;                           // every roid, back to back
    std::vector<std::uint32_t> m_offsets;         // where each roid starts in m_roids
    std::vector<std::optional<DnsName>> m_names;  // nullopt: not a usable name
};

// One domain as read from the database, on its way to the thread that makes its node.
struct ReadDelegation
{
    QByteArray name;            // UTF-8, as stored
    DomainFacts facts;
};
using DelegationBatch = std::vector<ReadDelegation>;

// Hands batches of read delegations from the thread stepping through SQLite to the thread making
// zone nodes, so a build uses both cores: reading and building each take about half the time.
// Bounded, so a fast reader cannot pile up the whole zone in batches.
class DelegationPipe
{
public:
    static constexpr std::size_t kBatchSize = 1024;
    static constexpr std::size_t kMaxQueued = 8;

    void push(DelegationBatch batch)
    {
        std::unique_lock lock(m_mutex);
        m_notFull.wait(lock, [this] { return m_queue.size() < kMaxQueued; });
        m_queue.push_back(std::move(batch));
        m_notEmpty.notify_one();
    }
    // An empty optional once the pipe is closed and drained.
    std::optional<DelegationBatch> pop()
    {
        std::unique_lock lock(m_mutex);
        m_notEmpty.wait(lock, [this] { return !m_queue.empty() || m_closed; });
        if (m_queue.empty())
            return std::nullopt;
        DelegationBatch batch = std::move(m_queue.front());
        m_queue.pop_front();
        m_notFull.notify_one();
        return batch;
    }
    void close()
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        m_notEmpty.notify_all();
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_notEmpty, m_notFull;
    std::deque<DelegationBatch> m_queue;
    bool m_closed = false;
};

} // namespace

QString ZoneSource::tldOf(const DnsName &apex)
{
    QString text = apex.toText();
    if (text.endsWith(u'.') && text.size() > 1)
        text.chop(1);
    return text;
}

Result<void> ZoneSource::beginSnapshot()
{
    if (auto r = m_connection.exec(QStringLiteral("BEGIN")); !r)
        return storeError(r.error(), "a snapshot");
    return success();
}

void ZoneSource::endSnapshot()
{
    (void)m_connection.exec(QStringLiteral("COMMIT"));
}

srs::StatusSet ZoneSource::parseStatuses(const QString &stored, const QString &domain)
{
    return parseStatuses(QByteArrayView(stored.toUtf8()), QByteArrayView(domain.toUtf8()));
}

srs::StatusSet ZoneSource::parseStatuses(QByteArrayView storedUtf8, QByteArrayView domainUtf8)
{
    const auto cached = m_statusCache.constFind(QByteArray::fromRawData(storedUtf8.data(), storedUtf8.size()));
    if (cached != m_statusCache.cend())
        return *cached;
    const QString stored = QString::fromUtf8(storedUtf8);
    const QString domain = QString::fromUtf8(domainUtf8);
    Result<srs::StatusSet> parsed = srs::StatusSet::fromNames(stored.split(u' ', Qt::SkipEmptyParts));
    srs::StatusSet statuses;
    if (!parsed) {
        // A damaged row must not take the zone down; keeping the name out is the safe side.
        qCWarning(lcZone, "domain %s has unreadable statuses \"%s\" (%s); it is left out of the zone",
                  qUtf8Printable(domain), qUtf8Printable(stored), qUtf8Printable(parsed.error().message));
        statuses.insert(srs::EppStatus::ServerHold);
        return statuses;
    }
    // ok and inactive are derived, not stored (inactive: no name servers, checked separately).
    statuses = parsed->subtracted(srs::StatusSet{srs::EppStatus::Ok, srs::EppStatus::Inactive});
    if (m_statusCache.size() < 4096)
        m_statusCache.insert(storedUtf8.toByteArray(), statuses);
    return statuses;
}

Result<QStringList> ZoneSource::tlds()
{
    Result<QList<QVariantList>> rows = m_connection.queryRows(QStringLiteral("SELECT name FROM tlds ORDER BY name"));
    if (!rows)
        return storeError(rows.error(), "the TLDs");
    QStringList out;
    for (const QVariantList &row : *rows)
        out.append(lower(row.value(0).toString()));
    return out;
}

Result<qint64> ZoneSource::journalHead()
{
    Result<QVariant> head = m_connection.queryValue(QStringLiteral("SELECT MAX(seq) FROM journal"));
    if (!head)
        return storeError(head.error(), "the journal head");
    return head->isValid() ? head->toLongLong() : qint64(0);
}

Result<std::shared_ptr<const Zone>> ZoneSource::build(const ZoneContent &content, std::uint32_t serial, int historyLimit)
{
    const QString tld = tldOf(content.apex());
    QElapsedTimer timer;
    timer.start();
    qint64 phases[4] = {};
    ZoneEditor editor(content.apex());
    editor.setNode(content.apex(), content.apexRRsets(serial));

    // Names that get records from the configuration too collect their registry facts here and are
    // set last, so nothing set earlier is overwritten.
    QHash<QByteArray, OwnerFacts> configured;
    for (const DnsName &owner : content.configuredOwners())
        configured.insert(owner.wire(), OwnerFacts{owner, std::nullopt, std::nullopt});

    // Delegations: the domains of the TLD by roid, merged with their name server links and DS
    // records read by roid too, so each table is one ordered pass; host names are read once each.
    QSet<QByteArray> usedInBailiwick;   // name servers below the apex used by a delegation in the zone
    {
        HostNamesByRoid hostNames;
        {
            Result<store::Statement *> st = m_connection.prepare(QStringLiteral("SELECT roid, name FROM hosts"));
            if (!st)
                return storeError(st.error(), "host names");
            for (;;) {
                Result<bool> row = (*st)->step();
                if (!row)
                    return storeError(row.error(), "host names");
                if (!*row)
                    break;
                Result<DnsName> name = registryName((*st)->utf8(1));
                hostNames.insert((*st)->utf8(0), name ? std::optional<DnsName>(*name) : std::nullopt);
            }
            (*st)->reset();
        }
        Result<store::Statement *> domains = m_connection.prepare(
            QStringLiteral("SELECT roid, name, statuses FROM domains WHERE +tld = ?1 ORDER BY roid"));
        Result<store::Statement *> links = m_connection.prepare(
            QStringLiteral("SELECT domain_roid, host_roid FROM domain_hosts ORDER BY domain_roid"));
        Result<store::Statement *> dsRows = m_connection.prepare(
            QStringLiteral("SELECT domain_roid, key_tag, algorithm, digest_type, digest FROM domain_ds ORDER BY domain_roid"));
        for (const auto *st : {&domains, &links, &dsRows}) {
            if (!*st)
                return storeError(st->error(), "delegations");
        }
        struct ResetAll
        {
            store::Statement *statements[3];
            ~ResetAll()
            {
                for (store::Statement *st : statements)
                    st->reset();
            }
        } resetAll{{*domains, *links, *dsRows}};
        (void)(*domains)->bind(1, tld);
        RoidCursor linkCursor(*links);
        RoidCursor dsCursor(*dsRows);
        if (auto r = linkCursor.start(); !r)
            return storeError(r.error(), "name servers");
        if (auto r = dsCursor.start(); !r)
            return storeError(r.error(), "DS records");

        // This thread reads; the builder makes the nodes. Only the builder touches the editor,
        // `configured` and `usedInBailiwick` until it is joined.
        DelegationPipe pipe;
        std::thread builder([&] {
            while (std::optional<DelegationBatch> batch = pipe.pop()) {
                for (ReadDelegation &read : *batch) {
                    Result<DnsName> owner = registryName(QByteArrayView(read.name));
                    if (!owner || !owner->isSubdomainOf(content.apex())) {
                        qCWarning(lcZone, "domain \"%s\" is not a name of the zone %s; left out", read.name.constData(), qUtf8Printable(tld));
                        continue;
                    }
                    if (ZoneContent::delegationInZone(read.facts)) {
                        for (const DnsName &ns : std::as_const(read.facts.nameServers)) {
                            if (content.belowDelegation(ns))
                                usedInBailiwick.insert(ns.wire());
                        }
                    }
                    OwnerFacts facts{*owner, std::move(read.facts), std::nullopt};
                    auto pending = configured.find(owner->wire());
                    if (pending != configured.end())
                        pending->domain = facts.domain;
                    else
                        editor.setNode(*owner, content.rrsets(facts));
                }
            }
        });
        struct JoinBuilder
        {
            DelegationPipe &pipe;
            std::thread &builder;
            ~JoinBuilder()
            {
                pipe.close();
                builder.join();
            }
        } joinBuilder{pipe, builder};

        DelegationBatch batch;
        batch.reserve(DelegationPipe::kBatchSize);
        for (;;) {
            Result<bool> row = (*domains)->step();
            if (!row)
                return storeError(row.error(), "delegations");
            if (!*row)
                break;
            const QByteArrayView roid = (*domains)->utf8(0);
            DomainFacts domain;
            bool anyLink = false;
            for (;;) {
                Result<bool> here = linkCursor.reach(roid);
                if (!here)
                    return storeError(here.error(), "name servers");
                if (!*here)
                    break;
                anyLink = true;
                const std::optional<DnsName> *host = hostNames.find(linkCursor.row().utf8(1));
                if (host && host->has_value())
                    domain.nameServers.append(**host);
                if (auto r = linkCursor.advance(); !r)
                    return storeError(r.error(), "name servers");
            }
            for (;;) {
                Result<bool> here = dsCursor.reach(roid);
                if (!here)
                    return storeError(here.error(), "DS records");
                if (!*here)
                    break;
                const store::Statement &ds = dsCursor.row();
                domain.ds.append(DsFacts{int(ds.int64(1)), int(ds.int64(2)), int(ds.int64(3)), ds.text(4)});
                if (auto r = dsCursor.advance(); !r)
                    return storeError(r.error(), "DS records");
            }
            if (!anyLink)
                continue;   // no name servers: inactive, no delegation
            domain.statuses = parseStatuses((*domains)->utf8(2), (*domains)->utf8(1));
            batch.push_back(ReadDelegation{(*domains)->utf8(1).toByteArray(), std::move(domain)});
            if (batch.size() == DelegationPipe::kBatchSize) {
                pipe.push(std::move(batch));
                batch = {};
                batch.reserve(DelegationPipe::kBatchSize);
            }
        }
        if (!batch.empty())
            pipe.push(std::move(batch));
    }

    phases[1] = timer.elapsed();
    // Glue candidates: hosts whose superordinate domain is of this TLD, with their addresses.
    {
        // Driven by the hosts (CROSS JOIN keeps them the outer loop): there are far fewer hosts with
        // a superordinate domain than domains in a TLD, and walking the TLD's domains to find their
        // hosts costs an index search for every domain.
        Result<store::Statement *> st = m_connection.prepare(QStringLiteral(
            "SELECT h.name, sup.name, sup.statuses, "
            "EXISTS (SELECT 1 FROM domain_hosts x WHERE x.domain_roid = sup.roid), "
            "(SELECT group_concat(a.address, ' ') FROM host_addresses a WHERE a.host_roid = h.roid) "
            "FROM hosts h CROSS JOIN domains sup ON sup.roid = h.domain_roid "
            "WHERE h.domain_roid IS NOT NULL AND +sup.tld = ?1"));
        if (!st)
            return storeError(st.error(), "glue");
        (void)(*st)->bind(1, tld);
        for (;;) {
            Result<bool> row = (*st)->step();
            if (!row)
                return storeError(row.error(), "glue");
            if (!*row)
                break;
            if ((*st)->isNull(4))
                continue;   // no addresses, nothing to serve
            Result<DnsName> owner = registryName((*st)->utf8(0));
            if (!owner || !usedInBailiwick.contains(owner->wire()))
                continue;
            const bool superordinateInZone = ZoneContent::delegationInZone(parseStatuses((*st)->utf8(2), (*st)->utf8(1)), (*st)->int64(3) != 0);
            HostFacts host{{}, superordinateInZone, true};
            for (const QString &text : (*st)->text(4).split(u' ', Qt::SkipEmptyParts)) {
                const QHostAddress address(text);
                if (!address.isNull())
                    host.addresses.append(address);
            }
            OwnerFacts facts{*owner, std::nullopt, std::move(host)};
            auto pending = configured.find(owner->wire());
            if (pending != configured.end())
                pending->host = facts.host;
            else
                editor.setNode(*owner, content.rrsets(facts));
        }
        (*st)->reset();
    }

    for (const OwnerFacts &facts : std::as_const(configured))
        editor.setNode(facts.owner, content.rrsets(facts));
    phases[2] = timer.elapsed();
    std::shared_ptr<const Zone> zone = editor.finish(serial, historyLimit);
    phases[3] = timer.elapsed();
    qCInfo(lcZone, "built the zone %s: %zu names at serial %u in %lld ms (delegations %lld, glue %lld, index %lld)",
           qUtf8Printable(content.apex().toText()), zone->nodeCount(), serial, phases[3], phases[1] - phases[0],
           phases[2] - phases[1], phases[3] - phases[2]);
    return zone;
}

// The point reads name the TLD with a unary plus: that condition only confirms the row, and
// without it SQLite (with no statistics) may walk the TLD's index instead of the row's own key.
Result<OwnerFacts> ZoneSource::facts(const ZoneContent &content, const DnsName &owner)
{
    const QString tld = tldOf(content.apex());
    OwnerFacts out{owner.lowered(), std::nullopt, std::nullopt};
    const QString name = tldOf(out.owner);
    if (out.owner.labelCount() == content.apex().labelCount() + 1) {
        Result<QList<QVariantList>> rows = m_connection.queryRows(
            QStringLiteral("SELECT roid, statuses FROM domains WHERE name = ?1 AND +tld = ?2"), {name, tld}, 1);
        if (!rows)
            return storeError(rows.error(), "a domain");
        if (!rows->isEmpty()) {
            const QString roid = rows->first().value(0).toString();
            DomainFacts domain{parseStatuses(rows->first().value(1).toString(), name), {}, {}};
            Result<QList<QVariantList>> ns = m_connection.queryRows(
                QStringLiteral("SELECT h.name FROM domain_hosts dh JOIN hosts h ON h.roid = dh.host_roid WHERE dh.domain_roid = ?1"), {roid});
            if (!ns)
                return storeError(ns.error(), "name servers");
            for (const QVariantList &row : *ns) {
                if (Result<DnsName> server = registryName(row.value(0).toString()))
                    domain.nameServers.append(*server);
            }
            Result<QList<QVariantList>> dsRows = m_connection.queryRows(
                QStringLiteral("SELECT key_tag, algorithm, digest_type, digest FROM domain_ds WHERE domain_roid = ?1"), {roid});
            if (!dsRows)
                return storeError(dsRows.error(), "DS records");
            for (const QVariantList &row : *dsRows)
                domain.ds.append(DsFacts{row.value(0).toInt(), row.value(1).toInt(), row.value(2).toInt(), row.value(3).toString()});
            out.domain = std::move(domain);
        }
    }
    if (content.belowDelegation(out.owner)) {
        Result<QList<QVariantList>> rows = m_connection.queryRows(
            QStringLiteral("SELECT h.roid, sup.name, sup.statuses, "
                           "EXISTS (SELECT 1 FROM domain_hosts x WHERE x.domain_roid = sup.roid) "
                           "FROM hosts h JOIN domains sup ON sup.roid = h.domain_roid WHERE h.name = ?1 AND +sup.tld = ?2"),
            {name, tld}, 1);
        if (!rows)
            return storeError(rows.error(), "a host");
        if (!rows->isEmpty()) {
            const QVariantList &row = rows->first();
            const QString roid = row.value(0).toString();
            const bool superordinateInZone =
                ZoneContent::delegationInZone(parseStatuses(row.value(2).toString(), row.value(1).toString()), row.value(3).toLongLong() != 0);
            HostFacts host{{}, superordinateInZone, false};
            Result<QList<QVariantList>> users = m_connection.queryRows(
                QStringLiteral("SELECT d.name, d.statuses FROM domain_hosts dh JOIN domains d ON d.roid = dh.domain_roid "
                               "WHERE dh.host_roid = ?1 AND +d.tld = ?2"),
                {roid, tld});
            if (!users)
                return storeError(users.error(), "the domains using a host");
            for (const QVariantList &user : *users) {
                // A domain that uses the host has at least this name server.
                if (ZoneContent::delegationInZone(parseStatuses(user.value(1).toString(), user.value(0).toString()), true)) {
                    host.usedInZone = true;
                    break;
                }
            }
            Result<QList<QVariantList>> addresses = m_connection.queryRows(
                QStringLiteral("SELECT address FROM host_addresses WHERE host_roid = ?1"), {roid});
            if (!addresses)
                return storeError(addresses.error(), "host addresses");
            for (const QVariantList &a : *addresses) {
                const QHostAddress address(a.value(0).toString());
                if (!address.isNull())
                    host.addresses.append(address);
            }
            out.host = std::move(host);
        }
    }
    return out;
}

Result<QStringList> ZoneSource::hostsBelowDomain(const QString &domain)
{
    Result<QList<QVariantList>> rows = m_connection.queryRows(
        QStringLiteral("SELECT h.name FROM hosts h JOIN domains d ON d.roid = h.domain_roid WHERE d.name = ?1"), {domain});
    if (!rows)
        return storeError(rows.error(), "subordinate hosts");
    QStringList out;
    for (const QVariantList &row : *rows)
        out.append(lower(row.value(0).toString()));
    return out;
}

Result<QStringList> ZoneSource::domainsUsingHost(const QString &host)
{
    Result<QList<QVariantList>> rows = m_connection.queryRows(
        QStringLiteral("SELECT d.name FROM domain_hosts dh JOIN hosts h ON h.roid = dh.host_roid "
                       "JOIN domains d ON d.roid = dh.domain_roid WHERE h.name = ?1"),
        {host});
    if (!rows)
        return storeError(rows.error(), "the domains using a host");
    QStringList out;
    for (const QVariantList &row : *rows)
        out.append(lower(row.value(0).toString()));
    return out;
}

Result<LoadedZones> loadZones(store::Connection &connection, const DnsConfig &config, int historyLimit, const QString &onlyZone)
{
    ZoneSource source(connection);
    if (auto r = source.beginSnapshot(); !r)
        return r.error();
    struct EndSnapshot
    {
        ZoneSource &source;
        ~EndSnapshot() { source.endSnapshot(); }
    } end{source};

    LoadedZones out;
    Result<qint64> head = source.journalHead();
    if (!head)
        return head.error();
    out.sequence = *head;
    Result<QStringList> tlds = source.tlds();
    if (!tlds)
        return tlds.error();
    const QString wanted = onlyZone.endsWith(u'.') ? onlyZone.chopped(1).toLower() : onlyZone.toLower();
    for (const QString &tld : std::as_const(*tlds)) {
        if (!wanted.isEmpty() && tld != wanted)
            continue;
        Result<DnsName> apex = registryName(tld);
        if (!apex)
            return apex.error().withContext(QStringLiteral("TLD %1: ").arg(tld));
        Result<ZoneContent> content = ZoneContent::make(config, *apex);
        if (!content)
            return content.error();
        Result<std::shared_ptr<const Zone>> zone = source.build(*content, std::uint32_t(out.sequence), historyLimit);
        if (!zone)
            return zone.error();
        out.contents.append(*content);
        out.zones.append(*zone);
    }
    if (!wanted.isEmpty() && out.zones.isEmpty())
        return Error(ErrorCode::NotFound, QStringLiteral("there is no zone \"%1\": the registry's TLDs are %2")
                                              .arg(onlyZone, tlds->isEmpty() ? QStringLiteral("none") : tlds->join(QStringLiteral(", "))));
    return out;
}

} // namespace reg::dns
