#include "uitestsupport.h"

#include "ui/dnspage.h"
#include "ui/dnszonemodel.h"
#include "ui/languagemanager.h"
#include "ui/mainwindow.h"

#include "ui/customplot.h"

#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QGroupBox>
#include <QProcess>
#include <QTabWidget>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using noc::DnsPage;

namespace {

QString dnsState(const QJsonObject &status)
{
    for (const QJsonValue &s : status.value(u"services"_s).toArray()) {
        if (s.toObject().value(u"name"_s).toString() == u"dns"_s)
            return s.toObject().value(u"state"_s).toString();
    }
    return {};
}

bool dig(quint16 port, const QString &name, const QString &type)
{
    QProcess p;
    p.start(u"dig"_s, {u"@127.0.0.1"_s, u"-p"_s, QString::number(port), u"+norecurse"_s, u"+tries=1"_s, u"+time=5"_s, name, type});
    return p.waitForFinished(30000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

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

} // namespace

// The DNS page against real engines: one with [dns] disabled (the page says so in the engine's
// words), one with the DNS service (zones, rates from real dig queries, an engine restart that
// resets every counter without a negative spike).
class tst_DnsPage : public QObject
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
        m_page = m_window->dnsPage();
        QVERIFY(m_page);
        m_page->setPollInterval(500);
    }

    void saysNotConnected()
    {
        m_window->showPage(noc::MainWindow::Dns);
        QCOMPARE(m_window->currentPage(), noc::MainWindow::Dns);
        QCOMPARE(m_page->status(), DnsPage::Status::Disconnected);
        QVERIFY2(m_page->messageText().contains(u"Connect to an engine"_s), qPrintable(m_page->messageText()));
        QVERIFY(!m_page->isPolling());
    }

    void retranslatesLive()
    {
        noc::LanguageManager languages;
        QVERIFY(languages.applyLanguage(u"en"_s));
        noc::MainWindow window(&languages);
        DnsPage *page = window.dnsPage();
        auto *tabs = page->findChild<QTabWidget *>(u"dnsDetailTabs"_s);
        QCOMPARE(tabs->tabText(0), u"By response code"_s);
        QCOMPARE(page->zoneModel()->headerData(noc::DnsZoneModel::SerialColumn, Qt::Horizontal).toString(), u"Serial"_s);
        QVERIFY(languages.applyLanguage(u"de"_s));
        QCoreApplication::processEvents();   // LanguageChange is posted, not sent
        QCOMPARE(tabs->tabText(0), u"Nach Antwortcode"_s);
        QCOMPARE(page->zoneModel()->headerData(noc::DnsZoneModel::SerialColumn, Qt::Horizontal).toString(), u"Seriennummer"_s);
        QVERIFY2(page->messageText().contains(u"Verbinden Sie sich"_s), qPrintable(page->messageText()));
        QVERIFY(languages.applyLanguage(u"fr"_s));
        QCoreApplication::processEvents();
        QCOMPARE(tabs->tabText(1), u"Délégations, TC, limites"_s);
        QVERIFY(languages.applyLanguage(u"en"_s));
    }

    void saysWhenTheDnsServiceIsNotRunning()
    {
        m_disabled.setConfigValue(u"dns"_s, u"enabled"_s, u"false"_s);
        QString error;
        QVERIFY2(m_disabled.start(&error), qPrintable(error));
        m_window->connectToEngine(uitest::profileFor(m_disabled), m_disabled.adminPassword());
        QTRY_COMPARE_WITH_TIMEOUT(m_window->session()->state(), noc::ConsoleSession::State::Connected, 30000);
        QVERIFY(m_page->isPolling());
        QTRY_COMPARE_WITH_TIMEOUT(m_page->status(), DnsPage::Status::NotRunning, 10000);
        QVERIFY2(m_page->messageText().contains(u"DNS service is not running"_s), qPrintable(m_page->messageText()));
        QVERIFY(m_page->findChild<QLabel *>(u"dnsMessage"_s)->isVisible());
        QCOMPARE(m_page->zoneModel()->rowCount(), 0);
        QCOMPARE(m_page->samplesReceived(), 0);
        QVERIFY(!m_page->findChild<QWidget *>(u"dnsContent"_s)->isVisible());
    }

    void pollsOnlyWhileVisible()
    {
        m_window->showPage(noc::MainWindow::Registry);
        QVERIFY(!m_page->isPolling());
        m_window->showPage(noc::MainWindow::Dns);
        QVERIFY(m_page->isPolling());
        m_window->session()->disconnectFromEngine();
        QTRY_COMPARE_WITH_TIMEOUT(m_page->status(), DnsPage::Status::Disconnected, 10000);
        QVERIFY(!m_page->isPolling());
        QCOMPARE(m_disabled.stop(), 0);
    }

    void showsTheZonesAndRatesOfARealEngine()
    {
        QString error;
        QVERIFY2(m_engine.start(&error), qPrintable(error));
        m_window->connectToEngine(uitest::profileFor(m_engine), m_engine.adminPassword());
        QTRY_COMPARE_WITH_TIMEOUT(m_window->session()->state(), noc::ConsoleSession::State::Connected, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(!dnsState(m_window->session()->lastStatus()).isEmpty(), 10000);
        QCOMPARE(dnsState(m_window->session()->lastStatus()), u"running"_s);
        QTRY_COMPARE_WITH_TIMEOUT(m_page->status(), DnsPage::Status::Live, 10000);
        QVERIFY(m_page->findChild<QWidget *>(u"dnsContent"_s)->isVisible());

        noc::DnsZoneModel *zones = m_page->zoneModel();
        QTRY_VERIFY_WITH_TIMEOUT(zones->rowCount() >= 1, 10000);
        int example = -1;
        for (int row = 0; row < zones->rowCount(); ++row) {
            if (zones->zone(row).apex == u"example."_s)
                example = row;
        }
        QVERIFY(example >= 0);
        QVERIFY(zones->zone(example).serial > 0);
        QVERIFY(zones->zone(example).nodes > 1);
        QVERIFY(zones->zone(example).publishedAt.isValid());
        QVERIFY(!zones->index(example, noc::DnsZoneModel::AgeColumn).data().toString().isEmpty());

        const quint16 port = m_engine.port(u"dns"_s);
        QVERIFY2(port != 0, "ready.json announces no DNS port");
        for (int i = 0; i < 5; ++i)
            QVERIFY(dig(port, u"example."_s, u"SOA"_s));
        QTRY_VERIFY_WITH_TIMEOUT(m_page->rates().latest() && m_page->rates().latest()->totalQueries() >= 5, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_page->rates().points().isEmpty(), 10000);
        QVERIFY(m_page->queriesPlot()->graphCount() == 3);
        QVERIFY(m_page->queriesPlot()->graph(0)->dataCount() > 0);
        QVERIFY(m_page->responsesPlot()->graphCount() >= 1);
        QCOMPARE(m_page->findChild<QLabel *>(u"dnsQueryTotal"_s)->text(),
                 QLocale().toString(qulonglong(m_page->rates().latest()->totalQueries())));

        // A restart starts every counter from 0: the page measures from the new start, and no
        // chart dips below zero. The management port stays, so the console reconnects by itself.
        const quint64 before = m_page->rates().latest()->totalQueries();
        m_engine.setConfigValue(u"management"_s, u"listen"_s, u"127.0.0.1:%1"_s.arg(m_engine.port(u"management"_s)));
        QCOMPARE(m_engine.stop(), 0);
        QVERIFY2(m_engine.start(&error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(m_window->session()->state(), noc::ConsoleSession::State::Connected, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(m_page->rates().latest() && m_page->rates().latest()->totalQueries() < before, 15000);
        QVERIFY(m_page->rates().resets() >= 1);
        QVERIFY(dig(m_engine.port(u"dns"_s), u"example."_s, u"NS"_s));
        const int pointsBefore = int(m_page->rates().points().size());
        QTRY_VERIFY_WITH_TIMEOUT(m_page->rates().points().size() > pointsBefore, 10000);
        QCOMPARE(lowestValue(m_page->queriesPlot()), 0.0);
        QCOMPARE(lowestValue(m_page->responsesPlot()), 0.0);
        QCOMPARE(lowestValue(m_page->eventsPlot()), 0.0);
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
    DnsPage *m_page = nullptr;
};

QTEST_MAIN(tst_DnsPage)
#include "tst_dnspage.moc"
