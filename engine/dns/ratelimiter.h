#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>

struct sockaddr;

namespace reg::dns {

// Response rate limiting for UDP answers (the idea of BIND's and Knot's RRL): answers of one kind
// about one name to one client network get rrlResponsesPerSecond tokens per second; past that,
// every slip-th limited answer goes out truncated (a real client retries over TCP, a spoofed
// victim gets a tiny packet) and the rest are dropped.
//
// Memory is a fixed table of 64-bit buckets allocated once; a new key takes the slot of whatever
// hashed there before (an attacker who floods the table only makes himself less limited, never
// anyone else more). Buckets are updated with compare-and-swap, so every UDP thread shares one
// table without locks and a client spread over threads by SO_REUSEPORT is still counted once.
// Thread-safe; owned by the UDP server.
class RateLimiter
{
public:
    // What an answer says, for the key: different kinds about the same name are limited apart.
    enum class Kind : std::uint8_t { Answer, Referral, NoData, NxDomain, Error };
    enum class Verdict : std::uint8_t { Send, Slip, Drop };

    // responsesPerSecond 0 turns limiting off (check() always says Send). slip 0: never slip.
    // tableSlots is rounded up to a power of two.
    RateLimiter(int responsesPerSecond, int slip, int ipv4PrefixLength, int ipv6PrefixLength,
                std::size_t tableSlots = 1u << 17);
    ~RateLimiter();
    RateLimiter(const RateLimiter &) = delete;
    RateLimiter &operator=(const RateLimiter &) = delete;

    bool enabled() const { return m_rate > 0; }
    // The verdict for one answer. client is a sockaddr_in or sockaddr_in6; name is the lower-cased
    // wire name the answer is about (the query name, the zone cut of a referral, the zone apex of
    // an NXDOMAIN; may be null for errors); nowSeconds is any monotonic second count.
    Verdict check(const sockaddr *client, Kind kind, const std::uint8_t *name, std::size_t nameLength,
                  std::uint32_t nowSeconds) noexcept;

private:
    std::uint64_t keyHash(const sockaddr *client, Kind kind, const std::uint8_t *name, std::size_t nameLength) const noexcept;

    const std::int64_t m_rate;
    const std::int64_t m_slip;
    const int m_ipv4Prefix;
    const int m_ipv6Prefix;
    std::size_t m_mask = 0;
    std::unique_ptr<std::atomic<std::uint64_t>[]> m_slots;
};

} // namespace reg::dns
