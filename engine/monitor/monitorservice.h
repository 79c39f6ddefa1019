#pragma once

#include "monitor/alarmengine.h"
#include "monitor/alarmrepository.h"
#include "monitor/devicestatetable.h"
#include "monitor/inventorysnapshot.h"
#include "monitor/monitorsamplestore.h"
#include "monitor/pollevaluator.h"
#include "monitor/probetypes.h"
#include "monitor/snmppollresult.h"
#include "monitor/trapreceiver.h"
#include "monitor/traprecord.h"

#include "core/clock.h"
#include "core/engineconfig.h"
#include "core/result.h"

#include <QJsonObject>
#include <QObject>
#include <QThreadPool>
#include <QTimer>

#include <functional>
#include <memory>

namespace reg::store {
class Store;
}

namespace reg::monitor {

class Inventory;
class ProbeScheduler;
class SnmpPoller;
class TrapLog;

// The monitor service (docs/monitoring.md, "Monitor service"): connects the monitoring parts.
// It reads the inventory (at start, every inventory_refresh and when asked) and hands the poller
// its targets and the alarm engine its dependency graph; turns every poll (PollEvaluator), trap
// (by the device at the trap's source address) and probe result into observations for the alarm
// engine; keeps the latest poll per device (DeviceStateTable) and a sample per poll
// (MonitorSampleStore); logs every trap; and publishes alarm changes, polls and traps as events.
// SNMP runs on the poller's and the receiver's threads; their results arrive here queued. The
// inventory is read on a thread of its own (it blocks on the store).
// Lives on the main thread (the composition root's); owned by the Engine. Stop it before the store.
class MonitorService : public QObject
{
    Q_OBJECT
public:
    using EventPublisher = std::function<void(const QJsonObject &)>;

    struct Counters
    {
        qint64 polls = 0;
        qint64 pollsFailed = 0;          // not reachable, or an agent / authentication error
        qint64 traps = 0;                // accepted by the receiver and logged
        qint64 trapsFromUnknown = 0;     // logged, not alarmed: no device at the source address
    };

    MonitorService(const MonitorConfig &config, store::Store &store, const Clock &clock, QString secretsKeyFile,
                   QObject *parent = nullptr);
    ~MonitorService() override;

    // Reads the inventory, restores the alarms, binds the trap port and starts polling. On failure
    // nothing keeps running.
    Result<void> start();
    void stop();
    bool isRunning() const { return m_running; }

    // Where every alarm change, poll and trap goes ({"type": ...} objects of the contract).
    void setEventPublisher(EventPublisher publisher) { m_publish = std::move(publisher); }
    // Service probe results become observations on "service:<service>@<site>".
    void attachProbes(ProbeScheduler &probes);
    // Re-reads the inventory now (after a change through the management API).
    void refreshInventory();

    // For the alarm endpoints (H-alarmapi) and the status answer; main thread only.
    AlarmEngine &alarms() { return m_alarms; }
    const AlarmEngine &alarms() const { return m_alarms; }
    // The inventory name of a device id ("17"); empty when unknown (or "site:..." ids).
    QString deviceName(const QString &deviceId) const;
    const InventorySnapshot &inventory() const { return m_inventory; }
    const DeviceStateTable &deviceStates() const { return m_states; }
    ListenAddress trapAddress() const;
    Counters counters() const { return m_counters; }
    TrapCounters trapCounters() const;
    const MonitorConfig &config() const { return m_config; }

Q_SIGNALS:
    // After an inventory read was applied (tests and the status board).
    void inventoryApplied(int targets);

private:
    void applyInventory(InventorySnapshot snapshot);
    void onPolled(const PollResult &result);
    void onTrap(const TrapRecord &trap);
    void onProbeResult(const ProbeResult &result);
    void onAlarmChange(const AlarmChange &change);
    void publish(const QJsonObject &event);
    void pruneSamples(qint64 deletedSoFar);
    void prune();

    const MonitorConfig m_config;
    store::Store &m_store;
    const Clock &m_clock;
    const PollEvaluator m_evaluator;
    AlarmRepository m_repository;
    AlarmEngine m_alarms;
    MonitorSampleStore m_samples;
    DeviceStateTable m_states;
    InventorySnapshot m_inventory;
    std::unique_ptr<Inventory> m_inventoryReader;   // used only on m_inventoryThread
    QThreadPool m_inventoryThread;
    bool m_refreshing = false;
    bool m_refreshAgain = false;
    std::unique_ptr<TrapLog> m_trapLog;
    std::unique_ptr<SnmpPoller> m_poller;
    std::unique_ptr<TrapReceiver> m_traps;
    QTimer m_refreshTimer;
    QTimer m_tickTimer;
    QTimer m_pruneTimer;
    bool m_pruningSamples = false;
    EventPublisher m_publish;
    Counters m_counters;
    bool m_running = false;
};

} // namespace reg::monitor
