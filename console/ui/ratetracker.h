#pragma once

#include <QDateTime>
#include <QList>

#include <optional>

namespace noc {

// The rate of one counter between two samples; the caller has checked that it did not go down.
inline double counterRate(quint64 now, quint64 then, double seconds)
{
    return double(now - then) / seconds;
}

// What DnsRateTracker and DirectoryRateTracker share: successive samples become rate points over
// a rolling window. Rates use the engine's own timestamps, so irregular polling (a slow reply, a
// busy GUI) changes nothing. A counter that went down means the engine restarted: that interval
// has no rate (never a negative spike) and the next sample is measured from the new start. A pause
// longer than maxInterval (the page was hidden) is a gap, not one long flat average. Each tracker
// says which of its counters can go down and how a point is made; Point needs at, seconds and
// afterGap. Plain value class; GUI thread.
template<typename Sample, typename Point>
class RateTracker
{
public:
    static constexpr qint64 DefaultWindowSecs = 15 * 60;
    static constexpr qint64 DefaultMaxIntervalSecs = 60;

    enum class Outcome {
        First,          // nothing to compare with yet: a baseline
        Added,          // a new rate point
        Reset,          // counters went down or time went back: new baseline, no point
        Gap,            // too long since the previous sample: new baseline, no point
        Ignored,        // not newer than the previous sample (same snapshot again)
    };

    void clear()
    {
        m_previous.reset();
        m_points.clear();
        m_nextAfterGap = true;
        m_resets = 0;
    }

    const QList<Point> &points() const { return m_points; }
    std::optional<Sample> latest() const { return m_previous; }
    int resets() const { return m_resets; }
    qint64 windowSecs() const { return m_windowSecs; }

protected:
    RateTracker(qint64 windowSecs, qint64 maxIntervalSecs)
        : m_windowSecs(windowSecs), m_maxIntervalSecs(maxIntervalSecs)
    {
    }

    // wentDown(before, sample): a counter is below its previous value.
    // rates(before, sample, seconds): the point's rates; at, seconds and afterGap are set here.
    template<typename WentDown, typename Rates>
    Outcome addSample(const Sample &sample, WentDown wentDown, Rates rates)
    {
        if (!m_previous) {
            m_previous = sample;
            m_nextAfterGap = true;
            return Outcome::First;
        }
        const Sample &before = *m_previous;
        const qint64 ms = before.at.msecsTo(sample.at);
        if (ms == 0)
            return Outcome::Ignored;

        const bool restarted = ms < 0 || wentDown(before, sample);
        if (restarted || ms > m_maxIntervalSecs * 1000) {
            if (restarted)
                ++m_resets;
            m_previous = sample;
            m_nextAfterGap = true;
            trim(sample.at);
            return restarted ? Outcome::Reset : Outcome::Gap;
        }

        const double seconds = double(ms) / 1000.0;
        Point p = rates(before, sample, seconds);
        p.at = sample.at;
        p.seconds = seconds;
        p.afterGap = m_nextAfterGap;
        m_nextAfterGap = false;
        m_points.append(p);
        m_previous = sample;
        trim(sample.at);
        return Outcome::Added;
    }

private:
    void trim(const QDateTime &newest)
    {
        const QDateTime oldest = newest.addSecs(-m_windowSecs);
        qsizetype drop = 0;
        while (drop < m_points.size() && m_points.at(drop).at < oldest)
            ++drop;
        m_points.remove(0, drop);
    }

    qint64 m_windowSecs;
    qint64 m_maxIntervalSecs;
    std::optional<Sample> m_previous;
    bool m_nextAfterGap = true;
    QList<Point> m_points;
    int m_resets = 0;
};

} // namespace noc
