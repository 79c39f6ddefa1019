#pragma once

#include "metricseries.h"
#include "net/consolesession.h"

#include <QJsonObject>
#include <QString>
#include <QWidget>

class QButtonGroup;
class QComboBox;
class QCustomPlot;
class QFormLayout;
class QGroupBox;
class QLabel;
class QTableView;
class QToolButton;
class QTreeWidget;

namespace noc {

class InterfaceTableModel;
class MonitorTranslator;
class RequestCoalescer;

// One device in detail, reached from the topology map: who it is (name, kind, site, address,
// parents, SNMP version — never a secret), how it is now (reachability, round trip, CPU, memory,
// disks, and every interface in a table), its active alarms (GET /api/v1/monitor/alarms?device=),
// and charts of its recent metrics (GET /api/v1/monitor/metrics/<name>, the last hour, day or week):
// round-trip time, CPU and memory, and the in and out bit rates of the interface chosen. Polls
// and status reads extend the charts live; an unanswered poll is a gap in every line.
// Reads identity and state from the TopologyPage's MonitorTranslator, which it does not own;
// sends its own metrics and alarm reads. The answers' entry points (applyMetrics, applyAlarms,
// applyPoll) are public so tests can feed contract JSON.
// GUI thread; owned by TopologyPage's stack.
class DevicePage : public QWidget
{
    Q_OBJECT
public:
    enum class Range { Hour, Day, Week };
    Q_ENUM(Range)

    DevicePage(ConsoleSession *session, const MonitorTranslator *translator, QWidget *parent = nullptr);
    ~DevicePage() override;

    // Shows a device ("" leaves it: reads stop, the charts are cleared).
    void showDevice(const QString &deviceId);
    QString deviceId() const { return m_deviceId; }
    QString lastDeviceId() const { return m_lastDeviceId; }
    void setRange(Range range);
    Range range() const { return m_range; }
    static qint64 rangeSeconds(Range range);

    // Called by TopologyPage when the translator has news of this device.
    void refreshIdentity();
    void stateChanged(bool fromStatusRead);
    void alarmsChanged();

    // The answers' entry points.
    void applyMetrics(const QJsonObject &answer);
    void applyAlarms(const QJsonObject &answer);
    void applyPoll(const QJsonObject &event);

    InterfaceTableModel *interfaceModel() const { return m_interfaces; }
    const MetricSeries &series() const { return m_series; }
    QCustomPlot *roundTripPlot() const { return m_roundTripPlot; }
    QCustomPlot *loadPlot() const { return m_loadPlot; }
    QCustomPlot *trafficPlot() const { return m_trafficPlot; }
    QComboBox *interfaceSelector() const { return m_interfaceSelector; }
    QTreeWidget *alarmList() const { return m_alarms; }
    QString titleText() const;
    QString stateText() const;     // the "now" figures in one line, for tests and screen readers
    QString chartMessage() const;

Q_SIGNALS:
    void backRequested();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void onApiReply(const QString &requestId, int status, const QJsonObject &body);
    void readMetrics();
    void readAlarms();
    bool connected() const;
    void updateState();
    void updateInterfaceSelector();
    void redrawCharts();
    void setChartMessage(const QString &message);

    ConsoleSession *m_session;
    const MonitorTranslator *m_translator;
    InterfaceTableModel *m_interfaces;
    RequestCoalescer *m_alarmReads;
    MetricSeries m_series;
    QString m_deviceId;
    QString m_lastDeviceId;
    Range m_range = Range::Day;
    bool m_wasConnected = false;
    quint64 m_serial = 0;
    QString m_pendingMetrics;
    QString m_pendingAlarms;

    QToolButton *m_back = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_statusLine = nullptr;
    QGroupBox *m_identityBox = nullptr;
    QFormLayout *m_identityForm = nullptr;
    QLabel *m_kind = nullptr;
    QLabel *m_site = nullptr;
    QLabel *m_address = nullptr;
    QLabel *m_parents = nullptr;
    QLabel *m_snmp = nullptr;
    QGroupBox *m_stateBox = nullptr;
    QFormLayout *m_stateForm = nullptr;
    QLabel *m_reachability = nullptr;
    QLabel *m_roundTrip = nullptr;
    QLabel *m_cpu = nullptr;
    QLabel *m_memory = nullptr;
    QLabel *m_disks = nullptr;
    QLabel *m_lastPolled = nullptr;
    QGroupBox *m_alarmsBox = nullptr;
    QTreeWidget *m_alarms = nullptr;
    QGroupBox *m_interfacesBox = nullptr;
    QTableView *m_interfaceView = nullptr;
    QGroupBox *m_chartsBox = nullptr;
    QButtonGroup *m_rangeButtons = nullptr;
    QLabel *m_chartMessage = nullptr;
    QCustomPlot *m_roundTripPlot = nullptr;
    QCustomPlot *m_loadPlot = nullptr;
    QCustomPlot *m_trafficPlot = nullptr;
    QLabel *m_interfaceLabel = nullptr;
    QComboBox *m_interfaceSelector = nullptr;
    QString m_chartMessageText;
};

} // namespace noc
