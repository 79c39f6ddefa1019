#include "sshdserver.h"

#include <common/enginefixture.h>
#include <net/consolesession.h>

#include <QFile>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

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

} // namespace

// ConsoleSession through an SshTunnel: a real OpenSSH sshd on loopback forwards to a real registryd.
// The throw-away password the test sshd accepts for the test user (see SshdServer::enablePasswordLogin).
const QString kSshPassword = u"tunnel-pass-7"_s;

class tst_SshTunnel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void connectsThroughTunnelAndReceivesLiveStatus();
    void unknownHostKeyAsksAndRememberAddsItToKnownHosts();
    void approvalWithoutRememberLeavesKnownHostsAlone();
    void rejectedHostKeyDisconnects();
    void changedHostKeyIsRefusedWithoutAsking();
    void refusedUserKeyStopsWithoutRetrying();
    void passphraseProtectedKey_data();
    void passphraseProtectedKey();
    void passwordLogin_data();
    void passwordLogin();
    void reconnectsThroughANewTunnelAfterEngineRestart();

private:
    ConnectionProfile profile(const QString &knownHostsFile) const;
    QString knownHostsPath(const QString &name) const { return m_dir.filePath(name); }
    void expectSshLogin(const ConnectionProfile &p, const QString &sshSecret, bool accepted, const QString &what);
    bool writeKnownHosts(const QString &path, const QByteArray &content);

    EngineFixture m_engine;
    SshdServer m_sshd;
    QTemporaryDir m_dir;
};

void tst_SshTunnel::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_engine.setConfigValue(u"management"_s, u"heartbeat"_s, u"1"_s);
    QString error;
    QVERIFY2(m_engine.start(&error), qPrintable(error));
    // Restarts must come back on the same port: the tunnel forwards to a fixed address.
    const quint16 port = m_engine.port(u"management"_s);
    QVERIFY(port != 0);
    m_engine.setConfigValue(u"management"_s, u"listen"_s, u"127.0.0.1:"_s + QString::number(port));
    m_sshd.enablePasswordLogin(kSshPassword);
    QVERIFY2(m_sshd.start(&error), qPrintable(error));
}

void tst_SshTunnel::cleanupTestCase()
{
    m_sshd.stop();
    m_engine.stop();
}

void tst_SshTunnel::init()
{
    // Regression: the tunnel worker's pump timer once stayed on the GUI thread, so it never ran.
    QTest::failOnWarning(QRegularExpression(u"from another thread|in a different thread"_s));
}

ConnectionProfile tst_SshTunnel::profile(const QString &knownHostsFile) const
{
    ConnectionProfile p;
    p.name = u"tunnel test"_s;
    p.transport = ConnectionProfile::Transport::SshTunnel;
    p.apiHost = u"127.0.0.1"_s;
    p.apiPort = m_engine.port(u"management"_s);
    p.user = u"admin"_s;
    p.caFile = m_engine.caCertificateFile();
    p.sshHost = u"127.0.0.1"_s;
    p.sshPort = m_sshd.port();
    p.sshUser = m_sshd.userName();
    p.sshAuth = ConnectionProfile::SshAuth::PublicKey;
    p.sshKeyFile = m_sshd.userKeyFile();
    p.knownHostsFile = knownHostsFile;
    return p;
}

bool tst_SshTunnel::writeKnownHosts(const QString &path, const QByteArray &content)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(content) == content.size();
}

void tst_SshTunnel::connectsThroughTunnelAndReceivesLiveStatus()
{
    const QString knownHosts = knownHostsPath(u"known_hosts_ok"_s);
    QVERIFY(writeKnownHosts(knownHosts, m_sshd.knownHostsLine()));

    ConsoleSession session;
    session.setHeartbeatInterval(1000);
    QSignalSpy statuses(&session, &ConsoleSession::statusReceived);
    QSignalSpy events(&session, &ConsoleSession::eventReceived);
    QSignalSpy approvals(&session, &ConsoleSession::hostKeyNeedsApproval);
    QSignalSpy loginFailures(&session, &ConsoleSession::loginFailed);
    session.connectToEngine(profile(knownHosts), m_engine.adminPassword());

    QTRY_COMPARE_WITH_TIMEOUT(session.state(), ConsoleSession::State::Connected, kConnectTimeoutMs);
    QVERIFY(!statuses.isEmpty());
    const QJsonObject status = statuses.constFirst().at(0).toJsonObject();
    QVERIFY2(!status.value(u"version"_s).toString().isEmpty(), QJsonDocument(status).toJson().constData());
    QVERIFY(status.value(u"services"_s).isArray());
    QVERIFY(status.value(u"journal"_s).toObject().contains(u"head"_s));

    QTRY_VERIFY_WITH_TIMEOUT(sawEvent(events, u"hello"_s), kConnectTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(sawEvent(events, u"heartbeat"_s), kConnectTimeoutMs);
    QCOMPARE(approvals.count(), 0);
    QCOMPARE(loginFailures.count(), 0);
    QVERIFY(!session.lastStatus().isEmpty());

    session.disconnectFromEngine();
    QCOMPARE(session.state(), ConsoleSession::State::Disconnected);
}

void tst_SshTunnel::unknownHostKeyAsksAndRememberAddsItToKnownHosts()
{
    const QString knownHosts = knownHostsPath(u"known_hosts_new"_s);
    QFile::remove(knownHosts);
    {
        ConsoleSession session;
        QSignalSpy approvals(&session, &ConsoleSession::hostKeyNeedsApproval);
        session.connectToEngine(profile(knownHosts), m_engine.adminPassword());
        QVERIFY(approvals.wait(kConnectTimeoutMs));
        QCOMPARE(session.state(), ConsoleSession::State::Connecting);
        const QList<QVariant> args = approvals.constFirst();
        QCOMPARE(args.at(0).toString(), u"[127.0.0.1]:"_s + QString::number(m_sshd.port()));
        QCOMPARE(args.at(1).toString(), m_sshd.hostKeyType());
        QCOMPARE(args.at(2).toString(), m_sshd.hostKeyFingerprint());

        session.approveHostKey(true);
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), ConsoleSession::State::Connected, kConnectTimeoutMs);
        session.disconnectFromEngine();
    }
    QFile file(knownHosts);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray written = file.readAll();
    const QByteArray keyBlob = m_sshd.knownHostsLine().trimmed().split(' ').last();
    QVERIFY2(written.contains(keyBlob), written.constData());

    // Remembered: the next connection goes through without asking.
    ConsoleSession again;
    QSignalSpy approvals(&again, &ConsoleSession::hostKeyNeedsApproval);
    again.connectToEngine(profile(knownHosts), m_engine.adminPassword());
    QTRY_COMPARE_WITH_TIMEOUT(again.state(), ConsoleSession::State::Connected, kConnectTimeoutMs);
    QCOMPARE(approvals.count(), 0);
}

void tst_SshTunnel::approvalWithoutRememberLeavesKnownHostsAlone()
{
    const QString knownHosts = knownHostsPath(u"known_hosts_once"_s);
    QFile::remove(knownHosts);
    ConsoleSession session;
    QSignalSpy approvals(&session, &ConsoleSession::hostKeyNeedsApproval);
    session.connectToEngine(profile(knownHosts), m_engine.adminPassword());
    QVERIFY(approvals.wait(kConnectTimeoutMs));
    session.approveHostKey(false);
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), ConsoleSession::State::Connected, kConnectTimeoutMs);
    QFile file(knownHosts);
    QVERIFY(!file.exists() || (file.open(QIODevice::ReadOnly) && file.readAll().trimmed().isEmpty()));
}

void tst_SshTunnel::rejectedHostKeyDisconnects()
{
    const QString knownHosts = knownHostsPath(u"known_hosts_reject"_s);
    QFile::remove(knownHosts);
    ConsoleSession session;
    QSignalSpy approvals(&session, &ConsoleSession::hostKeyNeedsApproval);
    QSignalSpy reconnects(&session, &ConsoleSession::reconnectScheduled);
    session.connectToEngine(profile(knownHosts), m_engine.adminPassword());
    QVERIFY(approvals.wait(kConnectTimeoutMs));
    session.rejectHostKey();
    QCOMPARE(session.state(), ConsoleSession::State::Disconnected);
    QCOMPARE(reconnects.count(), 0);
    QVERIFY(!QFile::exists(knownHosts));
}

void tst_SshTunnel::changedHostKeyIsRefusedWithoutAsking()
{
    QString error;
    const QByteArray impostor = m_sshd.impostorKnownHostsLine(&error);
    QVERIFY2(!impostor.isEmpty(), qPrintable(error));
    const QString knownHosts = knownHostsPath(u"known_hosts_changed"_s);
    QVERIFY(writeKnownHosts(knownHosts, impostor));

    ConsoleSession session;
    QSignalSpy approvals(&session, &ConsoleSession::hostKeyNeedsApproval);
    QSignalSpy reconnects(&session, &ConsoleSession::reconnectScheduled);
    QSignalSpy states(&session, &ConsoleSession::stateChanged);
    session.connectToEngine(profile(knownHosts), m_engine.adminPassword());
    QTRY_VERIFY_WITH_TIMEOUT(!states.isEmpty() && session.state() == ConsoleSession::State::Disconnected,
                             kConnectTimeoutMs);
    const QString detail = states.constLast().at(1).toString();
    QVERIFY2(detail.contains(m_sshd.hostKeyFingerprint()), qPrintable(detail));
    QVERIFY2(detail.contains(u"man-in-the-middle"_s), qPrintable(detail));
    QCOMPARE(approvals.count(), 0);
    QCOMPARE(reconnects.count(), 0);
    // known_hosts is left exactly as it was.
    QFile file(knownHosts);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), impostor);
}

void tst_SshTunnel::refusedUserKeyStopsWithoutRetrying()
{
    QString error;
    const QString stranger = m_sshd.strangerKeyFile(&error);
    QVERIFY2(!stranger.isEmpty(), qPrintable(error));
    const QString knownHosts = knownHostsPath(u"known_hosts_stranger"_s);
    QVERIFY(writeKnownHosts(knownHosts, m_sshd.knownHostsLine()));

    ConnectionProfile p = profile(knownHosts);
    p.sshKeyFile = stranger;
    ConsoleSession session;
    QSignalSpy reconnects(&session, &ConsoleSession::reconnectScheduled);
    QSignalSpy states(&session, &ConsoleSession::stateChanged);
    session.connectToEngine(p, m_engine.adminPassword());
    QTRY_VERIFY_WITH_TIMEOUT(!states.isEmpty() && session.state() == ConsoleSession::State::Disconnected,
                             kConnectTimeoutMs);
    const QString detail = states.constLast().at(1).toString();
    QVERIFY2(detail.contains(u"refused"_s), qPrintable(detail));
    QCOMPARE(reconnects.count(), 0);
}

void tst_SshTunnel::passphraseProtectedKey_data()
{
    QTest::addColumn<QString>("passphrase");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("right passphrase") << u"correct horse 42"_s << true;
    QTest::newRow("wrong passphrase") << u"wrong horse 42"_s << false;
    QTest::newRow("no passphrase") << QString() << false;
}

void tst_SshTunnel::passphraseProtectedKey()
{
    QFETCH(QString, passphrase);
    QFETCH(bool, accepted);
    QString error;
    const QString keyFile = m_sshd.encryptedUserKeyFile(u"correct horse 42"_s, &error);
    QVERIFY2(!keyFile.isEmpty(), qPrintable(error));
    const QString knownHosts = knownHostsPath(u"known_hosts_passphrase"_s);
    QVERIFY(writeKnownHosts(knownHosts, m_sshd.knownHostsLine()));

    ConnectionProfile p = profile(knownHosts);
    p.sshKeyFile = keyFile;
    expectSshLogin(p, passphrase, accepted, u"passphrase"_s);
}

// Connects with the SSH secret; accepted: reaches Connected with live status; refused: stops with a
// message naming `what`, and is not retried (repeating a wrong secret would only lock the account).
void tst_SshTunnel::expectSshLogin(const ConnectionProfile &p, const QString &sshSecret, bool accepted, const QString &what)
{
    ConsoleSession session;
    QSignalSpy reconnects(&session, &ConsoleSession::reconnectScheduled);
    QSignalSpy states(&session, &ConsoleSession::stateChanged);
    session.connectToEngine(p, m_engine.adminPassword(), sshSecret);
    if (accepted) {
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), ConsoleSession::State::Connected, kConnectTimeoutMs);
        QVERIFY(!session.lastStatus().isEmpty());
        return;
    }
    QTRY_VERIFY_WITH_TIMEOUT(states.size() > 1 && session.state() == ConsoleSession::State::Disconnected,
                             kConnectTimeoutMs);
    const QString detail = states.constLast().at(1).toString();
    QVERIFY2(detail.contains(what), qPrintable(detail));
    QCOMPARE(reconnects.count(), 0);
}

void tst_SshTunnel::passwordLogin_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("right password") << kSshPassword << true;
    QTest::newRow("wrong password") << u"not-the-password-1"_s << false;
    QTest::newRow("empty password") << QString() << false;
}

void tst_SshTunnel::passwordLogin()
{
    QFETCH(QString, password);
    QFETCH(bool, accepted);
    QString reason;
    if (!m_sshd.acceptsPasswords(&reason))
        QSKIP(qPrintable(reason));
    const QString knownHosts = knownHostsPath(u"known_hosts_password"_s);
    QVERIFY(writeKnownHosts(knownHosts, m_sshd.knownHostsLine()));

    ConnectionProfile p = profile(knownHosts);
    p.sshAuth = ConnectionProfile::SshAuth::Password;
    p.sshKeyFile.clear();
    expectSshLogin(p, password, accepted, u"password"_s);
}

void tst_SshTunnel::reconnectsThroughANewTunnelAfterEngineRestart()
{
    const QString knownHosts = knownHostsPath(u"known_hosts_restart"_s);
    QVERIFY(writeKnownHosts(knownHosts, m_sshd.knownHostsLine()));
    ConsoleSession session;
    session.setHeartbeatInterval(1000);
    QSignalSpy reconnects(&session, &ConsoleSession::reconnectScheduled);
    QSignalSpy loginFailures(&session, &ConsoleSession::loginFailed);
    session.connectToEngine(profile(knownHosts), m_engine.adminPassword());
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), ConsoleSession::State::Connected, kConnectTimeoutMs);

    QCOMPARE(m_engine.stop(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(reconnects.count() > 0, kConnectTimeoutMs);
    QVERIFY(session.state() != ConsoleSession::State::Connected);
    QVERIFY(session.state() != ConsoleSession::State::Disconnected);

    QString error;
    QVERIFY2(m_engine.start(&error), qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), ConsoleSession::State::Connected, 2 * kConnectTimeoutMs);
    QCOMPARE(loginFailures.count(), 0);
}

QTEST_GUILESS_MAIN(tst_SshTunnel)
#include "tst_sshtunnel.moc"
