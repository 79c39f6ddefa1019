#pragma once

#include "topologysnapshot.h"

#include <QGraphicsItem>
#include <QStaticText>

namespace noc {

// One device on the topology map: a disc filled with its status colour (grey when stale), its kind
// as a white glyph, badges for acknowledged, in maintenance and stale, and its name below when the
// map is zoomed in far enough to read it. Draws from shared pens and a prepared label, so a repaint
// allocates nothing. Movable; it tells its TopologyScene when it moves.
// GUI thread; owned by the scene.
class TopologyDeviceItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 601 };

    explicit TopologyDeviceItem(const TopologyDevice &device);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    const TopologyDevice &device() const { return m_device; }
    QString deviceId() const { return m_device.id; }
    bool isStale() const { return m_stale; }

    // Returns whether anything visible changed (and schedules a repaint of this item only then).
    bool setState(const DeviceStatusUpdate &state, bool stale);
    bool setStale(bool stale);
    void setCurrent(bool current);   // the keyboard's current device: drawn with a focus ring
    bool isCurrent() const { return m_current; }

    // "gw-ams-1, router, down, acknowledged" — for screen readers and the status line.
    QString accessibleDescription() const;

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;

private:
    void refreshToolTip();

    TopologyDevice m_device;
    QStaticText m_label;
    bool m_stale = false;
    bool m_current = false;
};

} // namespace noc
