#include "domaintestfixture.h"

#include "srs/domain.h"
#include "srs/maintenancescheduler.h"

#include <QSignalSpy>
#include <QTest>

using namespace reg;
using namespace reg::srs;
using namespace domaintest;

// The scheduler over a real store: what the clock made due is processed through the writer.
class tst_MaintenanceScheduler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void processesWhatIsDueThroughTheWriter();
    void drainsABacklogInFullBatches();
};

void tst_MaintenanceScheduler::processesWhatIsDueThroughTheWriter()
{
    Fixture f;
    SrsOutcome<DomainCreated> created = f.create(QStringLiteral("a.example"));
    QVERIFY(created.ok());
    MaintenanceScheduler scheduler(*f.store, f.policy, f.clock, std::chrono::hours(1));
    QVERIFY(scheduler.start());
    QSignalSpy finished(&scheduler, &MaintenanceScheduler::batchFinished);

    scheduler.runOnce();   // nothing due yet
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.takeFirst(), (QVariantList{0, 0}));

    f.clock.set(created->expiresAt.addSecs(1));   // the add grace ended and the name expired
    scheduler.runOnce();
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.takeFirst(), (QVariantList{2, 0}));
    QCOMPARE(f.count(QStringLiteral("SELECT count(*) FROM ledger WHERE operation = 'autoRenew'")), 1);
    QCOMPARE(f.graceRows(QStringLiteral("a.example"), QStringLiteral("addPeriod")), 0);
    QCOMPARE(f.count(QStringLiteral("SELECT expires_at FROM domains")), created->expiresAt.addYears(1).toMSecsSinceEpoch());
}

void tst_MaintenanceScheduler::drainsABacklogInFullBatches()
{
    Fixture f;
    for (int i = 0; i < 5; ++i)
        QVERIFY(f.create(QStringLiteral("n%1.example").arg(i)).ok());
    f.advanceDays(10);   // five add grace periods ended
    MaintenanceScheduler scheduler(*f.store, f.policy, f.clock, std::chrono::hours(1), 2);
    QVERIFY(scheduler.start());
    QSignalSpy finished(&scheduler, &MaintenanceScheduler::batchFinished);
    scheduler.runOnce();
    // 2 + 2 + 1, the next batch started as soon as a full one finished; then an empty look.
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, 10000);
    QCOMPARE(finished.at(0), (QVariantList{2, 0}));
    QCOMPARE(finished.at(1), (QVariantList{2, 0}));
    QCOMPARE(finished.at(2), (QVariantList{1, 0}));
    QCOMPARE(f.count(QStringLiteral("SELECT count(*) FROM domain_grace_periods")), 0);
}

QTEST_GUILESS_MAIN(tst_MaintenanceScheduler)
#include "tst_maintenancescheduler.moc"
