#pragma once

#include "core/result.h"

#include <QProcess>
#include <QString>

#include <memory>

namespace reg::bench {

// How dnsperf loads a server; the same for every server of a run.
struct DnsperfSettings
{
    QString queryFile;      // "name type" per line
    int seconds = 10;
    int clients = 8;        // -c: sockets
    int threads = 1;        // -T
    int outstanding = 200;  // -q: queries in flight
    int maxQps = 0;         // -Q: a fixed rate; 0: as fast as the server answers
    bool perQuery = false;  // -v: every answer's latency, for percentiles (costs dnsperf CPU)
};

// dnsperf's summary of one run.
struct DnsperfResult
{
    qint64 sent = 0;
    qint64 completed = 0;
    qint64 lost = 0;
    double queriesPerSecond = 0;
    double averageLatencyMs = 0;
    double minLatencyMs = 0;
    double maxLatencyMs = 0;
    double stddevLatencyMs = 0;
    QString responseCodes;  // as dnsperf prints them: "NOERROR 81 (81.00%), NXDOMAIN ..."
    // With perQuery: percentiles of the answers' latencies; -1 otherwise.
    double p50LatencyMs = -1;
    double p99LatencyMs = -1;
    double p999LatencyMs = -1;
};

// One dnsperf process against 127.0.0.1:port. run() blocks; start()/finish() let the caller do
// other work (the change-to-answer probe) while the load runs.
class DnsperfRun
{
public:
    static Result<DnsperfResult> run(quint16 port, const DnsperfSettings &settings);

    bool start(quint16 port, const DnsperfSettings &settings, QString *error);
    Result<DnsperfResult> finish();   // waits for the end of the run and reads the summary

    static Result<DnsperfResult> parse(const QByteArray &output);

private:
    std::unique_ptr<QProcess> m_process;
    int m_seconds = 0;
    bool m_perQuery = false;
};

} // namespace reg::bench
