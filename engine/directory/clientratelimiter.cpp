#include "clientratelimiter.h"

#include "clientkey.h"

#include <list>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace reg::directory {
namespace {

constexpr int kStripes = 64;
constexpr qint64 kMinuteMs = 60000;

// Tokens are kept in units of 1/60000 of a query so that a refill of perMinute queries a minute is
// exactly perMinute units a millisecond: integer arithmetic, no drift. A full bucket holds one
// minute's allowance, so a client may spend its minute in a burst and then waits for refill.
struct Bucket
{
    ClientKey key;
    qint64 units = 0;
    qint64 lastMs = 0;
    bool registrar = false;
};

using Lru = std::list<Bucket>;   // most recently seen first

struct Stripe
{
    std::mutex mutex;
    Lru lru;
    std::unordered_map<ClientKey, Lru::iterator, ClientKeyHash> index;
};

} // namespace

struct ClientRateLimiter::Private
{
    qint64 perMinute = 0;
    qint64 registrarPerMinute = 0;
    QList<QPair<QHostAddress, int>> registrarNetworks;
    const Clock *clock = nullptr;
    size_t maxPerStripe = 1;
    std::vector<Stripe> stripes = std::vector<Stripe>(kStripes);

    bool inRegistrarNetwork(const QHostAddress &address) const
    {
        if (registrarNetworks.isEmpty())
            return false;
        // A dual-stack socket reports an IPv4 client as ::ffff:a.b.c.d; the networks are written as IPv4.
        bool isV4 = false;
        const quint32 v4 = address.toIPv4Address(&isV4);
        const QHostAddress plain = isV4 && address.protocol() != QAbstractSocket::IPv4Protocol ? QHostAddress(v4) : address;
        for (const auto &network : registrarNetworks) {
            if (plain.isInSubnet(network))
                return true;
        }
        return false;
    }
    qint64 rate(const Bucket &b) const { return b.registrar ? registrarPerMinute : perMinute; }
    qint64 capacity(const Bucket &b) const { return rate(b) * kMinuteMs; }
    void refill(Bucket &b, qint64 nowMs) const
    {
        const qint64 elapsed = std::max<qint64>(0, nowMs - b.lastMs);
        // Cap elapsed before multiplying: a year-long idle must not overflow.
        b.units = std::min(capacity(b), b.units + std::min(elapsed, kMinuteMs) * rate(b));
        b.lastMs = std::max(b.lastMs, nowMs);
    }
};

ClientRateLimiter::ClientRateLimiter(int perMinute, int registrarPerMinute, QList<QPair<QHostAddress, int>> registrarNetworks,
                                     const Clock &clock, int maxTrackedClients)
    : d(std::make_unique<Private>())
{
    d->perMinute = std::max(1, perMinute);
    d->registrarPerMinute = std::max(d->perMinute, qint64(registrarPerMinute));
    d->registrarNetworks = std::move(registrarNetworks);
    d->clock = &clock;
    d->maxPerStripe = size_t(std::max(1, maxTrackedClients / kStripes));
    for (Stripe &s : d->stripes)
        s.index.reserve(std::min<size_t>(d->maxPerStripe, 4096));
}

ClientRateLimiter::~ClientRateLimiter() = default;

ClientRateLimiter::Decision ClientRateLimiter::admit(const QHostAddress &client)
{
    const ClientKey key = ClientKey::of(client, true);
    const qint64 nowMs = d->clock->now().toMSecsSinceEpoch();
    Stripe &stripe = d->stripes[ClientKeyHash{}(key) % kStripes];
    std::lock_guard lock(stripe.mutex);

    Lru::iterator it;
    auto found = stripe.index.find(key);
    if (found != stripe.index.end()) {
        it = found->second;
        stripe.lru.splice(stripe.lru.begin(), stripe.lru, it);
        d->refill(*it, nowMs);
    } else {
        // A bucket that has refilled completely is the same as none: forget a few of those (the
        // oldest first), and when the table is full the least recently seen client goes. The first
        // one forgotten is recycled for the newcomer, list node and hash node, without allocating.
        std::unordered_map<ClientKey, Lru::iterator, ClientKeyHash>::node_type recycled;
        for (int i = 0; i < 4 && !stripe.lru.empty(); ++i) {
            if (recycled && stripe.lru.size() == 1)
                break;   // the only bucket left is the recycled one, now at the front
            Bucket &oldest = stripe.lru.back();
            d->refill(oldest, nowMs);
            const bool idle = oldest.units >= d->capacity(oldest);
            const bool full = stripe.lru.size() >= d->maxPerStripe;
            if (!idle && !(full && !recycled))
                break;
            auto node = stripe.index.extract(oldest.key);
            if (!recycled) {
                recycled = std::move(node);
                stripe.lru.splice(stripe.lru.begin(), stripe.lru, std::prev(stripe.lru.end()));
            } else {
                stripe.lru.pop_back();
            }
        }
        Bucket fresh;
        fresh.key = key;
        fresh.registrar = d->inRegistrarNetwork(client);
        fresh.units = d->capacity(fresh);
        fresh.lastMs = nowMs;
        if (recycled) {
            it = stripe.lru.begin();
            *it = fresh;
            recycled.key() = key;
            recycled.mapped() = it;
            stripe.index.insert(std::move(recycled));
        } else {
            stripe.lru.push_front(fresh);
            it = stripe.lru.begin();
            stripe.index.emplace(key, it);
        }
    }

    Bucket &b = *it;
    Decision decision;
    decision.registrar = b.registrar;
    if (b.units >= kMinuteMs) {
        b.units -= kMinuteMs;
        return decision;
    }
    decision.allowed = false;
    decision.retryAfterMs = (kMinuteMs - b.units + d->rate(b) - 1) / d->rate(b);
    return decision;
}

} // namespace reg::directory
