#include <common/enginefixture.h>
#include <net/consolesession.h>
#include <net/servertrust.h>

#include <QJsonObject>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTest>

#include <signal.h>

using namespace noc;
using namespace testsupport;
using namespace Qt::StringLiterals;

namespace {

constexpr int kConnectTimeoutMs = 60 * 1000;

bool sawEvent(const QSignalSpy &spy, const QString &type)
{
    for (const QList<QVariant> &args : spy) {
        if (args.at(0).toJsonObject().value(u"type"_s).toString() == type)
            return true;
    }
    return false;
}

QString lastDetail(const QSignalSpy &states)
{
    return states.isEmpty() ? QString() : states.constLast().at(1).toString();
}

} // namespace

// The direct-TLS half of the connection tests (the SSH half is tst_sshtunnel): ConsoleSession
// against a real registryd, with every way of trusting, or refusing, its certificate.
class tst_ConsoleSession : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void caFileConnectsAndReceivesLiveStatus();
    void unknownCertificateAsksAndRememberPinsIt();
    void approvalWithoutRememberDoesNotPin();
    void rejectedCertificateDisconnects();
    void wrongPinIsHardFailureNamingBothFingerprints();
    void wrongPasswordFailsWithoutRetrying();
    void apiGetAnswersWithTheEngineReply();
    void apiSendWritesAndAnswersWithTheEngineReply();
    void reconnectsAfterEngineRestart();
    void frozenEngineTurnsStaleThenReconnects();
    void reconnectNowSkipsTheBackoffWait();
    void reconnectNowOnAStaleLinkStartsAFreshAttempt();
    void reconnectNowIsRefusedWhenThereIsNothingToWaitFor();
    void expiredTokenLogsInAgainSilently();
    void lockedAccountFailsWithoutRetrying();
    void fullEngineIsRetriedUntilAPlaceFreesUp();

private:
    ConnectionProfile profile() const;

    EngineFixture m_engine;
    QString m_serverFingerprint;
};

void tst_ConsoleSession::initTestCase()
{
    m_engine.setConfigValue(u"management"_s, u"heartbeat"_s, u"1"_s);
    QString error;
    QVERIFY2(m_engine.start(&error), qPrintable(error));
    // Restarts (reconnectsAfterEngineRestart) must come back on the same port.
    const quint16 port = m_engine.port(u"management"_s);
    QVERIFY(port != 0);
    m_engine.setConfigValue(u"management"_s, u"listen"_s, u"127.0.0.1:"_s + QString::number(port));

    // The engine's certificate, fetched independently of the code under test.
    QSslSocket probe;
    probe.setSslConfiguration(m_engine.sslConfiguration());
    probe.connectToHostEncrypted(u"127.0.0.1"_s, port);
    QVERIFY2(probe.waitForEncrypted(30000), qPrintable(probe.errorString()));
    m_serverFingerprint = QString::fromLatin1(
        probe.peerCertificate().digest(QCryptographicHash::Sha256).toHex(':').toUpper());
    probe.disconnectFromHost();
}

void tst_ConsoleSession::cleanupTestCase()
{
    m_engine.stop();
}

ConnectionProfile tst_ConsoleSession::profile() const
{
    ConnectionProfile p;
    p.name = u"direct test"_s;
    p.transport = ConnectionProfile::Transport::DirectTls;
    p.apiHost = u"127.0.0.1"_s;
    p.apiPort = m_engine.port(u"management"_s);
    p.user = u"admin"_s;
    return p;
}

void tst_ConsoleSession::caFileConnectsAndReceivesLiveStatus()
{
    ConnectionProfile p = profile();
    p.caFile = m_engine.caCertificateFile();
    ConsoleSession session;
    session.setHeartbeatInterval(1000);
    QSignalSpy statuses(&session, &ConsoleSession::statusReceived);
    QSignalSpy events(&session, &ConsoleSession::eventReceived);
    QSignalSpy certificateApprovals(&session, &ConsoleSession::serverCertificateNeedsApproval);
    session.connectToEngine(p, m_engine.adminPassword());

    QTRY_COMPARE_WITH_TIMEOUT(session.state(), ConsoleSession::State::Connected, kConnectTimeoutMs);
    QVERIFY(!statuses.isEmpty());
    QVERIFY(!statuses.constFirst().at(0).toJsonObject().value(u"version"_s).toString().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(sawEvent(events, u"heartbeat"_s), kConnectTimeoutMs);
    QCOMPARE(certificateApprovals.count(), 0);

    session.disconnectFromEngine();
    QCOMPARE(session.state(), ConsoleSession::State::Disconnected);
}

void tst_ConsoleSession::unknownCertificateAsksAndRememberPinsIt()
{
    ConnectionProfile pinned;
    {
        ConsoleSession session;
        QSignalSpy approvals(&session, &ConsoleSession::serverCertificateNeedsApproval);
        QSignalSpy updates(&session, &ConsoleSession::profileUpdated);
        session.connectToEngine(profile(), m_engine.adminPassword());
        QVERIFY(approvals.wait(kConnectTimeoutMs));
        QCOMPARE(session.state(), ConsoleSession::State::Connecting);
        const QList<QVariant> args = approvals.constFirst();
        QCOMPARE(args.at(0).toString(), m_serverFingerprint);
        QVERIFY(!args.at(1).toString().isEmpty()); // subject
        QVERIFY(!args.at(2).toString().isEmpty()); // issuer
        QVERIFY(!args.at(3).toString().isEmpty()); // the problem, in words

        session.approveServerCertificate(true);
        QCOMPARE(updates.count(), 1);
        pinned = updates.constFirst().at(0).value<ConnectionProfile>();
        QCOMPARE(pinned.pinnedSha256, m_serverFingerprint);
        QCOMPARE(session.profile().pinnedSha256, m_serverFingerprint);
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), ConsoleSession::State::Connected, kConnectTimeoutMs);
        QCOMPARE(approvals.count(), 1);
    }
    // With the pin saved, the next connection does not ask.
    ConsoleSession again;
    QSignalSpy approvals(&again, &ConsoleSession::serverCertificateNeedsApproval);
    again.connectToEngine(pinned, m_engine.adminPassword());
    QTRY_COMPARE_WITH_TIMEOUT(again.state(), ConsoleSession::State::Connected, kConnectTimeoutMs);
    QCOMPARE(approvals.count(), 0);
}

void tst_ConsoleSession::approvalWithoutRememberDoesNotPin()
{
    ConsoleSession session;
    QSignalSpy approvals(&session, &ConsoleSession::serverCertificateNeedsApproval);
    QSignalSpy updates(&session, &ConsoleSession::profileUpdated);
    session.connectToEngine(profile(), m_engine.adminPassword());
    QVERIFY(approvals.wait(kConnectTimeoutMs));
    session.approveServerCertificate(false);
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), ConsoleSession::State::Connected, kConnectTimeoutMs);
    QCOMPARE(updates.count(), 0);
    QVERIFY(session.profile().pinnedSha256.isEmpty());
}

void tst_ConsoleSession::rejectedCertificateDisconnects()
{
    ConsoleSession session;
    QSignalSpy approvals(&session, &ConsoleSession::serverCertificateNeedsApproval);
    QSignalSpy reconnects(&session, &ConsoleSession::reconnectScheduled);
    session.connectToEngine(profile(), m_engine.adminPassword());
    QVERIFY(approvals.wait(kConnectTimeoutMs));
    session.rejectServerCertificate();
    QCOMPARE(session.state(), ConsoleSession::State::Disconnected);
    QCOMPARE(reconnects.count(), 0);
}

void tst_ConsoleSession::wrongPinIsHardFailureNamingBothFingerprints()
{
    const QString otherPin =
        u"D9:67:58:93:B3:E2:F7:96:9C:31:47:0E:AA:64:D7:2A:6E:EA:76:65:5A:42:8E:04:77:3E:6E:1B:9C:54:83:97"_s;
    QVERIFY(otherPin != m_serverFingerprint);
    ConnectionProfile p = profile();
    p.pinnedSha256 = otherPin;
    ConsoleSession session;
    QSignalSpy approvals(&session, &ConsoleSession::serverCertificateNeedsApproval);
    QSignalSpy reconnects(&session, &ConsoleSession::reconnectScheduled);
    QSignalSpy loginFailures(&session, &ConsoleSession::loginFailed);
    QSignalSpy states(&session, &ConsoleSession::stateChanged);
    session.connectToEngine(p, m_engine.adminPassword());
    QTRY_VERIFY_WITH_TIMEOUT(states.size() > 1 && session.state() == ConsoleSession::State::Disconnected,
                             kConnectTimeoutMs);
    const QString detail = lastDetail(states);
    QVERIFY2(detail.contains(otherPin), qPrintable(detail));
    QVERIFY2(detail.contains(m_serverFingerprint), qPrintable(detail));
    QCOMPARE(approvals.count(), 0);
    QCOMPARE(reconnects.count(), 0);
    QCOMPARE(loginFailures.count(), 0);
}

void tst_ConsoleSession::wrongPasswordFailsWithoutRetrying()
{
    ConnectionProfile p = profile();
    p.caFile = m_engine.caCertificateFile();
    ConsoleSession session;
    QSignalSpy loginFailures(&session, &ConsoleSession::loginFailed);
    QSignalSpy reconnects(&session, &ConsoleSession::reconnectScheduled);
    session.connectToEngine(p, m_engine.adminPassword() + u"-wrong"_s);
    QVERIFY(loginFailures.wait(kConnectTimeoutMs));
    QCOMPARE(session.state(), ConsoleSession::State::Disconnected);
    QCOMPARE(reconnects.count(), 0);

    // One wrong password does not lock the account: the right one still works.
    session.connectToEngine(p, m_engine.adminPassword());
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), ConsoleSession::State::Connected, kConnectTimeoutMs);
}

void tst_ConsoleSession::apiGetAnswersWithTheEngineReply()
{
    ConnectionProfile p = profile();
    p.caFile = m_engine.caCertificateFile();
    ConsoleSession session;
    QSignalSpy replies(&session, &ConsoleSession::apiReply);

    session.get(u"/api/v1/me"_s, u"early"_s);
    QVERIFY(replies.wait(kConnectTimeoutMs));
    QCOMPARE(replies.constFirst().at(0).toString(), u"early"_s);
    QCOMPARE(replies.constFirst().at(1).toInt(), 0);
    replies.clear();

    session.connectToEngine(p, m_engine.adminPassword());
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), ConsoleSession::State::Connected, kConnectTimeoutMs);
    session.get(u"/api/v1/me"_s, u"me"_s);
    QVERIFY(replies.wait(kConnectTimeoutMs));
    QCOMPARE(replies.constFirst().at(0).toString(), u"me"_s);
    QCOMPARE(replies.constFirst().at(1).toInt(), 200);
    QCOMPARE(replies.constFirst().at(2).toJsonObject().value(u"user"_s).toString(), u"admin"_s);

    replies.clear();
    session.get(u"//evil.example/steal"_s, u"foreign"_s);
    QVERIFY(replies.wait(kConnectTimeoutMs));
    QCOMPARE(replies.constFirst().at(1).toInt(), 0);
}

void tst_ConsoleSession::apiSendWritesAndAnswersWithTheEngineReply()
{
    ConnectionProfile p = profile();
    p.caFile = m_engine.caCertificateFile();
    ConsoleSession session;
    QSignalSpy replies(&session, &ConsoleSession::apiReply);
    session.connectToEngine(p, m_engine.adminPassword());
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), ConsoleSession::State::Connected, kConnectTimeoutMs);

    const QJsonObject site{{u"code"_s, u"sendtest"_s}, {u"name"_s, u"Send test"_s}, {u"role"_s, u"nameserver"_s}};
    session.send("POST", u"/api/v1/monitor/sites"_s, site, u"create"_s);
    QVERIFY(replies.wait(kConnectTimeoutMs));
    QCOMPARE(replies.constFirst().at(0).toString(), u"create"_s);
    QCOMPARE(replies.constFirst().at(1).toInt(), 201);

    replies.clear();
    session.send("PATCH", u"/api/v1/monitor/sites/sendtest"_s, QJsonObject{{u"name"_s, u"Renamed"_s}}, u"patch"_s);
    QVERIFY(replies.wait(kConnectTimeoutMs));
    QCOMPARE(replies.constFirst().at(1).toInt(), 200);
    session.get(u"/api/v1/monitor/sites/sendtest"_s, u"read"_s);
    QTRY_COMPARE_WITH_TIMEOUT(replies.size(), 2, kConnectTimeoutMs);
    QCOMPARE(replies.at(1).at(2).toJsonObject().value(u"name"_s).toString(), u"Renamed"_s);

    // An engine error comes back as the engine's answer: a malformed body is refused and changes nothing.
    replies.clear();
    session.send("POST", u"/api/v1/monitor/sites"_s, QJsonObject{{u"code"_s, u"bad code!"_s}}, u"bad"_s);
    QVERIFY(replies.wait(kConnectTimeoutMs));
    QCOMPARE(replies.constFirst().at(1).toInt(), 400);
    QVERIFY(!replies.constFirst().at(2).toJsonObject().value(u"error"_s).toObject().value(u"message"_s).toString().isEmpty());

    replies.clear();
    session.send("DELETE", u"/api/v1/monitor/sites/sendtest"_s, {}, u"delete"_s);
    QVERIFY(replies.wait(kConnectTimeoutMs));
    QCOMPARE(replies.constFirst().at(1).toInt(), 204);

    // Reads go through get(); send() refuses a method it does not write with, without a request.
    replies.clear();
    session.send("GET", u"/api/v1/me"_s, {}, u"get"_s);
    QVERIFY(replies.wait(kConnectTimeoutMs));
    QCOMPARE(replies.constFirst().at(1).toInt(), 0);
}

void tst_ConsoleSession::reconnectsAfterEngineRestart()
{
    ConnectionProfile p = profile();
    p.caFile = m_engine.caCertificateFile();
    ConsoleSession session;
    session.setHeartbeatInterval(1000);
    QSignalSpy reconnects(&session, &ConsoleSession::reconnectScheduled);
    QSignalSpy loginFailures(&session, &ConsoleSession::loginFailed);
    session.connectToEngine(p, m_engine.adminPassword());
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), ConsoleSession::State::Connected, kConnectTimeoutMs);

    QCOMPARE(m_engine.stop(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(reconnects.count() > 0, kConnectTimeoutMs);
    QVERIFY(session.state() == ConsoleSession::State::Reconnecting
            || session.state() == ConsoleSession::State::Connecting
            || session.state() == ConsoleSession::State::Authenticating);
    QVERIFY(reconnects.constFirst().at(0).toInt() > 0);

    QString error;
    QVERIFY2(m_engine.start(&error), qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), ConsoleSession::State::Connected, 2 * kConnectTimeoutMs);
    QCOMPARE(loginFailures.count(), 0);
}

void tst_ConsoleSession::frozenEngineTurnsStaleThenReconnects()
{
    ConnectionProfile p = profile();
    p.caFile = m_engine.caCertificateFile();
    ConsoleSession session;
    session.setHeartbeatInterval(1000); // the engine runs with heartbeat = 1 s
    QSignalSpy reconnects(&session, &ConsoleSession::reconnectScheduled);
    session.connectToEngine(p, m_engine.adminPassword());
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), ConsoleSession::State::Connected, kConnectTimeoutMs);

    // A stopped (not killed) engine keeps its sockets open but says nothing: only the heartbeat
    // watchdog can notice.
    const auto pid = pid_t(m_engine.processId());
    QVERIFY(pid > 0);
    QCOMPARE(::kill(pid, SIGSTOP), 0);
    auto resume = qScopeGuard([pid] { ::kill(pid, SIGCONT); });
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), ConsoleSession::State::Stale, kConnectTimeoutMs);
    QCOMPARE(reconnects.count(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(reconnects.count() > 0, kConnectTimeoutMs);

    resume.dismiss();
    QCOMPARE(::kill(pid, SIGCONT), 0);
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), ConsoleSession::State::Connected, 2 * kConnectTimeoutMs);
}

void tst_ConsoleSession::reconnectNowSkipsTheBackoffWait()
{
    constexpr int kTenMinutes = 10 * 60 * 1000;
    ConnectionProfile p = profile();
    p.caFile = m_engine.caCertificateFile();
    ConsoleSession session;
    session.setHeartbeatInterval(1000);
    // Every automatic retry waits ten minutes (+/-20 %), far beyond any time-out below: whatever
    // connects in this test was started by reconnectNow().
    session.setReconnectDelays(kTenMinutes, kTenMinutes);
    QSignalSpy reconnects(&session, &ConsoleSession::reconnectScheduled);
    QSignalSpy loginFailures(&session, &ConsoleSession::loginFailed);
    session.connectToEngine(p, m_engine.adminPassword());
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), ConsoleSession::State::Connected, kConnectTimeoutMs);
    QVERIFY(!session.canReconnectNow());

    QCOMPARE(m_engine.stop(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), ConsoleSession::State::Reconnecting, kConnectTimeoutMs);
    QCOMPARE(reconnects.count(), 1);
    QVERIFY(reconnects.constLast().at(0).toInt() >= kTenMinutes * 8 / 10);
    QVERIFY(session.canReconnectNow());

    // With the engine still down the attempt fails and the back-off takes over again; the
    // password is still at hand and nothing counts as a failed login.
    QVERIFY(session.reconnectNow());
    QVERIFY(session.state() != ConsoleSession::State::Reconnecting);
    QTRY_COMPARE_WITH_TIMEOUT(reconnects.count(), 2, kConnectTimeoutMs);
    QCOMPARE(session.state(), ConsoleSession::State::Reconnecting);
    QVERIFY(reconnects.constLast().at(0).toInt() >= kTenMinutes * 8 / 10);

    QString error;
    QVERIFY2(m_engine.start(&error), qPrintable(error));
    QCOMPARE(session.state(), ConsoleSession::State::Reconnecting);
    QVERIFY(session.reconnectNow());
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), ConsoleSession::State::Connected, kConnectTimeoutMs);
    QCOMPARE(reconnects.count(), 2);
    QCOMPARE(loginFailures.count(), 0);
    QVERIFY(!session.lastStatus().isEmpty());
    QVERIFY(!session.canReconnectNow());
}

void tst_ConsoleSession::reconnectNowOnAStaleLinkStartsAFreshAttempt()
{
    ConnectionProfile p = profile();
    p.caFile = m_engine.caCertificateFile();
    ConsoleSession session;
    session.setHeartbeatInterval(1000);
    QSignalSpy states(&session, &ConsoleSession::stateChanged);
    QSignalSpy loginFailures(&session, &ConsoleSession::loginFailed);
    session.connectToEngine(p, m_engine.adminPassword());
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), ConsoleSession::State::Connected, kConnectTimeoutMs);

    const auto pid = pid_t(m_engine.processId());
    QVERIFY(pid > 0);
    QCOMPARE(::kill(pid, SIGSTOP), 0);
    auto resume = qScopeGuard([pid] { ::kill(pid, SIGCONT); });
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), ConsoleSession::State::Stale, kConnectTimeoutMs);
    QVERIFY(session.canReconnectNow());

    // The silent link is dropped at once, not after six heartbeat intervals.
    states.clear();
    QVERIFY(session.reconnectNow());
    QVERIFY(!states.isEmpty());
    QCOMPARE(states.constFirst().at(0).value<ConsoleSession::State>(), ConsoleSession::State::Connecting);
    QVERIFY(session.state() == ConsoleSession::State::Connecting
            || session.state() == ConsoleSession::State::Authenticating);

    resume.dismiss();
    QCOMPARE(::kill(pid, SIGCONT), 0);
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), ConsoleSession::State::Connected, 2 * kConnectTimeoutMs);
    QCOMPARE(loginFailures.count(), 0);
}

void tst_ConsoleSession::reconnectNowIsRefusedWhenThereIsNothingToWaitFor()
{
    ConnectionProfile p = profile();
    p.caFile = m_engine.caCertificateFile();
    ConsoleSession session;
    QSignalSpy states(&session, &ConsoleSession::stateChanged);

    // Never connected: there are no secrets to reconnect with.
    QVERIFY(!session.canReconnectNow());
    QVERIFY(!session.reconnectNow());
    QCOMPARE(session.state(), ConsoleSession::State::Disconnected);
    QCOMPARE(states.count(), 0);

    session.connectToEngine(p, m_engine.adminPassword());
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), ConsoleSession::State::Connected, kConnectTimeoutMs);
    states.clear();
    QVERIFY(!session.reconnectNow());
    QCOMPARE(session.state(), ConsoleSession::State::Connected);
    QCOMPARE(states.count(), 0);

    // After a deliberate disconnect the secrets are gone; nothing may bring the link back.
    session.disconnectFromEngine();
    states.clear();
    QVERIFY(!session.reconnectNow());
    QCOMPARE(session.state(), ConsoleSession::State::Disconnected);
    QCOMPARE(states.count(), 0);
}

void tst_ConsoleSession::expiredTokenLogsInAgainSilently()
{
    // An engine of its own: tokens live 5 s (the shortest allowed), so the event stream is closed
    // with 4001 while the test watches.
    EngineFixture engine;
    engine.setInitArguments({});
    engine.setConfigValue(u"management"_s, u"token_lifetime"_s, u"5"_s);
    engine.setConfigValue(u"management"_s, u"heartbeat"_s, u"1"_s);
    QString error;
    QVERIFY2(engine.start(&error), qPrintable(error));

    ConnectionProfile p = profile();
    p.apiPort = engine.port(u"management"_s);
    p.caFile = engine.caCertificateFile();
    ConsoleSession session;
    session.setHeartbeatInterval(1000);
    QSignalSpy states(&session, &ConsoleSession::stateChanged);
    QSignalSpy reconnects(&session, &ConsoleSession::reconnectScheduled);
    QSignalSpy loginFailures(&session, &ConsoleSession::loginFailed);
    session.connectToEngine(p, engine.adminPassword());
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), ConsoleSession::State::Connected, kConnectTimeoutMs);

    auto timesConnected = [&states] {
        int count = 0;
        for (const QList<QVariant> &args : std::as_const(states)) {
            if (args.at(0).value<ConsoleSession::State>() == ConsoleSession::State::Connected)
                ++count;
        }
        return count;
    };
    QTRY_VERIFY_WITH_TIMEOUT(timesConnected() >= 2, kConnectTimeoutMs);
    QCOMPARE(session.state(), ConsoleSession::State::Connected);
    QCOMPARE(reconnects.count(), 0);
    QCOMPARE(loginFailures.count(), 0);
}

void tst_ConsoleSession::lockedAccountFailsWithoutRetrying()
{
    EngineFixture engine;
    engine.setInitArguments({});
    engine.setConfigValue(u"management"_s, u"max_failed_logins"_s, u"2"_s);
    QString error;
    QVERIFY2(engine.start(&error), qPrintable(error));
    ConnectionProfile p = profile();
    p.apiPort = engine.port(u"management"_s);
    p.caFile = engine.caCertificateFile();

    ConsoleSession session;
    QSignalSpy loginFailures(&session, &ConsoleSession::loginFailed);
    QSignalSpy reconnects(&session, &ConsoleSession::reconnectScheduled);
    for (int i = 0; i < 2; ++i) {
        session.connectToEngine(p, u"not-the-password-1"_s);
        QVERIFY(loginFailures.wait(kConnectTimeoutMs));
        QCOMPARE(session.state(), ConsoleSession::State::Disconnected);
    }
    session.connectToEngine(p, engine.adminPassword());
    QVERIFY(loginFailures.wait(kConnectTimeoutMs));
    QCOMPARE(session.state(), ConsoleSession::State::Disconnected);
    const QString message = loginFailures.constLast().at(0).toString();
    QVERIFY2(message.contains(u"locked"_s), qPrintable(message));
    QCOMPARE(reconnects.count(), 0);
}

void tst_ConsoleSession::fullEngineIsRetriedUntilAPlaceFreesUp()
{
    // An engine of its own that serves one console: the second is told "try again later" (4013).
    EngineFixture engine;
    engine.setConfigValue(u"management"_s, u"max_event_clients"_s, u"1"_s);
    QString error;
    QVERIFY2(engine.start(&error), qPrintable(error));
    ConnectionProfile p = profile();
    p.apiPort = engine.port(u"management"_s);
    p.caFile = engine.caCertificateFile();

    ConsoleSession first;
    first.connectToEngine(p, engine.adminPassword());
    QTRY_COMPARE_WITH_TIMEOUT(first.state(), ConsoleSession::State::Connected, 30000);

    ConsoleSession second;
    QSignalSpy states(&second, &ConsoleSession::stateChanged);
    QSignalSpy loginFailures(&second, &ConsoleSession::loginFailed);
    second.connectToEngine(p, engine.adminPassword());
    QTRY_VERIFY_WITH_TIMEOUT(second.state() == ConsoleSession::State::Reconnecting, 30000);
    const QString detail = states.constLast().at(1).toString();
    QVERIFY2(detail.contains(u"too many consoles"_s), qPrintable(detail));
    QCOMPARE(loginFailures.count(), 0);

    first.disconnectFromEngine();
    QTRY_COMPARE_WITH_TIMEOUT(second.state(), ConsoleSession::State::Connected, 60000);
    second.disconnectFromEngine();
    engine.stop();
}

QTEST_GUILESS_MAIN(tst_ConsoleSession)
#include "tst_consolesession.moc"
