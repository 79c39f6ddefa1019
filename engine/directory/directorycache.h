#pragma once

#include "directory.h"

#include <QString>
#include <QStringList>

#include <array>
#include <atomic>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace reg::directory {

// The records Directory looked up recently, for Whois and RDAP at tens of thousands of queries a
// second. Thread-safe: lock-striped over shards, each an LRU list with a hash index under its own
// mutex, so a hit is a hash lookup, a list splice and a shared_ptr copy. Values are immutable
// views shared with every reader; "not found" is cached too (a null value).
//
// Invalidation comes from the journal thread and has three reaches: one key; every entry that
// declared a dependency ("c:<contact id>", "h:<host>", "s:<domain>"), through a per-shard reverse
// index; or a whole kind (all hosts), by bumping that kind's generation so its older entries read
// as absent (they leave with the LRU instead of in one long pass under the locks).
//
// The race a cache of a changing database has: a miss reads the old row, the change commits and
// is invalidated, then the miss stores the old row. A miss therefore takes a Ticket (the shard's
// and the kind's generations) before it reads the database and store() refuses when either moved.
// Owned by Directory.
class DirectoryCache
{
public:
    enum class Kind : quint8 { Domain, Host, Address, Registrar, RegistrarList, Contact, Count };

    struct Ticket
    {
        quint64 shardGeneration = 0;
        quint64 kindGeneration = 0;
    };

    DirectoryCache(int maxEntries, qint64 lifetimeMs);

    // nullopt: not cached. A cached "not found" is a null pointer.
    std::optional<std::shared_ptr<const void>> find(Kind kind, const QString &key, qint64 nowMs);
    Ticket ticket(Kind kind, const QString &key) const;
    // Keeps the value until nowMs + lifetime (or validUntilMs, when earlier), unless the ticket is
    // stale. dependencies: the "c:", "h:", "s:" keys whose invalidation must drop this entry.
    bool store(Kind kind, const QString &key, std::shared_ptr<const void> value, const Ticket &ticket, qint64 nowMs,
               qint64 validUntilMs = 0, const QStringList &dependencies = {});

    void invalidate(Kind kind, const QString &key);
    void invalidateDependents(const QString &dependency);
    void invalidateKind(Kind kind);
    void clear();

    DirectoryCacheStatistics statistics() const;

private:
    static constexpr int kShards = 16;

    // The hash is computed once and kept: std::unordered_map walks a bucket by rehashing the next
    // node's key, which for a string key was a quarter of the time of a hit.
    struct Key
    {
        Key(Kind k, QString n) : kind(k), name(std::move(n)), hash(qHash(name, size_t(k))) {}
        Kind kind;
        QString name;
        size_t hash;
        friend bool operator==(const Key &a, const Key &b) { return a.hash == b.hash && a.kind == b.kind && a.name == b.name; }
    };
    struct KeyHash
    {
        size_t operator()(const Key &k) const noexcept { return k.hash; }
    };
    struct StringHash
    {
        size_t operator()(const QString &s) const noexcept { return qHash(s); }
    };
    struct Entry
    {
        Key key;
        std::shared_ptr<const void> value;
        qint64 expiresMs = 0;
        quint64 kindGeneration = 0;
        QStringList dependencies;
    };
    using Lru = std::list<Entry>;   // most recently used first
    struct Shard
    {
        mutable std::mutex mutex;
        Lru lru;
        std::unordered_map<Key, Lru::iterator, KeyHash> index;
        std::unordered_map<QString, std::unordered_set<Entry *>, StringHash> dependents;
        quint64 generation = 0;
        quint64 hits = 0;
        quint64 misses = 0;
        quint64 invalidations = 0;
        quint64 evictions = 0;
    };

    Shard &shardFor(const Key &key) const;
    static void erase(Shard &shard, Lru::iterator it);

    const bool m_enabled;            // [directory] cache_entries = 0 or cache_lifetime = 0 turn it off
    const size_t m_maxPerShard;
    const qint64 m_lifetimeMs;
    mutable std::array<Shard, kShards> m_shards;
    std::array<std::atomic<quint64>, size_t(Kind::Count)> m_kindGenerations{};
};

} // namespace reg::directory
