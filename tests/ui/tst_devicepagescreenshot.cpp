#include "monitortestdata.h"
#include "screenshotsupport.h"

#include "ui/devicepage.h"
#include "ui/topologypage.h"
#include "widgets/topologystyle.h"

#include "ui/customplot.h"

#include <QDir>
#include <QHash>
#include <QImage>
#include <QLocale>
#include <QTest>


using namespace Qt::StringLiterals;

namespace {

// A chart's own pixels without its legend, whose swatches share the lines' colours.
QImage chartWithoutLegend(QCustomPlot *plot)
{
    plot->legend->setVisible(false);
    plot->replot(QCustomPlot::rpImmediateRefresh);
    const QImage image = plot->grab().toImage().convertToFormat(QImage::Format_RGB32);
    plot->legend->setVisible(true);
    plot->replot(QCustomPlot::rpImmediateRefresh);
    return image;
}

} // namespace

// The topology page and the device page on a real X server (xvfb-run), saved to
// REGISTRY_BINARY_DIR/screenshots/topology-page.png and device-page.png: the router a-rtr1 with a
// major alarm, its interfaces (one down), two alarms, and a day of metrics with an outage and a
// silence drawn as gaps.
class tst_DevicePageScreenshot : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(qEnvironmentVariableIsSet("REGISTRY_BINARY_DIR"), "run through ctest");
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        m_dir = qEnvironmentVariable("REGISTRY_BINARY_DIR") + u"/screenshots"_s;
        QVERIFY(QDir().mkpath(m_dir));
    }

    void topologyAndDevicePageWithCharts()
    {
        noc::ConsoleSession session;
        noc::TopologyPage page(&session);
        page.resize(1400, 860);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        page.applyTopology(monitortest::topology());
        page.applyStatus(monitortest::status(now));
        QTest::qWait(200);
        const QImage map = page.grab().toImage().convertToFormat(QImage::Format_RGB32);
        const QString mapFile = m_dir + u"/topology-page.png"_s;
        QVERIFY2(map.save(mapFile), qPrintable(mapFile));
        qInfo("screenshot: %s", qPrintable(mapFile));
        QVERIFY(screenshot::pixelsNear(map, noc::TopologyStyle::deviceFill(noc::DeviceStatus::Down)) >= 200);

        page.showDevice(u"17"_s);
        noc::DevicePage *device = page.devicePage();
        device->applyAlarms(monitortest::alarms());
        device->applyMetrics(monitortest::metrics(now, 250));
        QTest::qWait(300);

        const QImage image = page.grab().toImage().convertToFormat(QImage::Format_RGB32);
        const QString file = m_dir + u"/device-page.png"_s;
        QVERIFY2(image.save(file), qPrintable(file));
        qInfo("screenshot: %s", qPrintable(file));
        const qsizetype colours = screenshot::distinctColours(image);
        QVERIFY2(colours >= 100, qPrintable(u"only %1 distinct colours"_s.arg(colours)));

        // Each chart draws its data in its colours (the legends hidden, so only lines count).
        const QImage roundTrip = chartWithoutLegend(device->roundTripPlot());
        QVERIFY2(screenshot::pixelsNear(roundTrip, QColor(0x15, 0x65, 0xc0), 40) >= 150, "no round-trip line");
        const QImage load = chartWithoutLegend(device->loadPlot());
        QVERIFY2(screenshot::pixelsNear(load, QColor(0xef, 0x6c, 0x00), 40) >= 150, "no CPU line");
        QVERIFY2(screenshot::pixelsNear(load, QColor(0x6a, 0x1b, 0x9a), 40) >= 150, "no memory line");
        const QImage traffic = chartWithoutLegend(device->trafficPlot());
        QVERIFY2(screenshot::pixelsNear(traffic, QColor(0x2e, 0x7d, 0x32), 40) >= 150, "no inbound line");
    }

private:
    QString m_dir;
};

QTEST_MAIN(tst_DevicePageScreenshot)
#include "tst_devicepagescreenshot.moc"
