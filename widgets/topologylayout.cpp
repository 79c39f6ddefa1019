#include "topologylayout.h"

#include <QSet>

#include <algorithm>
#include <cmath>

namespace noc {

namespace {

// Occupied node footprints in hash buckets one Footprint wide, so each free-cell check looks at
// nine buckets instead of every device placed so far (1,000 devices place in a millisecond).
class Occupancy
{
public:
    bool isFree(QPointF centre) const
    {
        const QPoint b = bucket(centre);
        for (int dx = -1; dx <= 1; ++dx) {
            for (int dy = -1; dy <= 1; ++dy) {
                const auto it = m_buckets.constFind(qHashMulti(0, b.x() + dx, b.y() + dy));
                if (it == m_buckets.cend())
                    continue;
                for (const QPointF &other : it.value()) {
                    if (std::abs(other.x() - centre.x()) < TopologyLayout::Footprint
                        && std::abs(other.y() - centre.y()) < TopologyLayout::Footprint)
                        return false;
                }
            }
        }
        return true;
    }
    void add(QPointF centre)
    {
        const QPoint b = bucket(centre);
        m_buckets[qHashMulti(0, b.x(), b.y())].append(centre);
    }

private:
    static QPoint bucket(QPointF p)
    {
        return {int(std::floor(p.x() / TopologyLayout::Footprint)), int(std::floor(p.y() / TopologyLayout::Footprint))};
    }
    QHash<size_t, QList<QPointF>> m_buckets;   // hash collisions only cost extra comparisons
};

struct SiteGroup
{
    QString id;
    std::optional<QPointF> origin;
    QList<const TopologyDevice *> saved;
    QList<const TopologyDevice *> automatic;
};

int columnsFor(qsizetype count)
{
    return qMax(1, int(std::ceil(std::sqrt(double(count)))));
}

QSizeF gridSize(qsizetype count)
{
    const int columns = columnsFor(count);
    const int rows = count == 0 ? 1 : int((count + columns - 1) / columns);
    return {columns * TopologyLayout::Cell, rows * TopologyLayout::Cell};
}

} // namespace

QRectF TopologyLayout::regionAround(const QList<QPointF> &centres)
{
    if (centres.isEmpty())
        return {};
    qreal left = centres.first().x(), right = left, top = centres.first().y(), bottom = top;
    for (const QPointF &c : centres) {
        left = qMin(left, c.x());
        right = qMax(right, c.x());
        top = qMin(top, c.y());
        bottom = qMax(bottom, c.y());
    }
    const qreal half = Footprint / 2;
    return QRectF(QPointF(left - half - SitePadding, top - half - SitePadding),
                  QPointF(right + half + SitePadding, bottom + half + SitePadding));
}

TopologyLayout::Result TopologyLayout::place(const TopologySnapshot &snapshot)
{
    // Group devices by site; sites named only by a device still get a region.
    QHash<QString, SiteGroup> groups;
    for (const TopologySite &site : snapshot.sites)
        groups[site.id] = SiteGroup{site.id, site.position, {}, {}};
    for (const TopologyDevice &device : snapshot.devices) {
        SiteGroup &group = groups[device.siteId];
        group.id = device.siteId;
        (device.position ? group.saved : group.automatic).append(&device);
    }
    QList<QString> order = groups.keys();
    std::sort(order.begin(), order.end());

    Result result;
    result.siteOrder = order;
    Occupancy occupied;
    for (const TopologyDevice &device : snapshot.devices) {
        if (device.position) {
            result.devicePositions.insert(device.id, *device.position);
            occupied.add(*device.position);
        }
    }

    // Sites with a saved origin first, so the automatic rows can start below them.
    qreal savedBottom = 0;
    bool anySaved = false;
    for (const TopologyDevice &device : snapshot.devices) {
        if (device.position) {
            savedBottom = anySaved ? qMax(savedBottom, device.position->y()) : device.position->y();
            anySaved = true;
        }
    }
    for (const QString &id : std::as_const(order)) {
        const SiteGroup &group = groups[id];
        if (group.origin) {
            const qreal bottom = group.origin->y() + gridSize(group.automatic.size()).height() + 2 * SitePadding;
            savedBottom = anySaved ? qMax(savedBottom, bottom) : bottom;
            anySaved = true;
        }
    }
    // Rows about 1.6 times as wide as the automatic sites are tall in all, so the whole map fills
    // a wide screen instead of a narrow column.
    qreal area = 0;
    for (const QString &id : std::as_const(order)) {
        const SiteGroup &group = groups[id];
        if (!group.origin) {
            const QSizeF grid = gridSize(group.automatic.size());
            area += (grid.width() + 2 * SitePadding + SiteGap) * (grid.height() + 2 * SitePadding + SiteGap);
        }
    }
    const qreal rowWidth = qMax(RowWidth, std::sqrt(area * 1.6));
    QPointF cursor(0, anySaved ? savedBottom + Footprint + SiteGap : 0);
    qreal rowHeight = 0;

    for (const QString &id : std::as_const(order)) {
        SiteGroup &group = groups[id];
        std::sort(group.automatic.begin(), group.automatic.end(),
                  [](const TopologyDevice *a, const TopologyDevice *b) { return a->id < b->id; });
        const QSizeF grid = gridSize(group.automatic.size());
        QPointF origin;
        if (group.origin) {
            origin = *group.origin;
        } else {
            if (cursor.x() > 0 && cursor.x() + grid.width() > rowWidth) {
                cursor = QPointF(0, cursor.y() + rowHeight + SiteGap);
                rowHeight = 0;
            }
            origin = cursor;
        }
        // Cells are filled row by row; a cell taken by a saved device (or another site) is skipped,
        // and the grid grows downwards if it runs out.
        const int columns = columnsFor(group.automatic.size());
        const QPointF firstCentre = origin + QPointF(SitePadding + Cell / 2, SitePadding + Cell / 2);
        int cell = 0;
        QList<QPointF> centres;
        for (const TopologyDevice *device : std::as_const(group.automatic)) {
            QPointF centre;
            do {
                centre = firstCentre + QPointF((cell % columns) * Cell, (cell / columns) * Cell);
                ++cell;
            } while (!occupied.isFree(centre));
            occupied.add(centre);
            result.devicePositions.insert(device->id, centre);
            centres.append(centre);
        }
        for (const TopologyDevice *device : std::as_const(group.saved))
            centres.append(*device->position);
        QRectF region = regionAround(centres);
        if (region.isEmpty())
            region = QRectF(origin, QSizeF(Cell, Cell) + QSizeF(2 * SitePadding, 2 * SitePadding));
        result.siteRegions.insert(id, region);
        if (!group.origin) {
            cursor.setX(qMax(cursor.x() + grid.width() + 2 * SitePadding, region.right()) + SiteGap);
            rowHeight = qMax(rowHeight, region.bottom() - cursor.y());
        }
    }
    return result;
}

} // namespace noc
