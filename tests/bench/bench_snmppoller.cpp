// Benchmark (label bench, not run by default): N simulated devices (default 1,000) polled on a
// short interval against one real snmpd on loopback, each device its own session and schedule.
// Prints the poller's CPU per poll cycle and the spread (p50/p99) of poll round-trip times.
//   bench_snmppoller [--devices N] [--interval SECONDS] [--cycles C]
#include "common/snmpdserver.h"

#include "monitor/snmppoller.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTimer>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>

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
    parser.process(app);
    const int devices = parser.value(u"devices"_s).toInt();
    const int interval = parser.value(u"interval"_s).toInt();
    const int cycles = parser.value(u"cycles"_s).toInt();

    testsupport::SnmpdServer snmpd;
    QString error;
    if (!snmpd.start(&error)) {
        std::fprintf(stderr, "snmpd: %s\n", qPrintable(error));
        return 1;
    }
    SnmpPoller poller;
    QList<SnmpTarget> targets;
    for (int i = 0; i < devices; ++i) {
        SnmpTarget t;
        t.deviceId = i + 1;
        t.address = QHostAddress::LocalHost;
        t.port = snmpd.port();
        t.credentials.community = snmpd.community();
        t.timeoutMs = 5000;
        t.retries = 1;
        t.intervalSecs = interval;
        targets.append(t);
    }
    QList<int> roundTrips;
    qint64 polls = 0;
    qint64 failures = 0;
    QObject::connect(&poller, &SnmpPoller::polled, &app, [&](const PollResult &r) {
        ++polls;
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
        polls = 0;
        failures = 0;
        cpuMeasured = cpuSeconds();
        QTimer::singleShot(interval * cycles * 1000, &app, [&] {
            const double cpu = cpuSeconds() - cpuMeasured;
            poller.stop();
            std::printf("devices %d, interval %d s, cycles %d\n", devices, interval, cycles);
            std::printf("polls %lld (%.0f per cycle), failures %lld\n", static_cast<long long>(polls),
                        double(polls) / cycles, static_cast<long long>(failures));
            std::printf("poller CPU %.3f s per cycle (%.1f us per poll); warm-up CPU %.3f s\n", cpu / cycles,
                        polls ? cpu * 1e6 / double(polls) : 0.0, cpuMeasured - cpuStart);
            std::printf("round trip ms: p50 %d, p99 %d, max %d\n", percentile(roundTrips, 0.50), percentile(roundTrips, 0.99),
                        percentile(roundTrips, 1.0));
            app.quit();
        });
    });
    return app.exec();
}
