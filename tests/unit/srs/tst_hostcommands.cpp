// Unit tests for engine/srs/hostcommands.cpp (RFC 5732): check, info, create, update with rename,
// delete; subordinate and external hosts, glue address rules, statuses, registrar isolation, the
// journal entries, and that every refusal leaves the database as it was.
#include "objectcommandsfixture.h"

#include "srs/host.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using reg::srs::EppStatus;
using reg::srs::HostAddress;
using reg::srs::HostCommands;
using reg::srs::HostCreateRequest;
using reg::srs::HostUpdateRequest;
using reg::srs::IpVersion;
using reg::srs::Refusal;
using reg::srs::StatusSet;
using testing::ObjectCommandsFixture;
using testing::Snapshot;

Q_DECLARE_METATYPE(reg::srs::Refusal)
Q_DECLARE_METATYPE(reg::srs::HostAddress)
Q_DECLARE_METATYPE(reg::srs::HostUpdateRequest)

namespace {

HostAddress v4(const QString &a) { return {a, IpVersion::V4}; }
HostAddress v6(const QString &a) { return {a, IpVersion::V6}; }

HostCreateRequest createRequest(const QString &name, const QList<HostAddress> &addresses = {})
{
    HostCreateRequest r;
    r.name = name;
    r.addresses = addresses;
    return r;
}

QJsonObject json(const QString &text) { return QJsonDocument::fromJson(text.toUtf8()).object(); }

} // namespace

class tst_HostCommands : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void createsExternalHostWithoutAddresses();
    void createsSubordinateHostWithCanonicalGlue();
    void createRefusals_data();
    void createRefusals();
    void createRefusesDocumentationAddressesUnlessAllowed();
    void checkReportsEachName();
    void checkLimitsTheList();
    void infoIsPublicAndComputesLinked();
    void infoOfUnknownHostIsNotFound();
    void sponsorFollowsTheSuperordinateDomain();
    void updateAddsAndRemovesAddresses();
    void updateRefusals_data();
    void updateRefusals();
    void clientUpdateProhibitedBlocksAllButUnlocking();
    void lastAddressOfLinkedSubordinateHostStays();
    void renamesWithinTheSponsorsDomains();
    void renameRefusals_data();
    void renameRefusals();
    void renamesSubordinateToExternalWhenAddressesGo();
    void renamesUnlinkedExternalHostInward();
    void deleteRefusedWhileLinked();
    void deleteRefusals();
    void deletesAndJournals();

private:
    void createFixtureHosts();
    std::unique_ptr<ObjectCommandsFixture> f;
};

void tst_HostCommands::init()
{
    f = std::make_unique<ObjectCommandsFixture>();
    QVERIFY(f->open());
    QVERIFY(f->addDomain(u"alpha.example"_s, u"rar-a"_s, u"D000001-REG"_s));
    QVERIFY(f->addDomain(u"alpha2.example"_s, u"rar-a"_s, u"D000002-REG"_s));
    QVERIFY(f->addDomain(u"beta.example"_s, u"rar-b"_s, u"D000003-REG"_s));
}

void tst_HostCommands::cleanup()
{
    f.reset();
}

// ns1.alpha.example (subordinate, rar-a, one v4), ns.other.net (external, rar-a), ns1.beta.example (rar-b).
void tst_HostCommands::createFixtureHosts()
{
    QVERIFY(f->write(HostCommands::create(f->ctx(u"rar-a"_s), createRequest(u"ns1.alpha.example"_s, {v4(u"192.0.2.1"_s)}))).ok());
    QVERIFY(f->write(HostCommands::create(f->ctx(u"rar-a"_s), createRequest(u"ns.other.net"_s))).ok());
    QVERIFY(f->write(HostCommands::create(f->ctx(u"rar-b"_s), createRequest(u"ns1.beta.example"_s, {v4(u"192.0.2.9"_s)}))).ok());
}

void tst_HostCommands::createsExternalHostWithoutAddresses()
{
    const qint64 head = f->journalHead();
    auto created = f->write(HostCommands::create(f->ctx(u"rar-a"_s), createRequest(u"NS1.Example.NET."_s)));
    QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().message));
    QCOMPARE(created->name, u"ns1.example.net"_s);
    QCOMPARE(created->createdAt, f->clock.now());
    QCOMPARE(f->journalHead(), head + 1);
    QCOMPARE(f->lastKind(), u"host.create"_s);
    QCOMPARE(f->lastObject(), u"ns1.example.net"_s);
    const QJsonObject data = json(f->lastData());
    QCOMPARE(data.value(u"sponsor"_s).toString(), u"rar-a"_s);
    QCOMPARE(data.value(u"addresses"_s).toArray().size(), 0);
    QVERIFY(!data.contains(u"superordinateDomain"_s));

    auto info = HostCommands::info(*f->reader, f->ctx(u"rar-a"_s), u"ns1.example.net"_s);
    QVERIFY(info.ok());
    QVERIFY(info->roid.startsWith(u'H') && info->roid.endsWith(u"-REG"_s));
    QCOMPARE(info->statuses, StatusSet({EppStatus::Ok}));
    QCOMPARE(info->sponsorId, u"rar-a"_s);
    QCOMPARE(info->creatorId, u"rar-a"_s);
    QVERIFY(info->addresses.isEmpty());
    QVERIFY(!info->updatedAt);
    QVERIFY(f->value(u"SELECT domain_roid FROM hosts WHERE name = 'ns1.example.net'"_s).isNull());
}

void tst_HostCommands::createsSubordinateHostWithCanonicalGlue()
{
    auto created = f->write(HostCommands::create(f->ctx(u"rar-a"_s),
                                                 createRequest(u"ns1.alpha.example"_s, {v4(u"192.0.2.1"_s), v6(u"2001:DB8:0::53"_s)})));
    QVERIFY(created.ok());
    QCOMPARE(f->value(u"SELECT domain_roid FROM hosts WHERE name = 'ns1.alpha.example'"_s).toString(), u"D000001-REG"_s);
    auto info = HostCommands::info(*f->reader, f->ctx(u"rar-a"_s), u"ns1.alpha.example"_s);
    QVERIFY(info.ok());
    QCOMPARE(info->addresses.size(), 2);
    QVERIFY(info->addresses.contains(v4(u"192.0.2.1"_s)));
    QVERIFY(info->addresses.contains(v6(u"2001:db8::53"_s)));
    const QJsonObject data = json(f->lastData());
    QCOMPARE(data.value(u"superordinateDomain"_s).toString(), u"alpha.example"_s);
    QCOMPARE(data.value(u"addresses"_s).toArray().size(), 2);
}

void tst_HostCommands::createRefusals_data()
{
    QTest::addColumn<QString>("registrar");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QList<HostAddress>>("addresses");
    QTest::addColumn<Refusal>("refusal");
    QTest::addColumn<QString>("field");

    const QString a = u"rar-a"_s;
    QTest::newRow("bad name") << a << u"ns1..alpha.example"_s << QList<HostAddress>{} << Refusal::SyntaxError << u"host:name"_s;
    QTest::newRow("empty name") << a << QString() << QList<HostAddress>{} << Refusal::SyntaxError << u"host:name"_s;
    QTest::newRow("exists") << a << u"ns.other.net"_s << QList<HostAddress>{} << Refusal::Exists << u"host:name"_s;
    QTest::newRow("exists other case") << a << u"NS.OTHER.NET"_s << QList<HostAddress>{} << Refusal::Exists << u"host:name"_s;
    QTest::newRow("external with address") << a << u"ns2.other.net"_s << QList<HostAddress>{v4(u"192.0.2.7"_s)}
                                           << Refusal::PolicyError << u"host:addr"_s;
    QTest::newRow("subordinate without address") << a << u"ns2.alpha.example"_s << QList<HostAddress>{} << Refusal::PolicyError
                                                 << u"host:addr"_s;
    QTest::newRow("superordinate domain missing") << a << u"ns1.nosuch.example"_s << QList<HostAddress>{v4(u"192.0.2.7"_s)}
                                                  << Refusal::PolicyError << u"host:name"_s;
    QTest::newRow("registrable name itself") << a << u"alpha.example"_s << QList<HostAddress>{v4(u"192.0.2.7"_s)}
                                             << Refusal::PolicyError << u"host:name"_s;
    QTest::newRow("tld itself") << a << u"example"_s << QList<HostAddress>{} << Refusal::SyntaxError << u"host:name"_s;
    QTest::newRow("other registrar's domain") << a << u"ns2.beta.example"_s << QList<HostAddress>{v4(u"192.0.2.7"_s)}
                                              << Refusal::AuthorizationError << u"host:name"_s;
    QTest::newRow("address syntax") << a << u"ns2.alpha.example"_s << QList<HostAddress>{v4(u"192.0.2.256"_s)}
                                    << Refusal::SyntaxError << u"host:addr"_s;
    QTest::newRow("family mismatch") << a << u"ns2.alpha.example"_s << QList<HostAddress>{v6(u"192.0.2.1"_s)}
                                     << Refusal::PolicyError << u"host:addr"_s;
    QTest::newRow("private address") << a << u"ns2.alpha.example"_s << QList<HostAddress>{v4(u"10.0.0.1"_s)}
                                     << Refusal::PolicyError << u"host:addr"_s;
    QTest::newRow("loopback v6") << a << u"ns2.alpha.example"_s << QList<HostAddress>{v6(u"::1"_s)} << Refusal::PolicyError
                                 << u"host:addr"_s;
    QTest::newRow("duplicate address") << a << u"ns2.alpha.example"_s
                                       << QList<HostAddress>{v6(u"2001:db8::1"_s), v6(u"2001:DB8:0:0::1"_s)}
                                       << Refusal::PolicyError << u"host:addr"_s;
    QList<HostAddress> many;
    for (int i = 1; i <= 14; ++i)
        many << v4(u"192.0.2.%1"_s.arg(i));
    QTest::newRow("fourteen v4 addresses") << a << u"ns2.alpha.example"_s << many << Refusal::PolicyError << u"host:addr"_s;
}

void tst_HostCommands::createRefusals()
{
    QFETCH(QString, registrar);
    QFETCH(QString, name);
    QFETCH(QList<HostAddress>, addresses);
    QFETCH(Refusal, refusal);
    QFETCH(QString, field);
    createFixtureHosts();
    const Snapshot before = Snapshot::of(*f);
    auto created = f->write(HostCommands::create(f->ctx(registrar), createRequest(name, addresses)));
    QVERIFY(!created.ok());
    QCOMPARE(created.error().refusal, refusal);
    QCOMPARE(created.error().field, field);
    QVERIFY(!created.error().message.isEmpty());
    QVERIFY(Snapshot::of(*f) == before);
}

void tst_HostCommands::createRefusesDocumentationAddressesUnlessAllowed()
{
    f->policy.allowDocumentationAddresses = false;
    auto refused = f->write(HostCommands::create(f->ctx(u"rar-a"_s), createRequest(u"ns1.alpha.example"_s, {v4(u"192.0.2.1"_s)})));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().refusal, Refusal::PolicyError);
    QCOMPARE(refused.error().value, u"192.0.2.1"_s);
    QVERIFY(f->write(HostCommands::create(f->ctx(u"rar-a"_s), createRequest(u"ns1.alpha.example"_s, {v4(u"8.8.8.8"_s)}))).ok());
}

void tst_HostCommands::checkReportsEachName()
{
    createFixtureHosts();
    auto checked = HostCommands::check(*f->reader, f->ctx(u"rar-b"_s),
                                       {u"ns1.alpha.example"_s, u"free.other.net"_s, u"bad_name..x"_s, u"NS.OTHER.NET"_s});
    QVERIFY(checked.ok());
    QCOMPARE(checked->size(), 4);
    QCOMPARE(checked->at(0).name, u"ns1.alpha.example"_s);
    QVERIFY(!checked->at(0).available);
    QCOMPARE(checked->at(0).reason, u"In use"_s);
    QVERIFY(checked->at(1).available);
    QVERIFY(checked->at(1).reason.isEmpty());
    QVERIFY(!checked->at(2).available);
    QCOMPARE(checked->at(2).reason, u"Invalid host name"_s);
    QVERIFY(!checked->at(3).available);
    QCOMPARE(checked->at(3).name, u"NS.OTHER.NET"_s);
}

void tst_HostCommands::checkLimitsTheList()
{
    auto none = HostCommands::check(*f->reader, f->ctx(u"rar-a"_s), {});
    QVERIFY(!none.ok());
    QCOMPARE(none.error().refusal, Refusal::MissingParameter);
    QStringList names;
    for (int i = 0; i < 99; ++i)
        names << u"ns%1.other.net"_s.arg(i);
    QVERIFY(HostCommands::check(*f->reader, f->ctx(u"rar-a"_s), names).ok());
    names << u"one-too-many.net"_s;
    auto tooMany = HostCommands::check(*f->reader, f->ctx(u"rar-a"_s), names);
    QVERIFY(!tooMany.ok());
    QCOMPARE(tooMany.error().refusal, Refusal::PolicyError);
}

void tst_HostCommands::infoIsPublicAndComputesLinked()
{
    createFixtureHosts();
    auto other = HostCommands::info(*f->reader, f->ctx(u"rar-b"_s), u"ns1.alpha.example"_s);
    QVERIFY(other.ok());
    QCOMPARE(other->sponsorId, u"rar-a"_s);
    QCOMPARE(other->addresses, QList<HostAddress>{v4(u"192.0.2.1"_s)});
    QCOMPARE(other->statuses, StatusSet({EppStatus::Ok}));

    const QString roid = f->value(u"SELECT roid FROM hosts WHERE name = 'ns1.alpha.example'"_s).toString();
    QVERIFY(f->sql(u"INSERT INTO domain_hosts (domain_roid, host_roid) VALUES ('D000003-REG', ?1)"_s, {roid}));
    auto linked = HostCommands::info(*f->reader, f->ctx(u"rar-b"_s), u"ns1.alpha.example"_s);
    QVERIFY(linked.ok());
    QCOMPARE(linked->statuses, StatusSet({EppStatus::Ok, EppStatus::Linked}));
}

void tst_HostCommands::infoOfUnknownHostIsNotFound()
{
    auto missing = HostCommands::info(*f->reader, f->ctx(u"rar-a"_s), u"ns9.alpha.example"_s);
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().refusal, Refusal::NotFound);
    auto invalid = HostCommands::info(*f->reader, f->ctx(u"rar-a"_s), u"-bad-.example"_s);
    QVERIFY(!invalid.ok());
    QCOMPARE(invalid.error().refusal, Refusal::NotFound);
}

void tst_HostCommands::sponsorFollowsTheSuperordinateDomain()
{
    createFixtureHosts();
    QVERIFY(f->sql(u"UPDATE domains SET registrar_id = 'rar-c' WHERE name = 'alpha.example'"_s));
    auto info = HostCommands::info(*f->reader, f->ctx(u"rar-c"_s), u"ns1.alpha.example"_s);
    QVERIFY(info.ok());
    QCOMPARE(info->sponsorId, u"rar-c"_s);
    HostUpdateRequest u;
    u.name = u"ns1.alpha.example"_s;
    u.addAddresses = {v4(u"192.0.2.2"_s)};
    auto byOld = f->write(HostCommands::update(f->ctx(u"rar-a"_s), u));
    QVERIFY(!byOld.ok());
    QCOMPARE(byOld.error().refusal, Refusal::AuthorizationError);
    QVERIFY(f->write(HostCommands::update(f->ctx(u"rar-c"_s), u)).ok());
}

void tst_HostCommands::updateAddsAndRemovesAddresses()
{
    createFixtureHosts();
    f->clock.advance(60000);
    HostUpdateRequest u;
    u.name = u"ns1.alpha.example"_s;
    u.addAddresses = {v4(u"192.0.2.2"_s), v6(u"2001:db8::2"_s)};
    u.removeAddresses = {v4(u"192.0.2.1"_s)};
    u.addStatuses = {EppStatus::ClientDeleteProhibited};
    auto updated = f->write(HostCommands::update(f->ctx(u"rar-a"_s), u));
    QVERIFY2(updated.ok(), qPrintable(updated.ok() ? QString() : updated.error().message));
    auto info = HostCommands::info(*f->reader, f->ctx(u"rar-a"_s), u"ns1.alpha.example"_s);
    QVERIFY(info.ok());
    QCOMPARE(info->addresses.size(), 2);
    QVERIFY(info->addresses.contains(v4(u"192.0.2.2"_s)));
    QVERIFY(info->addresses.contains(v6(u"2001:db8::2"_s)));
    QCOMPARE(info->statuses, StatusSet({EppStatus::ClientDeleteProhibited}));
    QCOMPARE(info->updaterId, u"rar-a"_s);
    QCOMPARE(info->updatedAt, std::optional<QDateTime>(f->clock.now()));
    QCOMPARE(f->lastKind(), u"host.update"_s);
    const QJsonObject data = json(f->lastData());
    QCOMPARE(data.value(u"addresses"_s).toArray().size(), 2);
    QCOMPARE(data.value(u"statuses"_s).toArray(), QJsonArray{u"clientDeleteProhibited"_s});
    QVERIFY(!data.contains(u"oldName"_s));
    QCOMPARE(f->value(u"SELECT statuses FROM hosts WHERE name = 'ns1.alpha.example'"_s).toString(), u"clientDeleteProhibited"_s);
}

void tst_HostCommands::updateRefusals_data()
{
    QTest::addColumn<QString>("registrar");
    QTest::addColumn<HostUpdateRequest>("request");
    QTest::addColumn<Refusal>("refusal");

    HostUpdateRequest base;
    base.name = u"ns1.alpha.example"_s;

    HostUpdateRequest r = base;
    r.addAddresses = {v4(u"192.0.2.3"_s)};
    QTest::newRow("not the sponsor") << u"rar-b"_s << r << Refusal::AuthorizationError;
    r.name = u"ns7.alpha.example"_s;
    QTest::newRow("unknown host") << u"rar-a"_s << r << Refusal::NotFound;

    r = base;
    r.removeAddresses = {v4(u"192.0.2.77"_s)};
    QTest::newRow("remove absent address") << u"rar-a"_s << r << Refusal::PolicyError;
    r = base;
    r.addAddresses = {v4(u"192.0.2.1"_s)};
    QTest::newRow("add present address") << u"rar-a"_s << r << Refusal::PolicyError;
    r.addAddresses = {v4(u"127.0.0.1"_s)};
    QTest::newRow("add loopback") << u"rar-a"_s << r << Refusal::PolicyError;
    r.addAddresses = {v4(u"1.2.3"_s)};
    QTest::newRow("add malformed") << u"rar-a"_s << r << Refusal::SyntaxError;
    r = base;
    r.addStatuses = {EppStatus::ServerDeleteProhibited};
    QTest::newRow("server status") << u"rar-a"_s << r << Refusal::PolicyError;
    r.addStatuses = {EppStatus::ClientHold};
    QTest::newRow("status not for hosts") << u"rar-a"_s << r << Refusal::PolicyError;
    r.addStatuses = {EppStatus::Linked};
    QTest::newRow("add computed linked") << u"rar-a"_s << r << Refusal::PolicyError;
    r.addStatuses = {};
    r.removeStatuses = {EppStatus::ClientUpdateProhibited};
    QTest::newRow("remove status not set") << u"rar-a"_s << r << Refusal::PolicyError;

    r = HostUpdateRequest();
    r.name = u"ns.other.net"_s;
    r.addAddresses = {v4(u"192.0.2.3"_s)};
    QTest::newRow("address on external host") << u"rar-a"_s << r << Refusal::PolicyError;
}

void tst_HostCommands::updateRefusals()
{
    QFETCH(QString, registrar);
    QFETCH(HostUpdateRequest, request);
    QFETCH(Refusal, refusal);
    createFixtureHosts();
    const Snapshot before = Snapshot::of(*f);
    auto updated = f->write(HostCommands::update(f->ctx(registrar), request));
    QVERIFY(!updated.ok());
    QCOMPARE(updated.error().refusal, refusal);
    QVERIFY(Snapshot::of(*f) == before);
}

void tst_HostCommands::clientUpdateProhibitedBlocksAllButUnlocking()
{
    createFixtureHosts();
    HostUpdateRequest lock;
    lock.name = u"ns1.alpha.example"_s;
    lock.addStatuses = {EppStatus::ClientUpdateProhibited};
    QVERIFY(f->write(HostCommands::update(f->ctx(u"rar-a"_s), lock)).ok());

    HostUpdateRequest change;
    change.name = u"ns1.alpha.example"_s;
    change.addAddresses = {v4(u"192.0.2.5"_s)};
    const Snapshot before = Snapshot::of(*f);
    auto refused = f->write(HostCommands::update(f->ctx(u"rar-a"_s), change));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().refusal, Refusal::StatusProhibits);
    QVERIFY(refused.error().message.contains(u"clientUpdateProhibited"_s));
    QVERIFY(Snapshot::of(*f) == before);

    HostUpdateRequest unlock;
    unlock.name = u"ns1.alpha.example"_s;
    unlock.removeStatuses = {EppStatus::ClientUpdateProhibited};
    QVERIFY(f->write(HostCommands::update(f->ctx(u"rar-a"_s), unlock)).ok());
    QVERIFY(f->write(HostCommands::update(f->ctx(u"rar-a"_s), change)).ok());

    // A server lock is not the registrar's to lift.
    QVERIFY(f->sql(u"UPDATE hosts SET statuses = 'serverUpdateProhibited' WHERE name = 'ns1.alpha.example'"_s));
    auto server = f->write(HostCommands::update(f->ctx(u"rar-a"_s), lock));
    QVERIFY(!server.ok());
    QCOMPARE(server.error().refusal, Refusal::StatusProhibits);
}

void tst_HostCommands::lastAddressOfLinkedSubordinateHostStays()
{
    createFixtureHosts();
    HostUpdateRequest u;
    u.name = u"ns1.alpha.example"_s;
    u.removeAddresses = {v4(u"192.0.2.1"_s)};
    const QString roid = f->value(u"SELECT roid FROM hosts WHERE name = 'ns1.alpha.example'"_s).toString();
    QVERIFY(f->sql(u"INSERT INTO domain_hosts (domain_roid, host_roid) VALUES ('D000002-REG', ?1)"_s, {roid}));
    const Snapshot before = Snapshot::of(*f);
    auto refused = f->write(HostCommands::update(f->ctx(u"rar-a"_s), u));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().refusal, Refusal::AssociationProhibits);
    QVERIFY(Snapshot::of(*f) == before);

    // Replacing the address in the same update is fine.
    u.addAddresses = {v4(u"192.0.2.4"_s)};
    QVERIFY(f->write(HostCommands::update(f->ctx(u"rar-a"_s), u)).ok());

    // Unlinked, a subordinate host may be left without glue.
    QVERIFY(f->sql(u"DELETE FROM domain_hosts"_s));
    HostUpdateRequest strip;
    strip.name = u"ns1.alpha.example"_s;
    strip.removeAddresses = {v4(u"192.0.2.4"_s)};
    QVERIFY(f->write(HostCommands::update(f->ctx(u"rar-a"_s), strip)).ok());
    QCOMPARE(f->count(u"host_addresses WHERE host_roid = '%1'"_s.arg(roid)), 0);
}

void tst_HostCommands::renamesWithinTheSponsorsDomains()
{
    createFixtureHosts();
    const QString roid = f->value(u"SELECT roid FROM hosts WHERE name = 'ns1.alpha.example'"_s).toString();
    QVERIFY(f->sql(u"INSERT INTO domain_hosts (domain_roid, host_roid) VALUES ('D000003-REG', ?1)"_s, {roid}));
    HostUpdateRequest u;
    u.name = u"ns1.alpha.example"_s;
    u.newName = u"NS.Alpha2.Example"_s;
    auto renamed = f->write(HostCommands::update(f->ctx(u"rar-a"_s), u));
    QVERIFY2(renamed.ok(), qPrintable(renamed.ok() ? QString() : renamed.error().message));
    QCOMPARE(f->value(u"SELECT name FROM hosts WHERE roid = ?1"_s, {roid}).toString(), u"ns.alpha2.example"_s);
    QCOMPARE(f->value(u"SELECT domain_roid FROM hosts WHERE roid = ?1"_s, {roid}).toString(), u"D000002-REG"_s);
    QCOMPARE(f->lastKind(), u"host.update"_s);
    QCOMPARE(f->lastObject(), u"ns.alpha2.example"_s);
    const QJsonObject data = json(f->lastData());
    QCOMPARE(data.value(u"oldName"_s).toString(), u"ns1.alpha.example"_s);
    QCOMPARE(data.value(u"name"_s).toString(), u"ns.alpha2.example"_s);
    QCOMPARE(data.value(u"superordinateDomain"_s).toString(), u"alpha2.example"_s);
    // The delegation follows the object, not the name.
    QCOMPARE(f->count(u"domain_hosts WHERE host_roid = '%1'"_s.arg(roid)), 1);
    // The registrar whose domain delegates to the host is told; the sponsor, who renamed it, is not.
    QCOMPARE(f->count(u"poll_messages WHERE registrar_id = 'rar-b' AND kind = 'hostRename' AND object = 'ns.alpha2.example'"_s), 1);
    QCOMPARE(f->count(u"poll_messages WHERE registrar_id = 'rar-a'"_s), 0);
    QVERIFY(!HostCommands::info(*f->reader, f->ctx(u"rar-a"_s), u"ns1.alpha.example"_s).ok());
}

void tst_HostCommands::renameRefusals_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<bool>("linked");
    QTest::addColumn<Refusal>("refusal");
    QTest::newRow("to an existing host") << u"ns1.alpha.example"_s << u"ns.other.net"_s << false << Refusal::Exists;
    QTest::newRow("to an invalid name") << u"ns1.alpha.example"_s << u"ns..x"_s << false << Refusal::SyntaxError;
    QTest::newRow("into another sponsor's domain") << u"ns1.alpha.example"_s << u"ns5.beta.example"_s << false
                                                   << Refusal::AuthorizationError;
    QTest::newRow("under a missing domain") << u"ns1.alpha.example"_s << u"ns5.gone.example"_s << false << Refusal::PolicyError;
    QTest::newRow("outward keeping glue") << u"ns1.alpha.example"_s << u"ns5.other.org"_s << false << Refusal::PolicyError;
    QTest::newRow("linked external inward") << u"ns.other.net"_s << u"ns5.alpha.example"_s << true << Refusal::AssociationProhibits;
}

void tst_HostCommands::renameRefusals()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(bool, linked);
    QFETCH(Refusal, refusal);
    createFixtureHosts();
    if (linked) {
        const QString roid = f->value(u"SELECT roid FROM hosts WHERE name = ?1"_s, {from}).toString();
        QVERIFY(f->sql(u"INSERT INTO domain_hosts (domain_roid, host_roid) VALUES ('D000003-REG', ?1)"_s, {roid}));
    }
    HostUpdateRequest u;
    u.name = from;
    u.newName = to;
    if (refusal == Refusal::AssociationProhibits)
        u.addAddresses = {v4(u"192.0.2.50"_s)};
    const Snapshot before = Snapshot::of(*f);
    auto refused = f->write(HostCommands::update(f->ctx(u"rar-a"_s), u));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().refusal, refusal);
    QVERIFY(Snapshot::of(*f) == before);
}

void tst_HostCommands::renamesSubordinateToExternalWhenAddressesGo()
{
    createFixtureHosts();
    HostUpdateRequest u;
    u.name = u"ns1.alpha.example"_s;
    u.newName = u"ns1.elsewhere.org"_s;
    u.removeAddresses = {v4(u"192.0.2.1"_s)};
    QVERIFY(f->write(HostCommands::update(f->ctx(u"rar-a"_s), u)).ok());
    QVERIFY(f->value(u"SELECT domain_roid FROM hosts WHERE name = 'ns1.elsewhere.org'"_s).isNull());
    auto info = HostCommands::info(*f->reader, f->ctx(u"rar-a"_s), u"ns1.elsewhere.org"_s);
    QVERIFY(info.ok());
    QVERIFY(info->addresses.isEmpty());
}

void tst_HostCommands::renamesUnlinkedExternalHostInward()
{
    createFixtureHosts();
    HostUpdateRequest u;
    u.name = u"ns.other.net"_s;
    u.newName = u"ns2.alpha.example"_s;
    u.addAddresses = {v6(u"2001:db8::99"_s)};
    QVERIFY(f->write(HostCommands::update(f->ctx(u"rar-a"_s), u)).ok());
    QCOMPARE(f->value(u"SELECT domain_roid FROM hosts WHERE name = 'ns2.alpha.example'"_s).toString(), u"D000001-REG"_s);
}

void tst_HostCommands::deleteRefusedWhileLinked()
{
    createFixtureHosts();
    const QString roid = f->value(u"SELECT roid FROM hosts WHERE name = 'ns.other.net'"_s).toString();
    QVERIFY(f->sql(u"INSERT INTO domain_hosts (domain_roid, host_roid) VALUES ('D000003-REG', ?1)"_s, {roid}));
    const Snapshot before = Snapshot::of(*f);
    auto refused = f->write(HostCommands::remove(f->ctx(u"rar-a"_s), u"ns.other.net"_s));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().refusal, Refusal::AssociationProhibits);
    QVERIFY(Snapshot::of(*f) == before);
    QVERIFY(f->sql(u"DELETE FROM domain_hosts"_s));
    QVERIFY(f->write(HostCommands::remove(f->ctx(u"rar-a"_s), u"ns.other.net"_s)).ok());
}

void tst_HostCommands::deleteRefusals()
{
    createFixtureHosts();
    const Snapshot before = Snapshot::of(*f);
    auto other = f->write(HostCommands::remove(f->ctx(u"rar-b"_s), u"ns1.alpha.example"_s));
    QVERIFY(!other.ok());
    QCOMPARE(other.error().refusal, Refusal::AuthorizationError);
    auto missing = f->write(HostCommands::remove(f->ctx(u"rar-a"_s), u"ns8.alpha.example"_s));
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().refusal, Refusal::NotFound);
    QVERIFY(Snapshot::of(*f) == before);

    HostUpdateRequest lock;
    lock.name = u"ns1.alpha.example"_s;
    lock.addStatuses = {EppStatus::ClientDeleteProhibited};
    QVERIFY(f->write(HostCommands::update(f->ctx(u"rar-a"_s), lock)).ok());
    const Snapshot locked = Snapshot::of(*f);
    auto prohibited = f->write(HostCommands::remove(f->ctx(u"rar-a"_s), u"ns1.alpha.example"_s));
    QVERIFY(!prohibited.ok());
    QCOMPARE(prohibited.error().refusal, Refusal::StatusProhibits);
    QVERIFY(Snapshot::of(*f) == locked);
}

void tst_HostCommands::deletesAndJournals()
{
    createFixtureHosts();
    const qint64 head = f->journalHead();
    QVERIFY(f->write(HostCommands::remove(f->ctx(u"rar-a"_s), u"NS1.alpha.example"_s)).ok());
    QCOMPARE(f->journalHead(), head + 1);
    QCOMPARE(f->lastKind(), u"host.delete"_s);
    QCOMPARE(f->lastObject(), u"ns1.alpha.example"_s);
    QCOMPARE(f->count(u"hosts WHERE name = 'ns1.alpha.example'"_s), 0);
    QCOMPARE(f->count(u"host_addresses"_s), 1);   // ns1.beta.example's only
    // The name is free again, with a new ROID (never reused).
    QVERIFY(f->write(HostCommands::create(f->ctx(u"rar-a"_s), createRequest(u"ns1.alpha.example"_s, {v4(u"192.0.2.1"_s)}))).ok());
    QCOMPARE(f->count(u"hosts"_s), 3);
    QCOMPARE(f->value(u"SELECT count(DISTINCT roid) FROM hosts"_s).toInt(), 3);
    QCOMPARE(f->value(u"SELECT last FROM roid_counters WHERE prefix = 'H'"_s).toInt(), 4);
}

QTEST_GUILESS_MAIN(tst_HostCommands)
#include "tst_hostcommands.moc"
