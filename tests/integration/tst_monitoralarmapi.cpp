// The alarm endpoints through a real ManagementServer started in-process (HTTPS on 127.0.0.1 with a
// certificate from the development CA, a temporary SQLite store, a real AlarmEngine on a
// ManualClock): 503 while monitoring is off, routes, tokens and permissions per role, the worker-
// thread reads, and the audit rows. registryd does not wire the engine to the API yet (the
// MonitorService composition does), so this test builds the server itself.
#include "unit/monitor/alarmtestfixture.h"

#include "admin/managementserver.h"
#include "admin/useraccounts.h"
#include "setup/developmentpki.h"

#include "core/servicestatus.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSslConfiguration>

using namespace reg;
using namespace reg::monitor;
using namespace alarmtest;
using namespace Qt::StringLiterals;

class tst_MonitorAlarmApi : public QObject
{
    Q_OBJECT
private:
    struct Reply
    {
        int status = 0;
        QJsonObject body;
    };

    Fixture m_f;
    ServiceStatusBoard m_board;
    std::unique_ptr<admin::ManagementServer> m_server;
    QNetworkAccessManager m_network;
    QSslConfiguration m_tls = QSslConfiguration::defaultConfiguration();
    QHash<QString, QByteArray> m_tokens;

    Reply call(const QByteArray &method, const QString &path, const QByteArray &body = {}, const QString &role = u"noc"_s)
    {
        QNetworkRequest request(QUrl(u"https://127.0.0.1:%1%2"_s.arg(m_server->boundAddress().port).arg(path)));
        request.setSslConfiguration(m_tls);
        if (m_tokens.contains(role))
            request.setRawHeader("Authorization", "Bearer " + m_tokens.value(role));
        if (!body.isEmpty())
            request.setRawHeader("Content-Type", "application/json");
        QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!finished.wait(30000))
            qWarning("%s %s: no answer", method.constData(), qPrintable(path));
        Reply r{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), QJsonDocument::fromJson(reply->readAll()).object()};
        if (reply->error() != QNetworkReply::NoError && r.status == 0)
            qWarning("%s", qPrintable(reply->errorString()));
        reply->deleteLater();
        return r;
    }
    int audited(const QString &user, const QString &action, const QString &outcome)
    {
        m_f.sync();
        auto count = m_f.reader->queryValue(u"SELECT COUNT(*) FROM audit_log WHERE actor = ? AND action = ? AND outcome = ?"_s,
                                            {user, action, outcome});
        return count ? count->toInt() : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        auto ca = setup::DevelopmentCa::create(u"alarm api test CA"_s, now);
        QVERIFY(ca.ok());
        auto server = ca->issueServer(setup::defaultServerIdentity(), now);
        QVERIFY(server.ok());
        const QString certFile = m_f.dir.filePath(u"server.pem"_s);
        const QString keyFile = m_f.dir.filePath(u"server.key"_s);
        for (const auto &[file, pem] : {std::pair{certFile, server->certificatePem}, std::pair{keyFile, server->privateKeyPem}}) {
            QFile out(file);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(pem);
        }
        m_tls.setCaCertificates(QSslCertificate::fromData(ca->authority().certificatePem));

        EngineConfig config;
        config.dataDir = m_f.dir.path();
        config.tls.certificateFile = certFile;
        config.tls.keyFile = keyFile;
        config.management.service.name = u"management"_s;
        config.management.service.listen = ListenAddress{QHostAddress::LocalHost, 0};
        m_server = std::make_unique<admin::ManagementServer>(config, *m_f.store, m_board, m_f.clock);
        auto started = m_server->start();
        QVERIFY2(started.ok(), started ? "" : qPrintable(started.error().message));

        admin::UserAccounts accounts(*m_f.store, m_f.clock);
        const QList<std::pair<QString, admin::Role>> users{
            {u"noc"_s, admin::Role::Noc}, {u"helpdesk"_s, admin::Role::HelpdeskTier1}, {u"manager"_s, admin::Role::Manager}};
        for (const auto &[role, value] : users) {
            const QString password = u"Pass-%1-2026-x!"_s.arg(role);
            const QString user = role + u"user"_s;
            auto created = accounts.createUser(user, password, {value}, u"test"_s);
            QVERIFY2(created.ok(), created ? "" : qPrintable(created.error().message));
            const Reply login = call("POST", u"/api/v1/login"_s,
                                     QJsonDocument(QJsonObject{{u"user"_s, user}, {u"password"_s, password}}).toJson());
            QCOMPARE(login.status, 200);
            m_tokens.insert(role, login.body.value(u"token"_s).toString().toLatin1());
        }
    }

    void answers503WhileMonitoringIsOff()
    {
        QCOMPARE(call("GET", u"/api/v1/monitor/alarms"_s, {}, u"nobody"_s).status, 401);   // a token first
        const Reply off = call("GET", u"/api/v1/monitor/alarms"_s);
        QCOMPARE(off.status, 503);
        QCOMPARE(off.body.value(u"error"_s).toObject().value(u"message"_s).toString(), u"monitoring is not running"_s);
        QCOMPARE(call("POST", u"/api/v1/monitor/maintenance/1/end"_s).status, 503);
    }

    void routesByRoleOnceMonitoringRuns()
    {
        m_server->setAlarmEngine(m_f.engine.get(), [](const QString &id) { return id == u"core-r1" ? u"Core router 1"_s : QString(); });
        m_f.engine->raiseNow(kRouter, Severity::Critical, u"no answer"_s);
        const qint64 id = m_f.engine->activeAlarm(kRouter)->id;

        const Reply list = call("GET", u"/api/v1/monitor/alarms"_s, {}, u"manager"_s);   // every role looks
        QCOMPARE(list.status, 200);
        QCOMPARE(list.body.value(u"alarms"_s).toArray().size(), 1);
        QCOMPARE(list.body.value(u"alarms"_s).toArray()[0].toObject().value(u"deviceName"_s).toString(), u"Core router 1"_s);

        const QByteArray ack = QJsonDocument(QJsonObject{{u"ids"_s, QJsonArray{id}}, {u"comment"_s, u"on it"_s}}).toJson();
        QCOMPARE(call("POST", u"/api/v1/monitor/alarms/acknowledge"_s, ack, u"manager"_s).status, 403);
        QVERIFY(!m_f.engine->activeAlarm(id)->acknowledgement);
        const Reply taken = call("POST", u"/api/v1/monitor/alarms/acknowledge"_s, ack, u"helpdesk"_s);   // the help desk takes alarms
        QCOMPARE(taken.status, 200);
        QCOMPARE(taken.body.value(u"results"_s).toArray()[0].toObject().value(u"ok"_s).toBool(), true);
        QCOMPARE(m_f.engine->activeAlarm(id)->acknowledgement->by, u"helpdeskuser"_s);
        QTRY_COMPARE(audited(u"helpdeskuser"_s, u"monitor.alarm.acknowledge"_s, u"success"_s), 1);
        QCOMPARE(call("PUT", u"/api/v1/monitor/alarms/acknowledge"_s, ack).status, 405);
        QCOMPARE(call("POST", u"/api/v1/monitor/alarms/acknowledge"_s, "{\"ids\":[]}").status, 400);
        QCOMPARE(call("GET", u"/api/v1/monitor/alarms?limit=5"_s).status, 400);

        // Read on the registry worker thread: the history, acknowledged by the help desk.
        const Reply one = call("GET", u"/api/v1/monitor/alarms/%1"_s.arg(id), {}, u"manager"_s);
        QCOMPARE(one.status, 200);
        QCOMPARE(one.body.value(u"deviceName"_s).toString(), u"Core router 1"_s);
        QCOMPARE(one.body.value(u"history"_s).toArray().size(), 2);
        QCOMPARE(call("GET", u"/api/v1/monitor/alarms/999"_s).status, 404);

        const QByteArray window = QJsonDocument(QJsonObject{{u"devices"_s, QJsonArray{u"core-r1"_s}},
                                                            {u"start"_s, u"2026-03-02T12:00:00Z"_s},
                                                            {u"end"_s, u"2026-03-02T13:00:00Z"_s}})
                                      .toJson();
        QCOMPARE(call("POST", u"/api/v1/monitor/maintenance"_s, window, u"helpdesk"_s).status, 403);
        const Reply created = call("POST", u"/api/v1/monitor/maintenance"_s, window);
        QCOMPARE(created.status, 201);
        QVERIFY(m_f.engine->activeAlarm(id)->inMaintenance);
        const qint64 windowId = created.body.value(u"id"_s).toInteger();
        QCOMPARE(call("GET", u"/api/v1/monitor/maintenance"_s, {}, u"manager"_s).body.value(u"windows"_s).toArray().size(), 1);
        QCOMPARE(call("POST", u"/api/v1/monitor/maintenance/%1/end"_s.arg(windowId), {}, u"manager"_s).status, 403);
        m_f.clock.advance(10 * kMinute);
        const Reply ended = call("POST", u"/api/v1/monitor/maintenance/%1/end"_s.arg(windowId));
        QCOMPARE(ended.status, 200);
        QVERIFY(ended.body.contains(u"endedAt"_s));
        QVERIFY(!m_f.engine->activeAlarm(id)->inMaintenance);
        QTRY_COMPARE(audited(u"nocuser"_s, u"monitor.maintenance.create"_s, u"success"_s), 1);
        QTRY_COMPARE(audited(u"nocuser"_s, u"monitor.maintenance.end"_s, u"success"_s), 1);
        QCOMPARE(call("GET", u"/api/v1/monitor/maintenance?include=ended"_s).body.value(u"windows"_s).toArray().size(), 1);

        QCOMPARE(call("GET", u"/api/v1/monitor/traps?limit=10"_s, {}, u"helpdesk"_s).status, 200);
        QCOMPARE(call("GET", u"/api/v1/monitor/probes?service=whois"_s).body.value(u"results"_s).toArray().size(), 0);
        QCOMPARE(call("GET", u"/api/v1/monitor/sites"_s).status, 200);   // the inventory's routes are still there
    }

    void answers503AfterTheEngineIsGone()
    {
        m_server->setAlarmEngine(nullptr, {});
        QCOMPARE(call("GET", u"/api/v1/monitor/alarms/1"_s).status, 503);
    }

    void cleanupTestCase()
    {
        if (m_server)
            m_server->shutdown(u"test over"_s);
    }
};

QTEST_GUILESS_MAIN(tst_MonitorAlarmApi)
#include "tst_monitoralarmapi.moc"
