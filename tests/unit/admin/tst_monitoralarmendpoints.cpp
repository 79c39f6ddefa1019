// The alarm, maintenance, trap-log and probe endpoints against a real migrated SQLite file and a
// real AlarmEngine on a ManualClock: filters, multi-id acknowledgement with partial failure, expiry
// validation, windows created, listed and ended early (alarms notify again), trap and probe reads,
// and bad requests answered 400 with nothing changed. Routing, tokens and permissions are
// ManagementServer's (tst_role covers the permission table).
#include "unit/monitor/alarmtestfixture.h"

#include "admin/monitoralarmendpoints.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

using namespace reg::admin;
using namespace reg::monitor;
using namespace alarmtest;
using namespace Qt::StringLiterals;
using Kind = AlarmChangeKind;

namespace {

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject body(const MonitorAlarmEndpoints::Outcome &outcome)
{
    return QJsonDocument::fromJson(outcome.response.body).object();
}

QList<qint64> ids(const QJsonArray &alarms)
{
    QList<qint64> result;
    for (const QJsonValue &a : alarms)
        result.append(a.toObject().value(u"id"_s).toInteger());
    return result;
}

} // namespace

class tst_MonitorAlarmEndpoints : public QObject
{
    Q_OBJECT
private:
    struct Api
    {
        Fixture f;
        MonitorAlarmEndpoints endpoints{*f.engine, [](const QString &id) { return id == u"core-r1" ? u"Core router 1"_s : QString(); },
                                        f.clock};

        // Runs the call as ManagementServer does, the read (after the queued writes) on this thread.
        MonitorAlarmEndpoints::Outcome call(const QByteArray &method, const QString &path, const QString &query = {},
                                            const QByteArray &requestBody = {}, const QString &actor = u"alice"_s)
        {
            MonitorAlarmEndpoints::Step step = endpoints.handle(method, u"/api/v1/monitor/"_s + path, QUrlQuery(query), requestBody, actor);
            if (step.done)
                return *step.done;
            f.sync();
            return step.finish(step.read(*f.reader));
        }
        QJsonObject get(const QString &path, const QString &query = {}, int status = 200)
        {
            const MonitorAlarmEndpoints::Outcome outcome = call("GET", path, query);
            if (outcome.response.status != status)
                qWarning("GET %s?%s: %d %s", qPrintable(path), qPrintable(query), outcome.response.status, outcome.response.body.constData());
            return outcome.response.status == status ? body(outcome) : QJsonObject{};
        }
        qint64 raise(const AlarmSubject &subject, Severity severity)
        {
            f.engine->raiseNow(subject, severity, u"test"_s);
            return f.engine->activeAlarm(subject)->id;
        }
    };

private Q_SLOTS:
    void routesAndPermissions();
    void listsActiveAlarmsWithFilters();
    void listsClearedAlarmsFromTheDatabase();
    void oneAlarmWithItsHistory();
    void acknowledgesManyWithPartialFailure();
    void refusesBadAcknowledgementsAndChangesNothing_data();
    void refusesBadAcknowledgementsAndChangesNothing();
    void unacknowledges();
    void windowsCreatedListedAndEndedEarly();
    void refusesBadWindowsAndChangesNothing_data();
    void refusesBadWindowsAndChangesNothing();
    void readsTheTrapLogAndProbeResults();
};

void tst_MonitorAlarmEndpoints::routesAndPermissions()
{
    QCOMPARE(MonitorAlarmEndpoints::methodsFor(u"/api/v1/monitor/alarms"_s), QByteArrayList{"GET"});
    QCOMPARE(MonitorAlarmEndpoints::methodsFor(u"/api/v1/monitor/alarms/12"_s), QByteArrayList{"GET"});
    QCOMPARE(MonitorAlarmEndpoints::methodsFor(u"/api/v1/monitor/alarms/acknowledge"_s), QByteArrayList{"POST"});
    QCOMPARE(MonitorAlarmEndpoints::methodsFor(u"/api/v1/monitor/maintenance"_s), (QByteArrayList{"GET", "POST"}));
    QCOMPARE(MonitorAlarmEndpoints::methodsFor(u"/api/v1/monitor/maintenance/3/end"_s), QByteArrayList{"POST"});
    QCOMPARE(MonitorAlarmEndpoints::methodsFor(u"/api/v1/monitor/traps"_s), QByteArrayList{"GET"});
    QCOMPARE(MonitorAlarmEndpoints::methodsFor(u"/api/v1/monitor/probes"_s), QByteArrayList{"GET"});
    QVERIFY(MonitorAlarmEndpoints::methodsFor(u"/api/v1/monitor/devices"_s).isEmpty());   // the inventory's
    QVERIFY(MonitorAlarmEndpoints::methodsFor(u"/api/v1/monitor/alarms/1/2"_s).isEmpty());
    QCOMPARE(MonitorAlarmEndpoints::permissionFor("GET", u"/api/v1/monitor/alarms"_s), Permission::ViewMonitoring);
    QCOMPARE(MonitorAlarmEndpoints::permissionFor("POST", u"/api/v1/monitor/alarms/unacknowledge"_s), Permission::AcknowledgeAlarms);
    QCOMPARE(MonitorAlarmEndpoints::permissionFor("POST", u"/api/v1/monitor/maintenance/3/end"_s), Permission::ManageMonitoring);
    QCOMPARE(MonitorAlarmEndpoints::permissionFor("POST", u"/api/v1/monitor/maintenance"_s), Permission::ManageMonitoring);
}

void tst_MonitorAlarmEndpoints::listsActiveAlarmsWithFilters()
{
    Api api;
    api.f.engine->setDependencyGraph(topology());
    const qint64 router = api.raise(kRouter, Severity::Critical);
    const qint64 cpu = api.raise(kCpu, Severity::Minor);
    const qint64 server = api.raise(kSwitch, Severity::Major);   // behind core-r1: suppressed

    const QJsonArray all = api.get(u"alarms"_s).value(u"alarms"_s).toArray();
    QCOMPARE(ids(all), (QList<qint64>{router, cpu, server}));
    QCOMPARE(all[0].toObject().value(u"deviceName"_s).toString(), u"Core router 1"_s);
    QVERIFY(!all[1].toObject().contains(u"deviceName"_s));   // not in the inventory
    QCOMPARE(all[2].toObject().value(u"suppressedBy"_s).toString(), u"core-r1"_s);

    QCOMPARE(ids(api.get(u"alarms"_s, u"severity=major"_s).value(u"alarms"_s).toArray()), (QList<qint64>{router, server}));
    QCOMPARE(ids(api.get(u"alarms"_s, u"device=srv-a"_s).value(u"alarms"_s).toArray()), QList<qint64>{cpu});
    QCOMPARE(ids(api.get(u"alarms"_s, u"attention=true"_s).value(u"alarms"_s).toArray()), (QList<qint64>{router, cpu}));
    QCOMPARE(ids(api.get(u"alarms"_s, u"attention=true&severity=critical&device=core-r1"_s).value(u"alarms"_s).toArray()),
             QList<qint64>{router});

    for (const QString &bad : {u"severity=huge"_s, u"limit=5"_s, u"attention=yes"_s, u"state=cleared&attention=true"_s,
                               u"colour=red"_s, u"device=a%20b"_s, u"severity=major&severity=minor"_s}) {
        const MonitorAlarmEndpoints::Outcome outcome = api.call("GET", u"alarms"_s, bad);
        QVERIFY2(outcome.response.status == 400, qPrintable(bad));
        QVERIFY(outcome.audit.isEmpty());   // reads are not audited
    }
}

void tst_MonitorAlarmEndpoints::listsClearedAlarmsFromTheDatabase()
{
    Api api;   // 12:00
    const qint64 first = api.raise(kRouter, Severity::Critical);
    api.f.clock.advance(kHour);
    api.f.engine->clear(kRouter);   // 13:00
    const qint64 second = api.raise(kCpu, Severity::Minor);
    api.f.clock.advance(kHour);
    api.f.engine->clear(kCpu);      // 14:00
    const qint64 third = api.raise(kPort, Severity::Warning);
    api.f.clock.advance(kHour);
    api.f.engine->clear(kPort);     // 15:00
    api.raise(kRouter, Severity::Major);   // active: never listed as cleared

    const QJsonArray cleared = api.get(u"alarms"_s, u"state=cleared"_s).value(u"alarms"_s).toArray();
    QCOMPARE(ids(cleared), (QList<qint64>{third, second, first}));   // newest first
    QCOMPARE(cleared[0].toObject().value(u"state"_s).toString(), u"cleared"_s);
    QCOMPARE(cleared[0].toObject().value(u"clearedAt"_s).toString(), u"2026-03-02T15:00:00.000Z"_s);
    QCOMPARE(cleared[2].toObject().value(u"deviceName"_s).toString(), u"Core router 1"_s);
    QCOMPARE(ids(api.get(u"alarms"_s, u"state=cleared&limit=1"_s).value(u"alarms"_s).toArray()), QList<qint64>{third});
    QCOMPARE(ids(api.get(u"alarms"_s, u"state=cleared&device=core-r1"_s).value(u"alarms"_s).toArray()), (QList<qint64>{third, first}));
    QCOMPARE(ids(api.get(u"alarms"_s, u"state=cleared&severity=minor"_s).value(u"alarms"_s).toArray()), (QList<qint64>{second, first}));
    // There during 13:30-14:30: the cpu alarm (13:00-14:00) and the port alarm (14:00-15:00).
    QCOMPARE(ids(api.get(u"alarms"_s, u"state=cleared&from=2026-03-02T13:30:00Z&to=2026-03-02T14:30:00Z"_s).value(u"alarms"_s).toArray()),
             (QList<qint64>{third, second}));
    QCOMPARE(api.call("GET", u"alarms"_s, u"state=cleared&limit=1001"_s).response.status, 400);
    QCOMPARE(api.call("GET", u"alarms"_s, u"state=cleared&from=2026-03-02T13:30:00"_s).response.status, 400);   // no zone
    QCOMPARE(api.call("GET", u"alarms"_s, u"state=cleared&from=2026-03-02T14:00:00Z&to=2026-03-02T13:00:00Z"_s).response.status, 400);
}

void tst_MonitorAlarmEndpoints::oneAlarmWithItsHistory()
{
    Api api;
    const qint64 id = api.raise(kRouter, Severity::Major);
    api.f.clock.advance(kMinute);
    QVERIFY(api.f.engine->acknowledge(id, u"bob"_s, u"on my way"_s).ok());
    QJsonObject alarm = api.get(u"alarms/%1"_s.arg(id));
    QCOMPARE(alarm.value(u"state"_s).toString(), u"active"_s);
    QCOMPARE(alarm.value(u"deviceName"_s).toString(), u"Core router 1"_s);
    QCOMPARE(alarm.value(u"acknowledgement"_s).toObject().value(u"by"_s).toString(), u"bob"_s);
    QJsonArray history = alarm.value(u"history"_s).toArray();
    QCOMPARE(history.size(), 2);
    QCOMPARE(history[0].toObject().value(u"kind"_s).toString(), u"raised"_s);
    QCOMPARE(history[0].toObject().value(u"notified"_s).toBool(), true);
    QCOMPARE(history[1].toObject().value(u"kind"_s).toString(), u"acknowledged"_s);
    QCOMPARE(history[1].toObject().value(u"actor"_s).toString(), u"bob"_s);
    QCOMPARE(history[1].toObject().value(u"detail"_s).toString(), u"on my way"_s);
    QCOMPARE(history[1].toObject().value(u"at"_s).toString(), u"2026-03-02T12:01:00.000Z"_s);

    api.f.engine->clear(kRouter);
    alarm = api.get(u"alarms/%1"_s.arg(id));   // cleared: from the database
    QCOMPARE(alarm.value(u"state"_s).toString(), u"cleared"_s);
    QCOMPARE(alarm.value(u"history"_s).toArray().size(), 3);
    QCOMPARE(api.call("GET", u"alarms/%1"_s.arg(id + 1)).response.status, 404);
    QCOMPARE(api.call("GET", u"alarms/0"_s).response.status, 400);
    QCOMPARE(api.call("GET", u"alarms/x1"_s).response.status, 400);
}

void tst_MonitorAlarmEndpoints::acknowledgesManyWithPartialFailure()
{
    Api api;
    const qint64 router = api.raise(kRouter, Severity::Critical);
    const qint64 cpu = api.raise(kCpu, Severity::Minor);
    const QString expires = u"2026-03-02T14:00:00Z"_s;
    const MonitorAlarmEndpoints::Outcome outcome = api.call(
        "POST", u"alarms/acknowledge"_s, {},
        json({{u"ids"_s, QJsonArray{router, 999, cpu}}, {u"comment"_s, u"  on it  "_s}, {u"expiresAt"_s, expires}}), u"carol"_s);
    QCOMPARE(outcome.response.status, 200);
    const QJsonArray results = body(outcome).value(u"results"_s).toArray();
    QCOMPARE(results.size(), 3);
    QCOMPARE(results[0].toObject(), (QJsonObject{{u"id"_s, router}, {u"ok"_s, true}}));
    QCOMPARE(results[1].toObject().value(u"ok"_s).toBool(), false);
    QCOMPARE(results[1].toObject().value(u"error"_s).toObject().value(u"code"_s).toString(), u"not_found"_s);
    QVERIFY(!results[1].toObject().value(u"error"_s).toObject().value(u"message"_s).toString().isEmpty());
    QCOMPARE(results[2].toObject().value(u"ok"_s).toBool(), true);

    const Acknowledgement ack = *api.f.engine->activeAlarm(router)->acknowledgement;
    QCOMPARE(ack.by, u"carol"_s);
    QCOMPARE(ack.comment, u"on it"_s);
    QCOMPARE(ack.expiresAt, utc(2026, 3, 2, 14, 0));
    QVERIFY(api.f.engine->activeAlarm(cpu)->acknowledgement);

    // Every id on the audit trail, the failed one too.
    QCOMPARE(outcome.audit.size(), 3);
    for (const MonitorAlarmEndpoints::AuditEntry &entry : outcome.audit)
        QCOMPARE(entry.action, u"monitor.alarm.acknowledge"_s);
    QCOMPARE(outcome.audit[0].outcome, u"success"_s);
    QVERIFY(outcome.audit[0].detail.startsWith(u"alarm %1 (core-r1)"_s.arg(router)));
    QVERIFY(outcome.audit[0].detail.contains(u"2026-03-02T14:00:00.000Z"_s));
    QCOMPARE(outcome.audit[1].outcome, u"not_found"_s);
    QCOMPARE(outcome.audit[1].detail, u"alarm 999, until 2026-03-02T14:00:00.000Z"_s);
}

void tst_MonitorAlarmEndpoints::refusesBadAcknowledgementsAndChangesNothing_data()
{
    QTest::addColumn<QByteArray>("requestBody");
    QTest::addColumn<QString>("field");
    const QJsonArray one{1};
    const QString comment = u"comment"_s;
    QTest::newRow("no-body") << QByteArray() << QString();
    QTest::newRow("not-json") << QByteArray("{ids:") << QString();
    QTest::newRow("array-body") << QByteArray("[1]") << QString();
    QTest::newRow("unknown-field") << json({{u"ids"_s, one}, {comment, u"x"_s}, {u"by"_s, u"eve"_s}}) << u"by"_s;
    QTest::newRow("no-ids") << json({{comment, u"x"_s}}) << u"ids"_s;
    QTest::newRow("empty-ids") << json({{u"ids"_s, QJsonArray{}}, {comment, u"x"_s}}) << u"ids"_s;
    QJsonArray many;
    for (int i = 1; i <= 501; ++i)
        many.append(i);
    QTest::newRow("501-ids") << json({{u"ids"_s, many}, {comment, u"x"_s}}) << u"ids"_s;
    QTest::newRow("duplicate-id") << json({{u"ids"_s, QJsonArray{1, 1}}, {comment, u"x"_s}}) << u"ids"_s;
    QTest::newRow("string-id") << json({{u"ids"_s, QJsonArray{u"1"_s}}, {comment, u"x"_s}}) << u"ids"_s;
    QTest::newRow("fraction-id") << json({{u"ids"_s, QJsonArray{1.5}}, {comment, u"x"_s}}) << u"ids"_s;
    QTest::newRow("zero-id") << json({{u"ids"_s, QJsonArray{0}}, {comment, u"x"_s}}) << u"ids"_s;
    QTest::newRow("huge-id") << QByteArray(R"({"ids":[1e300],"comment":"x"})") << u"ids"_s;
    QTest::newRow("no-comment") << json({{u"ids"_s, one}}) << comment;
    QTest::newRow("blank-comment") << json({{u"ids"_s, one}, {comment, u"   "_s}}) << comment;
    QTest::newRow("long-comment") << json({{u"ids"_s, one}, {comment, QString(501, u'x')}}) << comment;
    QTest::newRow("control-in-comment") << json({{u"ids"_s, one}, {comment, u"a\u0007b"_s}}) << comment;
    QTest::newRow("expired") << json({{u"ids"_s, one}, {comment, u"x"_s}, {u"expiresAt"_s, u"2026-03-02T11:59:59Z"_s}}) << u"expiresAt"_s;
    QTest::newRow("expires-now") << json({{u"ids"_s, one}, {comment, u"x"_s}, {u"expiresAt"_s, u"2026-03-02T12:00:00Z"_s}}) << u"expiresAt"_s;
    QTest::newRow("expires-in-a-year") << json({{u"ids"_s, one}, {comment, u"x"_s}, {u"expiresAt"_s, u"2027-03-02T12:00:00Z"_s}})
                                       << u"expiresAt"_s;
    QTest::newRow("expiry-without-zone") << json({{u"ids"_s, one}, {comment, u"x"_s}, {u"expiresAt"_s, u"2026-03-02T13:00:00"_s}})
                                         << u"expiresAt"_s;
    QTest::newRow("expiry-not-a-date") << json({{u"ids"_s, one}, {comment, u"x"_s}, {u"expiresAt"_s, u"2026-02-30T13:00:00Z"_s}})
                                       << u"expiresAt"_s;
    QTest::newRow("expiry-a-number") << json({{u"ids"_s, one}, {comment, u"x"_s}, {u"expiresAt"_s, 1}}) << u"expiresAt"_s;
}

void tst_MonitorAlarmEndpoints::refusesBadAcknowledgementsAndChangesNothing()
{
    QFETCH(QByteArray, requestBody);
    QFETCH(QString, field);
    Api api;
    const qint64 id = api.raise(kRouter, Severity::Critical);
    QCOMPARE(id, qint64(1));   // the id every row names
    const qsizetype changes = api.f.changes.size();
    const MonitorAlarmEndpoints::Outcome outcome = api.call("POST", u"alarms/acknowledge"_s, {}, requestBody);
    QCOMPARE(outcome.response.status, 400);
    const QJsonObject error = body(outcome).value(u"error"_s).toObject();
    QCOMPARE(error.value(u"code"_s).toString(), u"bad_request"_s);
    if (!field.isEmpty())
        QVERIFY2(error.value(u"message"_s).toString().contains(u"\""_s + field + u"\""_s), qPrintable(error.value(u"message"_s).toString()));
    QCOMPARE(api.f.changes.size(), changes);
    QVERIFY(!api.f.engine->activeAlarm(id)->acknowledgement);
    QCOMPARE(outcome.audit.size(), 1);   // the refused attempt is on record once
    QCOMPARE(outcome.audit[0].outcome, u"bad_request"_s);
}

void tst_MonitorAlarmEndpoints::unacknowledges()
{
    Api api;
    const qint64 router = api.raise(kRouter, Severity::Critical);
    const qint64 cpu = api.raise(kCpu, Severity::Minor);
    QVERIFY(api.f.engine->acknowledge(router, u"bob"_s, u"later"_s).ok());
    const MonitorAlarmEndpoints::Outcome outcome =
        api.call("POST", u"alarms/unacknowledge"_s, {}, json({{u"ids"_s, QJsonArray{router, cpu}}}), u"dave"_s);
    QCOMPARE(outcome.response.status, 200);
    const QJsonArray results = body(outcome).value(u"results"_s).toArray();
    QCOMPARE(results[0].toObject().value(u"ok"_s).toBool(), true);
    QCOMPARE(results[1].toObject().value(u"error"_s).toObject().value(u"code"_s).toString(), u"conflict"_s);   // was not acknowledged
    QVERIFY(!api.f.engine->activeAlarm(router)->acknowledgement);
    QCOMPARE(api.f.changes.last().kind, Kind::Unacknowledged);
    QCOMPARE(api.f.changes.last().actor, u"dave"_s);
    QCOMPARE(outcome.audit.size(), 2);
    QCOMPARE(outcome.audit[0].action, u"monitor.alarm.unacknowledge"_s);
    QCOMPARE(api.call("POST", u"alarms/unacknowledge"_s, {}, json({{u"ids"_s, QJsonArray{router}}, {u"comment"_s, u"x"_s}})).response.status,
             400);
}

void tst_MonitorAlarmEndpoints::windowsCreatedListedAndEndedEarly()
{
    Api api;   // 12:00 on Monday 2 March 2026
    const QJsonObject request{{u"title"_s, u"router firmware"_s},
                              {u"devices"_s, QJsonArray{u"core-r1"_s}},
                              {u"start"_s, u"2026-03-02T12:00:00Z"_s},
                              {u"end"_s, u"2026-03-02T14:00:00+00:00"_s}};
    const MonitorAlarmEndpoints::Outcome created = api.call("POST", u"maintenance"_s, {}, json(request), u"alice"_s);
    QCOMPARE(created.response.status, 201);
    const QJsonObject window = body(created);
    const qint64 id = window.value(u"id"_s).toInteger();
    QVERIFY(id > 0);
    QCOMPARE(window.value(u"title"_s).toString(), u"router firmware"_s);
    QCOMPARE(window.value(u"createdBy"_s).toString(), u"alice"_s);
    QCOMPARE(window.value(u"createdAt"_s).toString(), u"2026-03-02T12:00:00.000Z"_s);
    QCOMPARE(window.value(u"devices"_s).toArray(), QJsonArray{u"core-r1"_s});
    QCOMPARE(window.value(u"sites"_s).toArray(), QJsonArray{});
    QCOMPARE(window.value(u"recurrence"_s).toString(), u"none"_s);
    QCOMPARE(window.value(u"end"_s).toString(), u"2026-03-02T14:00:00.000Z"_s);
    QCOMPARE(window.value(u"weekdays"_s).toArray(), QJsonArray{});
    QCOMPARE(window.value(u"activeNow"_s).toBool(), true);
    QVERIFY(!window.contains(u"endedAt"_s));
    QVERIFY(!window.contains(u"until"_s));
    QCOMPARE(created.audit.size(), 1);
    QCOMPARE(created.audit[0].action, u"monitor.maintenance.create"_s);
    QVERIFY(created.audit[0].detail.contains(u"router firmware"_s));

    const qint64 weekly = body(api.call("POST", u"maintenance"_s, {},
                                        json({{u"sites"_s, QJsonArray{u"site-a"_s}}, {u"recurrence"_s, u"weekly"_s},
                                              {u"weekdays"_s, QJsonArray{3, 1}}, {u"until"_s, u"2026-06-30"_s},
                                              {u"start"_s, u"2026-03-02T23:00:00Z"_s}, {u"end"_s, u"2026-03-03T01:00:00Z"_s}})))
                               .value(u"id"_s)
                               .toInteger();
    QJsonArray listed = api.get(u"maintenance"_s).value(u"windows"_s).toArray();
    QCOMPARE(ids(listed), (QList<qint64>{id, weekly}));
    QCOMPARE(listed[1].toObject().value(u"weekdays"_s).toArray(), (QJsonArray{1, 3}));
    QCOMPARE(listed[1].toObject().value(u"until"_s).toString(), u"2026-06-30"_s);
    QCOMPARE(listed[1].toObject().value(u"activeNow"_s).toBool(), false);

    api.f.engine->raiseNow(kRouter, Severity::Critical, u"rebooting"_s);
    QVERIFY(api.f.engine->activeAlarm(kRouter)->inMaintenance);
    QVERIFY(!api.f.changes.last().notify);

    api.f.clock.advance(30 * kMinute);   // the work went wrong: end the window, let it page
    const MonitorAlarmEndpoints::Outcome ended = api.call("POST", u"maintenance/%1/end"_s.arg(id), {}, {}, u"bob"_s);
    QCOMPARE(ended.response.status, 200);
    QCOMPARE(body(ended).value(u"endedAt"_s).toString(), u"2026-03-02T12:30:00.000Z"_s);
    QCOMPARE(body(ended).value(u"activeNow"_s).toBool(), false);
    QCOMPARE(ended.audit[0].action, u"monitor.maintenance.end"_s);
    QCOMPARE(ended.audit[0].detail, u"window %1"_s.arg(id));
    QVERIFY(!api.f.engine->activeAlarm(kRouter)->inMaintenance);
    QCOMPARE(api.f.changes.last().kind, Kind::MaintenanceEnded);
    QVERIFY(api.f.changes.last().notify);

    QCOMPARE(ids(api.get(u"maintenance"_s).value(u"windows"_s).toArray()), QList<qint64>{weekly});
    listed = api.get(u"maintenance"_s, u"include=ended"_s).value(u"windows"_s).toArray();
    QCOMPARE(ids(listed), (QList<qint64>{id, weekly}));
    QCOMPARE(listed[0].toObject().value(u"endedAt"_s).toString(), u"2026-03-02T12:30:00.000Z"_s);
    QCOMPARE(api.get(u"maintenance"_s, u"include=ended&from=2026-03-01T00:00:00Z&to=2026-03-02T11:00:00Z"_s).value(u"windows"_s).toArray().size(),
             1);   // only the weekly one, still to come

    // Cancelled before it began: no downtime left, but still on record for whoever reviews the day.
    QVERIFY(api.call("POST", u"maintenance/%1/end"_s.arg(weekly)).response.status == 200);
    listed = api.get(u"maintenance"_s, u"include=ended&from=2026-03-02T12:15:00Z&to=2026-03-02T12:45:00Z"_s).value(u"windows"_s).toArray();
    QCOMPARE(ids(listed), (QList<qint64>{id, weekly}));
    QCOMPARE(listed[1].toObject().value(u"endedAt"_s).toString(), u"2026-03-02T12:30:00.000Z"_s);
    QVERIFY(api.get(u"maintenance"_s).value(u"windows"_s).toArray().isEmpty());

    const MonitorAlarmEndpoints::Outcome again = api.call("POST", u"maintenance/%1/end"_s.arg(id));
    QCOMPARE(again.response.status, 404);
    QCOMPARE(again.audit[0].outcome, u"not_found"_s);
    QCOMPARE(api.call("POST", u"maintenance/first/end"_s).response.status, 400);
    QCOMPARE(api.call("POST", u"maintenance/%1/end"_s.arg(weekly), {}, "{\"now\":true}").response.status, 400);   // takes no body
    QCOMPARE(api.call("GET", u"maintenance"_s, u"from=2026-03-01T00:00:00Z"_s).response.status, 400);   // without include=ended
    QCOMPARE(api.call("GET", u"maintenance"_s, u"include=all"_s).response.status, 400);
    QCOMPARE(api.call("GET", u"maintenance"_s, u"include=ended&from=2024-01-01T00:00:00Z"_s).response.status, 400);   // over a year
}

void tst_MonitorAlarmEndpoints::refusesBadWindowsAndChangesNothing_data()
{
    QTest::addColumn<QJsonObject>("request");
    QTest::addColumn<QString>("field");
    const QJsonObject good{{u"devices"_s, QJsonArray{u"17"_s}}, {u"start"_s, u"2026-03-02T13:00:00Z"_s}, {u"end"_s, u"2026-03-02T14:00:00Z"_s}};
    auto with = [&](const QString &key, const QJsonValue &value) {
        QJsonObject o = good;
        if (value.isUndefined())
            o.remove(key);
        else
            o.insert(key, value);
        return o;
    };
    QTest::newRow("unknown-field") << with(u"id"_s, 5) << u"id"_s;
    QTest::newRow("created-by") << with(u"createdBy"_s, u"mallory"_s) << u"createdBy"_s;
    QTest::newRow("no-scope") << with(u"devices"_s, QJsonValue::Undefined) << QString();
    QTest::newRow("device-not-a-string") << with(u"devices"_s, QJsonArray{17}) << u"devices"_s;
    QTest::newRow("device-with-space") << with(u"devices"_s, QJsonArray{u"a b"_s}) << u"devices"_s;
    QTest::newRow("device-twice") << with(u"devices"_s, QJsonArray{u"17"_s, u"17"_s}) << u"devices"_s;
    QTest::newRow("sites-not-an-array") << with(u"sites"_s, u"ams1"_s) << u"sites"_s;
    QTest::newRow("no-start") << with(u"start"_s, QJsonValue::Undefined) << u"start"_s;
    QTest::newRow("start-without-zone") << with(u"start"_s, u"2026-03-02T13:00:00"_s) << u"start"_s;
    QTest::newRow("end-before-start") << with(u"end"_s, u"2026-03-02T12:30:00Z"_s) << QString();
    QTest::newRow("eight-days") << with(u"end"_s, u"2026-03-10T13:00:00Z"_s) << QString();
    QTest::newRow("over-before-now") << QJsonObject{{u"devices"_s, QJsonArray{u"17"_s}}, {u"start"_s, u"2026-03-01T10:00:00Z"_s},
                                                    {u"end"_s, u"2026-03-01T11:00:00Z"_s}}
                                     << u"end"_s;
    QTest::newRow("bad-recurrence") << with(u"recurrence"_s, u"hourly"_s) << u"recurrence"_s;
    QTest::newRow("weekly-without-days") << with(u"recurrence"_s, u"weekly"_s) << QString();
    QTest::newRow("weekdays-on-one-off") << with(u"weekdays"_s, QJsonArray{1}) << QString();
    QTest::newRow("weekday-out-of-range") << with(u"weekdays"_s, QJsonArray{8}) << u"weekdays"_s;
    QTest::newRow("until-not-a-date") << with(u"until"_s, u"2026-13-01"_s) << u"until"_s;
    QTest::newRow("title-not-a-string") << with(u"title"_s, 3) << u"title"_s;
    QTest::newRow("title-too-long") << with(u"title"_s, QString(201, u't')) << QString();
    QTest::newRow("title-with-newline") << with(u"title"_s, u"a\nb"_s) << u"title"_s;
}

void tst_MonitorAlarmEndpoints::refusesBadWindowsAndChangesNothing()
{
    QFETCH(QJsonObject, request);
    QFETCH(QString, field);
    Api api;
    const MonitorAlarmEndpoints::Outcome outcome = api.call("POST", u"maintenance"_s, {}, json(request));
    QCOMPARE(outcome.response.status, 400);
    const QString message = body(outcome).value(u"error"_s).toObject().value(u"message"_s).toString();
    QVERIFY(!message.isEmpty());
    if (!field.isEmpty())
        QVERIFY2(message.contains(u"\""_s + field + u"\""_s), qPrintable(message));
    QVERIFY(api.f.engine->maintenanceWindows().isEmpty());
    api.f.sync();
    QCOMPARE(api.f.reader->queryValue(u"SELECT COUNT(*) FROM maintenance_windows"_s)->toInt(), 0);
    QCOMPARE(outcome.audit.size(), 1);
    QCOMPARE(outcome.audit[0].outcome, u"bad_request"_s);
}

void tst_MonitorAlarmEndpoints::readsTheTrapLogAndProbeResults()
{
    Api api;
    auto write = [&](const QString &sql, const QVariantList &params) {
        auto r = api.f.store->writer().submitAndWait([&](reg::store::Connection &c) -> reg::Result<std::optional<reg::store::JournalChange>> {
            if (auto e = c.execute(sql, params); !e)
                return e.error();
            return std::optional<reg::store::JournalChange>();
        });
        QVERIFY(r.ok());
    };
    const qint64 t0 = utc(2026, 3, 2, 11, 0).toMSecsSinceEpoch();
    const QString trap = u"INSERT INTO monitor_trap_log (received_at, source, version, security_name, trap_oid, varbinds, inform, event) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s;
    write(trap, {t0, u"192.0.2.1"_s, u"2c"_s, u""_s, u"1.3.6.1.6.3.1.1.5.3"_s, u"1.3.6.1.2.1.2.2.1.1.2=2"_s, 0, u"raise major link-down:2"_s});
    write(trap, {t0 + kMinute, u"2001:db8::7"_s, u"3"_s, u"nocuser"_s, u"1.3.6.1.6.3.1.1.5.1"_s, u""_s, 1, u""_s});
    write(trap, {t0 + 2 * kMinute, u"192.0.2.1"_s, u"2c"_s, u""_s, u"1.3.6.1.6.3.1.1.5.4"_s, u""_s, 0, u"clear link-down:2"_s});

    QJsonArray traps = api.get(u"traps"_s).value(u"traps"_s).toArray();
    QCOMPARE(traps.size(), 3);
    QCOMPARE(traps[0].toObject().value(u"event"_s).toString(), u"clear link-down:2"_s);   // newest first
    const QJsonObject v3 = traps[1].toObject();
    QCOMPARE(v3.value(u"receivedAt"_s).toString(), u"2026-03-02T11:01:00.000Z"_s);
    QCOMPARE(v3.value(u"source"_s).toString(), u"2001:db8::7"_s);
    QCOMPARE(v3.value(u"version"_s).toString(), u"3"_s);
    QCOMPARE(v3.value(u"securityName"_s).toString(), u"nocuser"_s);
    QCOMPARE(v3.value(u"inform"_s).toBool(), true);
    QVERIFY(!v3.contains(u"event"_s));
    QVERIFY(!traps[0].toObject().contains(u"securityName"_s));
    QCOMPARE(traps[2].toObject().value(u"varbinds"_s).toString(), u"1.3.6.1.2.1.2.2.1.1.2=2"_s);
    QCOMPARE(api.get(u"traps"_s, u"limit=1"_s).value(u"traps"_s).toArray().size(), 1);
    traps = api.get(u"traps"_s, u"source=192.0.2.1"_s).value(u"traps"_s).toArray();
    QCOMPARE(traps.size(), 2);
    QCOMPARE(traps[1].toObject().value(u"trapOid"_s).toString(), u"1.3.6.1.6.3.1.1.5.3"_s);
    QCOMPARE(api.get(u"traps"_s, u"source=2001:DB8:0::7"_s).value(u"traps"_s).toArray().size(), 1);   // any spelling of the address
    for (const QString &bad : {u"limit=0"_s, u"limit=1001"_s, u"source=core-r1"_s, u"since=1"_s})
        QVERIFY2(api.call("GET", u"traps"_s, bad).response.status == 400, qPrintable(bad));

    const QString probe = u"INSERT INTO probe_results (service, site, target, started_at, ok, rtt_us, phases, error_kind, error, detail) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '{}')"_s;
    write(probe, {u"whois"_s, u"ams1"_s, u"192.0.2.10:43"_s, t0, 1, 12500, uR"({"connect":1500,"answer":11000})"_s, u""_s, u""_s});
    write(probe, {u"dns-udp"_s, u"ams1"_s, u"192.0.2.10:53"_s, t0 + kMinute, 0, 5000000, u"{}"_s, u"timeout"_s, u"no answer in 5 s"_s});
    write(probe, {u"whois"_s, u"fra1"_s, u"192.0.2.20:43"_s, t0 + 2 * kMinute, 1, 9000, u"{}"_s, u""_s, u""_s});
    QJsonArray results = api.get(u"probes"_s).value(u"results"_s).toArray();
    QCOMPARE(results.size(), 3);
    QCOMPARE(results[0].toObject().value(u"site"_s).toString(), u"fra1"_s);
    const QJsonObject failed = results[1].toObject();
    QCOMPARE(failed.value(u"ok"_s).toBool(), false);
    QCOMPARE(failed.value(u"errorKind"_s).toString(), u"timeout"_s);
    QCOMPARE(failed.value(u"error"_s).toString(), u"no answer in 5 s"_s);
    QCOMPARE(failed.value(u"totalMs"_s).toDouble(), 5000.0);
    const QJsonObject good = results[2].toObject();
    QVERIFY(!good.contains(u"errorKind"_s));
    QVERIFY(!good.contains(u"error"_s));
    QCOMPARE(good.value(u"startedAt"_s).toString(), u"2026-03-02T11:00:00.000Z"_s);
    QCOMPARE(good.value(u"totalMs"_s).toDouble(), 12.5);
    QCOMPARE(good.value(u"phases"_s).toObject(), (QJsonObject{{u"connect"_s, 1.5}, {u"answer"_s, 11.0}}));
    QCOMPARE(api.get(u"probes"_s, u"service=whois"_s).value(u"results"_s).toArray().size(), 2);
    QCOMPARE(api.get(u"probes"_s, u"service=whois&site=ams1"_s).value(u"results"_s).toArray().size(), 1);
    QCOMPARE(api.get(u"probes"_s, u"site=ams1&limit=1"_s).value(u"results"_s).toArray().size(), 1);
    for (const QString &bad : {u"service=ftp"_s, u"site=a/b"_s, u"limit=x"_s, u"service=whois&service=rdap"_s})
        QVERIFY2(api.call("GET", u"probes"_s, bad).response.status == 400, qPrintable(bad));
}

QTEST_GUILESS_MAIN(tst_MonitorAlarmEndpoints)
#include "tst_monitoralarmendpoints.moc"
