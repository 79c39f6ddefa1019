#pragma once

#include "topologystyle.h"

#include <QList>
#include <QWidget>

namespace noc {

// The key to the topology map's colours, floating over the map's corner: link utilisation bands
// (unknown drawn dashed) and device statuses including stale. A child of the view rather than part
// of the scene, so panning and zooming never redraw it. Retranslates itself.
// GUI thread; owned by its TopologyMapView.
class TopologyLegend : public QWidget
{
    Q_OBJECT
public:
    struct Section
    {
        QString title;
        QList<TopologyStyle::LegendEntry> entries;
        bool lines = false;   // entries are links (a line swatch) rather than devices (a disc)
    };

    explicit TopologyLegend(QWidget *parent = nullptr);

    const QList<Section> &sections() const { return m_sections; }
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QList<Section> m_sections;
};

} // namespace noc
