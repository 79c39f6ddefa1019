#include "uitestsupport.h"

#include "ui/alarmfilterproxy.h"
#include "ui/alarmmodel.h"
#include "ui/alarmspage.h"
#include "ui/languagemanager.h"
#include "ui/mainwindow.h"
#include "widgets/criticalalarmindicator.h"

#include <QAction>
#include <QCheckBox>
#include <QJsonObject>
#include <QMenuBar>
#include <QSettings>
#include <QTest>

#include "alarmtestdata.h"

using namespace Qt::StringLiterals;
using namespace alarmtest;
using noc::MainWindow;

// The main window's side of alarms, offscreen and without an engine: the critical indicator fed by
// the session's event stream (emitted as the session would), the alarm sound setting, and wall mode
// (full screen, navigation and menus hidden, larger text, the page kept; Esc and F11 leave).
class tst_WallMode : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_settingsDir.isValid());
        uitest::isolateSettings(m_settingsDir);
    }

    void init()
    {
        m_window = std::make_unique<MainWindow>();
        m_window->resize(1280, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));   // shortcuts go to the active window
        m_indicator = m_window->criticalAlarmIndicator();
        QVERIFY(m_indicator);
        m_indicator->setFlashInterval(20);
        m_indicator->setBeeper([this] { ++m_beeps; });
        m_beeps = 0;
    }

    void cleanup()
    {
        m_window.reset();
    }

    void healthPageIsTheAlarmsPage()
    {
        m_window->showPage(MainWindow::Health);
        QCOMPARE(m_window->currentPage(), MainWindow::Health);
        QVERIFY(m_window->alarmsPage()->isVisible());
    }

    void indicatorFollowsTheEventStream()
    {
        QCOMPARE(m_indicator->count(), 0);
        Q_EMIT m_window->session()->eventReceived(change(u"raised"_s, alarm(1, u"critical"_s), false));
        QCOMPARE(m_indicator->count(), 1);
        QVERIFY(!m_indicator->isFlashing());   // not notified: red, but steady
        Q_EMIT m_window->session()->eventReceived(change(u"raised"_s, alarm(2, u"major"_s, u"18"_s), true));
        QCOMPARE(m_indicator->count(), 2);
        QVERIFY(m_indicator->isFlashing());
        Q_EMIT m_window->session()->eventReceived(change(u"acknowledged"_s, acknowledged(alarm(2, u"major"_s, u"18"_s))));
        QVERIFY(m_indicator->isFlashing());   // alarm 1 still unhandled
        Q_EMIT m_window->session()->eventReceived(change(u"cleared"_s, alarm(1, u"critical"_s)));
        QCOMPARE(m_indicator->count(), 0);
        QVERIFY(!m_indicator->isFlashing());
    }

    void clickingTheIndicatorShowsWhatNeedsAttention()
    {
        Q_EMIT m_window->session()->eventReceived(change(u"raised"_s, alarm(1, u"critical"_s), true));
        m_window->showPage(MainWindow::Overview);
        QTest::mouseClick(m_indicator, Qt::LeftButton);
        QCOMPARE(m_window->currentPage(), MainWindow::Health);
        QVERIFY(m_window->alarmsPage()->attentionFilter()->isChecked());
        QCOMPARE(m_window->alarmsPage()->alarmProxy()->rowCount(), 1);
    }

    void alarmSoundIsASavedSetting()
    {
        QAction *sound = m_window->alarmSoundAction();
        QVERIFY(!sound->isChecked());
        QVERIFY(!m_indicator->isSoundEnabled());
        sound->trigger();
        QVERIFY(m_indicator->isSoundEnabled());
        Q_EMIT m_window->session()->eventReceived(change(u"raised"_s, alarm(1, u"critical"_s), true));
        QVERIFY(m_indicator->isSounding());
        QVERIFY(m_beeps >= 1);
        m_window.reset();
        QVERIFY(QSettings().value(u"alarms/sound"_s).toBool());
        m_window = std::make_unique<MainWindow>();
        QVERIFY(m_window->alarmSoundAction()->isChecked());
        QVERIFY(m_window->criticalAlarmIndicator()->isSoundEnabled());
        m_window->alarmSoundAction()->trigger();
        QVERIFY(!QSettings().value(u"alarms/sound"_s).toBool());
    }

    void wallModeHidesTheChromeAndKeepsThePage()
    {
        m_window->showPage(MainWindow::Health);
        auto *sidebar = m_window->findChild<QWidget *>(u"sidebar"_s);
        QVERIFY(sidebar && sidebar->isVisible());
        const qreal normalPoint = m_window->centralWidget()->font().pointSizeF();

        m_window->wallModeAction()->trigger();
        QVERIFY(m_window->isWallMode());
        QVERIFY(m_window->wallModeAction()->isChecked());
        QVERIFY(m_window->windowState() & Qt::WindowFullScreen);
        QVERIFY(!sidebar->isVisible());
        QVERIFY(!m_window->menuBar()->isVisible());
        QVERIFY(m_window->alarmsPage()->isVisible());   // the page on screen stays
        QCOMPARE(m_window->currentPage(), MainWindow::Health);
        QVERIFY(m_indicator->isVisible());
        QVERIFY(m_indicator->isLarge());
        QVERIFY(m_window->centralWidget()->font().pointSizeF() > normalPoint);

        QTest::keyClick(m_window.get(), Qt::Key_Escape);
        QVERIFY(!m_window->isWallMode());
        QVERIFY(!m_window->wallModeAction()->isChecked());
        QVERIFY(!(m_window->windowState() & Qt::WindowFullScreen));
        QVERIFY(sidebar->isVisible());
        QVERIFY(m_window->menuBar()->isVisible());
        QVERIFY(!m_indicator->isLarge());
        QCOMPARE(m_window->centralWidget()->font().pointSizeF(), normalPoint);
        QCOMPARE(m_window->currentPage(), MainWindow::Health);
    }

    void f11TogglesWallModeWithTheMenusHidden()
    {
        m_window->showPage(MainWindow::Overview);
        QTest::keyClick(m_window.get(), Qt::Key_F11);
        QVERIFY(m_window->isWallMode());
        QCOMPARE(m_window->currentPage(), MainWindow::Overview);
        QTest::keyClick(m_window.get(), Qt::Key_F11);   // the menu bar is hidden: the window's own action
        QVERIFY(!m_window->isWallMode());
        // Esc outside wall mode does nothing to the window.
        QTest::keyClick(m_window.get(), Qt::Key_Escape);
        QVERIFY(!m_window->isWallMode());
        QVERIFY(m_window->menuBar()->isVisible());
    }

private:
    QTemporaryDir m_settingsDir;
    std::unique_ptr<MainWindow> m_window;
    noc::CriticalAlarmIndicator *m_indicator = nullptr;
    int m_beeps = 0;
};

QTEST_MAIN(tst_WallMode)
#include "tst_wallmode.moc"
