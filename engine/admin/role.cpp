#include "role.h"

namespace reg::admin {
namespace {

struct RoleInfo
{
    Role role;
    const char16_t *name;
};

constexpr RoleInfo roleTable[] = {
    {Role::Admin, u"admin"},
    {Role::Noc, u"noc"},
    {Role::HelpdeskTier1, u"helpdesk-tier1"},
    {Role::HelpdeskTier2, u"helpdesk-tier2"},
    {Role::HelpdeskTier3, u"helpdesk-tier3"},
    {Role::Manager, u"manager"},
    {Role::Auditor, u"auditor"},
};

} // namespace

QString roleName(Role role)
{
    for (const RoleInfo &info : roleTable) {
        if (info.role == role)
            return QString::fromUtf16(info.name);
    }
    return QStringLiteral("unknown");
}

std::optional<Role> parseRole(const QString &name)
{
    for (const RoleInfo &info : roleTable) {
        if (name == QStringView(info.name))
            return info.role;
    }
    return std::nullopt;
}

QList<Role> allRoles()
{
    QList<Role> roles;
    for (const RoleInfo &info : roleTable)
        roles.append(info.role);
    return roles;
}

QStringList roleNames(const QList<Role> &roles)
{
    QStringList names;
    names.reserve(roles.size());
    for (Role role : roles)
        names.append(roleName(role));
    return names;
}

std::optional<QList<Role>> parseRoles(const QStringList &names)
{
    if (names.isEmpty())
        return std::nullopt;
    QList<Role> roles;
    for (const QString &name : names) {
        const std::optional<Role> role = parseRole(name);
        if (!role || roles.contains(*role))
            return std::nullopt;
        roles.append(*role);
    }
    return roles;
}

// The permission table (docs/management-api.md, "Roles"). Later capabilities add their
// permissions here; the switch has no default so the compiler flags an unhandled role.
bool roleAllows(Role role, Permission permission)
{
    // Everyone who may log in may look after their own session.
    // Everyone may look at the network map: help desk and managers explain outages with it too.
    const bool basic = permission == Permission::ViewStatus || permission == Permission::ViewMetrics
        || permission == Permission::ChangeOwnPassword || permission == Permission::ViewMonitoring;
    switch (role) {
    case Role::Admin:
        return true;
    case Role::Noc:
        // Troubleshooting a registrar's connection needs its XRP audit trail, not its contacts' addresses.
        // The NOC keeps the inventory of what it watches and takes its alarms.
        return basic || permission == Permission::ReadRegistry || permission == Permission::ReadRegistrarActivity
            || permission == Permission::ManageMonitoring || permission == Permission::AcknowledgeAlarms;
    case Role::HelpdeskTier1:
        // First line verifies a caller against the contact data; billing and audit go up a tier.
        // The help desk is part of the NOC and staffed around the clock (seed 001): it takes alarms too.
        return basic || permission == Permission::ReadRegistry || permission == Permission::ReadContacts
            || permission == Permission::AcknowledgeAlarms;
    case Role::HelpdeskTier2:
    case Role::HelpdeskTier3:
        return basic || permission == Permission::ReadRegistry || permission == Permission::ReadContacts
            || permission == Permission::ReadRegistrarActivity || permission == Permission::AcknowledgeAlarms;
    case Role::Manager:
        return basic || permission == Permission::ReadRegistry || permission == Permission::ReadRegistrarActivity;
    case Role::Auditor:
        return basic || permission == Permission::ReadJournal || permission == Permission::ReadRegistry
            || permission == Permission::ReadRegistrarActivity;
    }
    return false;
}

bool rolesAllow(const QList<Role> &roles, Permission permission)
{
    for (Role role : roles) {
        if (roleAllows(role, permission))
            return true;
    }
    return false;
}

} // namespace reg::admin
