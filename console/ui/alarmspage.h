#pragma once

#include "alarmrecord.h"
#include "maintenancewindowdialog.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QWidget>

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableView;

namespace noc {

class AcknowledgeDialog;
class AlarmDetailDialog;
class AlarmFilterProxy;
class AlarmModel;
class ApiChannel;
class MaintenanceModel;
class TrapLogModel;

// The Health & Alarms page: the engine's active alarms (filterable, multi-select acknowledge and
// unacknowledge, one alarm's history), its maintenance windows (plan one, end one now) and the trap
// log. Everything is read once per (re)connect and then kept current by the event stream: alarm
// changes update rows in place, traps are prepended. Writes go through the engine, whose answer —
// or refusal, in its own words — is shown; a 403 (or a role that cannot, per GET /api/v1/me)
// disables the actions it refused. GUI thread; owned by the main window's page stack; owns its
// channel, models and dialogs.
class AlarmsPage : public QWidget
{
    Q_OBJECT
public:
    enum Tab { AlarmsTab, MaintenanceTab, TrapLogTab };
    static constexpr int TrapLogLimit = 500;
    static constexpr int MaxIdsPerRequest = 500;

    // Takes ownership of channel.
    explicit AlarmsPage(ApiChannel *channel, QWidget *parent = nullptr);

    // Reads alarms, maintenance windows, the trap log, the topology (names) and the user's roles.
    void refresh();
    // Forgets everything shown (a new engine was chosen).
    void clear();
    // What the critical indicator leads to: major and worse that want attention, no text filter.
    void showNeedsAttention();

    AlarmModel *alarmModel() const { return m_alarms; }
    AlarmFilterProxy *alarmProxy() const { return m_proxy; }
    MaintenanceModel *maintenanceModel() const { return m_maintenance; }
    TrapLogModel *trapModel() const { return m_traps; }
    QTabWidget *tabs() const { return m_tabs; }
    QTableView *alarmView() const { return m_alarmView; }
    QTableView *maintenanceView() const { return m_maintenanceView; }
    QTableView *trapView() const { return m_trapView; }
    QComboBox *severityFilter() const { return m_severityFilter; }
    QLineEdit *textFilter() const { return m_textFilter; }
    QCheckBox *attentionFilter() const { return m_attentionFilter; }
    QCheckBox *quietFilter() const { return m_quietFilter; }
    QPushButton *acknowledgeButton() const { return m_acknowledgeButton; }
    QPushButton *unacknowledgeButton() const { return m_unacknowledgeButton; }
    QPushButton *detailButton() const { return m_detailButton; }
    QPushButton *newWindowButton() const { return m_newWindowButton; }
    QPushButton *endWindowButton() const { return m_endWindowButton; }
    QPlainTextEdit *trapDetail() const { return m_trapDetail; }
    QString alarmMessage() const;
    QString maintenanceMessage() const;
    QString trapMessage() const;
    bool canAcknowledge() const { return m_canAcknowledge; }
    bool canManageMaintenance() const { return m_canManage; }

    QList<qint64> selectedAlarmIds() const;
    // The dialogs, opened with open(); null when there is nothing to act on.
    AcknowledgeDialog *openAcknowledgeDialog();
    AlarmDetailDialog *openAlarmDetail();
    MaintenanceWindowDialog *openMaintenanceDialog();
    void unacknowledgeSelected();
    // Asks first; endWindow() does it.
    void askEndSelectedWindow();
    void endWindow(qint64 id);

Q_SIGNALS:
    // A critical or major alarm change the engine marked notify, still unhandled: look now.
    void alertRaised();

protected:
    void changeEvent(QEvent *event) override;

private:
    using Handler = std::function<void(int status, const QJsonObject &body)>;

    QWidget *buildAlarmsTab();
    QWidget *buildMaintenanceTab();
    QWidget *buildTrapTab();
    void retranslateUi();
    void request(const QByteArray &method, const QString &path, const QJsonObject &body, Handler handler);
    void onReply(const QString &requestId, int status, const QJsonObject &body);
    void onEvent(const QJsonObject &event);
    void onConnectedChanged(bool connected);
    void applyAlarmChange(const QJsonObject &event);
    void readAlarms();
    void readMaintenance();
    void readTraps();
    void readTopology();
    void readRoles();
    void sendAcknowledgement(const QByteArray &path, const QJsonObject &body, int count, bool acknowledge);
    void showResults(const QJsonObject &body, int count, bool acknowledge);
    // status 0: no answer; 403 also turns the refused actions off.
    QString errorText(int status, const QJsonObject &body) const;
    void updateActions();
    void updateTrapDetail();
    static void setMessage(QLabel *label, const QString &text, bool problem);

    ApiChannel *m_channel;
    AlarmModel *m_alarms;
    AlarmFilterProxy *m_proxy;
    MaintenanceModel *m_maintenance;
    TrapLogModel *m_traps;
    QHash<QString, Handler> m_pending;
    quint64 m_serial = 0;
    bool m_alarmsLoading = false;
    QList<QJsonObject> m_bufferedAlarmEvents;   // arrived while the alarm list was being read
    QList<MaintenanceWindowDialog::Choice> m_deviceChoices;
    QList<MaintenanceWindowDialog::Choice> m_siteChoices;
    bool m_canAcknowledge = true;
    bool m_canManage = true;

    QTabWidget *m_tabs = nullptr;
    QLabel *m_alarmMessage = nullptr;
    QLabel *m_alarmCount = nullptr;
    QComboBox *m_severityFilter = nullptr;
    QLineEdit *m_textFilter = nullptr;
    QCheckBox *m_attentionFilter = nullptr;
    QCheckBox *m_quietFilter = nullptr;
    QTableView *m_alarmView = nullptr;
    QPushButton *m_acknowledgeButton = nullptr;
    QPushButton *m_unacknowledgeButton = nullptr;
    QPushButton *m_detailButton = nullptr;
    QLabel *m_maintenanceMessage = nullptr;
    QTableView *m_maintenanceView = nullptr;
    QPushButton *m_newWindowButton = nullptr;
    QPushButton *m_endWindowButton = nullptr;
    QLabel *m_trapMessage = nullptr;
    QTableView *m_trapView = nullptr;
    QPlainTextEdit *m_trapDetail = nullptr;
    QPushButton *m_trapRefresh = nullptr;
    QLabel *m_severityLabel = nullptr;
};

} // namespace noc
