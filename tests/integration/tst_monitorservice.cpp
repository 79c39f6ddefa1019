// The monitor service inside the real registryd: devices imported through the management API
// pointing at a throw-away snmpd (v2c and v3 authPriv SHA/AES) are polled every 10 s (the
// inventory's shortest interval) with raise_after 2 and clear_after 1; metrics in GET
// /monitor/status and /monitor/metrics/<device>; the agent stopped -> a reachability alarm on
// the event stream after the second failed poll, started again -> cleared; a v2c linkDown trap
// from Debian's snmptrap -> an "if:N" alarm at once and a trap-log row, linkUp -> cleared; a v3
// coldStart from the configured trap user -> the restart alarm at once, a wrong key dropped; a
// wrong community and a wrong v3 key reported; an acknowledgement with an expiry lapses and a
// maintenance window ended early hands the alarm back, through the alarm API; registryd still running.
#include "common/databaserows.h"
#include "common/enginefixture.h"
#include "common/snmpdserver.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>
#include <QWebSocket>

using namespace testsupport;
using namespace Qt::StringLiterals;

namespace {

const QByteArray trapCommunity = "svc-trap-community-5e1";
// A v3 sender: its engine id, user and keys as the trap users file names them.
const QByteArray trapEngineId = "8000000001020304aa";
const QByteArray trapUser = "svc-v3-trap";
const QByteArray trapAuth = "svc-auth-pass-7c3";
const QByteArray trapPriv = "svc-priv-pass-9d4";
constexpr int pollIntervalSecs = 10;

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// The monitor messages of the event stream, in arrival order.
class EventRecorder : public QObject
{
public:
    QList<QJsonObject> events;
    QWebSocket socket;

    void open(const EngineFixture &engine, const QByteArray &token)
    {
        socket.setSslConfiguration(engine.sslConfiguration());
        connect(&socket, &QWebSocket::textMessageReceived, this,
                [this](const QString &text) { events.append(QJsonDocument::fromJson(text.toUtf8()).object()); });
        QNetworkRequest request(engine.webSocketUrl(u"/api/v1/events"_s));
        request.setRawHeader("Authorization", "Bearer " + token);
        socket.open(request);
    }
    // The index of the first event from position `from` on that matches, or -1 after the time-out.
    qsizetype waitFor(qsizetype from, const std::function<bool(const QJsonObject &)> &match, int timeoutMs)
    {
        qsizetype found = -1;
        (void)QTest::qWaitFor([&] {
            for (qsizetype i = from; i < events.size(); ++i) {
                if (match(events[i])) {
                    found = i;
                    return true;
                }
            }
            return false;
        }, timeoutMs);
        return found;
    }
};

bool isAlarm(const QJsonObject &e, const QString &change, const QString &device, const QString &component)
{
    const QJsonObject alarm = e.value(u"alarm"_s).toObject();
    return e.value(u"type"_s) == u"alarm"_s && e.value(u"change"_s) == change && alarm.value(u"device"_s) == device
        && alarm.value(u"component"_s).toString() == component;
}

bool isPoll(const QJsonObject &e, const QString &device)
{
    return e.value(u"type"_s) == u"monitor.poll"_s && e.value(u"device"_s) == device;
}

} // namespace

class tst_MonitorService : public QObject
{
    Q_OBJECT
private:
    SnmpdServer m_snmpd;
    EngineFixture m_engine;
    QTemporaryDir m_dir;
    QByteArray m_token;
    EventRecorder m_events;
    QHash<QString, QString> m_ids;   // device name -> id

    HttpReply get(const QString &path) { return httpsRequest(m_engine, "GET", path, {}, m_token); }
    QJsonObject deviceStatus(const QString &name)
    {
        const HttpReply status = get(u"/api/v1/monitor/status"_s);
        for (const QJsonValue &d : status.object().value(u"devices"_s).toArray()) {
            if (d.toObject().value(u"name"_s) == name)
                return d.toObject();
        }
        return {};
    }
    QJsonObject snmpSettings(const QJsonObject &credentials) const
    {
        QJsonObject s{{u"port"_s, m_snmpd.port()}, {u"intervalSecs"_s, pollIntervalSecs}, {u"timeoutMs"_s, 1000}, {u"retries"_s, 0}};
        for (auto it = credentials.begin(); it != credentials.end(); ++it)
            s.insert(it.key(), it.value());
        return s;
    }
    void addDevice(const QString &name, const QJsonObject &credentials)
    {
        const HttpReply created = httpsRequest(m_engine, "POST", u"/api/v1/monitor/devices"_s,
                                               json({{u"name"_s, name}, {u"kind"_s, u"server"_s}, {u"site"_s, u"lab"_s},
                                                     {u"address"_s, u"127.0.0.1"_s}, {u"snmp"_s, snmpSettings(credentials)}}),
                                               m_token);
        QVERIFY2(created.status == 201, created.body.constData());
        m_ids.insert(name, created.object().value(u"id"_s).toVariant().toString());
    }
    bool snmptrap(const QStringList &arguments, QString *output)
    {
        return runSnmpTool(u"snmptrap"_s, arguments, m_dir.filePath(u"client"_s), output);
    }
    int linkDownTrapsLogged()
    {
        return queryInt(QDir(m_engine.dataDir()).filePath(u"registry.db"_s),
                        "SELECT count(*) FROM monitor_trap_log WHERE trap_oid = '1.3.6.1.6.3.1.1.5.3'");
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("REGISTRYD_BINARY"))
            QSKIP("REGISTRYD_BINARY is not set");
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_snmpd.start(&error), qPrintable(error));

        const QString communities = m_dir.filePath(u"trap-communities"_s);
        QFile file(communities);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(trapCommunity + '\n');
        file.close();
        QVERIFY(file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));

        const QString users = m_dir.filePath(u"trap-users"_s);
        QFile usersFile(users);
        QVERIFY(usersFile.open(QIODevice::WriteOnly));
        usersFile.write(trapUser + " 0x" + trapEngineId + " authPriv SHA " + trapAuth + " AES " + trapPriv + '\n');
        usersFile.close();
        QVERIFY(usersFile.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));

        m_engine.setInitArguments({});
        m_engine.setConfigValue(u"monitor"_s, u"trap_users_file"_s, users);
        m_engine.setConfigValue(u"monitor"_s, u"enabled"_s, u"true"_s);
        m_engine.setConfigValue(u"monitor"_s, u"trap_listen"_s, u"127.0.0.1:0"_s);
        m_engine.setConfigValue(u"monitor"_s, u"trap_communities_file"_s, communities);
        m_engine.setConfigValue(u"monitor"_s, u"raise_after"_s, u"2"_s);
        m_engine.setConfigValue(u"monitor"_s, u"clear_after"_s, u"1"_s);
        QVERIFY2(m_engine.start(&error), qPrintable(error));
        QVERIFY(m_engine.port(u"traps"_s) != 0);
        m_token = login(m_engine, u"admin"_s, m_engine.adminPassword());
        QVERIFY(!m_token.isEmpty());
        m_events.open(m_engine, m_token);
        QTRY_VERIFY_WITH_TIMEOUT(m_events.socket.state() == QAbstractSocket::ConnectedState, 10000);

        const HttpReply site = httpsRequest(m_engine, "POST", u"/api/v1/monitor/sites"_s,
                                            json({{u"code"_s, u"lab"_s}, {u"name"_s, u"Lab"_s}, {u"role"_s, u"office"_s}}), m_token);
        QVERIFY2(site.status == 201, site.body.constData());
        // Created first: the lowest id at 127.0.0.1, so the traps from there are its own.
        addDevice(u"agent-v2c"_s, {{u"version"_s, u"2c"_s}, {u"community"_s, QString::fromLatin1(m_snmpd.community())}});
        addDevice(u"agent-v3"_s, {{u"version"_s, u"3"_s}, {u"user"_s, QString::fromLatin1(m_snmpd.v3User())}, {u"level"_s, u"authPriv"_s},
                                  {u"auth"_s, u"SHA"_s}, {u"priv"_s, u"AES"_s},
                                  {u"authPassphrase"_s, QString::fromLatin1(m_snmpd.v3AuthPassphrase())},
                                  {u"privPassphrase"_s, QString::fromLatin1(m_snmpd.v3PrivPassphrase())}});
        addDevice(u"wrong-community"_s, {{u"version"_s, u"2c"_s}, {u"community"_s, u"not-the-community"_s}});
        addDevice(u"wrong-v3-key"_s, {{u"version"_s, u"3"_s}, {u"user"_s, QString::fromLatin1(m_snmpd.v3Sha256User())},
                                      {u"level"_s, u"authPriv"_s}, {u"auth"_s, u"SHA-256"_s}, {u"priv"_s, u"AES"_s},
                                      {u"authPassphrase"_s, u"not-the-auth-passphrase"_s},
                                      {u"privPassphrase"_s, QString::fromLatin1(m_snmpd.v3Sha256PrivPassphrase())}});
    }

    void metricsArrive()
    {
        for (const QString &name : {u"agent-v2c"_s, u"agent-v3"_s}) {
            QTRY_VERIFY_WITH_TIMEOUT(deviceStatus(name).value(u"reachable"_s) == QJsonValue(true), 40000);
            const QJsonObject d = deviceStatus(name);
            QCOMPARE(d.value(u"id"_s).toString(), m_ids.value(name));
            QCOMPARE(d.value(u"polled"_s), QJsonValue(true));
            QCOMPARE(d.value(u"stale"_s), QJsonValue(false));
            QCOMPARE(d.value(u"error"_s), QJsonValue());
            QVERIFY(!d.value(u"lastPolledAt"_s).toString().isEmpty());
            QVERIFY(d.value(u"roundTripMs"_s).isDouble());
            QVERIFY2(!d.value(u"interfaces"_s).toArray().isEmpty(), QJsonDocument(d).toJson().constData());
            QVERIFY(d.value(u"interfaces"_s).toArray().first().toObject().contains(u"operStatus"_s));
        }
        QVERIFY(m_events.waitFor(0, [this](const QJsonObject &e) {
            return isPoll(e, m_ids.value(u"agent-v2c"_s)) && e.value(u"deviceName"_s) == u"agent-v2c"_s && e.value(u"reachable"_s) == QJsonValue(true);
        }, 1000) >= 0);

        const HttpReply metrics = get(u"/api/v1/monitor/metrics/agent-v2c"_s);
        QCOMPARE(metrics.status, 200);
        QCOMPARE(metrics.object().value(u"deviceId"_s).toString(), m_ids.value(u"agent-v2c"_s));
        const QJsonArray samples = metrics.object().value(u"samples"_s).toArray();
        QVERIFY2(!samples.isEmpty(), metrics.body.constData());
        QCOMPARE(samples.first().toObject().value(u"reachable"_s), QJsonValue(true));
        QVERIFY(samples.first().toObject().value(u"interfaces"_s).isArray());

        QCOMPARE(get(u"/api/v1/monitor/metrics/no-such-device"_s).status, 404);
        QCOMPARE(get(u"/api/v1/monitor/metrics/agent-v2c?from=yesterday"_s).status, 400);
        QCOMPARE(get(u"/api/v1/monitor/metrics/agent-v2c?from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z"_s).status, 400);
        QCOMPARE(httpsRequest(m_engine, "GET", u"/api/v1/monitor/status"_s).status, 401);
    }

    void wrongCredentialsAreReported()
    {
        const QString community = m_ids.value(u"wrong-community"_s);
        const QString key = m_ids.value(u"wrong-v3-key"_s);
        // A v2c agent ignores a wrong community: to the poller it is a time-out, and after two an alarm.
        QVERIFY(m_events.waitFor(0, [&](const QJsonObject &e) { return isAlarm(e, u"raised"_s, community, QString()); }, 60000) >= 0);
        QTRY_COMPARE_WITH_TIMEOUT(deviceStatus(u"wrong-community"_s).value(u"error"_s).toString(), u"timeout"_s, 20000);
        // A wrong v3 key is answered with a report: the device is reachable, its SNMP is not.
        const qsizetype raised = m_events.waitFor(0, [&](const QJsonObject &e) { return isAlarm(e, u"raised"_s, key, u"snmp"_s); }, 60000);
        QVERIFY(raised >= 0);
        const QJsonObject alarm = m_events.events[raised].value(u"alarm"_s).toObject();
        QVERIFY2(alarm.value(u"cause"_s).toString().contains(u"authentication"_s), qPrintable(alarm.value(u"cause"_s).toString()));
        QCOMPARE(alarm.value(u"deviceName"_s).toString(), u"wrong-v3-key"_s);
        QCOMPARE(alarm.value(u"severity"_s).toString(), u"major"_s);
        const QJsonObject status = deviceStatus(u"wrong-v3-key"_s);
        QCOMPARE(status.value(u"error"_s).toString(), u"authentication-failure"_s);
        QCOMPARE(status.value(u"worstSeverity"_s).toString(), u"major"_s);
        QVERIFY(m_engine.isRunning());
    }

    void agentDownRaisesAfterTheSecondFailureAndClears()
    {
        const QString id = m_ids.value(u"agent-v2c"_s);
        const qsizetype before = m_events.events.size();
        m_snmpd.stop();
        const qsizetype raised = m_events.waitFor(before, [&](const QJsonObject &e) { return isAlarm(e, u"raised"_s, id, QString()); },
                                                  4 * pollIntervalSecs * 1000);
        QVERIFY2(raised >= 0, "no reachability alarm after the agent stopped");
        // The second failed poll raises; its own poll event follows the alarm.
        int failedBefore = 0;
        for (qsizetype i = before; i < raised; ++i) {
            if (isPoll(m_events.events[i], id) && m_events.events[i].value(u"reachable"_s) == QJsonValue(false))
                ++failedBefore;
        }
        QCOMPARE(failedBefore, 1);
        const QJsonObject alarm = m_events.events[raised].value(u"alarm"_s).toObject();
        QCOMPARE(alarm.value(u"cause"_s).toString(), u"no SNMP answer (timeout)"_s);
        QCOMPARE(alarm.value(u"severity"_s).toString(), u"critical"_s);
        QCOMPARE(alarm.value(u"deviceName"_s).toString(), u"agent-v2c"_s);
        QCOMPARE(m_events.events[raised].value(u"notify"_s), QJsonValue(true));
        QCOMPARE(deviceStatus(u"agent-v2c"_s).value(u"worstSeverity"_s).toString(), u"critical"_s);
        QCOMPARE(deviceStatus(u"agent-v2c"_s).value(u"reachable"_s), QJsonValue(false));

        QString error;
        QVERIFY2(m_snmpd.start(&error), qPrintable(error));
        QVERIFY2(m_events.waitFor(raised, [&](const QJsonObject &e) { return isAlarm(e, u"cleared"_s, id, QString()); },
                                  3 * pollIntervalSecs * 1000) >= 0,
                 "the reachability alarm did not clear");
    }

    void linkDownTrapRaisesAndLinkUpClears()
    {
        const QString id = m_ids.value(u"agent-v2c"_s);
        const QString port = QString::number(m_engine.port(u"traps"_s));
        const qsizetype before = m_events.events.size();
        // ifIndex 77 is no interface of the agent: only the traps speak of it, not the polls.
        QString output;
        QVERIFY2(snmptrap({u"-v2c"_s, u"-c"_s, QString::fromLatin1(trapCommunity), u"127.0.0.1:"_s + port, u""_s,
                           u"1.3.6.1.6.3.1.1.5.3"_s, u"1.3.6.1.2.1.2.2.1.1.77"_s, u"i"_s, u"77"_s,
                           u"1.3.6.1.2.1.2.2.1.7.77"_s, u"i"_s, u"1"_s, u"1.3.6.1.2.1.2.2.1.8.77"_s, u"i"_s, u"2"_s},
                          &output),
                 qPrintable(output));
        const qsizetype raised = m_events.waitFor(before, [&](const QJsonObject &e) { return isAlarm(e, u"raised"_s, id, u"if:77"_s); }, 10000);
        QVERIFY2(raised >= 0, "no if:77 alarm after linkDown");
        QCOMPARE(m_events.events[raised].value(u"alarm"_s).toObject().value(u"severity"_s).toString(), u"major"_s);
        const qsizetype trap = m_events.waitFor(before, [](const QJsonObject &e) { return e.value(u"type"_s) == u"monitor.trap"_s; }, 5000);
        QVERIFY(trap >= 0);
        const QJsonObject t = m_events.events[trap];
        QCOMPARE(t.value(u"device"_s).toString(), id);
        QCOMPARE(t.value(u"source"_s).toString(), u"127.0.0.1"_s);
        QCOMPARE(t.value(u"trapOid"_s).toString(), u"1.3.6.1.6.3.1.1.5.3"_s);
        QCOMPARE(t.value(u"event"_s).toString(), u"raise major if:77"_s);
        QVERIFY(!t.contains(u"varbinds"_s));
        QTRY_COMPARE_WITH_TIMEOUT(linkDownTrapsLogged(), 1, 10000);

        QVERIFY2(snmptrap({u"-v2c"_s, u"-c"_s, QString::fromLatin1(trapCommunity), u"127.0.0.1:"_s + port, u""_s,
                           u"1.3.6.1.6.3.1.1.5.4"_s, u"1.3.6.1.2.1.2.2.1.1.77"_s, u"i"_s, u"77"_s},
                          &output),
                 qPrintable(output));
        QVERIFY2(m_events.waitFor(raised, [&](const QJsonObject &e) { return isAlarm(e, u"cleared"_s, id, u"if:77"_s); }, 10000) >= 0,
                 "linkUp did not clear if:77");

        // A trap with a community not configured is refused, and nothing is alarmed.
        const qsizetype afterUp = m_events.events.size();
        QVERIFY(snmptrap({u"-v2c"_s, u"-c"_s, u"guessed"_s, u"127.0.0.1:"_s + port, u""_s, u"1.3.6.1.6.3.1.1.5.3"_s,
                          u"1.3.6.1.2.1.2.2.1.1.78"_s, u"i"_s, u"78"_s},
                         &output));
        QTest::qWait(1000);
        QCOMPARE(m_events.waitFor(afterUp, [](const QJsonObject &e) { return e.value(u"type"_s) == u"monitor.trap"_s; }, 0), qsizetype(-1));
    }

    // SNMPv3 (authPriv, SHA and AES) from the user in trap_users_file: a coldStart raises the
    // device's restart alarm at once; the same trap with a wrong key is dropped, nothing raised.
    void v3TrapRaisesAtOnceAndAWrongKeyIsDropped()
    {
        const QString id = m_ids.value(u"agent-v2c"_s);
        const QString target = u"127.0.0.1:"_s + QString::number(m_engine.port(u"traps"_s));
        // The agent restarted in an earlier test, which the polls report as a restart alarm until the
        // next good poll clears it; the trap must find none active, or it raises nothing new.
        auto restartActive = [&] {
            const HttpReply alarms = get(u"/api/v1/monitor/alarms?device="_s + id);
            for (const QJsonValue &a : alarms.object().value(u"alarms"_s).toArray()) {
                if (a.toObject().value(u"component"_s).toString() == u"restart"_s)
                    return true;
            }
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(!restartActive(), 4 * pollIntervalSecs * 1000);
        auto v3 = [&](const QByteArray &auth) {
            return QStringList{u"-v3"_s, u"-e"_s, u"0x"_s + QString::fromLatin1(trapEngineId), u"-u"_s, QString::fromLatin1(trapUser),
                               u"-l"_s, u"authPriv"_s, u"-a"_s, u"SHA"_s, u"-A"_s, QString::fromLatin1(auth),
                               u"-x"_s, u"AES"_s, u"-X"_s, QString::fromLatin1(trapPriv), target, u""_s,
                               u"1.3.6.1.6.3.1.1.5.1"_s};
        };
        const qsizetype before = m_events.events.size();
        QString output;
        QVERIFY2(snmptrap(v3("wrong-auth-pass-1"), &output), qPrintable(output));
        QTest::qWait(1000);
        QCOMPARE(m_events.waitFor(before, [](const QJsonObject &e) { return e.value(u"type"_s) == u"monitor.trap"_s; }, 0), qsizetype(-1));

        QVERIFY2(snmptrap(v3(trapAuth), &output), qPrintable(output));
        const qsizetype trap = m_events.waitFor(before, [](const QJsonObject &e) { return e.value(u"type"_s) == u"monitor.trap"_s; }, 10000);
        QVERIFY2(trap >= 0, "the v3 trap was not logged");
        QCOMPARE(m_events.events[trap].value(u"trapOid"_s).toString(), u"1.3.6.1.6.3.1.1.5.1"_s);
        QVERIFY2(m_events.waitFor(before, [&](const QJsonObject &e) { return isAlarm(e, u"raised"_s, id, u"restart"_s); }, 10000) >= 0,
                 "no restart alarm after the v3 coldStart");
    }

    // Through the real registryd's alarm API: an acknowledgement with an expiry lapses on its own
    // (the engine's clock check, not a request, ends it) and a maintenance window ended early
    // hands the alarm back to the people watching.
    void acknowledgementLapsesAndMaintenanceEndsEarly()
    {
        const QString id = m_ids.value(u"wrong-community"_s);
        const HttpReply list = get(u"/api/v1/monitor/alarms?device="_s + id);
        QCOMPARE(list.status, 200);
        qint64 alarmId = 0;
        for (const QJsonValue &a : list.object().value(u"alarms"_s).toArray()) {
            if (a.toObject().value(u"component"_s).toString().isEmpty())
                alarmId = a.toObject().value(u"id"_s).toInteger();
        }
        QVERIFY2(alarmId > 0, list.body.constData());

        const qsizetype before = m_events.events.size();
        const QString expires = QDateTime::currentDateTimeUtc().addSecs(3).toString(Qt::ISODate);
        const HttpReply ack = httpsRequest(m_engine, "POST", u"/api/v1/monitor/alarms/acknowledge"_s,
                                           json({{u"ids"_s, QJsonArray{alarmId}}, {u"comment"_s, u"checking the community"_s},
                                                 {u"expiresAt"_s, expires}}),
                                           m_token);
        QCOMPARE(ack.status, 200);
        QCOMPARE(ack.object().value(u"results"_s).toArray().at(0).toObject().value(u"ok"_s), QJsonValue(true));
        QVERIFY(m_events.waitFor(before, [&](const QJsonObject &e) { return isAlarm(e, u"acknowledged"_s, id, QString()); }, 5000) >= 0);
        const qsizetype lapsed = m_events.waitFor(before, [&](const QJsonObject &e) { return isAlarm(e, u"ack-lapsed"_s, id, QString()); }, 15000);
        QVERIFY2(lapsed >= 0, "the acknowledgement did not lapse at its expiry");
        QCOMPARE(m_events.events[lapsed].value(u"detail"_s).toString(), u"expired"_s);

        const QString start = QDateTime::currentDateTimeUtc().addSecs(-60).toString(Qt::ISODate);
        const QString end = QDateTime::currentDateTimeUtc().addSecs(3600).toString(Qt::ISODate);
        const qsizetype beforeWindow = m_events.events.size();
        const HttpReply window = httpsRequest(m_engine, "POST", u"/api/v1/monitor/maintenance"_s,
                                              json({{u"title"_s, u"community change"_s}, {u"devices"_s, QJsonArray{id}},
                                                    {u"start"_s, start}, {u"end"_s, end}}),
                                              m_token);
        QVERIFY2(window.status == 201, window.body.constData());
        QVERIFY(m_events.waitFor(beforeWindow, [&](const QJsonObject &e) { return isAlarm(e, u"maintenance-started"_s, id, QString()); }, 5000) >= 0);
        const QString windowId = QString::number(window.object().value(u"id"_s).toInteger());
        const HttpReply ended = httpsRequest(m_engine, "POST", u"/api/v1/monitor/maintenance/"_s + windowId + u"/end"_s, {}, m_token);
        QVERIFY2(ended.status == 200, ended.body.constData());
        QVERIFY(ended.object().contains(u"endedAt"_s));
        QVERIFY(m_events.waitFor(beforeWindow, [&](const QJsonObject &e) { return isAlarm(e, u"maintenance-ended"_s, id, QString()); }, 5000) >= 0);
        // Kept for the SLA: the ended window is still listed with its range.
        const HttpReply past = get(u"/api/v1/monitor/maintenance?include=ended"_s);
        QVERIFY2(past.body.contains("community change"), past.body.constData());
    }

    void stillRunningAndMetricsExported()
    {
        QVERIFY(m_engine.isRunning());
        const HttpReply metrics = get(u"/metrics"_s);
        QCOMPARE(metrics.status, 200);
        QVERIFY(metrics.body.contains("registry_monitor_polls_total"));
        QVERIFY(metrics.body.contains("registry_monitor_alarms_active{severity=\"critical\"}"));
        const HttpReply status = get(u"/api/v1/status"_s);
        QVERIFY2(status.body.contains("\"monitor\""), status.body.constData());
        // No secret anywhere in what the API said or the engine logged.
        const QByteArray log = m_engine.engineLog();
        for (const QByteArray &secret : {trapCommunity, trapAuth, trapPriv, m_snmpd.community(), m_snmpd.v3AuthPassphrase(), m_snmpd.v3PrivPassphrase()})
            QVERIFY2(!log.contains(secret), secret.constData());
        QCOMPARE(m_engine.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_MonitorService)
#include "tst_monitorservice.moc"
