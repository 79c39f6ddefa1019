#include "sshdserver.h"
#include "uitestsupport.h"

#include "ui/eventlogmodel.h"
#include "ui/mainwindow.h"
#include "ui/overviewpage.h"
#include "ui/servicestatusmodel.h"
#include "ui/trustdialog.h"
#include "widgets/connectionbanner.h"
#include "widgets/connectionindicator.h"

#include <QAction>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using noc::ConnectionIndicator;
using noc::ConsoleSession;
using noc::EventLogModel;

namespace {

constexpr int kConnectTimeoutMs = 60 * 1000;

} // namespace

// The whole noc-console window through a real OpenSSH sshd: the operator approves the unknown
// host key in the dialog (as a user would), the Overview fills with live status carried through
// the tunnel, a change made through the API shows up in Recent events, and an SSH server that goes
// away turns the window red until the operator brings it back.
class tst_MainWindowSsh : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_settingsDir.isValid());
        QVERIFY(m_keysDir.isValid());
        uitest::isolateSettings(m_settingsDir);
        m_engine.setConfigValue(u"management"_s, u"heartbeat"_s, u"1s"_s);
        QString error;
        QVERIFY2(m_engine.start(&error), qPrintable(error));
        QVERIFY2(m_sshd.start(&error), qPrintable(error));
        m_knownHosts = m_keysDir.filePath(u"known_hosts"_s);

        m_window = std::make_unique<noc::MainWindow>();
        m_window->session()->setHeartbeatInterval(1000);
        m_window->show();
    }

    void init()
    {
        // Regression: the tunnel worker's pump timer once stayed on the GUI thread, so it never ran.
        QTest::failOnWarning(QRegularExpression(u"from another thread|in a different thread"_s));
    }

    void unknownHostKeyIsAskedAndSaved()
    {
        QVERIFY(!QFile::exists(m_knownHosts));
        m_window->connectToEngine(sshProfile(), m_engine.adminPassword());

        noc::TrustDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = m_window->findChild<noc::TrustDialog *>()) != nullptr, kConnectTimeoutMs);
        QVERIFY(dialog->isVisible());
        QCOMPARE(m_window->session()->state(), ConsoleSession::State::Connecting);
        // The fingerprint shown is the one OpenSSH itself reports for the server's key.
        QCOMPARE(dialog->fingerprint(), m_sshd.hostKeyFingerprint());
        auto *shown = dialog->findChild<QLabel *>(u"fingerprint"_s);
        QVERIFY(shown);
        QCOMPARE(shown->text(), m_sshd.hostKeyFingerprint());
        // Enter must never trust anything.
        QVERIFY(dialog->findChild<QPushButton *>(u"trustCancel"_s)->isDefault());
        // A connection waiting for the operator is not presented as live.
        QVERIFY(m_window->connectionBanner()->isVisible());
        QVERIFY(!m_window->overviewPage()->isLive());

        QPushButton *remember = dialog->findChild<QPushButton *>(u"trustRemember"_s);
        QVERIFY(remember);
        QTest::mouseClick(remember, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->session()->state(), ConsoleSession::State::Connected, kConnectTimeoutMs);

        // "Accept and save" wrote the key to the profile's known_hosts, as OpenSSH would.
        QFile file(m_knownHosts);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray written = file.readAll();
        const QByteArray keyBlob = m_sshd.knownHostsLine().trimmed().split(' ').last();
        QVERIFY2(written.contains(keyBlob), written.constData());
    }

    void overviewShowsLiveStatusViaSsh()
    {
        QCOMPARE(m_window->session()->state(), ConsoleSession::State::Connected);
        noc::OverviewPage *overview = m_window->overviewPage();
        QTRY_COMPARE_WITH_TIMEOUT(overview->versionText(), QString::fromLatin1(REGISTRY_VERSION), 10000);
        noc::ServiceStatusModel *services = overview->serviceModel();
        QTRY_VERIFY_WITH_TIMEOUT(services->rowOf(u"management"_s) >= 0, 10000);
        QCOMPARE(services->service(services->rowOf(u"management"_s)).state, u"running"_s);
        QVERIFY(overview->isLive());

        ConnectionIndicator *indicator = m_window->connectionIndicator();
        QCOMPARE(indicator->state(), ConnectionIndicator::State::Connected);
        QCOMPARE(indicator->severity(), noc::StatusPalette::Severity::Ok);
        QVERIFY(!indicator->isFlashing());
        // The endpoint is the SSH server the operator chose, not the tunnel's loopback end.
        const QString endpoint = u"127.0.0.1:%1"_s.arg(m_sshd.port());
        QVERIFY2(indicator->text().contains(endpoint), qPrintable(indicator->text()));
        QVERIFY2(indicator->text().endsWith(u"via SSH"_s), qPrintable(indicator->text()));
        QVERIFY(!m_window->connectionBanner()->isVisible());
        QVERIFY2(m_window->windowTitle().contains(u"Connected"_s), qPrintable(m_window->windowTitle()));

        // Uptime ticks with the heartbeats that come through the tunnel.
        const QString uptime = overview->uptimeText();
        QTRY_VERIFY_WITH_TIMEOUT(overview->uptimeText() != uptime, 10000);
    }

    void journalEventCausedThroughTheApiArrivesThroughTheTunnel()
    {
        QCOMPARE(m_window->session()->state(), ConsoleSession::State::Connected);
        const QByteArray token = testsupport::login(m_engine, u"admin"_s, m_engine.adminPassword());
        QVERIFY(!token.isEmpty());
        const QByteArray body = QJsonDocument(QJsonObject{{u"name"_s, u"dora"_s},
                                                          {u"password"_s, u"Tunnel-desk-42"_s},
                                                          {u"roles"_s, QJsonArray{u"helpdesk-tier1"_s}}})
                                    .toJson(QJsonDocument::Compact);
        const testsupport::HttpReply reply = testsupport::httpsRequest(m_engine, "POST", u"/api/v1/users"_s, body, token);
        QVERIFY2(reply.status == 201, reply.body.constData());

        EventLogModel *events = m_window->overviewPage()->eventModel();
        auto findDora = [events]() -> int {
            for (int row = 0; row < events->rowCount(); ++row) {
                const QModelIndex index = events->index(row, EventLogModel::SummaryColumn);
                if (index.data(EventLogModel::KindRole).toInt() == int(EventLogModel::Kind::Journal)
                    && index.data().toString().contains(u"dora"_s))
                    return row;
            }
            return -1;
        };
        QTRY_VERIFY_WITH_TIMEOUT(findDora() >= 0, 10000);
        const qint64 seq = events->index(findDora(), 0).data(EventLogModel::SequenceRole).toLongLong();
        QVERIFY(seq > 0);
        QVERIFY2(m_window->overviewPage()->journalHeadText().contains(u"#%1"_s.arg(seq)),
                 qPrintable(m_window->overviewPage()->journalHeadText()));
    }

    void lostSshServerTurnsTheWindowRed()
    {
        QCOMPARE(m_window->session()->state(), ConsoleSession::State::Connected);
        // Long automatic back-off: the next test brings the console back by hand.
        m_window->session()->setReconnectDelays(10 * 60 * 1000, 10 * 60 * 1000);
        m_sshd.stop();

        QTRY_COMPARE_WITH_TIMEOUT(m_window->session()->state(), ConsoleSession::State::Reconnecting,
                                  kConnectTimeoutMs);
        ConnectionIndicator *indicator = m_window->connectionIndicator();
        QCOMPARE(indicator->state(), ConnectionIndicator::State::Reconnecting);
        QCOMPARE(indicator->severity(), noc::StatusPalette::Severity::Critical);
        QVERIFY(indicator->isFlashing());
        QVERIFY2(indicator->text().startsWith(u"Disconnected"_s), qPrintable(indicator->text()));
        noc::ConnectionBanner *banner = m_window->connectionBanner();
        QVERIFY(banner->isVisible());
        QCOMPARE(banner->severity(), noc::StatusPalette::Severity::Critical);
        QCOMPARE(banner->title(), u"Connection lost"_s);
        QVERIFY2(m_window->windowTitle().contains(u"DISCONNECTED"_s), qPrintable(m_window->windowTitle()));
        QVERIFY(!m_window->overviewPage()->isLive());
        // The last known state stays on screen, marked as such.
        QVERIFY(m_window->overviewPage()->serviceModel()->rowOf(u"management"_s) >= 0);
        QVERIFY2(m_window->overviewPage()->uptimeText().contains(u"last known"_s),
                 qPrintable(m_window->overviewPage()->uptimeText()));
        QVERIFY(m_window->reconnectNowAction()->isEnabled());
    }

    void reconnectNowFromTheMenuGoesThroughANewTunnel()
    {
        QCOMPARE(m_window->session()->state(), ConsoleSession::State::Reconnecting);
        QString error;
        QVERIFY2(m_sshd.start(&error), qPrintable(error));

        m_window->reconnectNowAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(m_window->session()->state(), ConsoleSession::State::Connected, kConnectTimeoutMs);
        // The key was saved in the first test: no second question.
        QVERIFY(!m_window->findChild<noc::TrustDialog *>());
        QCOMPARE(m_window->connectionIndicator()->state(), ConnectionIndicator::State::Connected);
        QVERIFY2(m_window->connectionIndicator()->text().endsWith(u"via SSH"_s),
                 qPrintable(m_window->connectionIndicator()->text()));
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->connectionBanner()->isVisible(), 10000);
        QVERIFY(m_window->overviewPage()->isLive());
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_sshd.stop();
        if (m_engine.isRunning())
            m_engine.stop();
    }

private:
    noc::ConnectionProfile sshProfile() const
    {
        noc::ConnectionProfile profile = uitest::profileFor(m_engine);
        profile.name = u"through ssh"_s;
        profile.transport = noc::ConnectionProfile::Transport::SshTunnel;
        profile.sshHost = u"127.0.0.1"_s;
        profile.sshPort = m_sshd.port();
        profile.sshUser = m_sshd.userName();
        profile.sshAuth = noc::ConnectionProfile::SshAuth::PublicKey;
        profile.sshKeyFile = m_sshd.userKeyFile();
        profile.knownHostsFile = m_knownHosts;
        return profile;
    }

    QTemporaryDir m_settingsDir;
    QTemporaryDir m_keysDir;
    QString m_knownHosts;
    testsupport::EngineFixture m_engine;
    testsupport::SshdServer m_sshd;
    std::unique_ptr<noc::MainWindow> m_window;
};

QTEST_MAIN(tst_MainWindowSsh)
#include "tst_mainwindowssh.moc"
