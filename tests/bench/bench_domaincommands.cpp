// Benchmark (label bench, not run by default): the SRS domain commands on a real SQLite file.
// Prints, for N domains: the CPU cost of domain:create alone (all in one transaction, no fsync),
// creates through the writer with group commit and durable commits (all submitted at once, as
// many concurrent sessions would), domain:info (full and short form) and domain:check on one
// read connection. Asserts nothing about speed. Usage: bench_domaincommands [N]
#include "unit/srs/domaintestfixture.h"

#include "srs/domain.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>

#include <cstdio>
#include <ctime>

using namespace reg;
using namespace reg::srs;
using namespace domaintest;

namespace {

// Process CPU time (all threads): on a shared machine the wall clock also counts other processes.
qint64 cpuNsecs()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

qint64 g_cpuStart = 0;

void report(const char *what, int n, qint64 nsecs)
{
    const qint64 cpu = cpuNsecs() - g_cpuStart;
    std::printf("%-40s %7d in %8.1f ms wall %9.0f/s  %7.1f us wall, %7.1f us CPU each\n", what, n, nsecs / 1e6,
                n * 1e9 / double(nsecs), nsecs / 1e3 / n, cpu / 1e3 / n);
    g_cpuStart = cpuNsecs();
}

QString nameOf(const char *prefix, int i)
{
    return QStringLiteral("%1%2.example").arg(QLatin1StringView(prefix)).arg(i);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int n = argc > 1 ? std::max(100, QByteArray(argv[1]).toInt()) : 20000;
    Fixture f;
    f.sql(QStringLiteral("UPDATE registrars SET balance_cents = 1000000000000"));
    const QStringList ns{QStringLiteral("ns1.dns.net"), QStringLiteral("ns2.dns.net")};
    QElapsedTimer t;

    g_cpuStart = cpuNsecs();
    t.start();
    Result<store::CommitReceipt> batch = f.store->writer().submitAndWait([&](store::Connection &c) -> Result<std::optional<store::JournalChange>> {
        for (int i = 0; i < n; ++i) {
            SrsOutcome<Committed<DomainCreated>> o = DomainCommands::create(f.ctx(kAlpha), f.createRequest(nameOf("cpu", i), kAlpha, ns))(c);
            if (!o)
                qFatal("create: %s", qPrintable(o.error().message));
        }
        return std::optional<store::JournalChange>();
    });
    if (!batch)
        qFatal("%s", qPrintable(batch.error().message));
    report("domain:create, command CPU only", n, t.nsecsElapsed());

    t.restart();
    int done = 0;
    QEventLoop loop;
    for (int i = 0; i < n; ++i) {
        submitWrite<DomainCreated>(f.store->writer(), &loop, DomainCommands::create(f.ctx(kBeta), f.createRequest(nameOf("gc", i), kBeta, ns)),
                                   [&](SrsOutcome<DomainCreated> o, qint64) {
                                       if (!o)
                                           qFatal("create: %s", qPrintable(o.error().message));
                                       if (++done == n)
                                           loop.quit();
                                   });
    }
    loop.exec();
    report("domain:create, group commit, durable", n, t.nsecsElapsed());

    t.restart();
    for (int i = 0; i < n; ++i) {
        if (!DomainCommands::info(*f.reader, f.ctx(kAlpha), nameOf("cpu", i), HostsFilter::All, {}))
            qFatal("info");
    }
    report("domain:info, sponsor (full)", n, t.nsecsElapsed());

    t.restart();
    for (int i = 0; i < n; ++i) {
        if (!DomainCommands::info(*f.reader, f.ctx(kAlpha), nameOf("gc", i), HostsFilter::All, {}))
            qFatal("info");
    }
    report("domain:info, other registrar (short)", n, t.nsecsElapsed());

    t.restart();
    const int checks = n / 10;
    for (int i = 0; i < checks; ++i) {
        QStringList names;
        for (int k = 0; k < 10; ++k)
            names << nameOf(k % 2 ? "cpu" : "free", i * 10 + k);
        if (!DomainCommands::check(*f.reader, f.ctx(kAlpha), names))
            qFatal("check");
    }
    report("domain:check, 10 names per command", checks, t.nsecsElapsed());
    return 0;
}
