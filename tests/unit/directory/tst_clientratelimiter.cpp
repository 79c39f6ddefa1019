#include "directory/clientratelimiter.h"

#include <QTest>

using namespace Qt::StringLiterals;
using reg::ManualClock;
using reg::directory::ClientRateLimiter;

// The per-client query limits of Whois and RDAP, driven by a ManualClock.
class tst_ClientRateLimiter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void allowsTheLimitThenRefuses_data();
    void allowsTheLimitThenRefuses();
    void earnsQueriesBackOverTime();
    void fullAllowanceAfterAMinuteIdle();
    void clientsAreCountedSeparately();
    void registrarNetworksGetTheHigherLimit_data();
    void registrarNetworksGetTheHigherLimit();
    void ipv6CountsPerSlash64_data();
    void ipv6CountsPerSlash64();
    void ipv4MappedIsTheSameClient();
    void fullTableForgetsTheLeastRecentlySeen();
    void clockGoingBackRefusesNothingExtra();

private:
    static int allowedInARow(ClientRateLimiter &limiter, const QHostAddress &client, int upTo)
    {
        int n = 0;
        while (n < upTo && limiter.admit(client).allowed)
            ++n;
        return n;
    }
};

void tst_ClientRateLimiter::allowsTheLimitThenRefuses_data()
{
    QTest::addColumn<int>("perMinute");
    QTest::addColumn<qint64>("retryAfterMs");
    QTest::newRow("one a minute") << 1 << qint64(60000);
    QTest::newRow("seven a minute") << 7 << qint64(8572);     // 60000 / 7 rounded up
    QTest::newRow("seed 001 default") << 1000 << qint64(60);
    QTest::newRow("registrar rate") << 20000 << qint64(3);
}

void tst_ClientRateLimiter::allowsTheLimitThenRefuses()
{
    QFETCH(int, perMinute);
    QFETCH(qint64, retryAfterMs);
    ManualClock clock;
    ClientRateLimiter limiter(perMinute, perMinute, {}, clock);
    const QHostAddress client(u"198.51.100.7"_s);
    QCOMPARE(allowedInARow(limiter, client, perMinute + 10), perMinute);
    const ClientRateLimiter::Decision refused = limiter.admit(client);
    QVERIFY(!refused.allowed);
    QCOMPARE(refused.retryAfterMs, retryAfterMs);
    QVERIFY(!refused.registrar);
}

void tst_ClientRateLimiter::earnsQueriesBackOverTime()
{
    ManualClock clock;
    ClientRateLimiter limiter(60, 60, {}, clock);   // one a second
    const QHostAddress client(u"198.51.100.7"_s);
    QCOMPARE(allowedInARow(limiter, client, 100), 60);
    const qint64 wait = limiter.admit(client).retryAfterMs;
    QCOMPARE(wait, qint64(1000));
    clock.advance(wait - 1);
    QVERIFY(!limiter.admit(client).allowed);
    clock.advance(1);
    QVERIFY(limiter.admit(client).allowed);
    QVERIFY(!limiter.admit(client).allowed);
    clock.advance(10000);
    QCOMPARE(allowedInARow(limiter, client, 100), 10);
}

void tst_ClientRateLimiter::fullAllowanceAfterAMinuteIdle()
{
    ManualClock clock;
    ClientRateLimiter limiter(100, 100, {}, clock);
    const QHostAddress client(u"2001:db8::1"_s);
    QCOMPARE(allowedInARow(limiter, client, 1000), 100);
    clock.advance(24LL * 3600 * 1000);   // a long idle never gives more than one minute's allowance
    QCOMPARE(allowedInARow(limiter, client, 1000), 100);
}

void tst_ClientRateLimiter::clientsAreCountedSeparately()
{
    ManualClock clock;
    ClientRateLimiter limiter(5, 5, {}, clock);
    QCOMPARE(allowedInARow(limiter, QHostAddress(u"198.51.100.1"_s), 10), 5);
    QCOMPARE(allowedInARow(limiter, QHostAddress(u"198.51.100.2"_s), 10), 5);
    QVERIFY(!limiter.admit(QHostAddress(u"198.51.100.1"_s)).allowed);
}

void tst_ClientRateLimiter::registrarNetworksGetTheHigherLimit_data()
{
    QTest::addColumn<QString>("client");
    QTest::addColumn<bool>("registrar");
    QTest::newRow("inside v4 network") << u"10.1.2.3"_s << true;
    QTest::newRow("outside v4 network") << u"11.1.2.3"_s << false;
    QTest::newRow("v4-mapped inside v4 network") << u"::ffff:10.1.2.3"_s << true;
    QTest::newRow("inside v6 network") << u"2001:db8:aa::5"_s << true;
    QTest::newRow("outside v6 network") << u"2001:db8:ab::5"_s << false;
}

void tst_ClientRateLimiter::registrarNetworksGetTheHigherLimit()
{
    QFETCH(QString, client);
    QFETCH(bool, registrar);
    ManualClock clock;
    ClientRateLimiter limiter(10, 50, {{QHostAddress(u"10.0.0.0"_s), 8}, {QHostAddress(u"2001:db8:aa::"_s), 48}}, clock);
    const QHostAddress address(client);
    QCOMPARE(limiter.admit(address).registrar, registrar);
    QCOMPARE(allowedInARow(limiter, address, 100) + 1, registrar ? 50 : 10);
}

void tst_ClientRateLimiter::ipv6CountsPerSlash64_data()
{
    QTest::addColumn<QString>("other");
    QTest::addColumn<bool>("shared");
    QTest::newRow("same /64") << u"2001:db8:1:2::ffff"_s << true;
    QTest::newRow("same /64, random interface id") << u"2001:db8:1:2:abcd:ef01:2345:6789"_s << true;
    QTest::newRow("next /64") << u"2001:db8:1:3::1"_s << false;
}

void tst_ClientRateLimiter::ipv6CountsPerSlash64()
{
    QFETCH(QString, other);
    QFETCH(bool, shared);
    ManualClock clock;
    ClientRateLimiter limiter(4, 4, {}, clock);
    QCOMPARE(allowedInARow(limiter, QHostAddress(u"2001:db8:1:2::1"_s), 10), 4);
    QCOMPARE(limiter.admit(QHostAddress(other)).allowed, !shared);
}

void tst_ClientRateLimiter::ipv4MappedIsTheSameClient()
{
    ManualClock clock;
    ClientRateLimiter limiter(3, 3, {}, clock);
    QCOMPARE(allowedInARow(limiter, QHostAddress(u"198.51.100.9"_s), 10), 3);
    QVERIFY(!limiter.admit(QHostAddress(u"::ffff:198.51.100.9"_s)).allowed);
}

void tst_ClientRateLimiter::fullTableForgetsTheLeastRecentlySeen()
{
    ManualClock clock;
    // 64 tracked clients: one per stripe.
    ClientRateLimiter limiter(2, 2, {}, clock, 64);
    const QHostAddress first(u"198.51.100.1"_s);
    QCOMPARE(allowedInARow(limiter, first, 10), 2);
    QVERIFY(!limiter.admit(first).allowed);
    // Thousands of other clients, each seen once: the table stays at its size, so the first
    // client's empty bucket is pushed out and it starts again with a full one.
    for (quint32 i = 0; i < 5000; ++i)
        limiter.admit(QHostAddress(0x0a000000u + i));
    QCOMPARE(allowedInARow(limiter, first, 10), 2);
}

void tst_ClientRateLimiter::clockGoingBackRefusesNothingExtra()
{
    ManualClock clock;
    ClientRateLimiter limiter(60, 60, {}, clock);
    const QHostAddress client(u"198.51.100.7"_s);
    QCOMPARE(allowedInARow(limiter, client, 100), 60);
    clock.advance(-3600 * 1000);   // an NTP step back earns nothing and breaks nothing
    QVERIFY(!limiter.admit(client).allowed);
    clock.advance(3600 * 1000 + 1000);
    QVERIFY(limiter.admit(client).allowed);
}

QTEST_GUILESS_MAIN(tst_ClientRateLimiter)
#include "tst_clientratelimiter.moc"
