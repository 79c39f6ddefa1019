#include "whois/whoisconnectionlimits.h"

#include <QTest>

#include <thread>
#include <vector>

using namespace Qt::StringLiterals;
using reg::whois::WhoisConnectionLimits;

// The connection limits of the Whois service: all clients together and per address, released
// slots reusable, IPv4 and IPv4-mapped IPv6 counted as one client, exact under concurrency.
class tst_WhoisConnectionLimits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void refusesOverThePerAddressLimit();
    void refusesOverTheTotalLimit();
    void countsMappedIpv4AsTheSameClient();
    void staysExactUnderConcurrentUse();
};

void tst_WhoisConnectionLimits::refusesOverThePerAddressLimit()
{
    WhoisConnectionLimits limits(100, 2);
    const auto a = WhoisConnectionLimits::keyOf(QHostAddress(u"192.0.2.1"_s));
    const auto b = WhoisConnectionLimits::keyOf(QHostAddress(u"192.0.2.2"_s));
    QVERIFY(limits.tryAdmit(a));
    QVERIFY(limits.tryAdmit(a));
    QVERIFY(!limits.tryAdmit(a));
    QVERIFY(limits.tryAdmit(b));   // another client is not affected
    QCOMPARE(limits.open(), 3);
    limits.release(a);
    QVERIFY(limits.tryAdmit(a));   // a released slot can be used again
    QCOMPARE(limits.open(), 3);
}

void tst_WhoisConnectionLimits::refusesOverTheTotalLimit()
{
    WhoisConnectionLimits limits(3, 10);
    for (int i = 1; i <= 3; ++i)
        QVERIFY(limits.tryAdmit(WhoisConnectionLimits::keyOf(QHostAddress(QStringLiteral("198.51.100.%1").arg(i)))));
    const auto late = WhoisConnectionLimits::keyOf(QHostAddress(u"198.51.100.9"_s));
    QVERIFY(!limits.tryAdmit(late));
    QCOMPARE(limits.open(), 3);   // a refusal counts nothing
    limits.release(WhoisConnectionLimits::keyOf(QHostAddress(u"198.51.100.1"_s)));
    QVERIFY(limits.tryAdmit(late));
}

void tst_WhoisConnectionLimits::countsMappedIpv4AsTheSameClient()
{
    WhoisConnectionLimits limits(100, 1);
    QVERIFY(limits.tryAdmit(WhoisConnectionLimits::keyOf(QHostAddress(u"192.0.2.7"_s))));
    QVERIFY(!limits.tryAdmit(WhoisConnectionLimits::keyOf(QHostAddress(u"::ffff:192.0.2.7"_s))));
    QVERIFY(limits.tryAdmit(WhoisConnectionLimits::keyOf(QHostAddress(u"2001:db8::7"_s))));
}

void tst_WhoisConnectionLimits::staysExactUnderConcurrentUse()
{
    WhoisConnectionLimits limits(1000, 1000);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&limits, t] {
            const auto key = WhoisConnectionLimits::keyOf(QHostAddress(quint32(0xc0000200u + quint32(t % 2))));
            for (int i = 0; i < 20000; ++i) {
                if (limits.tryAdmit(key))
                    limits.release(key);
            }
        });
    }
    for (std::thread &t : threads)
        t.join();
    QCOMPARE(limits.open(), 0);
    // Every per-address count went back to zero: the full per-address limit is available again.
    const auto key = WhoisConnectionLimits::keyOf(QHostAddress(u"192.0.2.0"_s));
    for (int i = 0; i < 1000; ++i)
        QVERIFY(limits.tryAdmit(key));
    QVERIFY(!limits.tryAdmit(key));
}

QTEST_APPLESS_MAIN(tst_WhoisConnectionLimits)
#include "tst_whoisconnectionlimits.moc"
