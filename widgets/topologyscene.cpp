#include "topologyscene.h"

#include "topologydeviceitem.h"
#include "topologylayout.h"
#include "topologylinklayer.h"
#include "topologysiteitem.h"
#include "topologystyle.h"

#include <QGraphicsSceneMouseEvent>

#include <algorithm>

namespace noc {

namespace {
constexpr qreal SiteZ = -10;
constexpr qreal LinkZ = -5;
constexpr qreal SceneMargin = 200;
} // namespace

TopologyScene::TopologyScene(QObject *parent)
    : QGraphicsScene(parent)
{
    // Items only move when dragged, so the BSP index pays for itself in faster exposed-area lookups
    // when zoomed in (bench_topologymap compares it with NoIndex).
    setItemIndexMethod(BspTreeIndex);
    m_now = QDateTime::currentDateTimeUtc();
}

TopologyScene::~TopologyScene() = default;

void TopologyScene::removeTopologyItems()
{
    // clear() deletes the items; the maps only hold borrowed pointers.
    clear();
    m_devices.clear();
    m_sites.clear();
    m_readingOrder.clear();
    m_links = nullptr;
    m_dragged.clear();
}

void TopologyScene::setSnapshot(const TopologySnapshot &snapshot)
{
    removeTopologyItems();
    m_building = true;
    const TopologyLayout::Result placed = TopologyLayout::place(snapshot);

    QHash<QString, QString> siteNames;
    for (const TopologySite &site : snapshot.sites)
        siteNames.insert(site.id, site.name.isEmpty() ? site.id : site.name);
    for (const QString &siteId : placed.siteOrder) {
        const QString name = siteId.isEmpty() ? tr("No site") : siteNames.value(siteId, siteId);
        auto *site = new TopologySiteItem(siteId, name, placed.siteRegions.value(siteId));
        site->setZValue(SiteZ);
        addItem(site);
        m_sites.insert(siteId, site);
    }

    m_links = new TopologyLinkLayer;
    m_links->setZValue(LinkZ);
    m_links->setLinks(snapshot.links, placed.devicePositions);
    addItem(m_links);

    for (const TopologyDevice &device : snapshot.devices) {
        if (m_devices.contains(device.id))
            continue;   // a duplicate id from the API: the first one wins
        auto *item = new TopologyDeviceItem(device);
        // Each disc from a pixmap made at the current zoom: bench_topologymap measured about 12 / 11
        // / 7 ms of CPU per frame zoomed out / half / full against 13 / 17 / 13 ms painting every
        // disc, glyph and label each frame. A zoom step repaints the caches once.
        item->setCacheMode(QGraphicsItem::DeviceCoordinateCache);
        item->setPos(placed.devicePositions.value(device.id));
        item->setStale(device.stale.value_or(TopologyStyle::isStale(device.lastPolled, m_now, m_pollInterval)));
        addItem(item);
        m_devices.insert(device.id, item);
        m_readingOrder.append(item);
    }
    sortReadingOrder();
    setSceneRect(itemsBoundingRect().adjusted(-SceneMargin, -SceneMargin, SceneMargin, SceneMargin));
    m_building = false;
}

void TopologyScene::sortReadingOrder()
{
    QHash<QString, int> siteRank;
    int rank = 0;
    QList<QString> siteIds = m_sites.keys();
    std::sort(siteIds.begin(), siteIds.end());
    for (const QString &id : std::as_const(siteIds))
        siteRank.insert(id, rank++);
    std::sort(m_readingOrder.begin(), m_readingOrder.end(), [&](TopologyDeviceItem *a, TopologyDeviceItem *b) {
        const int sa = siteRank.value(a->device().siteId), sb = siteRank.value(b->device().siteId);
        if (sa != sb)
            return sa < sb;
        if (a->pos().y() != b->pos().y())
            return a->pos().y() < b->pos().y();
        if (a->pos().x() != b->pos().x())
            return a->pos().x() < b->pos().x();
        return a->deviceId() < b->deviceId();
    });
}

bool TopologyScene::applyDeviceStatus(const DeviceStatusUpdate &update)
{
    TopologyDeviceItem *item = m_devices.value(update.deviceId);
    if (!item)
        return false;
    item->setState(update, update.stale.value_or(TopologyStyle::isStale(update.lastPolled, m_now, m_pollInterval)));
    return true;
}

bool TopologyScene::applyLinkUtilisation(const LinkUtilisationUpdate &update)
{
    return m_links && m_links->setUtilisation(update);
}

void TopologyScene::setPollInterval(std::chrono::milliseconds interval)
{
    m_pollInterval = interval;
    setReferenceTime(m_now);
}

void TopologyScene::setReferenceTime(const QDateTime &now)
{
    m_now = now;
    for (TopologyDeviceItem *item : std::as_const(m_readingOrder)) {
        if (!item->device().stale)   // the engine's verdict stands until the next update
            item->setStale(TopologyStyle::isStale(item->device().lastPolled, m_now, m_pollInterval));
    }
}

QHash<QString, QPointF> TopologyScene::devicePositions() const
{
    QHash<QString, QPointF> positions;
    for (auto it = m_devices.cbegin(); it != m_devices.cend(); ++it)
        positions.insert(it.key(), it.value()->pos());
    return positions;
}

void TopologyScene::deviceItemMoved(TopologyDeviceItem *item)
{
    if (m_links)
        m_links->moveEndpoint(item->deviceId(), item->pos());
    if (!m_building)
        m_dragged.insert(item->deviceId(), item->pos());
}

void TopologyScene::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    QGraphicsScene::mouseReleaseEvent(event);
    if (m_dragged.isEmpty())
        return;
    const QHash<QString, QPointF> moved = std::exchange(m_dragged, {});
    QSet<QString> sites;
    for (auto it = moved.cbegin(); it != moved.cend(); ++it) {
        if (TopologyDeviceItem *item = m_devices.value(it.key()))
            sites.insert(item->device().siteId);
    }
    refitSites(sites);
    sortReadingOrder();
    Q_EMIT devicesMoved(moved);
}

void TopologyScene::refitSites(const QSet<QString> &siteIds)
{
    // A site's region follows its devices after a drag, so a device dragged out takes its site along.
    QHash<QString, QList<QPointF>> centres;
    for (TopologyDeviceItem *item : std::as_const(m_readingOrder)) {
        if (siteIds.contains(item->device().siteId))
            centres[item->device().siteId].append(item->pos());
    }
    for (auto it = centres.cbegin(); it != centres.cend(); ++it) {
        if (TopologySiteItem *site = m_sites.value(it.key()))
            site->setRegion(TopologyLayout::regionAround(it.value()));
    }
    setSceneRect(sceneRect() | itemsBoundingRect().adjusted(-SceneMargin, -SceneMargin, SceneMargin, SceneMargin));
}

} // namespace noc
