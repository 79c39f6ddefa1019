#include "topologytestdata.h"

#include "widgets/topologydeviceitem.h"
#include "widgets/topologylinklayer.h"
#include "widgets/topologyscene.h"
#include "widgets/topologysiteitem.h"
#include "widgets/topologystyle.h"

#include <QGraphicsSceneMouseEvent>
#include <QGraphicsView>
#include <QPaintEvent>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using noc::DeviceStatus;
using noc::TopologyScene;
using noc::TopologyStyle;
using Band = TopologyStyle::UtilisationBand;

namespace {

// A view of the scene on screen (offscreen platform) that records the rectangles it repaints, so a
// test sees what an update really costs rather than what the scene reports as changed.
struct ShownView : QObject
{
    explicit ShownView(QGraphicsScene *scene)
        : view(scene)
    {
        view.resize(900, 700);
        view.setSceneRect(scene->itemsBoundingRect());
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTest::qWait(50);   // the first full paint
        view.viewport()->installEventFilter(this);
    }
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint) {
            for (const QRect &r : static_cast<QPaintEvent *>(event)->region())
                painted.append(r);
        }
        return false;
    }
    QGraphicsView view;
    QList<QRect> painted;
};

std::unique_ptr<TopologyScene> sceneOf(const noc::TopologySnapshot &snapshot)
{
    auto scene = std::make_unique<TopologyScene>();
    scene->setPollInterval(300s);
    scene->setReferenceTime(topologytest::referenceTime());
    scene->setSnapshot(snapshot);
    return scene;
}

} // namespace

class tst_TopologyScene : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void buildsOneItemPerSiteAndDeviceAndEveryLink()
    {
        const auto snapshot = topologytest::small();
        const auto scene = sceneOf(snapshot);
        int devices = 0, sites = 0, layers = 0;
        const auto all = scene->items();
        for (QGraphicsItem *item : all) {
            devices += item->type() == noc::TopologyDeviceItem::Type;
            sites += item->type() == noc::TopologySiteItem::Type;
            layers += item->type() == noc::TopologyLinkLayer::Type;
        }
        QCOMPARE(devices, 12);
        QCOMPARE(sites, 3);
        QCOMPARE(layers, 1);
        QCOMPARE(scene->linkLayer()->linkCount(), 11);
        QCOMPARE(scene->siteItem(u"fra"_s)->name(), u"Frankfurt DC"_s);
        QVERIFY(scene->siteItem(u"fra"_s)->region().contains(scene->deviceItem(u"gw-fra-1"_s)->pos()));
        const auto *down = scene->deviceItem(u"gw-fra-1"_s);
        QCOMPARE(down->device().status, DeviceStatus::Down);
        QVERIFY(down->device().acknowledged);
        QCOMPARE(scene->linkLayer()->line(u"ams-fra"_s),
                 QLineF(scene->deviceItem(u"gw-ams-1"_s)->pos(), scene->deviceItem(u"gw-fra-1"_s)->pos()));
    }

    void linksToUnknownDevicesAreLeftOutAndDuplicatesIgnored()
    {
        auto snapshot = topologytest::small();
        snapshot.links.append(topologytest::link(u"dangling"_s, u"gw-ams-1"_s, u"not-there"_s, 10));
        snapshot.links.append(topologytest::link(u"ams-fw"_s, u"ns1"_s, u"ns2"_s, 10));
        snapshot.devices.append(snapshot.devices.first());
        const auto scene = sceneOf(snapshot);
        QCOMPARE(scene->linkLayer()->linkCount(), 11);
        QVERIFY(!scene->linkLayer()->contains(u"dangling"_s));
        QCOMPARE(scene->devicesInReadingOrder().size(), 12);
    }

    void linksAreBandedByUtilisation_data()
    {
        QTest::addColumn<QString>("link");
        QTest::addColumn<Band>("band");
        QTest::newRow("35 %") << u"ams-fw"_s << Band::Low;
        QTest::newRow("49.9 %") << u"fra-srs"_s << Band::Low;
        QTest::newRow("62 %") << u"ams-lb"_s << Band::Medium;
        QTest::newRow("80 %") << u"ams-ns2"_s << Band::High;
        QTest::newRow("88 %") << u"ams-srs"_s << Band::High;
        QTest::newRow("95 %") << u"fra-ns3"_s << Band::Saturated;
        QTest::newRow("97.5 %") << u"ams-fra"_s << Band::Saturated;
        QTest::newRow("not measured") << u"ams-db"_s << Band::Unknown;
    }
    void linksAreBandedByUtilisation()
    {
        QFETCH(QString, link);
        QFETCH(Band, band);
        const auto scene = sceneOf(topologytest::small());
        QCOMPARE(scene->linkLayer()->band(link), band);
    }

    void staleDeviceIsGreyWithWhateverItsLastStatus()
    {
        const auto scene = sceneOf(topologytest::small());
        QVERIFY(scene->deviceItem(u"ns2"_s)->isStale());   // "up" an hour ago
        QVERIFY(!scene->deviceItem(u"ns1"_s)->isStale());
        // Time passes with no polls: every device goes stale, none stays green.
        scene->setReferenceTime(topologytest::referenceTime().addSecs(700));
        for (const auto *item : scene->devicesInReadingOrder())
            QVERIFY2(item->isStale(), qPrintable(item->deviceId()));
        // A fresh poll brings one back.
        scene->applyDeviceStatus({u"ns1"_s, DeviceStatus::Up, {}, false, false, topologytest::referenceTime().addSecs(690), {}});
        QVERIFY(!scene->deviceItem(u"ns1"_s)->isStale());
        QVERIFY(scene->deviceItem(u"ns2"_s)->isStale());
    }

    void engineStaleVerdictOverridesTheMapsClock()
    {
        // The engine knows each device's interval: its verdict stands until the next update.
        const auto scene = sceneOf(topologytest::small());
        const noc::DeviceStatusUpdate notLate{u"ns2"_s, DeviceStatus::Up, {}, false, false,
                                              topologytest::referenceTime().addSecs(-3600), false};
        scene->applyDeviceStatus(notLate);
        QVERIFY(!scene->deviceItem(u"ns2"_s)->isStale());
        scene->setReferenceTime(topologytest::referenceTime().addSecs(7000));
        QVERIFY(!scene->deviceItem(u"ns2"_s)->isStale());
        const noc::DeviceStatusUpdate late{u"ns1"_s, DeviceStatus::Up, {}, false, false, topologytest::referenceTime(), true};
        scene->applyDeviceStatus(late);
        QVERIFY(scene->deviceItem(u"ns1"_s)->isStale());
        // Without a verdict, the map's own rule again.
        scene->applyDeviceStatus({u"ns2"_s, DeviceStatus::Up, {}, false, false, topologytest::referenceTime().addSecs(-3600), {}});
        QVERIFY(scene->deviceItem(u"ns2"_s)->isStale());
    }

    void paintsTheStatusColourOrGreyWhenStale()
    {
        // Rendered pixels, not just flags: the centre of each disc is its fill colour.
        const auto scene = sceneOf(topologytest::small());
        QGraphicsView view(scene.get());
        view.setFrameStyle(0);
        view.resize(1200, 900);
        view.fitInView(scene->itemsBoundingRect());
        const QImage image = view.grab().toImage();
        auto centreColour = [&](const QString &id) {
            const QPoint at = view.mapFromScene(scene->deviceItem(id)->pos() + QPointF(-9, 4));
            return image.pixelColor(at);
        };
        QCOMPARE(centreColour(u"ns1"_s), TopologyStyle::deviceFill(DeviceStatus::Up));
        QCOMPARE(centreColour(u"db-ams-1"_s), TopologyStyle::deviceFill(DeviceStatus::Minor));
        QCOMPARE(centreColour(u"srs-fra-1"_s), TopologyStyle::deviceFill(DeviceStatus::Major));
        QCOMPARE(centreColour(u"ns2"_s), TopologyStyle::staleFill());
    }

    void deviceUpdateRepaintsOnlyThatDevice()
    {
        const auto scene = sceneOf(topologytest::small());
        ShownView shown(scene.get());
        auto *target = scene->deviceItem(u"srs-ams-1"_s);
        QVERIFY(scene->applyDeviceStatus({u"srs-ams-1"_s, DeviceStatus::Critical, u"XRP probe failed"_s, false, false,
                                          topologytest::referenceTime(), {}}));
        QCOMPARE(target->device().status, DeviceStatus::Critical);
        QVERIFY(target->toolTip().contains(u"XRP probe failed"_s));
        QTRY_VERIFY(!shown.painted.isEmpty());
        const QRect own = shown.view.mapFromScene(target->sceneBoundingRect()).boundingRect().adjusted(-3, -3, 3, 3);
        for (const QRect &painted : std::as_const(shown.painted))
            QVERIFY2(own.contains(painted), "a repaint outside the updated device");
        for (const auto *other : scene->devicesInReadingOrder()) {
            const QRect disc = shown.view.mapFromScene(other->sceneBoundingRect()).boundingRect().adjusted(3, 3, -3, -3);
            if (other != target)
                QVERIFY2(!shown.painted.first().intersects(disc), qPrintable(other->deviceId()));
        }
        QVERIFY(!scene->applyDeviceStatus({u"no-such-device"_s, DeviceStatus::Down, {}, false, false, {}, {}}));
    }

    void unchangedStatusRepaintsNothing()
    {
        const auto scene = sceneOf(topologytest::small());
        ShownView shown(scene.get());
        const auto &ns1 = scene->deviceItem(u"ns1"_s)->device();
        QVERIFY(scene->applyDeviceStatus({ns1.id, ns1.status, ns1.cause, ns1.acknowledged, ns1.inMaintenance, ns1.lastPolled, {}}));
        QTest::qWait(50);
        QCOMPARE(shown.painted.size(), 0);
    }

    void linkUpdateRepaintsOnlyThatLink()
    {
        const auto scene = sceneOf(topologytest::small());
        ShownView shown(scene.get());
        QVERIFY(scene->applyLinkUtilisation({u"ams-fw"_s, 96.0}));
        QCOMPARE(scene->linkLayer()->band(u"ams-fw"_s), Band::Saturated);
        QCOMPARE(scene->linkLayer()->band(u"ams-lb"_s), Band::Medium);
        QCOMPARE(scene->linkLayer()->utilisation(u"ams-fw"_s), 96.0);
        QTRY_VERIFY(!shown.painted.isEmpty());
        const QLineF line = scene->linkLayer()->line(u"ams-fw"_s);
        const QRectF around = QRectF(line.p1(), line.p2()).normalized().adjusted(-5, -5, 5, 5);
        const QRect onScreen = shown.view.mapFromScene(around).boundingRect().adjusted(-3, -3, 3, 3);
        for (const QRect &painted : std::as_const(shown.painted))
            QVERIFY2(onScreen.contains(painted), "a repaint outside the updated link");

        QVERIFY(scene->applyLinkUtilisation({u"ams-fw"_s, std::nullopt}));
        QCOMPARE(scene->linkLayer()->band(u"ams-fw"_s), Band::Unknown);
        QVERIFY(!scene->applyLinkUtilisation({u"no-such-link"_s, 10.0}));
    }

    void draggingADeviceReportsItsNewPositionAndMovesItsLinks()
    {
        const auto scene = sceneOf(topologytest::small());
        QSignalSpy moved(scene.get(), &TopologyScene::devicesMoved);
        auto *gw = scene->deviceItem(u"gw-ams-1"_s);
        const QPointF from = gw->pos();
        const QPointF to = from + QPointF(150, 40);

        QGraphicsSceneMouseEvent press(QEvent::GraphicsSceneMousePress);
        press.setScenePos(from);
        press.setButton(Qt::LeftButton);
        press.setButtons(Qt::LeftButton);
        press.setButtonDownScenePos(Qt::LeftButton, from);
        QCoreApplication::sendEvent(scene.get(), &press);
        QGraphicsSceneMouseEvent move(QEvent::GraphicsSceneMouseMove);
        move.setScenePos(to);
        move.setLastScenePos(from);
        move.setButtons(Qt::LeftButton);
        move.setButtonDownScenePos(Qt::LeftButton, from);
        QCoreApplication::sendEvent(scene.get(), &move);
        QCOMPARE(moved.count(), 0);   // reported once, on release
        QGraphicsSceneMouseEvent release(QEvent::GraphicsSceneMouseRelease);
        release.setScenePos(to);
        release.setButton(Qt::LeftButton);
        release.setButtonDownScenePos(Qt::LeftButton, from);
        QCoreApplication::sendEvent(scene.get(), &release);

        QCOMPARE(moved.count(), 1);
        const auto positions = moved.first().at(0).value<QHash<QString, QPointF>>();
        QCOMPARE(positions.size(), 1);
        QCOMPARE(positions.value(u"gw-ams-1"_s), to);
        QCOMPARE(gw->pos(), to);
        QCOMPARE(scene->linkLayer()->line(u"ams-fra"_s).p1(), to);
        QVERIFY(scene->siteItem(u"ams"_s)->region().contains(to));
    }

    void newSnapshotReplacesEverything()
    {
        const auto scene = sceneOf(topologytest::small());
        scene->setSnapshot(topologytest::large(100, 150));
        QCOMPARE(scene->devicesInReadingOrder().size(), 100);
        QVERIFY(!scene->deviceItem(u"gw-ams-1"_s));
        QCOMPARE(scene->linkLayer()->linkCount(), 150);
    }
};

QTEST_MAIN(tst_TopologyScene)
#include "tst_topologyscene.moc"
