#include "directory.h"

#include "directorycache.h"
#include "directorynames.h"
#include "directoryreader.h"
#include "readerpool.h"

#include "srs/domainrepository.h"

#include "store/journal.h"
#include "store/journalsubscription.h"
#include "store/store.h"

#include <QJsonArray>
#include <QLoggingCategory>
#include <QThread>

#include <atomic>

Q_LOGGING_CATEGORY(lcDirectory, "registry.directory", QtInfoMsg)

namespace reg::directory {
namespace {

using Kind = DirectoryCache::Kind;

// Enough connections for every Whois and RDAP worker thread to miss at once.
constexpr int kMaxReaders = 32;
constexpr int kMaxSearchLimit = 1000;
// A search reads at most this many index rows, however few of them match, so a pattern that
// matches little in a large range costs a bounded amount.
constexpr int kMaxSearchScan = 20000;
constexpr int kMaxHostsPerAddress = 1000;
constexpr int kMaxRegistrars = 10000;
constexpr qsizetype kMaxRegistrarKey = 255;
constexpr qsizetype kMaxContactHandle = 255;   // beyond any contact id the registry accepts

template<typename T>
struct Loaded
{
    std::shared_ptr<const T> value;
    qint64 validUntilMs = 0;       // 0: the cache lifetime applies
    QStringList dependencies;
};

// Journal kinds that change nothing Whois or RDAP show (accounts, billing, network inventory).
bool irrelevant(const QString &kind)
{
    static const QStringList prefixes = {QStringLiteral("user."), QStringLiteral("registrar-user."), QStringLiteral("site."),
                                         QStringLiteral("device."), QStringLiteral("link."), QStringLiteral("tld.")};
    static const QStringList exact = {QStringLiteral("registrar.payment"), QStringLiteral("registrar.address"),
                                      QStringLiteral("registrar.certificate")};
    if (exact.contains(kind))
        return true;
    return std::any_of(prefixes.cbegin(), prefixes.cend(), [&](const QString &p) { return kind.startsWith(p); });
}

// The domains a host name lies beneath ("ns1.a.example.net" -> "a.example.net", "example.net"):
// deleting or purging one of them removes the host and with it the delegation.
QStringList ancestorDomains(const QString &host)
{
    QStringList out;
    qsizetype dot = host.indexOf(u'.');
    while (dot >= 0) {
        const QString rest = host.mid(dot + 1);
        if (!rest.contains(u'.'))
            break;
        out << rest;
        dot = host.indexOf(u'.', dot + 1);
    }
    return out;
}

QStringList domainDependencies(const DomainView &v)
{
    QStringList deps;
    if (v.registrant)
        deps << u"c:" + v.registrant->id;
    for (const auto &[type, contact] : v.contacts)
        deps << u"c:" + contact.id;
    for (const NameServerView &ns : v.nameServers) {
        deps << u"h:" + ns.name;
        for (const QString &a : ancestorDomains(ns.name))
            deps << u"s:" + a;
    }
    deps.removeDuplicates();
    return deps;
}

// The cache key a name has if it is already, or nearly, in stored form (ASCII letters, digits,
// hyphens and dots; any case; one trailing dot), without validating it: only names that passed
// normalizeName() are ever stored, so a hit on this key is a valid name. Null for anything else,
// which goes the long way. This keeps the hit path of the common query free of parsing.
QString quickKey(const QString &name)
{
    qsizetype size = name.size();
    if (size == 0 || size > 254)
        return QString();
    if (name.at(size - 1) == u'.')
        --size;
    bool lower = true;
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t c = name.at(i).unicode();
        if ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'-' || c == u'.')
            continue;
        if (c >= u'A' && c <= u'Z') {
            lower = false;
            continue;
        }
        return QString();
    }
    if (lower && size == name.size())
        return name;   // shares the caller's string: no copy
    return name.first(size).toLower();
}

} // namespace

struct Directory::Private
{
    Private(Directory *owner, const DirectoryConfig &cfg, store::Store &s, const Clock &c)
        : q(owner)
        , config(cfg)
        , store(s)
        , clock(c)
        , pool(s, kMaxReaders)
        , cache(cfg.cacheMaxEntries, cfg.cacheLifetimeSecs * 1000)
    {
    }

    // A cached record, or nullopt; counts a hit or a miss.
    template<typename T>
    std::optional<std::shared_ptr<const T>> cached(Kind kind, const QString &key);
    // The record from the cache, else from the database (and then cached). alreadyMissed: the
    // caller just looked in the cache for this key (see cached()).
    template<typename T, typename Load>
    Result<std::shared_ptr<const T>> lookup(Kind kind, const QString &key, Load load, bool alreadyMissed = false);

    void follow(const store::JournalEntry &entry);
    QDateTime headTime();   // commit time of the newest journal entry (now, if there is none)

    Directory *q;
    DirectoryConfig config;
    store::Store &store;
    const Clock &clock;
    ReaderPool pool;
    DirectoryCache cache;
    // On only while the journal is followed: without invalidation a cached record could go stale.
    std::atomic<bool> caching{false};
    std::atomic<qint64> appliedSequence{0};
    std::atomic<qint64> appliedTimeMs{0};   // commit time of the entry appliedSequence names
    std::unique_ptr<QThread> thread;
    QObject *context = nullptr;
};

template<typename T>
std::optional<std::shared_ptr<const T>> Directory::Private::cached(Kind kind, const QString &key)
{
    if (!caching.load(std::memory_order_acquire))
        return std::nullopt;
    if (std::optional<std::shared_ptr<const void>> hit = cache.find(kind, key, clock.now().toMSecsSinceEpoch()))
        return std::static_pointer_cast<const T>(std::move(*hit));
    return std::nullopt;
}

template<typename T, typename Load>
Result<std::shared_ptr<const T>> Directory::Private::lookup(Kind kind, const QString &key, Load load, bool alreadyMissed)
{
    const QDateTime now = clock.now();
    const qint64 nowMs = now.toMSecsSinceEpoch();
    const bool useCache = caching.load(std::memory_order_acquire);
    if (useCache && !alreadyMissed) {
        if (std::optional<std::shared_ptr<const void>> hit = cache.find(kind, key, nowMs))
            return std::static_pointer_cast<const T>(std::move(*hit));
    }
    // Taken before the read: an invalidation that lands while we read makes store() refuse.
    const DirectoryCache::Ticket ticket = useCache ? cache.ticket(kind, key) : DirectoryCache::Ticket{};
    Result<ReaderPool::Lease> lease = pool.acquire();
    if (!lease)
        return lease.error();
    Result<Loaded<T>> loaded = [&]() -> Result<Loaded<T>> {
        const srs::domainstore::ReadSnapshot snapshot(**lease);
        return load(**lease, now);
    }();
    if (!loaded) {
        qCWarning(lcDirectory, "lookup failed: %s", qUtf8Printable(loaded.error().message));
        return loaded.error();
    }
    if (useCache)
        cache.store(kind, key, loaded->value, ticket, nowMs, loaded->validUntilMs, loaded->dependencies);
    return std::move(loaded->value);
}

Directory::Directory(const DirectoryConfig &config, store::Store &store, const Clock &clock, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, config, store, clock))
{
}

Directory::~Directory()
{
    stop();
}

void Directory::start()
{
    if (d->thread)
        return;
    const qint64 head = d->store.writer().journalHead();
    d->appliedSequence.store(head, std::memory_order_release);
    d->appliedTimeMs.store(d->headTime().toMSecsSinceEpoch(), std::memory_order_release);
    d->thread = std::make_unique<QThread>();
    d->thread->setObjectName(QStringLiteral("directory-journal"));
    d->context = new QObject();
    d->context->moveToThread(d->thread.get());
    d->thread->start();
    QMetaObject::invokeMethod(d->context, [this, head] {
        Private &p = *d;
        store::JournalSubscription *subscription = p.store.subscribe(head + 1, p.context);
        QObject::connect(subscription, &store::JournalSubscription::entry, p.context,
                         [&p](const store::JournalEntry &entry) { p.follow(entry); });
        QObject::connect(subscription, &store::JournalSubscription::failed, p.context, [&p](const QString &message) {
            p.caching.store(false, std::memory_order_release);
            p.cache.clear();
            qCWarning(lcDirectory, "the directory stopped following the journal; cache off: %s", qUtf8Printable(message));
            Q_EMIT p.q->failed(QStringLiteral("the directory stopped following the journal: %1").arg(message));
        });
    });
    // Entries committed from here on reach follow(), the ones before `head` are in the database.
    d->cache.clear();
    d->caching.store(true, std::memory_order_release);
}

void Directory::stop()
{
    d->caching.store(false, std::memory_order_release);
    if (!d->thread)
        return;
    d->thread->quit();
    d->thread->wait();
    delete d->context;   // the thread has finished, so its objects can go from here
    d->context = nullptr;
    d->thread.reset();
    d->cache.clear();
}

void Directory::Private::follow(const store::JournalEntry &entry)
{
    q->invalidate(entry);
    appliedTimeMs.store(entry.time.toMSecsSinceEpoch(), std::memory_order_release);
    appliedSequence.store(entry.sequence, std::memory_order_release);
}

QDateTime Directory::Private::headTime()
{
    // An empty journal has no commit to date the data by: the data is as of now.
    Result<ReaderPool::Lease> reader = pool.acquire();
    if (reader) {
        if (Result<store::JournalHead> head = store::Journal::head(**reader); head && head->time.isValid())
            return head->time;
    }
    return clock.now();
}

Result<std::shared_ptr<const DomainView>> Directory::domain(const QString &name)
{
    const QString quick = quickKey(name);
    if (!quick.isNull()) {
        if (std::optional<std::shared_ptr<const DomainView>> hit = d->cached<DomainView>(Kind::Domain, quick))
            return std::move(*hit);
    }
    Result<QString> ace = normalizeName(name);
    if (!ace)
        return ace.error();
    const bool missed = !quick.isNull() && quick == *ace;
    return d->lookup<DomainView>(Kind::Domain, *ace, [&](store::Connection &c, const QDateTime &now) -> Result<Loaded<DomainView>> {
        QDateTime validUntil;
        Result<std::shared_ptr<const DomainView>> v = reader::domain(c, *ace, now, &validUntil);
        if (!v)
            return v.error();
        Loaded<DomainView> out;
        out.value = std::move(v).value();
        if (validUntil.isValid())
            out.validUntilMs = validUntil.toMSecsSinceEpoch();
        if (out.value)
            out.dependencies = domainDependencies(*out.value);
        return out;
    }, missed);
}

Result<std::shared_ptr<const HostView>> Directory::host(const QString &name)
{
    const QString quick = quickKey(name);
    if (!quick.isNull()) {
        if (std::optional<std::shared_ptr<const HostView>> hit = d->cached<HostView>(Kind::Host, quick))
            return std::move(*hit);
    }
    Result<QString> ace = normalizeName(name);
    if (!ace)
        return ace.error();
    const bool missed = !quick.isNull() && quick == *ace;
    return d->lookup<HostView>(Kind::Host, *ace, [&](store::Connection &c, const QDateTime &) -> Result<Loaded<HostView>> {
        QStringList dependencies;
        Result<std::shared_ptr<const HostView>> v = reader::host(c, *ace, &dependencies);
        if (!v)
            return v.error();
        dependencies.removeDuplicates();
        return Loaded<HostView>{std::move(v).value(), 0, dependencies};
    }, missed);
}

Result<QList<std::shared_ptr<const HostView>>> Directory::hostsWithAddress(const QHostAddress &address)
{
    if (address.isNull())
        return Error(ErrorCode::InvalidInput, QStringLiteral("not an IP address"));
    QHostAddress plain = address;
    plain.setScopeId(QString());
    const QString key = plain.toString();
    using HostList = QList<std::shared_ptr<const HostView>>;
    Result<std::shared_ptr<const HostList>> found =
        d->lookup<HostList>(Kind::Address, key, [&](store::Connection &c, const QDateTime &) -> Result<Loaded<HostList>> {
            QStringList dependencies;
            Result<HostList> hosts = reader::hostsWithAddress(c, key, kMaxHostsPerAddress, &dependencies);
            if (!hosts)
                return hosts.error();
            dependencies.removeDuplicates();
            return Loaded<HostList>{std::make_shared<const HostList>(std::move(hosts).value()), 0, dependencies};
        });
    if (!found)
        return found.error();
    return **found;
}

Result<std::shared_ptr<const RegistrarView>> Directory::registrar(const QString &idOrName)
{
    const QString key = idOrName.trimmed();
    if (key.isEmpty() || key.size() > kMaxRegistrarKey)
        return Error(ErrorCode::InvalidInput, QStringLiteral("a registrar is named by its id or name (1 to 255 characters)"));
    return d->lookup<RegistrarView>(Kind::Registrar, key, [&](store::Connection &c, const QDateTime &) -> Result<Loaded<RegistrarView>> {
        Result<std::optional<RegistrarView>> r = reader::registrar(c, key);
        if (!r)
            return r.error();
        Loaded<RegistrarView> out;
        if (*r)
            out.value = std::make_shared<const RegistrarView>(std::move(**r));
        return out;
    });
}

Result<std::shared_ptr<const ContactView>> Directory::contact(const QString &handle)
{
    if (handle.isEmpty() || handle.size() > kMaxContactHandle)
        return Error(ErrorCode::InvalidInput, QStringLiteral("a contact handle has 1 to %1 characters").arg(kMaxContactHandle));
    return d->lookup<ContactView>(Kind::Contact, handle, [&](store::Connection &c, const QDateTime &) -> Result<Loaded<ContactView>> {
        Result<std::shared_ptr<const ContactView>> v = reader::contact(c, handle);
        if (!v)
            return v.error();
        return Loaded<ContactView>{std::move(v).value(), 0, {}};
    });
}

Result<QList<RegistrarView>> Directory::registrars()
{
    using List = QList<RegistrarView>;
    Result<std::shared_ptr<const List>> found =
        d->lookup<List>(Kind::RegistrarList, QString(), [&](store::Connection &c, const QDateTime &) -> Result<Loaded<List>> {
            Result<List> all = reader::registrars(c, kMaxRegistrars);
            if (!all)
                return all.error();
            return Loaded<List>{std::make_shared<const List>(std::move(all).value()), 0, {}};
        });
    if (!found)
        return found.error();
    return **found;
}

namespace {

// The names a search matches, read from the index in one transaction, then each record through
// the cache (the hot ones are there already).
template<typename View, typename Fetch>
Result<SearchResult<View>> search(ReaderPool &pool, reader::NameTable table, const QString &patternText, int limit, Fetch fetch)
{
    Result<NamePattern> pattern = parseNamePattern(patternText);
    if (!pattern)
        return pattern.error();
    limit = std::clamp(limit, 1, kMaxSearchLimit);
    QStringList names;
    bool exhausted = false;
    {
        Result<ReaderPool::Lease> lease = pool.acquire();
        if (!lease)
            return lease.error();
        const srs::domainstore::ReadSnapshot snapshot(**lease);
        const NamePattern &p = *pattern;
        Result<QStringList> found = reader::namesInRange(**lease, table, p.from, p.to, [&p](QStringView n) { return p.matches(n); },
                                                         limit + 1, kMaxSearchScan, &exhausted);
        if (!found)
            return found.error();
        names = std::move(found).value();
    }
    SearchResult<View> out;
    // More matched than asked for, or the scan stopped at its cap before the range ended.
    out.truncated = names.size() > limit || (!exhausted && names.size() <= limit);
    for (const QString &name : std::as_const(names)) {
        if (out.items.size() == limit)
            break;
        Result<std::shared_ptr<const View>> v = fetch(name);
        if (!v)
            return v.error();
        if (*v)   // deleted since the names were read
            out.items << **v;
    }
    return out;
}

} // namespace

Result<SearchResult<DomainView>> Directory::searchDomains(const QString &pattern, int limit)
{
    return search<DomainView>(d->pool, reader::NameTable::Domains, pattern, limit, [this](const QString &n) { return domain(n); });
}

Result<SearchResult<HostView>> Directory::searchHosts(const QString &pattern, int limit)
{
    return search<HostView>(d->pool, reader::NameTable::Hosts, pattern, limit, [this](const QString &n) { return host(n); });
}

DirectoryCacheStatistics Directory::cacheStatistics() const
{
    return d->cache.statistics();
}

qint64 Directory::appliedSequence() const
{
    return d->appliedSequence.load(std::memory_order_acquire);
}

QDateTime Directory::appliedTime() const
{
    const qint64 ms = d->appliedTimeMs.load(std::memory_order_acquire);
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC) : d->clock.now();
}

void Directory::invalidate(const store::JournalEntry &entry)
{
    const QString &kind = entry.change.kind;
    const QString &object = entry.change.object;
    DirectoryCache &cache = d->cache;
    if (irrelevant(kind))
        return;
    // The domain's own dates and statuses only.
    static const QStringList domainOnly = {QStringLiteral("domain.renew"), QStringLiteral("domain.graceEnded"),
                                           QStringLiteral("domain.restore"), QStringLiteral("domain.restoreLapsed"),
                                           QStringLiteral("domain.redemptionEnded")};
    // Also the hosts that name or belong to it.
    static const QStringList domainAndHosts = {QStringLiteral("domain.create"), QStringLiteral("domain.update"),
                                               QStringLiteral("domain.delete"), QStringLiteral("domain.transfer"),
                                               QStringLiteral("domain.purge")};
    static const QStringList hostKinds = {QStringLiteral("host.create"), QStringLiteral("host.update"), QStringLiteral("host.delete")};
    static const QStringList contactKinds = {QStringLiteral("contact.create"), QStringLiteral("contact.update"),
                                             QStringLiteral("contact.delete"), QStringLiteral("contact.transfer")};
    if (domainOnly.contains(kind)) {
        cache.invalidate(Kind::Domain, object);
        return;
    }
    if (domainAndHosts.contains(kind)) {
        cache.invalidate(Kind::Domain, object);
        // A contact's "linked" status follows the domains that use it. The contacts a domain used
        // before the change are not in the entry, so every contact goes (contact lookups are rare).
        cache.invalidateKind(Kind::Contact);
        // A host's "linked" status and a subordinate host's sponsor follow the domains that name
        // it or own it. The hosts it named before the change declared "hd:<domain>" (or "hd:*"
        // when many domains name them); the hosts it names now are in the entry.
        cache.invalidateDependents(u"hd:" + object);
        cache.invalidateDependents(QStringLiteral("hd:*"));
        const QJsonArray nameServers = entry.change.data.value(QStringLiteral("ns")).toArray();
        for (const QJsonValue &ns : nameServers) {
            cache.invalidate(Kind::Host, ns.toString());
            cache.invalidateDependents(u"ha:" + ns.toString());
        }
        if (kind != u"domain.create")
            cache.invalidateDependents(u"s:" + object);   // delegations to its hosts, which a purge removes
        return;
    }
    if (hostKinds.contains(kind)) {
        cache.invalidate(Kind::Host, object);
        cache.invalidateDependents(u"h:" + object);
        // Address answers: the ones listing this host go with "ha:"; the ones for an address it
        // now has are not known by key, so all of them (hosts change rarely).
        const QString oldName = entry.change.data.value(QStringLiteral("oldName")).toString();
        if (!oldName.isEmpty()) {
            cache.invalidate(Kind::Host, oldName);
            cache.invalidateDependents(u"h:" + oldName);
        }
        cache.invalidateKind(Kind::Address);
        return;
    }
    if (contactKinds.contains(kind)) {
        cache.invalidate(Kind::Contact, object);
        cache.invalidateDependents(u"c:" + object);
        return;
    }
    if (kind == u"registrar.create") {
        cache.invalidateKind(Kind::Registrar);
        cache.invalidateKind(Kind::RegistrarList);
        return;
    }
    // registrar.update and anything not known (a bulk load, a kind added later): a registrar shows
    // in every record it sponsors, and such changes are rare, so everything goes rather than
    // keeping a registrar -> records index as large as the cache.
    qCDebug(lcDirectory, "journal entry %lld (%s) clears the directory cache", entry.sequence, qUtf8Printable(kind));
    cache.clear();
}

} // namespace reg::directory
