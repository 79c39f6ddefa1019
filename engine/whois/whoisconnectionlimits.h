#pragma once

#include <QHostAddress>

#include <array>
#include <atomic>
#include <mutex>
#include <unordered_map>

namespace reg::whois {

// The connections being served, all clients together and per client address, so one client
// cannot take every slot ([whois] max_connections, max_connections_per_address). Every service
// thread admits and releases through the one instance WhoisService owns; thread-safe, the
// per-address table is lock-striped and holds only addresses with a connection open.
class WhoisConnectionLimits
{
public:
    using Key = std::array<quint64, 2>;    // the address as 128 bits (IPv4 mapped)

    WhoisConnectionLimits(int maxTotal, int maxPerAddress);

    static Key keyOf(const QHostAddress &address);
    // false when either limit is reached (nothing is counted then).
    bool tryAdmit(const Key &key);
    void release(const Key &key);
    qint64 open() const { return m_open.load(std::memory_order_relaxed); }

private:
    struct KeyHash
    {
        size_t operator()(const Key &key) const noexcept
        {
            return size_t((key[0] * 0x9e3779b97f4a7c15ULL) ^ (key[1] * 0xc2b2ae3d27d4eb4fULL));
        }
    };
    struct Stripe
    {
        std::mutex mutex;
        std::unordered_map<Key, int, KeyHash> counts;
    };
    static constexpr int stripeCount = 16;

    Stripe &stripeFor(const Key &key) { return m_stripes[KeyHash()(key) % stripeCount]; }

    const int m_maxTotal;
    const int m_maxPerAddress;
    std::atomic<qint64> m_open{0};
    std::array<Stripe, stripeCount> m_stripes;
};

} // namespace reg::whois
