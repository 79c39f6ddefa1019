#include "directorytraffic.h"
#include "uitestsupport.h"

#include "ui/customplot.h"
#include "ui/directoryclientmodel.h"
#include "ui/directorypage.h"
#include "ui/languagemanager.h"
#include "ui/mainwindow.h"

#include <QDir>
#include <QHash>
#include <QImage>
#include <QTest>

#include <cstdlib>

using namespace Qt::StringLiterals;

namespace {

void checkNonTrivial(const QImage &image)
{
    QVERIFY2(image.width() >= 800 && image.height() >= 500, qPrintable(u"%1x%2"_s.arg(image.width()).arg(image.height())));
    QHash<QRgb, qint64> histogram;
    for (int y = 0; y < image.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x)
            ++histogram[line[x]];
    }
    const qint64 pixels = qint64(image.width()) * image.height();
    qint64 commonest = 0;
    for (auto it = histogram.cbegin(); it != histogram.cend(); ++it)
        commonest = qMax(commonest, it.value());
    QVERIFY2(histogram.size() >= 100, qPrintable(u"only %1 distinct colours"_s.arg(histogram.size())));
    QVERIFY2(commonest * 100 / pixels < 85, qPrintable(u"one colour covers %1% of the window"_s.arg(commonest * 100 / pixels)));
}

// Pixels of one colour in a chart drawn without its legend (which shows the line's colour too),
// so they can only come from data.
int pixelsOf(QCustomPlot *plot, const QColor &colour)
{
    plot->legend->setVisible(false);
    plot->replot(QCustomPlot::rpImmediateRefresh);
    const QImage chart = plot->grab().toImage().convertToFormat(QImage::Format_RGB32);
    plot->legend->setVisible(true);
    plot->replot(QCustomPlot::rpQueuedReplot);
    int count = 0;
    for (int y = 0; y < chart.height(); ++y) {
        for (int x = 0; x < chart.width(); ++x) {
            const QColor c = chart.pixelColor(x, y);
            if (std::abs(c.red() - colour.red()) + std::abs(c.green() - colour.green()) + std::abs(c.blue() - colour.blue()) < 40)
                ++count;
        }
    }
    return count;
}

} // namespace

// The directory page on a real X server (xvfb-run), saved to
// REGISTRY_BINARY_DIR/screenshots/directory-page.png (and -de, -fr), after a few polls with real
// Whois and RDAP traffic of changing strength, some of it over the Whois rate limit.
class tst_DirectoryScreenshot : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_settingsDir.isValid());
        uitest::isolateSettings(m_settingsDir);
        QVERIFY2(qEnvironmentVariableIsSet("REGISTRY_BINARY_DIR"), "run through ctest");
        m_engine.setConfigValue(u"whois"_s, u"queries_per_minute"_s, u"120"_s);
        QString error;
        QVERIFY2(m_engine.start(&error), qPrintable(error));
    }

    void directoryPage()
    {
        const quint16 whoisPort = m_engine.port(u"whois"_s);
        const quint16 rdapPort = m_engine.port(u"rdap"_s);
        QVERIFY2(whoisPort != 0 && rdapPort != 0, "registryd announced no Whois or RDAP port in ready.json");
        noc::LanguageManager languages;
        QVERIFY(languages.applyLanguage(u"en"_s));
        noc::MainWindow window(&languages);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        noc::DirectoryPage *page = window.directoryPage();
        page->setPollInterval(1000);
        window.showPage(noc::MainWindow::Directory);
        window.connectToEngine(uitest::profileFor(m_engine), m_engine.adminPassword());
        QTRY_COMPARE_WITH_TIMEOUT(window.session()->state(), noc::ConsoleSession::State::Connected, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(page->status(), noc::DirectoryPage::Status::Live, 10000);

        // Traffic of changing strength over several polls, so the lines have a shape; a registered
        // name asked again and again makes cache hits, names that are not registered misses, and
        // the last rounds go over the Whois limit.
        for (int round = 1; round <= 6; ++round) {
            for (int i = 0; i < round * 8; ++i)
                directorytest::whoisQuery(whoisPort, i % 3 ? QByteArray("coral-garden.example") : "round" + QByteArray::number(round) + ".example");
            for (int i = 0; i < round * 4; ++i)
                directorytest::rdapQuery(m_engine, rdapPort, i % 2 ? u"/domain/coral-garden.example"_s : u"/help"_s);
            const int samples = page->samplesReceived();
            QTRY_VERIFY_WITH_TIMEOUT(page->samplesReceived() > samples, 10000);
        }
        QTRY_VERIFY_WITH_TIMEOUT(page->rates().points().size() >= 4, 10000);
        QVERIFY(page->clientModel()->rowCount() >= 1);
        QTest::qWait(300);   // let the queued replots paint; nothing is asserted about timing

        const QString dir = qEnvironmentVariable("REGISTRY_BINARY_DIR") + u"/screenshots"_s;
        QVERIFY(QDir().mkpath(dir));
        const QImage image = window.grab().toImage().convertToFormat(QImage::Format_RGB32);
        const QString file = dir + u"/directory-page.png"_s;
        QVERIFY2(image.save(file), qPrintable(file));
        qInfo("screenshot: %s", qPrintable(file));
        checkNonTrivial(image);
        QCustomPlot *plot = page->queriesPlot();
        const int whoisPixels = pixelsOf(plot, plot->graph(1)->pen().color());
        QVERIFY2(whoisPixels >= 10, qPrintable(u"only %1 pixels of the Whois line"_s.arg(whoisPixels)));

        for (const QString &language : {u"de"_s, u"fr"_s}) {
            QVERIFY(languages.applyLanguage(language));
            QCoreApplication::processEvents();
            QTest::qWait(200);
            const QString translated = dir + u"/directory-page-"_s + language + u".png"_s;
            QVERIFY2(window.grab().save(translated), qPrintable(translated));
        }
        QVERIFY(languages.applyLanguage(u"en"_s));
    }

    void cleanupTestCase()
    {
        if (m_engine.isRunning())
            m_engine.stop();
    }

private:
    QTemporaryDir m_settingsDir;
    testsupport::EngineFixture m_engine;
};

QTEST_MAIN(tst_DirectoryScreenshot)
#include "tst_directoryscreenshot.moc"
