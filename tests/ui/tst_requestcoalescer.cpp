#include "ui/requestcoalescer.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

// RequestCoalescer: a burst of requests costs one read on its way plus one after it, never two in
// flight, and never two within the minimum gap.
class tst_RequestCoalescer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void firesAtOnceWhenIdle()
    {
        noc::RequestCoalescer c(10000);
        QSignalSpy fired(&c, &noc::RequestCoalescer::fire);
        c.request();
        QCOMPARE(fired.size(), 1);
        QVERIFY(c.isBusy());
    }

    void aBurstWhileBusyBecomesOneMoreRead()
    {
        noc::RequestCoalescer c(0);
        QSignalSpy fired(&c, &noc::RequestCoalescer::fire);
        c.request();
        for (int i = 0; i < 500; ++i)
            c.request();
        QCOMPARE(fired.size(), 1);   // the first read is still on its way
        QVERIFY(c.isPending());
        c.finished();
        QTRY_COMPARE(fired.size(), 2);
        c.finished();
        QTest::qWait(20);
        QCOMPARE(fired.size(), 2);   // nothing asked since: nothing read
        QVERIFY(!c.isBusy());
    }

    void keepsTheMinimumGapBetweenReads()
    {
        noc::RequestCoalescer c(150);
        QSignalSpy fired(&c, &noc::RequestCoalescer::fire);
        QElapsedTimer clock;
        clock.start();
        c.request();
        c.finished();                // answered at once
        c.request();
        c.request();
        QCOMPARE(fired.size(), 1);   // within the gap: waits
        QTRY_COMPARE(fired.size(), 2);
        QVERIFY2(clock.elapsed() >= 140, qPrintable(QString::number(clock.elapsed())));
    }

    void resetForgetsTheReadOnItsWay()
    {
        noc::RequestCoalescer c(0);
        QSignalSpy fired(&c, &noc::RequestCoalescer::fire);
        c.request();
        c.request();
        c.reset();
        QVERIFY(!c.isBusy());
        QVERIFY(!c.isPending());
        QTest::qWait(10);
        QCOMPARE(fired.size(), 1);
        c.request();                 // a reconnect reads at once
        QCOMPARE(fired.size(), 2);
    }
};

QTEST_GUILESS_MAIN(tst_RequestCoalescer)
#include "tst_requestcoalescer.moc"
