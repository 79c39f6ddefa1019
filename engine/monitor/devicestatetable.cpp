#include "monitor/devicestatetable.h"

namespace reg::monitor {

void DeviceStateTable::track(const SnmpTarget &target, const QDateTime &now)
{
    auto it = m_states.find(target.deviceId);
    if (it == m_states.end())
        it = m_states.insert(target.deviceId, DeviceState{std::nullopt, now, 0, 0});
    it->intervalSecs = target.intervalSecs;
    it->pollBudgetMs = target.timeoutMs * (target.retries + 1);
}

void DeviceStateTable::forget(qint64 deviceId)
{
    m_states.remove(deviceId);
}

bool DeviceStateTable::record(const PollResult &result)
{
    auto it = m_states.find(result.deviceId);
    if (it == m_states.end())
        return false;
    it->last = result;
    return true;
}

const DeviceState *DeviceStateTable::find(qint64 deviceId) const
{
    auto it = m_states.constFind(deviceId);
    return it == m_states.cend() ? nullptr : &*it;
}

bool DeviceStateTable::isStale(qint64 deviceId, const QDateTime &now) const
{
    const DeviceState *state = find(deviceId);
    if (!state)
        return false;
    const qint64 intervalMs = qint64(state->intervalSecs) * 1000;
    if (state->last)
        return state->last->polledAt.msecsTo(now) > intervalMs * 5 / 2;
    return state->trackedSince.msecsTo(now) > intervalMs + state->pollBudgetMs;
}

} // namespace reg::monitor
