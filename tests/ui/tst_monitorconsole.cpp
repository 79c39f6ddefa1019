// noc-console's monitoring pages against the real registryd with [monitor] on and a throw-away
// snmpd: the Topology page shows the imported device polled and up; a linkDown trap sent with
// Debian's snmptrap reaches the Health & Alarms page and the critical-alarm indicator through the
// event stream; the page's Acknowledge dialog acknowledges it in the engine (the engine's own
// answer and event come back to the row), and linkUp clears it from the table.
#include "uitestsupport.h"

#include "common/enginefixture.h"
#include "common/snmpdserver.h"

#include "ui/acknowledgedialog.h"
#include "ui/alarmfilterproxy.h"
#include "ui/alarmmodel.h"
#include "ui/alarmspage.h"
#include "ui/mainwindow.h"
#include "ui/topologypage.h"
#include "ui/traplogmodel.h"
#include "widgets/criticalalarmindicator.h"
#include "widgets/topologydeviceitem.h"
#include "widgets/topologymapview.h"
#include "widgets/topologyscene.h"

#include <QFile>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPlainTextEdit>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace testsupport;

namespace {

const QByteArray trapCommunity = "console-trap-community-8d2";
constexpr int timeoutMs = 30000;

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

class tst_MonitorConsole : public QObject
{
    Q_OBJECT
private:
    SnmpdServer m_snmpd;
    EngineFixture m_engine;
    QTemporaryDir m_dir;
    QTemporaryDir m_settingsDir;
    QByteArray m_token;
    QString m_deviceId;
    std::unique_ptr<noc::MainWindow> m_window;

    bool snmptrap(const QString &oid, QString *output)
    {
        return runSnmpTool(u"snmptrap"_s,
                           {u"-v2c"_s, u"-c"_s, QString::fromLatin1(trapCommunity),
                            u"127.0.0.1:"_s + QString::number(m_engine.port(u"traps"_s)), u""_s, oid,
                            u"1.3.6.1.2.1.2.2.1.1.42"_s, u"i"_s, u"42"_s},
                           m_dir.filePath(u"client"_s), output);
    }
    int rowOfTrapAlarm() const
    {
        const noc::AlarmModel *model = m_window->alarmsPage()->alarmModel();
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->alarm(row).device == m_deviceId && model->alarm(row).component == u"if:42"_s)
                return row;
        }
        return -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("REGISTRYD_BINARY"))
            QSKIP("REGISTRYD_BINARY is not set");
        QVERIFY(m_dir.isValid());
        QVERIFY(m_settingsDir.isValid());
        uitest::isolateSettings(m_settingsDir);
        QString error;
        QVERIFY2(m_snmpd.start(&error), qPrintable(error));
        const QString communities = m_dir.filePath(u"trap-communities"_s);
        QFile file(communities);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(trapCommunity + '\n');
        file.close();
        QVERIFY(file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));

        m_engine.setInitArguments({});
        m_engine.setConfigValue(u"monitor"_s, u"enabled"_s, u"true"_s);
        m_engine.setConfigValue(u"monitor"_s, u"trap_listen"_s, u"127.0.0.1:0"_s);
        m_engine.setConfigValue(u"monitor"_s, u"trap_communities_file"_s, communities);
        QVERIFY2(m_engine.start(&error), qPrintable(error));
        m_token = login(m_engine, u"admin"_s, m_engine.adminPassword());
        QVERIFY(!m_token.isEmpty());

        const HttpReply site = httpsRequest(m_engine, "POST", u"/api/v1/monitor/sites"_s,
                                            json({{u"code"_s, u"lab"_s}, {u"name"_s, u"Lab"_s}, {u"role"_s, u"office"_s}}), m_token);
        QVERIFY2(site.status == 201, site.body.constData());
        const QJsonObject snmp{{u"version"_s, u"2c"_s}, {u"community"_s, QString::fromLatin1(m_snmpd.community())},
                               {u"port"_s, m_snmpd.port()}, {u"intervalSecs"_s, 10}, {u"timeoutMs"_s, 1000}, {u"retries"_s, 0}};
        const HttpReply device = httpsRequest(m_engine, "POST", u"/api/v1/monitor/devices"_s,
                                              json({{u"name"_s, u"lab-server"_s}, {u"kind"_s, u"server"_s}, {u"site"_s, u"lab"_s},
                                                    {u"address"_s, u"127.0.0.1"_s}, {u"snmp"_s, snmp}}),
                                              m_token);
        QVERIFY2(device.status == 201, device.body.constData());
        m_deviceId = device.object().value(u"id"_s).toVariant().toString();

        m_window = std::make_unique<noc::MainWindow>();
        m_window->show();
        m_window->connectToEngine(uitest::profileFor(m_engine), m_engine.adminPassword());
        QTRY_COMPARE_WITH_TIMEOUT(m_window->session()->state(), noc::ConsoleSession::State::Connected, timeoutMs);
    }

    void topologyShowsThePolledDevice()
    {
        m_window->showPage(noc::MainWindow::Topology);
        noc::TopologyPage *page = m_window->topologyPage();
        noc::TopologyScene *scene = page->map()->topologyScene();
        QTRY_VERIFY_WITH_TIMEOUT(scene->deviceItem(m_deviceId) != nullptr, timeoutMs);
        // The first poll comes within one interval; the poll event turns the device up on the map.
        QTRY_COMPARE_WITH_TIMEOUT(scene->deviceItem(m_deviceId)->device().status, noc::DeviceStatus::Up, 3 * timeoutMs);
        QVERIFY2(page->summaryText().contains(u"1"_s), qPrintable(page->summaryText()));
    }

    void trapReachesTheAlarmsPageAndIsAcknowledgedFromIt()
    {
        m_window->showPage(noc::MainWindow::Health);
        noc::AlarmsPage *page = m_window->alarmsPage();
        QString output;
        QVERIFY2(snmptrap(u"1.3.6.1.6.3.1.1.5.3"_s, &output), qPrintable(output));
        QTRY_VERIFY_WITH_TIMEOUT(rowOfTrapAlarm() >= 0, timeoutMs);
        const noc::AlarmRecord alarm = page->alarmModel()->alarm(rowOfTrapAlarm());
        QCOMPARE(alarm.deviceName, u"lab-server"_s);
        QCOMPARE(alarm.severity, noc::AlarmSeverity::Major);
        QVERIFY(!alarm.isAcknowledged());
        // Major, unhandled and marked notify by the engine: the indicator counts and flashes.
        noc::CriticalAlarmIndicator *indicator = m_window->criticalAlarmIndicator();
        QTRY_COMPARE_WITH_TIMEOUT(indicator->count(), 1, timeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(indicator->isFlashing(), timeoutMs);
        // The trap log tab has the trap as well.
        QTRY_VERIFY_WITH_TIMEOUT(page->trapModel()->rowCount() >= 1, timeoutMs);

        // Select the row (through the proxy) and acknowledge with a comment.
        QTRY_VERIFY_WITH_TIMEOUT(page->canAcknowledge(), timeoutMs);
        page->alarmProxy()->invalidate();
        const QModelIndex source = page->alarmModel()->index(rowOfTrapAlarm(), 0);
        const QModelIndex shown = page->alarmProxy()->mapFromSource(source);
        QVERIFY(shown.isValid());
        page->alarmView()->selectionModel()->select(shown, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        noc::AcknowledgeDialog *dialog = page->openAcknowledgeDialog();
        QVERIFY(dialog);
        dialog->commentEdit()->setPlainText(u"replacing the cable"_s);
        dialog->accept();

        QTRY_VERIFY_WITH_TIMEOUT(rowOfTrapAlarm() >= 0 && page->alarmModel()->alarm(rowOfTrapAlarm()).isAcknowledged(), timeoutMs);
        const noc::AlarmRecord acked = page->alarmModel()->alarm(rowOfTrapAlarm());
        QCOMPARE(acked.acknowledgement->by, u"admin"_s);
        QCOMPARE(acked.acknowledgement->comment, u"replacing the cable"_s);
        QTRY_COMPARE_WITH_TIMEOUT(indicator->count(), 0, timeoutMs);
        QVERIFY(!indicator->isFlashing());
        // The engine holds it too, not only the console.
        const HttpReply engineSide = httpsRequest(m_engine, "GET", u"/api/v1/monitor/alarms?device="_s + m_deviceId, {}, m_token);
        QVERIFY2(engineSide.body.contains("replacing the cable"), engineSide.body.constData());

        QVERIFY2(snmptrap(u"1.3.6.1.6.3.1.1.5.4"_s, &output), qPrintable(output));
        QTRY_COMPARE_WITH_TIMEOUT(rowOfTrapAlarm(), -1, timeoutMs);
    }

    void cleanupTestCase()
    {
        m_window.reset();
        if (m_engine.isRunning())
            QCOMPARE(m_engine.stop(), 0);
    }
};

QTEST_MAIN(tst_MonitorConsole)
#include "tst_monitorconsole.moc"
