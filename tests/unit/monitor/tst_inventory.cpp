// The inventory repository on a real SQLite store: the rules every change follows, sealed
// secrets, the dependency view, and the all-or-nothing import.
#include "monitor/inventory.h"

#include "core/clock.h"
#include "core/securefile.h"
#include "store/connection.h"
#include "store/store.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace reg;
using namespace reg::monitor;
using namespace Qt::StringLiterals;

class tst_Inventory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void createsAndReadsSites();
    void refusesDuplicateNames();
    void deviceNeedsAnExistingSite();
    void storesSecretsSealedAndReportsOnlyThatTheyAreSet();
    void snmpTargetsOpenTheSecrets();
    void updateWithoutSecretsKeepsThem();
    void refusesSnmpSettingsWithoutTheirSecret();
    void refusesDependencyCycle();
    void refusesDeletingSiteWithDevices();
    void refusesDeletingDeviceOthersDependOn();
    void deletingDeviceRemovesItsLinks();
    void linksNeedExistingInterfaces();
    void interfacesKeepTheirLinksWhenRenamed();
    void dependencyViewNamesSiteAndParents();
    void savesMapPositions();
    void importIsAllOrNothing();
    void importReplacesTheInventory();
    void writesNoJournalEntries();
    void keyFileOnlyWhenASecretIsStored();
    void movedSecretDoesNotOpen();

private:
    Site site(const QString &code) const { return Site{code, u"Site "_s + code, SiteRole::Srs, u"Frankfurt"_s, std::nullopt}; }
    Device device(const QString &name, const QString &siteCode, const QStringList &parents = {}) const;
    Device polled(const QString &name, const QString &siteCode) const;
    qint64 journalHead() const { return m_store->writer().journalHead(); }
    QString keyFile() const { return m_dir->filePath(u"monitor-secrets.key"_s); }

    std::unique_ptr<QTemporaryDir> m_dir;
    ManualClock m_clock;
    std::unique_ptr<store::Store> m_store;
    std::unique_ptr<Inventory> m_inventory;
};

Device tst_Inventory::device(const QString &name, const QString &siteCode, const QStringList &parents) const
{
    Device d;
    d.name = name;
    d.kind = DeviceKind::Router;
    d.site = siteCode;
    d.address = u"10.1.0.1"_s;
    d.parents = parents;
    return d;
}

Device tst_Inventory::polled(const QString &name, const QString &siteCode) const
{
    Device d = device(name, siteCode);
    SnmpSettings s;
    s.version = SnmpVersion::V2c;
    s.community = QByteArray("n0c-community-secret");
    s.intervalSecs = 60;
    d.snmp = s;
    return d;
}

void tst_Inventory::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    Result<std::unique_ptr<store::Store>> store = store::Store::open({m_dir->filePath(u"registry.db"_s), 256, true}, m_clock);
    QVERIFY(store.ok());
    m_store = std::move(*store);
    m_inventory = std::make_unique<Inventory>(*m_store, m_clock, keyFile());
    QVERIFY(m_inventory->createSite(site(u"site-a"_s)).ok());
}

void tst_Inventory::cleanup()
{
    m_inventory.reset();
    m_store.reset();
    m_dir.reset();
}

void tst_Inventory::createsAndReadsSites()
{
    Site b = site(u"site-b"_s);
    b.role = SiteRole::Nameserver;
    b.map = MapPoint{10, 20};
    QVERIFY(m_inventory->createSite(b).ok());
    Result<Site> read = m_inventory->site(u"site-b"_s);
    QVERIFY(read.ok());
    QCOMPARE(read->role, SiteRole::Nameserver);
    QCOMPARE(read->map, std::optional<MapPoint>(MapPoint{10, 20}));
    b.name = u"Renamed"_s;
    b.code = u"site-c"_s;
    QVERIFY(m_inventory->updateSite(u"site-b"_s, b).ok());
    QCOMPARE(m_inventory->site(u"site-b"_s).error().code, ErrorCode::NotFound);
    QCOMPARE(m_inventory->site(u"site-c"_s)->name, u"Renamed"_s);
    QCOMPARE(m_inventory->sites()->size(), 2);
}

void tst_Inventory::refusesDuplicateNames()
{
    QCOMPARE(m_inventory->createSite(site(u"site-a"_s)).error().code, ErrorCode::Conflict);
    QVERIFY(m_inventory->createDevice(device(u"r1"_s, u"site-a"_s)).ok());
    Result<qint64> again = m_inventory->createDevice(device(u"r1"_s, u"site-a"_s));
    QCOMPARE(again.error().code, ErrorCode::Conflict);
    QVERIFY(again.error().message.contains(u"r1"));
    QVERIFY(m_inventory->createDevice(device(u"r2"_s, u"site-a"_s)).ok());
    QCOMPARE(m_inventory->updateDevice(u"r2"_s, device(u"r1"_s, u"site-a"_s)).error().code, ErrorCode::Conflict);
}

void tst_Inventory::deviceNeedsAnExistingSite()
{
    Result<qint64> created = m_inventory->createDevice(device(u"r1"_s, u"nowhere"_s));
    QCOMPARE(created.error().code, ErrorCode::InvalidInput);
    QVERIFY2(created.error().message.contains(u"no site nowhere"), qPrintable(created.error().message));
    QCOMPARE(m_inventory->createDevice(device(u"r2"_s, u"site-a"_s, {u"ghost"_s})).error().code, ErrorCode::InvalidInput);
    QVERIFY(m_inventory->devices()->isEmpty());
}

void tst_Inventory::storesSecretsSealedAndReportsOnlyThatTheyAreSet()
{
    QVERIFY(m_inventory->createDevice(polled(u"r1"_s, u"site-a"_s)).ok());
    Result<Device> read = m_inventory->device(u"r1"_s);
    QVERIFY(read.ok());
    QVERIFY(read->snmp->communitySet);
    QVERIFY(!read->snmp->community);
    QCOMPARE(read->snmp->intervalSecs, 60);
    // Nowhere in the database file (nor its write-ahead log) is the community in clear.
    m_inventory.reset();
    m_store.reset();
    for (const QString &file : {u"registry.db"_s, u"registry.db-wal"_s}) {
        QFile f(m_dir->filePath(file));
        if (f.open(QIODevice::ReadOnly))
            QVERIFY(!f.readAll().contains("n0c-community-secret"));
    }
    QCOMPARE(SecureFile::permissions(keyFile()), 0600);
}

void tst_Inventory::snmpTargetsOpenTheSecrets()
{
    QVERIFY(m_inventory->createDevice(polled(u"r1"_s, u"site-a"_s)).ok());
    Device v3 = device(u"fw1"_s, u"site-a"_s);
    v3.address = u"2001:db8::5"_s;
    SnmpSettings s;
    s.version = SnmpVersion::V3;
    s.user = "noc";
    s.auth = SnmpAuthProtocol::Sha256;
    s.authPassphrase = QByteArray("auth-passphrase");
    s.privPassphrase = QByteArray("priv-passphrase");
    s.port = 1161;
    v3.snmp = s;
    QVERIFY(m_inventory->createDevice(v3).ok());
    Device off = polled(u"off"_s, u"site-a"_s);
    off.enabled = false;
    QVERIFY(m_inventory->createDevice(off).ok());
    QVERIFY(m_inventory->createDevice(device(u"plain"_s, u"site-a"_s)).ok());

    Result<QList<SnmpTarget>> targets = m_inventory->snmpTargets();
    QVERIFY(targets.ok());
    QCOMPARE(targets->size(), 2);   // not the disabled one, nor the one without SNMP
    const SnmpTarget &a = targets->at(0);
    QCOMPARE(a.deviceId, m_inventory->device(u"r1"_s)->id);
    QCOMPARE(a.credentials.community, QByteArray("n0c-community-secret"));
    QCOMPARE(a.intervalSecs, 60);
    QCOMPARE(a.address, QHostAddress(u"10.1.0.1"_s));
    const SnmpTarget &b = targets->at(1);
    QCOMPARE(b.credentials.version, SnmpVersion::V3);
    QCOMPARE(b.credentials.user, QByteArray("noc"));
    QCOMPARE(b.credentials.auth, SnmpAuthProtocol::Sha256);
    QCOMPARE(b.credentials.authPassphrase, QByteArray("auth-passphrase"));
    QCOMPARE(b.credentials.privPassphrase, QByteArray("priv-passphrase"));
    QCOMPARE(b.port, quint16(1161));
}

void tst_Inventory::updateWithoutSecretsKeepsThem()
{
    QVERIFY(m_inventory->createDevice(polled(u"r1"_s, u"site-a"_s)).ok());
    Device changed = polled(u"r1"_s, u"site-a"_s);
    changed.snmp->community.reset();
    changed.snmp->intervalSecs = 120;
    QVERIFY(m_inventory->updateDevice(u"r1"_s, changed).ok());
    Result<QList<SnmpTarget>> targets = m_inventory->snmpTargets();
    QCOMPARE(targets->size(), 1);
    QCOMPARE(targets->first().intervalSecs, 120);
    QCOMPARE(targets->first().credentials.community, QByteArray("n0c-community-secret"));
}

void tst_Inventory::refusesSnmpSettingsWithoutTheirSecret()
{
    Device d = polled(u"r1"_s, u"site-a"_s);
    d.snmp->community.reset();
    Result<qint64> created = m_inventory->createDevice(d);
    QCOMPARE(created.error().code, ErrorCode::InvalidInput);
    QVERIFY(created.error().message.contains(u"snmp.community"));
    QVERIFY(m_inventory->devices()->isEmpty());   // the work rolled back
    // Moving a v2c device to v3 needs the v3 passphrases: the community does not count.
    QVERIFY(m_inventory->createDevice(polled(u"r2"_s, u"site-a"_s)).ok());
    Device v3 = device(u"r2"_s, u"site-a"_s);
    v3.snmp = SnmpSettings{};
    v3.snmp->version = SnmpVersion::V3;
    v3.snmp->user = "noc";
    QVERIFY(!m_inventory->updateDevice(u"r2"_s, v3).ok());
}

void tst_Inventory::refusesDependencyCycle()
{
    QVERIFY(m_inventory->createDevice(device(u"a"_s, u"site-a"_s)).ok());
    QVERIFY(m_inventory->createDevice(device(u"b"_s, u"site-a"_s, {u"a"_s})).ok());
    QVERIFY(m_inventory->createDevice(device(u"c"_s, u"site-a"_s, {u"b"_s})).ok());
    Result<void> cycle = m_inventory->updateDevice(u"a"_s, device(u"a"_s, u"site-a"_s, {u"c"_s}));
    QVERIFY(!cycle.ok());
    QCOMPARE(cycle.error().code, ErrorCode::Conflict);
    QVERIFY2(cycle.error().message.contains(u"a -> c -> b -> a"), qPrintable(cycle.error().message));
    QVERIFY(m_inventory->device(u"a"_s)->parents.isEmpty());   // nothing changed
}

void tst_Inventory::refusesDeletingSiteWithDevices()
{
    QVERIFY(m_inventory->createDevice(device(u"r1"_s, u"site-a"_s)).ok());
    Result<void> deleted = m_inventory->deleteSite(u"site-a"_s);
    QCOMPARE(deleted.error().code, ErrorCode::Conflict);
    QVERIFY(deleted.error().message.contains(u"r1"));
    QVERIFY(m_inventory->deleteDevice(u"r1"_s).ok());
    QVERIFY(m_inventory->deleteSite(u"site-a"_s).ok());
    QCOMPARE(m_inventory->deleteSite(u"site-a"_s).error().code, ErrorCode::NotFound);
}

void tst_Inventory::refusesDeletingDeviceOthersDependOn()
{
    QVERIFY(m_inventory->createDevice(device(u"rtr"_s, u"site-a"_s)).ok());
    QVERIFY(m_inventory->createDevice(device(u"fw"_s, u"site-a"_s, {u"rtr"_s})).ok());
    Result<void> deleted = m_inventory->deleteDevice(u"rtr"_s);
    QCOMPARE(deleted.error().code, ErrorCode::Conflict);
    QVERIFY(deleted.error().message.contains(u"fw"));
    QVERIFY(m_inventory->deleteDevice(u"fw"_s).ok());
    QVERIFY(m_inventory->deleteDevice(u"rtr"_s).ok());
}

void tst_Inventory::deletingDeviceRemovesItsLinks()
{
    QVERIFY(m_inventory->createDevice(device(u"a"_s, u"site-a"_s)).ok());
    QVERIFY(m_inventory->createDevice(device(u"b"_s, u"site-a"_s)).ok());
    QVERIFY(m_inventory->createLink(Link{0, {u"a"_s, {}}, {u"b"_s, {}}, 1000}).ok());
    QVERIFY(m_inventory->deleteDevice(u"b"_s).ok());
    QVERIFY(m_inventory->links()->isEmpty());
}

void tst_Inventory::linksNeedExistingInterfaces()
{
    Device a = device(u"a"_s, u"site-a"_s);
    a.interfaces = {Interface{1, u"xe-0/0/1"_s, 10000000000}};
    QVERIFY(m_inventory->createDevice(a).ok());
    QVERIFY(m_inventory->createDevice(device(u"b"_s, u"site-a"_s)).ok());
    Result<qint64> bad = m_inventory->createLink(Link{0, {u"a"_s, u"xe-0/0/9"_s}, {u"b"_s, {}}, 1000});
    QCOMPARE(bad.error().code, ErrorCode::InvalidInput);
    QVERIFY2(bad.error().message.contains(u"a.interface"), qPrintable(bad.error().message));
    QCOMPARE(m_inventory->createLink(Link{0, {u"a"_s, {}}, {u"ghost"_s, {}}, 1000}).error().code, ErrorCode::InvalidInput);
    Result<qint64> id = m_inventory->createLink(Link{0, {u"a"_s, u"xe-0/0/1"_s}, {u"b"_s, {}}, 10000000000});
    QVERIFY(id.ok());
    Result<Link> read = m_inventory->link(*id);
    QCOMPARE(read->a.interfaceName, u"xe-0/0/1"_s);
    QCOMPARE(read->capacityBps, 10000000000);
    QVERIFY(m_inventory->updateLink(*id, Link{0, {u"b"_s, {}}, {u"a"_s, {}}, 5}).ok());
    QCOMPARE(m_inventory->link(*id)->a.device, u"b"_s);
    QVERIFY(m_inventory->deleteLink(*id).ok());
    QCOMPARE(m_inventory->deleteLink(*id).error().code, ErrorCode::NotFound);
}

void tst_Inventory::interfacesKeepTheirLinksWhenRenamed()
{
    Device a = device(u"a"_s, u"site-a"_s);
    a.interfaces = {Interface{1, u"eth0"_s, 0}, Interface{2, u"eth1"_s, 0}};
    QVERIFY(m_inventory->createDevice(a).ok());
    QVERIFY(m_inventory->createDevice(device(u"b"_s, u"site-a"_s)).ok());
    Result<qint64> id = m_inventory->createLink(Link{0, {u"a"_s, u"eth0"_s}, {u"b"_s, {}}, 1000});
    QVERIFY(id.ok());
    a.interfaces = {Interface{1, u"eth1"_s, 1000}, Interface{2, u"eth0"_s, 0}};   // swapped names
    QVERIFY(m_inventory->updateDevice(u"a"_s, a).ok());
    QCOMPARE(m_inventory->link(*id)->a.interfaceName, u"eth1"_s);   // same ifIndex 1
    a.interfaces = {Interface{2, u"eth0"_s, 0}};
    QVERIFY(m_inventory->updateDevice(u"a"_s, a).ok());
    QCOMPARE(m_inventory->link(*id)->a.interfaceName, QString());   // its interface went: device to device
}

void tst_Inventory::dependencyViewNamesSiteAndParents()
{
    QVERIFY(m_inventory->createDevice(device(u"rtr"_s, u"site-a"_s)).ok());
    QVERIFY(m_inventory->createDevice(device(u"rtr2"_s, u"site-a"_s)).ok());
    QVERIFY(m_inventory->createDevice(device(u"fw"_s, u"site-a"_s, {u"rtr"_s, u"rtr2"_s})).ok());
    Result<QList<DeviceDependency>> view = m_inventory->dependencies();
    QVERIFY(view.ok());
    QCOMPARE(view->size(), 3);
    const DeviceDependency &fw = view->at(2);
    QCOMPARE(fw.name, u"fw"_s);
    QCOMPARE(fw.siteCode, u"site-a"_s);
    QCOMPARE(fw.parentIds, (QList<qint64>{view->at(0).deviceId, view->at(1).deviceId}));
}

void tst_Inventory::savesMapPositions()
{
    QVERIFY(m_inventory->createDevice(device(u"a"_s, u"site-a"_s)).ok());
    QVERIFY(m_inventory->saveMapPositions({{u"a"_s, MapPoint{1.5, -2}}}).ok());
    QCOMPARE(m_inventory->device(u"a"_s)->map, std::optional<MapPoint>(MapPoint{1.5, -2}));
    QCOMPARE(m_inventory->saveMapPositions({{u"ghost"_s, MapPoint{}}}).error().code, ErrorCode::NotFound);
}

void tst_Inventory::importIsAllOrNothing()
{
    QFile example(qEnvironmentVariable("REGISTRY_SOURCE_DIR") + u"/tests/fuzz/corpus/fuzz_topologyimport/small.json"_s);
    QVERIFY(example.open(QIODevice::ReadOnly));
    Result<TopologyImportFile> file = TopologyImportFile::parse(example.readAll());
    QVERIFY(file.ok());
    file->topology.sites.removeFirst();   // site-a exists already
    TopologyImportFile broken = *file;
    broken.topology.links.last().b.interfaceName = u"eth9"_s;
    Result<ImportSummary> failed = m_inventory->importTopology(broken);
    QVERIFY(!failed.ok());
    QVERIFY2(failed.error().message.startsWith(u"links[1]: b.interface"), qPrintable(failed.error().message));
    QCOMPARE(m_inventory->sites()->size(), 1);
    QVERIFY(m_inventory->devices()->isEmpty());

    Result<ImportSummary> imported = m_inventory->importTopology(*file);
    QVERIFY2(imported.ok(), qPrintable(imported.ok() ? QString() : imported.error().message));
    QCOMPARE(imported->devices, 3);
    Result<Topology> t = m_inventory->topology();
    QCOMPARE(t->sites.size(), 2);
    QCOMPARE(t->devices.size(), 3);
    QCOMPARE(t->links.size(), 2);
    QCOMPARE(m_inventory->snmpTargets()->size(), 2);   // lhr-ns1 has no SNMP

    // A second import of the same devices conflicts and names the entry.
    file->topology.sites.clear();
    Result<ImportSummary> again = m_inventory->importTopology(*file);
    QVERIFY(!again.ok());
    QVERIFY2(again.error().message.startsWith(u"devices[0]: a device a-rtr1 already exists"), qPrintable(again.error().message));
}

void tst_Inventory::importReplacesTheInventory()
{
    QVERIFY(m_inventory->createDevice(device(u"old"_s, u"site-a"_s)).ok());
    TopologyImportFile file;
    file.replace = true;
    file.topology.sites = {site(u"site-z"_s)};
    file.topology.devices = {device(u"b"_s, u"site-z"_s, {u"a"_s}), device(u"a"_s, u"site-z"_s, {u"b"_s})};
    Result<ImportSummary> cycle = m_inventory->importTopology(file);
    QVERIFY(!cycle.ok());
    QVERIFY(cycle.error().message.contains(u"cycle"));
    QCOMPARE(m_inventory->device(u"old"_s)->name, u"old"_s);   // the failed import removed nothing
    file.topology.devices.last().parents.clear();   // parents may come later in the file
    QVERIFY(m_inventory->importTopology(file).ok());
    QCOMPARE(m_inventory->sites()->size(), 1);
    QCOMPARE(m_inventory->devices()->size(), 2);
    QCOMPARE(m_inventory->device(u"old"_s).error().code, ErrorCode::NotFound);
}

void tst_Inventory::writesNoJournalEntries()
{
    const qint64 head = journalHead();
    QVERIFY(m_inventory->createDevice(polled(u"r1"_s, u"site-a"_s)).ok());
    QVERIFY(m_inventory->deleteDevice(u"r1"_s).ok());
    QCOMPARE(journalHead(), head);
}

void tst_Inventory::keyFileOnlyWhenASecretIsStored()
{
    QVERIFY(m_inventory->createDevice(device(u"plain"_s, u"site-a"_s)).ok());
    QVERIFY(m_inventory->snmpTargets()->isEmpty());
    QVERIFY(!QFileInfo::exists(keyFile()));
    QVERIFY(m_inventory->createDevice(polled(u"r1"_s, u"site-a"_s)).ok());
    QVERIFY(QFileInfo::exists(keyFile()));
}

void tst_Inventory::movedSecretDoesNotOpen()
{
    QVERIFY(m_inventory->createDevice(polled(u"r1"_s, u"site-a"_s)).ok());
    QVERIFY(m_inventory->createDevice(polled(u"r2"_s, u"site-a"_s)).ok());
    // Someone with write access to the database copies r1's sealed community into r2's row.
    QVERIFY(m_store->writer().submitAndWait([](store::Connection &c) -> Result<std::optional<store::JournalChange>> {
        if (auto r = c.execute(u"UPDATE monitor_devices SET community_sealed = (SELECT community_sealed FROM monitor_devices "
                               "WHERE name = 'r1') WHERE name = 'r2'"_s);
            !r)
            return r.error();
        return std::optional<store::JournalChange>();
    }).ok());
    Result<QList<SnmpTarget>> targets = m_inventory->snmpTargets();
    QVERIFY(targets.ok());
    QCOMPARE(targets->size(), 1);   // r2 is left out (and logged), r1 still polled
    QCOMPARE(targets->first().deviceId, m_inventory->device(u"r1"_s)->id);
}

QTEST_GUILESS_MAIN(tst_Inventory)
#include "tst_inventory.moc"
