#pragma once

#include "monitor/dependencygraph.h"
#include "monitor/inventorytypes.h"
#include "monitor/snmptarget.h"

#include "core/result.h"

#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QString>

#include <optional>

namespace reg::monitor {

class Inventory;

// The inventory as the monitor service last read it: the devices and links (for names, sites and
// the status answer), the poll targets (secrets opened: kept in memory only, never shown) and the
// dependencies, with the look-ups the service needs on every poll, trap and probe result.
// A value; built off the main thread, then handed to it.
class InventorySnapshot
{
public:
    // Blocking (reads the store): the inventory's own thread.
    static Result<InventorySnapshot> read(Inventory &inventory);
    static InventorySnapshot build(QList<Device> devices, QList<Link> links, QList<SnmpTarget> targets,
                                   const QList<DeviceDependency> &dependencies);

    const QList<Device> &devices() const { return m_devices; }
    const QList<Link> &links() const { return m_links; }
    const QHash<qint64, SnmpTarget> &targets() const { return m_targets; }
    const Device *device(qint64 id) const;
    std::optional<qint64> idOf(const QString &name) const;
    QString nameOf(qint64 id) const;          // empty when unknown
    // The device that sends from this address; with several at one address, the lowest id.
    std::optional<qint64> deviceAt(const QHostAddress &address) const;
    // A probe's subject device: the registryd node at the site, else "site:<code>".
    QString probeDevice(const QString &siteCode) const;
    // Device ids as decimal strings, site codes and parent ids, for the alarm engine.
    const DependencyGraph &graph() const { return m_graph; }
    // Whether the dependencies differ (a new graph re-evaluates every alarm's suppression).
    bool sameDependencies(const InventorySnapshot &other) const { return m_dependencyKey == other.m_dependencyKey; }

    // Equal settings: a poll in flight need not be abandoned.
    static bool sameTarget(const SnmpTarget &a, const SnmpTarget &b);

private:
    QList<Device> m_devices;
    QList<Link> m_links;
    QHash<qint64, SnmpTarget> m_targets;
    QHash<qint64, qsizetype> m_index;         // id -> position in m_devices
    QHash<QString, qint64> m_byName;
    QHash<QString, qint64> m_byAddress;       // normalised address text
    QHash<QString, qint64> m_nodeBySite;
    DependencyGraph m_graph;
    QString m_dependencyKey;
};

} // namespace reg::monitor
