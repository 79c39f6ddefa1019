#pragma once

#include "core/clock.h"

#include <QHash>
#include <QHostAddress>

namespace reg::monitor {

struct TrapRateLimits
{
    double perSourcePerSecond = 10;    // sustained traps per second from one address
    double perSourceBurst = 50;        // what one address may send at once (a link flap, a reboot)
    double totalPerSecond = 200;       // all sources together: what the trap log and alarms absorb
    double totalBurst = 1000;
    int maxSources = 10000;            // addresses tracked at once (spoofed sources cannot grow memory)
};

// Token buckets per source address and overall, so a trap storm (or a flood with forged sources)
// cannot become a denial of service of the receiver, the trap log or the alarm engine (seed 002).
// Time from reg::Clock. Used by the trap receiver's thread only; not thread-safe.
class TrapRateLimiter
{
public:
    explicit TrapRateLimiter(const Clock &clock, TrapRateLimits limits = {});

    // Whether a trap from source may be processed now; takes a token from both buckets if so.
    bool admit(const QHostAddress &source);
    int trackedSources() const { return int(m_sources.size()); }

private:
    struct Bucket
    {
        double tokens = 0;
        qint64 refilledAtMs = 0;
    };
    static void refill(Bucket &bucket, qint64 nowMs, double perSecond, double burst);
    void forgetIdleSources(qint64 nowMs);

    const Clock &m_clock;
    TrapRateLimits m_limits;
    Bucket m_total;
    QHash<QHostAddress, Bucket> m_sources;
};

} // namespace reg::monitor
