#include "topologysiteitem.h"

#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace noc {

namespace {
constexpr qreal CornerRadius = 12.0;
constexpr qreal NoTitleBelow = 0.15;

const QFont &titleFont()
{
    static const QFont font = [] {
        QFont f;
        f.setPixelSize(14);
        f.setBold(true);
        return f;
    }();
    return font;
}

struct SitePens
{
    QPen border{QColor(0x90, 0xa4, 0xae), 1.0};
    QBrush fill{QColor(0xec, 0xef, 0xf1)};
    QPen title{QColor(0x37, 0x47, 0x4f)};
    SitePens() { border.setCosmetic(true); }
};

const SitePens &sitePens()
{
    static const SitePens pens;
    return pens;
}
} // namespace

TopologySiteItem::TopologySiteItem(const QString &siteId, const QString &name, const QRectF &region)
    : m_siteId(siteId)
    , m_name(name)
    , m_region(region)
{
    m_title.setText(name);
    m_title.setTextFormat(Qt::PlainText);
    m_title.prepare(QTransform(), titleFont());
    setToolTip(name);
}

void TopologySiteItem::setRegion(const QRectF &region)
{
    if (region == m_region)
        return;
    prepareGeometryChange();
    m_region = region;
}

void TopologySiteItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const SitePens &p = sitePens();
    painter->setPen(p.border);
    painter->setBrush(p.fill);
    painter->drawRoundedRect(m_region, CornerRadius, CornerRadius);
    if (option->levelOfDetailFromTransform(painter->worldTransform()) >= NoTitleBelow) {
        painter->setPen(p.title);
        painter->setFont(titleFont());
        painter->drawStaticText(m_region.topLeft() + QPointF(10, 6), m_title);
    }
}

} // namespace noc
