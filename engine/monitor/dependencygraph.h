#pragma once

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace reg::monitor {

// Which site each device is at and which devices it is reached through (its parents: the router,
// firewall or switch in front of it; several for redundant paths). A value: the owner builds it from
// the inventory and hands the engine a new one whole when the topology changes.
class DependencyGraph
{
public:
    void setDevice(const QString &deviceId, const QString &siteId, const QStringList &parentIds = {});

    bool contains(const QString &deviceId) const { return m_devices.contains(deviceId); }
    QString siteOf(const QString &deviceId) const;   // empty when unknown
    QStringList parentsOf(const QString &deviceId) const;
    QStringList devices() const { return m_devices.keys(); }

    // The device whose failure explains why deviceId cannot be reached, or nullopt when some path to
    // it is still up (or it has no parents). isDown says whether a device has been found unreachable
    // itself. A parent counts as down when it is found unreachable or when it is cut off in turn, so
    // an unmonitored switch between a failed router and a server does not hide the router. With
    // several roots (every redundant path broken somewhere) the lowest id is named, for stable output.
    std::optional<QString> rootCause(const QString &deviceId, const std::function<bool(const QString &)> &isDown) const;

private:
    struct Node
    {
        QString siteId;
        QStringList parents;
    };
    // The roots cutting off deviceId, empty when it is reachable. visiting breaks parent cycles.
    QSet<QString> cutOffBy(const QString &deviceId, const std::function<bool(const QString &)> &isDown,
                           QSet<QString> &visiting) const;

    QHash<QString, Node> m_devices;
};

} // namespace reg::monitor
