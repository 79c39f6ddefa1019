// The alarm engine: hysteresis, escalation, traps, dependency suppression, acknowledgement and
// maintenance, driven by a ManualClock over a real SQLite store.
#include "alarmtestfixture.h"

#include <QTest>

using namespace reg::monitor;
using namespace alarmtest;
using namespace Qt::StringLiterals;
using Kind = AlarmChangeKind;

namespace {

// Router firmware work on core-r1, planned by alice.
MaintenanceWindow routerWindow(const QDateTime &start, qint64 durationMs)
{
    MaintenanceWindow w;
    w.title = u"router firmware"_s;
    w.createdBy = u"alice"_s;
    w.deviceIds = {u"core-r1"_s};
    w.start = start;
    w.end = start.addMSecs(durationMs);
    return w;
}

Outcome down()
{
    return Outcome::failure(Severity::Critical, u"no answer to SNMP"_s);
}

} // namespace

Q_DECLARE_METATYPE(reg::monitor::Severity)

class tst_AlarmEngine : public QObject
{
    Q_OBJECT

private:
    void fail(Fixture &f, const AlarmSubject &s, int times, const Outcome &o = down())
    {
        for (int i = 0; i < times; ++i)
            f.engine->observe(s, o);
    }
    void recover(Fixture &f, const AlarmSubject &s, int times = 2)
    {
        for (int i = 0; i < times; ++i)
            f.engine->observe(s, Outcome::ok());
    }

private Q_SLOTS:
    void raisesAfterThreeConsecutiveFailures();
    void oneLostPollDoesNotRaise();
    void clearsAfterTwoConsecutiveOks();
    void hysteresisIsConfigurable();
    void thresholdLevels_data();
    void thresholdLevels();
    void refusesInvalidThresholdRules();
    void escalationKeepsTheAlarmId();
    void oneWorseReadingDoesNotEscalate();
    void trapRaisesAndClearsAtOnce();
    void ignoresInvalidSubjects();
    void deviceBehindFailedParentIsSuppressed();
    void parentFailingLaterSuppressesChild();
    void unmonitoredIntermediateDoesNotHideRoot();
    void twoParentsSuppressOnlyWhenBothDown();
    void rootRecoveryRechecksChildren();
    void componentAlarmsAreNeverSuppressed();
    void acknowledgementExpires();
    void acknowledgementLapsesWhenWorse();
    void unacknowledgeAndRefusals();
    void oneOffMaintenanceSilences();
    void endingAWindowEarlyResumesNotifying();
    void cancellingAWindowBeforeItStarts();
    void weeklyMaintenanceAcrossMidnight();
    void siteScopedMaintenance();
    void refusesInvalidWindows();
    void changeJsonCarriesTheAlarm();
};

void tst_AlarmEngine::raisesAfterThreeConsecutiveFailures()
{
    Fixture f;
    fail(f, kServer, 2);
    QVERIFY(!f.engine->activeAlarm(kServer));
    QVERIFY(f.changes.isEmpty());
    fail(f, kServer, 1);
    const auto alarm = f.engine->activeAlarm(kServer);
    QVERIFY(alarm);
    QCOMPARE(alarm->severity, Severity::Critical);
    QCOMPARE(alarm->cause, u"no answer to SNMP"_s);
    QCOMPARE(alarm->raisedAt, f.clock.now());
    QCOMPARE(f.kinds(), QList<Kind>{Kind::Raised});
    QVERIFY(f.changes[0].notify);
    fail(f, kServer, 5);   // still failing: no more changes
    QCOMPARE(f.changes.size(), 1);
}

void tst_AlarmEngine::oneLostPollDoesNotRaise()
{
    Fixture f;
    for (int round = 0; round < 5; ++round) {   // every other poll lost: never three in a row
        fail(f, kServer, round % 2 == 0 ? 1 : 2);
        f.engine->observe(kServer, Outcome::ok());
    }
    QVERIFY(f.changes.isEmpty());
    QVERIFY(!f.engine->activeAlarm(kServer));
}

void tst_AlarmEngine::clearsAfterTwoConsecutiveOks()
{
    Fixture f;
    fail(f, kServer, 3);
    f.engine->observe(kServer, Outcome::ok());
    fail(f, kServer, 1);                        // flapping: the ok run starts again
    f.engine->observe(kServer, Outcome::ok());
    QVERIFY(f.engine->activeAlarm(kServer));
    f.clock.advance(5 * kMinute);
    f.engine->observe(kServer, Outcome::ok());
    QVERIFY(!f.engine->activeAlarm(kServer));
    QCOMPARE(f.kinds(), (QList<Kind>{Kind::Raised, Kind::Cleared}));
    QCOMPARE(f.changes[1].alarm.state, AlarmState::Cleared);
    QCOMPARE(f.changes[1].alarm.clearedAt, f.clock.now());
    QVERIFY(f.changes[1].notify);
    fail(f, kServer, 3);                        // a new problem is a new alarm
    QCOMPARE(f.engine->activeAlarm(kServer)->id, f.changes[0].alarm.id + 1);
}

void tst_AlarmEngine::hysteresisIsConfigurable()
{
    Fixture f;
    Outcome once = down();
    once.hysteresis = Hysteresis{1, 4};
    f.engine->observe(kServer, once);
    QVERIFY(f.engine->activeAlarm(kServer));
    Outcome ok = Outcome::ok();
    ok.hysteresis = Hysteresis{1, 4};
    for (int i = 0; i < 3; ++i)
        f.engine->observe(kServer, ok);
    QVERIFY(f.engine->activeAlarm(kServer));
    f.engine->observe(kServer, ok);
    QVERIFY(!f.engine->activeAlarm(kServer));

    AlarmEngine strict(f.clock, nullptr, Hysteresis{5, 1});
    for (int i = 0; i < 4; ++i)
        strict.observe(kServer, down());
    QVERIFY(!strict.activeAlarm(kServer));
    strict.observe(kServer, down());
    QVERIFY(strict.activeAlarm(kServer));
}

void tst_AlarmEngine::thresholdLevels_data()
{
    QTest::addColumn<int>("direction");
    QTest::addColumn<double>("value");
    QTest::addColumn<bool>("failing");
    QTest::addColumn<Severity>("severity");
    const int above = int(ThresholdRule::Direction::Above);
    const int below = int(ThresholdRule::Direction::Below);
    QTest::newRow("above-normal") << above << 50.0 << false << Severity::Warning;
    QTest::newRow("above-at-warning") << above << 80.0 << true << Severity::Warning;
    QTest::newRow("above-critical") << above << 97.5 << true << Severity::Critical;
    QTest::newRow("below-normal") << below << 50.0 << false << Severity::Warning;
    QTest::newRow("below-warning") << below << 15.0 << true << Severity::Warning;
    QTest::newRow("below-critical") << below << 5.0 << true << Severity::Critical;
}

void tst_AlarmEngine::thresholdLevels()
{
    QFETCH(int, direction);
    QFETCH(double, value);
    QFETCH(bool, failing);
    QFETCH(Severity, severity);
    ThresholdRule rule;
    rule.metric = u"CPU load"_s;
    rule.unit = u"%"_s;
    rule.direction = ThresholdRule::Direction(direction);
    const bool up = rule.direction == ThresholdRule::Direction::Above;
    rule.warningLevel = up ? 80.0 : 20.0;
    rule.criticalLevel = up ? 95.0 : 10.0;
    QVERIFY(rule.validate().ok());
    const Outcome o = Outcome::measured(value, rule);
    QCOMPARE(o.failing, failing);
    if (failing) {
        QCOMPARE(o.severity, severity);
        QVERIFY2(o.cause.startsWith(u"CPU load "_s + QString::number(value)), qPrintable(o.cause));
    }
    QCOMPARE(o.hysteresis->raiseAfter, 3);

    Fixture f;   // measured values go through the same hysteresis
    fail(f, kCpu, 3, o);
    QCOMPARE(f.engine->activeAlarm(kCpu).has_value(), failing);
}

void tst_AlarmEngine::refusesInvalidThresholdRules()
{
    ThresholdRule none;
    QVERIFY(!none.validate().ok());
    ThresholdRule inverted;
    inverted.warningLevel = 90;
    inverted.criticalLevel = 80;
    QCOMPARE(inverted.validate().error().code, reg::ErrorCode::InvalidInput);
    ThresholdRule infinite;
    infinite.criticalLevel = qInf();
    QVERIFY(!infinite.validate().ok());
    ThresholdRule noCounts;
    noCounts.criticalLevel = 90;
    noCounts.hysteresis.raiseAfter = 0;
    QVERIFY(!noCounts.validate().ok());
    QVERIFY(!Outcome::measured(99, inverted).failing);   // an invalid rule never raises
}

void tst_AlarmEngine::escalationKeepsTheAlarmId()
{
    Fixture f;
    fail(f, kCpu, 3, Outcome::failure(Severity::Major, u"CPU load 91%"_s));
    const qint64 id = f.engine->activeAlarm(kCpu)->id;
    fail(f, kCpu, 3, Outcome::failure(Severity::Critical, u"CPU load 99%"_s));
    const auto alarm = f.engine->activeAlarm(kCpu);
    QCOMPARE(alarm->id, id);
    QCOMPARE(alarm->severity, Severity::Critical);
    QCOMPARE(alarm->cause, u"CPU load 99%"_s);
    QCOMPARE(f.kinds(), (QList<Kind>{Kind::Raised, Kind::Escalated}));
    QCOMPARE(f.changes[1].previousSeverity, Severity::Major);
    QVERIFY(f.changes[1].notify);
    fail(f, kCpu, 3, Outcome::failure(Severity::Minor, u"CPU load 85%"_s));   // milder: stays at its worst
    QCOMPARE(f.engine->activeAlarm(kCpu)->severity, Severity::Critical);

    f.sync();
    auto history = AlarmRepository::history(*f.reader, id);
    QVERIFY(history.ok());
    QCOMPARE(history->size(), 2);
    QCOMPARE(history->at(0).kind, Kind::Raised);
    QCOMPARE(history->at(0).severity, Severity::Major);
    QCOMPARE(history->at(1).kind, Kind::Escalated);
    QCOMPARE(history->at(1).severity, Severity::Critical);
}

void tst_AlarmEngine::oneWorseReadingDoesNotEscalate()
{
    Fixture f;
    fail(f, kCpu, 3, Outcome::failure(Severity::Minor, u"CPU load 85%"_s));
    fail(f, kCpu, 2, Outcome::failure(Severity::Critical, u"CPU load 99%"_s));
    fail(f, kCpu, 1, Outcome::failure(Severity::Minor, u"CPU load 85%"_s));
    fail(f, kCpu, 2, Outcome::failure(Severity::Critical, u"CPU load 99%"_s));
    QCOMPARE(f.engine->activeAlarm(kCpu)->severity, Severity::Minor);
    // A run of mixed worse readings escalates to the mildest of them.
    fail(f, kCpu, 1, Outcome::failure(Severity::Major, u"CPU load 93%"_s));
    QCOMPARE(f.engine->activeAlarm(kCpu)->severity, Severity::Major);
    QCOMPARE(f.engine->activeAlarm(kCpu)->cause, u"CPU load 93%"_s);
}

void tst_AlarmEngine::trapRaisesAndClearsAtOnce()
{
    Fixture f;
    f.engine->raiseNow(kPort, Severity::Major, u"linkDown"_s);
    const auto alarm = f.engine->activeAlarm(kPort);
    QVERIFY(alarm);
    QCOMPARE(alarm->severity, Severity::Major);
    f.engine->raiseNow(kPort, Severity::Major, u"linkDown"_s);   // a repeated trap is the same alarm
    f.engine->raiseNow(kPort, Severity::Critical, u"linkDown on the uplink"_s);
    QCOMPARE(f.engine->activeAlarm(kPort)->id, alarm->id);
    QCOMPARE(f.engine->activeAlarm(kPort)->severity, Severity::Critical);
    f.engine->observe(kPort, Outcome::ok());                    // one good poll does not clear a trap alarm
    QVERIFY(f.engine->activeAlarm(kPort));
    f.engine->clear(kPort, u"linkUp"_s);
    QVERIFY(!f.engine->activeAlarm(kPort));
    QCOMPARE(f.kinds(), (QList<Kind>{Kind::Raised, Kind::Escalated, Kind::Cleared}));
    QCOMPARE(f.changes.last().detail, u"linkUp"_s);
    f.engine->clear(kPort);                                       // nothing active: nothing happens
    QCOMPARE(f.changes.size(), 3);
}

void tst_AlarmEngine::ignoresInvalidSubjects()
{
    Fixture f;
    f.engine->raiseNow(AlarmSubject{}, Severity::Critical, u"coldStart"_s);
    f.engine->raiseNow(AlarmSubject{u"srv-a"_s, QString(300, u'x')}, Severity::Critical, u"linkDown"_s);
    Outcome once = Outcome::failure(Severity::Major, u"CPU load 99%"_s);
    once.hysteresis = Hysteresis{1, 1};
    f.engine->observe(AlarmSubject{u" "_s, u"cpu"_s}, once);
    QVERIFY(f.changes.isEmpty());
    QVERIFY(f.engine->activeAlarms().isEmpty());
}

void tst_AlarmEngine::deviceBehindFailedParentIsSuppressed()
{
    Fixture f;
    f.engine->setDependencyGraph(topology());
    fail(f, kRouter, 3);
    fail(f, kSwitch, 3);
    fail(f, kServer, 3);
    const auto sw = f.engine->activeAlarm(kSwitch);
    const auto server = f.engine->activeAlarm(kServer);
    QCOMPARE(sw->suppressedBy, u"core-r1"_s);
    QCOMPARE(server->suppressedBy, u"core-r1"_s);   // the root, not the switch in between
    QCOMPARE(server->summary(), u"unreachable behind core-r1"_s);
    QCOMPARE(f.kinds(), (QList<Kind>{Kind::Raised, Kind::Raised, Kind::Raised}));
    QVERIFY(f.changes[0].notify);
    QVERIFY(!f.changes[1].notify);
    QVERIFY(!f.changes[2].notify);
    QVERIFY(!f.engine->activeAlarm(kRouter)->isSuppressed());
}

void tst_AlarmEngine::parentFailingLaterSuppressesChild()
{
    // The server's poll may notice first; once its router is found down it is explained by it.
    Fixture f;
    f.engine->setDependencyGraph(topology());
    fail(f, kSwitch, 3);
    QVERIFY(!f.engine->activeAlarm(kSwitch)->isSuppressed());
    fail(f, kRouter, 3);
    QCOMPARE(f.kinds(), (QList<Kind>{Kind::Raised, Kind::Raised, Kind::Suppressed}));
    QCOMPARE(f.changes[2].alarm.subject, kSwitch);
    QCOMPARE(f.changes[2].alarm.suppressedBy, u"core-r1"_s);
    QVERIFY(!f.changes[2].notify);
}

void tst_AlarmEngine::unmonitoredIntermediateDoesNotHideRoot()
{
    Fixture f;
    f.engine->setDependencyGraph(topology());
    fail(f, kRouter, 3);
    fail(f, kServer, 3);   // sw-1 has no alarm of its own, yet it is cut off too
    QCOMPARE(f.engine->activeAlarm(kServer)->suppressedBy, u"core-r1"_s);
}

void tst_AlarmEngine::twoParentsSuppressOnlyWhenBothDown()
{
    Fixture f;
    f.engine->setDependencyGraph(topology());
    fail(f, kRouter, 3);
    fail(f, kDual, 3);
    QVERIFY2(!f.engine->activeAlarm(kDual)->isSuppressed(), "one redundant path is still up");
    QVERIFY(f.changes.last().notify);
    fail(f, kRouter2, 3);
    QCOMPARE(f.engine->activeAlarm(kDual)->suppressedBy, u"core-r1"_s);   // both roots; the lowest id is named
    QCOMPARE(f.changes.last().kind, Kind::Suppressed);
    recover(f, kRouter);
    QCOMPARE(f.changes.last().kind, Kind::Cleared);   // core-r1's; the server waits for its next poll
    f.engine->observe(kDual, down());
    // A path is up again, yet the server is still down: that is its own problem now.
    QVERIFY(!f.engine->activeAlarm(kDual)->isSuppressed());
    QCOMPARE(f.changes.last().kind, Kind::Unsuppressed);
    QVERIFY(f.changes.last().notify);
    const qsizetype seen = f.changes.size();
    recover(f, kRouter2);
    QCOMPARE(f.changes.size(), seen + 1);   // only core-r2's own clearing
}

void tst_AlarmEngine::rootRecoveryRechecksChildren()
{
    Fixture f;
    f.engine->setDependencyGraph(topology());
    fail(f, kRouter, 3);
    fail(f, kSwitch, 3);
    fail(f, kServer, 3);
    f.changes.clear();
    recover(f, kRouter);
    // The router is back. What was down behind it is not paged for while it has not been seen since:
    // the switch stays explained by the router, and the server is now behind the switch.
    QCOMPARE(f.kinds(), (QList<Kind>{Kind::Cleared, Kind::Suppressed}));
    QCOMPARE(f.changes[1].alarm.subject, kServer);
    QCOMPARE(f.changes[1].alarm.suppressedBy, u"sw-1"_s);
    QCOMPARE(f.engine->activeAlarm(kSwitch)->suppressedBy, u"core-r1"_s);
    // The switch answers: one good poll clears it, the failure was the router's.
    f.engine->observe(kSwitch, Outcome::ok());
    QVERIFY(!f.engine->activeAlarm(kSwitch));
    QCOMPARE(f.changes.last().kind, Kind::Cleared);
    QCOMPARE(f.changes.last().detail, u"recovered with core-r1"_s);
    QVERIFY(!f.changes.last().notify);
    // The server does not: with its way in back it is a problem of its own, and pages.
    f.engine->observe(kServer, down());
    QCOMPARE(f.changes.last().kind, Kind::Unsuppressed);
    QCOMPARE(f.changes.last().alarm.subject, kServer);
    QVERIFY(f.changes.last().notify);
    recover(f, kServer, 1);
    QVERIFY(f.engine->activeAlarm(kServer));   // on its own now: the usual two good polls
    recover(f, kServer, 1);
    QVERIFY(f.engine->activeAlarms().isEmpty());
}

void tst_AlarmEngine::componentAlarmsAreNeverSuppressed()
{
    Fixture f;
    f.engine->setDependencyGraph(topology());
    fail(f, kRouter, 3);
    f.engine->raiseNow(kCpu, Severity::Major, u"CPU load 96%"_s);
    QVERIFY(!f.engine->activeAlarm(kCpu)->isSuppressed());
}

void tst_AlarmEngine::acknowledgementExpires()
{
    Fixture f;
    fail(f, kServer, 3);
    const qint64 id = f.engine->activeAlarm(kServer)->id;
    const QDateTime expiry = f.clock.now().addMSecs(kHour);
    QVERIFY(f.engine->acknowledge(id, u"alice"_s, u"rebooting it"_s, expiry).ok());
    auto ack = f.engine->activeAlarm(id)->acknowledgement;
    QCOMPARE(ack->by, u"alice"_s);
    QCOMPARE(ack->at, f.clock.now());
    QCOMPARE(ack->comment, u"rebooting it"_s);
    QCOMPARE(ack->expiresAt, expiry);
    QCOMPARE(f.changes.last().kind, Kind::Acknowledged);
    QCOMPARE(f.changes.last().actor, u"alice"_s);
    QVERIFY(!f.changes.last().notify);
    QCOMPARE(f.engine->nextDeadline(), expiry);

    f.clock.advance(30 * kMinute);
    f.engine->tick();
    QVERIFY(f.engine->activeAlarm(id)->acknowledgement);
    f.clock.set(expiry);
    f.engine->tick();
    QVERIFY(!f.engine->activeAlarm(id)->acknowledgement);
    QCOMPARE(f.changes.last().kind, Kind::AckLapsed);
    QCOMPARE(f.changes.last().detail, u"expired"_s);
    QVERIFY(f.changes.last().notify);   // unacknowledged again: it wants a person again
    QCOMPARE(f.engine->nextDeadline(), std::nullopt);
}

void tst_AlarmEngine::acknowledgementLapsesWhenWorse()
{
    Fixture f;
    f.engine->raiseNow(kCpu, Severity::Minor, u"CPU load 85%"_s);
    const qint64 id = f.engine->activeAlarm(kCpu)->id;
    QVERIFY(f.engine->acknowledge(id, u"bob"_s, u"known batch job"_s).ok());
    fail(f, kCpu, 2, Outcome::failure(Severity::Minor, u"CPU load 86%"_s));   // as acknowledged: kept
    QVERIFY(f.engine->activeAlarm(id)->acknowledgement);
    f.engine->raiseNow(kCpu, Severity::Critical, u"CPU load 100%"_s);
    QVERIFY(!f.engine->activeAlarm(id)->acknowledgement);
    QCOMPARE(f.kinds(), (QList<Kind>{Kind::Raised, Kind::Acknowledged, Kind::Escalated, Kind::AckLapsed}));
    QCOMPARE(f.changes.last().detail, u"worsened"_s);
    QVERIFY(f.changes[2].notify);
}

void tst_AlarmEngine::unacknowledgeAndRefusals()
{
    Fixture f;
    fail(f, kServer, 3);
    const qint64 id = f.engine->activeAlarm(kServer)->id;
    QCOMPARE(f.engine->acknowledge(id + 99, u"alice"_s, {}).error().code, reg::ErrorCode::NotFound);
    QCOMPARE(f.engine->acknowledge(id, u"  "_s, {}).error().code, reg::ErrorCode::InvalidInput);
    QCOMPARE(f.engine->acknowledge(id, u"alice"_s, {}, f.clock.now()).error().code, reg::ErrorCode::InvalidInput);
    QCOMPARE(f.engine->acknowledge(id, u"alice"_s, QString(5000, u'x')).error().code, reg::ErrorCode::InvalidInput);
    QCOMPARE(f.engine->unacknowledge(id, u"alice"_s).error().code, reg::ErrorCode::Conflict);
    QCOMPARE(f.changes.size(), 1);   // refusals change nothing

    QVERIFY(f.engine->acknowledge(id, u"alice"_s, u"on it"_s).ok());
    QVERIFY(f.engine->unacknowledge(id, u"carol"_s).ok());
    QVERIFY(!f.engine->activeAlarm(id)->acknowledgement);
    QCOMPARE(f.changes.last().kind, Kind::Unacknowledged);
    QCOMPARE(f.changes.last().actor, u"carol"_s);
}

void tst_AlarmEngine::oneOffMaintenanceSilences()
{
    Fixture f;
    const MaintenanceWindow w = routerWindow(f.clock.now().addMSecs(10 * kMinute), kHour);
    auto id = f.engine->addMaintenanceWindow(w);
    QVERIFY(id.ok());
    QCOMPARE(f.engine->nextDeadline(), w.start);

    f.clock.advance(15 * kMinute);
    f.engine->tick();
    fail(f, kRouter, 3);
    fail(f, kServer, 3);   // srv-a is not in scope
    QVERIFY(f.engine->activeAlarm(kRouter)->inMaintenance);
    QVERIFY(!f.changes[0].notify);
    QVERIFY(!f.engine->activeAlarm(kServer)->inMaintenance);
    QVERIFY(f.changes[1].notify);

    f.clock.set(w.end);
    f.engine->tick();
    QVERIFY(!f.engine->activeAlarm(kRouter)->inMaintenance);
    QCOMPARE(f.changes.last().kind, Kind::MaintenanceEnded);
    QVERIFY(f.changes.last().notify);   // still broken after the work: now it pages
    QVERIFY(f.engine->maintenanceWindows().isEmpty());   // over: forgotten here, kept in the database

    f.sync();
    auto kept = AlarmRepository::windowsOverlapping(*f.reader, w.start, w.end);
    QVERIFY(kept.ok());
    QCOMPARE(kept->size(), 1);
    QCOMPARE(kept->first().id, *id);
}

void tst_AlarmEngine::endingAWindowEarlyResumesNotifying()
{
    Fixture f;
    const MaintenanceWindow w = routerWindow(f.clock.now(), 2 * kHour);
    auto id = f.engine->addMaintenanceWindow(w);
    QVERIFY(id.ok());
    fail(f, kRouter, 3);
    QVERIFY(f.engine->activeAlarm(kRouter)->inMaintenance);
    QVERIFY(!f.changes.last().notify);

    f.clock.advance(30 * kMinute);
    QCOMPARE(f.engine->endMaintenanceWindow(*id, {}).error().code, reg::ErrorCode::InvalidInput);
    QCOMPARE(f.engine->endMaintenanceWindow(*id + 1, u"bob"_s).error().code, reg::ErrorCode::NotFound);
    auto ended = f.engine->endMaintenanceWindow(*id, u"bob"_s);
    QVERIFY(ended.ok());
    QCOMPARE(ended->endedAt, f.clock.now());
    QCOMPARE(ended->lastEnd(), f.clock.now());
    QVERIFY(!f.engine->activeAlarm(kRouter)->inMaintenance);
    QCOMPARE(f.changes.last().kind, Kind::MaintenanceEnded);
    QVERIFY(f.changes.last().notify);   // the router is still down: it pages now
    QVERIFY(f.engine->maintenanceWindows().isEmpty());
    QVERIFY(!f.engine->inMaintenance(u"core-r1"_s, f.clock.now().addMSecs(kMinute)));
    QCOMPARE(f.engine->endMaintenanceWindow(*id, u"bob"_s).error().code, reg::ErrorCode::NotFound);   // already over

    f.sync();   // kept for the SLA: the downtime actually planned and used
    auto kept = AlarmRepository::windowsOverlapping(*f.reader, w.start, w.end);
    QVERIFY(kept.ok());
    QCOMPARE(kept->size(), 1);
    QCOMPARE(kept->first().endedAt, f.clock.now());
    auto intervals = maintenanceIntervals(*kept, u"core-r1"_s, {}, w.start, w.end);
    QCOMPARE(*intervals, (QList<MaintenanceInterval>{{*id, w.title, w.start, f.clock.now()}}));
}

void tst_AlarmEngine::cancellingAWindowBeforeItStarts()
{
    Fixture f;
    const MaintenanceWindow w = routerWindow(f.clock.now().addMSecs(kHour), kHour);
    auto id = f.engine->addMaintenanceWindow(w);
    QVERIFY(id.ok());
    QCOMPARE(f.engine->nextDeadline(), w.start);
    auto cancelled = f.engine->endMaintenanceWindow(*id, u"alice"_s);
    QVERIFY(cancelled.ok());
    QCOMPARE(f.engine->nextDeadline(), std::nullopt);
    f.clock.set(w.start.addMSecs(kMinute));
    f.engine->tick();
    fail(f, kRouter, 3);
    QVERIFY(!f.engine->activeAlarm(kRouter)->inMaintenance);
    QVERIFY(f.changes.last().notify);
    f.sync();
    QVERIFY(AlarmRepository::windowsOverlapping(*f.reader, w.start, w.end)->isEmpty());   // no planned downtime left
    QCOMPARE(f.reader->queryValue(u"SELECT COUNT(*) FROM maintenance_windows WHERE ended_at IS NOT NULL"_s)->toInt(), 1);
}

void tst_AlarmEngine::weeklyMaintenanceAcrossMidnight()
{
    Fixture f;   // Monday 2 March 2026, 12:00 UTC
    MaintenanceWindow w;
    w.createdBy = u"alice"_s;
    w.deviceIds = {u"core-r1"_s};
    w.recurrence = MaintenanceWindow::Recurrence::Weekly;
    w.weekdays = {7};   // Sundays 23:00 to Mondays 01:00
    w.start = utc(2026, 3, 8, 23, 0);
    w.end = w.start.addMSecs(2 * kHour);
    QVERIFY(f.engine->addMaintenanceWindow(w).ok());
    QCOMPARE(f.engine->nextDeadline(), w.start);

    fail(f, kRouter, 3);
    QVERIFY(!f.engine->activeAlarm(kRouter)->inMaintenance);
    f.clock.set(utc(2026, 3, 8, 23, 30));
    f.engine->tick();
    QVERIFY(f.engine->activeAlarm(kRouter)->inMaintenance);
    QCOMPARE(f.changes.last().kind, Kind::MaintenanceStarted);
    QVERIFY(!f.changes.last().notify);
    f.clock.set(utc(2026, 3, 9, 0, 30));   // past midnight, Monday: the Sunday occurrence still runs
    f.engine->tick();
    QVERIFY(f.engine->activeAlarm(kRouter)->inMaintenance);
    QCOMPARE(f.engine->nextDeadline(), utc(2026, 3, 9, 1, 0));
    f.clock.set(utc(2026, 3, 9, 1, 0));
    f.engine->tick();
    QVERIFY(!f.engine->activeAlarm(kRouter)->inMaintenance);
    QVERIFY(f.engine->inMaintenance(u"core-r1"_s, utc(2026, 6, 28, 23, 59)));   // a Sunday in summer: still 23:00 UTC
    QVERIFY(!f.engine->inMaintenance(u"core-r1"_s, utc(2026, 6, 28, 22, 59)));
    QVERIFY(f.engine->inMaintenance(u"core-r1"_s, utc(2026, 6, 29, 0, 59)));
    QVERIFY(!f.engine->inMaintenance(u"core-r1"_s, utc(2026, 6, 30, 0, 30)));   // a Tuesday
}

void tst_AlarmEngine::siteScopedMaintenance()
{
    Fixture f;
    f.engine->setDependencyGraph(topology());
    fail(f, kDual, 3);    // site-b
    fail(f, kRouter, 3);  // site-a
    MaintenanceWindow w;
    w.createdBy = u"alice"_s;
    w.siteIds = {u"site-a"_s};
    w.start = f.clock.now();
    w.end = w.start.addMSecs(kHour);
    QVERIFY(f.engine->addMaintenanceWindow(w).ok());
    QVERIFY(f.engine->activeAlarm(kRouter)->inMaintenance);
    QVERIFY(!f.engine->activeAlarm(kDual)->inMaintenance);
    QCOMPARE(f.changes.last().kind, Kind::MaintenanceStarted);
    QCOMPARE(f.changes.last().alarm.subject, kRouter);

    DependencyGraph moved = topology();   // the owner moves core-r1 to another site
    moved.setDevice(u"core-r1"_s, u"site-c"_s);
    f.engine->setDependencyGraph(moved);
    QVERIFY(!f.engine->activeAlarm(kRouter)->inMaintenance);
    QCOMPARE(f.changes.last().kind, Kind::MaintenanceEnded);
}

void tst_AlarmEngine::refusesInvalidWindows()
{
    Fixture f;
    MaintenanceWindow w;
    w.createdBy = u"alice"_s;
    w.start = f.clock.now();
    w.end = w.start.addMSecs(kHour);
    QCOMPARE(f.engine->addMaintenanceWindow(w).error().code, reg::ErrorCode::InvalidInput);   // empty scope
    w.deviceIds = {u"core-r1"_s};
    w.createdBy.clear();
    QCOMPARE(f.engine->addMaintenanceWindow(w).error().code, reg::ErrorCode::InvalidInput);
    QVERIFY(f.engine->maintenanceWindows().isEmpty());
}

void tst_AlarmEngine::changeJsonCarriesTheAlarm()
{
    Fixture f;
    f.engine->setDependencyGraph(topology());
    fail(f, kRouter, 3);
    fail(f, kServer, 3);
    QVERIFY(f.engine->acknowledge(f.engine->activeAlarm(kServer)->id, u"alice"_s, u"router"_s,
                                  f.clock.now().addMSecs(kHour)).ok());
    const QJsonObject json = alarmChangeJson(f.changes.last());
    QCOMPARE(json[u"type"_s].toString(), u"alarm"_s);
    QCOMPARE(json[u"change"_s].toString(), u"acknowledged"_s);
    QCOMPARE(json[u"actor"_s].toString(), u"alice"_s);
    QCOMPARE(json[u"notify"_s].toBool(), false);
    QCOMPARE(json[u"at"_s].toString(), u"2026-03-02T12:00:00.000Z"_s);
    const QJsonObject alarm = json[u"alarm"_s].toObject();
    QCOMPARE(alarm[u"device"_s].toString(), u"srv-a"_s);
    QCOMPARE(alarm[u"component"_s].toString(), QString());
    QCOMPARE(alarm[u"severity"_s].toString(), u"critical"_s);
    QCOMPARE(alarm[u"state"_s].toString(), u"active"_s);
    QCOMPARE(alarm[u"suppressedBy"_s].toString(), u"core-r1"_s);
    QCOMPARE(alarm[u"summary"_s].toString(), u"unreachable behind core-r1"_s);
    QCOMPARE(alarm[u"acknowledgement"_s].toObject()[u"expiresAt"_s].toString(), u"2026-03-02T13:00:00.000Z"_s);
    QVERIFY(!alarm.contains(u"clearedAt"_s));
}

QTEST_GUILESS_MAIN(tst_AlarmEngine)
#include "tst_alarmengine.moc"
