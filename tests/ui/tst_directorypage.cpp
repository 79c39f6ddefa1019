#include "directorytraffic.h"
#include "uitestsupport.h"

#include "ui/directoryclientmodel.h"
#include "ui/directorypage.h"
#include "ui/languagemanager.h"
#include "ui/mainwindow.h"

#include "ui/customplot.h"

#include <QAction>
#include <QJsonArray>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMenuBar>
#include <QTabWidget>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using noc::DirectoryPage;

namespace {

// Every value a chart holds: a negative one would be a spike below zero.
double lowestValue(const QCustomPlot *plot)
{
    double lowest = 0;
    for (int g = 0; g < plot->graphCount(); ++g) {
        const QSharedPointer<QCPGraphDataContainer> data = plot->graph(g)->data();
        for (auto it = data->constBegin(); it != data->constEnd(); ++it) {
            if (!qIsNaN(it->value))
                lowest = std::min(lowest, it->value);
        }
    }
    return lowest;
}

double highestValue(const QCustomPlot *plot, int graph)
{
    double highest = 0;
    const QSharedPointer<QCPGraphDataContainer> data = plot->graph(graph)->data();
    for (auto it = data->constBegin(); it != data->constEnd(); ++it) {
        if (!qIsNaN(it->value))
            highest = std::max(highest, it->value);
    }
    return highest;
}

} // namespace

// The directory page against real engines: one where neither Whois nor RDAP runs (the page says so
// in the engine's words), then one with both, fed real Whois and RDAP queries: rates, refusals by
// the rate limit, the cache and the busiest clients.
class tst_DirectoryPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY(m_settingsDir.isValid());
        uitest::isolateSettings(m_settingsDir);
        m_window = std::make_unique<noc::MainWindow>();
        m_window->resize(1280, 800);
        m_window->show();
        m_page = m_window->directoryPage();
        QVERIFY(m_page);
        m_page->setPollInterval(500);
    }

    void opensWithItsShortcut()
    {
        m_window->showPage(noc::MainWindow::Overview);
        QAction *action = nullptr;
        const QList<QAction *> actions = m_window->findChildren<QAction *>();
        for (QAction *a : actions) {
            if (a->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_9))
                action = a;
        }
        QVERIFY2(action, "no action has Ctrl+9");
        QCOMPARE(action->text(), u"Whois & RDAP"_s);
        action->trigger();
        QCOMPARE(m_window->currentPage(), noc::MainWindow::Directory);
        QCOMPARE(m_window->findChild<QListWidget *>(u"navigation"_s)->currentItem()->text(), u"Whois & RDAP"_s);
    }

    void saysNotConnected()
    {
        m_window->showPage(noc::MainWindow::Directory);
        QCOMPARE(m_page->status(), DirectoryPage::Status::Disconnected);
        QVERIFY2(m_page->messageText().contains(u"Connect to an engine"_s), qPrintable(m_page->messageText()));
        QVERIFY(!m_page->isPolling());
        QVERIFY(!m_page->findChild<QWidget *>(u"directoryContent"_s)->isVisible());
    }

    void retranslatesLive()
    {
        noc::LanguageManager languages;
        QVERIFY(languages.applyLanguage(u"en"_s));
        noc::MainWindow window(&languages);
        DirectoryPage *page = window.directoryPage();
        auto *tabs = page->findChild<QTabWidget *>(u"directoryDetailTabs"_s);
        QCOMPARE(tabs->tabText(1), u"Cache hit ratio"_s);
        QCOMPARE(page->clientModel()->headerData(noc::DirectoryClientModel::AddressColumn, Qt::Horizontal).toString(), u"Client address"_s);
        QVERIFY(languages.applyLanguage(u"de"_s));
        QCoreApplication::processEvents();   // LanguageChange is posted, not sent
        QCOMPARE(tabs->tabText(1), u"Cache-Trefferquote"_s);
        QCOMPARE(page->clientModel()->headerData(noc::DirectoryClientModel::AddressColumn, Qt::Horizontal).toString(), u"Client-Adresse"_s);
        QVERIFY2(page->messageText().contains(u"Verbinden Sie sich"_s), qPrintable(page->messageText()));
        QVERIFY(languages.applyLanguage(u"fr"_s));
        QCoreApplication::processEvents();
        QCOMPARE(tabs->tabText(0), u"Refusées par la limite"_s);
        QCOMPARE(page->clientModel()->headerData(noc::DirectoryClientModel::AddressColumn, Qt::Horizontal).toString(), u"Adresse du client"_s);
        QVERIFY(languages.applyLanguage(u"en"_s));
    }

    void saysWhenNeitherServiceRuns()
    {
        m_disabled.setConfigValue(u"whois"_s, u"enabled"_s, u"false"_s);
        m_disabled.setConfigValue(u"rdap"_s, u"enabled"_s, u"false"_s);
        QString error;
        QVERIFY2(m_disabled.start(&error), qPrintable(error));
        m_window->connectToEngine(uitest::profileFor(m_disabled), m_disabled.adminPassword());
        QTRY_COMPARE_WITH_TIMEOUT(m_window->session()->state(), noc::ConsoleSession::State::Connected, 30000);
        QVERIFY(m_page->isPolling());
        QTRY_COMPARE_WITH_TIMEOUT(m_page->status(), DirectoryPage::Status::NotRunning, 10000);
        QVERIFY2(m_page->messageText().contains(u"neither Whois nor RDAP is running"_s), qPrintable(m_page->messageText()));
        QVERIFY(m_page->findChild<QLabel *>(u"directoryMessage"_s)->isVisible());
        QCOMPARE(m_page->clientModel()->rowCount(), 0);
        QCOMPARE(m_page->samplesReceived(), 0);
        QVERIFY(!m_page->findChild<QWidget *>(u"directoryContent"_s)->isVisible());
    }

    void pollsOnlyWhileVisible()
    {
        m_window->showPage(noc::MainWindow::Dns);
        QVERIFY(!m_page->isPolling());
        m_window->showPage(noc::MainWindow::Directory);
        QVERIFY(m_page->isPolling());
        m_window->session()->disconnectFromEngine();
        QTRY_COMPARE_WITH_TIMEOUT(m_page->status(), DirectoryPage::Status::Disconnected, 10000);
        QVERIFY(!m_page->isPolling());
        QCOMPARE(m_disabled.stop(), 0);
    }

    void chartsRealWhoisAndRdapTraffic()
    {
        // A low Whois limit, so a burst of queries from this one address meets it.
        m_engine.setConfigValue(u"whois"_s, u"queries_per_minute"_s, u"20"_s);
        QString error;
        QVERIFY2(m_engine.start(&error), qPrintable(error));
        const quint16 whoisPort = m_engine.port(u"whois"_s);
        const quint16 rdapPort = m_engine.port(u"rdap"_s);
        QVERIFY2(whoisPort != 0 && rdapPort != 0, "registryd announced no Whois or RDAP port in ready.json");
        m_window->connectToEngine(uitest::profileFor(m_engine), m_engine.adminPassword());
        QTRY_COMPARE_WITH_TIMEOUT(m_window->session()->state(), noc::ConsoleSession::State::Connected, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(m_page->status(), DirectoryPage::Status::Live, 10000);
        QVERIFY(m_page->findChild<QWidget *>(u"directoryContent"_s)->isVisible());

        const int samples = m_page->samplesReceived();
        QTRY_VERIFY_WITH_TIMEOUT(m_page->samplesReceived() > samples, 10000);   // a baseline before the traffic
        for (int i = 0; i < 30; ++i)
            QVERIFY(!directorytest::whoisQuery(whoisPort, "nobody-" + QByteArray::number(i) + ".example").isEmpty());
        for (int i = 0; i < 5; ++i)
            QVERIFY(directorytest::rdapQuery(m_engine, rdapPort, u"/domain/nobody-%1.example"_s.arg(i)) != 0);

        QTRY_VERIFY_WITH_TIMEOUT(m_page->rates().latest() && m_page->rates().latest()->whois.queries >= 30
                                     && m_page->rates().latest()->rdap.queries >= 5, 10000);
        const noc::DirectoryStatisticsSample latest = *m_page->rates().latest();
        QVERIFY(latest.whois.running && latest.rdap.running);
        QVERIFY2(latest.whois.rateLimited >= 10, qPrintable(QString::number(latest.whois.rateLimited)));   // 30 queries, 20 a minute
        QTRY_VERIFY_WITH_TIMEOUT(!m_page->rates().points().isEmpty(), 10000);
        QVERIFY(highestValue(m_page->queriesPlot(), 1) > 0);    // Whois
        QVERIFY(highestValue(m_page->queriesPlot(), 2) > 0);    // RDAP
        QVERIFY(highestValue(m_page->refusalsPlot(), 0) > 0);   // Whois refusals

        // This test's own address is the busiest client of both services.
        noc::DirectoryClientModel *clients = m_page->clientModel();
        QTRY_VERIFY_WITH_TIMEOUT(clients->rowCount() >= 2, 10000);
        bool whoisRow = false;
        bool rdapRow = false;
        for (int row = 0; row < clients->rowCount(); ++row) {
            const noc::DirectoryClientModel::Row r = clients->row(row);
            QCOMPARE(r.client.address, u"127.0.0.1"_s);
            if (r.service == noc::DirectoryClientModel::Service::Whois) {
                whoisRow = true;
                QVERIFY(r.client.queries >= 30);
                QVERIFY(r.client.refused >= 10);
            } else {
                rdapRow = true;
                QVERIFY(r.client.queries >= 5);
            }
        }
        QVERIFY(whoisRow && rdapRow);
        QVERIFY(!m_page->findChild<QLabel *>(u"directoryNoClients"_s)->isVisible());
        QCOMPARE(m_page->findChild<QLabel *>(u"directoryCacheEntries"_s)->text(), QLocale().toString(qlonglong(latest.cacheEntries)));

        // A restart starts every counter from 0: measured from the new start, never below zero.
        const quint64 before = m_page->rates().latest()->whois.queries;
        m_engine.setConfigValue(u"management"_s, u"listen"_s, u"127.0.0.1:%1"_s.arg(m_engine.port(u"management"_s)));
        QCOMPARE(m_engine.stop(), 0);
        QVERIFY2(m_engine.start(&error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(m_window->session()->state(), noc::ConsoleSession::State::Connected, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(m_page->rates().latest() && m_page->rates().latest()->whois.queries < before, 15000);
        QVERIFY(m_page->rates().resets() >= 1);
        QVERIFY(!directorytest::whoisQuery(m_engine.port(u"whois"_s), "after-restart.example").isEmpty());
        const int pointsBefore = int(m_page->rates().points().size());
        QTRY_VERIFY_WITH_TIMEOUT(m_page->rates().points().size() > pointsBefore, 10000);
        QCOMPARE(lowestValue(m_page->queriesPlot()), 0.0);
        QCOMPARE(lowestValue(m_page->refusalsPlot()), 0.0);
        QCOMPARE(lowestValue(m_page->cachePlot()), 0.0);
    }

    void cleanupTestCase()
    {
        m_window.reset();
        if (m_engine.isRunning())
            m_engine.stop();
        if (m_disabled.isRunning())
            m_disabled.stop();
    }

private:
    QTemporaryDir m_settingsDir;
    testsupport::EngineFixture m_disabled;
    testsupport::EngineFixture m_engine;
    std::unique_ptr<noc::MainWindow> m_window;
    DirectoryPage *m_page = nullptr;
};

QTEST_MAIN(tst_DirectoryPage)
#include "tst_directorypage.moc"
