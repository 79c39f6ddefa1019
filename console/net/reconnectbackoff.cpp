#include "reconnectbackoff.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

namespace noc {

ReconnectBackoff::ReconnectBackoff(RandomSource random)
    : m_random(std::move(random))
{
    if (!m_random)
        m_random = [] { return QRandomGenerator::global()->generateDouble(); };
}

int ReconnectBackoff::next()
{
    const double u = std::clamp(m_random(), 0.0, 1.0);
    const double spread = (u * 2.0 - 1.0) * kJitterFraction * m_nominal;
    const int delay = std::clamp(static_cast<int>(std::lround(m_nominal + spread)), 1, kMaximumMsecs);
    m_nominal = std::min(m_nominal * 2, kMaximumMsecs);
    ++m_attempts;
    return delay;
}

void ReconnectBackoff::reset()
{
    m_nominal = kInitialMsecs;
    m_attempts = 0;
}

} // namespace noc
