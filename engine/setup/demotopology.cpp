#include "demotopology.h"

#include <QHash>

namespace reg::setup::DemoTopology {
namespace {

using namespace monitor;

constexpr qint64 tenG = 10'000'000'000LL;
constexpr qint64 oneG = 1'000'000'000LL;

// Builds the topology site by site; interfaces are collected from the links that name them.
class Builder
{
public:
    void site(const QString &code, const QString &name, SiteRole role, const QString &location, MapPoint map)
    {
        m_topology.sites.append(Site{code, name, role, location, map});
        m_site = code;
    }

    void device(const QString &name, DeviceKind kind, const QString &address, const QStringList &parents = {})
    {
        Device d;
        d.name = name;
        d.kind = kind;
        d.site = m_site;
        d.address = address;
        d.parents = parents;
        d.enabled = false;   // 10.0.0.0/8 is not reachable from a demo machine
        SnmpSettings s;
        const bool networkGear = kind == DeviceKind::Router || kind == DeviceKind::Firewall || kind == DeviceKind::Switch
            || kind == DeviceKind::LoadBalancer;
        if (networkGear) {
            s.version = SnmpVersion::V2c;
            s.community = QByteArray("demo-public");
        } else {
            s.version = SnmpVersion::V3;
            s.user = "noc-monitor";
            s.level = SnmpSecurityLevel::AuthPriv;
            s.auth = SnmpAuthProtocol::Sha256;
            s.priv = SnmpPrivProtocol::Aes128;
            s.authPassphrase = QByteArray("demo-auth-passphrase");
            s.privPassphrase = QByteArray("demo-priv-passphrase");
        }
        d.snmp = s;
        m_index.insert(name, m_topology.devices.size());
        m_topology.devices.append(d);
    }

    void link(const QString &a, const QString &aInterface, const QString &b, const QString &bInterface, qint64 capacity)
    {
        addInterface(a, aInterface, capacity);
        addInterface(b, bInterface, capacity);
        m_topology.links.append(Link{0, LinkEnd{a, aInterface}, LinkEnd{b, bInterface}, capacity});
    }

    Device &operator[](const QString &name) { return m_topology.devices[m_index.value(name)]; }
    Topology take() { return std::move(m_topology); }

private:
    void addInterface(const QString &device, const QString &name, qint64 speed)
    {
        QList<Interface> &interfaces = m_topology.devices[m_index.value(device)].interfaces;
        interfaces.append(Interface{int(interfaces.size()) + 1, name, speed});
    }

    Topology m_topology;
    QHash<QString, qsizetype> m_index;
    QString m_site;
};

void addSrsSite(Builder &b, const QString &code, const QString &name, const QString &location, MapPoint map, const QString &p, int subnet)
{
    b.site(code, name, SiteRole::Srs, location, map);
    const auto address = [subnet](int host) { return QStringLiteral("10.%1.0.%2").arg(subnet).arg(host); };
    const auto dev = [&](const char *suffix, DeviceKind kind, int host, QStringList parents) {
        for (QString &parent : parents)
            parent.prepend(p);
        b.device(p + QLatin1StringView(suffix), kind, address(host), parents);
    };
    dev("rtr1", DeviceKind::Router, 1, {});
    dev("rtr2", DeviceKind::Router, 2, {});
    dev("fw1", DeviceKind::Firewall, 5, {QStringLiteral("rtr1")});
    dev("fw2", DeviceKind::Firewall, 6, {QStringLiteral("rtr2")});
    // The core switch survives either firewall pair member: both are its parents.
    dev("sw1", DeviceKind::Switch, 10, {QStringLiteral("fw1"), QStringLiteral("fw2")});
    dev("lb1", DeviceKind::LoadBalancer, 20, {QStringLiteral("sw1")});
    dev("srs1", DeviceKind::RegistrydNode, 31, {QStringLiteral("lb1")});
    dev("srs2", DeviceKind::RegistrydNode, 32, {QStringLiteral("lb1")});
    dev("db1", DeviceKind::Server, 40, {QStringLiteral("sw1")});
    dev("db2", DeviceKind::Server, 41, {QStringLiteral("sw1")});
    dev("whois1", DeviceKind::Server, 50, {QStringLiteral("lb1")});
    dev("ns0", DeviceKind::Nameserver, 53, {QStringLiteral("sw1")});

    const auto link = [&](const char *a, const char *ai, const char *bn, const char *bi, qint64 capacity) {
        b.link(p + QLatin1StringView(a), QLatin1StringView(ai), p + QLatin1StringView(bn), QLatin1StringView(bi), capacity);
    };
    link("rtr1", "xe-0/0/1", "fw1", "eth1", tenG);
    link("rtr2", "xe-0/0/1", "fw2", "eth1", tenG);
    link("rtr1", "xe-0/0/2", "rtr2", "xe-0/0/2", tenG);
    link("fw1", "eth2", "sw1", "Te1/0/1", tenG);
    link("fw2", "eth2", "sw1", "Te1/0/2", tenG);
    link("sw1", "Te1/0/3", "lb1", "eth0", tenG);
    link("lb1", "eth1", "srs1", "eno1", tenG);
    link("lb1", "eth2", "srs2", "eno1", tenG);
    link("lb1", "eth3", "whois1", "eno1", oneG);
    link("sw1", "Te1/0/4", "db1", "eno1", tenG);
    link("sw1", "Te1/0/5", "db2", "eno1", tenG);
    link("sw1", "Gi1/0/10", "ns0", "eno1", oneG);
}

void addNameserverSite(Builder &b, const QString &code, const QString &name, const QString &location, MapPoint map, const QString &p,
                       int subnet, const QString &upstream)
{
    b.site(code, name, SiteRole::Nameserver, location, map);
    const auto address = [subnet](int host) { return QStringLiteral("10.%1.0.%2").arg(subnet).arg(host); };
    b.device(p + u"rtr1", DeviceKind::Router, address(1), {upstream});
    b.device(p + u"fw1", DeviceKind::Firewall, address(5), {p + u"rtr1"});
    b.device(p + u"ns1", DeviceKind::Nameserver, address(53), {p + u"fw1"});
    b.device(p + u"ns2", DeviceKind::Nameserver, address(54), {p + u"fw1"});
    b.link(p + u"rtr1", QStringLiteral("xe-0/0/0"), upstream, QStringLiteral("xe-0/0/4"), tenG);
    b.link(p + u"rtr1", QStringLiteral("xe-0/0/1"), p + u"fw1", QStringLiteral("eth1"), tenG);
    b.link(p + u"fw1", QStringLiteral("eth2"), p + u"ns1", QStringLiteral("eno1"), oneG);
    b.link(p + u"fw1", QStringLiteral("eth3"), p + u"ns2", QStringLiteral("eno1"), oneG);
}

} // namespace

Topology generate()
{
    Builder b;
    addSrsSite(b, QStringLiteral("site-a"), QStringLiteral("SRS data centre A (primary)"), QStringLiteral("Frankfurt"), {400, 200},
               QStringLiteral("a-"), 1);
    addSrsSite(b, QStringLiteral("site-b"), QStringLiteral("SRS data centre B (secondary)"), QStringLiteral("Amsterdam"), {700, 200},
               QStringLiteral("b-"), 2);
    // Synchronous replication runs over two independent wide-area links between the sites.
    b.link(QStringLiteral("a-rtr1"), QStringLiteral("xe-0/0/3"), QStringLiteral("b-rtr1"), QStringLiteral("xe-0/0/3"), tenG);
    b.link(QStringLiteral("a-rtr2"), QStringLiteral("xe-0/0/3"), QStringLiteral("b-rtr2"), QStringLiteral("xe-0/0/3"), tenG);

    addNameserverSite(b, QStringLiteral("ns-lhr"), QStringLiteral("Nameserver site London"), QStringLiteral("London"), {250, 50},
                      QStringLiteral("lhr-"), 11, QStringLiteral("a-rtr1"));
    addNameserverSite(b, QStringLiteral("ns-iad"), QStringLiteral("Nameserver site Ashburn"), QStringLiteral("Ashburn"), {100, 300},
                      QStringLiteral("iad-"), 12, QStringLiteral("b-rtr1"));
    addNameserverSite(b, QStringLiteral("ns-sin"), QStringLiteral("Nameserver site Singapore"), QStringLiteral("Singapore"), {900, 400},
                      QStringLiteral("sin-"), 13, QStringLiteral("a-rtr2"));
    addNameserverSite(b, QStringLiteral("ns-gru"), QStringLiteral("Nameserver site Sao Paulo"), QStringLiteral("Sao Paulo"), {250, 450},
                      QStringLiteral("gru-"), 14, QStringLiteral("b-rtr2"));

    // This machine: the one device a developer can poll (snmpd on 127.0.0.1:1161, docs/monitoring.md).
    Device &local = b[QStringLiteral("a-srs1")];
    local.address = QStringLiteral("127.0.0.1");
    local.enabled = true;
    SnmpSettings s;
    s.version = SnmpVersion::V2c;
    s.port = 1161;
    s.community = QByteArray("demo-public");
    local.snmp = s;
    return b.take();
}

} // namespace reg::setup::DemoTopology
