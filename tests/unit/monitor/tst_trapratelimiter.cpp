// The trap rate limit per source and overall, driven by a manual clock.
#include "monitor/trapratelimiter.h"

#include <QTest>

using namespace reg;
using namespace reg::monitor;
using namespace Qt::StringLiterals;

class tst_TrapRateLimiter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void burstThenSustainedRatePerSource();
    void oneNoisySourceDoesNotSilenceOthers();
    void overallLimitCapsManySources();
    void forgedSourcesCannotGrowMemory();
    void clockGoingBackDoesNotRefill();
};

void tst_TrapRateLimiter::burstThenSustainedRatePerSource()
{
    ManualClock clock;
    TrapRateLimiter limiter(clock, {2, 5, 1000, 1000, 100});
    const QHostAddress a(u"192.0.2.1"_s);
    for (int i = 0; i < 5; ++i)
        QVERIFY(limiter.admit(a));
    QVERIFY(!limiter.admit(a));
    clock.advance(500);   // one token at 2/s
    QVERIFY(limiter.admit(a));
    QVERIFY(!limiter.admit(a));
    clock.advance(60000);   // refills to the burst, not beyond
    for (int i = 0; i < 5; ++i)
        QVERIFY(limiter.admit(a));
    QVERIFY(!limiter.admit(a));
}

void tst_TrapRateLimiter::oneNoisySourceDoesNotSilenceOthers()
{
    ManualClock clock;
    TrapRateLimiter limiter(clock, {1, 3, 1000, 1000, 100});
    const QHostAddress noisy(u"192.0.2.1"_s);
    for (int i = 0; i < 100; ++i)
        limiter.admit(noisy);
    QVERIFY(limiter.admit(QHostAddress(u"192.0.2.2"_s)));
}

void tst_TrapRateLimiter::overallLimitCapsManySources()
{
    ManualClock clock;
    TrapRateLimiter limiter(clock, {10, 10, 1, 20, 1000});
    int admitted = 0;
    for (int i = 0; i < 100; ++i)
        admitted += limiter.admit(QHostAddress(quint32(0xc0000200 + i))) ? 1 : 0;
    QCOMPARE(admitted, 20);
}

void tst_TrapRateLimiter::forgedSourcesCannotGrowMemory()
{
    ManualClock clock;
    TrapRateLimiter limiter(clock, {1, 2, 1e9, 1e9, 50});
    for (quint32 i = 0; i < 10000; ++i)
        limiter.admit(QHostAddress(0x0a000000 + i));
    QVERIFY(limiter.trackedSources() <= 50);
    clock.advance(10000);   // every bucket full again: idle sources are forgotten, new ones admitted
    QVERIFY(limiter.admit(QHostAddress(u"198.51.100.1"_s)));
}

void tst_TrapRateLimiter::clockGoingBackDoesNotRefill()
{
    ManualClock clock;
    TrapRateLimiter limiter(clock, {1, 1, 1000, 1000, 10});
    const QHostAddress a(u"192.0.2.1"_s);
    QVERIFY(limiter.admit(a));
    clock.advance(-3600 * 1000);
    QVERIFY(!limiter.admit(a));
}

QTEST_GUILESS_MAIN(tst_TrapRateLimiter)
#include "tst_trapratelimiter.moc"
