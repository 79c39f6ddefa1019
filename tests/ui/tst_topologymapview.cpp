#include "topologytestdata.h"

#include "widgets/topologydeviceitem.h"
#include "widgets/topologylegend.h"
#include "widgets/topologymapview.h"
#include "widgets/topologyscene.h"

#include <QSignalSpy>
#include <QTest>
#include <QWheelEvent>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using noc::TopologyMapView;

class tst_TopologyMapView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_view = std::make_unique<TopologyMapView>();
        m_view->topologyScene()->setPollInterval(300s);
        m_view->topologyScene()->setReferenceTime(topologytest::referenceTime());
        m_view->resize(1000, 700);
        m_view->setSnapshot(topologytest::small());
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    }
    void cleanup() { m_view.reset(); }

    void fitsTheWholeMapAtFirst()
    {
        const QRectF visible = m_view->mapToScene(m_view->viewport()->rect()).boundingRect();
        QVERIFY(visible.contains(m_view->topologyScene()->itemsBoundingRect()));
    }

    void keysZoomInOutAndFit()
    {
        const qreal fitted = m_view->zoom();
        QTest::keyClick(m_view.get(), Qt::Key_Plus);
        QVERIFY(m_view->zoom() > fitted * 1.2);
        QTest::keyClick(m_view.get(), Qt::Key_Minus);
        QTest::keyClick(m_view.get(), Qt::Key_Minus);
        QVERIFY(m_view->zoom() < fitted);
        QTest::keyClick(m_view.get(), Qt::Key_0);
        QCOMPARE(m_view->zoom(), fitted);
    }

    void wheelZoomsAndStaysWithinLimits()
    {
        const qreal before = m_view->zoom();
        const QPointF at = m_view->viewport()->rect().center();
        QWheelEvent in(at, m_view->viewport()->mapToGlobal(at), {}, QPoint(0, 120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(m_view->viewport(), &in);
        QVERIFY(m_view->zoom() > before);
        for (int i = 0; i < 100; ++i)
            m_view->zoomIn();
        QCOMPARE(m_view->zoom(), TopologyMapView::MaxZoom);
        for (int i = 0; i < 100; ++i)
            m_view->zoomOut();
        QCOMPARE(m_view->zoom(), TopologyMapView::MinZoom);
    }

    void tabWalksDevicesInReadingOrderAndSaysWhatTheyAre()
    {
        QSignalSpy current(m_view.get(), &TopologyMapView::currentDeviceChanged);
        m_view->setFocus();
        const auto &order = m_view->topologyScene()->devicesInReadingOrder();
        QTest::keyClick(m_view.get(), Qt::Key_Tab);
        QCOMPARE(m_view->currentDeviceId(), order[0]->deviceId());
        QTest::keyClick(m_view.get(), Qt::Key_Tab);
        QCOMPARE(m_view->currentDeviceId(), order[1]->deviceId());
        QTest::keyClick(m_view.get(), Qt::Key_Backtab);
        QCOMPARE(m_view->currentDeviceId(), order[0]->deviceId());
        QCOMPARE(current.count(), 3);
        QVERIFY(order[0]->isCurrent());
        QVERIFY(!order[1]->isCurrent());

        QVERIFY(m_view->setCurrentDevice(u"gw-fra-1"_s));
        QCOMPARE(m_view->accessibleDescription(), u"gw-fra-1, router, down, acknowledged"_s);
        QVERIFY(m_view->setCurrentDevice(u"ns2"_s));
        QVERIFY(m_view->accessibleDescription().contains(u"stale"_s));
        QCOMPARE(m_view->accessibleName(), u"Topology map"_s);
    }

    void arrowsMoveToTheNeighbourInThatDirection()
    {
        auto *scene = m_view->topologyScene();
        const QString start = u"gw-ams-1"_s;
        QVERIFY(m_view->setCurrentDevice(start));
        QTest::keyClick(m_view.get(), Qt::Key_Right);
        const QString right = m_view->currentDeviceId();
        QVERIFY(right != start);
        QVERIFY(scene->deviceItem(right)->pos().x() > scene->deviceItem(start)->pos().x());
        QTest::keyClick(m_view.get(), Qt::Key_Left);
        QCOMPARE(m_view->currentDeviceId(), start);
    }

    void enterAndDoubleClickActivateADevice()
    {
        QSignalSpy activated(m_view.get(), &TopologyMapView::deviceActivated);
        QVERIFY(m_view->setCurrentDevice(u"srs-fra-1"_s));
        QTest::keyClick(m_view.get(), Qt::Key_Return);
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.takeFirst().at(0).toString(), u"srs-fra-1"_s);

        const QPoint at = m_view->mapFromScene(m_view->topologyScene()->deviceItem(u"ns3"_s)->pos());
        QTest::mouseDClick(m_view->viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.takeFirst().at(0).toString(), u"ns3"_s);

        // On the background: nothing to open.
        QTest::mouseDClick(m_view->viewport(), Qt::LeftButton, {}, QPoint(2, 2));
        QCOMPARE(activated.count(), 0);
    }

    void draggingADeviceWithTheMouseEmitsTheLayout()
    {
        QSignalSpy moved(m_view.get(), &TopologyMapView::devicesMoved);
        auto *item = m_view->topologyScene()->deviceItem(u"lb-ams-1"_s);
        const QPoint from = m_view->mapFromScene(item->pos());
        const QPoint to = from + QPoint(60, 30);
        QTest::mousePress(m_view->viewport(), Qt::LeftButton, {}, from);
        QMouseEvent move(QEvent::MouseMove, QPointF(to), m_view->viewport()->mapToGlobal(QPointF(to)), Qt::NoButton,
                         Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(m_view->viewport(), &move);
        QTest::mouseRelease(m_view->viewport(), Qt::LeftButton, {}, to);
        QCOMPARE(moved.count(), 1);
        const auto positions = moved.first().at(0).value<QHash<QString, QPointF>>();
        QVERIFY(positions.contains(u"lb-ams-1"_s));
        QCOMPARE(positions.value(u"lb-ams-1"_s), item->pos());
        QVERIFY(m_view->mapFromScene(item->pos()).x() > from.x() + 40);
        QCOMPARE(m_view->currentDeviceId(), u"lb-ams-1"_s);
    }

    void legendExplainsBandsAndStatuses()
    {
        const noc::TopologyLegend *legend = m_view->legend();
        QVERIFY(legend->isVisible());
        QCOMPARE(legend->sections().size(), 2);
        QCOMPARE(legend->sections()[0].entries.size(), 5);
        QVERIFY(legend->sections()[0].entries.last().dashed);
        QVERIFY(legend->accessibleDescription().contains(u">= 95 %"_s));
        QVERIFY(m_view->viewport()->geometry().contains(legend->geometry()));
    }

    void tooltipNamesStatusCauseAndLastPoll()
    {
        const QString tip = m_view->topologyScene()->deviceItem(u"fw-fra-1"_s)->toolTip();
        QVERIFY2(tip.contains(u"fw-fra-1"_s), qPrintable(tip));
        QVERIFY2(tip.contains(u"unreachable"_s), qPrintable(tip));
        QVERIFY2(tip.contains(u"behind gw-fra-1"_s), qPrintable(tip));
        QVERIFY2(tip.contains(u"Last polled"_s), qPrintable(tip));
        const QString stale = m_view->topologyScene()->deviceItem(u"ns2"_s)->toolTip();
        QVERIFY2(stale.contains(u"Stale"_s), qPrintable(stale));
    }

private:
    std::unique_ptr<TopologyMapView> m_view;
};

QTEST_MAIN(tst_TopologyMapView)
#include "tst_topologymapview.moc"
