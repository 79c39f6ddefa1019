#pragma once

#include <QDateTime>
#include <QList>
#include <QPointF>
#include <QString>

#include <optional>

namespace noc {

// What the topology map shows, as plain values: the console fills it from the management API, tests
// and the benchmark fill it by hand. Nothing here knows about painting. Any thread (copied by value).

enum class DeviceStatus { Up, Warning, Minor, Major, Critical, Down, Unreachable, Unknown };
enum class DeviceKind { Router, Switch, Firewall, LoadBalancer, Server, Nameserver, RegistryNode, Other };

struct TopologySite
{
    QString id;
    QString name;
    std::optional<QPointF> position;   // saved top-left corner of the site's region, scene units
};

struct TopologyDevice
{
    QString id;
    QString name;
    DeviceKind kind = DeviceKind::Other;
    QString siteId;
    DeviceStatus status = DeviceStatus::Unknown;
    QString cause;                     // why it has this status ("behind gw-ams-1", "CPU 97 %")
    bool acknowledged = false;
    bool inMaintenance = false;
    QDateTime lastPolled;              // invalid: never polled
    // The engine's verdict when it gave one (it knows each device's own interval and time-out);
    // none: the map decides from lastPolled and its polling interval.
    std::optional<bool> stale;
    std::optional<QPointF> position;   // saved centre; none: placed automatically
};

struct TopologyLink
{
    QString id;
    QString fromDeviceId;
    QString toDeviceId;
    qint64 capacityBitsPerSecond = 0;  // 0: unknown
    std::optional<double> utilisationPercent;   // none: not measured
};

struct TopologySnapshot
{
    QList<TopologySite> sites;
    QList<TopologyDevice> devices;
    QList<TopologyLink> links;
};

// One device's new state, between full snapshots (a poll result or an alarm change).
struct DeviceStatusUpdate
{
    QString deviceId;
    DeviceStatus status = DeviceStatus::Unknown;
    QString cause;
    bool acknowledged = false;
    bool inMaintenance = false;
    QDateTime lastPolled;
    std::optional<bool> stale;         // as TopologyDevice::stale
};

// One link's newly measured utilisation.
struct LinkUtilisationUpdate
{
    QString linkId;
    std::optional<double> utilisationPercent;
};

} // namespace noc
