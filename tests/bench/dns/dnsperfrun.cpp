#include "dnsperfrun.h"

#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace reg::bench {
namespace {

// The number after "label" on its line of the summary; NaN when absent.
double field(const QString &text, const QString &label, int group = 1)
{
    const QRegularExpression re(QRegularExpression::escape(label)
                                + QStringLiteral(R"(\s*([0-9.]+)(?:\s*\(min\s*([0-9.]+),\s*max\s*([0-9.]+)\))?)"));
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch() || m.captured(group).isEmpty())
        return std::numeric_limits<double>::quiet_NaN();
    return m.captured(group).toDouble();
}

} // namespace

Result<DnsperfResult> DnsperfRun::run(quint16 port, const DnsperfSettings &settings)
{
    DnsperfRun r;
    QString error;
    if (!r.start(port, settings, &error))
        return Error(ErrorCode::Unavailable, error);
    return r.finish();
}

bool DnsperfRun::start(quint16 port, const DnsperfSettings &s, QString *error)
{
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_seconds = s.seconds;
    m_perQuery = s.perQuery;
    // -n 1000000 lets the run loop over the query file for as long as -l allows.
    QStringList arguments{QStringLiteral("-s"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"), QString::number(port),
                          QStringLiteral("-d"), s.queryFile, QStringLiteral("-l"), QString::number(s.seconds),
                          QStringLiteral("-c"), QString::number(s.clients), QStringLiteral("-T"), QString::number(s.threads),
                          QStringLiteral("-q"), QString::number(s.outstanding), QStringLiteral("-n"), QStringLiteral("1000000")};
    if (s.maxQps > 0)
        arguments << QStringLiteral("-Q") << QString::number(s.maxQps);
    if (s.perQuery)
        arguments << QStringLiteral("-v");
    m_process->start(QStringLiteral("dnsperf"), arguments);
    if (!m_process->waitForStarted(10000)) {
        *error = QStringLiteral("cannot start dnsperf: %1").arg(m_process->errorString());
        m_process.reset();
        return false;
    }
    return true;
}

Result<DnsperfResult> DnsperfRun::finish()
{
    if (!m_process)
        return Error(ErrorCode::Internal, QStringLiteral("dnsperf was not started"));
    // waitForFinished() drains the pipe while it waits, so -v's line per answer cannot block dnsperf.
    if (!m_process->waitForFinished((m_seconds + 60) * 1000)) {
        m_process->kill();
        m_process->waitForFinished(5000);
        return Error(ErrorCode::Timeout, QStringLiteral("dnsperf did not finish within %1 s").arg(m_seconds + 60));
    }
    const QByteArray output = m_process->readAll();
    m_process.reset();
    Result<DnsperfResult> result = parse(output);
    if (result && m_perQuery) {
        // "> NOERROR name type 0.000123": the last field is the latency in seconds.
        std::vector<double> latencies;
        for (const QByteArray &line : output.split('\n')) {
            if (line.startsWith("> "))
                latencies.push_back(line.mid(line.lastIndexOf(' ') + 1).toDouble() * 1000);
        }
        if (!latencies.empty()) {
            std::sort(latencies.begin(), latencies.end());
            const auto at = [&latencies](double p) { return latencies[std::min(latencies.size() - 1, size_t(p * double(latencies.size() - 1) + 0.5))]; };
            result->p50LatencyMs = at(0.50);
            result->p99LatencyMs = at(0.99);
            result->p999LatencyMs = at(0.999);
        }
    }
    return result;
}

Result<DnsperfResult> DnsperfRun::parse(const QByteArray &output)
{
    const QString text = QString::fromUtf8(output);
    DnsperfResult r;
    const double sent = field(text, QStringLiteral("Queries sent:"));
    const double completed = field(text, QStringLiteral("Queries completed:"));
    const double qps = field(text, QStringLiteral("Queries per second:"));
    if (std::isnan(sent) || std::isnan(completed) || std::isnan(qps))
        return Error(ErrorCode::InvalidInput, QStringLiteral("dnsperf printed no summary:\n%1").arg(text.right(2000)));
    r.sent = qint64(sent);
    r.completed = qint64(completed);
    const double lost = field(text, QStringLiteral("Queries lost:"));
    r.lost = std::isnan(lost) ? r.sent - r.completed : qint64(lost);
    r.queriesPerSecond = qps;
    r.averageLatencyMs = field(text, QStringLiteral("Average Latency (s):")) * 1000;
    r.minLatencyMs = field(text, QStringLiteral("Average Latency (s):"), 2) * 1000;
    r.maxLatencyMs = field(text, QStringLiteral("Average Latency (s):"), 3) * 1000;
    r.stddevLatencyMs = field(text, QStringLiteral("Latency StdDev (s):")) * 1000;
    const QRegularExpressionMatch codes = QRegularExpression(QStringLiteral(R"(Response codes:\s*(.*))")).match(text);
    r.responseCodes = codes.hasMatch() ? codes.captured(1).trimmed() : QString();
    return r;
}

} // namespace reg::bench
