#include "monitor/snmpcounters.h"

#include <algorithm>

namespace reg::monitor {

namespace {
// A rate this many times the interface speed is not traffic but a reset counter.
constexpr double kPlausibleOverSpeed = 2.0;
}

std::optional<quint64> counterDelta64(quint64 previous, quint64 current, bool discontinuity)
{
    if (discontinuity)
        return std::nullopt;
    // Unsigned arithmetic is modulo 2^64: below the previous reading it is exactly the octets
    // counted across the wrap (bitsPerSecond() then rejects a "wrap" that is really a reset).
    return current - previous;
}

std::optional<double> bitsPerSecond(quint64 octets, qint64 elapsedMs, quint64 speedBps)
{
    if (elapsedMs <= 0)
        return std::nullopt;
    const double bps = double(octets) * 8.0 * 1000.0 / double(elapsedMs);
    if (speedBps > 0 && bps > double(speedBps) * kPlausibleOverSpeed)
        return std::nullopt;
    // Without a known speed only a rate no interface reaches (above 10 Tb/s) is rejected.
    if (speedBps == 0 && bps > 1e13)
        return std::nullopt;
    return bps;
}

std::optional<double> utilisationPercent(std::optional<double> inBps, std::optional<double> outBps, quint64 speedBps)
{
    if (speedBps == 0 || (!inBps && !outBps))
        return std::nullopt;
    const double busier = std::max(inBps.value_or(0.0), outBps.value_or(0.0));
    return std::min(100.0, busier * 100.0 / double(speedBps));
}

bool isRestart(std::optional<quint32> previousUpTime, std::optional<quint32> currentUpTime)
{
    return previousUpTime && currentUpTime && *currentUpTime < *previousUpTime;
}

} // namespace reg::monitor
