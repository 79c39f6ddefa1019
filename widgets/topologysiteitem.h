#pragma once

#include <QGraphicsItem>
#include <QStaticText>

namespace noc {

// A site on the topology map: a pale rounded region behind its devices with the site's name in its
// top-left corner (left out when zoomed too far out to read). GUI thread; owned by the scene.
class TopologySiteItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 603 };

    TopologySiteItem(const QString &siteId, const QString &name, const QRectF &region);

    int type() const override { return Type; }
    QRectF boundingRect() const override { return m_region; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    QString siteId() const { return m_siteId; }
    QString name() const { return m_name; }
    QRectF region() const { return m_region; }
    void setRegion(const QRectF &region);

private:
    QString m_siteId;
    QString m_name;
    QRectF m_region;
    QStaticText m_title;
};

} // namespace noc
