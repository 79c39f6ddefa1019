// Benchmark (label bench, not run by default): N simulated devices (default 1,000) polled on a
// short interval against real snmpd agents on loopback (one by default; --agents spreads the
// devices over several, since one snmpd answers one request at a time and becomes the bottleneck
// long before the poller), each device its own session and schedule.
// Prints the poller's CPU per poll cycle and the spread (p50/p99) of poll round-trip times.
//   bench_snmppoller [--devices N] [--interval SECONDS] [--cycles C] [--agents A]
#include "common/snmpdserver.h"

#include "monitor/snmppoller.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QTimer>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

using namespace reg;
using namespace reg::monitor;
using namespace Qt::StringLiterals;

namespace {

double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

int percentile(QList<int> values, double p)
{
    if (values.isEmpty())
        return -1;
    std::sort(values.begin(), values.end());
    return values.at(qMin(values.size() - 1, qsizetype(p * double(values.size()))));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption({u"devices"_s, u"devices to poll"_s, u"n"_s, u"1000"_s});
    parser.addOption({u"interval"_s, u"poll interval in seconds"_s, u"s"_s, u"10"_s});
    parser.addOption({u"cycles"_s, u"poll cycles to measure"_s, u"c"_s, u"3"_s});
    parser.addOption({u"agents"_s, u"snmpd agents the devices are spread over"_s, u"n"_s, u"1"_s});
    parser.process(app);
    const int devices = parser.value(u"devices"_s).toInt();
    const int interval = parser.value(u"interval"_s).toInt();
    const int cycles = parser.value(u"cycles"_s).toInt();
    const int agentCount = std::clamp(parser.value(u"agents"_s).toInt(), 1, 64);

    std::vector<std::unique_ptr<testsupport::SnmpdServer>> agents;
    for (int i = 0; i < agentCount; ++i) {
        auto agent = std::make_unique<testsupport::SnmpdServer>();
        QString error;
        if (!agent->start(&error)) {
            std::fprintf(stderr, "snmpd: %s\n", qPrintable(error));
            return 1;
        }
        agents.push_back(std::move(agent));
    }
    SnmpPoller poller;
    QList<SnmpTarget> targets;
    for (int i = 0; i < devices; ++i) {
        SnmpTarget t;
        t.deviceId = i + 1;
        const testsupport::SnmpdServer &agent = *agents[size_t(i % agentCount)];
        t.address = QHostAddress::LocalHost;
        t.port = agent.port();
        t.credentials.community = agent.community();
        t.timeoutMs = 5000;
        t.retries = 1;
        t.intervalSecs = interval;
        targets.append(t);
    }
    QList<int> roundTrips;
    QList<int> durations;   // from the poll's start to its result here: every request of the poll
    qint64 polls = 0;
    qint64 failures = 0;
    QObject::connect(&poller, &SnmpPoller::polled, &app, [&](const PollResult &r) {
        ++polls;
        durations.append(int(r.polledAt.msecsTo(QDateTime::currentDateTimeUtc())));
        if (!r.ok())
            ++failures;
        else
            roundTrips.append(r.roundTripMs);
    });
    poller.setTargets(targets);
    // One interval of warm-up (first polls spread over it), then the measured cycles.
    const double cpuStart = cpuSeconds();
    poller.start();
    double cpuMeasured = 0;
    QTimer::singleShot(interval * 1000, &app, [&] {
        roundTrips.clear();
        durations.clear();
        polls = 0;
        failures = 0;
        cpuMeasured = cpuSeconds();
        QTimer::singleShot(interval * cycles * 1000, &app, [&] {
            const double cpu = cpuSeconds() - cpuMeasured;
            poller.stop();
            std::printf("devices %d, interval %d s, cycles %d, agents %d\n", devices, interval, cycles, agentCount);
            std::printf("polls %lld (%.0f per cycle), failures %lld\n", static_cast<long long>(polls),
                        double(polls) / cycles, static_cast<long long>(failures));
            std::printf("poller CPU %.3f s per cycle (%.1f us per poll); warm-up CPU %.3f s\n", cpu / cycles,
                        polls ? cpu * 1e6 / double(polls) : 0.0, cpuMeasured - cpuStart);
            std::printf("round trip ms: p50 %d, p99 %d, max %d\n", percentile(roundTrips, 0.50), percentile(roundTrips, 0.99),
                        percentile(roundTrips, 1.0));
            std::printf("whole poll ms: p50 %d, p99 %d, max %d\n", percentile(durations, 0.50), percentile(durations, 0.99),
                        percentile(durations, 1.0));
            app.quit();
        });
    });
    return app.exec();
}
