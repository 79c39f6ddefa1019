#pragma once

#include <QtGlobal>

#include <optional>

namespace reg::monitor {

// The arithmetic that turns two readings of an interface's 64-bit octet counters into traffic.
// Pure functions, so the edge cases (wrap, discontinuity, zero speed) are tested on their own.

// Octets counted between two readings. A reading below the previous one is a wrap of the 64-bit
// counter only if it is plausible; after a reboot (or any reset the agent signals) there is no
// meaningful difference and the answer is nullopt.
std::optional<quint64> counterDelta64(quint64 previous, quint64 current, bool discontinuity);

// Bits per second over elapsedMs; nullopt for no time elapsed or a rate above what the interface
// can carry with a generous margin (a counter reset without a reboot looks like a huge wrap).
std::optional<double> bitsPerSecond(quint64 octets, qint64 elapsedMs, quint64 speedBps);

// Percentage of speedBps used by the busier direction; nullopt when the speed is unknown (0).
std::optional<double> utilisationPercent(std::optional<double> inBps, std::optional<double> outBps, quint64 speedBps);

// sysUpTime going backwards means the agent restarted (or its 32-bit TimeTicks wrapped after 497
// days, which looks the same to a poller and is reported as a restart too).
bool isRestart(std::optional<quint32> previousUpTime, std::optional<quint32> currentUpTime);

} // namespace reg::monitor
