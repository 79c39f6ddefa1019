// Interface traffic from two readings of 64-bit octet counters: wrap, discontinuity, zero speed.
#include "monitor/snmpcounters.h"

#include <QTest>

#include <limits>

using namespace reg::monitor;

class tst_SnmpCounters : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void deltaOfGrowingCounter();
    void deltaAcrossA64BitWrap();
    void noDeltaAfterADiscontinuity();
    void rateInBitsPerSecond();
    void resetWithoutRebootIsNotARate();
    void noRateWithoutElapsedTime();
    void utilisationOfTheBusierDirection();
    void noUtilisationAtZeroSpeed();
    void utilisationNeverAbove100();
    void restartWhenUpTimeGoesBack();
};

void tst_SnmpCounters::deltaOfGrowingCounter()
{
    QCOMPARE(counterDelta64(1000, 4000, false), std::optional<quint64>(3000));
    QCOMPARE(counterDelta64(5, 5, false), std::optional<quint64>(0));
}

void tst_SnmpCounters::deltaAcrossA64BitWrap()
{
    const quint64 max = std::numeric_limits<quint64>::max();
    QCOMPARE(counterDelta64(max - 99, 100, false), std::optional<quint64>(200));
    QCOMPARE(counterDelta64(max, 0, false), std::optional<quint64>(1));
}

void tst_SnmpCounters::noDeltaAfterADiscontinuity()
{
    QCOMPARE(counterDelta64(1000, 4000, true), std::nullopt);
    QCOMPARE(counterDelta64(4000, 10, true), std::nullopt);
}

void tst_SnmpCounters::rateInBitsPerSecond()
{
    // 125,000,000 octets in 10 s = 100 Mb/s on a 1 Gb/s interface.
    QCOMPARE(bitsPerSecond(125000000, 10000, 1000000000), std::optional<double>(1e8));
    QCOMPARE(bitsPerSecond(0, 300000, 1000000000), std::optional<double>(0.0));
}

void tst_SnmpCounters::resetWithoutRebootIsNotARate()
{
    // A counter reset to 10 from 4000 without a restart reads as a near-2^64 "wrap".
    const auto delta = counterDelta64(4000, 10, false);
    QVERIFY(delta);
    QCOMPARE(bitsPerSecond(*delta, 300000, 1000000000), std::nullopt);
    QCOMPARE(bitsPerSecond(*delta, 300000, 0), std::nullopt);   // unknown speed: still implausible
}

void tst_SnmpCounters::noRateWithoutElapsedTime()
{
    QCOMPARE(bitsPerSecond(1000, 0, 1000000000), std::nullopt);
    QCOMPARE(bitsPerSecond(1000, -5, 1000000000), std::nullopt);
}

void tst_SnmpCounters::utilisationOfTheBusierDirection()
{
    QCOMPARE(utilisationPercent(2e8, 5e8, 1000000000), std::optional<double>(50.0));
    QCOMPARE(utilisationPercent(std::nullopt, 1e8, 1000000000), std::optional<double>(10.0));
    QCOMPARE(utilisationPercent(std::nullopt, std::nullopt, 1000000000), std::nullopt);
}

void tst_SnmpCounters::noUtilisationAtZeroSpeed()
{
    // Loopback and tunnels report ifHighSpeed 0: traffic yes, utilisation no.
    QCOMPARE(utilisationPercent(1e6, 1e6, 0), std::nullopt);
    QVERIFY(bitsPerSecond(1000000, 1000, 0));
}

void tst_SnmpCounters::utilisationNeverAbove100()
{
    // Up to twice the speed is accepted as a rate (bursts, rounding of ifHighSpeed), shown as full.
    const auto bps = bitsPerSecond(187500000, 1000, 1000000000);   // 1.5 Gb/s
    QVERIFY(bps);
    QCOMPARE(utilisationPercent(bps, 0.0, 1000000000), std::optional<double>(100.0));
}

void tst_SnmpCounters::restartWhenUpTimeGoesBack()
{
    QVERIFY(isRestart(500000, 1200));
    QVERIFY(!isRestart(500000, 500100));
    QVERIFY(!isRestart(std::nullopt, 1200));
    QVERIFY(!isRestart(500000, std::nullopt));
}

QTEST_GUILESS_MAIN(tst_SnmpCounters)
#include "tst_snmpcounters.moc"
