#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace reg::admin {

// The management roles. A user holds one or more; what each may do is decided only by
// roleAllows() (role.cpp), so the permission table lives in exactly one place.
enum class Role { Admin, Noc, HelpdeskTier1, HelpdeskTier2, HelpdeskTier3, Manager, Auditor };

// What a management call needs. Endpoints name a Permission, never a role, so adding a role
// never means touching a handler.
enum class Permission {
    ViewStatus,         // GET /status, /me, the event stream
    ViewMetrics,        // GET /metrics
    ReadJournal,        // GET /journal, /journal/verify
    ManageUsers,        // GET/POST /users, unlock
    ChangeOwnPassword,  // POST /me/password
    ReadRegistry,       // GET /registry/search (domains, hosts, registrars), domain and host detail, registrars
    ReadContacts,       // contact search and detail: personal data, every view is audited
    ReadRegistrarActivity, // GET /registry/registrars/{id}/ledger and /audit (billing and XRP audit trail)
    ManageRegistrars,   // onboarding and account administration: POST/PATCH /registry/registrars..., users,
                        // certificates, addresses, payments (admin only: it grants access to the XRP port and money)
    ViewMonitoring,     // GET /monitor/...: the inventory and the topology map (every role)
    ManageMonitoring,   // POST/PATCH/DELETE /monitor/sites|devices|links, the import and the map layout, maintenance
                        // windows (NOC and admin)
    AcknowledgeAlarms,  // POST /monitor/alarms/acknowledge|unacknowledge (NOC, admin and the help-desk tiers: they take alarms)
};

QString roleName(Role role);                       // "helpdesk-tier1"
std::optional<Role> parseRole(const QString &name); // exact, lower-case names only
QList<Role> allRoles();

QStringList roleNames(const QList<Role> &roles);
// Parses a stored or submitted list; nullopt if any entry is unknown, duplicated, or the list is empty.
std::optional<QList<Role>> parseRoles(const QStringList &names);

bool roleAllows(Role role, Permission permission);
bool rolesAllow(const QList<Role> &roles, Permission permission);

} // namespace reg::admin
