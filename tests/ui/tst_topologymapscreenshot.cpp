#include "screenshotsupport.h"
#include "topologytestdata.h"

#include "widgets/topologymapview.h"
#include "widgets/topologyscene.h"
#include "widgets/topologystyle.h"

#include <QDir>
#include <QHash>
#include <QImage>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

void showMap(noc::TopologyMapView &view, const noc::TopologySnapshot &snapshot)
{
    view.topologyScene()->setPollInterval(300s);
    view.topologyScene()->setReferenceTime(topologytest::referenceTime());
    view.resize(1280, 800);
    view.setSnapshot(snapshot);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.fitAll();
}

} // namespace

// The topology map on a real X server (xvfb-run), saved to REGISTRY_BINARY_DIR/screenshots/
// topology-map.png: three sites, a router down behind a saturated uplink, a stale name server,
// and a 1,000-device map zoomed out as topology-map-large.png.
class tst_TopologyMapScreenshot : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(qEnvironmentVariableIsSet("REGISTRY_BINARY_DIR"), "run through ctest");
        m_dir = qEnvironmentVariable("REGISTRY_BINARY_DIR") + u"/screenshots"_s;
        QVERIFY(QDir().mkpath(m_dir));
    }

    void smallMapShowsADownDeviceAndASaturatedLink()
    {
        noc::TopologyMapView view;
        showMap(view, topologytest::small());
        QVERIFY(!QTest::currentTestFailed());
        QVERIFY(view.setCurrentDevice(u"gw-fra-1"_s));
        QTest::qWait(200);

        const QImage image = view.grab().toImage().convertToFormat(QImage::Format_RGB32);
        const QString file = m_dir + u"/topology-map.png"_s;
        QVERIFY2(image.save(file), qPrintable(file));
        qInfo("screenshot: %s", qPrintable(file));

        const qsizetype colours = screenshot::distinctColours(image);
        QVERIFY2(colours >= 100, qPrintable(u"only %1 distinct colours"_s.arg(colours)));
        const int down = screenshot::pixelsNear(image, noc::TopologyStyle::deviceFill(noc::DeviceStatus::Down));
        QVERIFY2(down >= 200, qPrintable(u"only %1 pixels of the down device"_s.arg(down)));
        // The saturated link colour also appears in the legend swatch (22x3 px); the link is far longer.
        const int saturated = screenshot::pixelsNear(image, noc::TopologyStyle::linkColour(noc::TopologyStyle::UtilisationBand::Saturated));
        QVERIFY2(saturated >= 300, qPrintable(u"only %1 pixels of saturated links"_s.arg(saturated)));
        const int stale = screenshot::pixelsNear(image, noc::TopologyStyle::staleFill());
        QVERIFY2(stale >= 200, qPrintable(u"only %1 pixels of the stale device"_s.arg(stale)));
    }

    void largeMapZoomedOut()
    {
        noc::TopologyMapView view;
        showMap(view, topologytest::large());
        QVERIFY(!QTest::currentTestFailed());
        QTest::qWait(200);
        const QString file = m_dir + u"/topology-map-large.png"_s;
        QVERIFY2(view.grab().save(file), qPrintable(file));
        qInfo("screenshot: %s", qPrintable(file));
    }

private:
    QString m_dir;
};

QTEST_MAIN(tst_TopologyMapScreenshot)
#include "tst_topologymapscreenshot.moc"
