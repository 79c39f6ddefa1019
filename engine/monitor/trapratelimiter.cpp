#include "monitor/trapratelimiter.h"

#include <algorithm>

namespace reg::monitor {

TrapRateLimiter::TrapRateLimiter(const Clock &clock, TrapRateLimits limits) : m_clock(clock), m_limits(limits)
{
    m_total.tokens = m_limits.totalBurst;
    m_total.refilledAtMs = m_clock.now().toMSecsSinceEpoch();
}

void TrapRateLimiter::refill(Bucket &bucket, qint64 nowMs, double perSecond, double burst)
{
    // A clock stepping backwards adds nothing; it never takes tokens away either.
    const qint64 elapsedMs = std::max<qint64>(0, nowMs - bucket.refilledAtMs);
    bucket.tokens = std::min(burst, bucket.tokens + double(elapsedMs) * perSecond / 1000.0);
    bucket.refilledAtMs = nowMs;
}

void TrapRateLimiter::forgetIdleSources(qint64 nowMs)
{
    // A source whose bucket has refilled completely behaves exactly like one never seen.
    for (auto it = m_sources.begin(); it != m_sources.end();) {
        refill(*it, nowMs, m_limits.perSourcePerSecond, m_limits.perSourceBurst);
        if (it->tokens >= m_limits.perSourceBurst)
            it = m_sources.erase(it);
        else
            ++it;
    }
}

bool TrapRateLimiter::admit(const QHostAddress &source)
{
    const qint64 nowMs = m_clock.now().toMSecsSinceEpoch();
    refill(m_total, nowMs, m_limits.totalPerSecond, m_limits.totalBurst);
    auto it = m_sources.find(source);
    if (it == m_sources.end()) {
        if (m_sources.size() >= m_limits.maxSources)
            forgetIdleSources(nowMs);
        if (m_sources.size() >= m_limits.maxSources)
            return false;   // too many busy sources at once: a flood, and the overall limit applies
        it = m_sources.insert(source, Bucket{m_limits.perSourceBurst, nowMs});
    } else {
        refill(*it, nowMs, m_limits.perSourcePerSecond, m_limits.perSourceBurst);
    }
    if (it->tokens < 1.0 || m_total.tokens < 1.0)
        return false;
    it->tokens -= 1.0;
    m_total.tokens -= 1.0;
    return true;
}

} // namespace reg::monitor
