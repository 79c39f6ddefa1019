#include "monitortestdata.h"

#include "ui/monitortranslator.h"

#include <QTest>

using namespace Qt::StringLiterals;
using noc::DeviceStatus;
using noc::MonitorTranslator;

namespace {

const noc::TopologyDevice *findDevice(const noc::TopologySnapshot &snapshot, const QString &id)
{
    for (const noc::TopologyDevice &d : snapshot.devices) {
        if (d.id == id)
            return &d;
    }
    return nullptr;
}

const noc::DeviceStatusUpdate *findUpdate(const MonitorTranslator::Updates &updates, const QString &id)
{
    for (const noc::DeviceStatusUpdate &u : updates.devices) {
        if (u.deviceId == id)
            return &u;
    }
    return nullptr;
}

std::optional<double> linkUpdate(const MonitorTranslator::Updates &updates, const QString &id, bool *found)
{
    *found = false;
    std::optional<double> value;
    for (const noc::LinkUtilisationUpdate &u : updates.links) {
        if (u.linkId == id) {
            *found = true;
            value = u.utilisationPercent;
        }
    }
    return value;
}

} // namespace

// MonitorTranslator against the contract's JSON: the inventory to a snapshot keyed by device id,
// status and poll events to map updates, and whatever a hostile or newer engine might send.
class tst_MonitorTranslator : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void topologyBecomesASnapshotKeyedById()
    {
        MonitorTranslator t;
        const noc::TopologySnapshot snapshot = t.setTopology(monitortest::topology());
        QCOMPARE(snapshot.sites.size(), 2);
        QCOMPARE(snapshot.sites.at(0).id, u"site-a"_s);
        QCOMPARE(snapshot.sites.at(0).name, u"SRS data centre A"_s);
        QVERIFY(!snapshot.sites.at(0).position);
        QCOMPARE(snapshot.sites.at(1).position, QPointF(900, 0));
        QCOMPARE(snapshot.devices.size(), 4);
        const noc::TopologyDevice *router = findDevice(snapshot, u"17"_s);
        QVERIFY(router);
        QCOMPARE(router->name, u"a-rtr1"_s);
        QCOMPARE(router->kind, noc::DeviceKind::Router);
        QCOMPARE(router->siteId, u"site-a"_s);
        QCOMPARE(router->position, QPointF(100, 120));
        QCOMPARE(findDevice(snapshot, u"19"_s)->kind, noc::DeviceKind::RegistryNode);
        QVERIFY(!findDevice(snapshot, u"18"_s)->position);
        // Before any status: unknown, and not drawn as stale (nothing is late yet).
        QCOMPARE(router->status, DeviceStatus::Unknown);
        QCOMPARE(router->stale, std::optional<bool>(false));
        QCOMPARE(snapshot.links.size(), 2);
        QCOMPARE(snapshot.links.at(0).id, u"5"_s);
        QCOMPARE(snapshot.links.at(0).fromDeviceId, u"17"_s);
        QCOMPARE(snapshot.links.at(0).toDeviceId, u"18"_s);
        QCOMPARE(snapshot.links.at(0).capacityBitsPerSecond, Q_INT64_C(10000000000));
        QCOMPARE(t.deviceIdForName(u"a-fw1"_s), u"18"_s);
        QCOMPARE(t.deviceName(u"18"_s), u"a-fw1"_s);
        QCOMPARE(t.deviceName(u"99"_s), u"99"_s);
        const noc::MonitorDeviceInfo *firewall = t.deviceInfo(u"18"_s);
        QVERIFY(firewall);
        QCOMPARE(firewall->snmpVersion, u"3"_s);
        QCOMPARE(firewall->parents, QStringList{u"a-rtr1"_s});
        QVERIFY(t.deviceInfo(u"20"_s)->snmpVersion.isEmpty());
    }

    void statusMapsSeverityReachabilityAndMarkers_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<DeviceStatus>("status");
        QTest::addColumn<bool>("acknowledged");
        QTest::addColumn<bool>("inMaintenance");
        QTest::addColumn<QString>("causePart");
        QTest::newRow("answering with a major alarm") << u"17"_s << DeviceStatus::Major << false << false << u"major"_s;
        QTest::newRow("down, critical, acknowledged") << u"18"_s << DeviceStatus::Down << true << false << u"timeout: no answer after 2 tries"_s;
        QTest::newRow("unreachable behind the firewall") << u"19"_s << DeviceStatus::Unreachable << false << true << u"a-fw1"_s;
        QTest::newRow("not polled") << u"20"_s << DeviceStatus::Unknown << false << false << u"Not polled"_s;
    }
    void statusMapsSeverityReachabilityAndMarkers()
    {
        QFETCH(QString, id);
        QFETCH(DeviceStatus, status);
        QFETCH(bool, acknowledged);
        QFETCH(bool, inMaintenance);
        QFETCH(QString, causePart);
        MonitorTranslator t;
        t.setTopology(monitortest::topology());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const MonitorTranslator::Updates updates = t.applyStatus(monitortest::status(now));
        QVERIFY(!updates.inventoryChanged);
        QCOMPARE(updates.devices.size(), 4);
        const noc::DeviceStatusUpdate *u = findUpdate(updates, id);
        QVERIFY(u);
        QCOMPARE(u->status, status);
        QCOMPARE(u->acknowledged, acknowledged);
        QCOMPARE(u->inMaintenance, inMaintenance);
        QCOMPARE(u->stale, std::optional<bool>(false));
        QVERIFY2(u->cause.contains(causePart), qPrintable(u->cause));
        if (id != u"20"_s)
            QCOMPARE(u->lastPolled, now.addSecs(-30));
    }

    void staleVerdictAndLinkUtilisationComeFromTheStatus()
    {
        MonitorTranslator t;
        t.setTopology(monitortest::topology());
        QJsonObject status = monitortest::status(QDateTime::currentDateTimeUtc());
        QJsonArray devices = status.value(u"devices"_s).toArray();
        QJsonObject router = devices.at(0).toObject();
        router.insert(u"stale"_s, true);
        devices.replace(0, router);
        status.insert(u"devices"_s, devices);
        const MonitorTranslator::Updates updates = t.applyStatus(status);
        QCOMPARE(findUpdate(updates, u"17"_s)->stale, std::optional<bool>(true));
        bool found = false;
        QCOMPARE(linkUpdate(updates, u"5"_s, &found), std::optional<double>(42));
        QVERIFY(found);
        QCOMPARE(linkUpdate(updates, u"6"_s, &found), std::optional<double>());
        QVERIFY(found);
        const MonitorTranslator::Summary s = t.summary();
        QCOMPARE(s.stale, 1);
        QCOMPARE(s.down, 2);        // the firewall down, the server unreachable behind it
        QCOMPARE(s.unknown, 1);     // the name server is not polled
        QCOMPARE(s.up, 0);
        QCOMPARE(s.total(), 4);
    }

    void pollUpdatesReachabilityAndTheLinkOfItsInterface()
    {
        MonitorTranslator t;
        t.setTopology(monitortest::topology());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        t.applyStatus(monitortest::status(now));
        // The firewall answers again: its critical alarm stays until the engine clears it.
        MonitorTranslator::Updates u = t.applyPoll(monitortest::poll(u"18"_s, now, true,
            QJsonArray{QJsonObject{{u"ifIndex"_s, 1}, {u"operStatus"_s, 1}, {u"utilisationPercent"_s, 97.5}}}));
        QCOMPARE(u.devices.size(), 1);
        QCOMPARE(u.devices.at(0).status, DeviceStatus::Critical);
        QCOMPARE(u.devices.at(0).lastPolled, now);
        bool found = false;
        // Link 5 ends on the firewall's eth1: the busier end wins.
        QCOMPARE(linkUpdate(u, u"5"_s, &found), std::optional<double>(97.5));
        QVERIFY(found);
        u = t.applyPoll(monitortest::poll(u"17"_s, now, true,
            QJsonArray{QJsonObject{{u"ifIndex"_s, 1}, {u"operStatus"_s, 1}, {u"utilisationPercent"_s, 12}},
                       QJsonObject{{u"ifIndex"_s, 2}, {u"operStatus"_s, 2}}}));
        QCOMPARE(linkUpdate(u, u"5"_s, &found), std::optional<double>(97.5));
        QCOMPARE(t.deviceState(u"17"_s)->cpuLoadPercent, std::optional<double>(55));
        QCOMPARE(t.deviceState(u"17"_s)->interfaces.at(0).utilisationPercent, std::optional<double>(12));
        // A stale device that is polled is no longer stale.
        QVERIFY(!t.deviceState(u"17"_s)->stale);
    }

    void onceUnansweredPollIsAWarningNotDown()
    {
        // Hysteresis: no alarm yet, so the map does not paint the device down for one lost poll.
        MonitorTranslator t;
        t.setTopology(monitortest::topology());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QJsonObject status = monitortest::status(now);
        QJsonArray devices = status.value(u"devices"_s).toArray();
        QJsonObject router = devices.at(0).toObject();
        router.insert(u"worstSeverity"_s, QJsonValue::Null);
        devices.replace(0, router);
        status.insert(u"devices"_s, devices);
        t.applyStatus(status);
        MonitorTranslator::Updates u = t.applyPoll(monitortest::poll(u"17"_s, now, false));
        QCOMPARE(u.devices.at(0).status, DeviceStatus::Warning);
        QVERIFY(u.devices.at(0).cause.contains(u"timeout"_s));
        // An older poll arriving late changes nothing.
        u = t.applyPoll(monitortest::poll(u"17"_s, now.addSecs(-600), true));
        QCOMPARE(u.devices.at(0).status, DeviceStatus::Warning);
    }

    void unknownDevicesAndLinksAskForTheInventory()
    {
        MonitorTranslator t;
        t.setTopology(monitortest::topology());
        QVERIFY(t.applyPoll(monitortest::poll(u"42"_s, QDateTime::currentDateTimeUtc(), true)).inventoryChanged);
        QJsonObject status = monitortest::status(QDateTime::currentDateTimeUtc());
        status.insert(u"links"_s, QJsonArray{QJsonObject{{u"id"_s, 77}, {u"utilisationPercent"_s, 1}}});
        QVERIFY(t.applyStatus(status).inventoryChanged);
        QVERIFY(!t.applyPoll(monitortest::poll(u"17"_s, QDateTime::currentDateTimeUtc(), true)).inventoryChanged);
    }

    void reReadInventoryKeepsTheKnownState()
    {
        MonitorTranslator t;
        t.setTopology(monitortest::topology());
        t.applyStatus(monitortest::status(QDateTime::currentDateTimeUtc()));
        const noc::TopologySnapshot again = t.setTopology(monitortest::topology());
        QCOMPARE(findDevice(again, u"18"_s)->status, DeviceStatus::Down);
        QVERIFY(findDevice(again, u"18"_s)->acknowledged);
        QCOMPARE(findDevice(again, u"19"_s)->status, DeviceStatus::Unreachable);
    }

    void hostileJsonIsSkippedNotTrusted_data()
    {
        QTest::addColumn<QByteArray>("topology");
        QTest::addColumn<int>("devices");
        QTest::addColumn<int>("links");
        QTest::newRow("empty") << QByteArray("{}") << 0 << 0;
        QTest::newRow("wrong types") << QByteArray(R"({"sites": 3, "devices": {"a": 1}, "links": "x"})") << 0 << 0;
        QTest::newRow("device without id or name")
            << QByteArray(R"({"devices": [{"name": "a"}, {"id": 1}, {"id": -4, "name": "b"}, {"id": 1.5, "name": "c"}]})") << 0 << 0;
        QTest::newRow("duplicate id and name")
            << QByteArray(R"({"devices": [{"id": 1, "name": "a"}, {"id": 1, "name": "b"}, {"id": 2, "name": "a"}]})") << 1 << 0;
        QTest::newRow("link to nowhere")
            << QByteArray(R"({"devices": [{"id": 1, "name": "a"}], "links": [{"id": 1, "a": {"device": "a"}, "b": {"device": "ghost"}}]})")
            << 1 << 0;
        QTest::newRow("absurd position and capacity")
            << QByteArray(R"({"devices": [{"id": 1, "name": "a", "map": {"x": 1e300, "y": "3"}}, {"id": 2, "name": "b"}],
                              "links": [{"id": 1, "a": {"device": "a"}, "b": {"device": "b"}, "capacityBps": -5}]})")
            << 2 << 1;
    }
    void hostileJsonIsSkippedNotTrusted()
    {
        QFETCH(QByteArray, topology);
        QFETCH(int, devices);
        QFETCH(int, links);
        MonitorTranslator t;
        const noc::TopologySnapshot s = t.setTopology(QJsonDocument::fromJson(topology).object());
        QCOMPARE(s.devices.size(), devices);
        QCOMPARE(s.links.size(), links);
        for (const noc::TopologyDevice &d : s.devices)
            QVERIFY(!d.position);
        for (const noc::TopologyLink &l : s.links)
            QCOMPARE(l.capacityBitsPerSecond, Q_INT64_C(0));
        // A status of nonsense changes nothing and does not crash.
        const MonitorTranslator::Updates u = t.applyStatus(QJsonDocument::fromJson(
            R"({"devices": [1, "x", {"id": {"a": 1}}, {"id": "1", "reachable": "yes", "roundTripMs": "fast",
                "interfaces": [{"ifIndex": "1"}, {"ifIndex": 0}], "disks": [{"mount": 3}]}], "links": [null]})").object());
        if (devices > 0) {
            QCOMPARE(u.devices.size(), 1);
            QCOMPARE(u.devices.at(0).status, DeviceStatus::Unknown);
            QVERIFY(t.deviceState(u"1"_s)->interfaces.isEmpty());
            QVERIFY(t.deviceState(u"1"_s)->disks.isEmpty());
        }
    }
};

QTEST_GUILESS_MAIN(tst_MonitorTranslator)
#include "tst_monitortranslator.moc"
