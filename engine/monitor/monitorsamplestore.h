#pragma once

#include "monitor/snmppollresult.h"

#include "core/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>

#include <functional>

namespace reg::store {
class Connection;
class Store;
} // namespace reg::store

namespace reg::monitor {

// The SNMP poll samples behind the device charts (migration 9, monitor_samples): one row per poll,
// appended through the store's writer without a journal entry (operational state of this site)
// and pruned by age in bounded batches. Writes from the owner's thread; reads on any connection.
class MonitorSampleStore
{
public:
    static constexpr int maxSamples = 5000;   // the most one read returns; more are thinned evenly

    explicit MonitorSampleStore(store::Store &store) : m_store(store) {}

    // Queued, not waited for; a failed write is counted and logged on context's thread (which must
    // not outlive this store).
    void record(const PollResult &result, QObject *context);
    // Deletes up to batch rows older than cutoff; done (on context's thread) with the rows deleted.
    void pruneBatch(const QDateTime &cutoff, int batch, QObject *context, std::function<void(Result<int>)> done);
    qint64 failedWrites() const { return m_failedWrites; }

    // The samples of one device in [from, to), oldest first, every k-th when more than maxSamples,
    // in the contract's JSON shape.
    static Result<QList<QJsonObject>> read(store::Connection &connection, qint64 deviceId, const QDateTime &from,
                                           const QDateTime &to, int limit = maxSamples);

private:
    store::Store &m_store;
    qint64 m_failedWrites = 0;
};

} // namespace reg::monitor
