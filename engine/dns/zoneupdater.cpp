#include "zoneupdater.h"

#include "zonesource.h"

#include "store/connection.h"
#include "store/store.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QPointer>
#include <QSet>
#include <QThread>
#include <QTimer>

#include <atomic>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace reg::dns {

namespace {

Q_LOGGING_CATEGORY(lcZoneUpdater, "registry.dns.zone", QtInfoMsg)

constexpr int kRetryDelayMs = 1000;

// Returns memory freed by a large build to the system, so the resident size shows the zones and
// not the high-water mark of building them.
void releaseFreedMemory()
{
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

QString textOf(const QJsonValue &value)
{
    return value.toString().toLower();
}

// The NS targets of a delegation node, as registry names (no trailing dot).
QStringList nameServersOf(const ZoneNode *node)
{
    QStringList out;
    if (!node)
        return out;
    node->rrset(RRType::NS).forEachRdata([&](const std::uint8_t *rdata, std::size_t length) {
        if (Result<DnsName> name = DnsName::fromWire(QByteArray(reinterpret_cast<const char *>(rdata), qsizetype(length))))
            out.append(ZoneSource::tldOf(*name));
    });
    return out;
}

} // namespace

struct ZoneUpdater::Private
{
    ZoneUpdater *q = nullptr;
    DnsConfig config;
    store::Store &store;
    ZonePublisher &publisher;
    const Clock &clock;

    // Owned by the updater's thread once start() ran (before that, by loadAll()).
    std::unique_ptr<store::Connection> reader;
    QList<ZoneContent> contents;
    QList<std::shared_ptr<const Zone>> zones;   // parallel to contents
    qint64 loadedSequence = 0;
    qint64 pendingSequence = 0;     // the newest entry collected but not yet applied
    QSet<QString> pendingDomains;   // names whose delegation (and whatever hangs on it) is recomputed
    QSet<QString> pendingHosts;     // names whose glue is recomputed
    QSet<QString> pendingRenamed;   // hosts renamed: the domains using them have new NS records
    QSet<QString> pendingNames;     // names recomputed as they are
    bool pendingTlds = false;

    std::unique_ptr<QThread> thread;
    QObject *context = nullptr;     // lives on the thread; parent of the subscription and timer
    QTimer *timer = nullptr;

    std::atomic<qint64> appliedSequence{0};
    std::atomic<qint64> lastPublishedMs{0};

    Private(ZoneUpdater *owner, const DnsConfig &c, store::Store &s, ZonePublisher &p, const Clock &cl)
        : q(owner), config(c), store(s), publisher(p), clock(cl) {}

    int zoneIndexOf(const DnsName &name) const
    {
        int best = -1;
        for (int i = 0; i < contents.size(); ++i) {
            const DnsName &apex = contents[i].apex();
            if (name.isSubdomainOf(apex) && (best < 0 || apex.size() > contents[best].apex().size()))
                best = i;
        }
        return best;
    }

    void collect(const store::JournalEntry &entry);
    void schedule(int delayMs);
    Result<void> apply();
    void publish(const QList<PublishedZone> &changed);
};

void ZoneUpdater::Private::collect(const store::JournalEntry &entry)
{
    const QString &kind = entry.change.kind;
    const QJsonObject &data = entry.change.data;
    pendingSequence = std::max(pendingSequence, entry.sequence);
    if (kind.startsWith(u"domain.")) {
        pendingDomains.insert(data.contains(u"name") ? textOf(data.value(u"name")) : entry.change.object.toLower());
        for (const QJsonValue &ns : data.value(u"ns").toArray())
            pendingHosts.insert(textOf(ns));
        // A purge takes the subordinate hosts and other domains' delegations to them along.
        for (const QJsonValue &host : data.value(u"hostsRemoved").toArray())
            pendingNames.insert(textOf(host));
        for (const QJsonValue &cut : data.value(u"delegationsRemoved").toArray()) {
            pendingDomains.insert(textOf(cut.toObject().value(u"domain")));
            pendingNames.insert(textOf(cut.toObject().value(u"ns")));
        }
    } else if (kind.startsWith(u"host.")) {
        pendingHosts.insert(data.contains(u"name") ? textOf(data.value(u"name")) : entry.change.object.toLower());
        if (data.contains(u"oldName")) {
            pendingHosts.insert(textOf(data.value(u"oldName")));
            pendingRenamed.insert(textOf(data.value(u"name")));
        }
    } else if (kind == u"tld.create" || kind.startsWith(u"tld.")) {
        pendingTlds = true;
    }
}

void ZoneUpdater::Private::schedule(int delayMs)
{
    if (!timer->isActive())
        timer->start(delayMs);
}

Result<void> ZoneUpdater::Private::apply()
{
    if (!reader)
        return Error(ErrorCode::Internal, QStringLiteral("the zone updater was started without loadAll()"));
    ZoneSource source(*reader);
    if (auto r = source.beginSnapshot(); !r)
        return r;
    struct EndSnapshot
    {
        ZoneSource &source;
        ~EndSnapshot() { source.endSnapshot(); }
    } end{source};

    const std::uint32_t serial = std::uint32_t(pendingSequence);
    QList<PublishedZone> changed;
    QElapsedTimer elapsed;
    elapsed.start();
    const qsizetype changedObjects = pendingDomains.size() + pendingHosts.size() + pendingNames.size();

    if (pendingTlds) {
        Result<QStringList> tlds = source.tlds();
        if (!tlds)
            return tlds.error();
        for (const QString &tld : std::as_const(*tlds)) {
            Result<DnsName> apex = registryName(tld);
            if (!apex)
                continue;
            if (std::any_of(contents.cbegin(), contents.cend(), [&](const ZoneContent &c) { return c.apex() == *apex; }))
                continue;
            Result<ZoneContent> content = ZoneContent::make(config, *apex);
            if (!content)
                return content.error();
            Result<std::shared_ptr<const Zone>> zone = source.build(*content, serial, config.ixfrHistory);
            if (!zone)
                return zone.error();
            contents.append(*content);
            zones.append(*zone);
            changed.append(PublishedZone{*apex, 0, serial});
        }
    }

    // Expand the changed objects into every owner name whose records may follow from them.
    QSet<QString> names = pendingNames;
    for (const QString &host : std::as_const(pendingHosts))
        names.insert(host);
    for (const QString &host : std::as_const(pendingRenamed)) {
        Result<QStringList> users = source.domainsUsingHost(host);
        if (!users)
            return users.error();
        for (const QString &domain : std::as_const(*users))
            pendingDomains.insert(domain);
    }
    for (const QString &domain : std::as_const(pendingDomains)) {
        names.insert(domain);
        Result<QStringList> below = source.hostsBelowDomain(domain);
        if (!below)
            return below.error();
        for (const QString &host : std::as_const(*below))
            names.insert(host);
        // Glue follows the name servers the delegation had and has.
        Result<DnsName> owner = registryName(domain);
        if (!owner)
            continue;
        const int z = zoneIndexOf(*owner);
        if (z < 0)
            continue;
        for (const QString &ns : nameServersOf(zones[z]->find(owner->data(), owner->size())))
            names.insert(ns);
        Result<OwnerFacts> facts = source.facts(contents[z], *owner);
        if (!facts)
            return facts.error();
        if (facts->domain) {
            for (const DnsName &ns : std::as_const(facts->domain->nameServers))
                names.insert(ZoneSource::tldOf(ns));
        }
    }

    // Recompute every name, zone by zone.
    std::vector<std::unique_ptr<ZoneEditor>> editors(std::size_t(zones.size()));
    for (const QString &text : std::as_const(names)) {
        Result<DnsName> owner = registryName(text);
        if (!owner)
            continue;
        const int z = zoneIndexOf(*owner);
        if (z < 0 || *owner == contents[z].apex())
            continue;
        Result<OwnerFacts> facts = source.facts(contents[z], *owner);
        if (!facts)
            return facts.error();
        auto &editor = editors[std::size_t(z)];
        if (!editor)
            editor = std::make_unique<ZoneEditor>(zones[z]);
        editor->setNode(*owner, contents[z].rrsets(*facts));
    }
    for (std::size_t z = 0; z < editors.size(); ++z) {
        if (!editors[z] || !editors[z]->changed())
            continue;
        const std::uint32_t from = zones[qsizetype(z)]->serial();
        zones[qsizetype(z)] = editors[z]->finish(serial, config.ixfrHistory);
        changed.append(PublishedZone{contents[qsizetype(z)].apex(), from, serial});
    }

    pendingDomains.clear();
    pendingHosts.clear();
    pendingRenamed.clear();
    pendingNames.clear();
    pendingTlds = false;
    if (!changed.isEmpty())
        publish(changed);
    appliedSequence.store(pendingSequence, std::memory_order_release);
    qCDebug(lcZoneUpdater, "applied the journal up to %lld: %lld objects, %lld names, %lld zones changed, in %lld ms",
            static_cast<long long>(pendingSequence), static_cast<long long>(changedObjects), static_cast<long long>(names.size()),
            static_cast<long long>(changed.size()), static_cast<long long>(elapsed.elapsed()));
    return success();
}

void ZoneUpdater::Private::publish(const QList<PublishedZone> &changed)
{
    publisher.publish(std::make_shared<const ZoneSet>(zones));
    lastPublishedMs.store(clock.now().toMSecsSinceEpoch(), std::memory_order_release);
    if (!changed.isEmpty())
        Q_EMIT q->published(changed);
}

ZoneUpdater::ZoneUpdater(const DnsConfig &config, store::Store &store, ZonePublisher &publisher, const Clock &clock, QObject *parent)
    : QObject(parent), d(std::make_unique<Private>(this, config, store, publisher, clock))
{
    qRegisterMetaType<reg::dns::PublishedZone>();
    qRegisterMetaType<QList<reg::dns::PublishedZone>>();
}

ZoneUpdater::~ZoneUpdater()
{
    stop();
}

Result<void> ZoneUpdater::loadAll()
{
    if (!d->reader) {
        Result<std::unique_ptr<store::Connection>> reader = d->store.openReader();
        if (!reader)
            return reader.error().withContext(QStringLiteral("the DNS zones cannot read the database: "));
        d->reader = std::move(reader).value();
    }
    Result<LoadedZones> loaded = loadZones(*d->reader, d->config, d->config.ixfrHistory);
    if (!loaded)
        return loaded.error();
    d->loadedSequence = loaded->sequence;
    d->pendingSequence = loaded->sequence;
    d->contents = std::move(loaded->contents);
    d->zones = std::move(loaded->zones);
    d->appliedSequence.store(loaded->sequence, std::memory_order_release);
    // The build read every row once; the pages it left in this connection's cache are not needed
    // for the point reads that follow.
    (void)d->reader->exec(QStringLiteral("PRAGMA shrink_memory"));
    releaseFreedMemory();
    d->publish({});
    return success();
}

void ZoneUpdater::start()
{
    if (d->thread)
        return;
    d->thread = std::make_unique<QThread>();
    d->thread->setObjectName(QStringLiteral("dns-zone-updater"));
    d->context = new QObject();
    d->context->moveToThread(d->thread.get());
    d->thread->start();
    QMetaObject::invokeMethod(d->context, [this] {
        Private &p = *d;
        p.timer = new QTimer(p.context);
        p.timer->setSingleShot(true);
        QObject::connect(p.timer, &QTimer::timeout, p.context, [&p] {
            if (Result<void> r = p.apply(); !r) {
                qCWarning(lcZoneUpdater, "zone update failed, retrying: %s", qUtf8Printable(r.error().message));
                Q_EMIT p.q->failed(r.error().message);
                p.schedule(kRetryDelayMs);
            }
        });
        store::JournalSubscription *subscription = p.store.subscribe(p.loadedSequence + 1, p.context);
        QObject::connect(subscription, &store::JournalSubscription::entry, p.context, [&p](const store::JournalEntry &entry) {
            p.collect(entry);
            p.schedule(int(p.config.publishDelayMs));
        });
        QObject::connect(subscription, &store::JournalSubscription::failed, p.context, [&p](const QString &message) {
            Q_EMIT p.q->failed(QStringLiteral("the DNS zones stopped following the journal: %1").arg(message));
        });
    });
}

void ZoneUpdater::stop()
{
    if (!d->thread)
        return;
    d->thread->quit();
    d->thread->wait();
    delete d->context;   // the thread has finished, so its objects can go from here
    d->context = nullptr;
    d->timer = nullptr;
    d->thread.reset();
}

qint64 ZoneUpdater::appliedSequence() const
{
    return d->appliedSequence.load(std::memory_order_acquire);
}

QDateTime ZoneUpdater::lastPublishedAt() const
{
    const qint64 ms = d->lastPublishedMs.load(std::memory_order_acquire);
    return ms ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC) : QDateTime();
}

} // namespace reg::dns
