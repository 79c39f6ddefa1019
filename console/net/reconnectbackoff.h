#pragma once

#include <functional>

namespace noc {

// The delays between reconnect attempts: 1 s doubling up to 60 s (both bounds adjustable), each
// spread by +/-20 % jitter so that a room full of consoles does not hammer an engine that just
// restarted in lock-step. A plain value type used on the GUI thread by ConsoleSession; the random
// source is injectable so tests can pin the jitter.
class ReconnectBackoff
{
public:
    // Returns a uniformly distributed number in [0, 1).
    using RandomSource = std::function<double()>;

    static constexpr int kInitialMsecs = 1000;
    static constexpr int kMaximumMsecs = 60000;
    static constexpr double kJitterFraction = 0.2;

    explicit ReconnectBackoff(RandomSource random = {});
    // initialMsecs is raised to at least 1 and maximumMsecs to at least initialMsecs, so every
    // pair of values gives a usable, non-decreasing sequence.
    ReconnectBackoff(int initialMsecs, int maximumMsecs, RandomSource random = {});

    // The delay before the next attempt; advances the sequence.
    int next();
    // The un-jittered delay next() is centred on.
    int nominalMsecs() const { return m_nominal; }
    int attempts() const { return m_attempts; }
    int initialMsecs() const { return m_initial; }
    int maximumMsecs() const { return m_maximum; }
    // After a successful connection the next loss starts again at the initial delay.
    void reset();

private:
    RandomSource m_random;
    int m_initial = kInitialMsecs;
    int m_maximum = kMaximumMsecs;
    int m_nominal = kInitialMsecs;
    int m_attempts = 0;
};

} // namespace noc
