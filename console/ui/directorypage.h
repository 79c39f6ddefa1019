#pragma once

#include "directorystatistics.h"
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

class DirectoryClientModel;
class StatisticsPoller;

// The directory page: the engine's Whois and RDAP services at work. While the page is visible and
// the session connected it polls GET /api/v1/directory/statistics (asynchronously, one request at a
// time) and charts, over a rolling window, Whois and RDAP queries per second, refusals by the
// per-client rate limit per second and the record cache's hit ratio, computed by
// DirectoryRateTracker from successive snapshots; beside them, the busiest clients. A 503 (neither
// service running), a refusal or a lost connection is said in words; the charts keep what they had.
// GUI thread; owned by the main window's page stack; owns its model and charts.
class DirectoryPage : public QWidget
{
    Q_OBJECT
public:
    static constexpr int DefaultPollIntervalMsecs = 5000;

    enum class Status {
        Disconnected,   // no engine: nothing to poll
        Waiting,        // connected, no answer yet
        Live,           // the newest answer had statistics
        NotRunning,     // the engine answered 503: neither Whois nor RDAP runs
        Failed,         // any other refusal or a network error
    };
    Q_ENUM(Status)

    explicit DirectoryPage(ConsoleSession *session, QWidget *parent = nullptr);

    void setPollInterval(int msecs);
    int pollInterval() const;
    bool isPolling() const;
    // Asks for statistics now, unless a request is already on its way or the session is down.
    void refresh();
    // Forgets every sample and rate (a new engine was chosen).
    void clear();

    Status status() const { return m_status; }
    QString messageText() const { return m_messageText; }
    DirectoryClientModel *clientModel() const { return m_clients; }
    const DirectoryRateTracker &rates() const { return m_rates; }
    QCustomPlot *queriesPlot() const { return m_queriesPlot; }
    QCustomPlot *refusalsPlot() const { return m_refusalsPlot; }
    QCustomPlot *cachePlot() const { return m_cachePlot; }
    int samplesReceived() const { return m_samples; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void onConnectedChanged(bool connected);
    void onStatistics(const QJsonObject &body);
    void onFailed(int status, const QString &message);
    void addSample(const DirectoryStatisticsSample &sample);
    void redrawCharts();
    void updateSummary();
    void setStatus(Status status, const QString &detail = {});
    void showMessage();

    DirectoryClientModel *m_clients;
    DirectoryRateTracker m_rates;
    StatisticsPoller *m_poller;

    QLabel *m_message = nullptr;
    QWidget *m_content = nullptr;   // figures, charts and clients: shown once there is a sample
    QList<QLabel *> m_summaryCaptions;
    QLabel *m_whoisRate = nullptr;
    QLabel *m_rdapRate = nullptr;
    QLabel *m_refusedRate = nullptr;
    QLabel *m_hitRatio = nullptr;
    QLabel *m_cacheEntries = nullptr;
    QLabel *m_openConnections = nullptr;
    QLabel *m_updated = nullptr;
    QGroupBox *m_queriesBox = nullptr;
    QCustomPlot *m_queriesPlot = nullptr;
    QTabWidget *m_detailTabs = nullptr;
    QCustomPlot *m_refusalsPlot = nullptr;
    QCustomPlot *m_cachePlot = nullptr;
    QGroupBox *m_clientsBox = nullptr;
    QTableView *m_clientsView = nullptr;
    QLabel *m_noClients = nullptr;

    Status m_status = Status::Disconnected;
    QString m_detail;               // the engine's words for NotRunning and Failed
    QString m_messageText;
    int m_samples = 0;
};

} // namespace noc
