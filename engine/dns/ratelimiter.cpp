#include "ratelimiter.h"

#include "dnsname.h"

#include <netinet/in.h>
#include <sys/socket.h>

#include <algorithm>
#include <cstring>
#include <limits>

namespace reg::dns {

namespace {

// A bucket in one 64-bit word: a 16-bit tag (more hash bits than the index uses, so two keys in
// one slot rarely share a bucket), the low 16 bits of the second it was last refilled, and the
// credit as a signed 32-bit number: tokens left when positive, limited answers this second when
// not (which is what slip counts).
struct Bucket
{
    std::uint16_t tag;
    std::uint16_t second;
    std::int32_t credit;

    static Bucket unpack(std::uint64_t v)
    {
        return {std::uint16_t(v >> 48), std::uint16_t(v >> 32), std::int32_t(std::uint32_t(v))};
    }
    std::uint64_t pack() const
    {
        return std::uint64_t(tag) << 48 | std::uint64_t(second) << 32 | std::uint64_t(std::uint32_t(credit));
    }
};

std::uint64_t mix(std::uint64_t h, std::uint64_t v)
{
    h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    h ^= h >> 31;
    h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 29;
    return h;
}

void maskBytes(std::uint8_t *bytes, std::size_t size, int prefixLength)
{
    for (std::size_t i = 0; i < size; ++i) {
        const int bitsHere = std::clamp(prefixLength - int(i) * 8, 0, 8);
        bytes[i] &= std::uint8_t(0xFF00 >> bitsHere);
    }
}

} // namespace

RateLimiter::RateLimiter(int responsesPerSecond, int slip, int ipv4PrefixLength, int ipv6PrefixLength, std::size_t tableSlots)
    : m_rate(std::max(0, responsesPerSecond))
    , m_slip(std::max(0, slip))
    , m_ipv4Prefix(std::clamp(ipv4PrefixLength, 0, 32))
    , m_ipv6Prefix(std::clamp(ipv6PrefixLength, 0, 128))
{
    if (m_rate == 0)
        return;
    std::size_t slots = 1024;
    while (slots < tableSlots && slots < (std::size_t(1) << 26))
        slots <<= 1;
    m_mask = slots - 1;
    m_slots = std::make_unique<std::atomic<std::uint64_t>[]>(slots);
    for (std::size_t i = 0; i < slots; ++i)
        m_slots[i].store(0, std::memory_order_relaxed);
}

RateLimiter::~RateLimiter() = default;

std::uint64_t RateLimiter::keyHash(const sockaddr *client, Kind kind, const std::uint8_t *name, std::size_t nameLength) const noexcept
{
    std::uint64_t h = name && nameLength ? WireName::hashLowered(name, nameLength) : 0x51ed270b27c4e1f3ULL;
    h = mix(h, std::uint64_t(kind) + 1);
    if (client->sa_family == AF_INET) {
        std::uint8_t bytes[4];
        std::memcpy(bytes, &reinterpret_cast<const sockaddr_in *>(client)->sin_addr, 4);
        maskBytes(bytes, 4, m_ipv4Prefix);
        std::uint32_t v;
        std::memcpy(&v, bytes, 4);
        h = mix(h, v);
    } else if (client->sa_family == AF_INET6) {
        std::uint8_t bytes[16];
        std::memcpy(bytes, &reinterpret_cast<const sockaddr_in6 *>(client)->sin6_addr, 16);
        maskBytes(bytes, 16, m_ipv6Prefix);
        std::uint64_t hi, lo;
        std::memcpy(&hi, bytes, 8);
        std::memcpy(&lo, bytes + 8, 8);
        h = mix(mix(h, hi), lo ^ 6);
    }
    return h;
}

RateLimiter::Verdict RateLimiter::check(const sockaddr *client, Kind kind, const std::uint8_t *name, std::size_t nameLength,
                                        std::uint32_t nowSeconds) noexcept
{
    if (m_rate == 0)
        return Verdict::Send;
    const std::uint64_t hash = keyHash(client, kind, name, nameLength);
    std::atomic<std::uint64_t> &slot = m_slots[hash & m_mask];
    const std::uint16_t tag = std::uint16_t(hash >> 48);
    const std::uint16_t now = std::uint16_t(nowSeconds);
    const std::int64_t rate = std::min<std::int64_t>(m_rate, std::numeric_limits<std::int32_t>::max());

    std::uint64_t old = slot.load(std::memory_order_relaxed);
    for (;;) {
        Bucket b = Bucket::unpack(old);
        std::int64_t credit;
        if (b.tag != tag) {
            credit = rate;   // a new key (or one that lost its slot): a full second's worth
        } else {
            const std::int64_t elapsed = std::uint16_t(now - b.second);
            // Limited answers are not a debt: a new second starts from what is left, at least zero.
            credit = elapsed > 0 ? std::min(rate, std::max<std::int64_t>(b.credit, 0) + elapsed * rate) : b.credit;
        }
        Verdict verdict = Verdict::Send;
        if (credit > 0) {
            --credit;
        } else {
            credit = std::max<std::int64_t>(credit - 1, std::numeric_limits<std::int32_t>::min() + 1);
            verdict = (m_slip > 0 && (-credit) % m_slip == 0) ? Verdict::Slip : Verdict::Drop;
        }
        const Bucket next{tag, now, std::int32_t(credit)};
        if (slot.compare_exchange_weak(old, next.pack(), std::memory_order_relaxed))
            return verdict;
    }
}

} // namespace reg::dns
