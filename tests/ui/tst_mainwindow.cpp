#include "uitestsupport.h"

#include "ui/eventlogmodel.h"
#include "ui/mainwindow.h"
#include "ui/overviewpage.h"
#include "ui/servicestatusmodel.h"
#include "ui/trustdialog.h"
#include "widgets/connectionbanner.h"
#include "widgets/connectionindicator.h"

#include <QAction>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <QScopeGuard>

#include <algorithm>
#include <memory>

#include <signal.h>

using namespace Qt::StringLiterals;
using noc::ConnectionIndicator;
using noc::ConsoleSession;
using noc::EventLogModel;

// noc-console against a real registryd: live status after login, a journal event caused by someone
// else arriving on the Overview page, a refused login, and a lost engine turning everything red.
class tst_MainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_settingsDir.isValid());
        uitest::isolateSettings(m_settingsDir);
        // A short heartbeat so that a silent engine is noticed within seconds.
        m_engine.setConfigValue(u"management"_s, u"heartbeat"_s, u"1s"_s);
        QString error;
        QVERIFY2(m_engine.start(&error), qPrintable(error));
        m_window = std::make_unique<noc::MainWindow>();
        m_window->session()->setHeartbeatInterval(1000);
        m_window->show();
    }

    void startsDisconnectedAndSaysSo()
    {
        QCOMPARE(m_window->session()->state(), ConsoleSession::State::Disconnected);
        QCOMPARE(m_window->connectionIndicator()->state(), ConnectionIndicator::State::Disconnected);
        QVERIFY(m_window->connectionBanner()->isVisible());
        QCOMPARE(m_window->overviewPage()->serviceModel()->rowCount(), 0);
        // Nothing to reconnect to yet; the banner offers to connect instead.
        QVERIFY(!m_window->reconnectNowAction()->isEnabled());
        QCOMPARE(m_window->connectionBanner()->bannerActions(), QList<QAction *>{m_window->connectAction()});
    }

    void showsLiveStatusAfterLogin()
    {
        m_port = m_engine.port(u"management"_s);
        m_window->connectToEngine(uitest::profileFor(m_engine), m_engine.adminPassword());
        QTRY_COMPARE_WITH_TIMEOUT(m_window->session()->state(), ConsoleSession::State::Connected, 30000);

        noc::OverviewPage *overview = m_window->overviewPage();
        QTRY_VERIFY_WITH_TIMEOUT(overview->versionText() != u"—"_s, 10000);
        QCOMPARE(overview->versionText(), QString::fromLatin1(REGISTRY_VERSION));

        noc::ServiceStatusModel *services = overview->serviceModel();
        QTRY_VERIFY_WITH_TIMEOUT(services->rowOf(u"management"_s) >= 0, 10000);
        QCOMPARE(services->service(services->rowOf(u"management"_s)).state, u"running"_s);

        ConnectionIndicator *indicator = m_window->connectionIndicator();
        QCOMPARE(indicator->state(), ConnectionIndicator::State::Connected);
        QVERIFY(!indicator->isFlashing());
        const QString endpoint = u"127.0.0.1:%1"_s.arg(m_engine.port(u"management"_s));
        QVERIFY2(indicator->text().contains(endpoint), qPrintable(indicator->text()));
        QVERIFY2(indicator->text().endsWith(u"TLS"_s), qPrintable(indicator->text()));
        QVERIFY(!m_window->connectionBanner()->isVisible());
        QVERIFY2(m_window->windowTitle().contains(u"Connected"_s), qPrintable(m_window->windowTitle()));
        QVERIFY(overview->isLive());

        // Uptime ticks on screen without the console polling the engine.
        const QString uptime = overview->uptimeText();
        QTRY_VERIFY_WITH_TIMEOUT(overview->uptimeText() != uptime, 5000);
    }

    void showsJournalEventCausedElsewhere()
    {
        QCOMPARE(m_window->session()->state(), ConsoleSession::State::Connected);
        const QByteArray token = testsupport::login(m_engine, u"admin"_s, m_engine.adminPassword());
        QVERIFY(!token.isEmpty());
        const QByteArray body = QJsonDocument(QJsonObject{{u"name"_s, u"carol"_s},
                                                          {u"password"_s, u"Noc-desk-42"_s},
                                                          {u"roles"_s, QJsonArray{u"noc"_s}}})
                                    .toJson(QJsonDocument::Compact);
        const testsupport::HttpReply reply = testsupport::httpsRequest(m_engine, "POST", u"/api/v1/users"_s, body, token);
        QVERIFY2(reply.status == 201, reply.body.constData());

        EventLogModel *events = m_window->overviewPage()->eventModel();
        auto findCarol = [events]() -> int {
            for (int row = 0; row < events->rowCount(); ++row) {
                const QModelIndex index = events->index(row, EventLogModel::SummaryColumn);
                if (index.data(EventLogModel::KindRole).toInt() == int(EventLogModel::Kind::Journal)
                    && index.data().toString().contains(u"carol"_s))
                    return row;
            }
            return -1;
        };
        QTRY_VERIFY_WITH_TIMEOUT(findCarol() >= 0, 10000);
        const int row = findCarol();
        const qint64 seq = events->index(row, 0).data(EventLogModel::SequenceRole).toLongLong();
        QVERIFY(seq > 0);
        QVERIFY2(m_window->overviewPage()->journalHeadText().contains(u"#%1"_s.arg(seq)),
                 qPrintable(m_window->overviewPage()->journalHeadText()));
    }

    void silentEngineIsShownAsStaleThenRecovers()
    {
        QCOMPARE(m_window->session()->state(), ConsoleSession::State::Connected);
        const qint64 pid = m_engine.processId();
        QVERIFY(pid > 0);
        // A frozen engine keeps its sockets open but says nothing: exactly the case a quiet
        // indicator would hide.
        QCOMPARE(::kill(pid_t(pid), SIGSTOP), 0);
        auto resume = qScopeGuard([pid] { ::kill(pid_t(pid), SIGCONT); });

        ConnectionIndicator *indicator = m_window->connectionIndicator();
        QTRY_COMPARE_WITH_TIMEOUT(indicator->state(), ConnectionIndicator::State::Stale, 30000);
        QCOMPARE(indicator->severity(), noc::StatusPalette::Severity::Warning);
        QVERIFY(indicator->isFlashing());
        QVERIFY2(indicator->text().startsWith(u"Stale — no heartbeat for"_s), qPrintable(indicator->text()));
        QVERIFY(m_window->connectionBanner()->isVisible());
        QCOMPARE(m_window->connectionBanner()->severity(), noc::StatusPalette::Severity::Warning);
        QVERIFY2(m_window->windowTitle().contains(u"STALE"_s), qPrintable(m_window->windowTitle()));
        QVERIFY(!m_window->overviewPage()->isLive());
        // A stale link can be dropped and retried at once, from the banner or the menu.
        QVERIFY(m_window->reconnectNowAction()->isEnabled());
        QVERIFY(m_window->connectionBanner()->bannerActions().contains(m_window->reconnectNowAction()));

        resume.dismiss();
        ::kill(pid_t(pid), SIGCONT);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->session()->state(), ConsoleSession::State::Connected, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->connectionBanner()->isVisible(), 10000);
        QCOMPARE(indicator->state(), ConnectionIndicator::State::Connected);
        QVERIFY(m_window->overviewPage()->isLive());
        QVERIFY(!m_window->reconnectNowAction()->isEnabled());
    }

    void refusedLoginIsShownAndNotRetried()
    {
        noc::MainWindow other;
        other.show();
        other.connectToEngine(uitest::profileFor(m_engine), u"not-the-password-1"_s);
        QTRY_VERIFY_WITH_TIMEOUT(other.connectionBanner()->title() == u"Login failed"_s, 30000);
        QCOMPARE(other.session()->state(), ConsoleSession::State::Disconnected);
        QVERIFY(other.connectionBanner()->isVisible());
        QCOMPARE(other.connectionIndicator()->severity(), noc::StatusPalette::Severity::Critical);
        QCOMPARE(other.overviewPage()->serviceModel()->rowCount(), 0);
    }

    void unknownCertificateIsAskedAndPinned()
    {
        noc::MainWindow other;
        other.show();
        noc::ConnectionProfile profile = uitest::profileFor(m_engine);
        profile.name = u"first-use"_s;
        profile.caFile.clear();   // no CA and no pin: the console must ask, showing the fingerprint
        other.connectToEngine(profile, m_engine.adminPassword());

        noc::TrustDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = other.findChild<noc::TrustDialog *>()) != nullptr, 30000);
        QVERIFY(dialog->isVisible());
        QCOMPARE(other.session()->state(), ConsoleSession::State::Connecting);
        const QString fingerprint = dialog->fingerprint();
        QVERIFY2(hexDigits(fingerprint).size() == 64, qPrintable(fingerprint));
        auto *shown = dialog->findChild<QLabel *>(u"fingerprint"_s);
        QVERIFY(shown);
        QCOMPARE(shown->text(), fingerprint);
        // Enter must never trust anything.
        QVERIFY(dialog->findChild<QPushButton *>(u"trustCancel"_s)->isDefault());

        dialog->findChild<QPushButton *>(u"trustRemember"_s)->click();
        QTRY_COMPARE_WITH_TIMEOUT(other.session()->state(), ConsoleSession::State::Connected, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(other.profiles().size() == 1, 10000);
        QCOMPARE(other.profiles().constFirst().name, u"first-use"_s);
        QCOMPARE(hexDigits(other.profiles().constFirst().pinnedSha256), hexDigits(fingerprint));

        // Disconnecting on purpose is reported, but not as an alarm.
        QAction *disconnect = findAction(other, u"&Disconnect"_s);
        QVERIFY(disconnect && disconnect->isEnabled());
        disconnect->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(other.session()->state(), ConsoleSession::State::Disconnected, 10000);
        QCOMPARE(other.connectionBanner()->title(), u"Not connected"_s);
        QCOMPARE(other.connectionBanner()->severity(), noc::StatusPalette::Severity::Neutral);
        QVERIFY(!disconnect->isEnabled());
    }

    void rejectedCertificateDoesNotConnect()
    {
        noc::MainWindow other;
        other.show();
        noc::ConnectionProfile profile = uitest::profileFor(m_engine);
        profile.name = u"declined"_s;
        profile.caFile.clear();
        other.connectToEngine(profile, m_engine.adminPassword());
        noc::TrustDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = other.findChild<noc::TrustDialog *>()) != nullptr, 30000);
        dialog->findChild<QPushButton *>(u"trustCancel"_s)->click();
        QTRY_COMPARE_WITH_TIMEOUT(other.session()->state(), ConsoleSession::State::Disconnected, 30000);
        QVERIFY(other.connectionBanner()->isVisible());
        QCOMPARE(other.connectionBanner()->severity(), noc::StatusPalette::Severity::Critical);
        const QList<noc::ConnectionProfile> saved = other.profiles();
        QVERIFY(std::none_of(saved.cbegin(), saved.cend(),
                             [](const noc::ConnectionProfile &p) { return p.name == u"declined"_s; }));
        QCOMPARE(other.overviewPage()->serviceModel()->rowCount(), 0);
    }

    void lostEngineTurnsIndicatorRed()
    {
        QCOMPARE(m_window->session()->state(), ConsoleSession::State::Connected);
        QCOMPARE(m_engine.stop(), 0);

        ConnectionIndicator *indicator = m_window->connectionIndicator();
        QTRY_VERIFY_WITH_TIMEOUT(indicator->state() == ConnectionIndicator::State::Reconnecting
                                     || indicator->state() == ConnectionIndicator::State::Disconnected,
                                 30000);
        QCOMPARE(indicator->severity(), noc::StatusPalette::Severity::Critical);
        QVERIFY(indicator->isFlashing());
        QVERIFY2(indicator->text().startsWith(u"Disconnected"_s), qPrintable(indicator->text()));
        QVERIFY(m_window->connectionBanner()->isVisible());
        QCOMPARE(m_window->connectionBanner()->severity(), noc::StatusPalette::Severity::Critical);
        QVERIFY2(m_window->windowTitle().contains(u"DISCONNECTED"_s), qPrintable(m_window->windowTitle()));
        QVERIFY(!m_window->overviewPage()->isLive());
        // The last known state stays on screen, marked as such, rather than vanishing.
        QVERIFY(m_window->overviewPage()->serviceModel()->rowOf(u"management"_s) >= 0);
        QVERIFY(m_window->overviewPage()->uptimeText().contains(u"last known"_s));
    }

    void reconnectsWhenEngineReturns()
    {
        QVERIFY(!m_engine.isRunning());
        // Same address as before, so the console's profile still points at it.
        const quint16 port = m_port;
        QVERIFY(port != 0);
        m_engine.setConfigValue(u"management"_s, u"listen"_s, u"127.0.0.1:%1"_s.arg(port));
        QString error;
        QVERIFY2(m_engine.start(&error), qPrintable(error));
        QCOMPARE(m_engine.port(u"management"_s), port);

        // Back-off is at most a few seconds this early; the bound only guards a hung test.
        QTRY_COMPARE_WITH_TIMEOUT(m_window->session()->state(), ConsoleSession::State::Connected, 90000);
        QCOMPARE(m_window->connectionIndicator()->state(), ConnectionIndicator::State::Connected);
        QVERIFY(!m_window->connectionBanner()->isVisible());
        QVERIFY(m_window->overviewPage()->isLive());
        QVERIFY2(!m_window->overviewPage()->uptimeText().contains(u"last known"_s),
                 qPrintable(m_window->overviewPage()->uptimeText()));
        // The newest connection line in the event list is the reconnect; the loss is further down.
        EventLogModel *events = m_window->overviewPage()->eventModel();
        QStringList connectionLines;
        for (int row = 0; row < events->rowCount(); ++row) {
            const QModelIndex index = events->index(row, EventLogModel::SummaryColumn);
            if (index.data(EventLogModel::KindRole).toInt() == int(EventLogModel::Kind::Connection))
                connectionLines.append(index.data().toString());
        }
        QVERIFY(connectionLines.size() >= 2);
        QVERIFY2(connectionLines.at(0).startsWith(u"Connected to"_s), qPrintable(connectionLines.join(u" | "_s)));
        // Failed retries may sit in between, depending on how long the engine took to come back.
        QVERIFY2(std::any_of(connectionLines.cbegin() + 1, connectionLines.cend(),
                             [](const QString &line) { return line.startsWith(u"Connection lost"_s); }),
                 qPrintable(connectionLines.join(u" | "_s)));
    }

    void reconnectNowInTheBannerSkipsTheWait()
    {
        constexpr int kTenMinutes = 10 * 60 * 1000;
        QCOMPARE(m_window->session()->state(), ConsoleSession::State::Connected);
        QAction *reconnectNow = m_window->reconnectNowAction();
        QVERIFY(!reconnectNow->isEnabled());
        // Automatic retries now wait ten minutes: only the button can bring the console back in time.
        m_window->session()->setReconnectDelays(kTenMinutes, kTenMinutes);
        QCOMPARE(m_engine.stop(), 0);

        ConnectionIndicator *indicator = m_window->connectionIndicator();
        QTRY_COMPARE_WITH_TIMEOUT(m_window->session()->state(), ConsoleSession::State::Reconnecting, 30000);
        QCOMPARE(indicator->state(), ConnectionIndicator::State::Reconnecting);
        QVERIFY(reconnectNow->isEnabled());
        noc::ConnectionBanner *banner = m_window->connectionBanner();
        QVERIFY(banner->isVisible());
        QCOMPARE(banner->severity(), noc::StatusPalette::Severity::Critical);
        QCOMPARE(banner->bannerActions(),
                 (QList<QAction *>{reconnectNow, m_window->disconnectAction()}));
        QPushButton *button = banner->buttonFor(reconnectNow);
        QVERIFY(button && button->isVisible() && button->isEnabled());
        QCOMPARE(button->text(), u"Reconnect now"_s);
        QCOMPARE(banner->buttonFor(m_window->disconnectAction())->text(), u"Stop"_s);

        // Tried too early: the attempt fails, the banner never goes away, and the button is back.
        QSignalSpy reconnects(m_window->session(), &ConsoleSession::reconnectScheduled);
        QTest::mouseClick(button, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(reconnects.count(), 1, 30000);
        QCOMPARE(m_window->session()->state(), ConsoleSession::State::Reconnecting);
        QVERIFY(banner->isVisible());
        QCOMPARE(banner->severity(), noc::StatusPalette::Severity::Critical);
        button = banner->buttonFor(reconnectNow);
        QVERIFY(button && button->isVisible() && button->isEnabled());

        m_engine.setConfigValue(u"management"_s, u"listen"_s, u"127.0.0.1:%1"_s.arg(m_port));
        QString error;
        QVERIFY2(m_engine.start(&error), qPrintable(error));
        QCOMPARE(m_window->session()->state(), ConsoleSession::State::Reconnecting);

        QTest::mouseClick(button, Qt::LeftButton);
        // The click starts an attempt at once; the data on screen is still old, so it stays red.
        QVERIFY(m_window->session()->state() != ConsoleSession::State::Reconnecting);
        QVERIFY(!reconnectNow->isEnabled());
        QCOMPARE(banner->severity(), noc::StatusPalette::Severity::Critical);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->session()->state(), ConsoleSession::State::Connected, 60000);
        QCOMPARE(indicator->state(), ConnectionIndicator::State::Connected);
        QTRY_VERIFY_WITH_TIMEOUT(!banner->isVisible(), 10000);
        QVERIFY(m_window->overviewPage()->isLive());
        QVERIFY(!reconnectNow->isEnabled());
    }

    void cleanupTestCase()
    {
        m_window.reset();
        if (m_engine.isRunning())
            m_engine.stop();
    }

private:
    static QAction *findAction(const QWidget &window, const QString &text)
    {
        const QList<QAction *> actions = window.findChildren<QAction *>();
        for (QAction *action : actions) {
            if (action->text() == text)
                return action;
        }
        return nullptr;
    }

    static QString hexDigits(QString text)
    {
        return text.remove(u':').toLower();
    }

    QTemporaryDir m_settingsDir;
    testsupport::EngineFixture m_engine;
    std::unique_ptr<noc::MainWindow> m_window;
    quint16 m_port = 0;
};

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
