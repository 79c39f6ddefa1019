#pragma once

#include "directoryviews.h"

#include "core/clock.h"
#include "core/engineconfig.h"
#include "core/result.h"

#include <QHostAddress>
#include <QObject>

#include <memory>

namespace reg::store {
class Store;
struct JournalEntry;
}

namespace reg::directory {

struct DirectoryCacheStatistics
{
    quint64 hits = 0;
    quint64 misses = 0;
    quint64 invalidations = 0;      // records dropped because a committed change touched them
    quint64 evictions = 0;          // dropped for room or age
    qint64 entries = 0;
};

// The registry as Whois and RDAP read it: lookups by name, address and id, searches, and a cache
// of the records asked for most. Thread-safe; every public lookup may be called from any service
// thread at once. Misses read the database through a pool of read-only connections (one per
// concurrent reader, never the writer's), each lookup in one read transaction so an answer never
// mixes states from before and after a commit.
//
// Not stale beyond the journal's delivery: start() follows the journal on a thread of its own and
// drops every cached record a committed change can affect (a contact change drops the contact and the
// domains that use it, a domain change every cached contact (their "linked" status), a host change
// the domains delegated to it, a registrar change the whole cache) as soon as the entry arrives,
// milliseconds after the commit; until then a hit may still give the record
// as it was before that commit. A lookup that read the database while an invalidation for its key
// arrived does not put its result in the cache. The cache lifetime only bounds how long an
// unchanged record is kept.
//
// Not found is an empty optional; a database failure is an Error (the service answers with a
// temporary failure, never with "not found").
class Directory : public QObject
{
    Q_OBJECT
public:
    Directory(const DirectoryConfig &config, store::Store &store, const Clock &clock, QObject *parent = nullptr);
    ~Directory() override;

    void start();                   // follows the journal from its current end
    void stop();                    // blocking; safe to call twice

    // name: an A-label or U-label domain name, any case, with or without the trailing dot.
    Result<std::shared_ptr<const DomainView>> domain(const QString &name);      // nullptr: not registered
    Result<std::shared_ptr<const HostView>> host(const QString &name);          // nullptr: no such host
    Result<QList<std::shared_ptr<const HostView>>> hostsWithAddress(const QHostAddress &address);
    // id: the registrar's client id, or its name (case-insensitive).
    Result<std::shared_ptr<const RegistrarView>> registrar(const QString &idOrName);
    Result<QList<RegistrarView>> registrars();                                  // every registrar, by name
    // handle: the contact's id, exact (EPP ids are case-sensitive). nullptr: no such contact.
    Result<std::shared_ptr<const ContactView>> contact(const QString &handle);

    // RFC 9082 3.2 partial-match searches: pattern is a name with one '*' in its leftmost label
    // ("exam*.example", "*.example" is refused by the caller), compared on A-labels.
    Result<SearchResult<DomainView>> searchDomains(const QString &pattern, int limit);
    Result<SearchResult<HostView>> searchHosts(const QString &pattern, int limit);

    DirectoryCacheStatistics cacheStatistics() const;
    qint64 appliedSequence() const;  // the last journal entry whose invalidations are done
    // The commit time of that entry: what "last update of the database" means to a reader of the
    // directory (the clock's now before start()).
    QDateTime appliedTime() const;

    // What a journal entry invalidates; start() calls it for every entry (public for tests).
    void invalidate(const store::JournalEntry &entry);

Q_SIGNALS:
    void failed(const QString &message);   // the journal could not be followed (cache turned off)

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace reg::directory
