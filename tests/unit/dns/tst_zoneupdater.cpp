#include "dns/zonesource.h"
#include "dns/zoneupdater.h"

#include "srs/host.h"
#include "store/connection.h"
#include "unit/srs/domaintestfixture.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

#include <map>
#include <set>

using namespace reg::dns;
using namespace Qt::StringLiterals;
using reg::DnsConfig;
using reg::srs::DomainCommands;
using reg::srs::DomainUpdateRequest;
using reg::srs::DsRecord;
using reg::srs::EppStatus;
using reg::srs::HostAddress;
using reg::srs::HostCommands;
using reg::srs::HostCreateRequest;
using reg::srs::HostUpdateRequest;
using reg::srs::IpVersion;
using reg::srs::StatusSet;

namespace {

DnsName name(const QString &text)
{
    return *DnsName::fromText(text);
}

DnsConfig dnsConfig()
{
    DnsConfig config;
    config.apexNameServers = {{u"ns1.nic.example"_s, {QHostAddress(u"192.0.2.53"_s), QHostAddress(u"2001:db8::53"_s)}},
                              {u"a.iana-servers.net"_s, {}}};
    config.soaContact = u"hostmaster.nic.example"_s;
    config.publishDelayMs = 50;
    config.ixfrHistory = 100000;
    return config;
}

// Every record of a zone as text, the SOA's serial left out (it is checked on its own), and every
// node (empty non-terminals included) by name.
struct ZoneContents
{
    std::set<QString> records;
    std::set<QString> nodes;
    bool operator==(const ZoneContents &o) const { return records == o.records && nodes == o.nodes; }
};

QString recordText(const ZoneRecord &r)
{
    QByteArray rdata = r.rdata;
    if (r.type == RRType::SOA) {
        const auto *p = reinterpret_cast<const std::uint8_t *>(rdata.constData());
        const std::size_t m = WireName::validLength(p, std::size_t(rdata.size()));
        const std::size_t n = WireName::validLength(p + m, std::size_t(rdata.size()) - m);
        rdata.replace(qsizetype(m + n), 4, QByteArray(4, '\0'));
    }
    return u"%1 %2 %3 %4"_s.arg(r.owner.toText()).arg(r.type).arg(r.ttl).arg(QString::fromLatin1(rdata.toHex()));
}

ZoneContents contentsOf(const Zone &zone)
{
    ZoneContents out;
    const auto add = [&](const ZoneNode &node) {
        out.nodes.insert(node.ownerName().toText() + (node.isEmptyNonTerminal() ? u" (ent)"_s : QString()));
        for (const ZoneRecord &r : node.records())
            out.records.insert(recordText(r));
    };
    add(zone.apexNode());
    zone.forEachNode(add);
    return out;
}

QString describe(const std::set<QString> &a, const std::set<QString> &b)
{
    QStringList lines;
    for (const QString &s : a) {
        if (!b.count(s))
            lines.append(u"only incremental: "_s + s);
    }
    for (const QString &s : b) {
        if (!a.count(s))
            lines.append(u"only fresh build: "_s + s);
    }
    return lines.mid(0, 20).join(u'\n');
}

} // namespace

class tst_ZoneUpdater : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void loadAllBuildsTheZoneFromTheRegistry();
    void statusRulesKeepDelegationsOut();
    void randomChangesKeepTheZoneEqualToAFreshBuild();
    void aChangeIsPublishedPromptly();

private:
    std::shared_ptr<const Zone> freshBuild(domaintest::Fixture &f);
    std::shared_ptr<const Zone> served(ZonePublisher &publisher);
    void createHost(domaintest::Fixture &f, const QString &registrar, const QString &host, const QList<HostAddress> &addresses);
};

void tst_ZoneUpdater::initTestCase()
{
    qRegisterMetaType<QList<reg::dns::PublishedZone>>();
}

std::shared_ptr<const Zone> tst_ZoneUpdater::freshBuild(domaintest::Fixture &f)
{
    auto reader = f.store->openReader();
    if (!reader)
        qFatal("reader: %s", qPrintable(reader.error().message));
    reg::Result<LoadedZones> loaded = loadZones(**reader, dnsConfig(), 10);
    if (!loaded)
        qFatal("build: %s", qPrintable(loaded.error().message));
    return loaded->zones.value(0);
}

std::shared_ptr<const Zone> tst_ZoneUpdater::served(ZonePublisher &publisher)
{
    return publisher.current()->zone(name(u"example"_s));
}

void tst_ZoneUpdater::createHost(domaintest::Fixture &f, const QString &registrar, const QString &host, const QList<HostAddress> &addresses)
{
    HostCreateRequest request;
    request.name = host;
    request.addresses = addresses;
    auto created = f.write(HostCommands::create(f.ctx(registrar), request));
    QVERIFY2(created.ok(), qPrintable(host + u": "_s + (created.ok() ? QString() : created.error().message)));
}

void tst_ZoneUpdater::loadAllBuildsTheZoneFromTheRegistry()
{
    domaintest::Fixture f;
    QVERIFY(f.create(u"alpha.example"_s, domaintest::kAlpha, {u"ns1.dns.net"_s, u"ns2.dns.net"_s}).ok());
    createHost(f, domaintest::kAlpha, u"ns.alpha.example"_s, {{u"81.2.69.10"_s, IpVersion::V4}, {u"2a02:2a0::10"_s, IpVersion::V6}});
    createHost(f, domaintest::kAlpha, u"unused.alpha.example"_s, {{u"81.2.69.11"_s, IpVersion::V4}});
    QVERIFY(f.create(u"beta.example"_s, domaintest::kAlpha, {u"ns.alpha.example"_s}).ok());
    QVERIFY(f.create(u"nodelegation.example"_s, domaintest::kAlpha).ok());
    DomainUpdateRequest ds;
    ds.name = u"alpha.example"_s;
    ds.addDs = {DsRecord{12345, 13, 2, QString(64, u'A')}};
    QVERIFY(f.write(DomainCommands::update(f.ctx(domaintest::kAlpha), ds)).ok());

    ZonePublisher publisher;
    ZoneUpdater updater(dnsConfig(), *f.store, publisher, f.clock);
    QVERIFY(updater.loadAll().ok());
    const auto zone = served(publisher);
    QVERIFY(zone);
    QCOMPARE(qint64(zone->serial()), f.journalHead());
    QCOMPARE(updater.appliedSequence(), f.journalHead());
    const ZoneContents c = contentsOf(*zone);
    const auto has = [&](const QString &line) { return c.records.count(line) == 1; };
    const auto ns = [](const char *target) { return QString::fromLatin1(name(QString::fromLatin1(target)).wire().toHex()); };
    QVERIFY(has(u"alpha.example. 2 172800 "_s + ns("ns1.dns.net")));
    QVERIFY(has(u"alpha.example. 2 172800 "_s + ns("ns2.dns.net")));
    QVERIFY(has(u"alpha.example. 43 86400 "_s + u"3039"_s + u"0d02"_s + QString(64, u'a')));
    QVERIFY(has(u"beta.example. 2 172800 "_s + ns("ns.alpha.example")));
    // Glue for the host that a delegation uses, none for the unused one or the undelegated domain.
    QVERIFY(has(u"ns.alpha.example. 1 172800 5102450a"_s));
    QVERIFY(has(u"ns.alpha.example. 28 172800 2a0202a0000000000000000000000010"_s));
    QVERIFY(!c.nodes.count(u"unused.alpha.example."_s));
    QVERIFY(!c.nodes.count(u"nodelegation.example."_s));
    // The apex: SOA, NS, and the configured addresses of the apex name server inside the zone.
    QVERIFY(has(u"example. 2 172800 "_s + ns("ns1.nic.example")));
    QVERIFY(has(u"example. 2 172800 "_s + ns("a.iana-servers.net")));
    QVERIFY(has(u"ns1.nic.example. 1 172800 c0000235"_s));
    QVERIFY(c.nodes.count(u"nic.example. (ent)"_s));
    QCOMPARE(zone->lookup(name(u"www.alpha.example"_s).data(), name(u"www.alpha.example"_s).size()).kind, ZoneLookup::Kind::Delegation);
    int soa = 0;
    zone->apexNode().rrset(RRType::SOA).forEachRdata([&](const std::uint8_t *, std::size_t) { ++soa; });
    QCOMPARE(soa, 1);
}

void tst_ZoneUpdater::statusRulesKeepDelegationsOut()
{
    domaintest::Fixture f;
    for (const QString &d : {u"held.example"_s, u"server.example"_s, u"deleted.example"_s, u"ok.example"_s})
        QVERIFY(f.create(d, domaintest::kAlpha, {u"ns1.dns.net"_s}).ok());
    DomainUpdateRequest hold;
    hold.name = u"held.example"_s;
    hold.addStatuses = StatusSet{EppStatus::ClientHold};
    QVERIFY(f.write(DomainCommands::update(f.ctx(domaintest::kAlpha), hold)).ok());
    f.sql(u"UPDATE domains SET statuses = 'serverHold' WHERE name = 'server.example'"_s);
    f.sql(u"UPDATE domains SET statuses = 'pendingDelete' WHERE name = 'deleted.example'"_s);
    ZonePublisher publisher;
    ZoneUpdater updater(dnsConfig(), *f.store, publisher, f.clock);
    QVERIFY(updater.loadAll().ok());
    const ZoneContents c = contentsOf(*served(publisher));
    QVERIFY(c.nodes.count(u"ok.example."_s));
    QVERIFY(!c.nodes.count(u"held.example."_s));
    QVERIFY(!c.nodes.count(u"server.example."_s));
    QVERIFY(!c.nodes.count(u"deleted.example."_s));
}

void tst_ZoneUpdater::randomChangesKeepTheZoneEqualToAFreshBuild()
{
    domaintest::Fixture f;
    ZonePublisher publisher;
    ZoneUpdater updater(dnsConfig(), *f.store, publisher, f.clock);
    QVERIFY(updater.loadAll().ok());
    QSignalSpy published(&updater, &ZoneUpdater::published);
    updater.start();

    QRandomGenerator random(20261121);
    const QStringList registrars{domaintest::kAlpha, domaintest::kBeta};
    QStringList domains;   // names ever created (some may be gone)
    QStringList hosts{u"ns1.dns.net"_s, u"ns2.dns.net"_s, u"ns3.dns.net"_s};
    std::map<QString, QString> sponsor;   // domain or host -> registrar
    sponsor[u"ns1.dns.net"_s] = domaintest::kAlpha;
    sponsor[u"ns2.dns.net"_s] = domaintest::kBeta;
    sponsor[u"ns3.dns.net"_s] = domaintest::kAlpha;
    const auto pick = [&](const QStringList &list) { return list.at(qsizetype(random.bounded(int(list.size())))); };
    const auto address = [&]() {
        return random.bounded(2) ? HostAddress{u"81.2.69.%1"_s.arg(random.bounded(1, 255)), IpVersion::V4}
                                 : HostAddress{u"2a02:2a0::%1"_s.arg(random.bounded(1, 0xffff), 0, 16), IpVersion::V6};
    };

    std::set<QString> previous = contentsOf(*served(publisher)).records;
    std::uint32_t previousSerial = served(publisher)->serial();
    int applied = 0;
    std::map<int, int> succeeded;
    int glueSeen = 0;
    int dsSeen = 0;
    for (int round = 0; round < 12; ++round) {
        for (int step = 0; step < 25; ++step) {
            const int op = random.bounded(domains.size() < 4 ? 2 : 9);
            const QString registrar = pick(registrars);
            bool ok = false;
            switch (op) {
            case 0:
            case 1: {   // create, with name servers out of bailiwick and in it
                const QString domain = u"d%1.example"_s.arg(domains.size());
                QStringList ns;
                for (int i = 0; i < 1 + random.bounded(3); ++i) {
                    const QString h = pick(hosts);
                    if (!ns.contains(h))
                        ns.append(h);
                }
                ok = f.create(domain, registrar, ns).ok();
                if (ok) {
                    domains.append(domain);
                    sponsor[domain] = registrar;
                    const QString host = u"ns%1."_s.arg(random.bounded(2)) + domain;
                    HostCreateRequest r;
                    r.name = host;
                    r.addresses = {address()};
                    if (f.write(HostCommands::create(f.ctx(registrar), r)).ok()) {
                        hosts.append(host);
                        sponsor[host] = registrar;
                    }
                }
                break;
            }
            case 2: {   // change name servers
                const QString domain = pick(domains);
                DomainUpdateRequest r;
                r.name = domain;
                r.addNameServers = {pick(hosts)};
                if (random.bounded(2))
                    r.removeNameServers = {pick(hosts)};
                r.addNameServers.removeAll(r.removeNameServers.value(0));
                ok = f.write(DomainCommands::update(f.ctx(sponsor[domain]), r)).ok();
                break;
            }
            case 3: {   // hold or unhold
                const QString domain = pick(domains);
                DomainUpdateRequest r;
                r.name = domain;
                (random.bounded(2) ? r.addStatuses : r.removeStatuses) = StatusSet{EppStatus::ClientHold};
                ok = f.write(DomainCommands::update(f.ctx(sponsor[domain]), r)).ok();
                break;
            }
            case 4: {   // delete (inside the add grace period: purged at once, hosts and all)
                const QString domain = pick(domains);
                ok = f.write(DomainCommands::remove(f.ctx(sponsor[domain]), domain)).ok();
                if (ok) {
                    for (qsizetype i = hosts.size() - 1; i >= 0; --i) {
                        if (hosts[i].endsWith(u'.' + domain))
                            hosts.removeAt(i);
                    }
                }
                break;
            }
            case 5: {   // host addresses
                const QString host = pick(hosts);
                if (!host.endsWith(u".example"_s))
                    break;
                HostUpdateRequest r;
                r.name = host;
                r.addAddresses = {address()};
                ok = f.write(HostCommands::update(f.ctx(sponsor[host]), r)).ok();
                break;
            }
            case 6: {   // host rename inside the same superordinate domain
                const QString host = pick(hosts);
                if (!host.endsWith(u".example"_s))
                    break;
                const QString renamed = u"r%1-"_s.arg(random.bounded(1000)) + host;
                HostUpdateRequest r;
                r.name = host;
                r.newName = renamed;
                ok = f.write(HostCommands::update(f.ctx(sponsor[host]), r)).ok();
                if (ok) {
                    hosts.replace(hosts.indexOf(host), renamed);
                    sponsor[renamed] = sponsor[host];
                }
                break;
            }
            case 7: {   // DS
                const QString domain = pick(domains);
                DomainUpdateRequest r;
                r.name = domain;
                r.addDs = {DsRecord{int(random.bounded(65536)), 13, 2, QString::fromLatin1(QByteArray::number(random.generate64(), 16).rightJustified(64, 'F').toUpper())}};
                ok = f.write(DomainCommands::update(f.ctx(sponsor[domain]), r)).ok();
                break;
            }
            case 8: {   // remove all DS or all name servers but one
                const QString domain = pick(domains);
                DomainUpdateRequest r;
                r.name = domain;
                r.removeAllDs = true;
                ok = f.write(DomainCommands::update(f.ctx(sponsor[domain]), r)).ok();
                break;
            }
            default:
                break;
            }
            applied += ok ? 1 : 0;
            succeeded[op] += ok ? 1 : 0;
        }

        // Once the updater has applied everything, the served zone equals a fresh build.
        const qint64 head = f.journalHead();
        QTRY_VERIFY_WITH_TIMEOUT(updater.appliedSequence() >= head, 10000);
        const auto zone = served(publisher);
        const auto fresh = freshBuild(f);
        const ZoneContents incremental = contentsOf(*zone);
        const ZoneContents rebuilt = contentsOf(*fresh);
        QVERIFY2(incremental.records == rebuilt.records, qPrintable(describe(incremental.records, rebuilt.records)));
        QVERIFY2(incremental.nodes == rebuilt.nodes, qPrintable(describe(incremental.nodes, rebuilt.nodes)));
        QCOMPARE(zone->nodeCount(), fresh->nodeCount());

        // The serial moved when the content did, and the IXFR deltas lead from the last check here.
        if (incremental.records != previous) {
            QVERIFY(zone->serial() > previousSerial);
            std::set<QString> replayed = previous;
            for (const auto &delta : zone->history()) {
                if (delta->fromSerial < previousSerial)
                    continue;
                for (const ZoneRecord &r : delta->removed)
                    QVERIFY2(replayed.erase(recordText(r)) == 1, qPrintable(recordText(r)));
                for (const ZoneRecord &r : delta->added)
                    QVERIFY2(replayed.insert(recordText(r)).second, qPrintable(recordText(r)));
            }
            // The SOA line carries no serial in this comparison, so it is the same on both sides.
            QVERIFY2(replayed == incremental.records, qPrintable(describe(replayed, incremental.records)));
        }
        for (const QString &line : incremental.records) {
            glueSeen += line.contains(u".example. 1 172800 "_s) || line.contains(u".example. 28 172800 "_s) ? 1 : 0;
            dsSeen += line.contains(u" 43 86400 "_s) ? 1 : 0;
        }
        previous = incremental.records;
        previousSerial = zone->serial();
    }
    // The random walk really changed the registry in every way it tries, and the zone had glue and DS.
    qInfo() << "changes applied by kind:" << succeeded << "glue records seen:" << glueSeen << "DS records seen:" << dsSeen;
    QVERIFY(applied > 150);
    for (int op = 2; op <= 8; ++op)
        QVERIFY2(succeeded[op] > 0, qPrintable(u"operation %1 never succeeded"_s.arg(op)));
    QVERIFY(glueSeen > 0);
    QVERIFY(dsSeen > 0);
    QVERIFY(published.count() > 0);
    updater.stop();
}

void tst_ZoneUpdater::aChangeIsPublishedPromptly()
{
    domaintest::Fixture f;
    ZonePublisher publisher;
    ZoneUpdater updater(dnsConfig(), *f.store, publisher, f.clock);
    QVERIFY(updater.loadAll().ok());
    QSignalSpy published(&updater, &ZoneUpdater::published);
    updater.start();
    const DnsName owner = name(u"prompt.example"_s);
    QElapsedTimer timer;
    timer.start();
    QVERIFY(f.create(u"prompt.example"_s, domaintest::kAlpha, {u"ns1.dns.net"_s}).ok());
    const qint64 committed = f.journalHead();
    // Generous for a loaded machine; the figure itself is printed below.
    QTRY_VERIFY_WITH_TIMEOUT(served(publisher)->find(owner.data(), owner.size()) != nullptr, 10000);
    qInfo("a committed create was served after %lld ms (publish_delay 50 ms)", timer.elapsed());
    QCOMPARE(qint64(served(publisher)->serial()), committed);
    QTRY_COMPARE_WITH_TIMEOUT(published.count(), 1, 10000);
    const auto zones = published.first().first().value<QList<PublishedZone>>();
    QCOMPARE(zones.size(), 1);
    QCOMPARE(zones.first().apex, name(u"example"_s));
    QCOMPARE(qint64(zones.first().toSerial), committed);
    QVERIFY(updater.lastPublishedAt().isValid());
    updater.stop();
    updater.stop();   // twice is fine
}

QTEST_GUILESS_MAIN(tst_ZoneUpdater)
#include "tst_zoneupdater.moc"
