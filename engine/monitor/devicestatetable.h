#pragma once

#include "monitor/snmppollresult.h"
#include "monitor/snmptarget.h"

#include <QDateTime>
#include <QHash>
#include <QList>

#include <optional>

namespace reg::monitor {

// What GET /api/v1/monitor/status reports of one polled device: its latest poll and since when it
// is polled, for staleness.
struct DeviceState
{
    std::optional<PollResult> last;
    QDateTime trackedSince;      // when it became a poll target (with these settings)
    int intervalSecs = 300;
    int pollBudgetMs = 4000;     // the longest one poll may take: time-out times tries
};

// The latest poll of every device the poller polls. A device is stale when it was polled but not
// within 2.5 intervals, or never polled although a target for longer than one interval plus its
// poll time-out (the contract's rule). Main thread (the monitor service); a plain value otherwise.
class DeviceStateTable
{
public:
    // Starts (or keeps) tracking a target; a known device keeps its last poll.
    void track(const SnmpTarget &target, const QDateTime &now);
    void forget(qint64 deviceId);
    // Ignored for a device not tracked (removed while its poll was in flight).
    bool record(const PollResult &result);

    const DeviceState *find(qint64 deviceId) const;
    bool isStale(qint64 deviceId, const QDateTime &now) const;
    QList<qint64> deviceIds() const { return m_states.keys(); }

private:
    QHash<qint64, DeviceState> m_states;
};

} // namespace reg::monitor
