#include "widgets/criticalalarmindicator.h"

#include <QSignalSpy>
#include <QTest>

using noc::CriticalAlarmIndicator;

// The critical-alarm indicator's state machine: only an alert flashes (and beeps, with the sound
// on), and only acknowledging or clearing every unhandled alarm (count 0) stops it. Short intervals;
// the tests wait for states, never for durations.
class tst_CriticalAlarmIndicator : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_indicator = std::make_unique<CriticalAlarmIndicator>();
        m_indicator->setFlashInterval(20);
        m_indicator->setBeepInterval(20);
        m_beeps = 0;
        m_indicator->setBeeper([this] { ++m_beeps; });
        m_indicator->show();
    }

    void quietWithoutAlarms()
    {
        QCOMPARE(m_indicator->count(), 0);
        QVERIFY(!m_indicator->isFlashing());
        QCOMPARE(m_indicator->displayText(), QStringLiteral("No critical alarms"));
        m_indicator->alert();   // nothing unhandled: nothing to flash for
        QVERIFY(!m_indicator->isAlerting());
        QVERIFY(!m_indicator->isFlashing());
    }

    void knownAlarmsAreRedButDoNotFlash()
    {
        m_indicator->setCount(3);
        QVERIFY(m_indicator->displayText().startsWith(QLatin1Char('3')));   // plural forms need a catalogue
        QVERIFY(!m_indicator->isFlashing());
        QVERIFY(m_indicator->isFlashOn());
    }

    void alertFlashesUntilTheCountDropsToZero()
    {
        m_indicator->setCount(2);
        m_indicator->alert();
        QVERIFY(m_indicator->isAlerting());
        QVERIFY(m_indicator->isFlashing());
        QTRY_VERIFY(!m_indicator->isFlashOn());   // it does blink
        QTRY_VERIFY(m_indicator->isFlashOn());
        m_indicator->setCount(1);   // one acknowledged: still flashing for the other
        QVERIFY(m_indicator->isFlashing());
        m_indicator->setCount(0);
        QVERIFY(!m_indicator->isFlashing());
        QVERIFY(!m_indicator->isAlerting());
        QVERIFY(m_indicator->isFlashOn());   // left in the steady phase
        // A later alarm that is merely known again does not restart it.
        m_indicator->setCount(1);
        QVERIFY(!m_indicator->isFlashing());
    }

    void beepsOnlyWithTheSoundOn()
    {
        m_indicator->setCount(1);
        m_indicator->alert();
        QVERIFY(!m_indicator->isSounding());
        QCOMPARE(m_beeps, 0);
        m_indicator->setSoundEnabled(true);   // switched on while alerting: starts at once
        QVERIFY(m_indicator->isSounding());
        QCOMPARE(m_beeps, 1);
        QTRY_VERIFY(m_beeps >= 3);   // and repeats
        m_indicator->setSoundEnabled(false);
        QVERIFY(!m_indicator->isSounding());
        QVERIFY(m_indicator->isFlashing());   // the picture keeps flashing without the sound
        m_indicator->setSoundEnabled(true);
        m_indicator->setCount(0);
        QVERIFY(!m_indicator->isSounding());
        const int beeps = m_beeps;
        QTest::qWait(100);
        QCOMPARE(m_beeps, beeps);
    }

    void aNewAlertBeepsAtOnce()
    {
        m_indicator->setBeepInterval(60000);
        m_indicator->setSoundEnabled(true);
        m_indicator->setCount(1);
        m_indicator->alert();
        QCOMPARE(m_beeps, 1);
        m_indicator->setCount(2);
        m_indicator->alert();
        QCOMPARE(m_beeps, 2);
    }

    void clickIsSignalled()
    {
        QSignalSpy clicked(m_indicator.get(), &CriticalAlarmIndicator::clicked);
        QTest::mouseClick(m_indicator.get(), Qt::LeftButton);
        QCOMPARE(clicked.count(), 1);
    }

    void largeForTheWall()
    {
        const QSize normal = m_indicator->sizeHint();
        m_indicator->setLarge(true);
        QVERIFY(m_indicator->isLarge());
        QVERIFY(m_indicator->sizeHint().height() > normal.height());
        m_indicator->setLarge(false);
        QCOMPARE(m_indicator->sizeHint(), normal);
    }

private:
    std::unique_ptr<CriticalAlarmIndicator> m_indicator;
    int m_beeps = 0;
};

QTEST_MAIN(tst_CriticalAlarmIndicator)
#include "tst_criticalalarmindicator.moc"
