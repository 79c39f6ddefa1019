#pragma once

#include "monitor/probetypes.h"

#include "core/result.h"

#include <QDateTime>
#include <QObject>

#include <functional>

namespace reg::store {
class Connection;
class Store;
}

namespace reg::monitor {

// probe_results (migration 8): writes each probe's result and prunes old ones. Operational data
// of this site, not registry data: written through the Store's writer with no journal entry (the
// journal is replicated; the Directory clears its cache on kinds it does not know).
// Reading for reports and the console is a plain SELECT on a reader connection (see read()).
// Used on the scheduler's thread; the writer calls back there.
class ProbeResultStore
{
public:
    explicit ProbeResultStore(store::Store &store) : m_store(store) {}

    // Asynchronous: done (may be empty) runs on context's thread after the commit.
    void record(const ProbeResult &result, QObject *context, std::function<void(Result<void>)> done);
    // Deletes at most batch rows that started before cutoff, oldest first, in one transaction;
    // done gets how many went (fewer than batch: nothing older is left).
    void pruneBatch(const QDateTime &cutoff, int batch, QObject *context, std::function<void(Result<int>)> done);

    // The newest results first, at most limit; service (site) empty: every service (site). For tests,
    // reports and the management API.
    static Result<QList<ProbeResult>> read(store::Connection &connection, const QString &service, int limit,
                                           const QString &site = {});

private:
    store::Store &m_store;
};

} // namespace reg::monitor
