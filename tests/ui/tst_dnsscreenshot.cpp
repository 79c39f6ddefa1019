#include "uitestsupport.h"

#include "ui/customplot.h"
#include "ui/dnspage.h"
#include "ui/dnszonemodel.h"
#include "ui/languagemanager.h"
#include "ui/mainwindow.h"

#include <QDir>
#include <QHash>
#include <QImage>
#include <QJsonArray>
#include <QProcess>
#include <QTest>

#include <cstdlib>

using namespace Qt::StringLiterals;

namespace {

QString dnsState(const QJsonObject &status)
{
    for (const QJsonValue &s : status.value(u"services"_s).toArray()) {
        if (s.toObject().value(u"name"_s).toString() == u"dns"_s)
            return s.toObject().value(u"state"_s).toString();
    }
    return {};
}

// Fires a burst of queries at the engine without waiting for it (dig's own batch mode), so the
// chart shows traffic; the answers are not what this test is about.
void startQueryBurst(QProcess &process, quint16 port, int count)
{
    QByteArray batch;
    const char *types[] = {"SOA", "NS", "A", "AAAA", "DS"};
    for (int i = 0; i < count; ++i)
        batch += i % 7 == 0 ? QByteArray("missing-" + QByteArray::number(i) + ".example. A\n")
                            : QByteArray(QByteArray("example. ") + types[i % 5] + '\n');
    process.start(u"dig"_s, {u"@127.0.0.1"_s, u"-p"_s, QString::number(port), u"+norecurse"_s, u"+tries=1"_s, u"+time=2"_s, u"-f"_s, u"-"_s});
    process.write(batch);
    process.closeWriteChannel();
}

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

} // namespace

// The DNS page on a real X server (xvfb-run), saved to REGISTRY_BINARY_DIR/screenshots/dns-page.png
// (and -de, -fr) for people and release notes, after a few polls with query traffic.
class tst_DnsScreenshot : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_settingsDir.isValid());
        uitest::isolateSettings(m_settingsDir);
        QVERIFY2(qEnvironmentVariableIsSet("REGISTRY_BINARY_DIR"), "run through ctest");
        // The traffic that fills the charts repeats the same few queries: rate limiting would hold
        // them back (and each held-back dig waits out its time-out).
        m_engine.setConfigValue(QStringLiteral("dns"), QStringLiteral("rrl_responses_per_second"), QStringLiteral("0"));
        QString error;
        QVERIFY2(m_engine.start(&error), qPrintable(error));
    }

    void dnsPage()
    {
        noc::LanguageManager languages;
        QVERIFY(languages.applyLanguage(u"en"_s));
        noc::MainWindow window(&languages);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        noc::DnsPage *page = window.dnsPage();
        page->setPollInterval(1000);
        window.showPage(noc::MainWindow::Dns);
        window.connectToEngine(uitest::profileFor(m_engine), m_engine.adminPassword());
        QTRY_COMPARE_WITH_TIMEOUT(window.session()->state(), noc::ConsoleSession::State::Connected, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(!dnsState(window.session()->lastStatus()).isEmpty(), 10000);

        QCOMPARE(dnsState(window.session()->lastStatus()), u"running"_s);
        QTRY_COMPARE_WITH_TIMEOUT(page->status(), noc::DnsPage::Status::Live, 10000);
        // Traffic of changing strength over several polls, so the lines have a shape.
        for (int round = 1; round <= 6; ++round) {
            QProcess burst;
            startQueryBurst(burst, m_engine.port(u"dns"_s), round * 40);
            QVERIFY(burst.waitForFinished(60000));
            const int samples = page->samplesReceived();
            QTRY_VERIFY_WITH_TIMEOUT(page->samplesReceived() > samples, 10000);
        }
        QTRY_VERIFY_WITH_TIMEOUT(page->rates().points().size() >= 4, 10000);
        QVERIFY(page->zoneModel()->rowCount() >= 1);
        QTest::qWait(300);   // let the queued replots paint; nothing is asserted about timing

        const QString dir = qEnvironmentVariable("REGISTRY_BINARY_DIR") + u"/screenshots"_s;
        QVERIFY(QDir().mkpath(dir));
        const QImage image = window.grab().toImage().convertToFormat(QImage::Format_RGB32);
        const QString file = dir + u"/dns-page.png"_s;
        QVERIFY2(image.save(file), qPrintable(file));
        qInfo("screenshot: %s", qPrintable(file));
        checkNonTrivial(image);
        // The chart has a drawn UDP line, not only axes: without the legend (which shows the line's
        // colour too) pixels of the UDP blue can only come from data.
        QCustomPlot *plot = page->queriesPlot();
        plot->legend->setVisible(false);
        plot->replot(QCustomPlot::rpImmediateRefresh);
        const QImage chart = plot->grab().toImage().convertToFormat(QImage::Format_RGB32);
        plot->legend->setVisible(true);
        plot->replot(QCustomPlot::rpQueuedReplot);
        const QColor udpBlue = plot->graph(1)->pen().color();
        int bluePixels = 0;
        for (int y = 0; y < chart.height(); ++y) {
            for (int x = 0; x < chart.width(); ++x) {
                const QColor c = chart.pixelColor(x, y);
                if (std::abs(c.red() - udpBlue.red()) + std::abs(c.green() - udpBlue.green()) + std::abs(c.blue() - udpBlue.blue()) < 40)
                    ++bluePixels;
            }
        }
        QVERIFY2(bluePixels >= 10, qPrintable(u"only %1 pixels of the UDP line"_s.arg(bluePixels)));

        for (const QString &language : {u"de"_s, u"fr"_s}) {
            QVERIFY(languages.applyLanguage(language));
            QCoreApplication::processEvents();
            QTest::qWait(200);
            const QString translated = dir + u"/dns-page-"_s + language + u".png"_s;
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

QTEST_MAIN(tst_DnsScreenshot)
#include "tst_dnsscreenshot.moc"
