#pragma once

#include "dnsstatistics.h"
#include "net/consolesession.h"

#include <QJsonObject>
#include <QString>
#include <QWidget>

class QCustomPlot;
class QGroupBox;
class QLabel;
class QTabWidget;
class QTableView;

namespace noc {

class DnsZoneModel;
class StatisticsPoller;

// The DNS page: the engine's authoritative DNS server at work. While the page is visible and the
// session connected it polls GET /api/v1/dns/statistics (asynchronously, one request at a time)
// and charts, over a rolling window, queries per second (total, UDP, TCP), answers per second by
// response code and the referral, truncation and rate-limiting rates, computed by DnsRateTracker
// from successive snapshots; below, the published zones. A 503 (DNS service not running), a
// refusal or a lost connection is said in words; the charts keep what they had.
// GUI thread; owned by the main window's page stack; owns its model and charts.
class DnsPage : public QWidget
{
    Q_OBJECT
public:
    static constexpr int DefaultPollIntervalMsecs = 5000;

    enum class Status {
        Disconnected,   // no engine: nothing to poll
        Waiting,        // connected, no answer yet
        Live,           // the newest answer had statistics
        NotRunning,     // the engine answered 503: its DNS service is not running
        Failed,         // any other refusal or a network error
    };
    Q_ENUM(Status)

    explicit DnsPage(ConsoleSession *session, QWidget *parent = nullptr);

    void setPollInterval(int msecs);
    int pollInterval() const;
    bool isPolling() const;
    // Asks for statistics now, unless a request is already on its way or the session is down.
    void refresh();
    // Forgets every sample and rate (a new engine was chosen).
    void clear();

    Status status() const { return m_status; }
    QString messageText() const { return m_messageText; }
    DnsZoneModel *zoneModel() const { return m_zones; }
    const DnsRateTracker &rates() const { return m_rates; }
    QCustomPlot *queriesPlot() const { return m_queriesPlot; }
    QCustomPlot *responsesPlot() const { return m_responsesPlot; }
    QCustomPlot *eventsPlot() const { return m_eventsPlot; }
    int samplesReceived() const { return m_samples; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void onConnectedChanged(bool connected);
    void onStatistics(const QJsonObject &body);
    void onFailed(int status, const QString &message);
    void addSample(const DnsStatisticsSample &sample);
    void redrawCharts();
    void updateSummary();
    void setStatus(Status status, const QString &detail = {});
    void showMessage();

    DnsZoneModel *m_zones;
    DnsRateTracker m_rates;
    StatisticsPoller *m_poller;

    QLabel *m_message = nullptr;
    QWidget *m_content = nullptr;   // figures, charts and zones: shown once there is a sample
    QList<QLabel *> m_summaryCaptions;
    QLabel *m_queryRate = nullptr;
    QLabel *m_udpRate = nullptr;
    QLabel *m_tcpRate = nullptr;
    QLabel *m_queryTotal = nullptr;
    QLabel *m_referralRate = nullptr;
    QLabel *m_truncatedRate = nullptr;
    QLabel *m_droppedRate = nullptr;
    QLabel *m_updated = nullptr;
    QGroupBox *m_queriesBox = nullptr;
    QCustomPlot *m_queriesPlot = nullptr;
    QTabWidget *m_detailTabs = nullptr;
    QCustomPlot *m_responsesPlot = nullptr;
    QCustomPlot *m_eventsPlot = nullptr;
    QGroupBox *m_zonesBox = nullptr;
    QTableView *m_zonesView = nullptr;
    QLabel *m_noZones = nullptr;

    Status m_status = Status::Disconnected;
    QString m_detail;               // the engine's words for NotRunning and Failed
    QString m_messageText;
    int m_samples = 0;
};

} // namespace noc
