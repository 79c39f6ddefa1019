#include "setup/demodata.h"

#include <QHostAddress>
#include <QTimeZone>
#include <QSet>
#include <QTest>

using namespace reg;
using namespace reg::setup;

namespace {

const QDateTime now(QDate(2026, 11, 21), QTime(10, 0), Qt::UTC);

QSet<QString> ids(const auto &list, auto member)
{
    QSet<QString> set;
    for (const auto &item : list)
        set.insert(item.*member);
    return set;
}

bool inDocumentationRange(const QHostAddress &a)
{
    for (const char *net : {"192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24", "2001:db8::/32"}) {
        if (a.isInSubnet(QHostAddress::parseSubnet(QString::fromLatin1(net))))
            return true;
    }
    return false;
}

} // namespace

class tst_DemoData : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void isDeterministic()
    {
        const DemoDataSet a = DemoDataSet::generate({QStringLiteral("example")}, now);
        const DemoDataSet b = DemoDataSet::generate({QStringLiteral("example")}, now);
        QCOMPARE(a.domains.size(), b.domains.size());
        for (qsizetype i = 0; i < a.domains.size(); ++i) {
            QCOMPARE(a.domains[i].name, b.domains[i].name);
            QCOMPARE(a.domains[i].registrantRoid, b.domains[i].registrantRoid);
            QCOMPARE(a.domains[i].hostRoids, b.domains[i].hostRoids);
            QCOMPARE(a.domains[i].expiresAt, b.domains[i].expiresAt);
        }
        for (qsizetype i = 0; i < a.contacts.size(); ++i) {
            QCOMPARE(a.contacts[i].name, b.contacts[i].name);
            QCOMPARE(a.contacts[i].privacy, b.contacts[i].privacy);
        }
    }

    void hasTheAdvertisedSize()
    {
        const DemoDataSet set = DemoDataSet::generate({QStringLiteral("example")}, now);
        QCOMPARE(set.registrars.size(), 3);
        QCOMPARE(set.contacts.size(), 3 * DemoDataSet::contactsPerRegistrar);
        QCOMPARE(set.hosts.size(), DemoDataSet::externalHosts + DemoDataSet::subordinateHosts);
        QCOMPARE(set.domains.size(), DemoDataSet::domainCount);
        const QList<monitor::Site> &sites = set.topology.sites;
        QCOMPARE(std::count_if(sites.begin(), sites.end(), [](const monitor::Site &s) { return s.role == monitor::SiteRole::Srs; }), 2);
        const auto nsSites = std::count_if(sites.begin(), sites.end(),
                                           [](const monitor::Site &s) { return s.role == monitor::SiteRole::Nameserver; });
        QVERIFY(nsSites >= 3 && nsSites <= 4);
    }

    void namesAndIdsAreUnique()
    {
        const DemoDataSet set = DemoDataSet::generate({QStringLiteral("example"), QStringLiteral("test")}, now);
        QCOMPARE(ids(set.domains, &DemoDomain::name).size(), set.domains.size());
        QCOMPARE(ids(set.domains, &DemoDomain::roid).size(), set.domains.size());
        QCOMPARE(ids(set.contacts, &DemoContact::id).size(), set.contacts.size());
        QCOMPARE(ids(set.contacts, &DemoContact::roid).size(), set.contacts.size());
        QCOMPARE(ids(set.hosts, &DemoHost::name).size(), set.hosts.size());
        QCOMPARE(ids(set.topology.devices, &monitor::Device::name).size(), set.topology.devices.size());
        QCOMPARE(ids(set.topology.sites, &monitor::Site::code).size(), set.topology.sites.size());
    }

    void everyReferenceResolves()
    {
        const DemoDataSet set = DemoDataSet::generate({QStringLiteral("example"), QStringLiteral("test")}, now);
        const QSet<QString> registrars = ids(set.registrars, &DemoRegistrar::id);
        const QSet<QString> contacts = ids(set.contacts, &DemoContact::roid);
        const QSet<QString> hosts = ids(set.hosts, &DemoHost::roid);
        const QSet<QString> sites = ids(set.topology.sites, &monitor::Site::code);
        QHash<QString, QString> contactOwner;
        for (const DemoContact &c : set.contacts)
            contactOwner.insert(c.roid, c.registrarId);

        for (const DemoDomain &d : set.domains) {
            QVERIFY(registrars.contains(d.registrarId));
            QVERIFY(d.tld == u"example" || d.tld == u"test");
            QVERIFY(d.name.endsWith(u'.' + d.tld));
            // Registrars see only their own contacts, so a domain uses only its sponsor's.
            QCOMPARE(contactOwner.value(d.registrantRoid), d.registrarId);
            for (const DemoDomainContact &c : d.contacts) {
                QVERIFY(contacts.contains(c.contactRoid));
                QCOMPARE(contactOwner.value(c.contactRoid), d.registrarId);
            }
            QVERIFY2(d.hostRoids.size() >= 2 && d.hostRoids.size() <= 4, qPrintable(d.name));
            for (const QString &h : d.hostRoids)
                QVERIFY(hosts.contains(h));
            QVERIFY(d.expiresAt > now);
            QVERIFY(d.createdAt < now);
        }
        QHash<QString, QStringList> interfaces;
        for (const monitor::Device &dev : set.topology.devices) {
            QVERIFY(sites.contains(dev.site));
            for (const monitor::Interface &i : dev.interfaces)
                interfaces[dev.name].append(i.name);
        }
        const QSet<QString> devices = ids(set.topology.devices, &monitor::Device::name);
        for (const monitor::Device &dev : set.topology.devices) {
            for (const QString &parent : dev.parents)
                QVERIFY2(devices.contains(parent), qPrintable(parent));
        }
        for (const monitor::Link &l : set.topology.links) {
            QVERIFY2(interfaces.value(l.a.device).contains(l.a.interfaceName), qPrintable(l.a.device + u' ' + l.a.interfaceName));
            QVERIFY2(interfaces.value(l.b.device).contains(l.b.interfaceName), qPrintable(l.b.device + u' ' + l.b.interfaceName));
            QVERIFY(l.capacityBps > 0);
        }
    }

    void showsWhatWhoisAndRdapPublish()
    {
        const DemoDataSet set = DemoDataSet::generate({QStringLiteral("example")}, now);
        int withDs = 0;
        int withFields = 0;
        int idn = 0;
        for (const DemoDomain &d : set.domains) {
            withDs += d.dsRecords.isEmpty() ? 0 : 1;
            withFields += d.customFields.isEmpty() ? 0 : 1;
            idn += d.name.startsWith(u"xn--") ? 1 : 0;
            for (const DemoDsRecord &ds : d.dsRecords) {
                QCOMPARE(ds.digest.size(), 64);
                QCOMPARE(ds.digest, ds.digest.toUpper());
                QVERIFY(ds.keyTag > 0 && ds.keyTag <= 65535);
            }
            for (const auto &[name, value] : d.customFields)
                QVERIFY(!name.isEmpty() && !value.isEmpty());
        }
        QVERIFY(withDs > 10);
        QVERIFY(withFields > 10);
        QCOMPARE(idn, 1);
        int whoisServers = 0;
        int rdapServices = 0;
        for (const DemoRegistrar &r : set.registrars) {
            QVERIFY(r.webWhoisUrl.startsWith(u"https://"));
            whoisServers += r.whoisServer.isEmpty() ? 0 : 1;
            QVERIFY(r.rdapBaseUrl.isEmpty() || r.rdapBaseUrl.startsWith(u"https://"));
            rdapServices += r.rdapBaseUrl.isEmpty() ? 0 : 1;
        }
        QCOMPARE(whoisServers, 2);
        QCOMPARE(rdapServices, 2);   // and one without, so RDAP shows both cases
    }

    void usesEveryPrivacyLevel()
    {
        const DemoDataSet set = DemoDataSet::generate({QStringLiteral("example")}, now);
        QHash<QString, int> counts;
        for (const DemoContact &c : set.contacts)
            ++counts[c.privacy];
        QCOMPARE(counts.size(), 3);
        QVERIFY(counts.value(QStringLiteral("restricted")) > 0);
        QVERIFY(counts.value(QStringLiteral("private")) > 0);
        QVERIFY(counts.value(QStringLiteral("unrestricted")) > 0);
    }

    void glueOnlyForInRegistryHostsAndOnlyFromDocumentationRanges()
    {
        const DemoDataSet set = DemoDataSet::generate({QStringLiteral("example")}, now);
        int withV6 = 0;
        for (const DemoHost &h : set.hosts) {
            const bool inRegistry = h.name.endsWith(u".example");
            QCOMPARE(!h.addresses.isEmpty(), inRegistry);
            for (const QString &a : h.addresses) {
                const QHostAddress address(a);
                QVERIFY2(!address.isNull() && inDocumentationRange(address), qPrintable(a));
                withV6 += address.protocol() == QAbstractSocket::IPv6Protocol;
            }
        }
        QVERIFY(withV6 > 0);
    }

    void topologyHasTheDevicesANocWatches()
    {
        const DemoDataSet set = DemoDataSet::generate({QStringLiteral("example")}, now);
        QSet<QString> kinds;
        int polled = 0;
        for (const monitor::Device &d : set.topology.devices) {
            kinds.insert(monitor::deviceKindName(d.kind));
            QVERIFY2(d.snmp, qPrintable(d.name));
            if (d.enabled) {
                // Only the local node is polled: the other management addresses are not reachable.
                QCOMPARE(d.address, QStringLiteral("127.0.0.1"));
                ++polled;
            }
        }
        QCOMPARE(polled, 1);
        for (monitor::DeviceKind kind : {monitor::DeviceKind::Router, monitor::DeviceKind::Firewall, monitor::DeviceKind::Switch,
                                         monitor::DeviceKind::LoadBalancer, monitor::DeviceKind::Server, monitor::DeviceKind::Nameserver,
                                         monitor::DeviceKind::RegistrydNode})
            QVERIFY2(kinds.contains(monitor::deviceKindName(kind)), qPrintable(monitor::deviceKindName(kind)));
    }
};

QTEST_GUILESS_MAIN(tst_DemoData)
#include "tst_demodata.moc"
