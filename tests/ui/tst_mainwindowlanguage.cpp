#include "uitestsupport.h"

#include "ui/languagemanager.h"
#include "ui/mainwindow.h"
#include "widgets/connectionbanner.h"
#include "widgets/emptystatepage.h"

#include <QListWidget>
#include <QMenuBar>
#include <QSettings>
#include <QStackedWidget>
#include <QTest>

using namespace Qt::StringLiterals;

// The main window without an engine: honest empty pages, and live retranslation through the
// embedded German and French catalogues.
class tst_MainWindowLanguage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_settingsDir.isValid());
        uitest::isolateSettings(m_settingsDir);
    }

    void unbuiltPagesShowHonestEmptyState()
    {
        noc::MainWindow window;
        auto *nav = window.findChild<QListWidget *>(u"navigation"_s);
        QVERIFY(nav);
        QCOMPARE(nav->count(), int(noc::MainWindow::PageCount));
        // The Registry page is built (RegistryPage), and Topology and Health & Alarms; the other
        // pages before Registry are still placeholders.
        for (int page = noc::MainWindow::Topology; page < noc::MainWindow::Registry; ++page) {
            if (page == noc::MainWindow::Topology || page == noc::MainWindow::Health)
                continue;   // built: TopologyPage, AlarmsPage
            window.showPage(noc::MainWindow::Page(page));
            QCOMPARE(window.currentPage(), noc::MainWindow::Page(page));
            auto *stack = window.findChild<QStackedWidget *>();
            auto *empty = qobject_cast<noc::EmptyStatePage *>(stack->currentWidget());
            QVERIFY2(empty, "every page not yet built is an EmptyStatePage");
            QCOMPARE(empty->title(), nav->item(page)->text());
            QVERIFY2(empty->description().contains(u"does not provide"_s), qPrintable(empty->description()));
            // No tables, lists or charts that could be mistaken for data.
            QVERIFY(empty->findChildren<QAbstractItemView *>().isEmpty());
        }
    }

    void retranslatesLive_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("connectionMenu");
        QTest::addColumn<QString>("overview");
        QTest::addColumn<QString>("bannerTitle");
        QTest::newRow("German") << u"de"_s << u"&Verbindung"_s << u"Übersicht"_s << u"Nicht verbunden"_s;
        QTest::newRow("French") << u"fr"_s << u"&Connexion"_s << u"Vue d’ensemble"_s << u"Non connecté"_s;
        QTest::newRow("English") << u"en"_s << u"&Connection"_s << u"Overview"_s << u"Not connected"_s;
    }
    void retranslatesLive()
    {
        QFETCH(QString, language);
        QFETCH(QString, connectionMenu);
        QFETCH(QString, overview);
        QFETCH(QString, bannerTitle);

        noc::LanguageManager languages;
        QVERIFY(languages.applyLanguage(u"en"_s));
        noc::MainWindow window(&languages);
        QVERIFY(languages.setPreference(language));
        QCoreApplication::processEvents();   // LanguageChange is posted, not sent

        QCOMPARE(window.menuBar()->actions().constFirst()->text(), connectionMenu);
        QCOMPARE(window.findChild<QListWidget *>(u"navigation"_s)->item(0)->text(), overview);
        QCOMPARE(window.connectionBanner()->title(), bannerTitle);
        QCOMPARE(languages.currentLanguage(), language);
        QCOMPARE(QSettings().value(u"ui/language"_s).toString(), language);
        QCOMPARE(languages.preference(), language);
    }

    void rejectsUnknownLanguageAndKeepsCurrent()
    {
        noc::LanguageManager languages;
        QVERIFY(languages.setPreference(u"de"_s));
        QVERIFY(!languages.setPreference(u"xx"_s));
        QVERIFY(!languages.applyLanguage(u"xx"_s));
        QCOMPARE(languages.currentLanguage(), u"de"_s);
        QCOMPARE(languages.preference(), u"de"_s);
        QVERIFY(languages.setPreference(QString()));   // back to "follow the system"
        QVERIFY(languages.preference().isEmpty());
    }

private:
    QTemporaryDir m_settingsDir;
};

QTEST_MAIN(tst_MainWindowLanguage)
#include "tst_mainwindowlanguage.moc"
