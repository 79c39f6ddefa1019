#include "uitestsupport.h"

#include "ui/languagemanager.h"
#include "ui/mainwindow.h"
#include "ui/overviewpage.h"
#include "ui/servicestatusmodel.h"
#include "widgets/connectionbanner.h"

#include <QDir>
#include <QHash>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;

// Shows the connected main window on a real X server (xvfb-run), saves it to
// REGISTRY_BINARY_DIR/screenshots/main-window.png for people and release notes, and checks that the
// picture is a real window rather than a blank or single-colour surface.
class tst_Screenshot : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_settingsDir.isValid());
        uitest::isolateSettings(m_settingsDir);
        QVERIFY2(qEnvironmentVariableIsSet("REGISTRY_BINARY_DIR"), "run through ctest");
        QString error;
        QVERIFY2(m_engine.start(&error), qPrintable(error));
    }

    void connectedMainWindowIsNonTrivial()
    {
        noc::LanguageManager languages;
        QVERIFY(languages.applyLanguage(u"en"_s));
        noc::MainWindow window(&languages);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.connectToEngine(uitest::profileFor(m_engine), m_engine.adminPassword());
        QTRY_COMPARE_WITH_TIMEOUT(window.session()->state(), noc::ConsoleSession::State::Connected, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(window.overviewPage()->serviceModel()->rowOf(u"management"_s) >= 0, 10000);

        // A few real journal events so the event list shows what an operator would see.
        const QByteArray token = testsupport::login(m_engine, u"admin"_s, m_engine.adminPassword());
        QVERIFY(!token.isEmpty());
        const QStringList users{u"dana"_s, u"eric"_s};
        for (const QString &user : users) {
            const QByteArray body = QJsonDocument(QJsonObject{{u"name"_s, user},
                                                              {u"password"_s, u"Helpdesk-77"_s},
                                                              {u"roles"_s, QJsonArray{u"helpdesk-tier1"_s}}})
                                        .toJson(QJsonDocument::Compact);
            const auto reply = testsupport::httpsRequest(m_engine, "POST", u"/api/v1/users"_s, body, token);
            QVERIFY2(reply.status == 201, reply.body.constData());
        }
        QTRY_VERIFY_WITH_TIMEOUT(window.overviewPage()->journalHeadText().contains(u'#'), 10000);
        QTest::qWait(300);   // let the last events paint; nothing is asserted about timing

        const QImage image = window.grab().toImage().convertToFormat(QImage::Format_RGB32);
        const QString dir = qEnvironmentVariable("REGISTRY_BINARY_DIR") + u"/screenshots"_s;
        QVERIFY(QDir().mkpath(dir));
        const QString file = dir + u"/main-window.png"_s;
        QVERIFY2(image.save(file), qPrintable(file));
        qInfo("screenshot: %s", qPrintable(file));

        QVERIFY2(image.width() >= 800 && image.height() >= 500,
                 qPrintable(u"%1x%2"_s.arg(image.width()).arg(image.height())));
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
        QVERIFY2(histogram.size() >= 200, qPrintable(u"only %1 distinct colours"_s.arg(histogram.size())));
        QVERIFY2(commonest * 100 / pixels < 80,
                 qPrintable(u"one colour covers %1% of the window"_s.arg(commonest * 100 / pixels)));

        // German and French windows, for reviewing translations in place (long words, cut labels).
        for (const QString &language : {u"de"_s, u"fr"_s}) {
            QVERIFY(languages.applyLanguage(language));
            QCoreApplication::processEvents();
            QTest::qWait(200);
            const QString translated = dir + u"/main-window-"_s + language + u".png"_s;
            QVERIFY2(window.grab().save(translated), qPrintable(translated));
        }
        QVERIFY(languages.applyLanguage(u"en"_s));

        // The same window once the engine is gone: the picture of "you are looking at old data".
        QCOMPARE(m_engine.stop(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(window.connectionBanner()->isVisible(), 30000);
        QCOMPARE(window.connectionBanner()->severity(), noc::StatusPalette::Severity::Critical);
        QTest::qWait(300);
        const QString lost = dir + u"/main-window-disconnected.png"_s;
        QVERIFY2(window.grab().save(lost), qPrintable(lost));
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

QTEST_MAIN(tst_Screenshot)
#include "tst_screenshot.moc"
