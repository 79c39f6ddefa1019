// The RDAP benchmark: a registry of --domains delegations (default 100,000; the figure is
// 1,000,000) loaded straight into the store, registryd started on it, then our own HTTPS keep-alive
// load generator (httpsloadgenerator.h) asking /domain/<name> for a mix of registered names (hits)
// and unregistered ones (misses, 404) for --seconds. Prints requests/s, p50/p99/max latency and
// the CPU registryd used. The generator runs on the same machine and takes CPU of its own: the
// figures are for both sharing the cores, as they would on this 2-core host.
#include "httpsloadgenerator.h"

#include "../dns/delegationpopulator.h"

#include "common/enginefixture.h"
#include "core/engineconfig.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>

#include <cstdio>
#include <cstdlib>
#include <unistd.h>

using namespace reg;
using namespace reg::bench;

namespace {

[[noreturn]] void die(const QString &why)
{
    std::fprintf(stderr, "bench_rdap: %s\n", qPrintable(why));
    std::exit(1);
}

double processCpuSecs(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    return double(fields[11].toLongLong() + fields[12].toLongLong()) / double(sysconf(_SC_CLK_TCK));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("RDAP over HTTPS keep-alive against a registry of many domains"));
    parser.addHelpOption();
    const QCommandLineOption domainsOption(QStringLiteral("domains"), QStringLiteral("domains in the registry (default 100000)"), QStringLiteral("n"), QStringLiteral("100000"));
    const QCommandLineOption secondsOption(QStringLiteral("seconds"), QStringLiteral("seconds of load per run (default 10)"), QStringLiteral("s"), QStringLiteral("10"));
    const QCommandLineOption connectionsOption(QStringLiteral("connections"), QStringLiteral("kept-alive connections (default 32)"), QStringLiteral("n"), QStringLiteral("32"));
    const QCommandLineOption missOption(QStringLiteral("miss-percent"), QStringLiteral("share of unregistered names (default 10)"), QStringLiteral("p"), QStringLiteral("10"));
    const QCommandLineOption threadsOption(QStringLiteral("threads"), QStringLiteral("[rdap] threads (default 2)"), QStringLiteral("n"), QStringLiteral("2"));
    const QCommandLineOption hotOption(QStringLiteral("hot"), QStringLiteral("ask only the first n domains, so the Directory cache serves them (default 0: all)"), QStringLiteral("n"), QStringLiteral("0"));
    const QCommandLineOption rateOption(QStringLiteral("rate"), QStringLiteral("requests/s to pace at, latency counted from when each was due (default 0: as fast as answered)"),
                                        QStringLiteral("r"), QStringLiteral("0"));
    parser.addOptions({domainsOption, secondsOption, connectionsOption, missOption, threadsOption, hotOption, rateOption});
    parser.process(app);
    const qint64 domains = parser.value(domainsOption).toLongLong();
    const double seconds = parser.value(secondsOption).toDouble();
    const int connections = parser.value(connectionsOption).toInt();
    const int missPercent = parser.value(missOption).toInt();
    const qint64 hot = parser.value(hotOption).toLongLong();
    const double rate = parser.value(rateOption).toDouble();
    if (rate < 0 || hot < 0 || domains < 1 || seconds <= 0 || connections < 1 || missPercent < 0 || missPercent > 100)
        die(QStringLiteral("bad arguments"));

    testsupport::EngineFixture engine;
    const QString rdap = QStringLiteral("rdap");
    engine.setConfigValue(rdap, QStringLiteral("threads"), parser.value(threadsOption));
    // One client address: the limits are for the public, not for the benchmark.
    engine.setConfigValue(rdap, QStringLiteral("requests_per_minute"), QStringLiteral("10000000"));
    engine.setConfigValue(rdap, QStringLiteral("max_connections_per_address"), QStringLiteral("10000"));
    // DNS plays no part here: off, so its zone build at start-up and its memory do not blur
    // what RDAP costs.
    engine.setConfigValue(QStringLiteral("dns"), QStringLiteral("enabled"), QStringLiteral("false"));
    QString error;
    if (!engine.writeConfig(&error))
        die(error);
    Result<EngineConfig> config = EngineConfig::load(engine.dataDir());
    if (!config)
        die(config.error().message);

    QElapsedTimer step;
    step.start();
    Result<DelegationRegistry> populated = DelegationPopulator::populate(engine.dataDir(), config->store.databaseFile, domains,
                                                                         QDateTime::currentDateTimeUtc());
    if (!populated)
        die(populated.error().message);
    const DelegationRegistry registry = *populated;
    std::printf("loaded %lld domains into .%s in %.1f s\n", static_cast<long long>(registry.delegations), qPrintable(registry.tld),
                double(step.nsecsElapsed()) / 1e9);
    if (!engine.start(&error))
        die(error);
    const quint16 port = engine.port(rdap);
    if (port == 0)
        die(QStringLiteral("registryd announced no rdap port"));

    QRandomGenerator random(20261121u);
    const auto target = [&]() -> QByteArray {
        const qint64 i = qint64(random.bounded(quint64(hot > 0 ? qMin(hot, registry.delegations) : registry.delegations)));
        if (int(random.bounded(100)) < missPercent)
            return "/domain/missing" + QByteArray::number(i) + '.' + registry.tld.toUtf8();
        return "/domain/" + registry.domainName(i).toUtf8();
    };

    // A short warm-up (connections, TLS, first reads), then the measured run.
    (void)HttpsLoadGenerator::run(port, connections, 1.0, target);
    const double cpuBefore = processCpuSecs(engine.processId());
    const double selfBefore = processCpuSecs(QCoreApplication::applicationPid());
    const HttpsLoadResult r = HttpsLoadGenerator::run(port, connections, seconds, target, rate);
    const double cpu = processCpuSecs(engine.processId()) - cpuBefore;
    const double self = processCpuSecs(QCoreApplication::applicationPid()) - selfBefore;

    std::printf("RDAP over HTTPS keep-alive: %lld domains (%s), %d connections, %d%% misses, %d server threads, %s, %.1f s\n",
                static_cast<long long>(registry.delegations),
                hot > 0 ? qPrintable(QStringLiteral("asking the first %1").arg(hot)) : "asking any", connections, missPercent,
                parser.value(threadsOption).toInt(),
                rate > 0 ? qPrintable(QStringLiteral("paced at %1/s").arg(rate)) : "as fast as answered", r.seconds);
    std::printf("  requests: %llu (200: %llu, 404: %llu, other: %llu), failed connections: %llu\n",
                static_cast<unsigned long long>(r.requests), static_cast<unsigned long long>(r.ok),
                static_cast<unsigned long long>(r.notFound), static_cast<unsigned long long>(r.other),
                static_cast<unsigned long long>(r.failedConnections));
    std::printf("  throughput: %.0f requests/s\n", double(r.requests) / r.seconds);
    std::printf("  latency: p50 %.2f ms, p99 %.2f ms, max %.2f ms\n", r.p50Ms, r.p99Ms, r.maxMs);
    std::printf("  registryd CPU: %.2f s in %.1f s (%.0f%% of one core)\n", cpu, r.seconds, 100.0 * cpu / r.seconds);
    std::printf("  load generator CPU: %.0f%% of one core (one thread; the machine has %ld cores)\n", 100.0 * self / r.seconds,
                ::sysconf(_SC_NPROCESSORS_ONLN));
    std::fflush(stdout);
    engine.stop();
    return r.requests > 0 && r.other == 0 ? 0 : 1;
}
