#pragma once

#include "monitortranslator.h"
#include "net/consolesession.h"

#include <QHash>
#include <QJsonObject>
#include <QPointF>
#include <QString>
#include <QWidget>

class QLabel;
class QStackedWidget;
class QTimer;
class QToolButton;

namespace noc {

class DevicePage;
class LayoutSaver;
class RequestCoalescer;
class TopologyMapView;

// The Topology page: the live map of the monitored network, and the device page it drills down
// to (Enter or a double-click on a device; Back, Alt+Left or Escape returns to the map, as in a
// browser). Reads the inventory (GET /api/v1/monitor/topology) and the state of every device and
// link (GET /api/v1/monitor/status) after each (re)connect, on Refresh, when a poll or status names
// a device or link the inventory did not have, and every minute while connected (the engine's stale
// verdicts move on even when nothing is pushed). Between reads, monitor.poll events recolour
// devices and links at once, and alarm events ask for a status read, coalesced so that a storm of
// alarms costs at most two reads a second. Dragged devices are saved as the layout, debounced; a
// refused save is said and the positions stay. A strip above the map counts devices by state.
// Network answers arrive through applyTopology/applyStatus/applyEvent/applyLayoutAnswer, which
// tests call directly with contract JSON.
// GUI thread; owned by the main window's page stack; owns the map, the device page and the translator.
class TopologyPage : public QWidget
{
    Q_OBJECT
public:
    static constexpr int StatusReadGapMsecs = 500;
    static constexpr int TopologyReadGapMsecs = 5000;
    static constexpr int PeriodicStatusMsecs = 60000;

    explicit TopologyPage(ConsoleSession *session, QWidget *parent = nullptr);
    ~TopologyPage() override;

    TopologyMapView *map() const { return m_map; }
    DevicePage *devicePage() const { return m_device; }
    const MonitorTranslator &translator() const { return m_translator; }
    RequestCoalescer *statusReads() const { return m_statusReads; }
    RequestCoalescer *topologyReads() const { return m_topologyReads; }
    LayoutSaver *layoutSaver() const { return m_layout; }

    // Reads the inventory and then the status now (the Refresh button).
    void refresh();
    void showDevice(const QString &deviceId);
    void showMap();
    bool isShowingDevice() const;

    // The answers' entry points.
    void applyTopology(const QJsonObject &topology);
    void applyStatus(const QJsonObject &status);
    void applyEvent(const QJsonObject &event);
    void applyLayoutAnswer(int httpStatus, const QJsonObject &body);

    QString summaryText() const;   // "12 up · 1 with alarms · 1 down · 3 unknown · 2 stale"
    QString messageText() const;   // the newest problem in words; "" when all is well

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void retranslateUi();
    void onStateChanged(ConsoleSession::State state);
    void onApiReply(const QString &requestId, int status, const QJsonObject &body);
    void onDevicesMoved(const QHash<QString, QPointF> &positions);
    void readTopology();
    void readStatus();
    void apply(const MonitorTranslator::Updates &updates);
    void updateSummary();
    enum class Problem { None, NotConnected, Topology, Status, Layout };
    void setMessage(Problem problem, const QString &message);
    void clearMessage(Problem problem);   // only if the message shown is about that
    QString nextRequestId(const QString &kind);

    ConsoleSession *m_session;
    MonitorTranslator m_translator;
    QStackedWidget *m_stack;
    TopologyMapView *m_map;
    DevicePage *m_device;
    RequestCoalescer *m_statusReads;
    RequestCoalescer *m_topologyReads;
    LayoutSaver *m_layout;
    QTimer *m_periodic;

    QToolButton *m_refresh = nullptr;
    QToolButton *m_fit = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_updated = nullptr;
    QLabel *m_message = nullptr;

    bool m_connected = false;
    quint64 m_serial = 0;
    QString m_pendingTopology;
    QString m_pendingStatus;
    QString m_pendingLayout;
    QString m_messageText;
    Problem m_problem = Problem::None;
    QDateTime m_statusAt;
    // Devices dragged in this session: a re-read inventory keeps them where the operator put them,
    // even before (or without) the layout being saved.
    QHash<QString, QPointF> m_draggedPositions;
};

} // namespace noc
