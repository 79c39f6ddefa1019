// The Whois benchmark (issue 5): registryd serving a registry of --domains delegations (default
// 100,000; the figure is for 1,000,000), loaded by a C++ client that opens a new TCP
// connection per query as Whois clients do, with --hit-ratio of the queries for registered names
// and the rest for names that are not. Prints queries/s, latency percentiles (connect to close)
// and registryd's CPU use. `ctest -L bench -R whois` runs the default case.
//
//   bench_whois [--domains N] [--seconds S] [--connections C] [--client-threads T]
//               [--whois-threads W] [--hit-ratio R] [--hot H] [--rate Q] [--baseline [--answer-bytes B]]
//
// --baseline runs the same load against a bare server that answers every query with B fixed
// bytes (BaselineWhoisServer) instead of registryd: the floor the TCP connections alone set on
// this machine, to read registryd's figures against.
// Hits are spread over H names (default 10,000) spaced evenly through the registry: seed 001 sizes
// Whois for 90 % answers from the cache of hot records. --hot 0 spreads them over every name.
// DNS and RDAP are turned off in the engine, so the CPU figure is Whois's (and the directory's).
#include "baselinewhoisserver.h"
#include "whoisloadgenerator.h"

#include "../dns/delegationpopulator.h"

#include "common/enginefixture.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>

#include <cstdio>
#include <optional>
#include <unistd.h>

using namespace reg;

namespace {

// utime + stime of a process, in seconds (/proc/PID/stat fields 14 and 15).
double cpuSeconds(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray text = stat.readAll();
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return 0;
    return double(fields.at(11).toLongLong() + fields.at(12).toLongLong()) / double(::sysconf(_SC_CLK_TCK));
}

int fail(const QString &message)
{
    std::fprintf(stderr, "bench_whois: %s\n", qPrintable(message));
    return 1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption domainsOption(QStringLiteral("domains"), QStringLiteral("Registered domains."), QStringLiteral("n"), QStringLiteral("100000"));
    const QCommandLineOption secondsOption(QStringLiteral("seconds"), QStringLiteral("Measured seconds."), QStringLiteral("s"), QStringLiteral("10"));
    const QCommandLineOption connectionsOption(QStringLiteral("connections"), QStringLiteral("Queries in flight."), QStringLiteral("c"), QStringLiteral("64"));
    const QCommandLineOption clientThreadsOption(QStringLiteral("client-threads"), QStringLiteral("Load generator threads."), QStringLiteral("t"), QStringLiteral("2"));
    const QCommandLineOption whoisThreadsOption(QStringLiteral("whois-threads"), QStringLiteral("[whois] threads."), QStringLiteral("w"), QStringLiteral("2"));
    const QCommandLineOption hitRatioOption(QStringLiteral("hit-ratio"), QStringLiteral("Share of queries for registered names."), QStringLiteral("r"), QStringLiteral("0.9"));
    const QCommandLineOption hotOption(QStringLiteral("hot"), QStringLiteral("Names the hits are spread over (0: all)."), QStringLiteral("h"), QStringLiteral("10000"));
    const QCommandLineOption baselineOption(QStringLiteral("baseline"), QStringLiteral("Load a bare fixed-answer server instead of registryd."));
    const QCommandLineOption answerBytesOption(QStringLiteral("answer-bytes"), QStringLiteral("--baseline: bytes of each answer to a hit."),
                                               QStringLiteral("b"), QStringLiteral("1500"));
    const QCommandLineOption rateOption(QStringLiteral("rate"), QStringLiteral("Queries/s to pace at, latency counted from when each was due (0: as fast as answered)."),
                                        QStringLiteral("q"), QStringLiteral("0"));
    parser.addOptions({domainsOption, secondsOption, connectionsOption, clientThreadsOption, whoisThreadsOption, hitRatioOption, hotOption,
                       baselineOption, answerBytesOption, rateOption});
    parser.process(app);
    const qint64 domains = parser.value(domainsOption).toLongLong();
    const int seconds = parser.value(secondsOption).toInt();
    const double hitRatio = parser.value(hitRatioOption).toDouble();
    if (domains < 1 || seconds < 1 || hitRatio < 0 || hitRatio > 1)
        return fail(QStringLiteral("--domains and --seconds must be positive, --hit-ratio within 0-1"));

    const bool baseline = parser.isSet(baselineOption);
    std::optional<testsupport::EngineFixture> engine;
    std::optional<bench::BaselineWhoisServer> bare;
    bench::DelegationRegistry names;
    quint16 port = 0;
    qint64 serverPid = 0;
    if (baseline) {
        bare.emplace(parser.value(whoisThreadsOption).toInt(), parser.value(answerBytesOption).toInt());
        if (!bare->start())
            return fail(QStringLiteral("the baseline server could not start"));
        names.tld = QStringLiteral("example");
        names.delegations = domains;
        port = bare->port();
        serverPid = bare->pid();
    } else {
        engine.emplace();
        engine->setConfigValue(QStringLiteral("dns"), QStringLiteral("enabled"), QStringLiteral("false"));
        engine->setConfigValue(QStringLiteral("rdap"), QStringLiteral("enabled"), QStringLiteral("false"));
        engine->setConfigValue(QStringLiteral("whois"), QStringLiteral("threads"), parser.value(whoisThreadsOption));
        // The load comes from 127.0.0.0/8 only: the limits must not be what is measured.
        engine->setConfigValue(QStringLiteral("whois"), QStringLiteral("queries_per_minute"), QStringLiteral("10000000"));
        engine->setConfigValue(QStringLiteral("whois"), QStringLiteral("max_connections"), QStringLiteral("100000"));
        engine->setConfigValue(QStringLiteral("whois"), QStringLiteral("max_connections_per_address"), QStringLiteral("100000"));
        engine->setConfigValue(QStringLiteral("directory"), QStringLiteral("cache_entries"), QString::number(std::max<qint64>(domains, 100000)));
        QString error;
        if (!engine->initialize(&error))
            return fail(error);
        QElapsedTimer loading;
        loading.start();
        Result<bench::DelegationRegistry> registry = bench::DelegationPopulator::populate(
            engine->dataDir(), engine->dataDir() + QStringLiteral("/registry.db"), domains, QDateTime::currentDateTimeUtc());
        if (!registry)
            return fail(registry.error().message);
        std::fprintf(stderr, "loaded %lld domains in %.1f s\n", static_cast<long long>(domains), loading.elapsed() / 1000.0);
        if (!engine->start(&error))
            return fail(error);
        names = *registry;
        port = engine->port(QStringLiteral("whois"));
        serverPid = engine->processId();
        if (port == 0)
            return fail(QStringLiteral("ready.json lists no whois port"));
    }

    // Queries decided by their number alone: hits spread over every registered name, misses for
    // names in the same TLD that are not registered.
    const quint64 hitPerMille = quint64(hitRatio * 1000);
    const qint64 hot = parser.value(hotOption).toLongLong() > 0 ? std::min(domains, parser.value(hotOption).toLongLong()) : domains;
    const qint64 stride = domains / hot;
    const auto queries = [&names, hitPerMille, hot, stride](quint64 i) {
        const quint64 mixed = i * 0x9e3779b97f4a7c15ULL;
        if ((mixed >> 20) % 1000 < hitPerMille)
            return bench::WhoisLoadQuery{names.domainName(qint64((mixed >> 32) % quint64(hot)) * stride).toLatin1() + "\r\n", true};
        return bench::WhoisLoadQuery{QStringLiteral("miss%1.%2").arg(i).arg(names.tld).toLatin1() + "\r\n", false};
    };

    const double rate = parser.value(rateOption).toDouble();
    bench::WhoisLoadGenerator load(port, parser.value(clientThreadsOption).toInt(), parser.value(connectionsOption).toInt(), rate);
    const double cpuBefore = cpuSeconds(serverPid);
    const double selfBefore = cpuSeconds(QCoreApplication::applicationPid());
    QElapsedTimer wall;
    wall.start();
    const bench::WhoisLoadResult result = load.run(queries, std::chrono::seconds(2), std::chrono::seconds(seconds));
    const double cpu = cpuSeconds(serverPid) - cpuBefore;
    const double self = cpuSeconds(QCoreApplication::applicationPid()) - selfBefore;
    const double wallSeconds = wall.elapsed() / 1000.0;

    std::printf("%s: %lld domains, %d%% hits over %lld names, %s connections in flight at most, %s client threads, %s whois threads, %s\n",
                baseline ? "baseline (bare fixed-answer server)" : "registryd whois", static_cast<long long>(domains), int(hitRatio * 100), static_cast<long long>(hot), qPrintable(parser.value(connectionsOption)),
                qPrintable(parser.value(clientThreadsOption)), qPrintable(parser.value(whoisThreadsOption)),
                rate > 0 ? qPrintable(QStringLiteral("paced at %1/s").arg(rate)) : "as fast as answered");
    std::printf("  %.0f queries/s (%llu answered in %.1f s, a new TCP connection each)\n", double(result.completed) / result.seconds,
                static_cast<unsigned long long>(result.completed), result.seconds);
    std::printf("  latency, connect to close: p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms\n", result.percentileMs(50),
                result.percentileMs(99), result.percentileMs(99.9));
    std::printf("  answers: %.0f bytes on average\n", result.completed ? double(result.answerBytes) / double(result.completed) : 0.0);
    std::printf("  server CPU: %.0f%% of one core (%.1f s CPU in %.1f s incl. warm-up)\n", 100.0 * cpu / wallSeconds, cpu, wallSeconds);
    std::printf("  load generator CPU: %.0f%% of one core (the machine has %ld cores)\n", 100.0 * self / wallSeconds,
                ::sysconf(_SC_NPROCESSORS_ONLN));
    std::printf("  wrong answers %llu, refused %llu, failed %llu\n", static_cast<unsigned long long>(result.wrong),
                static_cast<unsigned long long>(result.refused), static_cast<unsigned long long>(result.failed));
    std::fflush(stdout);
    const int stopped = engine ? engine->stop() : 0;
    if (result.completed == 0 || result.wrong > 0 || stopped != 0)
        return fail(QStringLiteral("the run was not clean (answers wrong or missing, or registryd did not stop cleanly)"));
    return 0;
}
