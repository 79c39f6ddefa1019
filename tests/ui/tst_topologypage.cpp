#include "monitortestdata.h"
#include "uitestsupport.h"

#include "ui/devicepage.h"
#include "ui/interfacetablemodel.h"
#include "ui/layoutsaver.h"
#include "ui/mainwindow.h"
#include "ui/requestcoalescer.h"
#include "ui/topologypage.h"
#include "widgets/topologydeviceitem.h"
#include "widgets/topologylinklayer.h"
#include "widgets/topologymapview.h"
#include "widgets/topologyscene.h"

#include "ui/customplot.h"

#include <QComboBox>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

#include <memory>

using namespace Qt::StringLiterals;
using noc::DeviceStatus;
using noc::TopologyPage;

// The Topology page fed through the entry points the network answers use (applyTopology,
// applyStatus, applyEvent, applyLayoutAnswer): a ConsoleSession cannot answer without a running
// engine, and the engine's status, metrics and alarm endpoints are being built beside this page,
// so the JSON is the contract's. The session here stays disconnected: reads the page would send
// are counted where they are decided (the coalescer), not on the wire.
class tst_TopologyPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY(m_settingsDir.isValid());
        uitest::isolateSettings(m_settingsDir);
    }

    void init()
    {
        m_session = std::make_unique<noc::ConsoleSession>();
        m_page = std::make_unique<TopologyPage>(m_session.get());
        m_page->resize(1200, 760);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
        m_now = QDateTime::currentDateTimeUtc();
        m_page->applyTopology(monitortest::topology());
        m_page->applyStatus(monitortest::status(m_now));
    }

    void cleanup()
    {
        m_page.reset();
        m_session.reset();
    }

    void saysItIsNotConnected()
    {
        QVERIFY2(m_page->messageText().contains(u"Not connected"_s), qPrintable(m_page->messageText()));
    }

    void mapShowsTheStatusOfEveryDeviceAndLink()
    {
        noc::TopologyScene *scene = m_page->map()->topologyScene();
        QCOMPARE(scene->devicesInReadingOrder().size(), 4);
        QCOMPARE(scene->deviceItem(u"17"_s)->device().status, DeviceStatus::Major);
        QCOMPARE(scene->deviceItem(u"18"_s)->device().status, DeviceStatus::Down);
        QVERIFY(scene->deviceItem(u"18"_s)->device().acknowledged);
        QCOMPARE(scene->deviceItem(u"19"_s)->device().status, DeviceStatus::Unreachable);
        QVERIFY(scene->deviceItem(u"19"_s)->device().inMaintenance);
        QCOMPARE(scene->deviceItem(u"20"_s)->device().status, DeviceStatus::Unknown);
        // The engine's stale verdict, not the map's own clock: a device it does not poll is not late.
        QVERIFY(!scene->deviceItem(u"20"_s)->isStale());
        QCOMPARE(m_page->summaryText(), u"0 up · 1 with alarms · 2 down · 1 unknown · 0 stale"_s);
    }

    void pollEventsRecolourDevicesAndLinks()
    {
        noc::TopologyScene *scene = m_page->map()->topologyScene();
        m_page->applyEvent(monitortest::poll(u"18"_s, m_now, true,
            QJsonArray{QJsonObject{{u"ifIndex"_s, 1}, {u"operStatus"_s, 1}, {u"utilisationPercent"_s, 96}}}));
        // Answering again; the critical alarm is the engine's to clear, so it stays critical.
        QCOMPARE(scene->deviceItem(u"18"_s)->device().status, DeviceStatus::Critical);
        QCOMPARE(scene->linkLayer()->utilisation(u"5"_s), std::optional<double>(96));
        QCOMPARE(m_page->summaryText(), u"0 up · 2 with alarms · 1 down · 1 unknown · 0 stale"_s);
    }

    void staleDevicesAreCountedAndDrawnStale()
    {
        QJsonObject status = monitortest::status(m_now);
        QJsonArray devices = status.value(u"devices"_s).toArray();
        QJsonObject router = devices.at(0).toObject();
        router.insert(u"stale"_s, true);
        devices.replace(0, router);
        status.insert(u"devices"_s, devices);
        m_page->applyStatus(status);
        QVERIFY(m_page->map()->topologyScene()->deviceItem(u"17"_s)->isStale());
        QVERIFY(m_page->summaryText().endsWith(u"1 stale"_s));
        // A poll is news: no longer stale.
        m_page->applyEvent(monitortest::poll(u"17"_s, m_now.addSecs(1), true));
        QVERIFY(!m_page->map()->topologyScene()->deviceItem(u"17"_s)->isStale());
    }

    void alarmStormCostsFewStatusReads()
    {
        m_page->statusReads()->reset();
        QSignalSpy reads(m_page->statusReads(), &noc::RequestCoalescer::fire);
        for (int i = 0; i < 200; ++i)
            m_page->applyEvent(monitortest::alarmEvent(u"17"_s, u"critical"_s));
        QCOMPARE(reads.size(), 1);
        QTest::qWait(TopologyPage::StatusReadGapMsecs + 200);
        QCOMPARE(reads.size(), 2);   // the storm is served by one more read after the gap
    }

    void unknownDeviceInAPollAsksForTheInventory()
    {
        m_page->topologyReads()->reset();
        QSignalSpy reads(m_page->topologyReads(), &noc::RequestCoalescer::fire);
        m_page->applyEvent(monitortest::poll(u"99"_s, m_now, true));
        QCOMPARE(reads.size(), 1);
    }

    void draggedDevicesAreSavedOnceByNameAndKeptOnRefusal()
    {
        m_page->layoutSaver()->setDebounce(50);
        QSignalSpy saves(m_page->layoutSaver(), &noc::LayoutSaver::saveRequested);
        for (int i = 0; i < 5; ++i)
            Q_EMIT m_page->map()->devicesMoved({{u"17"_s, QPointF(300 + i, 40)}});
        QTRY_COMPARE(saves.size(), 1);
        const QJsonObject positions = saves.at(0).at(0).toJsonObject().value(u"positions"_s).toObject();
        QCOMPARE(positions.keys(), QStringList{u"a-rtr1"_s});
        QCOMPARE(positions.value(u"a-rtr1"_s).toObject().value(u"x"_s).toDouble(), 304.0);
        // Disconnected: not sent, said, and kept for the next move.
        QVERIFY2(m_page->messageText().contains(u"layout was not saved"_s), qPrintable(m_page->messageText()));
        QVERIFY(m_page->layoutSaver()->hasUnsaved());
        // The engine's refusal is said in its words.
        m_page->applyLayoutAnswer(403, QJsonObject{{u"error"_s, QJsonObject{{u"code"_s, u"forbidden"_s},
                                                                          {u"message"_s, u"manage monitoring needed"_s}}}});
        QVERIFY2(m_page->messageText().contains(u"manage monitoring needed"_s), qPrintable(m_page->messageText()));
        // A re-read inventory keeps the device where the operator put it.
        m_page->map()->topologyScene()->deviceItem(u"17"_s)->setPos(304, 40);
        m_page->applyTopology(monitortest::topology());
        QCOMPARE(m_page->map()->topologyScene()->deviceItem(u"17"_s)->pos(), QPointF(304, 40));
        QCOMPARE(m_page->map()->topologyScene()->deviceItem(u"17"_s)->device().status, DeviceStatus::Major);
    }

    void activatingADeviceOpensItsPageAndBackReturns()
    {
        Q_EMIT m_page->map()->deviceActivated(u"17"_s);
        QVERIFY(m_page->isShowingDevice());
        noc::DevicePage *device = m_page->devicePage();
        QCOMPARE(device->deviceId(), u"17"_s);
        QCOMPARE(device->titleText(), u"a-rtr1"_s);
        QCOMPARE(device->interfaceModel()->rowCount(), 2);
        QVERIFY2(device->stateText().startsWith(u"major"_s), qPrintable(device->stateText()));
        QVERIFY2(device->stateText().contains(u"3.0 ms"_s), qPrintable(device->stateText()));
        QVERIFY2(device->stateText().contains(u"37.5 %"_s), qPrintable(device->stateText()));
        QVERIFY2(device->stateText().contains(u"/ 48 % used"_s), qPrintable(device->stateText()));

        device->applyAlarms(monitortest::alarms());
        QCOMPARE(device->alarmList()->topLevelItemCount(), 2);
        QVERIFY(device->alarmList()->topLevelItem(0)->text(4).contains(u"alice"_s));

        device->applyMetrics(monitortest::metrics(m_now));
        QCOMPARE(device->series().samples().size(), 54);
        QCOMPARE(device->interfaceSelector()->count(), 2);
        QCOMPARE(device->interfaceSelector()->itemText(0), u"xe-0/0/1 (1)"_s);
        QVERIFY(device->roundTripPlot()->graph(0)->dataCount() > 50);
        QVERIFY(device->trafficPlot()->graph(0)->dataCount() > 50);

        // Live: a poll of this device extends the charts and updates the figures.
        const int before = device->roundTripPlot()->graph(0)->dataCount();
        m_page->applyEvent(monitortest::poll(u"17"_s, m_now.addSecs(5), true));
        QCOMPARE(device->roundTripPlot()->graph(0)->dataCount(), before + 1);
        QVERIFY2(device->stateText().contains(u"55.0 %"_s), qPrintable(device->stateText()));
        // A poll of another device does not touch them.
        m_page->applyEvent(monitortest::poll(u"18"_s, m_now.addSecs(6), true));
        QCOMPARE(device->roundTripPlot()->graph(0)->dataCount(), before + 1);

        device->setRange(noc::DevicePage::Range::Hour);
        QVERIFY(qAbs(device->roundTripPlot()->xAxis->range().size() - 3600.0) < 0.01);

        QTest::keyClick(device, Qt::Key_Escape);
        QVERIFY(!m_page->isShowingDevice());
        QCOMPARE(m_page->map()->currentDeviceId(), u"17"_s);
    }

    void unknownDeviceDoesNotOpen()
    {
        m_page->showDevice(u"404"_s);
        QVERIFY(!m_page->isShowingDevice());
    }

    void mainWindowShowsItOnTheTopologyPage()
    {
        noc::MainWindow window;
        QVERIFY(window.topologyPage());
        window.showPage(noc::MainWindow::Topology);
        QCOMPARE(window.findChild<QStackedWidget *>()->currentWidget(), window.topologyPage());
    }

private:
    QTemporaryDir m_settingsDir;
    std::unique_ptr<noc::ConsoleSession> m_session;
    std::unique_ptr<TopologyPage> m_page;
    QDateTime m_now;
};

QTEST_MAIN(tst_TopologyPage)
#include "tst_topologypage.moc"
