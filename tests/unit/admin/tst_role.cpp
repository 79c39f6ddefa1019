#include "admin/role.h"

#include <QTest>

using namespace reg::admin;

class tst_Role : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void namesRoundTrip_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<Role>("role");
        QTest::newRow("admin") << QStringLiteral("admin") << Role::Admin;
        QTest::newRow("noc") << QStringLiteral("noc") << Role::Noc;
        QTest::newRow("tier1") << QStringLiteral("helpdesk-tier1") << Role::HelpdeskTier1;
        QTest::newRow("tier2") << QStringLiteral("helpdesk-tier2") << Role::HelpdeskTier2;
        QTest::newRow("tier3") << QStringLiteral("helpdesk-tier3") << Role::HelpdeskTier3;
        QTest::newRow("manager") << QStringLiteral("manager") << Role::Manager;
        QTest::newRow("auditor") << QStringLiteral("auditor") << Role::Auditor;
    }
    void namesRoundTrip()
    {
        QFETCH(QString, name);
        QFETCH(Role, role);
        QCOMPARE(roleName(role), name);
        QCOMPARE(parseRole(name), std::optional<Role>(role));
    }

    void rejectsUnknownOrMiscasedNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("empty") << QString();
        QTest::newRow("upper") << QStringLiteral("Admin");
        QTest::newRow("underscore") << QStringLiteral("helpdesk_tier1");
        QTest::newRow("unknown") << QStringLiteral("root");
        QTest::newRow("padded") << QStringLiteral(" admin");
    }
    void rejectsUnknownOrMiscasedNames()
    {
        QFETCH(QString, name);
        QVERIFY(!parseRole(name));
    }

    void roleListsRejectDuplicatesAndEmpty()
    {
        QVERIFY(!parseRoles({}));
        QVERIFY(!parseRoles({QStringLiteral("noc"), QStringLiteral("noc")}));
        QVERIFY(!parseRoles({QStringLiteral("noc"), QStringLiteral("boss")}));
        QCOMPARE(parseRoles({QStringLiteral("noc"), QStringLiteral("auditor")}), std::optional<QList<Role>>({Role::Noc, Role::Auditor}));
    }

    void permissionTable_data()
    {
        QTest::addColumn<Role>("role");
        QTest::addColumn<Permission>("permission");
        QTest::addColumn<bool>("allowed");
        const QList<Role> all = allRoles();
        for (Role role : all) {
            const QByteArray name = roleName(role).toUtf8();
            const bool admin = role == Role::Admin;
            const bool auditor = role == Role::Auditor;
            QTest::addRow("%s/status", name.constData()) << role << Permission::ViewStatus << true;
            QTest::addRow("%s/metrics", name.constData()) << role << Permission::ViewMetrics << true;
            QTest::addRow("%s/own-password", name.constData()) << role << Permission::ChangeOwnPassword << true;
            QTest::addRow("%s/journal", name.constData()) << role << Permission::ReadJournal << (admin || auditor);
            QTest::addRow("%s/users", name.constData()) << role << Permission::ManageUsers << admin;
            const bool helpdesk = role == Role::HelpdeskTier1 || role == Role::HelpdeskTier2 || role == Role::HelpdeskTier3;
            // Every role reads domains, hosts and registrars; contacts (personal data) only admin and help desk;
            // the ledger and XRP audit trail everyone but help-desk tier 1.
            QTest::addRow("%s/registry", name.constData()) << role << Permission::ReadRegistry << true;
            QTest::addRow("%s/contacts", name.constData()) << role << Permission::ReadContacts << (admin || helpdesk);
            QTest::addRow("%s/registrar-activity", name.constData())
                << role << Permission::ReadRegistrarActivity << (role != Role::HelpdeskTier1);
            // Onboarding grants XRP access and moves money: admin only.
            QTest::addRow("%s/manage-registrars", name.constData()) << role << Permission::ManageRegistrars << admin;
            // Everyone sees the network inventory and map; the NOC and admins keep it.
            QTest::addRow("%s/view-monitoring", name.constData()) << role << Permission::ViewMonitoring << true;
            QTest::addRow("%s/manage-monitoring", name.constData())
                << role << Permission::ManageMonitoring << (admin || role == Role::Noc);
            QTest::addRow("%s/acknowledge-alarms", name.constData())
                << role << Permission::AcknowledgeAlarms << (admin || role == Role::Noc || helpdesk);
        }
    }
    void permissionTable()
    {
        QFETCH(Role, role);
        QFETCH(Permission, permission);
        QFETCH(bool, allowed);
        QCOMPARE(roleAllows(role, permission), allowed);
    }

    void anyHeldRoleGrants()
    {
        QVERIFY(!rolesAllow({Role::Manager, Role::Noc}, Permission::ReadJournal));
        QVERIFY(rolesAllow({Role::Manager, Role::Auditor}, Permission::ReadJournal));
        QVERIFY(!rolesAllow({}, Permission::ViewStatus));
    }
};

QTEST_GUILESS_MAIN(tst_Role)
#include "tst_role.moc"
