// Alarm persistence over a real SQLite file: what a restart brings back, the history kept, the
// acknowledgements' own record, and maintenance windows kept after they end.
#include "alarmtestfixture.h"

#include <QTest>

using namespace reg::monitor;
using namespace alarmtest;
using namespace Qt::StringLiterals;
using Kind = AlarmChangeKind;

namespace {

MaintenanceWindow nightly(const QDateTime &start)
{
    MaintenanceWindow w;
    w.title = u"nightly backup window"_s;
    w.createdBy = u"alice"_s;
    w.siteIds = {u"site-a"_s};
    w.deviceIds = {u"ns-2"_s};
    w.recurrence = MaintenanceWindow::Recurrence::Daily;
    w.start = start;
    w.end = start.addMSecs(kHour);
    return w;
}

} // namespace

class tst_AlarmRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void restoresActiveAlarmsAfterReopen();
    void restoredSuppressionFollowsTheNewTopology();
    void restoredAlarmClearsWithHysteresis();
    void keepsHistoryAndAcknowledgements();
    void restoresWindowsAndLapsesWhatExpiredMeanwhile();
    void windowsOverlappingARange();
    void endedWindowIsNotTakenUpAfterRestart();
    void noJournalEntries();
};

void tst_AlarmRepository::restoresActiveAlarmsAfterReopen()
{
    Fixture f;
    f.engine->setDependencyGraph(topology());
    f.engine->raiseNow(kRouter, Severity::Critical, u"no answer to SNMP"_s);
    f.engine->raiseNow(kServer, Severity::Critical, u"no answer to SNMP"_s);
    f.engine->raiseNow(kPort, Severity::Major, u"linkDown"_s);
    f.engine->clear(kPort, u"linkUp"_s);
    f.engine->raiseNow(AlarmSubject{u"ns-2"_s, u"service:dns-udp@site-b"_s}, Severity::Minor, u"slow answers"_s);
    const qint64 serverId = f.engine->activeAlarm(kServer)->id;
    QVERIFY(f.engine->acknowledge(serverId, u"alice"_s, u"behind the router"_s).ok());
    const QList<Alarm> before = f.engine->activeAlarms();
    QCOMPARE(before.size(), 3);

    f.reopen();
    QVERIFY(f.engine->restore(*f.reader).ok());
    const QList<Alarm> after = f.engine->activeAlarms();
    QCOMPARE(after.size(), 3);
    for (int i = 0; i < after.size(); ++i) {
        QCOMPARE(after[i].id, before[i].id);
        QCOMPARE(after[i].subject, before[i].subject);
        QCOMPARE(after[i].severity, before[i].severity);
        QCOMPARE(after[i].cause, before[i].cause);
        QCOMPARE(after[i].raisedAt, before[i].raisedAt);
        QCOMPARE(after[i].suppressedBy, before[i].suppressedBy);
        QCOMPARE(after[i].acknowledgement.has_value(), before[i].acknowledgement.has_value());
    }
    QCOMPARE(f.engine->activeAlarm(kServer)->suppressedBy, u"core-r1"_s);
    QCOMPARE(f.engine->activeAlarm(kServer)->acknowledgement->by, u"alice"_s);
    QVERIFY(f.changes.isEmpty());   // a restart is not news

    // Numbering continues after the highest id ever given, cleared ones included.
    f.engine->raiseNow(kPort, Severity::Major, u"linkDown"_s);
    QCOMPARE(f.engine->activeAlarm(kPort)->id, after.last().id + 1);
}

void tst_AlarmRepository::restoredSuppressionFollowsTheNewTopology()
{
    Fixture f;
    f.engine->setDependencyGraph(topology());
    f.engine->raiseNow(kRouter, Severity::Critical, u"no answer"_s);
    f.engine->raiseNow(kServer, Severity::Critical, u"no answer"_s);
    QCOMPARE(f.engine->activeAlarm(kServer)->suppressedBy, u"core-r1"_s);

    f.reopen();
    DependencyGraph moved = topology();   // recabled while registryd was down: srv-a now hangs off core-r2
    moved.setDevice(u"srv-a"_s, u"site-a"_s, {u"core-r2"_s});
    f.engine->setDependencyGraph(moved);
    QVERIFY(f.engine->restore(*f.reader).ok());
    QVERIFY(f.changes.isEmpty());          // decided by its next observation, not by the restart
    f.engine->observe(kServer, Outcome::failure(Severity::Critical, u"no answer"_s));
    QVERIFY(!f.engine->activeAlarm(kServer)->isSuppressed());
    QCOMPARE(f.kinds(), QList<Kind>{Kind::Unsuppressed});
    QVERIFY(f.changes.last().notify);
}

void tst_AlarmRepository::restoredAlarmClearsWithHysteresis()
{
    Fixture f;
    f.engine->raiseNow(kRouter, Severity::Critical, u"no answer"_s);
    const qint64 id = f.engine->activeAlarm(kRouter)->id;
    f.reopen();
    QVERIFY(f.engine->restore(*f.reader).ok());
    f.engine->observe(kRouter, Outcome::ok());
    QVERIFY(f.engine->activeAlarm(kRouter));
    f.engine->observe(kRouter, Outcome::ok());
    QVERIFY(!f.engine->activeAlarm(kRouter));
    f.sync();
    auto stored = AlarmRepository::find(*f.reader, id);
    QVERIFY(stored.ok());
    QCOMPARE((*stored)->state, AlarmState::Cleared);
    QCOMPARE((*stored)->clearedAt, f.clock.now());
    f.reopen();
    QVERIFY(f.engine->restore(*f.reader).ok());
    QVERIFY(f.engine->activeAlarms().isEmpty());
}

void tst_AlarmRepository::keepsHistoryAndAcknowledgements()
{
    Fixture f;
    f.engine->raiseNow(kPort, Severity::Minor, u"errors on if:3"_s);
    const qint64 id = f.engine->activeAlarm(kPort)->id;
    f.clock.advance(kMinute);
    QVERIFY(f.engine->acknowledge(id, u"alice"_s, u"cable swap"_s, f.clock.now().addMSecs(kHour)).ok());
    f.clock.advance(kMinute);
    f.engine->raiseNow(kPort, Severity::Major, u"linkDown"_s);   // the ack lapses
    QVERIFY(f.engine->acknowledge(id, u"bob"_s, u"dispatching"_s).ok());
    QVERIFY(f.engine->unacknowledge(id, u"carol"_s).ok());
    f.engine->clear(kPort, u"linkUp"_s);
    f.sync();

    auto history = AlarmRepository::history(*f.reader, id);
    QVERIFY(history.ok());
    QList<Kind> kinds;
    for (const AlarmEvent &e : *history)
        kinds.append(e.kind);
    QCOMPARE(kinds, (QList<Kind>{Kind::Raised, Kind::Acknowledged, Kind::Escalated, Kind::AckLapsed, Kind::Acknowledged,
                                 Kind::Unacknowledged, Kind::Cleared}));
    QCOMPARE(history->at(1).actor, u"alice"_s);
    QCOMPARE(history->at(1).detail, u"cable swap"_s);
    QCOMPARE(history->at(2).severity, Severity::Major);
    QVERIFY(history->at(2).notified);
    QCOMPARE(history->at(5).actor, u"carol"_s);

    auto acks = f.reader->queryRows(u"SELECT acknowledged_by, comment, expires_at IS NOT NULL, ended_reason "
                                    "FROM alarm_acknowledgements WHERE alarm_id = ? ORDER BY id"_s, {id});
    QVERIFY(acks.ok());
    QCOMPARE(acks->size(), 2);
    QCOMPARE(acks->at(0), (QVariantList{u"alice"_s, u"cable swap"_s, 1, u"worsened"_s}));
    QCOMPARE(acks->at(1), (QVariantList{u"bob"_s, u"dispatching"_s, 0, u"withdrawn"_s}));
}

void tst_AlarmRepository::restoresWindowsAndLapsesWhatExpiredMeanwhile()
{
    Fixture f;   // 12:00
    f.engine->setDependencyGraph(topology());
    auto windowId = f.engine->addMaintenanceWindow(nightly(utc(2026, 3, 2, 23, 0)));
    QVERIFY(windowId.ok());
    MaintenanceWindow over;
    over.createdBy = u"alice"_s;
    over.deviceIds = {u"core-r1"_s};
    over.start = f.clock.now().addMSecs(-2 * kHour);
    over.end = f.clock.now().addMSecs(-kHour);
    QVERIFY(f.engine->addMaintenanceWindow(over).ok());
    f.engine->raiseNow(kRouter, Severity::Critical, u"no answer"_s);
    const qint64 id = f.engine->activeAlarm(kRouter)->id;
    QVERIFY(f.engine->acknowledge(id, u"alice"_s, {}, f.clock.now().addMSecs(kHour)).ok());

    f.reopen();
    f.clock.set(utc(2026, 3, 2, 23, 30));   // down for the evening: the ack expired, the window began
    f.engine->setDependencyGraph(topology());   // the owner sets the topology first: sites scope windows
    QVERIFY(f.engine->restore(*f.reader).ok());
    const QList<MaintenanceWindow> windows = f.engine->maintenanceWindows();
    QCOMPARE(windows.size(), 1);            // the one that was over is not taken up again
    QCOMPARE(windows[0].id, *windowId);
    QCOMPARE(windows[0].title, u"nightly backup window"_s);
    QCOMPARE(windows[0].recurrence, MaintenanceWindow::Recurrence::Daily);
    QCOMPARE(windows[0].siteIds, QStringList{u"site-a"_s});
    QCOMPARE(windows[0].deviceIds, QStringList{u"ns-2"_s});
    QCOMPARE(f.kinds(), (QList<Kind>{Kind::AckLapsed, Kind::MaintenanceStarted}));
    QVERIFY(f.engine->activeAlarm(id)->inMaintenance);
    QCOMPARE(*f.engine->addMaintenanceWindow(nightly(utc(2026, 3, 3, 23, 0))), *windowId + 2);
}

void tst_AlarmRepository::windowsOverlappingARange()
{
    Fixture f;
    MaintenanceWindow w = nightly(utc(2026, 3, 2, 23, 0));
    w.until = QDate(2026, 3, 4);
    QVERIFY(f.engine->addMaintenanceWindow(w).ok());
    MaintenanceWindow later = nightly(utc(2026, 4, 1, 1, 0));
    later.recurrence = MaintenanceWindow::Recurrence::None;
    QVERIFY(f.engine->addMaintenanceWindow(later).ok());
    f.sync();

    auto inMarch = AlarmRepository::windowsOverlapping(*f.reader, utc(2026, 3, 1), utc(2026, 4, 1));
    QVERIFY(inMarch.ok());
    QCOMPARE(inMarch->size(), 1);
    QCOMPARE(inMarch->first().until, QDate(2026, 3, 4));
    auto afterSeries = AlarmRepository::windowsOverlapping(*f.reader, utc(2026, 3, 5), utc(2026, 4, 1));
    QVERIFY(afterSeries->isEmpty());        // the series ended on the 4th (00:00 on the 5th)
    auto both = AlarmRepository::windowsOverlapping(*f.reader, utc(2026, 3, 4), utc(2026, 4, 2));
    QCOMPARE(both->size(), 2);
    auto intervals = maintenanceIntervals(*both, u"core-r1"_s, u"site-a"_s, utc(2026, 3, 1), utc(2026, 4, 2));
    QVERIFY(intervals.ok());
    QCOMPARE(intervals->size(), 4);   // 2nd, 3rd, 4th of March, 1st of April
}

void tst_AlarmRepository::endedWindowIsNotTakenUpAfterRestart()
{
    Fixture f;   // 12:00
    auto nightlyId = f.engine->addMaintenanceWindow(nightly(utc(2026, 3, 2, 11, 0)));
    QVERIFY(nightlyId.ok());
    f.clock.advance(10 * kMinute);
    QVERIFY(f.engine->endMaintenanceWindow(*nightlyId, u"bob"_s).ok());
    f.sync();
    f.reopen();
    QVERIFY(f.engine->restore(*f.reader).ok());
    QVERIFY(f.engine->maintenanceWindows().isEmpty());
    auto kept = AlarmRepository::windowsOverlapping(*f.reader, utc(2026, 3, 2), utc(2026, 3, 10));
    QVERIFY(kept.ok());
    QCOMPARE(kept->size(), 1);
    QCOMPARE(kept->first().endedAt, utc(2026, 3, 2, 12, 10));
    QCOMPARE(kept->first().lastEnd(), utc(2026, 3, 2, 12, 10));   // a nightly series that recurred for ever, stopped
}

void tst_AlarmRepository::noJournalEntries()
{
    Fixture f;
    const qint64 head = f.store->writer().journalHead();
    f.engine->raiseNow(kRouter, Severity::Critical, u"no answer"_s);
    QVERIFY(f.engine->addMaintenanceWindow(nightly(utc(2026, 3, 2, 23, 0))).ok());
    f.sync();
    QCOMPARE(f.store->writer().journalHead(), head);   // operational state, never replicated
    QCOMPARE(f.reader->queryValue(u"SELECT COUNT(*) FROM alarms"_s)->toInt(), 1);
}

QTEST_GUILESS_MAIN(tst_AlarmRepository)
#include "tst_alarmrepository.moc"
