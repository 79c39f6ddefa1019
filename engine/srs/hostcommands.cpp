#include "host.h"

#include "domainname.h"
#include "objectcommandsupport.h"
#include "pollqueue.h"
#include "roidallocator.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

// Decisions this file makes where RFC 5732 leaves room (the registry's policy):
// - A name under one of our TLDs whose superordinate domain is not registered is refused with
//   PolicyError (2306), not NotFound (2303): the object of the command is the host, and 2303 would
//   tell the client the host does not exist. The same for a name that is itself a registrable name
//   or a TLD (a host must lie strictly beneath a domain).
// - At most 13 addresses per family on one host (maxAddressesPerFamily): far more than any real name
//   server needs, and it bounds the glue a registrar can put into the zone.
// - An address that does not parse is a SyntaxError (2005); one that parses but may not be glue
//   (private, loopback, documentation unless allowed, ...) is a PolicyError (2306).
// - Rename (RFC 5732 3.2.5): the new name must be free and obey the create rules for its place: a
//   subordinate name needs its superordinate domain registered and sponsored by the caller (so a
//   host moves only between domains of the same sponsor) and keeps at least one address when
//   linked; an external name takes no addresses, so renaming a subordinate host outward must remove
//   its addresses in the same update. An external host that domains delegate to may not be renamed
//   into our namespace (AssociationProhibits): the delegating domains, often other registrars',
//   would silently get glue and a new sponsor's control over their name server.
// - Removing the last address of a subordinate host is refused while a domain delegates to it (the
//   delegation would lose its glue); an unlinked subordinate host may be left without addresses.
// - The sponsor of a subordinate host is its superordinate domain's sponsor, read through the
//   domain on every access, so a domain transfer carries its hosts without rewriting them.
namespace reg::srs {

using namespace Qt::StringLiterals;
using detail::fromMs;
using detail::StatementScope;
using detail::storeFailure;
using detail::toMs;

namespace {

constexpr int maxAddressesPerFamily = 13;
const QString kNameField = u"host:name"_s;
const QString kAddrField = u"host:addr"_s;

struct StoredHost
{
    Host host;                 // statuses: the stored ones only
    QString domainRoid;        // superordinate domain; empty when external
    bool linked = false;

    StatusSet shownStatuses() const
    {
        StatusSet s = host.statuses;
        if (linked)
            s.insert(EppStatus::Linked);
        return s.normalized(ObjectType::Host);
    }
};

// Hosts are public DNS data: any registrar may read every host, in full, because the same data is
// published in the zone (glue) and domain:info already names the hosts. This is the one place that
// says so; a change of policy belongs here.
bool mayReadHost(const RequestContext &, const StoredHost &) { return true; }

const QString kSelectHost = u"SELECT h.roid, h.name, COALESCE(d.registrar_id, h.registrar_id), h.statuses, h.domain_roid, "
                            "h.creator_id, h.created_at, h.updater_id, h.updated_at, h.transferred_at, "
                            "EXISTS (SELECT 1 FROM domain_hosts dh WHERE dh.host_roid = h.roid) "
                            "FROM hosts h LEFT JOIN domains d ON d.roid = h.domain_roid WHERE h.name = ?1"_s;

Result<std::optional<StoredHost>> loadHost(store::Connection &connection, const QString &name)
{
    StoredHost s;
    {
        Result<store::Statement *> prepared = connection.prepare(kSelectHost);
        if (!prepared)
            return prepared.error();
        StatementScope st(*prepared);
        if (auto b = st->bind(1, name); !b)
            return b.error();
        Result<bool> row = st->step();
        if (!row)
            return row.error();
        if (!*row)
            return std::optional<StoredHost>();
        Host &h = s.host;
        h.roid = st->text(0);
        h.name = st->text(1);
        h.sponsorId = st->text(2);
        Result<StatusSet> stored = detail::parseStoredStatuses(st->text(3));
        if (!stored)
            return stored.error().withContext(u"host %1 statuses: "_s.arg(name));
        h.statuses = *stored;
        s.domainRoid = st->text(4);
        h.creatorId = st->text(5);
        h.createdAt = fromMs(st->int64(6));
        h.updaterId = st->text(7);
        if (!h.updaterId.isEmpty())
            h.updatedAt = fromMs(st->int64(8));
        h.transferredAt = detail::optionalTime(**prepared, 9);
        s.linked = st->int64(10) != 0;
    }
    Result<store::Statement *> prepared = connection.prepare(
        u"SELECT address, family FROM host_addresses WHERE host_roid = ?1 ORDER BY family, address"_s);
    if (!prepared)
        return prepared.error();
    StatementScope st(*prepared);
    if (auto b = st->bind(1, s.host.roid); !b)
        return b.error();
    for (;;) {
        Result<bool> row = st->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        s.host.addresses << HostAddress{st->text(0), st->int64(1) == 6 ? IpVersion::V6 : IpVersion::V4};
    }
    return std::optional<StoredHost>(std::move(s));
}

Result<bool> hostExists(store::Connection &connection, const QString &name)
{
    Result<store::Statement *> prepared = connection.prepare(u"SELECT 1 FROM hosts WHERE name = ?1"_s);
    if (!prepared)
        return prepared.error();
    StatementScope st(*prepared);
    if (auto b = st->bind(1, name); !b)
        return b.error();
    return st->step();
}

SrsOutcome<StoredHost> loadExisting(store::Connection &connection, const QString &text, const char *where)
{
    Result<HostName> name = HostName::parse(text);
    if (!name)
        return SrsError(Refusal::NotFound, u"host %1 does not exist (%2)"_s.arg(text, name.error().message), kNameField, text);
    Result<std::optional<StoredHost>> loaded = loadHost(connection, name->toString());
    if (!loaded)
        return storeFailure(loaded.error(), where);
    if (!*loaded)
        return SrsError(Refusal::NotFound, u"host %1 does not exist"_s.arg(name->toString()), kNameField, text);
    return std::move(**loaded);
}

// Where a host name lies: outside our TLDs (external), or beneath a registered domain of ours.
struct Placement
{
    bool external = true;
    QString domainRoid;
    QString domainName;
    QString domainSponsor;
};

SrsOutcome<Placement> placementOf(store::Connection &connection, const RequestContext &ctx, const HostName &name,
                                  const QString &field)
{
    Placement p;
    if (!name.name().servingTld(ctx.policy->tlds))
        return p;   // not under a TLD we serve
    p.external = false;
    Result<DomainName> superordinate = name.superordinateDomain(ctx.policy->tlds);
    if (!superordinate)
        return SrsError(Refusal::PolicyError,
                        u"host %1 is not beneath a registrable domain: %2"_s.arg(name.toString(), superordinate.error().message), field,
                        name.toString());
    Result<store::Statement *> prepared = connection.prepare(u"SELECT roid, registrar_id, statuses FROM domains WHERE name = ?1"_s);
    if (!prepared)
        return storeFailure(prepared.error(), "host placement");
    StatementScope st(*prepared);
    if (auto b = st->bind(1, superordinate->toString()); !b)
        return storeFailure(b.error(), "host placement");
    Result<bool> row = st->step();
    if (!row)
        return storeFailure(row.error(), "host placement");
    if (!*row)
        return SrsError(Refusal::PolicyError,
                        u"host %1 lies under domain %2, which is not registered; register the domain first"_s.arg(
                            name.toString(), superordinate->toString()),
                        field, name.toString());
    p.domainRoid = st->text(0);
    p.domainSponsor = st->text(1);
    p.domainName = superordinate->toString();
    if (p.domainSponsor != ctx.registrarId)
        return SrsError(Refusal::AuthorizationError,
                        u"host %1 lies under domain %2, which is sponsored by another registrar"_s.arg(name.toString(), p.domainName),
                        field, name.toString());
    if (st->text(2).split(u' ').contains(u"pendingDelete"_s))
        return SrsError(Refusal::StatusProhibits,
                        u"domain %1 is pending deletion; no host can be placed beneath it"_s.arg(p.domainName), field, name.toString());
    return p;
}

// Whether text is an IP address in strict form at all (dotted quad or IPv6 text), to tell a syntax
// error from an address that is well-formed but not allowed as glue. QHostAddress alone accepts
// inet_aton shorthand such as "1.2.3", which glue must not.
bool isWellFormedAddress(const QString &text)
{
    if (text.contains(u':'))
        return QHostAddress(text).protocol() == QAbstractSocket::IPv6Protocol;
    const QStringList parts = text.split(u'.');
    if (parts.size() != 4)
        return false;
    for (const QString &part : parts) {
        bool ok = false;
        const int value = part.toInt(&ok);
        if (!ok || part.isEmpty() || part.size() > 3 || value > 255 || (part.size() > 1 && part.startsWith(u'0')) || !part.at(0).isDigit())
            return false;
    }
    return true;
}

// Validates and canonicalises client addresses (IpAddressRules, no duplicates within the list).
SrsOutcome<QList<HostAddress>> canonicalAddresses(const RequestContext &ctx, const QList<HostAddress> &given)
{
    const IpAddressRules rules(ctx.policy->allowDocumentationAddresses);
    QList<HostAddress> out;
    out.reserve(given.size());
    for (const HostAddress &a : given) {
        Result<QHostAddress> parsed = rules.validate(a.address, a.version);
        if (!parsed) {
            const bool parses = isWellFormedAddress(a.address);
            return SrsError(parses ? Refusal::PolicyError : Refusal::SyntaxError, parsed.error().message, kAddrField, a.address);
        }
        HostAddress canonical{parsed->toString(), a.version};
        if (out.contains(canonical))
            return SrsError(Refusal::PolicyError, u"address %1 is given twice"_s.arg(canonical.address), kAddrField, a.address);
        out << canonical;
    }
    return out;
}

std::optional<SrsError> checkAddressCount(const QList<HostAddress> &addresses)
{
    for (IpVersion v : {IpVersion::V4, IpVersion::V6}) {
        const auto n = std::count_if(addresses.begin(), addresses.end(), [v](const HostAddress &a) { return a.version == v; });
        if (n > maxAddressesPerFamily)
            return SrsError(Refusal::PolicyError,
                            u"a host has at most %1 IPv%2 addresses"_s.arg(maxAddressesPerFamily).arg(v == IpVersion::V4 ? 4 : 6),
                            kAddrField);
    }
    return std::nullopt;
}

Result<void> writeAddresses(store::Connection &connection, const QString &roid, const QList<HostAddress> &addresses)
{
    if (auto r = connection.execute(u"DELETE FROM host_addresses WHERE host_roid = ?1"_s, {roid}); !r)
        return r;
    Result<store::Statement *> prepared = connection.prepare(u"INSERT INTO host_addresses (host_roid, address, family) VALUES (?1, ?2, ?3)"_s);
    if (!prepared)
        return prepared.error();
    for (const HostAddress &a : addresses) {
        StatementScope st(*prepared);
        Result<void> r = st->bindAll({roid, a.address, a.version == IpVersion::V6 ? 6 : 4});
        if (r)
            r = st->run();
        if (!r)
            return r;
    }
    return success();
}

// What DNS, Whois and RDAP need to follow a host.
QJsonObject hostJson(const StoredHost &s, const QString &domainName)
{
    QJsonArray addresses;
    for (const HostAddress &a : s.host.addresses)
        addresses.append(QJsonObject{{u"address"_s, a.address}, {u"ip"_s, a.version == IpVersion::V6 ? u"v6"_s : u"v4"_s}});
    QJsonObject o{{u"name"_s, s.host.name},
                  {u"roid"_s, s.host.roid},
                  {u"sponsor"_s, s.host.sponsorId},
                  {u"statuses"_s, QJsonArray::fromStringList(s.shownStatuses().names())},
                  {u"addresses"_s, addresses}};
    if (!domainName.isEmpty())
        o.insert(u"superordinateDomain"_s, domainName);
    return o;
}

// A rename changes the NS records of every domain that delegates to the host, including other
// registrars' domains: each of those registrars gets one text message (kind "hostRename").
Result<void> notifyRename(store::Connection &connection, const RequestContext &ctx, const QString &roid, const QString &oldName,
                          const QString &newName, const QDateTime &now)
{
    Result<QList<QVariantList>> registrars = connection.queryRows(
        u"SELECT DISTINCT d.registrar_id FROM domain_hosts dh JOIN domains d ON d.roid = dh.domain_roid "
        "WHERE dh.host_roid = ?1 AND d.registrar_id <> ?2"_s,
        {roid, ctx.registrarId});
    if (!registrars)
        return registrars.error();
    const QString text = u"Host %1 was renamed to %2 by its sponsor; your domains that used %1 now use %2"_s.arg(oldName, newName);
    for (const QVariantList &row : *registrars) {
        if (auto queued = PollQueue::enqueue(connection, row.value(0).toString(), now, u"hostRename"_s, newName, text); !queued)
            return queued.error();
    }
    return success();
}

SrsError notSponsor(const QString &name, const QString &what)
{
    return SrsError(Refusal::AuthorizationError,
                    u"host %1 is sponsored by another registrar; only the sponsor may %2 it"_s.arg(name, what), kNameField, name);
}

} // namespace

SrsOutcome<QList<HostCheckResult>> HostCommands::check(store::Connection &reader, const RequestContext &, const QStringList &names)
{
    if (auto e = detail::checkNameCount(names.size(), kNameField))
        return *e;
    QList<HostCheckResult> results;
    results.reserve(names.size());
    for (const QString &text : names) {
        HostCheckResult r;
        r.name = text;
        Result<HostName> name = HostName::parse(text);
        if (!name) {
            r.reason = u"Invalid host name"_s;   // EPP reasons hold 32 characters
            results << r;
            continue;
        }
        Result<bool> exists = hostExists(reader, name->toString());
        if (!exists)
            return storeFailure(exists.error(), "host check");
        r.available = !*exists;
        if (!r.available)
            r.reason = u"In use"_s;
        results << r;
    }
    return results;
}

SrsOutcome<Host> HostCommands::info(store::Connection &reader, const RequestContext &ctx, const QString &name)
{
    SrsOutcome<StoredHost> s = loadExisting(reader, name, "host info");
    if (!s)
        return s.error();
    if (!mayReadHost(ctx, *s))
        return SrsError(Refusal::AuthorizationError, u"host %1 is sponsored by another registrar"_s.arg(name), kNameField, name);
    Host h = s->host;
    h.statuses = s->shownStatuses();
    return h;
}

WriteCommand<HostCreated> HostCommands::create(RequestContext ctx, HostCreateRequest request)
{
    return [ctx = std::move(ctx), request = std::move(request)](store::Connection &c) -> SrsOutcome<Committed<HostCreated>> {
        Result<HostName> name = HostName::parse(request.name);
        if (!name)
            return SrsError(Refusal::SyntaxError, name.error().message, kNameField, request.name);
        Result<bool> exists = hostExists(c, name->toString());
        if (!exists)
            return storeFailure(exists.error(), "host create");
        if (*exists)
            return SrsError(Refusal::Exists, u"host %1 already exists"_s.arg(name->toString()), kNameField, request.name);
        SrsOutcome<Placement> place = placementOf(c, ctx, *name, kNameField);
        if (!place)
            return place.error();
        SrsOutcome<QList<HostAddress>> addresses = canonicalAddresses(ctx, request.addresses);
        if (!addresses)
            return addresses.error();
        if (auto e = checkAddressCount(*addresses))
            return *e;
        if (place->external && !addresses->isEmpty())
            return SrsError(Refusal::PolicyError,
                            u"host %1 is outside this registry's TLDs; an external host takes no addresses"_s.arg(name->toString()),
                            kAddrField, addresses->constFirst().address);
        if (!place->external && addresses->isEmpty())
            return SrsError(Refusal::PolicyError,
                            u"host %1 lies under domain %2 and needs at least one address (glue)"_s.arg(name->toString(), place->domainName),
                            kAddrField);
        Result<QString> roid = RoidAllocator::next(c, RoidAllocator::Kind::Host);
        if (!roid)
            return storeFailure(roid.error(), "host create");

        StoredHost s;
        Host &h = s.host;
        h.name = name->toString();
        h.roid = *roid;
        h.addresses = *addresses;
        h.sponsorId = ctx.registrarId;
        h.creatorId = ctx.registrarId;
        h.createdAt = ctx.clock->now();
        s.domainRoid = place->domainRoid;
        Result<void> r = c.execute(u"INSERT INTO hosts (roid, name, registrar_id, created_at, updated_at, statuses, domain_roid, "
                                   "creator_id, updater_id) VALUES (?1, ?2, ?3, ?4, ?4, ?5, ?6, ?7, '')"_s,
                                   {h.roid, h.name, h.sponsorId, toMs(h.createdAt), detail::storedStatusText(h.statuses),
                                    s.domainRoid.isEmpty() ? QVariant() : QVariant(s.domainRoid), h.creatorId});
        if (r)
            r = writeAddresses(c, h.roid, h.addresses);
        if (!r)
            return storeFailure(r.error(), "host create");
        return Committed<HostCreated>{{h.name, h.createdAt},
                                      store::JournalChange{ctx.actor(), u"host.create"_s, h.name, hostJson(s, place->domainName)}};
    };
}

WriteCommand<Done> HostCommands::update(RequestContext ctx, HostUpdateRequest request)
{
    return [ctx = std::move(ctx), request = std::move(request)](store::Connection &c) -> SrsOutcome<Committed<Done>> {
        SrsOutcome<StoredHost> loaded = loadExisting(c, request.name, "host update");
        if (!loaded)
            return loaded.error();
        StoredHost s = std::move(*loaded);
        Host &h = s.host;
        if (h.sponsorId != ctx.registrarId)
            return notSponsor(h.name, u"update"_s);
        if (auto e = detail::checkStatusChange(ObjectType::Host, h.statuses, request.addStatuses, request.removeStatuses,
                                               u"host:status"_s))
            return *e;
        const bool changesOther = !request.addAddresses.isEmpty() || !request.removeAddresses.isEmpty() || request.newName;
        if (const auto prohibited = s.shownStatuses().prohibitsUpdate(request.addStatuses, request.removeStatuses, changesOther))
            return detail::statusRefusal(*prohibited, u"this update"_s, u"host "_s + h.name);

        // Addresses: removals must be present, additions must not be (RFC 5732 3.2.5, like statuses).
        SrsOutcome<QList<HostAddress>> adds = canonicalAddresses(ctx, request.addAddresses);
        if (!adds)
            return adds.error();
        QList<HostAddress> addresses = h.addresses;
        for (const HostAddress &r : request.removeAddresses) {
            const QHostAddress parsed(r.address);
            const QString canonical = parsed.isNull() ? r.address : parsed.toString();
            const auto it = std::find_if(addresses.begin(), addresses.end(), [&](const HostAddress &a) { return a.address == canonical; });
            if (it == addresses.end())
                return SrsError(Refusal::PolicyError, u"address %1 is not an address of host %2"_s.arg(r.address, h.name), kAddrField,
                                r.address);
            addresses.erase(it);
        }
        for (const HostAddress &a : *adds) {
            if (addresses.contains(a) || h.addresses.contains(a))
                return SrsError(Refusal::PolicyError, u"address %1 is already an address of host %2"_s.arg(a.address, h.name),
                                kAddrField, a.address);
            addresses << a;
        }
        if (auto e = checkAddressCount(addresses))
            return *e;

        // Rename: the new name must be free and obey the create rules for where it lands.
        const QString oldName = h.name;
        QString domainName;
        bool external = s.domainRoid.isEmpty();
        if (request.newName) {
            Result<HostName> newName = HostName::parse(*request.newName);
            if (!newName)
                return SrsError(Refusal::SyntaxError, newName.error().message, kNameField, *request.newName);
            if (newName->toString() != h.name) {
                Result<bool> exists = hostExists(c, newName->toString());
                if (!exists)
                    return storeFailure(exists.error(), "host update");
                if (*exists)
                    return SrsError(Refusal::Exists, u"host %1 already exists"_s.arg(newName->toString()), kNameField, *request.newName);
                SrsOutcome<Placement> place = placementOf(c, ctx, *newName, kNameField);
                if (!place)
                    return place.error();
                if (!place->external && external && s.linked)
                    return SrsError(Refusal::AssociationProhibits,
                                    u"external host %1 is used by domains and cannot be renamed into this registry's namespace"_s.arg(h.name),
                                    kNameField, *request.newName);
                external = place->external;
                s.domainRoid = place->domainRoid;
                domainName = place->domainName;
                h.name = newName->toString();
            }
        }
        if (external && !addresses.isEmpty())
            return SrsError(Refusal::PolicyError,
                            u"host %1 is outside this registry's TLDs; an external host takes no addresses"_s.arg(h.name), kAddrField,
                            addresses.constFirst().address);
        if (!external && addresses.isEmpty() && s.linked)
            return SrsError(Refusal::AssociationProhibits,
                            u"host %1 is used by domains and lies under a domain of this registry; it must keep at least one address"_s.arg(
                                h.name),
                            kAddrField);

        if (!external && domainName.isEmpty()) {
            Result<QVariant> name = c.queryValue(u"SELECT name FROM domains WHERE roid = ?1"_s, {s.domainRoid});
            if (!name)
                return storeFailure(name.error(), "host update");
            domainName = name->toString();
        }
        h.addresses = addresses;
        h.statuses = h.statuses.united(request.addStatuses).subtracted(request.removeStatuses);
        h.updaterId = ctx.registrarId;
        h.updatedAt = ctx.clock->now();
        Result<void> r = c.execute(u"UPDATE hosts SET name = ?2, registrar_id = ?3, statuses = ?4, domain_roid = ?5, updater_id = ?6, "
                                   "updated_at = ?7 WHERE roid = ?1"_s,
                                   {h.roid, h.name, h.sponsorId, detail::storedStatusText(h.statuses),
                                    s.domainRoid.isEmpty() ? QVariant() : QVariant(s.domainRoid), h.updaterId, toMs(*h.updatedAt)});
        if (r)
            r = writeAddresses(c, h.roid, h.addresses);
        if (r && oldName != h.name && s.linked)
            r = notifyRename(c, ctx, h.roid, oldName, h.name, *h.updatedAt);
        if (!r)
            return storeFailure(r.error(), "host update");
        QJsonObject data = hostJson(s, domainName);
        if (oldName != h.name)
            data.insert(u"oldName"_s, oldName);
        return Committed<Done>{Done{}, store::JournalChange{ctx.actor(), u"host.update"_s, h.name, data}};
    };
}

WriteCommand<Done> HostCommands::remove(RequestContext ctx, QString name)
{
    return [ctx = std::move(ctx), name = std::move(name)](store::Connection &c) -> SrsOutcome<Committed<Done>> {
        SrsOutcome<StoredHost> loaded = loadExisting(c, name, "host delete");
        if (!loaded)
            return loaded.error();
        const StoredHost &s = *loaded;
        if (s.host.sponsorId != ctx.registrarId)
            return notSponsor(s.host.name, u"delete"_s);
        if (s.linked)
            return SrsError(Refusal::AssociationProhibits,
                            u"host %1 is a name server of one or more domains; remove it from them first"_s.arg(s.host.name), kNameField,
                            name);
        if (const auto prohibited = s.shownStatuses().prohibits(Command::Delete))
            return detail::statusRefusal(*prohibited, u"deletion"_s, u"host "_s + s.host.name);
        Result<void> r = c.execute(u"DELETE FROM custom_fields WHERE object_type = 'host' AND object_roid = ?1"_s, {s.host.roid});
        if (r)
            r = c.execute(u"DELETE FROM host_addresses WHERE host_roid = ?1"_s, {s.host.roid});
        if (r)
            r = c.execute(u"DELETE FROM hosts WHERE roid = ?1"_s, {s.host.roid});
        if (!r)
            return storeFailure(r.error(), "host delete");
        return Committed<Done>{Done{}, store::JournalChange{ctx.actor(), u"host.delete"_s, s.host.name,
                                                            QJsonObject{{u"name"_s, s.host.name}, {u"roid"_s, s.host.roid}}}};
    };
}

} // namespace reg::srs
