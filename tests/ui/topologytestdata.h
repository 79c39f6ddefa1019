#pragma once

#include "widgets/topologysnapshot.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QTimeZone>

#include <optional>

// Topologies for the map's tests, screenshot and benchmark: a small hand-made one whose every item
// a test can name, and a large generated one (same seed, same map) of the size NOCs run.
namespace topologytest {

using namespace Qt::StringLiterals;

inline QDateTime referenceTime()
{
    return QDateTime(QDate(2026, 11, 21), QTime(12, 0), QTimeZone::utc());
}

inline noc::TopologyDevice device(const QString &id, const QString &site, noc::DeviceKind kind,
                                  noc::DeviceStatus status, qint64 secondsSincePoll = 30)
{
    noc::TopologyDevice d;
    d.id = id;
    d.name = id;
    d.siteId = site;
    d.kind = kind;
    d.status = status;
    d.lastPolled = referenceTime().addSecs(-secondsSincePoll);
    return d;
}

inline noc::TopologyLink link(const QString &id, const QString &from, const QString &to, std::optional<double> utilisation)
{
    return noc::TopologyLink{id, from, to, 10'000'000'000LL, utilisation};
}

// Two data centres and a name-server site: one router down (so the firewall behind it is
// unreachable), a saturated uplink, a device in maintenance, an acknowledged one and a stale one.
inline noc::TopologySnapshot small()
{
    using K = noc::DeviceKind;
    using S = noc::DeviceStatus;
    noc::TopologySnapshot s;
    s.sites = {{u"ams"_s, u"Amsterdam DC"_s, {}}, {u"fra"_s, u"Frankfurt DC"_s, {}}, {u"ns"_s, u"Name servers"_s, {}}};
    s.devices = {
        device(u"gw-ams-1"_s, u"ams"_s, K::Router, S::Up),
        device(u"fw-ams-1"_s, u"ams"_s, K::Firewall, S::Up),
        device(u"lb-ams-1"_s, u"ams"_s, K::LoadBalancer, S::Warning),
        device(u"srs-ams-1"_s, u"ams"_s, K::RegistryNode, S::Up),
        device(u"db-ams-1"_s, u"ams"_s, K::Server, S::Minor),
        device(u"gw-fra-1"_s, u"fra"_s, K::Router, S::Down),
        device(u"fw-fra-1"_s, u"fra"_s, K::Firewall, S::Unreachable),
        device(u"srs-fra-1"_s, u"fra"_s, K::RegistryNode, S::Major),
        device(u"sw-fra-1"_s, u"fra"_s, K::Switch, S::Critical),
        device(u"ns1"_s, u"ns"_s, K::Nameserver, S::Up),
        device(u"ns2"_s, u"ns"_s, K::Nameserver, S::Up, 3600),   // not polled for an hour: stale
        device(u"ns3"_s, u"ns"_s, K::Nameserver, S::Unknown),
    };
    s.devices[5].cause = u"no answer to 3 polls"_s;
    s.devices[6].cause = u"behind gw-fra-1"_s;
    s.devices[5].acknowledged = true;
    s.devices[4].inMaintenance = true;
    s.links = {
        link(u"ams-fw"_s, u"gw-ams-1"_s, u"fw-ams-1"_s, 35),
        link(u"ams-lb"_s, u"fw-ams-1"_s, u"lb-ams-1"_s, 62),
        link(u"ams-srs"_s, u"lb-ams-1"_s, u"srs-ams-1"_s, 88),
        link(u"ams-db"_s, u"srs-ams-1"_s, u"db-ams-1"_s, {}),
        link(u"ams-fra"_s, u"gw-ams-1"_s, u"gw-fra-1"_s, 97.5),
        link(u"fra-fw"_s, u"gw-fra-1"_s, u"fw-fra-1"_s, 0),
        link(u"fra-sw"_s, u"fw-fra-1"_s, u"sw-fra-1"_s, 12),
        link(u"fra-srs"_s, u"sw-fra-1"_s, u"srs-fra-1"_s, 49.9),
        link(u"ams-ns1"_s, u"gw-ams-1"_s, u"ns1"_s, 20),
        link(u"ams-ns2"_s, u"gw-ams-1"_s, u"ns2"_s, 80),
        link(u"fra-ns3"_s, u"gw-fra-1"_s, u"ns3"_s, 95),
    };
    return s;
}

// deviceCount devices over deviceCount / 40 sites, linkCount links (mostly within a site, some
// uplinks between sites), statuses and utilisations spread like a bad day on a large network.
inline noc::TopologySnapshot large(int deviceCount = 1000, int linkCount = 2000, quint32 seed = 6)
{
    QRandomGenerator random(seed);
    noc::TopologySnapshot s;
    const int perSite = 40;
    const int siteCount = (deviceCount + perSite - 1) / perSite;
    for (int i = 0; i < siteCount; ++i)
        s.sites.append({u"site-%1"_s.arg(i, 2, 10, QChar(u'0')), u"Site %1"_s.arg(i), {}});
    static constexpr noc::DeviceStatus statuses[] = {noc::DeviceStatus::Up, noc::DeviceStatus::Warning, noc::DeviceStatus::Minor,
                                                     noc::DeviceStatus::Major, noc::DeviceStatus::Critical, noc::DeviceStatus::Down,
                                                     noc::DeviceStatus::Unreachable, noc::DeviceStatus::Unknown};
    for (int i = 0; i < deviceCount; ++i) {
        const int roll = int(random.bounded(100));
        const noc::DeviceStatus status = roll < 80 ? noc::DeviceStatus::Up : statuses[1 + roll % 7];
        noc::TopologyDevice d = device(u"dev-%1"_s.arg(i, 4, 10, QChar(u'0')), s.sites[i / perSite].id,
                                       noc::DeviceKind(random.bounded(8)), status, random.bounded(100) < 3 ? 7200 : 60);
        d.name = u"device-%1.example.net"_s.arg(i);
        d.acknowledged = status != noc::DeviceStatus::Up && random.bounded(2) == 0;
        d.inMaintenance = random.bounded(100) < 2;
        s.devices.append(d);
    }
    for (int i = 0; i < linkCount; ++i) {
        const int from = int(random.bounded(deviceCount));
        int to;
        if (random.bounded(10) == 0) {
            to = int(random.bounded(deviceCount));   // an uplink to anywhere
        } else {
            const int site = from / perSite;
            to = qMin(deviceCount - 1, site * perSite + int(random.bounded(perSite)));
        }
        std::optional<double> utilisation;
        if (random.bounded(10) != 0)
            utilisation = random.bounded(100.0);
        s.links.append(link(u"link-%1"_s.arg(i), s.devices[from].id, s.devices[to].id, utilisation));
    }
    return s;
}

} // namespace topologytest
