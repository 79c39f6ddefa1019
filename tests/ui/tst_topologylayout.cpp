#include "topologytestdata.h"

#include "widgets/topologylayout.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;
using noc::TopologyLayout;

namespace {

// The first pair of devices closer than a node's footprint, or an empty string.
QString firstOverlap(const QHash<QString, QPointF> &positions)
{
    QList<QString> ids = positions.keys();
    std::sort(ids.begin(), ids.end());
    for (qsizetype i = 0; i < ids.size(); ++i) {
        for (qsizetype j = i + 1; j < ids.size(); ++j) {
            const QPointF d = positions[ids[i]] - positions[ids[j]];
            if (std::abs(d.x()) < TopologyLayout::Footprint && std::abs(d.y()) < TopologyLayout::Footprint)
                return ids[i] + u" and "_s + ids[j];
        }
    }
    return {};
}

} // namespace

class tst_TopologyLayout : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void placesEveryDeviceWithoutOverlap()
    {
        const auto snapshot = topologytest::large(1000, 0);
        const auto placed = TopologyLayout::place(snapshot);
        QCOMPARE(placed.devicePositions.size(), 1000);
        const QString overlap = firstOverlap(placed.devicePositions);
        QVERIFY2(overlap.isEmpty(), qPrintable(overlap));
    }

    void devicesLieInsideTheirSiteAndSitesDoNotOverlap()
    {
        const auto snapshot = topologytest::large(200, 0);
        const auto placed = TopologyLayout::place(snapshot);
        for (const auto &device : snapshot.devices)
            QVERIFY2(placed.siteRegions[device.siteId].contains(placed.devicePositions[device.id]), qPrintable(device.id));
        const QList<QRectF> regions = placed.siteRegions.values();
        for (qsizetype i = 0; i < regions.size(); ++i)
            for (qsizetype j = i + 1; j < regions.size(); ++j)
                QVERIFY(!regions[i].intersects(regions[j]));
    }

    void keepsSavedPositionsAndPlacesOthersAroundThem()
    {
        auto snapshot = topologytest::small();
        // Saved where the automatic grid of "ams" would put its first devices.
        const QPointF firstCell(TopologyLayout::SitePadding + TopologyLayout::Cell / 2, TopologyLayout::SitePadding + TopologyLayout::Cell / 2);
        snapshot.devices[3].position = firstCell;                     // srs-ams-1
        snapshot.devices[9].position = QPointF(2000, -500);           // ns1, far away
        const auto placed = TopologyLayout::place(snapshot);
        QCOMPARE(placed.devicePositions[u"srs-ams-1"_s], firstCell);
        QCOMPARE(placed.devicePositions[u"ns1"_s], QPointF(2000, -500));
        const QString overlap = firstOverlap(placed.devicePositions);
        QVERIFY2(overlap.isEmpty(), qPrintable(overlap));
        QVERIFY(placed.siteRegions[u"ns"_s].contains(QPointF(2000, -500)));
    }

    void sameSnapshotInAnyOrderGivesTheSameMap()
    {
        const auto snapshot = topologytest::large(300, 0);
        auto shuffled = snapshot;
        std::shuffle(shuffled.devices.begin(), shuffled.devices.end(), *QRandomGenerator::global());
        std::shuffle(shuffled.sites.begin(), shuffled.sites.end(), *QRandomGenerator::global());
        const auto a = TopologyLayout::place(snapshot);
        const auto b = TopologyLayout::place(shuffled);
        QCOMPARE(a.devicePositions, b.devicePositions);
        QCOMPARE(a.siteRegions, b.siteRegions);
    }

    void aNewDeviceLeavesTheOthersWhereTheyWere()
    {
        // What the console does: save every position once, then a device appears in a site.
        auto snapshot = topologytest::small();
        const auto first = TopologyLayout::place(snapshot);
        for (auto &device : snapshot.devices)
            device.position = first.devicePositions[device.id];
        snapshot.devices.append(topologytest::device(u"gw-ams-2"_s, u"ams"_s, noc::DeviceKind::Router, noc::DeviceStatus::Up));
        const auto second = TopologyLayout::place(snapshot);
        for (auto it = first.devicePositions.cbegin(); it != first.devicePositions.cend(); ++it)
            QCOMPARE(second.devicePositions[it.key()], it.value());
        QVERIFY(second.devicePositions.contains(u"gw-ams-2"_s));
        const QString overlap = firstOverlap(second.devicePositions);
        QVERIFY2(overlap.isEmpty(), qPrintable(overlap));
    }

    void devicesOfAnUnlistedSiteStillGetARegion()
    {
        noc::TopologySnapshot snapshot;
        snapshot.devices = {topologytest::device(u"a"_s, u"nowhere"_s, noc::DeviceKind::Server, noc::DeviceStatus::Up),
                            topologytest::device(u"b"_s, QString(), noc::DeviceKind::Server, noc::DeviceStatus::Up)};
        const auto placed = TopologyLayout::place(snapshot);
        QVERIFY(placed.siteRegions.contains(u"nowhere"_s));
        QVERIFY(placed.siteRegions.contains(QString()));
        QVERIFY(placed.siteRegions[u"nowhere"_s].contains(placed.devicePositions[u"a"_s]));
    }

    void emptySnapshotPlacesNothing()
    {
        const auto placed = TopologyLayout::place({});
        QVERIFY(placed.devicePositions.isEmpty());
        QVERIFY(placed.siteRegions.isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_TopologyLayout)
#include "tst_topologylayout.moc"
