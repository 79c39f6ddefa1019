#pragma once

#include "inventorytypes.h"
#include "secretbox.h"

#include "core/result.h"

#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace reg::store {
class Connection;
} // namespace reg::store

namespace reg::monitor {

// The inventory's SQL: reads and the steps of every change, on a connection the caller holds
// (a read connection, or the writer's inside a work item, where one Error rolls the whole work
// back). Shared by the single changes of the management API and the all-or-nothing import, so
// both enforce the same rules: names unique, references existing, no dependency cycle, every
// secret a device's SNMP settings need stored (sealed). Stateless.
namespace InventoryRows {

// Loads the secret box only when a secret is sealed or opened, so an inventory without SNMP
// secrets never creates the key file.
using SecretBoxSource = std::function<Result<SecretBox>()>;

Result<QList<Site>> sites(store::Connection &c, const std::optional<QString> &code = std::nullopt);
// The secrets are not opened: only whether each is set.
Result<QList<Device>> devices(store::Connection &c, const std::optional<QString> &name = std::nullopt);
Result<QList<Link>> links(store::Connection &c, std::optional<qint64> id = std::nullopt);
Result<QList<DeviceDependency>> dependencies(store::Connection &c);
// Enabled devices with SNMP settings and an address, secrets opened. A device whose secret does
// not open is left out with a warning (the others are still polled).
Result<QList<SnmpTarget>> snmpTargets(store::Connection &c, const SecretBoxSource &box);

Result<void> insertSite(store::Connection &c, const Site &site, qint64 nowMs);
Result<void> updateSite(store::Connection &c, const QString &code, const Site &site, qint64 nowMs);
Result<void> deleteSite(store::Connection &c, const QString &code);

// Without its parents (setParents() after every device of an import exists).
Result<qint64> insertDevice(store::Connection &c, const Device &device, const SecretBoxSource &box, qint64 nowMs);
Result<qint64> updateDevice(store::Connection &c, const QString &name, const Device &device, const SecretBoxSource &box,
                            qint64 nowMs);
Result<void> setParents(store::Connection &c, qint64 deviceId, const QStringList &parents);
// Conflict naming the cycle ("a -> b -> a") when the dependencies are not a forest of trees.
Result<void> checkNoCycle(store::Connection &c);
Result<void> deleteDevice(store::Connection &c, const QString &name);
Result<void> saveMapPosition(store::Connection &c, const QString &device, const MapPoint &point, qint64 nowMs);

Result<qint64> insertLink(store::Connection &c, const Link &link, qint64 nowMs);
Result<void> updateLink(store::Connection &c, qint64 id, const Link &link);
Result<void> deleteLink(store::Connection &c, qint64 id);

// Empties the inventory (an import that replaces it).
Result<void> clear(store::Connection &c);

} // namespace InventoryRows
} // namespace reg::monitor
