#include <net/reconnectbackoff.h>

#include <QTest>

#include <limits>

using namespace noc;

class tst_ReconnectBackoff : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void doublesFromOneSecondToSixtySeconds_data();
    void doublesFromOneSecondToSixtySeconds();
    void jitterStaysWithinTwentyPercentAndTheCap();
    void resetStartsAgainAtOneSecond();
    void realRandomSourceStaysInRange();
    void customBoundsDoubleFromTheInitialDelayToTheMaximum_data();
    void customBoundsDoubleFromTheInitialDelayToTheMaximum();
    void resetStartsAgainAtTheCustomInitialDelay();
};

void tst_ReconnectBackoff::doublesFromOneSecondToSixtySeconds_data()
{
    QTest::addColumn<double>("random");
    QTest::addColumn<QList<int>>("expected");
    QTest::newRow("no jitter") << 0.5
                               << QList<int>{1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000};
    QTest::newRow("lowest jitter") << 0.0
                                   << QList<int>{800, 1600, 3200, 6400, 12800, 25600, 48000, 48000, 48000};
    QTest::newRow("highest jitter capped at 60 s")
        << 1.0 << QList<int>{1200, 2400, 4800, 9600, 19200, 38400, 60000, 60000, 60000};
}

void tst_ReconnectBackoff::doublesFromOneSecondToSixtySeconds()
{
    QFETCH(double, random);
    QFETCH(QList<int>, expected);
    ReconnectBackoff backoff([random] { return random; });
    QList<int> delays;
    for (qsizetype i = 0; i < expected.size(); ++i)
        delays.append(backoff.next());
    QCOMPARE(delays, expected);
    QCOMPARE(backoff.attempts(), int(expected.size()));
}

void tst_ReconnectBackoff::jitterStaysWithinTwentyPercentAndTheCap()
{
    // A source that walks through [0, 1) so every step sees a different spread.
    double u = 0.0;
    ReconnectBackoff backoff([&u] {
        u += 0.137;
        if (u >= 1.0)
            u -= 1.0;
        return u;
    });
    for (int i = 0; i < 30; ++i) {
        const int nominal = backoff.nominalMsecs();
        const int delay = backoff.next();
        QVERIFY2(delay >= nominal * 0.8 - 1 && delay <= std::min(nominal * 1.2 + 1, 60000.0),
                 qPrintable(QStringLiteral("step %1: %2 ms for nominal %3 ms").arg(i).arg(delay).arg(nominal)));
    }
}

void tst_ReconnectBackoff::resetStartsAgainAtOneSecond()
{
    ReconnectBackoff backoff([] { return 0.5; });
    for (int i = 0; i < 10; ++i)
        backoff.next();
    QCOMPARE(backoff.nominalMsecs(), 60000);
    backoff.reset();
    QCOMPARE(backoff.attempts(), 0);
    QCOMPARE(backoff.next(), 1000);
    QCOMPARE(backoff.next(), 2000);
}

void tst_ReconnectBackoff::realRandomSourceStaysInRange()
{
    ReconnectBackoff backoff;
    for (int i = 0; i < 200; ++i) {
        const int nominal = backoff.nominalMsecs();
        const int delay = backoff.next();
        QVERIFY(delay >= nominal * 0.8 - 1);
        QVERIFY(delay <= 60000);
        if (i % 10 == 9)
            backoff.reset();
    }
}

void tst_ReconnectBackoff::customBoundsDoubleFromTheInitialDelayToTheMaximum_data()
{
    QTest::addColumn<int>("initial");
    QTest::addColumn<int>("maximum");
    QTest::addColumn<QList<int>>("expected");
    QTest::newRow("ten minutes fixed") << 600000 << 600000 << QList<int>{600000, 600000, 600000};
    QTest::newRow("250 ms up to 1 s") << 250 << 1000 << QList<int>{250, 500, 1000, 1000};
    QTest::newRow("maximum below initial is raised to it") << 5000 << 10 << QList<int>{5000, 5000};
    QTest::newRow("zero initial is raised to 1 ms") << 0 << 4 << QList<int>{1, 2, 4, 4};
    QTest::newRow("negative initial is raised to 1 ms") << -20 << 2 << QList<int>{1, 2, 2};
    QTest::newRow("maximum near INT_MAX does not overflow")
        << 1 << std::numeric_limits<int>::max()
        << QList<int>{1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384, 32768, 65536,
                      131072, 262144, 524288, 1048576, 2097152, 4194304, 8388608, 16777216, 33554432,
                      67108864, 134217728, 268435456, 536870912, 1073741824, std::numeric_limits<int>::max(),
                      std::numeric_limits<int>::max()};
}

void tst_ReconnectBackoff::customBoundsDoubleFromTheInitialDelayToTheMaximum()
{
    QFETCH(int, initial);
    QFETCH(int, maximum);
    QFETCH(QList<int>, expected);
    ReconnectBackoff backoff(initial, maximum, [] { return 0.5; });
    QVERIFY(backoff.initialMsecs() >= 1);
    QVERIFY(backoff.maximumMsecs() >= backoff.initialMsecs());
    QList<int> delays;
    for (qsizetype i = 0; i < expected.size(); ++i)
        delays.append(backoff.next());
    QCOMPARE(delays, expected);
}

void tst_ReconnectBackoff::resetStartsAgainAtTheCustomInitialDelay()
{
    // Highest jitter: the delay never exceeds the custom maximum either.
    ReconnectBackoff backoff(3000, 20000, [] { return 1.0; });
    QCOMPARE(backoff.next(), 3600);
    QCOMPARE(backoff.next(), 7200);
    QCOMPARE(backoff.next(), 14400);
    QCOMPARE(backoff.next(), 20000);
    backoff.reset();
    QCOMPARE(backoff.nominalMsecs(), 3000);
    QCOMPARE(backoff.next(), 3600);
}

QTEST_GUILESS_MAIN(tst_ReconnectBackoff)
#include "tst_reconnectbackoff.moc"
