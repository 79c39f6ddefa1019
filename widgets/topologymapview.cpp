#include "topologymapview.h"

#include "topologydeviceitem.h"
#include "topologylegend.h"
#include "topologyscene.h"

#include <QAccessible>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QWheelEvent>

#include <cmath>
#include <limits>

namespace noc {

namespace {
constexpr qreal ZoomStep = 1.25;
constexpr int LegendMargin = 10;
constexpr qreal FitMargin = 20;
} // namespace

TopologyMapView::TopologyMapView(QWidget *parent)
    : QGraphicsView(parent)
    , m_scene(new TopologyScene(this))
    , m_legend(new TopologyLegend(this))
{
    setScene(m_scene);
    setDragMode(ScrollHandDrag);
    // No scroll bars: the map pans by dragging, and bars appearing and disappearing would change
    // the viewport, and with it what "fit" means, under the user's hands.
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);   // a press on a device moves the device; on the background, the map
    setTransformationAnchor(AnchorUnderMouse);
    setResizeAnchor(AnchorViewCenter);
    setFocusPolicy(Qt::StrongFocus);
    setBackgroundBrush(palette().color(QPalette::Base));
    // Antialiased discs and glyphs are cheap and legible; the links, which would cost most of the
    // frame antialiased, turn it off for themselves (TopologyLinkLayer). Items restore what
    // they change, so the view need not save the painter state around each one.
    setRenderHint(QPainter::Antialiasing);
    setOptimizationFlags(DontSavePainterState | DontAdjustForAntialiasing);
    setViewportUpdateMode(SmartViewportUpdate);
    setAccessibleName(tr("Topology map"));
    connect(m_scene, &TopologyScene::devicesMoved, this, &TopologyMapView::devicesMoved);
    placeLegend();
}

TopologyMapView::~TopologyMapView() = default;

void TopologyMapView::setSnapshot(const TopologySnapshot &snapshot)
{
    const QString current = m_currentId;
    m_currentId.clear();
    m_scene->setSnapshot(snapshot);
    if (!current.isEmpty())
        setCurrentDevice(current);
    fitAll();
}

bool TopologyMapView::applyDeviceStatus(const DeviceStatusUpdate &update)
{
    const bool known = m_scene->applyDeviceStatus(update);
    if (known && update.deviceId == m_currentId)
        announceCurrent(m_scene->deviceItem(m_currentId));
    return known;
}

bool TopologyMapView::applyLinkUtilisation(const LinkUtilisationUpdate &update)
{
    return m_scene->applyLinkUtilisation(update);
}

qreal TopologyMapView::zoom() const
{
    return transform().m11();
}

void TopologyMapView::setZoom(qreal zoom)
{
    m_fitted = false;
    const qreal clamped = qBound(MinZoom, zoom, MaxZoom);
    const ViewportAnchor anchor = transformationAnchor();
    setTransformationAnchor(AnchorViewCenter);
    setTransform(QTransform::fromScale(clamped, clamped));
    setTransformationAnchor(anchor);
}

void TopologyMapView::scaleBy(qreal factor)
{
    m_fitted = false;
    const qreal target = qBound(MinZoom, zoom() * factor, MaxZoom);
    const qreal applied = target / zoom();
    if (!qFuzzyCompare(applied, 1.0))
        scale(applied, applied);
}

void TopologyMapView::zoomIn()
{
    const ViewportAnchor anchor = transformationAnchor();
    setTransformationAnchor(AnchorViewCenter);
    scaleBy(ZoomStep);
    setTransformationAnchor(anchor);
}

void TopologyMapView::zoomOut()
{
    const ViewportAnchor anchor = transformationAnchor();
    setTransformationAnchor(AnchorViewCenter);
    scaleBy(1 / ZoomStep);
    setTransformationAnchor(anchor);
}

void TopologyMapView::fitAll()
{
    const QRectF content = m_scene->itemsBoundingRect().adjusted(-FitMargin, -FitMargin, FitMargin, FitMargin);
    if (content.isEmpty())
        return;
    fitInView(content, Qt::KeepAspectRatio);
    if (zoom() < MinZoom || zoom() > MaxZoom)
        setZoom(zoom());
    m_fitted = true;
}

QString TopologyMapView::currentDeviceId() const
{
    return m_currentId;
}

bool TopologyMapView::setCurrentDevice(const QString &id)
{
    TopologyDeviceItem *item = m_scene->deviceItem(id);
    if (!item)
        return false;
    makeCurrent(item);
    return true;
}

void TopologyMapView::makeCurrent(TopologyDeviceItem *item)
{
    if (TopologyDeviceItem *previous = m_scene->deviceItem(m_currentId))
        previous->setCurrent(false);
    m_currentId = item ? item->deviceId() : QString();
    if (!item)
        return;
    item->setCurrent(true);
    ensureVisible(item, 40, 40);
    announceCurrent(item);
    Q_EMIT currentDeviceChanged(m_currentId);
}

void TopologyMapView::announceCurrent(TopologyDeviceItem *item)
{
    // Graphics items have no accessibility interface of their own, so the view describes the
    // current device and tells assistive technology each time it changes.
    setAccessibleDescription(item ? item->accessibleDescription() : QString());
    if (QAccessible::isActive()) {
        QAccessibleEvent event(this, QAccessible::DescriptionChanged);
        QAccessible::updateAccessibility(&event);
    }
}

bool TopologyMapView::stepCurrent(int step)
{
    const QList<TopologyDeviceItem *> &order = m_scene->devicesInReadingOrder();
    if (order.isEmpty())
        return false;
    const qsizetype at = order.indexOf(m_scene->deviceItem(m_currentId));
    qsizetype next;
    if (at < 0)
        next = step > 0 ? 0 : order.size() - 1;
    else
        next = at + step;
    if (next < 0 || next >= order.size())
        return false;
    makeCurrent(order[next]);
    return true;
}

void TopologyMapView::moveCurrentToward(Qt::Key direction)
{
    TopologyDeviceItem *from = m_scene->deviceItem(m_currentId);
    if (!from) {
        stepCurrent(1);
        return;
    }
    // The nearest device inside a 90-degree cone in that direction; off-axis distance counts double
    // so "right" prefers the neighbour in the same row.
    const QPointF origin = from->pos();
    TopologyDeviceItem *best = nullptr;
    qreal bestScore = std::numeric_limits<qreal>::max();
    for (TopologyDeviceItem *item : m_scene->devicesInReadingOrder()) {
        if (item == from)
            continue;
        const QPointF d = item->pos() - origin;
        qreal along = 0, across = 0;
        switch (direction) {
        case Qt::Key_Right: along = d.x(); across = d.y(); break;
        case Qt::Key_Left: along = -d.x(); across = d.y(); break;
        case Qt::Key_Down: along = d.y(); across = d.x(); break;
        case Qt::Key_Up: along = -d.y(); across = d.x(); break;
        default: return;
        }
        if (along <= 0 || std::abs(across) > along)
            continue;
        const qreal score = along + 2 * std::abs(across);
        if (score < bestScore) {
            bestScore = score;
            best = item;
        }
    }
    if (best)
        makeCurrent(best);
}

TopologyDeviceItem *TopologyMapView::deviceAt(const QPoint &viewportPos) const
{
    for (QGraphicsItem *item : items(viewportPos)) {
        if (item->type() == TopologyDeviceItem::Type)
            return static_cast<TopologyDeviceItem *>(item);
    }
    return nullptr;
}

void TopologyMapView::wheelEvent(QWheelEvent *event)
{
    const int delta = event->angleDelta().y();
    if (delta == 0) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    scaleBy(std::pow(ZoomStep, delta / 120.0));   // anchored under the mouse
    event->accept();
}

void TopologyMapView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        break;
    case Qt::Key_Minus:
        zoomOut();
        break;
    case Qt::Key_0:
        fitAll();
        break;
    case Qt::Key_Left:
    case Qt::Key_Right:
    case Qt::Key_Up:
    case Qt::Key_Down:
        moveCurrentToward(Qt::Key(event->key()));
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (!m_currentId.isEmpty())
            Q_EMIT deviceActivated(m_currentId);
        break;
    default:
        QGraphicsView::keyPressEvent(event);
        return;
    }
    event->accept();
}

bool TopologyMapView::focusNextPrevChild(bool next)
{
    // Tab walks the devices; past the last (or before the first) it leaves the map as usual.
    if (stepCurrent(next ? 1 : -1))
        return true;
    return QGraphicsView::focusNextPrevChild(next);
}

void TopologyMapView::mousePressEvent(QMouseEvent *event)
{
    if (TopologyDeviceItem *item = deviceAt(event->position().toPoint()))
        makeCurrent(item);
    QGraphicsView::mousePressEvent(event);
}

void TopologyMapView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (TopologyDeviceItem *item = deviceAt(event->position().toPoint())) {
        makeCurrent(item);
        Q_EMIT deviceActivated(item->deviceId());
        event->accept();
        return;
    }
    QGraphicsView::mouseDoubleClickEvent(event);
}

void TopologyMapView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    if (m_fitted)
        fitAll();   // a fitted map stays fitted as the window (or the first show) sizes it
    placeLegend();
}

void TopologyMapView::changeEvent(QEvent *event)
{
    QGraphicsView::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        setAccessibleName(tr("Topology map"));
        // The legend retranslates (and resizes) on the same event; place it once it has.
        QMetaObject::invokeMethod(this, &TopologyMapView::placeLegend, Qt::QueuedConnection);
    }
}

void TopologyMapView::placeLegend()
{
    m_legend->resize(m_legend->sizeHint());
    const QRect area = viewport()->geometry();
    m_legend->move(area.left() + LegendMargin, area.bottom() - m_legend->height() - LegendMargin);
    m_legend->raise();
}

} // namespace noc
