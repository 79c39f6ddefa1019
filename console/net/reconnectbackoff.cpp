#include "reconnectbackoff.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

namespace noc {

ReconnectBackoff::ReconnectBackoff(RandomSource random)
    : ReconnectBackoff(kInitialMsecs, kMaximumMsecs, std::move(random))
{
}

ReconnectBackoff::ReconnectBackoff(int initialMsecs, int maximumMsecs, RandomSource random)
    : m_random(std::move(random))
    , m_initial(std::max(1, initialMsecs))
    , m_maximum(std::max(m_initial, maximumMsecs))
    , m_nominal(m_initial)
{
    if (!m_random)
        m_random = [] { return QRandomGenerator::global()->generateDouble(); };
}

int ReconnectBackoff::next()
{
    const double u = std::clamp(m_random(), 0.0, 1.0);
    const double spread = (u * 2.0 - 1.0) * kJitterFraction * m_nominal;
    const int delay = static_cast<int>(std::clamp<long>(std::lround(m_nominal + spread), 1, m_maximum));
    // Doubling in 64 bits: a maximum near INT_MAX must not overflow on the way to it.
    m_nominal = static_cast<int>(std::min<qint64>(qint64(m_nominal) * 2, m_maximum));
    ++m_attempts;
    return delay;
}

void ReconnectBackoff::reset()
{
    m_nominal = m_initial;
    m_attempts = 0;
}

} // namespace noc
