#include "inventorytypes.h"

namespace reg::monitor {

// The names are exact (lower case), as the database CHECK constraints spell them; the switches
// have no default so a new enumerator without a name does not compile quietly.
QString siteRoleName(SiteRole role)
{
    switch (role) {
    case SiteRole::Srs: return QStringLiteral("srs");
    case SiteRole::Nameserver: return QStringLiteral("nameserver");
    case SiteRole::Office: return QStringLiteral("office");
    case SiteRole::Escrow: return QStringLiteral("escrow");
    case SiteRole::Other: return QStringLiteral("other");
    }
    return {};
}

QString deviceKindName(DeviceKind kind)
{
    switch (kind) {
    case DeviceKind::Router: return QStringLiteral("router");
    case DeviceKind::Firewall: return QStringLiteral("firewall");
    case DeviceKind::LoadBalancer: return QStringLiteral("load-balancer");
    case DeviceKind::Switch: return QStringLiteral("switch");
    case DeviceKind::Server: return QStringLiteral("server");
    case DeviceKind::Nameserver: return QStringLiteral("nameserver");
    case DeviceKind::RegistrydNode: return QStringLiteral("registryd-node");
    }
    return {};
}

std::optional<SiteRole> parseSiteRole(const QString &name)
{
    for (SiteRole role : {SiteRole::Srs, SiteRole::Nameserver, SiteRole::Office, SiteRole::Escrow, SiteRole::Other}) {
        if (siteRoleName(role) == name)
            return role;
    }
    return std::nullopt;
}

std::optional<DeviceKind> parseDeviceKind(const QString &name)
{
    for (DeviceKind kind : {DeviceKind::Router, DeviceKind::Firewall, DeviceKind::LoadBalancer, DeviceKind::Switch,
                            DeviceKind::Server, DeviceKind::Nameserver, DeviceKind::RegistrydNode}) {
        if (deviceKindName(kind) == name)
            return kind;
    }
    return std::nullopt;
}

} // namespace reg::monitor
