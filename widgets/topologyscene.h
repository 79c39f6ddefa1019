#pragma once

#include "topologysnapshot.h"

#include <QDateTime>
#include <QGraphicsScene>
#include <QHash>
#include <QList>
#include <QSet>

#include <chrono>

namespace noc {

class TopologyDeviceItem;
class TopologyLinkLayer;
class TopologySiteItem;

// The topology map's items, built from a TopologySnapshot and kept current by incremental updates
// that touch only the item concerned. Decides staleness (from the reference time the owner gives
// and the polling interval) so a device that has not been polled recently is never drawn healthy.
// Collects device drags and reports the new positions once the mouse is released.
// GUI thread; owned by its TopologyMapView (or a test).
class TopologyScene : public QGraphicsScene
{
    Q_OBJECT
public:
    explicit TopologyScene(QObject *parent = nullptr);
    ~TopologyScene() override;

    void setSnapshot(const TopologySnapshot &snapshot);
    bool applyDeviceStatus(const DeviceStatusUpdate &update);        // false: unknown device
    bool applyLinkUtilisation(const LinkUtilisationUpdate &update);  // false: unknown link

    // Staleness: a device is stale when not polled within two intervals of the reference time,
    // unless its snapshot or newest update carries the engine's own verdict (stale set).
    // The owner moves the reference time forward (a timer, or the API's clock); tests set it.
    void setPollInterval(std::chrono::milliseconds interval);
    std::chrono::milliseconds pollInterval() const { return m_pollInterval; }
    void setReferenceTime(const QDateTime &now);
    QDateTime referenceTime() const { return m_now; }

    TopologyDeviceItem *deviceItem(const QString &id) const { return m_devices.value(id); }
    TopologySiteItem *siteItem(const QString &id) const { return m_sites.value(id); }
    TopologyLinkLayer *linkLayer() const { return m_links; }
    // Devices in reading order (site by site, row by row), the order the keyboard walks them.
    const QList<TopologyDeviceItem *> &devicesInReadingOrder() const { return m_readingOrder; }
    QHash<QString, QPointF> devicePositions() const;

    // Called by TopologyDeviceItem when it moves (dragged, or placed).
    void deviceItemMoved(TopologyDeviceItem *item);

Q_SIGNALS:
    // Devices the user dragged, with their new centres, for saving as the layout.
    void devicesMoved(const QHash<QString, QPointF> &positions);

protected:
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;

private:
    void removeTopologyItems();
    void sortReadingOrder();
    void refitSites(const QSet<QString> &siteIds);

    QHash<QString, TopologyDeviceItem *> m_devices;
    QHash<QString, TopologySiteItem *> m_sites;
    QList<TopologyDeviceItem *> m_readingOrder;
    TopologyLinkLayer *m_links = nullptr;
    QHash<QString, QPointF> m_dragged;
    std::chrono::milliseconds m_pollInterval{std::chrono::minutes(5)};
    QDateTime m_now;
    bool m_building = false;
};

} // namespace noc
