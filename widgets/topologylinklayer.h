#pragma once

#include "topologysnapshot.h"
#include "topologystyle.h"

#include <QGraphicsItem>
#include <QHash>
#include <QLineF>
#include <QList>

#include <array>

namespace noc {

// Every link of the map in one item, drawn as one drawLines() call per utilisation band, rather
// than 2,000 line items each costing an index lookup, a bounding rectangle and painter set-up per
// frame (chosen by design; the bench does not compare the two). Links are kept per band in
// ready-made line arrays that are rebuilt only after a change, never while painting an unchanged
// map; a change repaints just the changed link's rectangle. GUI thread; owned by the scene.
class TopologyLinkLayer : public QGraphicsItem
{
public:
    enum { Type = UserType + 602 };
    using Band = TopologyStyle::UtilisationBand;

    TopologyLinkLayer() = default;

    int type() const override { return Type; }
    QRectF boundingRect() const override { return m_bounds; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    // Links whose ends are not both in endpoints are left out (the API may list a link before its device).
    void setLinks(const QList<TopologyLink> &links, const QHash<QString, QPointF> &endpoints);
    bool setUtilisation(const LinkUtilisationUpdate &change);   // false: no such link
    void moveEndpoint(const QString &deviceId, QPointF centre);

    // Antialiased links cost more than everything else on the map together (bench_topologymap:
    // 1,000 devices and 2,000 links went from ~15 ms to ~80 ms a frame), so links are drawn aliased
    // unless asked; the devices keep the view's antialiasing.
    void setAntialiased(bool antialiased);
    bool isAntialiased() const { return m_antialiased; }

    qsizetype linkCount() const { return m_links.size(); }
    bool contains(const QString &linkId) const { return m_indexById.contains(linkId); }
    Band band(const QString &linkId) const;
    std::optional<double> utilisation(const QString &linkId) const;
    QLineF line(const QString &linkId) const;

private:
    struct Link
    {
        TopologyLink data;
        QLineF line;
        Band band = Band::Unknown;
    };
    static QRectF rectOf(const QLineF &line);
    void markDirty();
    void rebuildBands();

    QList<Link> m_links;
    QHash<QString, qsizetype> m_indexById;
    QHash<QString, QList<qsizetype>> m_linksByDevice;
    std::array<QList<QLineF>, TopologyStyle::UtilisationBandCount> m_lines;   // reused, capacity kept
    QRectF m_bounds;
    bool m_dirty = true;
    bool m_antialiased = false;
};

} // namespace noc
