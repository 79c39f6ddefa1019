#include "domaintestfixture.h"

#include "srs/domain.h"
#include "srs/registrymaintenance.h"

#include <QJsonArray>
#include <QTest>

using namespace reg;
using namespace reg::srs;
using namespace domaintest;

namespace {

template<typename T>
bool succeeded(const SrsOutcome<T> &outcome)
{
    if (!outcome.ok())
        qWarning("refused: %s: %s", refusalName(outcome.error().refusal), qPrintable(outcome.error().message));
    return outcome.ok();
}

RequestContext systemContext(Fixture &f)
{
    RequestContext c = f.ctx(QString());
    c.userId.clear();
    return c;
}

QList<DueEvent> dueNow(Fixture &f)
{
    SrsOutcome<QList<DueEvent>> due = RegistryMaintenance::due(*f.reader, f.clock.now(), 100);
    if (!due)
        qFatal("due: %s", qPrintable(due.error().message));
    return *due;
}

QList<DueEvent::Kind> kinds(const QList<DueEvent> &events)
{
    QList<DueEvent::Kind> out;
    for (const DueEvent &e : events)
        out << e.kind;
    return out;
}

// Processes everything due now, as the engine's timer would; returns how many events it handled.
int runMaintenance(Fixture &f)
{
    int handled = 0;
    for (int round = 0; round < 10; ++round) {
        const QList<DueEvent> events = dueNow(f);
        if (events.isEmpty())
            break;
        for (const DueEvent &e : events) {
            if (!succeeded(f.write(RegistryMaintenance::process(systemContext(f), e))))
                qFatal("maintenance failed");
            ++handled;
        }
    }
    return handled;
}

} // namespace

class tst_RegistryMaintenance : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nothingIsDueInAFreshRegistry();
    void addGraceEndsAndADeleteNoLongerRefunds();
    void expiryAutoRenewsBillsAndStartsAutoRenewGrace();
    void deleteInsideAutoRenewGraceRefundsTheAutoRenewal();
    void autoRenewPastTheCreditLimitDeletesIntoRedemption();
    void autoRenewOffDeletesAtExpiry();
    void pendingTransferIsServerApprovedAfterTheDeadline();
    void transferInsideAutoRenewGraceReturnsTheAutoRenewal();
    void pendingContactTransferIsServerApprovedAfterTheDeadline();
    void redemptionThenPendingDeleteThenPurge();
    void restoreWithoutReportLapsesBackToRedemption();
    void processingAnEventTwiceChangesNothingTheSecondTime();
    void purgeAfterAFailedAutoRenewTakesOtherDomainsDelegations();
    void expiryDuringAPendingTransferIsRenewedThenReturnedOnApproval();
};

void tst_RegistryMaintenance::nothingIsDueInAFreshRegistry()
{
    Fixture f;
    QVERIFY(succeeded(f.create(QStringLiteral("a.example"))));
    QVERIFY(dueNow(f).isEmpty());
}

void tst_RegistryMaintenance::addGraceEndsAndADeleteNoLongerRefunds()
{
    Fixture f;
    QVERIFY(succeeded(f.create(QStringLiteral("a.example"))));
    f.advanceDays(4.9);
    QVERIFY(dueNow(f).isEmpty());
    f.advanceDays(0.2);
    const QList<DueEvent> due = dueNow(f);
    QCOMPARE(kinds(due), QList<DueEvent::Kind>{DueEvent::Kind::GracePeriodEnded});
    QCOMPARE(due[0].object, QStringLiteral("a.example"));
    QVERIFY(succeeded(f.write(RegistryMaintenance::process(systemContext(f), due[0]))));
    QCOMPARE(f.graceRows(QStringLiteral("a.example"), QStringLiteral("addPeriod")), 0);
    QCOMPARE(f.lastJournalKind(), QStringLiteral("domain.graceEnded"));
    QVERIFY(dueNow(f).isEmpty());
}

void tst_RegistryMaintenance::expiryAutoRenewsBillsAndStartsAutoRenewGrace()
{
    Fixture f;
    SrsOutcome<DomainCreated> created = f.create(QStringLiteral("a.example"), kAlpha, {QStringLiteral("ns1.dns.net")});
    QVERIFY(succeeded(created));
    f.advanceDays(10);
    runMaintenance(f);   // the add grace ends
    f.clock.set(created->expiresAt.addSecs(60));
    const QList<DueEvent> due = dueNow(f);
    QCOMPARE(kinds(due), QList<DueEvent::Kind>{DueEvent::Kind::AutoRenew});
    QCOMPARE(due[0].dueAt, created->expiresAt);
    QVERIFY(succeeded(f.write(RegistryMaintenance::process(systemContext(f), due[0]))));

    QCOMPARE(f.balance(kAlpha), kStartBalance - 2 * kPrice);
    QCOMPARE(f.count(QStringLiteral("SELECT count(*) FROM ledger WHERE operation = 'autoRenew'")), 1);
    QCOMPARE(f.count(QStringLiteral("SELECT expires_at FROM domains")), created->expiresAt.addYears(1).toMSecsSinceEpoch());
    QCOMPARE(f.graceRows(QStringLiteral("a.example"), QStringLiteral("autoRenewPeriod")), 1);
    QCOMPARE(f.polls(kAlpha, QStringLiteral("autoRenew")), 1);
    QCOMPARE(f.lastJournalKind(), QStringLiteral("domain.renew"));
    QCOMPARE(f.lastJournalData().value(QStringLiteral("autoRenew")).toBool(), true);
    QVERIFY(dueNow(f).isEmpty());

    // The auto-renew grace ends 45 days after the expiry.
    f.clock.set(created->expiresAt.addSecs(f.policy.autoRenewGraceSecs - 1));
    QVERIFY(dueNow(f).isEmpty());
    f.clock.set(created->expiresAt.addSecs(f.policy.autoRenewGraceSecs));
    QCOMPARE(kinds(dueNow(f)), QList<DueEvent::Kind>{DueEvent::Kind::GracePeriodEnded});
    QCOMPARE(runMaintenance(f), 1);
    QCOMPARE(f.graceRows(QStringLiteral("a.example"), QStringLiteral("autoRenewPeriod")), 0);
}

void tst_RegistryMaintenance::deleteInsideAutoRenewGraceRefundsTheAutoRenewal()
{
    Fixture f;
    SrsOutcome<DomainCreated> created = f.create(QStringLiteral("a.example"));
    QVERIFY(succeeded(created));
    f.clock.set(created->expiresAt.addSecs(1));
    runMaintenance(f);
    QCOMPARE(f.balance(kAlpha), kStartBalance - 2 * kPrice);
    f.advanceDays(10);
    SrsOutcome<DomainDeleted> deleted = f.write(DomainCommands::remove(f.ctx(kAlpha), QStringLiteral("a.example")));
    QVERIFY(succeeded(deleted));
    QVERIFY(!deleted->purged);
    QCOMPARE(deleted->refund->feeCents, -kPrice);
    QCOMPARE(f.balance(kAlpha), kStartBalance - kPrice);
}

void tst_RegistryMaintenance::autoRenewPastTheCreditLimitDeletesIntoRedemption()
{
    Fixture f;
    SrsOutcome<DomainCreated> created = f.create(QStringLiteral("poor.example"), kPoor);   // 1000 - 800 left
    QVERIFY(succeeded(created));
    f.clock.set(created->expiresAt.addSecs(1));
    runMaintenance(f);
    QCOMPARE(f.balance(kPoor), 1000 - kPrice);
    QCOMPARE(f.storedStatuses(QStringLiteral("poor.example")), QStringLiteral("pendingDelete"));
    QCOMPARE(f.graceRows(QStringLiteral("poor.example"), QStringLiteral("redemptionPeriod")), 1);
    QCOMPARE(f.polls(kPoor, QStringLiteral("delete")), 1);
    QCOMPARE(f.lastJournalKind(), QStringLiteral("domain.delete"));
    QCOMPARE(f.lastJournalData().value(QStringLiteral("inZone")).toBool(), false);
    QCOMPARE(f.count(QStringLiteral("SELECT expires_at FROM domains")), created->expiresAt.toMSecsSinceEpoch());
}

void tst_RegistryMaintenance::autoRenewOffDeletesAtExpiry()
{
    Fixture f;
    f.policy.autoRenew = false;
    SrsOutcome<DomainCreated> created = f.create(QStringLiteral("a.example"));
    QVERIFY(succeeded(created));
    f.clock.set(created->expiresAt);
    runMaintenance(f);
    QCOMPARE(f.balance(kAlpha), kStartBalance - kPrice);
    QCOMPARE(f.storedStatuses(QStringLiteral("a.example")), QStringLiteral("pendingDelete"));
}

void tst_RegistryMaintenance::pendingTransferIsServerApprovedAfterTheDeadline()
{
    Fixture f;
    SrsOutcome<DomainCreated> created = f.create(QStringLiteral("a.example"));
    QVERIFY(succeeded(created));
    f.advanceDays(10);
    runMaintenance(f);
    QVERIFY(succeeded(f.write(DomainCommands::transfer(
        f.ctx(kBeta), {TransferOperation::Request, QStringLiteral("a.example"), kAuth, Period{2}, std::nullopt}))));
    f.advanceDays(4.9);
    QVERIFY(dueNow(f).isEmpty());
    f.advanceDays(0.2);
    QCOMPARE(kinds(dueNow(f)), QList<DueEvent::Kind>{DueEvent::Kind::TransferDeadline});
    QCOMPARE(runMaintenance(f), 1);
    QCOMPARE(f.value(QStringLiteral("SELECT registrar_id FROM domains")).toString(), kBeta);
    QCOMPARE(f.value(QStringLiteral("SELECT status FROM transfers")).toString(), QStringLiteral("serverApproved"));
    QCOMPARE(f.count(QStringLiteral("SELECT expires_at FROM domains")), created->expiresAt.addYears(2).toMSecsSinceEpoch());
    QCOMPARE(f.storedStatuses(QStringLiteral("a.example")), QString());
    QCOMPARE(f.polls(kAlpha, QStringLiteral("transfer")), 2);
    QCOMPARE(f.polls(kBeta, QStringLiteral("transfer")), 2);
    QCOMPARE(f.lastJournalKind(), QStringLiteral("domain.transfer"));
    QCOMPARE(f.value(QStringLiteral("SELECT actor FROM journal ORDER BY seq DESC LIMIT 1")).toString(), QStringLiteral("system"));
    QCOMPARE(f.balance(kBeta), kStartBalance - 2 * kPrice);
}

void tst_RegistryMaintenance::transferInsideAutoRenewGraceReturnsTheAutoRenewal()
{
    Fixture f;
    SrsOutcome<DomainCreated> created = f.create(QStringLiteral("a.example"));
    QVERIFY(succeeded(created));
    f.clock.set(created->expiresAt.addSecs(1));
    runMaintenance(f);   // auto-renewed: expiry + 1 year, alpha paid twice
    QCOMPARE(f.balance(kAlpha), kStartBalance - 2 * kPrice);
    f.advanceDays(1);
    SrsOutcome<DomainTransferResult> requested = f.write(DomainCommands::transfer(
        f.ctx(kBeta), {TransferOperation::Request, QStringLiteral("a.example"), kAuth, Period{1}, std::nullopt}));
    QVERIFY(succeeded(requested));
    // The auto-renew year is not added on top of the transfer's.
    QCOMPARE(requested->transfer.expiresAt, std::optional(created->expiresAt.addYears(1)));
    QVERIFY(succeeded(f.write(DomainCommands::transfer(
        f.ctx(kAlpha), {TransferOperation::Approve, QStringLiteral("a.example"), std::nullopt, Period{}, std::nullopt}))));
    QCOMPARE(f.balance(kAlpha), kStartBalance - kPrice);
    QCOMPARE(f.count(QStringLiteral("SELECT expires_at FROM domains")), created->expiresAt.addYears(1).toMSecsSinceEpoch());
    QCOMPARE(f.graceRows(QStringLiteral("a.example"), QStringLiteral("autoRenewPeriod")), 0);
    QCOMPARE(f.graceRows(QStringLiteral("a.example"), QStringLiteral("transferPeriod")), 1);
}

void tst_RegistryMaintenance::pendingContactTransferIsServerApprovedAfterTheDeadline()
{
    Fixture f;
    const qint64 deadline = f.clock.now().addDays(5).toMSecsSinceEpoch();
    f.sql(QStringLiteral("INSERT INTO transfers (object_type, object_roid, object_name, status, requesting_id, requested_at, acting_id, action_at) "
                         "SELECT 'contact', roid, id, 'pending', ?1, ?2, registrar_id, ?3 FROM contacts WHERE id = 'a-tech'"),
          {kBeta, f.clock.now().toMSecsSinceEpoch(), deadline});
    f.advanceDays(5);
    QCOMPARE(kinds(dueNow(f)), QList<DueEvent::Kind>{DueEvent::Kind::TransferDeadline});
    QCOMPARE(runMaintenance(f), 1);
    QCOMPARE(f.value(QStringLiteral("SELECT registrar_id FROM contacts WHERE id = 'a-tech'")).toString(), kBeta);
    QCOMPARE(f.count(QStringLiteral("SELECT transferred_at FROM contacts WHERE id = 'a-tech'")), f.clock.now().toMSecsSinceEpoch());
    QCOMPARE(f.value(QStringLiteral("SELECT status FROM transfers")).toString(), QStringLiteral("serverApproved"));
    QCOMPARE(f.lastJournalKind(), QStringLiteral("contact.transfer"));
    QCOMPARE(f.polls(kAlpha, QStringLiteral("transfer")), 1);
    QCOMPARE(f.polls(kBeta, QStringLiteral("transfer")), 1);
}

void tst_RegistryMaintenance::redemptionThenPendingDeleteThenPurge()
{
    Fixture f;
    QVERIFY(succeeded(f.create(QStringLiteral("gone.example"), kAlpha, {QStringLiteral("ns1.dns.net")})));
    f.addSubordinateHost(QStringLiteral("ns.gone.example"), QStringLiteral("gone.example"), kAlpha);
    f.advanceDays(10);
    runMaintenance(f);
    QVERIFY(succeeded(f.write(DomainCommands::remove(f.ctx(kAlpha), QStringLiteral("gone.example")))));

    f.advanceDays(29.9);
    QVERIFY(dueNow(f).isEmpty());
    f.advanceDays(0.2);
    QCOMPARE(kinds(dueNow(f)), QList<DueEvent::Kind>{DueEvent::Kind::RedemptionEnded});
    QCOMPARE(runMaintenance(f), 1);
    QCOMPARE(f.graceRows(QStringLiteral("gone.example"), QStringLiteral("redemptionPeriod")), 0);
    QCOMPARE(f.graceRows(QStringLiteral("gone.example"), QStringLiteral("pendingDelete")), 1);
    // No restore once redemption is over.
    QCOMPARE(f.write(DomainCommands::restore(f.ctx(kAlpha), {QStringLiteral("gone.example"), std::nullopt, std::nullopt})).error().refusal,
             Refusal::StatusProhibits);

    // pendingDelete runs from the end of redemption (30 days after the delete), not from when
    // maintenance got to it (30.1 days).
    f.advanceDays(4.8);
    QVERIFY(dueNow(f).isEmpty());
    f.advanceDays(0.2);
    QCOMPARE(kinds(dueNow(f)), QList<DueEvent::Kind>{DueEvent::Kind::Purge});
    QCOMPARE(runMaintenance(f), 1);
    QCOMPARE(f.count(QStringLiteral("SELECT count(*) FROM domains")), 0);
    QCOMPARE(f.count(QStringLiteral("SELECT count(*) FROM hosts WHERE name = 'ns.gone.example'")), 0);
    QCOMPARE(f.count(QStringLiteral("SELECT count(*) FROM domain_hosts")), 0);
    QCOMPARE(f.count(QStringLiteral("SELECT count(*) FROM domain_grace_periods")), 0);
    QCOMPARE(f.polls(kAlpha, QStringLiteral("purge")), 1);
    QCOMPARE(f.lastJournalKind(), QStringLiteral("domain.purge"));
    QCOMPARE(f.lastJournalData().value(QStringLiteral("hostsRemoved")).toArray(), QJsonArray{QStringLiteral("ns.gone.example")});
    // Free for anyone again.
    QVERIFY(succeeded(f.create(QStringLiteral("gone.example"), kBeta)));
}

void tst_RegistryMaintenance::restoreWithoutReportLapsesBackToRedemption()
{
    Fixture f;
    QVERIFY(succeeded(f.create(QStringLiteral("back.example"))));
    f.advanceDays(10);
    runMaintenance(f);
    QVERIFY(succeeded(f.write(DomainCommands::remove(f.ctx(kAlpha), QStringLiteral("back.example")))));
    f.advanceDays(2);
    QVERIFY(succeeded(f.write(DomainCommands::restore(f.ctx(kAlpha), {QStringLiteral("back.example"), std::nullopt, std::nullopt}))));
    const qint64 afterFee = f.balance(kAlpha);
    f.advanceDays(7.1);
    QCOMPARE(kinds(dueNow(f)), QList<DueEvent::Kind>{DueEvent::Kind::RestoreLapsed});
    QCOMPARE(runMaintenance(f), 1);
    QCOMPARE(f.graceRows(QStringLiteral("back.example"), QStringLiteral("pendingRestore")), 0);
    QCOMPARE(f.graceRows(QStringLiteral("back.example"), QStringLiteral("redemptionPeriod")), 1);
    QCOMPARE(f.polls(kAlpha, QStringLiteral("restoreLapsed")), 1);
    QCOMPARE(f.balance(kAlpha), afterFee);   // the restore fee is not returned
    // Redemption still ends 30 days after the delete.
    QCOMPARE(f.count(QStringLiteral("SELECT ends_at - (SELECT deleted_at FROM domains) FROM domain_grace_periods WHERE kind = 'redemptionPeriod'")),
             f.policy.redemptionSecs * 1000);
    // A new request is possible again.
    QVERIFY(succeeded(f.write(DomainCommands::restore(f.ctx(kAlpha), {QStringLiteral("back.example"), std::nullopt, std::nullopt}))));
}

void tst_RegistryMaintenance::processingAnEventTwiceChangesNothingTheSecondTime()
{
    Fixture f;
    SrsOutcome<DomainCreated> created = f.create(QStringLiteral("a.example"));
    QVERIFY(succeeded(created));
    f.advanceDays(10);
    runMaintenance(f);
    f.clock.set(created->expiresAt.addSecs(1));
    const QList<DueEvent> due = dueNow(f);
    QCOMPARE(due.size(), 1);
    QVERIFY(succeeded(f.write(RegistryMaintenance::process(systemContext(f), due[0]))));
    const qint64 head = f.journalHead();
    const qint64 balance = f.balance(kAlpha);
    QVERIFY(succeeded(f.write(RegistryMaintenance::process(systemContext(f), due[0]))));
    QCOMPARE(f.journalHead(), head);
    QCOMPARE(f.balance(kAlpha), balance);
    QCOMPARE(f.count(QStringLiteral("SELECT count(*) FROM ledger WHERE operation = 'autoRenew'")), 1);
}

void tst_RegistryMaintenance::purgeAfterAFailedAutoRenewTakesOtherDomainsDelegations()
{
    Fixture f;
    SrsOutcome<DomainCreated> created = f.create(QStringLiteral("poor.example"), kPoor);
    QVERIFY(succeeded(created));
    f.addSubordinateHost(QStringLiteral("ns.poor.example"), QStringLiteral("poor.example"), kPoor);
    QVERIFY(succeeded(f.create(QStringLiteral("user.example"), kBeta, {QStringLiteral("ns.poor.example"), QStringLiteral("ns2.dns.net")})));
    // A registrar's own delete would be refused (the host is in use); a failed auto-renewal is not.
    f.clock.set(created->expiresAt.addSecs(1));
    runMaintenance(f);
    QCOMPARE(f.storedStatuses(QStringLiteral("poor.example")), QStringLiteral("pendingDelete"));
    // Nobody may start delegating to it now.
    QVERIFY(succeeded(f.create(QStringLiteral("other.example"), kBeta)));
    DomainUpdateRequest u;
    u.name = QStringLiteral("other.example");
    u.addNameServers = {QStringLiteral("ns.poor.example")};
    QCOMPARE(f.write(DomainCommands::update(f.ctx(kBeta), u)).error().refusal, Refusal::StatusProhibits);

    f.advanceDays(36);
    runMaintenance(f);
    QCOMPARE(f.count(QStringLiteral("SELECT count(*) FROM domains WHERE name = 'poor.example'")), 0);
    QCOMPARE(f.lastJournalKind(), QStringLiteral("domain.purge"));
    QCOMPARE(f.lastJournalData().value(QStringLiteral("delegationsRemoved")).toArray(),
             (QJsonArray{QJsonObject{{QStringLiteral("domain"), QStringLiteral("user.example")}, {QStringLiteral("ns"), QStringLiteral("ns.poor.example")}}}));
    SrsOutcome<DomainInfoResult> user = DomainCommands::info(*f.reader, f.ctx(kBeta), QStringLiteral("user.example"), HostsFilter::All, {});
    QCOMPARE(user->domain.nameServers, QStringList{QStringLiteral("ns2.dns.net")});
}

void tst_RegistryMaintenance::expiryDuringAPendingTransferIsRenewedThenReturnedOnApproval()
{
    Fixture f;
    SrsOutcome<DomainCreated> created = f.create(QStringLiteral("a.example"));
    QVERIFY(succeeded(created));
    f.clock.set(created->expiresAt.addDays(-2));
    runMaintenance(f);   // add grace long over
    QVERIFY(succeeded(f.write(DomainCommands::transfer(
        f.ctx(kBeta), {TransferOperation::Request, QStringLiteral("a.example"), kAuth, Period{1}, std::nullopt}))));
    f.clock.set(created->expiresAt.addSecs(1));
    QCOMPARE(kinds(dueNow(f)), QList<DueEvent::Kind>{DueEvent::Kind::AutoRenew});
    runMaintenance(f);
    QCOMPARE(f.balance(kAlpha), kStartBalance - 2 * kPrice);   // the sponsor pays the auto-renewal ...
    f.advanceDays(3.1);
    QCOMPARE(kinds(dueNow(f)), QList<DueEvent::Kind>{DueEvent::Kind::TransferDeadline});
    runMaintenance(f);
    QCOMPARE(f.balance(kAlpha), kStartBalance - kPrice);       // ... and gets it back when the name leaves
    QCOMPARE(f.balance(kBeta), kStartBalance - kPrice);
    QCOMPARE(f.value(QStringLiteral("SELECT registrar_id FROM domains")).toString(), kBeta);
    // One year from the transfer on top of the original expiry, not two.
    QCOMPARE(f.count(QStringLiteral("SELECT expires_at FROM domains")), created->expiresAt.addYears(1).toMSecsSinceEpoch());
}

QTEST_GUILESS_MAIN(tst_RegistryMaintenance)
#include "tst_registrymaintenance.moc"
