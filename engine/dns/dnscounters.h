#pragma once

#include "dnsstatistics.h"

#include <atomic>
#include <cstdint>

namespace reg::dns {

// One writer's counters (a UDP thread, or the TCP thread). Only the owning thread increments, so
// an increment is a relaxed load and store (no locked instruction, no shared cache line: the
// struct is aligned to its own lines); any thread may read a slightly stale total at any time.
struct alignas(64) DnsCounters
{
    enum TypeIndex { TypeA, TypeNS, TypeSOA, TypeAAAA, TypeDS, TypeANY, TypeAXFR, TypeIXFR, TypeOther, TypeCount };
    enum RcodeIndex { RcodeNoError, RcodeFormErr, RcodeServFail, RcodeNXDomain, RcodeNotImp, RcodeRefused, RcodeOther, RcodeCount };

    using Counter = std::atomic<std::uint64_t>;
    static void bump(Counter &c, std::uint64_t by = 1) noexcept
    {
        c.store(c.load(std::memory_order_relaxed) + by, std::memory_order_relaxed);
    }
    static TypeIndex typeIndex(std::uint16_t qtype) noexcept;
    static RcodeIndex rcodeIndex(std::uint16_t rcode) noexcept;

    Counter udpQueries{0};
    Counter tcpQueries{0};
    Counter byType[TypeCount] = {};
    Counter byRcode[RcodeCount] = {};
    Counter referrals{0};
    Counter truncated{0};
    Counter rateLimitedDropped{0};
    Counter malformedDropped{0};
    Counter tcpConnectionsRefused{0};
    Counter transfersServed{0};
    Counter transfersRefused{0};

    // Adds these totals into a snapshot (whose byType/byRcode are filled by initialise()).
    void addTo(DnsStatisticsSnapshot &snapshot) const;
    static void initialise(DnsStatisticsSnapshot &snapshot);
};

} // namespace reg::dns
