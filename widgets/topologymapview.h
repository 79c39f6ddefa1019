#pragma once

#include "topologysnapshot.h"

#include <QGraphicsView>
#include <QHash>

namespace noc {

class TopologyDeviceItem;
class TopologyLegend;
class TopologyScene;

// The zoomable topology map: sites, devices coloured by status, links coloured by utilisation with
// a legend in the corner. Wheel and +/- zoom, 0 fits the whole map, dragging the background pans,
// dragging a device moves it (devicesMoved carries the positions to save). Tab/Shift+Tab and the
// arrow keys move the keyboard's current device; Enter or a double-click asks for its detail page.
// The console feeds it snapshots and updates from the management API; it does no I/O itself.
// GUI thread; owns its TopologyScene.
class TopologyMapView : public QGraphicsView
{
    Q_OBJECT
public:
    explicit TopologyMapView(QWidget *parent = nullptr);
    ~TopologyMapView() override;

    TopologyScene *topologyScene() const { return m_scene; }

    void setSnapshot(const TopologySnapshot &snapshot);   // fits the map to the view afterwards
    bool applyDeviceStatus(const DeviceStatusUpdate &update);
    bool applyLinkUtilisation(const LinkUtilisationUpdate &update);

    qreal zoom() const;                 // 1.0: one scene unit per pixel
    void setZoom(qreal zoom);           // clamped to [MinZoom, MaxZoom], keeps the centre
    void zoomIn();
    void zoomOut();
    void fitAll();
    static constexpr qreal MinZoom = 0.05;
    static constexpr qreal MaxZoom = 6.0;

    QString currentDeviceId() const;
    bool setCurrentDevice(const QString &id);   // false: no such device

    TopologyLegend *legend() const { return m_legend; }

Q_SIGNALS:
    void deviceActivated(const QString &deviceId);
    void currentDeviceChanged(const QString &deviceId);
    void devicesMoved(const QHash<QString, QPointF> &positions);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    bool focusNextPrevChild(bool next) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    TopologyDeviceItem *deviceAt(const QPoint &viewportPos) const;
    void makeCurrent(TopologyDeviceItem *item);
    bool stepCurrent(int step);                       // along the reading order; false at either end
    void moveCurrentToward(Qt::Key direction);        // nearest device in that direction
    void scaleBy(qreal factor);
    void placeLegend();
    void announceCurrent(TopologyDeviceItem *item);

    TopologyScene *m_scene;
    TopologyLegend *m_legend;
    QString m_currentId;
    bool m_fitted = false;   // the last zoom was "fit all": resizing refits   // an id, not an item: a new snapshot replaces every item
};

} // namespace noc
