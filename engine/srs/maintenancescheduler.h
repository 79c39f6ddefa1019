#pragma once

#include "core/clock.h"
#include "core/srspolicy.h"
#include "store/connection.h"

#include <QObject>
#include <QTimer>

#include <chrono>
#include <memory>

namespace reg::store {
class Store;
}

namespace reg::srs {

// Drives RegistryMaintenance: every `interval` it asks what is due and submits each event as its
// own write (each one transaction and journal entry, re-checked on the writer thread). While a
// batch is in flight no new one starts; a full batch is followed at once by the next, so a backlog
// (after downtime) drains without waiting for the timer. Lives on the thread that created it
// (an event loop is needed); owns its read connection; the Store must outlive it.
class MaintenanceScheduler : public QObject
{
    Q_OBJECT
public:
    MaintenanceScheduler(store::Store &store, SrsPolicy policy, const Clock &clock, std::chrono::milliseconds interval,
                         int batchSize = 500, QObject *parent = nullptr);
    ~MaintenanceScheduler() override;

    // Opens the read connection, starts the timer and queues a first cycle; false (logged) if the
    // reader cannot open.
    bool start();
    void stop();
    // One cycle now (also what the timer calls); ignored while a batch is in flight.
    void runOnce();

Q_SIGNALS:
    // After every event of a batch has been answered: how many were handled and how many failed.
    void batchFinished(int processed, int failed);

private:
    void finishOne(bool ok);

    store::Store &m_store;
    std::shared_ptr<const SrsPolicy> m_policy;   // shared with writes still queued when this goes away
    const Clock &m_clock;
    int m_batchSize;
    QTimer m_timer;
    std::unique_ptr<store::Connection> m_reader;
    int m_inFlight = 0;
    int m_batchTotal = 0;
    int m_batchFailed = 0;
};

} // namespace reg::srs
