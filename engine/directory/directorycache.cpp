#include "directorycache.h"

namespace reg::directory {

DirectoryCache::DirectoryCache(int maxEntries, qint64 lifetimeMs)
    : m_enabled(maxEntries > 0 && lifetimeMs > 0)
    , m_maxPerShard(size_t(std::max(1, (std::max(0, maxEntries) + kShards - 1) / kShards)))
    , m_lifetimeMs(std::max<qint64>(0, lifetimeMs))
{
}

DirectoryCache::Shard &DirectoryCache::shardFor(const Key &key) const
{
    // The high bits: the map inside a shard buckets by the low ones.
    return m_shards[(key.hash >> 32 ^ key.hash >> 7) % kShards];
}

void DirectoryCache::erase(Shard &shard, Lru::iterator it)
{
    for (const QString &dependency : std::as_const(it->dependencies)) {
        auto d = shard.dependents.find(dependency);
        if (d == shard.dependents.end())
            continue;
        d->second.erase(&*it);
        if (d->second.empty())
            shard.dependents.erase(d);
    }
    shard.index.erase(it->key);
    shard.lru.erase(it);
}

std::optional<std::shared_ptr<const void>> DirectoryCache::find(Kind kind, const QString &name, qint64 nowMs)
{
    const Key key{kind, name};
    Shard &shard = shardFor(key);
    const quint64 kindGeneration = m_kindGenerations[size_t(kind)].load(std::memory_order_acquire);
    std::lock_guard lock(shard.mutex);
    auto found = shard.index.find(key);
    if (found == shard.index.end()) {
        ++shard.misses;
        return std::nullopt;
    }
    Lru::iterator it = found->second;
    if (it->kindGeneration != kindGeneration || it->expiresMs <= nowMs) {
        if (it->kindGeneration != kindGeneration)
            ++shard.invalidations;
        else
            ++shard.evictions;
        erase(shard, it);
        ++shard.misses;
        return std::nullopt;
    }
    shard.lru.splice(shard.lru.begin(), shard.lru, it);
    ++shard.hits;
    return it->value;
}

DirectoryCache::Ticket DirectoryCache::ticket(Kind kind, const QString &name) const
{
    const Key key{kind, name};
    Shard &shard = shardFor(key);
    Ticket t;
    t.kindGeneration = m_kindGenerations[size_t(kind)].load(std::memory_order_acquire);
    std::lock_guard lock(shard.mutex);
    t.shardGeneration = shard.generation;
    return t;
}

bool DirectoryCache::store(Kind kind, const QString &name, std::shared_ptr<const void> value, const Ticket &ticket,
                           qint64 nowMs, qint64 validUntilMs, const QStringList &dependencies)
{
    if (!m_enabled)
        return false;
    Key key{kind, name};
    Shard &shard = shardFor(key);
    std::lock_guard lock(shard.mutex);
    // Read under the shard lock: invalidateKind() bumps the kind before it takes the shard locks,
    // so a bump that happened before this point is seen here.
    if (shard.generation != ticket.shardGeneration
        || m_kindGenerations[size_t(kind)].load(std::memory_order_acquire) != ticket.kindGeneration)
        return false;
    qint64 expires = nowMs + m_lifetimeMs;
    if (validUntilMs > 0)
        expires = std::min(expires, validUntilMs);
    if (expires <= nowMs)
        return false;
    if (auto found = shard.index.find(key); found != shard.index.end())
        erase(shard, found->second);
    while (shard.lru.size() >= m_maxPerShard) {
        erase(shard, std::prev(shard.lru.end()));
        ++shard.evictions;
    }
    shard.lru.push_front(Entry{key, std::move(value), expires, ticket.kindGeneration, dependencies});
    Lru::iterator it = shard.lru.begin();
    shard.index.emplace(std::move(key), it);
    for (const QString &dependency : dependencies)
        shard.dependents[dependency].insert(&*it);
    return true;
}

void DirectoryCache::invalidate(Kind kind, const QString &name)
{
    const Key key{kind, name};
    Shard &shard = shardFor(key);
    std::lock_guard lock(shard.mutex);
    ++shard.generation;
    if (auto found = shard.index.find(key); found != shard.index.end()) {
        erase(shard, found->second);
        ++shard.invalidations;
    }
}

void DirectoryCache::invalidateDependents(const QString &dependency)
{
    // Every shard's generation moves, found or not: a miss in flight may be reading an entry that
    // depends on this and would otherwise store it after we looked.
    for (Shard &shard : m_shards) {
        std::lock_guard lock(shard.mutex);
        ++shard.generation;
        auto d = shard.dependents.find(dependency);
        if (d == shard.dependents.end())
            continue;
        const std::vector<Entry *> doomed(d->second.begin(), d->second.end());
        for (Entry *e : doomed) {
            erase(shard, shard.index.at(e->key));
            ++shard.invalidations;
        }
    }
}

void DirectoryCache::invalidateKind(Kind kind)
{
    m_kindGenerations[size_t(kind)].fetch_add(1, std::memory_order_acq_rel);
}

void DirectoryCache::clear()
{
    for (size_t k = 0; k < size_t(Kind::Count); ++k)
        m_kindGenerations[k].fetch_add(1, std::memory_order_acq_rel);
    for (Shard &shard : m_shards) {
        std::lock_guard lock(shard.mutex);
        ++shard.generation;
        shard.invalidations += shard.lru.size();
        shard.dependents.clear();
        shard.index.clear();
        shard.lru.clear();
    }
}

DirectoryCacheStatistics DirectoryCache::statistics() const
{
    DirectoryCacheStatistics s;
    for (const Shard &shard : m_shards) {
        std::lock_guard lock(shard.mutex);
        s.hits += shard.hits;
        s.misses += shard.misses;
        s.invalidations += shard.invalidations;
        s.evictions += shard.evictions;
        s.entries += qint64(shard.lru.size());
    }
    return s;
}

} // namespace reg::directory
