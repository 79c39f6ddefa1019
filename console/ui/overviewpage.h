#pragma once

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QTimer>
#include <QWidget>

class QGroupBox;
class QLabel;
class QTableView;

namespace noc {

class EventLogModel;
class ServiceStatusModel;

// The Overview page: what the connected engine says about itself — version, site, uptime, journal
// head — its services, and the recent event stream. Everything shown came from the engine; before
// the first status it says so instead of showing placeholders that look like data. Uptime ticks
// locally from the last status (no polling); while the link is not live the page freezes and says
// "last known".
// GUI thread; owned by the main window's page stack; owns its two models.
class OverviewPage : public QWidget
{
    Q_OBJECT
public:
    explicit OverviewPage(QWidget *parent = nullptr);

    ServiceStatusModel *serviceModel() const { return m_services; }
    EventLogModel *eventModel() const { return m_events; }

    void applyStatus(const QJsonObject &status);
    void applyEvent(const QJsonObject &event);
    // live=false freezes the uptime and marks every value as the last known state.
    void setLive(bool live);
    bool isLive() const { return m_live; }
    void clear();

    QString versionText() const;
    QString uptimeText() const;
    QString journalHeadText() const;

    static QString formatUptime(qint64 seconds);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateUptime();
    void updateJournal();
    void updateFreshness();

    ServiceStatusModel *m_services = nullptr;
    EventLogModel *m_events = nullptr;

    QGroupBox *m_engineBox = nullptr;
    QGroupBox *m_servicesBox = nullptr;
    QGroupBox *m_eventsBox = nullptr;
    QLabel *m_freshness = nullptr;
    QLabel *m_versionLabel = nullptr;
    QLabel *m_siteLabel = nullptr;
    QLabel *m_startedLabel = nullptr;
    QLabel *m_uptimeLabel = nullptr;
    QLabel *m_journalLabel = nullptr;
    QLabel *m_journalTimeLabel = nullptr;
    QLabel *m_hashLabel = nullptr;
    QLabel *m_version = nullptr;
    QLabel *m_site = nullptr;
    QLabel *m_started = nullptr;
    QLabel *m_uptime = nullptr;
    QLabel *m_journal = nullptr;
    QLabel *m_journalTimeValue = nullptr;
    QLabel *m_hashValue = nullptr;
    QTableView *m_serviceView = nullptr;
    QTableView *m_eventView = nullptr;

    bool m_haveStatus = false;
    bool m_live = false;
    QString m_versionValue;
    QString m_siteValue;
    QDateTime m_startedAt;
    qint64 m_uptimeAtStatus = 0;
    QElapsedTimer m_sinceStatus;
    qint64 m_frozenUptime = -1;
    qint64 m_journalHead = -1;
    QString m_journalHash;
    QDateTime m_journalTime;
    QDateTime m_lastUpdate;
    QTimer m_tick;
};

} // namespace noc
