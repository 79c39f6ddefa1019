#include "dns/ratelimiter.h"

#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>

#include <atomic>
#include <cstring>
#include <thread>
#include <vector>

using namespace reg::dns;

namespace {

sockaddr_storage v4(const char *text)
{
    sockaddr_storage s{};
    auto *in = reinterpret_cast<sockaddr_in *>(&s);
    in->sin_family = AF_INET;
    inet_pton(AF_INET, text, &in->sin_addr);
    return s;
}

sockaddr_storage v6(const char *text)
{
    sockaddr_storage s{};
    auto *in6 = reinterpret_cast<sockaddr_in6 *>(&s);
    in6->sin6_family = AF_INET6;
    inet_pton(AF_INET6, text, &in6->sin6_addr);
    return s;
}

const sockaddr *sa(const sockaddr_storage &s)
{
    return reinterpret_cast<const sockaddr *>(&s);
}

const std::uint8_t kName[] = {7, 'e', 'x', 'a', 'm', 'p', 'l', 'e', 3, 't', 'l', 'd', 0};
const std::uint8_t kOther[] = {5, 'o', 't', 'h', 'e', 'r', 3, 't', 'l', 'd', 0};

struct Tally
{
    int sent = 0, slipped = 0, dropped = 0;
};

Tally run(RateLimiter &limiter, const sockaddr_storage &client, int count, std::uint32_t second,
          RateLimiter::Kind kind = RateLimiter::Kind::Answer, const std::uint8_t *name = kName, std::size_t length = sizeof kName)
{
    Tally t;
    for (int i = 0; i < count; ++i) {
        switch (limiter.check(sa(client), kind, name, length, second)) {
        case RateLimiter::Verdict::Send: ++t.sent; break;
        case RateLimiter::Verdict::Slip: ++t.slipped; break;
        case RateLimiter::Verdict::Drop: ++t.dropped; break;
        }
    }
    return t;
}

} // namespace

class tst_RateLimiter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void offSendsEverything()
    {
        RateLimiter limiter(0, 2, 24, 56);
        QVERIFY(!limiter.enabled());
        const Tally t = run(limiter, v4("192.0.2.1"), 10000, 1);
        QCOMPARE(t.sent, 10000);
    }

    void limitsToTheRateAndSlipsEveryNth()
    {
        RateLimiter limiter(5, 2, 24, 56);
        const Tally t = run(limiter, v4("192.0.2.1"), 25, 100);
        QCOMPARE(t.sent, 5);
        QCOMPARE(t.slipped, 10);   // every second limited answer
        QCOMPARE(t.dropped, 10);
    }

    void slipZeroDropsAllAndSlipOneTruncatesAll()
    {
        RateLimiter never(3, 0, 24, 56);
        Tally t = run(never, v4("192.0.2.1"), 13, 7);
        QCOMPARE(t.sent, 3);
        QCOMPARE(t.slipped, 0);
        QCOMPARE(t.dropped, 10);
        RateLimiter always(3, 1, 24, 56);
        t = run(always, v4("192.0.2.1"), 13, 7);
        QCOMPARE(t.sent, 3);
        QCOMPARE(t.slipped, 10);
        QCOMPARE(t.dropped, 0);
    }

    void refillsEverySecondWithoutDebt()
    {
        RateLimiter limiter(4, 2, 24, 56);
        QCOMPARE(run(limiter, v4("192.0.2.1"), 1000, 50).sent, 4);
        // A flood in one second is no debt for the next: it starts with a full bucket.
        QCOMPARE(run(limiter, v4("192.0.2.1"), 10, 51).sent, 4);
        // Two quiet seconds do not give more than one second's burst.
        QCOMPARE(run(limiter, v4("192.0.2.1"), 10, 53).sent, 4);
    }

    void groupsClientsByNetworkPrefix()
    {
        RateLimiter limiter(3, 0, 24, 56);
        QCOMPARE(run(limiter, v4("192.0.2.1"), 3, 9).sent, 3);
        QCOMPARE(run(limiter, v4("192.0.2.200"), 3, 9).sent, 0);   // the same /24
        QCOMPARE(run(limiter, v4("192.0.3.1"), 3, 9).sent, 3);     // another /24
        QCOMPARE(run(limiter, v6("2001:db8:0:1::1"), 3, 9).sent, 3);
        QCOMPARE(run(limiter, v6("2001:db8:0:ff::2"), 3, 9).sent, 0);   // the same /56
        QCOMPARE(run(limiter, v6("2001:db8:0:100::1"), 3, 9).sent, 3);  // another /56
    }

    void keepsKindsAndNamesApart()
    {
        RateLimiter limiter(2, 0, 24, 56);
        const sockaddr_storage client = v4("198.51.100.7");
        QCOMPARE(run(limiter, client, 5, 3, RateLimiter::Kind::Answer).sent, 2);
        QCOMPARE(run(limiter, client, 5, 3, RateLimiter::Kind::NxDomain).sent, 2);
        QCOMPARE(run(limiter, client, 5, 3, RateLimiter::Kind::Answer, kOther, sizeof kOther).sent, 2);
        QCOMPARE(run(limiter, client, 5, 3, RateLimiter::Kind::Error, nullptr, 0).sent, 2);
    }

    void tableStaysBoundedUnderManyClients()
    {
        // 200,000 networks through a table of 1024 slots: every new network still gets its answers,
        // and a flooded key is limited again as soon as it is back in its slot.
        RateLimiter limiter(1, 0, 32, 128, 1024);
        int sent = 0;
        for (std::uint32_t i = 0; i < 200000; ++i) {
            sockaddr_storage s{};
            auto *in = reinterpret_cast<sockaddr_in *>(&s);
            in->sin_family = AF_INET;
            in->sin_addr.s_addr = htonl(0x0A000000u + i);
            sent += limiter.check(sa(s), RateLimiter::Kind::Answer, kName, sizeof kName, 1) == RateLimiter::Verdict::Send;
        }
        QVERIFY(sent >= 190000);   // nearly all; a rare 16-bit tag match merges two keys
        QCOMPARE(run(limiter, v4("203.0.113.9"), 3, 1).sent, 1);
    }

    void threadsShareOneBucketExactly()
    {
        // Compare-and-swap: two threads hammering one key never hand out more than the rate.
        RateLimiter limiter(1000, 0, 24, 56);
        std::atomic<int> sent{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([&] {
                const Tally tally = run(limiter, v4("192.0.2.9"), 5000, 77);
                sent += tally.sent;
            });
        }
        for (std::thread &thread : threads)
            thread.join();
        QCOMPARE(sent.load(), 1000);
    }
};

QTEST_GUILESS_MAIN(tst_RateLimiter)
#include "tst_ratelimiter.moc"
