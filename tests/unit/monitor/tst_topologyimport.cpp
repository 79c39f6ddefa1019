// The topology import file and the inventory JSON decoders behind it (and behind the API bodies):
// what they accept, and a clear, located error for every kind of bad input.
#include "monitor/inventoryjson.h"
#include "monitor/topologyimport.h"

#include <QFile>
#include <QJsonDocument>
#include <QTest>

using namespace reg;
using namespace reg::monitor;
using namespace Qt::StringLiterals;

class tst_TopologyImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesTheExampleFile();
    void secretsAreNeverEncoded();
    void refusesBadInput_data();
    void refusesBadInput();
    void refusesOversizedFile();
    void refusesTooManyEntries();
    void patchMergesSnmpFieldByField();
    void patchWithAnotherVersionReplacesSnmp();
};

namespace {

QByteArray exampleFile()
{
    QFile file(qEnvironmentVariable("REGISTRY_SOURCE_DIR") + u"/tests/fuzz/corpus/fuzz_topologyimport/small.json"_s);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read the example import file");
    return file.readAll();
}

QByteArray wrap(const QByteArray &lists)
{
    return R"({"format": "registryd-topology", "version": 1, )" + lists + "}";
}

QByteArray oneDevice(const QByteArray &fields)
{
    return wrap(R"("devices": [{"name": "d1", "kind": "router", "site": "s1", )" + fields + "}]");
}

} // namespace

void tst_TopologyImport::parsesTheExampleFile()
{
    Result<TopologyImportFile> file = TopologyImportFile::parse(exampleFile());
    QVERIFY2(file.ok(), qPrintable(file.ok() ? QString() : file.error().message));
    const Topology &t = file->topology;
    QCOMPARE(t.sites.size(), 2);
    QCOMPARE(t.sites.at(0).map, std::optional<MapPoint>(MapPoint{100, 80}));
    QCOMPARE(t.devices.size(), 3);
    const Device &rtr = t.devices.at(0);
    QCOMPARE(rtr.snmp->version, SnmpVersion::V2c);
    QCOMPARE(rtr.snmp->community, std::optional<QByteArray>("n0c-read"));
    QCOMPARE(rtr.snmp->intervalSecs, 300);
    QCOMPARE(rtr.interfaces.size(), 2);
    const Device &fw = t.devices.at(1);
    QCOMPARE(fw.snmp->auth, SnmpAuthProtocol::Sha256);
    QCOMPARE(fw.snmp->level, SnmpSecurityLevel::AuthPriv);
    QCOMPARE(fw.snmp->privPassphrase, std::optional<QByteArray>("priv-pass-1"));
    QCOMPARE(fw.snmp->retries, 2);
    QCOMPARE(fw.parents, QStringList{u"a-rtr1"_s});
    QCOMPARE(t.devices.at(2).address, u"2001:db8::53"_s);
    QVERIFY(!t.devices.at(2).enabled);
    QCOMPARE(t.links.size(), 2);
    QCOMPARE(t.links.at(1).b.interfaceName, QString());
    QVERIFY(!file->replace);
}

void tst_TopologyImport::secretsAreNeverEncoded()
{
    Result<TopologyImportFile> file = TopologyImportFile::parse(exampleFile());
    QVERIFY(file.ok());
    Topology t = file->topology;
    t.devices[0].snmp->communitySet = true;
    const QByteArray json = QJsonDocument(InventoryJson::toJson(t)).toJson();
    for (const char *secret : {"n0c-read", "auth-pass-1", "priv-pass-1"})
        QVERIFY2(!json.contains(secret), secret);
    QVERIFY(json.contains(R"("communitySet": true)"));
}

void tst_TopologyImport::refusesBadInput_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("message");   // a part of the error message: where, and what

    QTest::newRow("syntax error names line") << QByteArray("{\"format\": \"registryd-topology\",\n \"sites\": [,]}") << u"line 2"_s;
    QTest::newRow("not an object") << QByteArray("[]") << u"one JSON object"_s;
    QTest::newRow("wrong format") << QByteArray(R"({"format": "other", "version": 1})") << u"format:"_s;
    QTest::newRow("wrong version") << QByteArray(R"({"format": "registryd-topology", "version": 2})") << u"version:"_s;
    QTest::newRow("unknown top-level field") << wrap(R"("routers": [])") << u"routers: unknown field"_s;
    QTest::newRow("replace not bool") << wrap(R"("replace": "yes")") << u"replace:"_s;
    QTest::newRow("sites not array") << wrap(R"("sites": {})") << u"sites: must be an array"_s;
    QTest::newRow("entry not object") << wrap(R"("sites": [1])") << u"sites[0]: must be an object"_s;
    QTest::newRow("site code missing") << wrap(R"("sites": [{"name": "n", "role": "srs"}])") << u"sites[0].code: missing"_s;
    QTest::newRow("site code characters") << wrap(R"("sites": [{"code": "a b", "name": "n", "role": "srs"}])") << u"sites[0].code:"_s;
    QTest::newRow("site role") << wrap(R"("sites": [{"code": "a", "name": "n", "role": "moon"}])") << u"sites[0].role:"_s;
    QTest::newRow("site name control") << wrap(R"("sites": [{"code": "a", "name": "n\u0007", "role": "srs"}])") << u"control"_s;
    QTest::newRow("site map") << wrap(R"("sites": [{"code": "a", "name": "n", "role": "srs", "map": {"x": 1}}])") << u"sites[0].map.y"_s;
    QTest::newRow("site unknown field") << wrap(R"("sites": [{"code": "a", "name": "n", "role": "srs", "x": 1}])") << u"sites[0].x: unknown"_s;
    QTest::newRow("device kind") << wrap(R"("devices": [{"name": "d", "kind": "toaster", "site": "s"}])") << u"devices[0].kind:"_s;
    QTest::newRow("device address") << oneDevice(R"("address": "10.0.0.0/8")") << u"devices[0].address:"_s;
    QTest::newRow("device enabled") << oneDevice(R"("enabled": 1)") << u"devices[0].enabled:"_s;
    QTest::newRow("snmp without address") << oneDevice(R"("snmp": {"version": "2c", "community": "c"})") << u"devices[0].address: needed"_s;
    QTest::newRow("snmp version") << oneDevice(R"("address": "10.0.0.1", "snmp": {"version": "1"})") << u"devices[0].snmp.version:"_s;
    QTest::newRow("snmp port") << oneDevice(R"("address": "10.0.0.1", "snmp": {"version": "2c", "port": 70000})") << u"devices[0].snmp.port:"_s;
    QTest::newRow("snmp interval") << oneDevice(R"("address": "10.0.0.1", "snmp": {"version": "2c", "intervalSecs": 1})") << u"snmp.intervalSecs"_s;
    QTest::newRow("snmp retries fraction") << oneDevice(R"("address": "10.0.0.1", "snmp": {"version": "2c", "retries": 1.5})") << u"snmp.retries"_s;
    QTest::newRow("v2c with v3 field") << oneDevice(R"("address": "10.0.0.1", "snmp": {"version": "2c", "user": "u"})") << u"snmp.user: unknown field"_s;
    QTest::newRow("community not ascii") << oneDevice(R"("address": "10.0.0.1", "snmp": {"version": "2c", "community": "caf\u00e9"})") << u"printable ASCII"_s;
    QTest::newRow("v3 user missing") << oneDevice(R"("address": "10.0.0.1", "snmp": {"version": "3"})") << u"snmp.user: missing"_s;
    QTest::newRow("v3 short passphrase") << oneDevice(R"("address": "10.0.0.1", "snmp": {"version": "3", "user": "u", "authPassphrase": "short"})") << u"snmp.authPassphrase:"_s;
    QTest::newRow("v3 auth none at authPriv") << oneDevice(R"("address": "10.0.0.1", "snmp": {"version": "3", "user": "u", "auth": "none"})") << u"snmp.auth:"_s;
    QTest::newRow("v3 priv at authNoPriv") << oneDevice(R"("address": "10.0.0.1", "snmp": {"version": "3", "user": "u", "level": "authNoPriv", "priv": "AES"})") << u"snmp.priv:"_s;
    QTest::newRow("v3 priv passphrase unused") << oneDevice(R"("address": "10.0.0.1", "snmp": {"version": "3", "user": "u", "level": "authNoPriv", "privPassphrase": "12345678"})") << u"snmp.privPassphrase:"_s;
    QTest::newRow("parent itself") << oneDevice(R"("parents": ["d1"])") << u"devices[0].parents[0]: a device cannot depend on itself"_s;
    QTest::newRow("parent twice") << oneDevice(R"("parents": ["p", "p"])") << u"devices[0].parents[1]:"_s;
    QTest::newRow("parent not a name") << oneDevice(R"("parents": [3])") << u"devices[0].parents[0]:"_s;
    QTest::newRow("interface index twice") << oneDevice(R"("interfaces": [{"ifIndex": 1, "name": "a"}, {"ifIndex": 1, "name": "b"}])") << u"devices[0].interfaces[1].ifIndex"_s;
    QTest::newRow("interface name twice") << oneDevice(R"("interfaces": [{"ifIndex": 1, "name": "a"}, {"ifIndex": 2, "name": "a"}])") << u"devices[0].interfaces[1].name"_s;
    QTest::newRow("interface index zero") << oneDevice(R"("interfaces": [{"ifIndex": 0, "name": "a"}])") << u"interfaces[0].ifIndex"_s;
    QTest::newRow("link same device") << wrap(R"("links": [{"a": {"device": "x"}, "b": {"device": "x"}, "capacityBps": 1}])") << u"links[0].b:"_s;
    QTest::newRow("link capacity missing") << wrap(R"("links": [{"a": {"device": "x"}, "b": {"device": "y"}}])") << u"links[0].capacityBps: missing"_s;
    QTest::newRow("link end not object") << wrap(R"("links": [{"a": "x", "b": {"device": "y"}, "capacityBps": 1}])") << u"links[0].a:"_s;
    QTest::newRow("link end unknown field") << wrap(R"("links": [{"a": {"device": "x", "port": 1}, "b": {"device": "y"}, "capacityBps": 1}])") << u"links[0].a.port"_s;
}

void tst_TopologyImport::refusesBadInput()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, message);
    Result<TopologyImportFile> file = TopologyImportFile::parse(input);
    QVERIFY(!file.ok());
    QCOMPARE(file.error().code, ErrorCode::InvalidInput);
    QVERIFY2(file.error().message.contains(message), qPrintable(file.error().message));
}

void tst_TopologyImport::refusesOversizedFile()
{
    Result<TopologyImportFile> file = TopologyImportFile::parse(QByteArray(TopologyImportFile::maxBytes + 1, ' '));
    QVERIFY(!file.ok());
    QCOMPARE(file.error().code, ErrorCode::TooLarge);
}

void tst_TopologyImport::refusesTooManyEntries()
{
    QByteArray sites;
    for (int i = 0; i <= TopologyImportFile::maxSites; ++i)
        sites += (i ? "," : "") + QByteArray("{}");
    Result<TopologyImportFile> file = TopologyImportFile::parse(wrap(R"("sites": [)" + sites + "]"));
    QVERIFY(!file.ok());
    QCOMPARE(file.error().code, ErrorCode::TooLarge);
    QVERIFY(file.error().message.startsWith(u"sites:"));
}

void tst_TopologyImport::patchMergesSnmpFieldByField()
{
    const QJsonObject current = QJsonDocument::fromJson(
        R"({"name": "d", "kind": "router", "site": "s", "address": "10.0.0.1",
            "snmp": {"version": "2c", "port": 161, "intervalSecs": 300, "communitySet": true}})").object();
    const QJsonObject merged = InventoryJson::patched(current, QJsonDocument::fromJson(R"({"snmp": {"intervalSecs": 60}, "kind": "switch"})").object());
    Result<Device> device = InventoryJson::device(merged);
    QVERIFY2(device.ok(), qPrintable(device.ok() ? QString() : device.error().message));
    QCOMPARE(device->kind, DeviceKind::Switch);
    QCOMPARE(device->snmp->intervalSecs, 60);
    QVERIFY(!device->snmp->community);   // not sent: the stored one is kept
}

void tst_TopologyImport::patchWithAnotherVersionReplacesSnmp()
{
    const QJsonObject current = QJsonDocument::fromJson(
        R"({"name": "d", "kind": "router", "site": "s", "address": "10.0.0.1", "snmp": {"version": "2c", "communitySet": true}})").object();
    const QJsonObject merged = InventoryJson::patched(
        current, QJsonDocument::fromJson(R"({"snmp": {"version": "3", "user": "noc", "authPassphrase": "12345678", "privPassphrase": "abcdefgh"}})").object());
    Result<Device> device = InventoryJson::device(merged);
    QVERIFY2(device.ok(), qPrintable(device.ok() ? QString() : device.error().message));
    QCOMPARE(device->snmp->version, SnmpVersion::V3);
    const QJsonObject removed = InventoryJson::patched(current, QJsonDocument::fromJson(R"({"snmp": null})").object());
    QVERIFY(!InventoryJson::device(removed)->snmp);
}

QTEST_GUILESS_MAIN(tst_TopologyImport)
#include "tst_topologyimport.moc"
