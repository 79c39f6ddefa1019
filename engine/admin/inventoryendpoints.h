#pragma once

#include "apiresponse.h"

#include <QByteArray>
#include <QByteArrayList>
#include <QString>

#include <memory>

namespace reg::monitor {
class Inventory;
} // namespace reg::monitor

namespace reg::admin {

// The monitoring inventory endpoints under /api/v1/monitor/ (docs/management-api.md, "Monitoring
// inventory"): sites, devices and links (list, one, create, PATCH, DELETE), the topology in one
// answer, the import file and the map layout. ManagementServer routes, authenticates and audits;
// this decodes the request, asks the Inventory and shapes the answer. Answers never carry an SNMP
// secret, and neither does the audit detail.
// Blocking (the Inventory waits for the store writer): runs on the management API's registry
// worker thread; owned by ManagementServer.
class InventoryEndpoints
{
public:
    // What one request did, for the answer and the audit trail (action empty for reads).
    struct Outcome
    {
        ApiResponse response;
        QString action;        // "monitor.device.create"
        QString detail;        // the object's name, never a secret
    };

    explicit InventoryEndpoints(std::unique_ptr<monitor::Inventory> inventory);
    ~InventoryEndpoints();

    // The methods a path accepts; empty when it is not an inventory path.
    static QByteArrayList methodsFor(const QString &path);

    Outcome handle(const QByteArray &method, const QString &path, const QByteArray &body);

private:
    Outcome sites(const QByteArray &method, const QString &code, const QByteArray &body);
    Outcome devices(const QByteArray &method, const QString &name, const QByteArray &body);
    Outcome links(const QByteArray &method, const QString &id, const QByteArray &body);
    Outcome importTopology(const QByteArray &body);
    Outcome saveLayout(const QByteArray &body);

    std::unique_ptr<monitor::Inventory> m_inventory;
};

} // namespace reg::admin
