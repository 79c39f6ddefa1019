#include <net/reconnectbackoff.h>

#include <QTest>

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

QTEST_GUILESS_MAIN(tst_ReconnectBackoff)
#include "tst_reconnectbackoff.moc"
