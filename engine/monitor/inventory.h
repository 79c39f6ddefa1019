#pragma once

#include "inventorytypes.h"
#include "secretbox.h"
#include "topologyimport.h"

#include "core/clock.h"
#include "core/result.h"
#include "store/writer.h"

#include <QHash>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace reg::store {
class Store;
} // namespace reg::store

namespace reg::monitor {

// The inventory repository: sites, devices (SNMP settings, dependencies, interfaces), links and
// the map layout, with the rules in InventoryRows. Changes go through the store writer as
// bookkeeping work without journal entries (monitoring state is per site, not replicated registry
// data); the caller audits who changed what. SNMP secrets are sealed by a SecretBox whose key is
// read, or created, from keyFile the first time a secret is written or read.
// Blocking (waits for the writer; keeps one read connection): one instance per thread, never on
// an event loop that must stay responsive.
class Inventory
{
public:
    Inventory(store::Store &store, const Clock &clock, QString keyFile);
    ~Inventory();
    Inventory(const Inventory &) = delete;
    Inventory &operator=(const Inventory &) = delete;

    Result<QList<Site>> sites();
    Result<Site> site(const QString &code);
    Result<QList<Device>> devices();
    Result<Device> device(const QString &name);
    Result<QList<Link>> links();
    Result<Link> link(qint64 id);
    Result<Topology> topology();
    // For the poller: enabled devices with SNMP settings, secrets opened.
    Result<QList<SnmpTarget>> snmpTargets();
    // For the alarm engine: every device with its site and the devices it depends on.
    Result<QList<DeviceDependency>> dependencies();

    // Conflict when the code or name is taken or a deletion would orphan something (the message
    // says what); InvalidInput for a reference to nothing or a secret the settings need.
    Result<void> createSite(const Site &site);
    Result<void> updateSite(const QString &code, const Site &site);
    Result<void> deleteSite(const QString &code);
    Result<qint64> createDevice(const Device &device);
    Result<void> updateDevice(const QString &name, const Device &device);
    Result<void> deleteDevice(const QString &name);
    Result<qint64> createLink(const Link &link);
    Result<void> updateLink(qint64 id, const Link &link);
    Result<void> deleteLink(qint64 id);
    // Where the console draws devices; every name must exist or nothing is saved.
    Result<void> saveMapPositions(const QHash<QString, MapPoint> &positions);

    // All or nothing: one write transaction; an error names the entry ("devices[3].site: no site x").
    Result<ImportSummary> importTopology(const TopologyImportFile &file);
    // The same as one store work item, for a caller that holds only the writer (registryd init
    // seeding the demo network); the secrets are sealed under keyFile.
    static store::WriteWork importWork(const TopologyImportFile &file, const QString &keyFile, qint64 nowMs);

private:
    Result<store::Connection *> reader();
    Result<void> write(std::function<Result<void>(store::Connection &, qint64 nowMs)> work);

    store::Store &m_store;
    const Clock &m_clock;
    QString m_keyFile;
    std::shared_ptr<std::optional<SecretBox>> m_box;   // loaded once, shared with work on the writer thread
    std::unique_ptr<store::Connection> m_reader;
};

} // namespace reg::monitor
