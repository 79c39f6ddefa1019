#pragma once

#include "whoisquery.h"

#include <array>
#include <atomic>

namespace reg::whois {

// What the service counts since start (DirectoryServiceCounters is built from it). Written by every
// service thread with relaxed atomics: each counter is exact, a snapshot of several is not one
// instant. Owned by WhoisService.
struct WhoisCounters
{
    static constexpr int typeCount = 7;   // the six WhoisQuery types, then "invalid"
    static constexpr int invalidType = 6;

    std::atomic<quint64> queries{0};
    std::array<std::atomic<quint64>, typeCount> byType{};
    std::atomic<quint64> notFound{0};
    std::atomic<quint64> rateLimited{0};
    std::atomic<quint64> malformed{0};
    std::atomic<quint64> connectionsRefused{0};
    std::atomic<quint64> failures{0};

    static int typeIndex(WhoisQuery::Type type) { return int(type); }
    static void add(std::atomic<quint64> &counter) { counter.fetch_add(1, std::memory_order_relaxed); }
};

} // namespace reg::whois
