#pragma once

#include "snmptarget.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace reg::monitor {

// The value types of the inventory (docs/monitoring.md, "Inventory and topology"): what the
// management API, the import file and the repository exchange. Sites are named by their code,
// devices by their name, links by their number; the database ids stay inside the repository
// except a device's id, which the poller and the alarm engine key their state on.

enum class SiteRole { Srs, Nameserver, Office, Escrow, Other };
enum class DeviceKind { Router, Firewall, LoadBalancer, Switch, Server, Nameserver, RegistrydNode };

QString siteRoleName(SiteRole role);
std::optional<SiteRole> parseSiteRole(const QString &name);
QString deviceKindName(DeviceKind kind);
std::optional<DeviceKind> parseDeviceKind(const QString &name);

struct MapPoint
{
    double x = 0;
    double y = 0;
    bool operator==(const MapPoint &) const = default;
};

struct Site
{
    QString code;                      // "site-a": letters, digits, '.', '_', '-'
    QString name;
    SiteRole role = SiteRole::Srs;
    QString location;
    std::optional<MapPoint> map;
};

// SNMP settings as stored. A secret given is replaced; one not given (nullopt) keeps what is
// stored, so a PATCH need not repeat it. Read back, the secrets are never filled in: only
// whether each is set.
struct SnmpSettings
{
    SnmpVersion version = SnmpVersion::V2c;
    quint16 port = 161;
    QByteArray user;
    SnmpSecurityLevel level = SnmpSecurityLevel::AuthPriv;
    SnmpAuthProtocol auth = SnmpAuthProtocol::Sha1;
    SnmpPrivProtocol priv = SnmpPrivProtocol::Aes128;
    std::optional<QByteArray> community;
    std::optional<QByteArray> authPassphrase;
    std::optional<QByteArray> privPassphrase;
    int intervalSecs = 300;
    int timeoutMs = 2000;
    int retries = 1;
    bool communitySet = false;         // read back only
    bool authPassphraseSet = false;
    bool privPassphraseSet = false;
};

struct Interface
{
    int ifIndex = 0;                   // IF-MIB ifIndex, 1 and up
    QString name;                      // "xe-0/0/1"
    qint64 speedBps = 0;               // 0 when unknown
};

struct Device
{
    qint64 id = 0;                     // read back only
    QString name;                      // unique: "a-rtr1"
    DeviceKind kind = DeviceKind::Server;
    QString site;                      // the site's code
    QString address;                   // management address (IPv4 or IPv6), empty when none
    bool enabled = true;
    std::optional<SnmpSettings> snmp;  // none: not polled over SNMP
    QStringList parents;               // names of the devices it depends on
    QList<Interface> interfaces;
    std::optional<MapPoint> map;       // read back only: the console's layout
};

struct LinkEnd
{
    QString device;
    QString interfaceName;             // empty: the link joins the devices, interface unknown
};

struct Link
{
    qint64 id = 0;                     // read back only
    LinkEnd a;
    LinkEnd b;
    qint64 capacityBps = 0;
};

struct Topology
{
    QList<Site> sites;
    QList<Device> devices;
    QList<Link> links;
};

// What the alarm engine needs to tell a cause from its consequences.
struct DeviceDependency
{
    qint64 deviceId = 0;
    QString name;
    QString siteCode;
    QList<qint64> parentIds;
};

} // namespace reg::monitor
