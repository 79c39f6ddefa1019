// Benchmark (label bench, not run by default): how long the full build of a TLD zone takes from a
// registry database of N delegations, how much memory the built zone holds, and how long 1,000
// committed changes take to reach the served zone. Prints a table; asserts nothing about speed.
//
//   bench_zonebuild [N ...]            default: 100000 1000000
//
// Each delegation has 2 name servers out of a pool of external hosts; every 10th domain has its own
// in-bailiwick name server with glue (IPv4, every other one IPv6 too) that it uses as its second
// name server, every 20th has a DS record, every 50th is on clientHold. The rows are written with
// bulk SQL through the store writer (one transaction per 50,000 domains). The changes are NS
// swaps written the way the SRS writes them: the domain_hosts rows and a "domain.update" journal
// entry naming the domain and its new name servers, submitted concurrently (group commit).
#include "dns/zoneupdater.h"

#include "core/clock.h"
#include "store/connection.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QMutex>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <map>
#include <vector>

#include <ctime>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

using namespace reg;

namespace {

constexpr int kExternalHosts = 2000;
constexpr int kBatch = 50000;
constexpr int kChanges = 1000;
const QString kTld = QStringLiteral("bench");

struct Memory
{
    double rssMiB = 0;
    double peakMiB = 0;
};

Memory memory()
{
    Memory m;
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return m;
    for (const QByteArray &line : status.readAll().split('\n')) {
        const auto kib = [&](const char *key) { return line.mid(qsizetype(std::strlen(key))).trimmed().split(' ').value(0).toDouble() / 1024.0; };
        if (line.startsWith("VmRSS:"))
            m.rssMiB = kib("VmRSS:");
        else if (line.startsWith("VmHWM:"))
            m.peakMiB = kib("VmHWM:");
    }
    return m;
}

// CPU time of the calling thread: on a shared, loaded machine the wall clock says more about the
// neighbours than about the build.
double threadCpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

void fail(const QString &what, const Error &e)
{
    std::fprintf(stderr, "bench_zonebuild: %s: %s\n", qPrintable(what), qPrintable(e.message));
    std::exit(1);
}

QString domainName(qint64 i)
{
    return QStringLiteral("d%1.%2").arg(i).arg(kTld);
}

QString externalHost(qint64 i)
{
    return QStringLiteral("ns%1.provider%2.net").arg(i % 4).arg(i / 4);
}

Result<std::optional<store::JournalChange>> fillBase(store::Connection &c)
{
    for (const char *sql : {"INSERT INTO tlds (name, created_at) VALUES ('bench', 0)",
                            "INSERT INTO registrars (id, name, balance_cents, created_at) VALUES ('rar-bench', 'Bench', 0, 0)",
                            "INSERT INTO contacts (roid, id, registrar_id, name, created_at, updated_at) VALUES ('C1-REG', 'bench-c', 'rar-bench', 'Bench', 0, 0)"}) {
        if (auto r = c.execute(QString::fromLatin1(sql)); !r)
            return r.error();
    }
    Result<store::Statement *> host = c.prepare(QStringLiteral("INSERT INTO hosts (roid, name, registrar_id, created_at, updated_at) VALUES (?1, ?2, 'rar-bench', 0, 0)"));
    if (!host)
        return host.error();
    for (int i = 0; i < kExternalHosts; ++i) {
        if (auto r = (*host)->bindAll({QStringLiteral("HX%1-REG").arg(i), externalHost(i)}); !r)
            return r.error();
        if (auto r = (*host)->run(); !r)
            return r.error();
        (*host)->reset();
    }
    return std::optional<store::JournalChange>();
}

Result<std::optional<store::JournalChange>> fillDomains(store::Connection &c, qint64 from, qint64 to)
{
    Result<store::Statement *> domain = c.prepare(QStringLiteral(
        "INSERT INTO domains (roid, name, tld, registrar_id, registrant_roid, statuses, created_at, updated_at, expires_at) "
        "VALUES (?1, ?2, 'bench', 'rar-bench', 'C1-REG', ?3, 0, 0, 4102444800000)"));
    Result<store::Statement *> link = c.prepare(QStringLiteral("INSERT INTO domain_hosts (domain_roid, host_roid) VALUES (?1, ?2)"));
    Result<store::Statement *> host = c.prepare(QStringLiteral(
        "INSERT INTO hosts (roid, name, registrar_id, created_at, updated_at, domain_roid) VALUES (?1, ?2, 'rar-bench', 0, 0, ?3)"));
    Result<store::Statement *> address = c.prepare(QStringLiteral("INSERT INTO host_addresses (host_roid, address, family) VALUES (?1, ?2, ?3)"));
    Result<store::Statement *> ds = c.prepare(QStringLiteral(
        "INSERT INTO domain_ds (domain_roid, key_tag, algorithm, digest_type, digest) VALUES (?1, ?2, 13, 2, ?3)"));
    for (auto *st : {&domain, &link, &host, &address, &ds}) {
        if (!*st)
            return st->error();
    }
    const auto exec = [](store::Statement *st, const QVariantList &values) -> Result<void> {
        if (auto r = st->bindAll(values); !r)
            return r;
        auto r = st->run();
        st->reset();
        return r;
    };
    for (qint64 i = from; i < to; ++i) {
        const QString roid = QStringLiteral("D%1-REG").arg(i);
        if (auto r = exec(*domain, {roid, domainName(i), i % 50 == 7 ? QStringLiteral("clientHold") : QStringLiteral("ok")}); !r)
            return r.error();
        if (auto r = exec(*link, {roid, QStringLiteral("HX%1-REG").arg(i % kExternalHosts)}); !r)
            return r.error();
        if (i % 10 == 0) {
            const QString own = QStringLiteral("HO%1-REG").arg(i);
            if (auto r = exec(*host, {own, QString(QStringLiteral("ns1.") + domainName(i)), roid}); !r)
                return r.error();
            if (auto r = exec(*address, {own, QStringLiteral("81.%1.%2.%3").arg((i >> 16) & 255).arg((i >> 8) & 255).arg(i & 255), 4}); !r)
                return r.error();
            if (i % 20 == 0) {
                if (auto r = exec(*address, {own, QStringLiteral("2a02:2a0::%1").arg(i & 0xffff, 0, 16), 6}); !r)
                    return r.error();
            }
            if (auto r = exec(*link, {roid, own}); !r)
                return r.error();
        } else {
            if (auto r = exec(*link, {roid, QStringLiteral("HX%1-REG").arg((i + 7) % kExternalHosts)}); !r)
                return r.error();
        }
        if (i % 20 == 5) {
            if (auto r = exec(*ds, {roid, int(i % 65536), QString::number(i * 2654435761LL, 16).toUpper().rightJustified(64, u'A')}); !r)
                return r.error();
        }
    }
    return std::optional<store::JournalChange>();
}

// Moves domain i's first name server to another external host, as a domain update would.
store::WriteWork swapNameServer(qint64 i, int round)
{
    return [i, round](store::Connection &c) -> Result<std::optional<store::JournalChange>> {
        const QString roid = QStringLiteral("D%1-REG").arg(i);
        const int oldHost = int(i % kExternalHosts);
        const int newHost = int((i + 13 + round) % kExternalHosts);
        if (auto r = c.execute(QStringLiteral("UPDATE domain_hosts SET host_roid = ?2 WHERE domain_roid = ?1 AND host_roid = ?3"),
                               {roid, QStringLiteral("HX%1-REG").arg(newHost), QStringLiteral("HX%1-REG").arg(oldHost)});
            !r)
            return r.error();
        QJsonObject data{{QStringLiteral("name"), domainName(i)},
                         {QStringLiteral("ns"), QJsonArray{externalHost(newHost)}},
                         {QStringLiteral("inZone"), true}};
        return std::optional<store::JournalChange>(store::JournalChange{QStringLiteral("registrar:rar-bench"), QStringLiteral("domain.update"),
                                                                        domainName(i), data});
    };
}

DnsConfig benchConfig()
{
    DnsConfig config;
    config.apexNameServers = {{QStringLiteral("a.nic.bench"), {QHostAddress(QStringLiteral("81.2.69.1"))}},
                              {QStringLiteral("b.nic.example"), {}}};
    config.soaContact = QStringLiteral("hostmaster.nic.bench");
    config.publishDelayMs = 100;
    return config;
}

void run(qint64 n)
{
    QTemporaryDir dir(QDir::currentPath() + QStringLiteral("/zonebench-XXXXXX"));
    dir.setAutoRemove(qEnvironmentVariableIsEmpty("BENCH_KEEP_DATA"));
    const QString file = dir.filePath(QStringLiteral("registry.db"));
    QElapsedTimer timer;
    {
        auto store = store::Store::open({file, 256, true});
        if (!store)
            fail(QStringLiteral("open"), store.error());
        timer.start();
        if (auto r = (*store)->writer().submitAndWait(fillBase); !r)
            fail(QStringLiteral("fill"), r.error());
        for (qint64 from = 0; from < n; from += kBatch) {
            const qint64 to = std::min(n, from + kBatch);
            if (auto r = (*store)->writer().submitAndWait([from, to](store::Connection &c) { return fillDomains(c, from, to); }); !r)
                fail(QStringLiteral("fill"), r.error());
        }
        std::fprintf(stderr, "filled %lld delegations in %.1f s\n", static_cast<long long>(n), double(timer.elapsed()) / 1000.0);
    }
#if defined(__GLIBC__)
    malloc_trim(0);
#endif

    auto store = store::Store::open({file, 256, false});
    if (!store)
        fail(QStringLiteral("reopen"), store.error());
    {
        // Resets VmHWM (Linux 4.0+), so the peak below is the build's and not the fill's.
        QFile clearRefs(QStringLiteral("/proc/self/clear_refs"));
        if (clearRefs.open(QIODevice::WriteOnly))
            clearRefs.write("5");
    }
    const Memory before = memory();
    dns::ZonePublisher publisher;
    dns::ZoneUpdater updater(benchConfig(), **store, publisher, SystemClock::instance());
    timer.restart();
    const double cpuBefore = threadCpuSeconds();
    if (auto r = updater.loadAll(); !r)
        fail(QStringLiteral("build"), r.error());
    const double buildSecs = double(timer.nsecsElapsed()) / 1e9;
    const double buildCpuSecs = threadCpuSeconds() - cpuBefore;
    const Memory after = memory();
    const auto zone = publisher.current()->zones().value(0);
    const std::size_t nodes = zone ? zone->nodeCount() : 0;

    // 1,000 changes submitted at once from several threads; each one's commit-to-serve time.
    QMutex mutex;
    std::map<std::uint32_t, qint64> publishedAtNs;   // toSerial -> when it was published
    QElapsedTimer clock;
    clock.start();
    QObject::connect(&updater, &dns::ZoneUpdater::published, &updater, [&](const QList<dns::PublishedZone> &zones) {
        const qint64 now = clock.nsecsElapsed();
        QMutexLocker lock(&mutex);
        for (const dns::PublishedZone &z : zones)
            publishedAtNs[z.toSerial] = now;
    }, Qt::DirectConnection);
    updater.start();
    QThread::msleep(300);   // let the subscription catch up to the head before the clock matters

    std::vector<qint64> committedAtNs(kChanges, 0);
    std::vector<qint64> sequences(kChanges, 0);
    std::atomic<int> outstanding{kChanges};
    const qint64 firstSubmit = clock.nsecsElapsed();
    QThread *threads[4];
    for (int t = 0; t < 4; ++t) {
        threads[t] = QThread::create([&, t] {
            for (int k = t; k < kChanges; k += 4) {
                const qint64 domain = (qint64(k) * 7919) % n;
                Result<store::CommitReceipt> receipt = (*store)->writer().submitAndWait(swapNameServer(domain, k));
                if (!receipt)
                    fail(QStringLiteral("change"), receipt.error());
                committedAtNs[std::size_t(k)] = clock.nsecsElapsed();
                sequences[std::size_t(k)] = receipt->sequence;
                --outstanding;
            }
        });
        threads[t]->start();
    }
    for (QThread *t : threads) {
        t->wait();
        delete t;
    }
    const qint64 allCommitted = clock.nsecsElapsed();
    const qint64 last = *std::max_element(sequences.begin(), sequences.end());
    while (updater.appliedSequence() < last)
        QThread::msleep(1);
    const qint64 allServed = clock.nsecsElapsed();
    std::vector<double> latenciesMs;
    {
        QMutexLocker lock(&mutex);
        for (int k = 0; k < kChanges; ++k) {
            const auto it = publishedAtNs.lower_bound(std::uint32_t(sequences[std::size_t(k)]));
            if (it != publishedAtNs.end())
                latenciesMs.push_back(double(it->second - committedAtNs[std::size_t(k)]) / 1e6);
        }
    }
    std::sort(latenciesMs.begin(), latenciesMs.end());
    updater.stop();

    const auto pct = [&](double p) { return latenciesMs.empty() ? 0.0 : latenciesMs[std::size_t(p * double(latenciesMs.size() - 1))]; };
    std::printf("%10lld %9zu %9.2f %9.2f %10.1f %10.1f %10.1f %10.1f %10.0f %9.0f %8.0f %8.0f %8.0f\n", static_cast<long long>(n), nodes,
                buildSecs, buildCpuSecs, before.rssMiB, after.rssMiB, after.rssMiB - before.rssMiB, after.peakMiB, double(allCommitted - firstSubmit) / 1e6,
                double(allServed - allCommitted) / 1e6, pct(0.5), pct(0.99), latenciesMs.empty() ? 0.0 : latenciesMs.back());
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QList<qint64> sizes;
    for (const QString &arg : app.arguments().mid(1))
        sizes.append(arg.toLongLong());
    if (sizes.isEmpty())
        sizes = {100000, 1000000};
    std::printf("full build of one TLD zone from SQLite, and 1,000 NS changes (4 writer threads, publish_delay 100 ms)\n");
    std::printf("%10s %9s %9s %9s %10s %10s %10s %10s %10s %9s %8s %8s %8s\n", "delegs", "nodes", "build s", "build cpu", "RSS0 MiB",
                "RSS MiB", "zone MiB", "peak MiB", "commit ms", "lag ms", "p50 ms", "p99 ms", "max ms");
    std::printf("(build: wall and CPU seconds of loadAll(), database read included; RSS0/RSS: before and after it; peak: the\n"
                " process's high-water mark; commit: all 1,000 changes committed; lag: last commit to served; p50/p99/max:\n"
                " each change from its commit to the first published version that holds it)\n");
    for (qint64 n : sizes)
        run(n);
    return 0;
}
