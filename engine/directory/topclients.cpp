#include "topclients.h"

#include "clientkey.h"

#include <algorithm>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace reg::directory {
namespace {

// Each address always lands in the same stripe, so each stripe is an independent space-saving
// summary of its share of the traffic with `capacity` counters of its own: fewer than capacity
// distinct addresses never fill a stripe, so their counts stay exact as the header promises, and
// memory stays bounded at kStripes * capacity counters. A new address only scans its own stripe
// for the smallest counter.
constexpr int kStripes = 8;

struct Counter
{
    ClientKey key;
    quint64 queries = 0;
    quint64 refused = 0;
};

struct Stripe
{
    mutable std::mutex mutex;
    std::vector<Counter> counters;                                   // fixed capacity once full
    std::unordered_map<ClientKey, size_t, ClientKeyHash> index;      // key -> position in counters
};

} // namespace

struct TopClients::Private
{
    size_t perStripe = 1;
    std::vector<Stripe> stripes = std::vector<Stripe>(kStripes);
};

TopClients::TopClients(int capacity)
    : d(std::make_unique<Private>())
{
    d->perStripe = size_t(std::max(1, capacity));
    for (Stripe &s : d->stripes) {
        s.counters.reserve(d->perStripe);
        s.index.reserve(d->perStripe);
    }
}

TopClients::~TopClients() = default;

void TopClients::record(const QHostAddress &client, bool refused)
{
    const ClientKey key = ClientKey::of(client, false);
    Stripe &s = d->stripes[ClientKeyHash{}(key) % kStripes];
    std::lock_guard lock(s.mutex);
    if (auto found = s.index.find(key); found != s.index.end()) {
        Counter &c = s.counters[found->second];
        ++c.queries;
        c.refused += refused ? 1 : 0;
        return;
    }
    if (s.counters.size() < d->perStripe) {
        s.index.emplace(key, s.counters.size());
        s.counters.push_back(Counter{key, 1, refused ? 1u : 0u});
        return;
    }
    // Space-saving: the newcomer takes over the smallest counter and inherits its counts, so no
    // address that is really among the busiest is ever reported below its true count.
    auto smallest = std::min_element(s.counters.begin(), s.counters.end(),
                                     [](const Counter &a, const Counter &b) { return a.queries < b.queries; });
    // The hash node is re-keyed, not freed and allocated again.
    auto node = s.index.extract(smallest->key);
    node.key() = key;
    s.index.insert(std::move(node));
    smallest->key = key;
    ++smallest->queries;
    smallest->refused += refused ? 1 : 0;
}

QList<TopClients::Entry> TopClients::top(int count) const
{
    std::vector<Counter> all;
    for (const Stripe &s : d->stripes) {
        std::lock_guard lock(s.mutex);
        all.insert(all.end(), s.counters.begin(), s.counters.end());
    }
    const size_t n = std::min(all.size(), size_t(std::max(0, count)));
    std::partial_sort(all.begin(), all.begin() + qsizetype(n), all.end(), [](const Counter &a, const Counter &b) {
        if (a.queries != b.queries)
            return a.queries > b.queries;
        return a.key.high != b.key.high ? a.key.high < b.key.high : a.key.low < b.key.low;
    });
    QList<Entry> out;
    out.reserve(qsizetype(n));
    for (size_t i = 0; i < n; ++i)
        out << Entry{all[i].key.toAddress(), all[i].queries, all[i].refused};
    return out;
}

} // namespace reg::directory
