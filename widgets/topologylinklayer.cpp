#include "topologylinklayer.h"

#include <QPainter>

namespace noc {

namespace {
constexpr qreal PenMargin = 4.0;   // covers the cosmetic pen at any zoom down to 0.5
}

void TopologyLinkLayer::setLinks(const QList<TopologyLink> &links, const QHash<QString, QPointF> &endpoints)
{
    prepareGeometryChange();
    m_links.clear();
    m_indexById.clear();
    m_linksByDevice.clear();
    m_bounds = QRectF();
    for (const TopologyLink &link : links) {
        const auto from = endpoints.constFind(link.fromDeviceId);
        const auto to = endpoints.constFind(link.toDeviceId);
        if (from == endpoints.cend() || to == endpoints.cend() || m_indexById.contains(link.id))
            continue;
        const qsizetype index = m_links.size();
        const QLineF line(from.value(), to.value());
        m_links.append({link, line, TopologyStyle::band(link.utilisationPercent)});
        m_indexById.insert(link.id, index);
        m_linksByDevice[link.fromDeviceId].append(index);
        m_linksByDevice[link.toDeviceId].append(index);
        m_bounds |= rectOf(line);
    }
    markDirty();
}

bool TopologyLinkLayer::setUtilisation(const LinkUtilisationUpdate &change)
{
    const auto it = m_indexById.constFind(change.linkId);
    if (it == m_indexById.cend())
        return false;
    Link &link = m_links[it.value()];
    link.data.utilisationPercent = change.utilisationPercent;
    const Band band = TopologyStyle::band(change.utilisationPercent);
    if (band != link.band) {
        link.band = band;
        m_dirty = true;
        update(rectOf(link.line));
    }
    return true;
}

void TopologyLinkLayer::moveEndpoint(const QString &deviceId, QPointF centre)
{
    const auto it = m_linksByDevice.constFind(deviceId);
    if (it == m_linksByDevice.cend())
        return;
    QRectF grown = m_bounds;
    for (qsizetype index : it.value()) {
        Link &link = m_links[index];
        update(rectOf(link.line));
        if (link.data.fromDeviceId == deviceId)
            link.line.setP1(centre);
        if (link.data.toDeviceId == deviceId)
            link.line.setP2(centre);
        grown |= rectOf(link.line);
        update(rectOf(link.line));
    }
    if (grown != m_bounds) {
        prepareGeometryChange();
        m_bounds = grown;
    }
    m_dirty = true;
}

TopologyLinkLayer::Band TopologyLinkLayer::band(const QString &linkId) const
{
    const auto it = m_indexById.constFind(linkId);
    return it == m_indexById.cend() ? Band::Unknown : m_links[it.value()].band;
}

std::optional<double> TopologyLinkLayer::utilisation(const QString &linkId) const
{
    const auto it = m_indexById.constFind(linkId);
    return it == m_indexById.cend() ? std::nullopt : m_links[it.value()].data.utilisationPercent;
}

QLineF TopologyLinkLayer::line(const QString &linkId) const
{
    const auto it = m_indexById.constFind(linkId);
    return it == m_indexById.cend() ? QLineF() : m_links[it.value()].line;
}

QRectF TopologyLinkLayer::rectOf(const QLineF &line)
{
    return QRectF(line.p1(), line.p2()).normalized().adjusted(-PenMargin, -PenMargin, PenMargin, PenMargin);
}

void TopologyLinkLayer::markDirty()
{
    m_dirty = true;
    update();
}

void TopologyLinkLayer::rebuildBands()
{
    for (QList<QLineF> &lines : m_lines)
        lines.resize(0);   // keeps the capacity: no allocation once the map has been drawn
    for (const Link &link : std::as_const(m_links))
        m_lines[size_t(link.band)].append(link.line);
    m_dirty = false;
}

void TopologyLinkLayer::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    if (m_dirty)
        rebuildBands();
    // The view does not save painter state per item (DontSavePainterState), so put the hint back.
    const bool viewAntialiasing = painter->testRenderHint(QPainter::Antialiasing);
    painter->setRenderHint(QPainter::Antialiasing, m_antialiased);
    // Unknown (dashed grey) first, so measured links are drawn over it where they cross.
    painter->setPen(TopologyStyle::linkPen(Band::Unknown));
    painter->drawLines(m_lines[size_t(Band::Unknown)]);
    for (Band band : {Band::Low, Band::Medium, Band::High, Band::Saturated}) {
        painter->setPen(TopologyStyle::linkPen(band));
        painter->drawLines(m_lines[size_t(band)]);
    }
    painter->setRenderHint(QPainter::Antialiasing, viewAntialiasing);
}

void TopologyLinkLayer::setAntialiased(bool antialiased)
{
    if (antialiased == m_antialiased)
        return;
    m_antialiased = antialiased;
    update();
}

} // namespace noc
