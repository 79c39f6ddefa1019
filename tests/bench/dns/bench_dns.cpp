// Benchmark (label bench, not run by default): registryd's authoritative DNS against NSD and Knot
// serving the same zone on this machine, loaded by dnsperf with the same query mix and settings.
//
//   bench_dns [--delegations 100000] [--seconds 10] [--rounds 3] [--servers registryd,nsd,knot]
//             [--clients 8] [--dnsperf-threads 1] [--outstanding 200] [--queries 500000]
//             [--workers 0] [--changes 20] [--latency-qps 20000] [--keep-data]
//
// What it does: `registryd init --demo` into a temporary directory, then N delegations loaded with
// bulk SQL (2-4 NS each, every tenth with in-bailiwick glue, every tenth another with DS). The zone
// is exported with `registryd zone export` for NSD and Knot. Each server is started alone and timed
// from process start to its first correct referral (cold start); its memory is read from /proc
// once it answers and again after the load. dnsperf then runs `--rounds` times against every
// server in turn, the order rotating each round, then once more per server at a fixed rate with
// every answer timed (latency percentiles). Last, while dnsperf loads registryd, domains are
// created over XRP and each is polled over UDP until its referral comes back (change-to-answer).
//
// Outside ctest it needs the engine binary: REGISTRYD_BINARY=<build>/engine/daemon/registryd. Measure
// a Release build (-DCMAKE_BUILD_TYPE=Release). dnsperf shares the cores with the servers, so the
// rates are of this machine with its load generator on it; CPU per query is reported beside them.
#include "benchservers.h"
#include "changetoanswer.h"
#include "delegationpopulator.h"
#include "dnsperfrun.h"
#include "dnsprobe.h"
#include "querymix.h"
#include "zonefilewriter.h"

#include "common/enginefixture.h"
#include "core/engineconfig.h"
#include "dns/dnsconstants.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <vector>

using namespace reg;
using namespace reg::bench;

namespace {

struct BenchOptions
{
    qint64 delegations = 100000;
    int seconds = 10;
    int rounds = 3;
    QStringList servers{QStringLiteral("registryd"), QStringLiteral("nsd"), QStringLiteral("knot")};
    DnsperfSettings dnsperf;
    qint64 queries = 500000;
    int workers = 0;          // UDP threads/processes of every server; 0: one per core
    int changes = 20;
    int latencyQps = 20000;   // the fixed rate of the latency pass; 0: no latency pass
    bool keepData = false;
};

// What the run learnt about one server.
struct ServerReport
{
    double coldStartSecs = -1;
    ProcessMemory afterLoad;
    ProcessMemory afterRun;
    std::vector<DnsperfResult> rounds;
    std::vector<double> cpuUsPerQuery;
    std::optional<DnsperfResult> latency;   // the fixed-rate pass with every answer's latency
};

[[noreturn]] void die(const QString &message)
{
    std::fprintf(stderr, "bench_dns: %s\n", qPrintable(message));
    std::exit(1);
}

BenchOptions parseOptions()
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("registryd vs NSD vs Knot with dnsperf"));
    parser.addHelpOption();
    const QCommandLineOption delegations(QStringLiteral("delegations"), QStringLiteral("delegations in the zone (default 100000)"), QStringLiteral("n"));
    const QCommandLineOption seconds(QStringLiteral("seconds"), QStringLiteral("seconds per dnsperf run (default 10)"), QStringLiteral("s"));
    const QCommandLineOption rounds(QStringLiteral("rounds"), QStringLiteral("rounds over the servers (default 3)"), QStringLiteral("r"));
    const QCommandLineOption servers(QStringLiteral("servers"), QStringLiteral("comma-separated: registryd,nsd,knot"), QStringLiteral("list"));
    const QCommandLineOption clients(QStringLiteral("clients"), QStringLiteral("dnsperf -c (default 8)"), QStringLiteral("n"));
    const QCommandLineOption threads(QStringLiteral("dnsperf-threads"), QStringLiteral("dnsperf -T (default 1)"), QStringLiteral("n"));
    const QCommandLineOption outstanding(QStringLiteral("outstanding"), QStringLiteral("dnsperf -q (default 200)"), QStringLiteral("n"));
    const QCommandLineOption queries(QStringLiteral("queries"), QStringLiteral("lines in the query file (default 500000)"), QStringLiteral("n"));
    const QCommandLineOption workers(QStringLiteral("workers"), QStringLiteral("UDP threads/processes per server (default 0: one per core)"), QStringLiteral("n"));
    const QCommandLineOption changes(QStringLiteral("changes"), QStringLiteral("domains created over XRP under load (default 20; 0: none)"), QStringLiteral("n"));
    const QCommandLineOption latency(QStringLiteral("latency-qps"), QStringLiteral("rate of the latency pass (default 20000; 0: none)"), QStringLiteral("n"));
    const QCommandLineOption keep(QStringLiteral("keep-data"), QStringLiteral("keep the temporary directory"));
    parser.addOptions({delegations, seconds, rounds, servers, clients, threads, outstanding, queries, workers, changes, latency, keep});
    parser.process(*QCoreApplication::instance());

    BenchOptions o;
    const auto number = [&parser](const QCommandLineOption &opt, qint64 min, qint64 max, qint64 fallback) {
        if (!parser.isSet(opt))
            return fallback;
        bool ok = false;
        const qint64 v = parser.value(opt).toLongLong(&ok);
        if (!ok || v < min || v > max)
            die(QStringLiteral("--%1 must be %2-%3").arg(opt.names().constFirst()).arg(min).arg(max));
        return v;
    };
    o.delegations = number(delegations, 10, 50000000, o.delegations);
    o.seconds = int(number(seconds, 1, 3600, o.seconds));
    o.rounds = int(number(rounds, 1, 100, o.rounds));
    o.dnsperf.seconds = o.seconds;
    o.dnsperf.clients = int(number(clients, 1, 1000, o.dnsperf.clients));
    o.dnsperf.threads = int(number(threads, 1, 64, o.dnsperf.threads));
    o.dnsperf.outstanding = int(number(outstanding, 1, 100000, o.dnsperf.outstanding));
    o.queries = number(queries, 100, 10000000, o.queries);
    o.workers = int(number(workers, 0, 64, o.workers));
    o.changes = int(number(changes, 0, 1000, o.changes));
    o.latencyQps = int(number(latency, 0, 10000000, o.latencyQps));
    if (parser.isSet(servers)) {
        o.servers.clear();
        for (const QString &s : parser.value(servers).split(u',', Qt::SkipEmptyParts)) {
            if (s != u"registryd" && s != u"nsd" && s != u"knot")
                die(QStringLiteral("unknown server \"%1\" (registryd, nsd, knot)").arg(s));
            if (!o.servers.contains(s))
                o.servers << s;
        }
        if (o.servers.isEmpty())
            die(QStringLiteral("--servers names none"));
    }
    o.keepData = parser.isSet(keep);
    return o;
}

// Polls the server until it refers `delegation` correctly; the seconds since `sinceStart` began,
// or -1 with *error set when the process died or the bound passed.
double awaitFirstReferral(BenchServer &server, const QString &name, const QElapsedTimer &sinceStart, int boundSecs, QString *error)
{
    DnsProbe probe;
    const QString delegation = name + u'.';
    QString last = QStringLiteral("no answer");
    while (sinceStart.elapsed() < qint64(boundSecs) * 1000) {
        if (!server.isRunning()) {
            *error = QStringLiteral("%1 exited before it answered:\n%2").arg(server.name(), server.logTail());
            return -1;
        }
        if (const QString reason = server.neverAnswersReason(); !reason.isEmpty()) {
            *error = reason;
            return -1;
        }
        Result<ProbeAnswer> answer = probe.query(server.port(), name, dns::RRType::A, 100);
        if (answer && answer->isReferralTo(delegation))
            return double(sinceStart.nsecsElapsed()) / 1e9;
        if (answer) {
            last = QStringLiteral("rcode %1, AA %2, %3/%4/%5 records, first authority %6 type %7")
                       .arg(answer->rcode).arg(answer->authoritative).arg(answer->answers).arg(answer->authorities)
                       .arg(answer->additionals).arg(answer->firstAuthorityOwner).arg(answer->firstAuthorityType);
        } else {
            last = answer.error().message;
        }
        QThread::msleep(answer ? 20 : 5);   // a wrong answer: the zone is still loading
    }
    *error = QStringLiteral("%1 gave no correct referral for %2 within %3 s (last: %4):\n%5")
                 .arg(server.name(), name).arg(boundSecs).arg(last, server.logTail());
    return -1;
}

// `registryd zone export` into zoneFile; false with *error when the command failed.
bool exportZone(const QString &binary, const QString &dataDir, const QString &zone, const QString &zoneFile, QString *error)
{
    QProcess p;
    p.setStandardOutputFile(zoneFile, QIODevice::Truncate);
    p.start(binary, {QStringLiteral("zone"), QStringLiteral("export"), QStringLiteral("--data-dir"), dataDir, QStringLiteral("--zone"), zone});
    if (!p.waitForFinished(30 * 60 * 1000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *error = QStringLiteral("exit %1: %2").arg(p.exitCode()).arg(QString::fromUtf8(p.readAllStandardError()).trimmed());
        return false;
    }
    if (QFileInfo(zoneFile).size() == 0) {
        *error = QStringLiteral("it wrote nothing");
        return false;
    }
    return true;
}

// The engine's XRP port from DIR/run/ready.json, waiting (bounded) for the file.
quint16 readXrpPort(const QString &dataDir, int boundSecs)
{
    QElapsedTimer waited;
    waited.start();
    const QString path = QDir(dataDir).filePath(QStringLiteral("run/ready.json"));
    while (waited.elapsed() < qint64(boundSecs) * 1000) {
        QFile f(path);
        if (f.open(QIODevice::ReadOnly)) {
            const QString address = QJsonDocument::fromJson(f.readAll()).object().value(QLatin1StringView("services")).toObject()
                                        .value(QLatin1StringView("xrp")).toString();
            const quint16 port = quint16(address.mid(address.lastIndexOf(u':') + 1).toUInt());
            if (port != 0)
                return port;
        }
        QThread::msleep(100);
    }
    return 0;
}

// The first lines of the query file, for the cross-check of the servers' answers.
QList<QPair<QString, std::uint16_t>> sampleQuestions(const QString &queryFile, int count)
{
    QList<QPair<QString, std::uint16_t>> out;
    QFile f(queryFile);
    if (!f.open(QIODevice::ReadOnly))
        return out;
    const std::map<QByteArray, std::uint16_t> types{{"A", dns::RRType::A}, {"AAAA", dns::RRType::AAAA}, {"NS", dns::RRType::NS},
                                                    {"MX", dns::RRType::MX}, {"DS", dns::RRType::DS}, {"SOA", dns::RRType::SOA}};
    while (out.size() < count && !f.atEnd()) {
        const QList<QByteArray> parts = f.readLine().trimmed().split(' ');
        if (parts.size() == 2 && types.count(parts[1]))
            out.append({QString::fromLatin1(parts[0]), types.at(parts[1])});
    }
    return out;
}

// What every correct server answers alike: the header's verdict and, without an answer, the owner
// and type leading the authority section (the delegation's NS, or the apex SOA). The rest differs
// by policy (NSD adds the apex NS to positive answers, Knot does not) and is not compared.
QString signature(const Result<ProbeAnswer> &a)
{
    if (!a)
        return a.error().message;
    QString s = QStringLiteral("rcode %1 aa %2 tc %3 answers %4").arg(a->rcode).arg(a->authoritative).arg(a->truncated).arg(a->answers);
    if (a->answers == 0)
        s += QStringLiteral(" authority %1/%2").arg(a->firstAuthorityOwner).arg(a->firstAuthorityType);
    return s;
}

double mb(qint64 kb)
{
    return kb < 0 ? -1.0 : double(kb) / 1024.0;
}

double percentile(std::vector<double> sorted, double p)
{
    if (sorted.empty())
        return 0;
    std::sort(sorted.begin(), sorted.end());
    return sorted[std::min(sorted.size() - 1, size_t(p * double(sorted.size() - 1) + 0.5))];
}

QByteArray loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    return f.open(QIODevice::ReadOnly) ? f.readAll().trimmed() : QByteArray("?");
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const BenchOptions options = parseOptions();
    if (options.keepData)
        qputenv("REGISTRY_KEEP_TEST_DATA", "1");
    const QString binary = qEnvironmentVariable("REGISTRYD_BINARY");
    if (binary.isEmpty())
        die(QStringLiteral("REGISTRYD_BINARY is not set (the registryd to init, export and measure)"));
    const int workers = options.workers > 0 ? options.workers : std::max(1, QThread::idealThreadCount());

    // The data directory: init --demo, the DNS on a fixed free port (the cold start is measured by
    // polling it before the engine says it is ready), no response rate limiting (dnsperf is one client).
    testsupport::EngineFixture engine;
    const quint16 registrydPort = freeLoopbackPort();
    engine.setConfigValue(QStringLiteral("dns"), QStringLiteral("listen"), QStringLiteral("127.0.0.1:%1").arg(registrydPort));
    engine.setConfigValue(QStringLiteral("dns"), QStringLiteral("rrl_responses_per_second"), QStringLiteral("0"));
    if (options.workers > 0)
        engine.setConfigValue(QStringLiteral("dns"), QStringLiteral("udp_threads"), QString::number(options.workers));
    QString error;
    if (!engine.writeConfig(&error))
        die(error);
    Result<EngineConfig> config = EngineConfig::load(engine.dataDir());
    if (!config)
        die(config.error().message);
    const QDir root = QFileInfo(engine.dataDir()).dir();   // the fixture's temporary directory
    std::printf("bench_dns: working in %s\n", qPrintable(root.path()));

    QElapsedTimer step;
    step.start();
    Result<DelegationRegistry> populated = DelegationPopulator::populate(engine.dataDir(), config->store.databaseFile, options.delegations,
                                                                         QDateTime::currentDateTimeUtc());
    if (!populated)
        die(populated.error().message);
    const DelegationRegistry &registry = *populated;
    std::printf("loaded %lld delegations into %s in %.1f s\n", static_cast<long long>(registry.delegations), qPrintable(registry.tld),
                double(step.nsecsElapsed()) / 1e9);

    const QString queryFile = root.filePath(QStringLiteral("queries.txt"));
    Result<QueryMix> mix = writeQueryFile(queryFile, registry, options.queries, 4242);
    if (!mix)
        die(mix.error().message);

    const bool peers = options.servers.contains(QStringLiteral("nsd")) || options.servers.contains(QStringLiteral("knot"));
    const QString zoneFile = root.filePath(registry.tld + QStringLiteral(".zone"));
    QString zoneSource = QStringLiteral("registryd zone export");
    if (peers) {
        step.restart();
        if (!exportZone(binary, engine.dataDir(), registry.tld, zoneFile, &error)) {
            // Without the export NSD and Knot can still be measured, on the benchmark's own file of
            // the same delegations; the cross-check below shows whether the answers agree.
            std::printf("WARNING: registryd zone export failed (%s);\n         NSD and Knot serve a zone file the benchmark wrote "
                        "from the same delegations instead\n", qPrintable(error));
            if (Result<void> written = writeDelegationZoneFile(zoneFile, registry, config->dns); !written)
                die(written.error().message);
            zoneSource = QStringLiteral("the benchmark's own zone file (export unavailable)");
        }
        std::printf("zone file %s (%.1f MB) from %s in %.1f s\n", qPrintable(zoneFile), double(QFileInfo(zoneFile).size()) / 1048576.0,
                    qPrintable(zoneSource), double(step.nsecsElapsed()) / 1e9);
    }

    // The servers, started one at a time so each cold start has the machine to itself.
    std::vector<std::unique_ptr<BenchServer>> servers;
    std::map<QString, ServerReport> reports;
    QStringList failures;   // what makes the run's figures incomplete or not comparable: the exit code says so
    const QString probeName = registry.domainName(registry.delegations - 1);
    for (const QString &name : options.servers) {
        std::unique_ptr<BenchServer> server;
        const QString workDir = root.filePath(name);
        if (name == u"registryd")
            server = std::make_unique<RegistrydServer>(workDir, registrydPort, binary, engine.dataDir());
        else if (name == u"nsd")
            server = std::make_unique<NsdServer>(workDir, freeLoopbackPort(), registry.tld, zoneFile, workers);
        else
            server = std::make_unique<KnotServer>(workDir, freeLoopbackPort(), registry.tld, zoneFile, workers);
        QElapsedTimer sinceStart;
        sinceStart.start();
        if (!server->launch(&error)) {
            std::printf("%s: not measured: %s\n", qPrintable(name), qPrintable(error));
            failures << QStringLiteral("%1 not measured").arg(name);
            continue;
        }
        const double coldStart = awaitFirstReferral(*server, probeName, sinceStart, 600, &error);
        if (coldStart < 0) {
            std::printf("%s: not measured: %s\n", qPrintable(name), qPrintable(error));
            failures << QStringLiteral("%1 not measured").arg(name);
            server->stop();
            continue;
        }
        ServerReport &report = reports[name];
        report.coldStartSecs = coldStart;
        report.afterLoad = processMemory(server->processId());
        std::printf("%-10s port %5u  first correct referral %.2f s after process start, RSS %.0f MB (largest process), PSS %.0f MB (all)\n",
                    qPrintable(name), server->port(), coldStart, mb(report.afterLoad.rssKb), mb(report.afterLoad.treePssKb));
        // Where registryd's cold start went: its zone build logs its own time and phases.
        for (const QString &line : server->logLinesContaining(QStringLiteral("built the zone")))
            std::printf("           %s\n", qPrintable(line));
        std::fflush(stdout);
        servers.push_back(std::move(server));
    }
    if (servers.empty())
        die(QStringLiteral("no server could be measured"));

    // The same questions to every server: their answers should agree (header counts and the
    // referral's first NS owner), whoever made the zone file.
    const QList<QPair<QString, std::uint16_t>> sample = sampleQuestions(queryFile, 300);
    if (servers.size() > 1) {
        DnsProbe probe;
        QStringList mismatches;
        int agreed = 0;
        for (const auto &q : sample) {
            const QString reference = signature(probe.query(servers[0]->port(), q.first, q.second, 2000));
            bool same = true;
            for (size_t s = 1; s < servers.size(); ++s) {
                const QString other = signature(probe.query(servers[s]->port(), q.first, q.second, 2000));
                if (other != reference) {
                    same = false;
                    if (mismatches.size() < 6)
                        mismatches << QStringLiteral("%1 type %2: %3 says %4; %5 says %6").arg(q.first).arg(q.second)
                                          .arg(servers[0]->name(), reference, servers[s]->name(), other);
                }
            }
            agreed += same ? 1 : 0;
        }
        std::printf("cross-check: the servers' answers agree on %d of %lld sample questions\n", agreed, static_cast<long long>(sample.size()));
        if (agreed != sample.size())
            failures << QStringLiteral("the servers' answers differ");
        for (const QString &m : std::as_const(mismatches))
            std::printf("  differs: %s\n", qPrintable(m));
    }

    std::printf("\nDNS benchmark: %lld delegations in %s., query file of %lld (%lld delegation, %lld non-existent, %lld apex),\n"
                "dnsperf -c %d -T %d -q %d -l %d, %d round(s) rotating the servers, %d UDP worker(s) per server, %d CPU(s)\n",
                static_cast<long long>(registry.delegations), qPrintable(registry.tld), static_cast<long long>(mix->total()),
                static_cast<long long>(mix->delegations), static_cast<long long>(mix->nonexistent), static_cast<long long>(mix->apex),
                options.dnsperf.clients, options.dnsperf.threads, options.dnsperf.outstanding, options.seconds, options.rounds, workers,
                QThread::idealThreadCount());
    std::printf("load average at start: %s (other work on the machine shares its cores)\n\n", loadAverage().constData());
    std::printf("%-10s %5s %11s %8s %9s %8s %8s %12s  %s\n", "server", "round", "queries/s", "avg ms", "stddev ms", "max ms", "lost",
                "server us/q", "response codes");
    std::fflush(stdout);

    DnsperfSettings settings = options.dnsperf;
    settings.queryFile = queryFile;
    for (int round = 0; round < options.rounds; ++round) {
        for (size_t k = 0; k < servers.size(); ++k) {
            BenchServer &server = *servers[(k + size_t(round)) % servers.size()];
            const double cpuBefore = processTreeCpuSecs(server.processId());
            Result<DnsperfResult> result = DnsperfRun::run(server.port(), settings);
            const double cpu = processTreeCpuSecs(server.processId()) - cpuBefore;
            if (!result) {
                std::printf("%-10s %5d  dnsperf failed: %s\n", qPrintable(server.name()), round + 1, qPrintable(result.error().message));
                failures << QStringLiteral("dnsperf failed against %1").arg(server.name());
                continue;
            }
            const double usPerQuery = result->completed > 0 && cpuBefore >= 0 ? cpu * 1e6 / double(result->completed) : -1;
            ServerReport &report = reports[server.name()];
            report.rounds.push_back(*result);
            report.cpuUsPerQuery.push_back(usPerQuery);
            std::printf("%-10s %5d %11.0f %8.3f %9.3f %8.2f %8lld %12.1f  %s\n", qPrintable(server.name()), round + 1, result->queriesPerSecond,
                        result->averageLatencyMs, result->stddevLatencyMs, result->maxLatencyMs, static_cast<long long>(result->lost),
                        usPerQuery, qPrintable(result->responseCodes));
            std::fflush(stdout);
        }
    }

    // Latency percentiles: dnsperf 2.10 has no histogram, so a pass at a fixed rate every server
    // sustains prints each answer's latency (-v); dnsperf's own CPU for that stays modest at that rate.
    if (options.latencyQps > 0) {
        DnsperfSettings fixed = settings;
        fixed.maxQps = options.latencyQps;
        fixed.perQuery = true;
        for (auto &s : servers) {
            Result<DnsperfResult> result = DnsperfRun::run(s->port(), fixed);
            if (!result) {
                std::printf("%-10s latency pass failed: %s\n", qPrintable(s->name()), qPrintable(result.error().message));
                failures << QStringLiteral("latency pass failed against %1").arg(s->name());
                continue;
            }
            reports[s->name()].latency = *result;
        }
    }

    // Change-to-answer: registryd under the same load, domains created over XRP one after another.
    std::vector<double> fromCommit, fromSend;
    ChangeDelays delays;
    QString changeNote;
    double changeQps = 0;
    BenchServer *registryd = nullptr;
    for (auto &s : servers) {
        if (s->name() == u"registryd")
            registryd = s.get();
    }
    if (registryd && options.changes > 0) {
        const quint16 xrpPort = readXrpPort(engine.dataDir(), 120);
        if (xrpPort == 0) {
            changeNote = QStringLiteral("not measured: no XRP port in run/ready.json");
        } else {
            xrpclient::EppClientEndpoint endpoint;
            endpoint.port = xrpPort;
            endpoint.caFile = engine.caCertificateFile();
            const QString dir = QDir(engine.dataDir()).filePath(QStringLiteral("registrars/") + registry.registrars.constFirst().id);
            endpoint.certificateFile = dir + QStringLiteral("/cert.pem");
            endpoint.keyFile = dir + QStringLiteral("/key.pem");
            DnsperfSettings load = settings;
            load.seconds = std::max(options.seconds, 10 + options.changes);   // long enough to cover every change
            DnsperfRun background;
            if (!background.start(registryd->port(), load, &error))
                die(error);
            QThread::msleep(1000);   // the load is up before the first change
            Result<ChangeDelays> measured = measureChangeToAnswer(endpoint, registry.registrars.constFirst(), registry.tld, registryd->port(),
                                                                  options.changes, 10000);
            Result<DnsperfResult> during = background.finish();
            if (during)
                changeQps = during->queriesPerSecond;
            if (!measured) {
                changeNote = QStringLiteral("not measured: %1").arg(measured.error().message);
            } else {
                delays = *measured;
                fromCommit.assign(delays.fromCommitMs.begin(), delays.fromCommitMs.end());
                fromSend.assign(delays.fromSendMs.begin(), delays.fromSendMs.end());
            }
        }
    }

    for (auto &s : servers)
        reports[s->name()].afterRun = processMemory(s->processId());

    std::printf("\n%-10s %10s %10s %10s %12s %14s %14s %12s %12s\n", "server", "mean q/s", "best q/s", "us/query", "cold start s",
                "RSS loaded MB", "PSS loaded MB", "PSS end MB", "peak RSS MB");
    for (auto &s : servers) {
        const ServerReport &r = reports[s->name()];
        double sum = 0, best = 0, cpu = 0;
        for (size_t i = 0; i < r.rounds.size(); ++i) {
            sum += r.rounds[i].queriesPerSecond;
            best = std::max(best, r.rounds[i].queriesPerSecond);
            cpu += r.cpuUsPerQuery[i];
        }
        const double n = double(std::max<size_t>(1, r.rounds.size()));
        std::printf("%-10s %10.0f %10.0f %10.1f %12.2f %14.0f %14.0f %12.0f %12.0f\n", qPrintable(s->name()), sum / n, best, cpu / n,
                    r.coldStartSecs, mb(r.afterLoad.rssKb), mb(r.afterLoad.treePssKb), mb(r.afterRun.treePssKb), mb(r.afterRun.peakRssKb));
    }
    if (options.latencyQps > 0) {
        std::printf("\nlatency at a fixed %d q/s for %d s (every answer timed by dnsperf -v):\n%-10s %10s %8s %8s %8s %8s %8s\n",
                    options.latencyQps, options.seconds, "server", "answered", "p50 ms", "p99 ms", "p99.9 ms", "max ms", "lost");
        for (auto &s : servers) {
            const std::optional<DnsperfResult> &l = reports[s->name()].latency;
            if (l) {
                std::printf("%-10s %10lld %8.3f %8.3f %8.3f %8.2f %8lld\n", qPrintable(s->name()), static_cast<long long>(l->completed),
                            l->p50LatencyMs, l->p99LatencyMs, l->p999LatencyMs, l->maxLatencyMs, static_cast<long long>(l->lost));
            }
        }
    }
    if (registryd && options.changes > 0) {
        if (!changeNote.isEmpty()) {
            std::printf("\nchange-to-answer: %s\n", qPrintable(changeNote));
            failures << QStringLiteral("change-to-answer not measured");
        } else {
            std::printf("\nchange-to-answer under dnsperf load (%.0f q/s meanwhile): %lld of %d domains created over XRP served; "
                        "from the XRP answer median %.1f ms, max %.1f ms; from sending the create median %.1f ms, max %.1f ms\n",
                        changeQps, static_cast<long long>(fromCommit.size()), options.changes, percentile(fromCommit, 0.5),
                        fromCommit.empty() ? 0.0 : *std::max_element(fromCommit.begin(), fromCommit.end()), percentile(fromSend, 0.5),
                        fromSend.empty() ? 0.0 : *std::max_element(fromSend.begin(), fromSend.end()));
            for (const QString &e : std::as_const(delays.errors))
                std::printf("  %s\n", qPrintable(e));
            if (qsizetype(fromCommit.size()) != options.changes)
                failures << QStringLiteral("%1 change(s) not served").arg(options.changes - qsizetype(fromCommit.size()));
        }
    }
    if (zoneSource != u"registryd zone export" && peers)
        failures << QStringLiteral("NSD and Knot did not serve registryd's export");
    std::printf("\n%s\n", failures.isEmpty() ? "RESULT: complete" : qPrintable(QStringLiteral("RESULT: incomplete: ") + failures.join(QStringLiteral("; "))));
    std::fflush(stdout);
    for (auto &s : servers)
        s->stop();
    return failures.isEmpty() ? 0 : 1;
}
