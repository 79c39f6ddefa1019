#include "topologyglyphs.h"

#include <array>

namespace noc::TopologyGlyphs {

namespace {

QPainterPath router()
{
    // Four arrows out from the centre: the usual router symbol.
    QPainterPath p;
    p.moveTo(-8, 0); p.lineTo(8, 0);
    p.moveTo(0, -8); p.lineTo(0, 8);
    p.moveTo(5, -3); p.lineTo(8, 0); p.lineTo(5, 3);
    p.moveTo(-5, -3); p.lineTo(-8, 0); p.lineTo(-5, 3);
    p.moveTo(-3, 5); p.lineTo(0, 8); p.lineTo(3, 5);
    p.moveTo(-3, -5); p.lineTo(0, -8); p.lineTo(3, -5);
    return p;
}

QPainterPath switchGlyph()
{
    QPainterPath p;
    p.moveTo(-8, -3); p.lineTo(8, -3); p.moveTo(5, -6); p.lineTo(8, -3); p.lineTo(5, 0);
    p.moveTo(8, 3); p.lineTo(-8, 3); p.moveTo(-5, 0); p.lineTo(-8, 3); p.lineTo(-5, 6);
    return p;
}

QPainterPath firewall()
{
    QPainterPath p;
    p.addRect(-8, -7, 16, 14);
    p.moveTo(-8, 0); p.lineTo(8, 0);
    p.moveTo(0, -7); p.lineTo(0, 0);
    p.moveTo(-4, 0); p.lineTo(-4, 7);
    p.moveTo(4, 0); p.lineTo(4, 7);
    return p;
}

QPainterPath loadBalancer()
{
    QPainterPath p;
    p.moveTo(-8, 0); p.lineTo(-2, 0);
    p.moveTo(-2, 0); p.lineTo(8, -6);
    p.moveTo(-2, 0); p.lineTo(8, 0);
    p.moveTo(-2, 0); p.lineTo(8, 6);
    return p;
}

QPainterPath server()
{
    QPainterPath p;
    p.addRect(-7, -8, 14, 5);
    p.addRect(-7, -2, 14, 5);
    p.addRect(-7, 4, 14, 4);
    return p;
}

QPainterPath nameserver()
{
    // A globe: the name system.
    QPainterPath p;
    p.addEllipse(QPointF(0, 0), 8, 8);
    p.addEllipse(QPointF(0, 0), 3.5, 8);
    p.moveTo(-8, 0); p.lineTo(8, 0);
    return p;
}

QPainterPath registryNode()
{
    // A stack of discs: the database the registry is.
    QPainterPath p;
    p.addEllipse(QPointF(0, -5), 7, 3);
    p.moveTo(-7, -5); p.lineTo(-7, 5);
    p.moveTo(7, -5); p.lineTo(7, 5);
    p.moveTo(-7, 5); p.arcTo(-7, 2, 14, 6, 180, 180);
    p.moveTo(-7, 0); p.arcTo(-7, -3, 14, 6, 180, 180);
    return p;
}

QPainterPath other()
{
    QPainterPath p;
    p.addRect(-6, -6, 12, 12);
    return p;
}

} // namespace

const QPainterPath &kind(DeviceKind kind)
{
    static const std::array<QPainterPath, 8> paths = {router(), switchGlyph(), firewall(), loadBalancer(),
                                                      server(), nameserver(), registryNode(), other()};
    const auto index = size_t(kind);
    return index < paths.size() ? paths[index] : paths.back();
}

const QPainterPath &acknowledged()
{
    static const QPainterPath p = [] {
        QPainterPath path;
        path.moveTo(-3.5, 0); path.lineTo(-1, 2.5); path.lineTo(3.5, -2.5);
        return path;
    }();
    return p;
}

const QPainterPath &maintenance()
{
    static const QPainterPath p = [] {
        QPainterPath path;
        path.moveTo(-3.5, 3.5); path.lineTo(1, -1);
        path.addEllipse(QPointF(2, -2), 1.8, 1.8);
        return path;
    }();
    return p;
}

const QPainterPath &stale()
{
    static const QPainterPath p = [] {
        QPainterPath path;
        path.addEllipse(QPointF(0, 0), 3.5, 3.5);
        path.moveTo(0, 0); path.lineTo(0, -2.5);
        path.moveTo(0, 0); path.lineTo(2, 0);
        return path;
    }();
    return p;
}

const QPainterPath &down()
{
    static const QPainterPath p = [] {
        QPainterPath path;
        path.moveTo(-13, -13); path.lineTo(13, 13);
        path.moveTo(13, -13); path.lineTo(-13, 13);
        return path;
    }();
    return p;
}

} // namespace noc::TopologyGlyphs
