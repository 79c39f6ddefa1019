#include "widgets/statuspalette.h"
#include "widgets/topologystyle.h"

#include <QSet>
#include <QTimeZone>
#include <QTest>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using noc::DeviceStatus;
using noc::TopologyStyle;
using Band = TopologyStyle::UtilisationBand;

class tst_TopologyStyle : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyStatusHasItsOwnColour()
    {
        QSet<QRgb> colours;
        for (int s = int(DeviceStatus::Up); s <= int(DeviceStatus::Unknown); ++s)
            colours.insert(TopologyStyle::deviceFill(DeviceStatus(s)).rgb());
        colours.insert(TopologyStyle::staleFill().rgb());
        QCOMPARE(colours.size(), 9);
    }

    void upIsTheConsolesOkGreenAndCriticalItsRed()
    {
        using Severity = noc::StatusPalette::Severity;
        QCOMPARE(TopologyStyle::deviceFill(DeviceStatus::Up), noc::StatusPalette::background(Severity::Ok));
        QCOMPARE(TopologyStyle::deviceFill(DeviceStatus::Critical), noc::StatusPalette::background(Severity::Critical));
    }

    void staleIsNeverHealthy_data()
    {
        QTest::addColumn<int>("status");
        for (int s = int(DeviceStatus::Up); s <= int(DeviceStatus::Unknown); ++s)
            QTest::addRow("%s", qPrintable(TopologyStyle::statusName(DeviceStatus(s)))) << s;
    }
    void staleIsNeverHealthy()
    {
        QFETCH(int, status);
        const QColor drawn = TopologyStyle::deviceFill(DeviceStatus(status), true);
        QCOMPARE(drawn, TopologyStyle::staleFill());
        QVERIFY(drawn != TopologyStyle::deviceFill(DeviceStatus::Up));
        QCOMPARE(TopologyStyle::deviceBrush(DeviceStatus(status), true).color(), TopologyStyle::staleFill());
        QCOMPARE(TopologyStyle::deviceBrush(DeviceStatus(status), false).color(), TopologyStyle::deviceFill(DeviceStatus(status)));
    }

    void staleAfterTwoPollingIntervals_data()
    {
        QTest::addColumn<qint64>("secondsAgo");
        QTest::addColumn<bool>("stale");
        QTest::newRow("just polled") << qint64(0) << false;
        QTest::newRow("one interval") << qint64(300) << false;
        QTest::newRow("exactly two intervals") << qint64(600) << false;
        QTest::newRow("just over two intervals") << qint64(601) << true;
        QTest::newRow("a day") << qint64(86400) << true;
        QTest::newRow("clock ahead of the poller") << qint64(-30) << false;
    }
    void staleAfterTwoPollingIntervals()
    {
        QFETCH(qint64, secondsAgo);
        QFETCH(bool, stale);
        const QDateTime now(QDate(2026, 11, 21), QTime(12, 0), QTimeZone::utc());
        QCOMPARE(TopologyStyle::isStale(now.addSecs(-secondsAgo), now, 300s), stale);
    }

    void neverPolledIsStale()
    {
        QVERIFY(TopologyStyle::isStale(QDateTime(), QDateTime::currentDateTimeUtc(), 300s));
    }

    void utilisationBands_data()
    {
        QTest::addColumn<double>("percent");
        QTest::addColumn<Band>("band");
        QTest::newRow("idle") << 0.0 << Band::Low;
        QTest::newRow("49.9") << 49.9 << Band::Low;
        QTest::newRow("50") << 50.0 << Band::Medium;
        QTest::newRow("79.99") << 79.99 << Band::Medium;
        QTest::newRow("80") << 80.0 << Band::High;
        QTest::newRow("94.9") << 94.9 << Band::High;
        QTest::newRow("95") << 95.0 << Band::Saturated;
        QTest::newRow("over 100 (counter wrap)") << 130.0 << Band::Saturated;
        QTest::newRow("negative is nonsense") << -1.0 << Band::Unknown;
        QTest::newRow("NaN") << std::numeric_limits<double>::quiet_NaN() << Band::Unknown;
    }
    void utilisationBands()
    {
        QFETCH(double, percent);
        QFETCH(Band, band);
        QCOMPARE(TopologyStyle::band(percent), band);
    }

    void unmeasuredLinkIsGreyAndDashed()
    {
        QCOMPARE(TopologyStyle::band(std::nullopt), Band::Unknown);
        const QPen &pen = TopologyStyle::linkPen(Band::Unknown);
        QCOMPARE(pen.style(), Qt::DashLine);
        QCOMPARE(pen.color(), QColor(0x9e, 0x9e, 0x9e));
        QCOMPARE(TopologyStyle::linkPen(Band::Saturated).style(), Qt::SolidLine);
        QVERIFY(TopologyStyle::linkPen(Band::Low).isCosmetic());
    }

    void bandColoursGoFromGreenToRed()
    {
        const QColor low = TopologyStyle::linkColour(Band::Low);
        const QColor medium = TopologyStyle::linkColour(Band::Medium);
        const QColor high = TopologyStyle::linkColour(Band::High);
        const QColor saturated = TopologyStyle::linkColour(Band::Saturated);
        QVERIFY(low.green() > low.red());
        QVERIFY(medium.red() > 200 && medium.green() > 200);   // yellow
        QVERIFY(high.red() > 200 && high.green() < medium.green() && high.green() > saturated.green());   // orange
        QVERIFY(saturated.red() > 200 && saturated.green() < 80);   // red
    }

    void legendListsEveryBandAndStatus()
    {
        const auto links = TopologyStyle::linkLegend();
        QCOMPARE(links.size(), 5);
        QCOMPARE(links[0].label, u"< 50 %"_s);
        QCOMPARE(links[0].colour, TopologyStyle::linkColour(Band::Low));
        QCOMPARE(links[3].label, u">= 95 %"_s);
        QCOMPARE(links[3].colour, TopologyStyle::linkColour(Band::Saturated));
        QVERIFY(links[4].dashed);
        QCOMPARE(links[4].label, u"not measured"_s);
        const auto devices = TopologyStyle::deviceLegend();
        QCOMPARE(devices.size(), 9);
        QCOMPARE(devices.last().colour, TopologyStyle::staleFill());
    }
};

QTEST_GUILESS_MAIN(tst_TopologyStyle)
#include "tst_topologystyle.moc"
