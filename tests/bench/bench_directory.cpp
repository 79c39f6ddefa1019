// Benchmark (label bench, not run by default): the directory layer Whois and RDAP answer from, on a
// real SQLite file of N domains made by the SRS create command. Prints the cost of a cache miss
// (existing and unknown names), of a cache hit on one thread and the hit throughput of several
// threads at once, and the per-query cost of ClientRateLimiter and TopClients. Asserts nothing
// about speed. Usage: bench_directory [N domains, default 100000] [threads, default 2]
#include "unit/srs/domaintestfixture.h"

#include "directory/clientratelimiter.h"
#include "directory/directory.h"
#include "directory/topclients.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <atomic>
#include <cstdio>
#include <ctime>
#include <thread>
#include <vector>

using namespace reg;
using namespace reg::srs;
using namespace domaintest;

namespace {

qint64 cpuNsecs()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

qint64 g_cpuStart = 0;

void report(const char *what, qint64 n, qint64 nsecs)
{
    const qint64 cpu = cpuNsecs() - g_cpuStart;
    std::printf("%-46s %9lld in %8.1f ms wall %11.0f/s  %8.3f us wall, %8.3f us CPU each\n", what, static_cast<long long>(n),
                nsecs / 1e6, n * 1e9 / double(nsecs), nsecs / 1e3 / double(n), cpu / 1e3 / double(n));
    std::fflush(stdout);
    g_cpuStart = cpuNsecs();
}

QString nameOf(int i)
{
    return QStringLiteral("d%1.example").arg(i);
}

void populate(Fixture &f, int n)
{
    const QStringList ns{QStringLiteral("ns1.dns.net"), QStringLiteral("ns2.dns.net")};
    constexpr int batch = 5000;
    for (int from = 0; from < n; from += batch) {
        const int to = std::min(n, from + batch);
        Result<store::CommitReceipt> r = f.store->writer().submitAndWait([&](store::Connection &c) -> Result<std::optional<store::JournalChange>> {
            for (int i = from; i < to; ++i) {
                SrsOutcome<Committed<DomainCreated>> o = DomainCommands::create(f.ctx(kAlpha), f.createRequest(nameOf(i), kAlpha, ns))(c);
                if (!o)
                    qFatal("create: %s", qPrintable(o.error().message));
            }
            return std::optional<store::JournalChange>();
        });
        if (!r)
            qFatal("%s", qPrintable(r.error().message));
        std::fprintf(stderr, "\rpopulated %d of %d domains", to, n);
    }
    std::fprintf(stderr, "\n");
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int n = argc > 1 ? std::max(1000, QByteArray(argv[1]).toInt()) : 100000;
    const int threads = argc > 2 ? std::clamp(QByteArray(argv[2]).toInt(), 1, 64) : 2;
    Fixture f;
    f.sql(QStringLiteral("UPDATE registrars SET balance_cents = 1000000000000"));
    populate(f, n);

    DirectoryConfig config;
    config.cacheLifetimeSecs = 600;
    config.cacheMaxEntries = 100000;
    directory::Directory dir(config, *f.store, SystemClock::instance());
    dir.start();
    QElapsedTimer t;

    const int misses = std::min(n, 20000);
    g_cpuStart = cpuNsecs();
    t.start();
    for (int i = 0; i < misses; ++i) {
        Result<std::shared_ptr<const directory::DomainView>> v = dir.domain(nameOf(i * (n / misses)));
        if (!v || !*v)
            qFatal("lookup %d failed", i);
    }
    report("miss, registered domain (full view)", misses, t.nsecsElapsed());

    t.restart();
    for (int i = 0; i < misses; ++i) {
        if (Result<std::shared_ptr<const directory::DomainView>> v = dir.domain(QStringLiteral("none%1.example").arg(i)); !v || *v)
            qFatal("negative lookup %d failed", i);
    }
    report("miss, unknown domain", misses, t.nsecsElapsed());

    // The hot set: the names looked up above, now cached. The names are built beforehand, as a
    // Whois server has the query text in hand.
    QStringList hot;
    for (int i = 0; i < 10000; ++i)
        hot << nameOf((i % misses) * (n / misses));
    const qint64 hits = 2000000;
    t.restart();
    for (qint64 i = 0; i < hits; ++i) {
        if (Result<std::shared_ptr<const directory::DomainView>> v = dir.domain(hot[int(i % hot.size())]); !v || !*v)
            qFatal("hit %lld failed", static_cast<long long>(i));
    }
    report("hit, one thread (normalise + cache)", hits, t.nsecsElapsed());

    std::atomic<qint64> failures{0};
    t.restart();
    {
        std::vector<std::thread> workers;
        for (int w = 0; w < threads; ++w) {
            workers.emplace_back([&, w] {
                for (qint64 i = 0; i < hits; ++i) {
                    Result<std::shared_ptr<const directory::DomainView>> v = dir.domain(hot[int((i * 7 + w) % hot.size())]);
                    if (!v || !*v)
                        failures.fetch_add(1);
                }
            });
        }
        for (std::thread &w : workers)
            w.join();
    }
    if (failures.load())
        qFatal("%lld concurrent lookups failed", static_cast<long long>(failures.load()));
    const QByteArray label = "hit, " + QByteArray::number(threads) + " threads at once";
    report(label.constData(), hits * threads, t.nsecsElapsed());

    const directory::DirectoryCacheStatistics s = dir.cacheStatistics();
    std::printf("cache: %llu hits, %llu misses, %lld entries, %llu evictions\n", static_cast<unsigned long long>(s.hits),
                static_cast<unsigned long long>(s.misses), static_cast<long long>(s.entries),
                static_cast<unsigned long long>(s.evictions));

    QList<QHostAddress> clients;
    for (quint32 i = 0; i < 5000; ++i)
        clients << QHostAddress(0x0a000000u + i * 7919u);
    directory::ClientRateLimiter limiter(1000, 20000, {{QHostAddress(QStringLiteral("10.0.0.0")), 16}}, SystemClock::instance());
    const qint64 admits = 2000000;
    qint64 allowed = 0;
    t.restart();
    for (qint64 i = 0; i < admits; ++i)
        allowed += limiter.admit(clients[int(i % clients.size())]).allowed ? 1 : 0;
    report("ClientRateLimiter::admit (5,000 clients)", admits, t.nsecsElapsed());
    directory::TopClients top(1024);
    t.restart();
    for (qint64 i = 0; i < admits; ++i)
        top.record(clients[int(i % clients.size())], false);
    report("TopClients::record (5,000 clients, 1,024 kept)", admits, t.nsecsElapsed());
    std::printf("(%lld of %lld admitted)\n", static_cast<long long>(allowed), static_cast<long long>(admits));
    dir.stop();
    return 0;
}
