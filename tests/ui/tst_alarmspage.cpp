#include "alarmtestdata.h"

#include "ui/acknowledgedialog.h"
#include "ui/alarmdetaildialog.h"
#include "ui/alarmfilterproxy.h"
#include "ui/alarmmodel.h"
#include "ui/alarmspage.h"
#include "ui/languagemanager.h"
#include "ui/maintenancemodel.h"
#include "ui/maintenancewindowdialog.h"
#include "ui/traplogmodel.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QTabWidget>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace alarmtest;
using noc::AcknowledgeDialog;
using noc::AlarmModel;
using noc::AlarmsPage;
using noc::MaintenanceWindowDialog;

namespace {

const QString AlarmsPath = u"/api/v1/monitor/alarms"_s;
const QString MaintenancePath = u"/api/v1/monitor/maintenance"_s;
const QString TrapsPath = u"/api/v1/monitor/traps?limit=500"_s;
const QString TopologyPath = u"/api/v1/monitor/topology"_s;

QJsonObject topology()
{
    return QJsonObject{
        {u"sites"_s, QJsonArray{QJsonObject{{u"code"_s, u"ams1"_s}, {u"name"_s, u"Amsterdam 1"_s}}}},
        {u"devices"_s, QJsonArray{QJsonObject{{u"id"_s, 17}, {u"name"_s, u"core-rtr-1"_s}, {u"site"_s, u"ams1"_s}},
                                  QJsonObject{{u"id"_s, 18}, {u"name"_s, u"ns1-ams"_s}, {u"site"_s, u"ams1"_s}}}},
        {u"links"_s, QJsonArray{}}};
}

QJsonObject window(qint64 id, const QString &title, bool active, const QString &endedAt = {})
{
    QJsonObject w{{u"id"_s, id}, {u"title"_s, title}, {u"createdBy"_s, u"bob"_s},
                  {u"createdAt"_s, u"2026-11-21T20:00:00.000Z"_s}, {u"devices"_s, QJsonArray{u"18"_s}},
                  {u"sites"_s, QJsonArray{}}, {u"recurrence"_s, u"none"_s}, {u"start"_s, u"2026-11-21T22:00:00.000Z"_s},
                  {u"end"_s, u"2030-11-22T02:00:00.000Z"_s}, {u"weekdays"_s, QJsonArray{}}, {u"activeNow"_s, active}};
    if (!endedAt.isEmpty())
        w.insert(u"endedAt"_s, endedAt);
    return w;
}

QJsonObject trap(qint64 id, const QString &oid)
{
    return QJsonObject{{u"id"_s, id}, {u"receivedAt"_s, u"2026-11-21T22:41:00.000Z"_s}, {u"source"_s, u"127.0.0.1"_s},
                       {u"device"_s, u"17"_s}, {u"version"_s, u"2c"_s}, {u"trapOid"_s, oid},
                       {u"varbinds"_s, u"1.3.6.1.2.1.2.2.1.1.2=2\n1.3.6.1.2.1.2.2.1.7.2=1"_s}, {u"inform"_s, false},
                       {u"event"_s, u"raise major if:2"_s}};
}

QJsonObject error(const QString &code, const QString &message)
{
    return QJsonObject{{u"error"_s, QJsonObject{{u"code"_s, code}, {u"message"_s, message}}}};
}

} // namespace

// The Health & Alarms page driven through an ApiChannel that records its requests and answers
// with the contract's JSON (the engine's alarm endpoints are not on main yet, so no server): what
// it reads on (re)connect, how events keep it current, what acknowledging, maintenance and the
// trap log send, and how refusals are shown.
class tst_AlarmsPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        // English plural forms ("3 alarms") come from the English catalogue, as in the app.
        QVERIFY(m_languages.applyLanguage(u"en"_s));
    }

    void init()
    {
        m_channel = new FakeApiChannel;
        m_page = std::make_unique<AlarmsPage>(m_channel);
        m_page->resize(1200, 700);
        m_page->show();
        m_alarmTester = std::make_unique<QAbstractItemModelTester>(m_page->alarmModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_proxyTester = std::make_unique<QAbstractItemModelTester>(m_page->alarmProxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_maintenanceTester = std::make_unique<QAbstractItemModelTester>(m_page->maintenanceModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_trapTester = std::make_unique<QAbstractItemModelTester>(m_page->trapModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    void cleanup()
    {
        m_alarmTester.reset();
        m_proxyTester.reset();
        m_maintenanceTester.reset();
        m_trapTester.reset();
        m_page.reset();
    }

    void saysNotConnectedAndAsksNothing()
    {
        QVERIFY(m_channel->requests.isEmpty());
        QCOMPARE(m_page->alarmMessage(), u"Connect to an engine to see its alarms."_s);
        QVERIFY(!m_page->acknowledgeButton()->isEnabled());
        QVERIFY(!m_page->newWindowButton()->isEnabled());
        QVERIFY(!m_page->openAcknowledgeDialog());
    }

    void readsEverythingOnConnect()
    {
        connectAndLoad();
        QVERIFY(m_channel->find("GET", u"/api/v1/me"_s));
        QCOMPARE(m_page->alarmModel()->rowCount(), 3);
        QCOMPARE(m_page->alarmMessage(), QString());
        // The name from the topology where the alarm has none.
        const int row = m_page->alarmModel()->rowOfId(3);
        QCOMPARE(m_page->alarmModel()->index(row, AlarmModel::DeviceColumn).data().toString(), u"ns1-ams"_s);
        QCOMPARE(m_page->maintenanceModel()->rowCount(), 1);
        QCOMPARE(m_page->trapModel()->rowCount(), 2);
        QVERIFY(m_page->newWindowButton()->isEnabled());
    }

    void showsTheEnginesErrorMessage()
    {
        m_channel->setConnected(true);
        QVERIFY(m_channel->answer("GET", AlarmsPath, 404, error(u"not_found"_s, u"no such path: /api/v1/monitor/alarms"_s)));
        QCOMPARE(m_page->alarmMessage(), u"The engine refused the request (404): no such path: /api/v1/monitor/alarms"_s);
        QVERIFY(m_channel->answer("GET", TrapsPath, 0, error(u"network"_s, u"Connection refused"_s)));
        QCOMPARE(m_page->trapMessage(), u"No answer from the engine: Connection refused"_s);
    }

    void appliesEventsThatArriveWhileTheListIsRead()
    {
        m_channel->setConnected(true);
        m_channel->push(change(u"raised"_s, alarm(8, u"critical"_s)));
        m_channel->push(change(u"cleared"_s, alarm(1, u"critical"_s)));
        QCOMPARE(m_page->alarmModel()->rowCount(), 0);   // held until the list arrives
        QVERIFY(m_channel->answer("GET", AlarmsPath, 200, alarmList({alarm(1, u"critical"_s), alarm(2, u"minor"_s)})));
        QCOMPARE(m_page->alarmModel()->rowCount(), 2);
        QVERIFY(m_page->alarmModel()->rowOfId(8) >= 0);
        QCOMPARE(m_page->alarmModel()->rowOfId(1), -1);
    }

    void rereadsAfterAReconnect()
    {
        connectAndLoad();
        m_channel->setConnected(false);
        QCOMPARE(m_page->alarmMessage(), u"Not connected: these are the last known alarms."_s);
        QCOMPARE(m_page->alarmModel()->rowCount(), 3);   // the last known state stays
        QVERIFY(!m_page->acknowledgeButton()->isEnabled());
        m_channel->requests.clear();
        m_channel->setConnected(true);
        QVERIFY(m_channel->find("GET", AlarmsPath));
        QVERIFY(m_channel->find("GET", MaintenancePath));
        QVERIFY(m_channel->find("GET", TrapsPath));
        QVERIFY(m_channel->answer("GET", AlarmsPath, 200, alarmList({alarm(2, u"major"_s)})));
        QCOMPARE(m_page->alarmModel()->rowCount(), 1);
    }

    void raisesAnAlertOnlyForNotifiedSevereChanges()
    {
        connectAndLoad();
        QSignalSpy alerts(m_page.get(), &AlarmsPage::alertRaised);
        m_channel->push(change(u"raised"_s, alarm(10, u"critical"_s), false));
        m_channel->push(change(u"raised"_s, alarm(11, u"minor"_s), true));
        QJsonObject planned = alarm(12, u"critical"_s);
        planned.insert(u"inMaintenance"_s, true);
        m_channel->push(change(u"raised"_s, planned, true));
        QCOMPARE(alerts.count(), 0);
        m_channel->push(change(u"escalated"_s, alarm(11, u"critical"_s), true));
        QCOMPARE(alerts.count(), 1);
    }

    void filterBarDrivesTheProxy()
    {
        connectAndLoad();
        m_page->severityFilter()->setCurrentIndex(m_page->severityFilter()->findData(int(noc::AlarmSeverity::Critical)));
        QCOMPARE(m_page->alarmProxy()->rowCount(), 1);
        m_page->severityFilter()->setCurrentIndex(0);
        m_page->textFilter()->setText(u"ns1"_s);
        QCOMPARE(m_page->alarmProxy()->rowCount(), 1);
        m_page->showNeedsAttention();
        QCOMPARE(m_page->textFilter()->text(), QString());
        QVERIFY(m_page->attentionFilter()->isChecked());
        QCOMPARE(m_page->alarmProxy()->minimumSeverity(), noc::AlarmSeverity::Major);
        QCOMPARE(m_page->alarmProxy()->rowCount(), 1);   // the critical one; the major one is acknowledged
    }

    void acknowledgesTheSelectionWithCommentAndExpiry()
    {
        connectAndLoad();
        m_page->alarmView()->selectAll();
        QCOMPARE(m_page->selectedAlarmIds(), (QList<qint64>{1, 2, 3}));
        QVERIFY(m_page->acknowledgeButton()->isEnabled());
        AcknowledgeDialog *dialog = m_page->openAcknowledgeDialog();
        QVERIFY(dialog);
        dialog->commentEdit()->setPlainText(u"  replacing the line card  "_s);
        dialog->expiryBox()->setCurrentIndex(dialog->expiryBox()->findData(int(AcknowledgeDialog::Expiry::FourHours)));
        const QDateTime before = QDateTime::currentDateTimeUtc();
        dialog->buttons()->button(QDialogButtonBox::Ok)->click();

        const Request *post = m_channel->find("POST", AlarmsPath + u"/acknowledge"_s);
        QVERIFY(post);
        QCOMPARE(post->body.value(u"ids"_s).toArray(), (QJsonArray{1, 2, 3}));
        QCOMPARE(post->body.value(u"comment"_s).toString(), u"replacing the line card"_s);
        const QDateTime expires = QDateTime::fromString(post->body.value(u"expiresAt"_s).toString(), Qt::ISODateWithMs);
        QVERIFY(expires >= before.addSecs(4 * 3600 - 5));
        QVERIFY(expires <= QDateTime::currentDateTimeUtc().addSecs(4 * 3600 + 5));

        const QJsonArray results{QJsonObject{{u"id"_s, 1}, {u"ok"_s, true}},
                                 QJsonObject{{u"id"_s, 2}, {u"ok"_s, false}, {u"error"_s, QJsonObject{{u"code"_s, u"not_found"_s}, {u"message"_s, u"no active alarm 2"_s}}}},
                                 QJsonObject{{u"id"_s, 3}, {u"ok"_s, true}}};
        QVERIFY(m_channel->answer("POST", AlarmsPath + u"/acknowledge"_s, 200, QJsonObject{{u"results"_s, results}}));
        QCOMPARE(m_page->alarmMessage(), u"Acknowledged 2 of 3 alarms. Not done: alarm 2: no active alarm 2"_s);
    }

    void acknowledgeWithoutExpiryOmitsIt()
    {
        connectAndLoad();
        m_page->alarmView()->selectRow(0);
        AcknowledgeDialog *dialog = m_page->openAcknowledgeDialog();
        QVERIFY(dialog);
        dialog->commentEdit()->setPlainText(u"looking"_s);
        dialog->accept();
        const Request *post = m_channel->find("POST", AlarmsPath + u"/acknowledge"_s);
        QVERIFY(post);
        QVERIFY(!post->body.contains(u"expiresAt"_s));
        QCOMPARE(post->body.value(u"ids"_s).toArray().size(), 1);
    }

    void acknowledgeDialogValidates()
    {
        AcknowledgeDialog dialog(2);
        QPushButton *ok = dialog.buttons()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled());
        QCOMPARE(dialog.problem(), u"A comment is required: say what is being done."_s);
        dialog.commentEdit()->setPlainText(u"   "_s);
        QVERIFY(!ok->isEnabled());
        dialog.commentEdit()->setPlainText(QString(501, u'x'));
        QVERIFY(!ok->isEnabled());
        dialog.commentEdit()->setPlainText(QString(500, u'x'));
        QVERIFY(ok->isEnabled());
        dialog.expiryBox()->setCurrentIndex(dialog.expiryBox()->findData(int(AcknowledgeDialog::Expiry::Custom)));
        QVERIFY(dialog.customExpiryEdit()->isEnabled());
        dialog.customExpiryEdit()->setDateTime(QDateTime::currentDateTime().addSecs(-60));
        QVERIFY(!ok->isEnabled());
        QCOMPARE(dialog.problem(), u"The expiry must lie in the future."_s);
        dialog.accept();   // refused: the dialog stays open
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        const QDateTime later = QDateTime::currentDateTime().addDays(2);
        dialog.customExpiryEdit()->setDateTime(later);
        QVERIFY(ok->isEnabled());
        QCOMPARE(dialog.expiresAt().toSecsSinceEpoch(), later.toUTC().toSecsSinceEpoch());
        dialog.expiryBox()->setCurrentIndex(0);
        QVERIFY(!dialog.expiresAt().isValid());
    }

    void unacknowledgesOnlyAcknowledgedAlarms()
    {
        connectAndLoad();
        m_page->alarmView()->selectRow(m_page->alarmProxy()->mapFromSource(m_page->alarmModel()->index(m_page->alarmModel()->rowOfId(1), 0)).row());
        QVERIFY(!m_page->unacknowledgeButton()->isEnabled());
        m_page->alarmView()->selectAll();
        QVERIFY(m_page->unacknowledgeButton()->isEnabled());
        m_page->unacknowledgeButton()->click();
        const Request *post = m_channel->find("POST", AlarmsPath + u"/unacknowledge"_s);
        QVERIFY(post);
        QCOMPARE(post->body, (QJsonObject{{u"ids"_s, QJsonArray{2}}}));
        QVERIFY(m_channel->answer("POST", AlarmsPath + u"/unacknowledge"_s, 200,
                                  QJsonObject{{u"results"_s, QJsonArray{QJsonObject{{u"id"_s, 2}, {u"ok"_s, true}}}}}));
        QCOMPARE(m_page->alarmMessage(), u"Withdrew the acknowledgement of 1 of 1 alarm."_s);
    }

    void aRefusalDisablesTheActions()
    {
        connectAndLoad();
        m_page->alarmView()->selectAll();
        AcknowledgeDialog *dialog = m_page->openAcknowledgeDialog();
        dialog->commentEdit()->setPlainText(u"mine"_s);
        dialog->accept();
        QVERIFY(m_channel->answer("POST", AlarmsPath + u"/acknowledge"_s, 403, error(u"forbidden"_s, u"your role may not do this"_s)));
        QCOMPARE(m_page->alarmMessage(), u"Not allowed for your role: your role may not do this"_s);
        QVERIFY(!m_page->canAcknowledge());
        QVERIFY(!m_page->acknowledgeButton()->isEnabled());
        QVERIFY(!m_page->openAcknowledgeDialog());
        QVERIFY(m_page->newWindowButton()->isEnabled());   // maintenance was not refused
    }

    void rolesFromTheEngineDisableActionsUpFront()
    {
        m_channel->setConnected(true);
        QVERIFY(m_channel->answer("GET", u"/api/v1/me"_s, 200, QJsonObject{{u"user"_s, u"mia"_s}, {u"roles"_s, QJsonArray{u"manager"_s}}}));
        QVERIFY(!m_page->canAcknowledge());
        QVERIFY(!m_page->canManageMaintenance());
        QVERIFY(!m_page->newWindowButton()->isEnabled());
        m_page->refresh();
        QVERIFY(m_channel->answer("GET", u"/api/v1/me"_s, 200, QJsonObject{{u"roles"_s, QJsonArray{u"helpdesk-tier1"_s}}}));
        QVERIFY(m_page->canAcknowledge());
        QVERIFY(!m_page->canManageMaintenance());
    }

    void showsOneAlarmsHistory()
    {
        connectAndLoad();
        m_page->alarmView()->selectRow(0);
        const qint64 id = m_page->selectedAlarmIds().value(0);
        noc::AlarmDetailDialog *dialog = m_page->openAlarmDetail();
        QVERIFY(dialog);
        QCOMPARE(dialog->alarmId(), id);
        QJsonObject detail = alarm(id, u"critical"_s);
        detail.insert(u"history"_s, QJsonArray{
            QJsonObject{{u"at"_s, u"2026-11-21T22:40:05.000Z"_s}, {u"kind"_s, u"raised"_s}, {u"severity"_s, u"major"_s}, {u"notified"_s, true}},
            QJsonObject{{u"at"_s, u"2026-11-21T22:42:00.000Z"_s}, {u"kind"_s, u"escalated"_s}, {u"severity"_s, u"critical"_s},
                        {u"detail"_s, u"3 polls lost"_s}, {u"notified"_s, true}},
            QJsonObject{{u"at"_s, u"2026-11-21T22:45:00.000Z"_s}, {u"kind"_s, u"acknowledged"_s}, {u"severity"_s, u"critical"_s},
                        {u"actor"_s, u"alice"_s}, {u"detail"_s, u"on it"_s}, {u"notified"_s, false}}});
        QVERIFY(m_channel->answer("GET", AlarmsPath + u'/' + QString::number(id), 200, detail));
        QCOMPARE(dialog->historyTable()->rowCount(), 3);
        QCOMPARE(dialog->historyTable()->item(1, 1)->text(), u"escalated"_s);
        QCOMPARE(dialog->historyTable()->item(2, 3)->text(), u"alice"_s);
        QCOMPARE(dialog->historyTable()->item(2, 5)->text(), u"no"_s);
        dialog->close();

        m_page->alarmView()->selectRow(0);
        dialog = m_page->openAlarmDetail();
        QVERIFY(m_channel->answer("GET", AlarmsPath + u'/' + QString::number(id), 404, error(u"not_found"_s, u"no alarm 1"_s)));
        QCOMPARE(dialog->statusText(), u"The history could not be read: The engine refused the request (404): no alarm 1"_s);
    }

    void plansAMaintenanceWindow()
    {
        connectAndLoad();
        MaintenanceWindowDialog *dialog = m_page->openMaintenanceDialog();
        QVERIFY(dialog);
        QCOMPARE(dialog->deviceList()->count(), 2);
        QCOMPARE(dialog->deviceList()->item(0)->text(), u"core-rtr-1 (ams1)"_s);
        QCOMPARE(dialog->siteList()->item(0)->text(), u"ams1 — Amsterdam 1"_s);
        QPushButton *ok = dialog->buttons()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled());
        QCOMPARE(dialog->problem(), u"Give the window a title."_s);
        dialog->titleEdit()->setText(u"Line card swap"_s);
        QCOMPARE(dialog->problem(), u"Choose at least one device or site."_s);
        dialog->deviceList()->item(0)->setCheckState(Qt::Checked);
        dialog->siteList()->item(0)->setCheckState(Qt::Checked);
        const QDateTime start = QDateTime::currentDateTime().addSecs(3600);
        dialog->startEdit()->setDateTime(start);
        dialog->endEdit()->setDateTime(start.addSecs(-60));
        QCOMPARE(dialog->problem(), u"The end must come after the start."_s);
        dialog->endEdit()->setDateTime(start.addSecs(7200));
        QVERIFY(ok->isEnabled());
        ok->click();

        const Request *post = m_channel->find("POST", MaintenancePath);
        QVERIFY(post);
        QCOMPARE(post->body.value(u"title"_s).toString(), u"Line card swap"_s);
        QCOMPARE(post->body.value(u"devices"_s).toArray(), (QJsonArray{u"17"_s}));
        QCOMPARE(post->body.value(u"sites"_s).toArray(), (QJsonArray{u"ams1"_s}));
        QCOMPARE(post->body.value(u"recurrence"_s).toString(), u"none"_s);
        QCOMPARE(QDateTime::fromString(post->body.value(u"start"_s).toString(), Qt::ISODateWithMs).toSecsSinceEpoch(),
                 start.toSecsSinceEpoch());
        QVERIFY(post->body.value(u"start"_s).toString().endsWith(u'Z'));
        QVERIFY(!post->body.contains(u"weekdays"_s));
        QVERIFY(m_channel->answer("POST", MaintenancePath, 201, window(4, u"Line card swap"_s, false)));
        QCOMPARE(m_page->maintenanceModel()->rowCount(), 2);
        QCOMPARE(m_page->maintenanceMessage(), u"Maintenance window \"Line card swap\" planned."_s);
    }

    void maintenanceDialogValidatesRecurrence()
    {
        MaintenanceWindowDialog dialog({{u"17"_s, u"core-rtr-1"_s}}, {});
        dialog.titleEdit()->setText(u"Nightly backup"_s);
        dialog.deviceList()->item(0)->setCheckState(Qt::Checked);
        dialog.recurrenceBox()->setCurrentIndex(dialog.recurrenceBox()->findData(int(noc::MaintenanceWindowRecord::Recurrence::Weekly)));
        QCOMPARE(dialog.problem(), u"Choose the weekdays the window repeats on."_s);
        dialog.weekdayBox(2)->setChecked(true);
        dialog.weekdayBox(4)->setChecked(true);
        QCOMPARE(dialog.problem(), QString());
        dialog.untilBox()->setChecked(true);
        dialog.untilEdit()->setDate(dialog.startEdit()->date().addDays(-1));
        QCOMPARE(dialog.problem(), u"The last day comes before the first."_s);
        dialog.untilEdit()->setDate(dialog.startEdit()->date().addDays(30));
        const QJsonObject body = dialog.window().toRequestJson();
        QCOMPARE(body.value(u"recurrence"_s).toString(), u"weekly"_s);
        QCOMPARE(body.value(u"weekdays"_s).toArray(), (QJsonArray{2, 4}));
        QCOMPARE(body.value(u"until"_s).toString(), dialog.startEdit()->date().addDays(30).toString(Qt::ISODate));
        // A one-off window already over is refused; a recurring one may start in the past.
        dialog.recurrenceBox()->setCurrentIndex(0);
        dialog.startEdit()->setDateTime(QDateTime::currentDateTime().addSecs(-7200));
        dialog.endEdit()->setDateTime(QDateTime::currentDateTime().addSecs(-3600));
        QCOMPARE(dialog.problem(), u"The window would already be over."_s);
    }

    void endsAWindowAfterConfirmation()
    {
        connectAndLoad();
        QCOMPARE(m_page->maintenanceModel()->index(0, noc::MaintenanceModel::StatusColumn).data().toString(), u"active now"_s);
        QCOMPARE(m_page->maintenanceModel()->index(0, noc::MaintenanceModel::ScopeColumn).data().toString(), u"ns1-ams"_s);
        m_page->tabs()->setCurrentIndex(AlarmsPage::MaintenanceTab);
        m_page->maintenanceView()->selectRow(0);
        QVERIFY(m_page->endWindowButton()->isEnabled());
        m_page->endWindowButton()->click();
        auto *box = m_page->findChild<QMessageBox *>(u"endWindowConfirmation"_s);
        QVERIFY(box);
        QVERIFY(!m_channel->find("POST", MaintenancePath + u"/3/end"_s));   // nothing before the answer
        box->button(QMessageBox::Yes)->click();
        QVERIFY(m_channel->find("POST", MaintenancePath + u"/3/end"_s));
        QVERIFY(m_channel->answer("POST", MaintenancePath + u"/3/end"_s, 200,
                                  window(3, u"DNS upgrade"_s, false, u"2026-11-21T23:00:00.000Z"_s)));
        QVERIFY(m_page->maintenanceModel()->index(0, noc::MaintenanceModel::StatusColumn).data().toString().startsWith(u"ended "_s));
        QVERIFY(!m_page->endWindowButton()->isEnabled());
        QCOMPARE(m_page->maintenanceMessage(), u"Maintenance window \"DNS upgrade\" ended."_s);
    }

    void trapLogTakesLiveTrapsFirstAndShowsVarbinds()
    {
        connectAndLoad();
        m_page->tabs()->setCurrentIndex(AlarmsPage::TrapLogTab);
        m_channel->push(QJsonObject{{u"type"_s, u"monitor.trap"_s}, {u"receivedAt"_s, u"2026-11-21T23:10:00.000Z"_s},
                                    {u"source"_s, u"127.0.0.1"_s}, {u"device"_s, u"17"_s},
                                    {u"trapOid"_s, u"1.3.6.1.6.3.1.1.5.4"_s}, {u"event"_s, u"clear if:2"_s}});
        QCOMPARE(m_page->trapModel()->rowCount(), 3);
        QCOMPARE(m_page->trapModel()->index(0, noc::TrapLogModel::TrapColumn).data().toString(), u"1.3.6.1.6.3.1.1.5.4"_s);
        QCOMPARE(m_page->trapModel()->index(0, noc::TrapLogModel::SourceColumn).data().toString(), u"core-rtr-1 (127.0.0.1)"_s);
        m_page->trapView()->selectRow(0);
        QVERIFY(m_page->trapDetail()->toPlainText().contains(u"refresh the trap log"_s));
        m_page->trapView()->selectRow(1);
        QVERIFY(m_page->trapDetail()->toPlainText().contains(u"1.3.6.1.2.1.2.2.1.7.2=1"_s));
    }

    void trapLogIsBounded()
    {
        noc::TrapLogModel model;
        for (int i = 0; i < noc::TrapLogModel::MaxRows + 25; ++i) {
            noc::TrapEntry t;
            t.receivedAt = QDateTime::currentDateTimeUtc();
            t.trapOid = QString::number(i);
            model.prepend(t);
        }
        QCOMPARE(model.rowCount(), noc::TrapLogModel::MaxRows);
        QCOMPARE(model.trap(0).trapOid, QString::number(noc::TrapLogModel::MaxRows + 24));
    }

    void speaksGermanAndFrench_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("tab");
        QTest::addColumn<QString>("severityHeader");
        QTest::addColumn<QString>("critical");
        QTest::newRow("German") << u"de"_s << u"Wartung"_s << u"Schweregrad"_s << u"Kritisch"_s;
        QTest::newRow("French") << u"fr"_s << u"Maintenance"_s << u"Gravité"_s << u"Critique"_s;
    }

    void speaksGermanAndFrench()
    {
        QFETCH(QString, language);
        QFETCH(QString, tab);
        QFETCH(QString, severityHeader);
        QFETCH(QString, critical);
        connectAndLoad();
        QVERIFY(m_languages.applyLanguage(language));
        const auto restore = qScopeGuard([this] { m_languages.applyLanguage(u"en"_s); });
        QTRY_COMPARE(m_page->tabs()->tabText(AlarmsPage::MaintenanceTab), tab);   // LanguageChange is posted
        QCOMPARE(m_page->alarmModel()->headerData(AlarmModel::SeverityColumn, Qt::Horizontal).toString(), severityHeader);
        QCOMPARE(m_page->alarmModel()->index(0, AlarmModel::SeverityColumn).data().toString(), critical);
    }

private:
    // Connects and answers every read with a small believable monitoring state: a critical
    // reachability alarm, an acknowledged major one, a minor CPU alarm on a device named only by
    // the topology; one maintenance window in progress; two traps.
    void connectAndLoad()
    {
        m_channel->setConnected(true);
        QVERIFY(m_channel->answer("GET", u"/api/v1/me"_s, 200, QJsonObject{{u"user"_s, u"admin"_s}, {u"roles"_s, QJsonArray{u"admin"_s}}}));
        QVERIFY(m_channel->answer("GET", TopologyPath, 200, topology()));
        QVERIFY(m_channel->answer("GET", AlarmsPath, 200,
                                  alarmList({alarm(1, u"critical"_s), acknowledged(alarm(2, u"major"_s, u"17"_s, u"if:2"_s)),
                                             alarm(3, u"minor"_s, u"18"_s, u"cpu"_s, QString())})));
        QVERIFY(m_channel->answer("GET", MaintenancePath, 200, QJsonObject{{u"windows"_s, QJsonArray{window(3, u"DNS upgrade"_s, true)}}}));
        QVERIFY(m_channel->answer("GET", TrapsPath, 200, QJsonObject{{u"traps"_s, QJsonArray{trap(2, u"1.3.6.1.6.3.1.1.5.3"_s), trap(1, u"1.3.6.1.6.3.1.1.5.1"_s)}}}));
    }

    noc::LanguageManager m_languages;
    FakeApiChannel *m_channel = nullptr;
    std::unique_ptr<AlarmsPage> m_page;
    std::unique_ptr<QAbstractItemModelTester> m_alarmTester;
    std::unique_ptr<QAbstractItemModelTester> m_proxyTester;
    std::unique_ptr<QAbstractItemModelTester> m_maintenanceTester;
    std::unique_ptr<QAbstractItemModelTester> m_trapTester;
};

QTEST_MAIN(tst_AlarmsPage)
#include "tst_alarmspage.moc"
