#include "topologydeviceitem.h"

#include "topologyglyphs.h"
#include "topologylayout.h"
#include "topologyscene.h"
#include "topologystyle.h"

#include <QFontMetricsF>
#include <QLocale>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace noc {

namespace {
constexpr qreal Radius = TopologyLayout::NodeRadius;
constexpr qreal BadgeRadius = 7.0;
constexpr qreal LabelWidth = 88.0;   // under TopologyLayout::Cell, so neighbours' labels never overlap
constexpr qreal LabelTop = Radius + 3.0;
constexpr qreal LabelHeight = 14.0;
constexpr qreal NoDetailBelow = 0.3;   // a disc is a few pixels wide: colour only
constexpr qreal NoLabelBelow = 0.7;    // labels would be unreadable and are the costliest part

const QFont &labelFont()
{
    static const QFont font = [] {
        QFont f;
        f.setPixelSize(10);
        return f;
    }();
    return font;
}

struct Pens
{
    QPen outline{QColor(0, 0, 0, 150), 1.0};
    QPen glyph{Qt::white, 1.6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin};
    QPen badgeGlyph{Qt::white, 1.3, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin};
    QPen downCross{QColor(0, 0, 0, 200), 3.0, Qt::SolidLine, Qt::RoundCap};
    QPen unreachableOutline{QColor(0, 0, 0, 200), 2.0, Qt::DashLine};
    QPen focus{QColor(0x15, 0x65, 0xc0), 3.0};
    QPen label{QColor(0x21, 0x21, 0x21)};
    QBrush ackBadge{QColor(0x15, 0x65, 0xc0)};
    QBrush maintenanceBadge{QColor(0x45, 0x5a, 0x64)};
    QBrush staleBadge{QColor(0x21, 0x21, 0x21)};
    Pens()
    {
        outline.setCosmetic(true);
        focus.setCosmetic(true);
    }
};

const Pens &pens()
{
    static const Pens all;
    return all;
}

void drawBadge(QPainter *painter, QPointF centre, const QBrush &brush, const QPainterPath &glyph)
{
    const Pens &p = pens();
    painter->setPen(p.outline);
    painter->setBrush(brush);
    painter->drawEllipse(centre, BadgeRadius, BadgeRadius);
    painter->setPen(p.badgeGlyph);
    painter->setBrush(Qt::NoBrush);
    painter->translate(centre);
    painter->drawPath(glyph);
    painter->translate(-centre);
}

} // namespace

TopologyDeviceItem::TopologyDeviceItem(const TopologyDevice &device)
    : m_device(device)
{
    setFlags(ItemIsMovable | ItemIsSelectable | ItemSendsGeometryChanges);
    setAcceptHoverEvents(false);
    const QString elided = QFontMetricsF(labelFont()).elidedText(device.name, Qt::ElideMiddle, LabelWidth);
    m_label.setText(elided);
    m_label.setTextFormat(Qt::PlainText);
    m_label.prepare(QTransform(), labelFont());
    refreshToolTip();
}

QRectF TopologyDeviceItem::boundingRect() const
{
    return QRectF(-LabelWidth / 2, -Radius - 4, LabelWidth, 2 * Radius + 4 + 3 + LabelHeight + 2);
}

QPainterPath TopologyDeviceItem::shape() const
{
    QPainterPath path;
    path.addEllipse(QPointF(0, 0), Radius + 2, Radius + 2);
    return path;
}

void TopologyDeviceItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const Pens &p = pens();
    const qreal lod = option->levelOfDetailFromTransform(painter->worldTransform());
    const QBrush &fill = TopologyStyle::deviceBrush(m_device.status, m_stale);
    if (lod < NoDetailBelow) {
        // A few pixels across: antialiasing cannot be seen but would cost most of the frame.
        const bool antialiased = painter->testRenderHint(QPainter::Antialiasing);
        painter->setRenderHint(QPainter::Antialiasing, false);
        painter->setPen(Qt::NoPen);
        painter->setBrush(fill);
        painter->drawEllipse(QPointF(0, 0), Radius, Radius);
        painter->setRenderHint(QPainter::Antialiasing, antialiased);
        return;
    }
    const bool unreachable = !m_stale && m_device.status == DeviceStatus::Unreachable;
    painter->setPen(unreachable ? p.unreachableOutline : p.outline);
    painter->setBrush(fill);
    painter->drawEllipse(QPointF(0, 0), Radius, Radius);
    painter->setBrush(Qt::NoBrush);
    painter->setPen(p.glyph);
    painter->drawPath(TopologyGlyphs::kind(m_device.kind));
    if (!m_stale && m_device.status == DeviceStatus::Down) {
        painter->setPen(p.downCross);
        painter->drawPath(TopologyGlyphs::down());
    }
    if (m_current || isSelected()) {
        painter->setPen(p.focus);
        painter->drawEllipse(QPointF(0, 0), Radius + 3, Radius + 3);
    }
    if (m_device.acknowledged)
        drawBadge(painter, QPointF(Radius * 0.8, -Radius * 0.8), p.ackBadge, TopologyGlyphs::acknowledged());
    if (m_device.inMaintenance)
        drawBadge(painter, QPointF(-Radius * 0.8, -Radius * 0.8), p.maintenanceBadge, TopologyGlyphs::maintenance());
    if (m_stale)
        drawBadge(painter, QPointF(Radius * 0.8, Radius * 0.8), p.staleBadge, TopologyGlyphs::stale());
    if (lod >= NoLabelBelow) {
        painter->setPen(p.label);
        painter->setFont(labelFont());
        const QSizeF size = m_label.size();
        painter->drawStaticText(QPointF(-size.width() / 2, LabelTop), m_label);
    }
}

bool TopologyDeviceItem::setState(const DeviceStatusUpdate &state, bool stale)
{
    const bool visible = state.status != m_device.status || state.acknowledged != m_device.acknowledged
        || state.inMaintenance != m_device.inMaintenance || stale != m_stale;
    const bool described = visible || state.cause != m_device.cause || state.lastPolled != m_device.lastPolled;
    m_device.status = state.status;
    m_device.cause = state.cause;
    m_device.acknowledged = state.acknowledged;
    m_device.inMaintenance = state.inMaintenance;
    m_device.lastPolled = state.lastPolled;
    m_device.stale = state.stale;
    m_stale = stale;
    if (described)
        refreshToolTip();
    if (visible)
        update();
    return visible;
}

bool TopologyDeviceItem::setStale(bool stale)
{
    if (stale == m_stale)
        return false;
    m_stale = stale;
    refreshToolTip();
    update();
    return true;
}

void TopologyDeviceItem::setCurrent(bool current)
{
    if (current == m_current)
        return;
    m_current = current;
    update();
}

QString TopologyDeviceItem::accessibleDescription() const
{
    QString text = TopologyStyle::tr("%1, %2, %3")
                       .arg(m_device.name, TopologyStyle::kindName(m_device.kind), TopologyStyle::statusName(m_device.status));
    if (m_stale)
        text += TopologyStyle::tr(", stale");
    if (m_device.acknowledged)
        text += TopologyStyle::tr(", acknowledged");
    if (m_device.inMaintenance)
        text += TopologyStyle::tr(", in maintenance");
    return text;
}

void TopologyDeviceItem::refreshToolTip()
{
    const QString polled = m_device.lastPolled.isValid()
        ? QLocale().toString(m_device.lastPolled.toLocalTime(), QLocale::ShortFormat)
        : TopologyStyle::tr("never");
    QString tip = TopologyStyle::tr("%1 (%2)\nStatus: %3").arg(m_device.name, TopologyStyle::kindName(m_device.kind),
                                                               TopologyStyle::statusName(m_device.status));
    if (m_stale)
        tip += u'\n' + TopologyStyle::tr("Stale: not polled recently; the status may be out of date");
    if (!m_device.cause.isEmpty())
        tip += u'\n' + TopologyStyle::tr("Cause: %1").arg(m_device.cause);
    if (m_device.acknowledged)
        tip += u'\n' + TopologyStyle::tr("Acknowledged");
    if (m_device.inMaintenance)
        tip += u'\n' + TopologyStyle::tr("In maintenance");
    tip += u'\n' + TopologyStyle::tr("Last polled: %1").arg(polled);
    setToolTip(tip);
}

QVariant TopologyDeviceItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemPositionHasChanged) {
        if (auto *topology = qobject_cast<TopologyScene *>(scene()))
            topology->deviceItemMoved(this);
    }
    return QGraphicsItem::itemChange(change, value);
}

} // namespace noc
