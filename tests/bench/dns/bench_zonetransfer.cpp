// Benchmark (label bench, not run by default): how fast ZoneTransfers produces a signed AXFR of a
// TLD zone of N delegations (every message HMAC-SHA256 signed, 64 KiB messages with compression),
// and an IXFR of one change. The zone is built in memory with ZoneEditor (2 NS per delegation from
// a pool of 200 providers); no sockets: this measures the stream, not the network. Prints a
// table; asserts nothing about speed.
//
//   bench_zonetransfer [N ...]         default: 100000 1000000
#include "dns/messageparser.h"
#include "dns/zone.h"
#include "dns/zonetransferservice.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>
#include <ctime>

using namespace reg;
using namespace reg::dns;

namespace {

DnsName name(const QString &text) { return DnsName::fromText(text).value().lowered(); }

QByteArray soaRdata(std::uint32_t serial)
{
    QByteArray r = name(QStringLiteral("ns1.nic.tld")).wire() + name(QStringLiteral("hostmaster.nic.tld")).wire();
    for (std::uint32_t v : {serial, 1800u, 900u, 1209600u, 900u})
        r.append(char(v >> 24)).append(char(v >> 16)).append(char(v >> 8)).append(char(v));
    return r;
}

QList<RRsetData> delegation(int i)
{
    return {{RRType::NS, 172800,
             {name(QStringLiteral("ns1.provider-%1.net").arg(i % 200)).wire(), name(QStringLiteral("ns2.provider-%1.net").arg(i % 200)).wire()}}};
}

QByteArray request(std::uint16_t type, const TsigKey &key, std::uint32_t ixfrSerial, ParsedRequest &parsed)
{
    QByteArray m = QByteArray::fromHex("4242 0000 0001 0000") + (type == RRType::IXFR ? QByteArray::fromHex("0001") : QByteArray::fromHex("0000"))
                   + QByteArray::fromHex("0000");
    const QByteArray qname = name(QStringLiteral("tld")).wire();
    m.append(qname).append(char(type >> 8)).append(char(type & 0xff)).append(QByteArray::fromHex("0001"));
    if (type == RRType::IXFR) {
        const QByteArray soa = soaRdata(ixfrSerial);
        m.append(qname).append(QByteArray::fromHex("0006 0001 00000384")).append(char(soa.size() >> 8)).append(char(soa.size())).append(soa);
    }
    TsigSession session = TsigSession::forClient(key);
    const std::size_t size = std::size_t(m.size());
    m.resize(m.size() + qsizetype(session.recordSpace()));
    m.resize(qsizetype(session.sign(reinterpret_cast<std::uint8_t *>(m.data()), size, std::size_t(m.size()),
                                    std::uint64_t(QDateTime::currentSecsSinceEpoch()))));
    (void)parseRequest(reinterpret_cast<const std::uint8_t *>(m.constData()), std::size_t(m.size()), parsed);
    return m;
}

// CPU time of this thread: the machine is shared, so wall time alone says little.
qint64 threadCpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return qint64(t.tv_sec) * 1000 + t.tv_nsec / 1000000;
}

struct Run
{
    qint64 ms = 0;
    qint64 cpuMs = 0;
    int messages = 0;
    qint64 bytes = 0;
};

Run drain(ZoneTransfers &service, const QByteArray &wire, const ParsedRequest &parsed, const std::shared_ptr<const ZoneSet> &zones)
{
    QElapsedTimer timer;
    timer.start();
    const qint64 cpuStart = threadCpuMs();
    auto stream = service.start(reinterpret_cast<const std::uint8_t *>(wire.constData()), std::size_t(wire.size()), parsed,
                                QHostAddress(QStringLiteral("127.0.0.1")), zones);
    Run run;
    QByteArray message;
    while (stream && stream->next(message)) {
        ++run.messages;
        run.bytes += message.size();
    }
    run.ms = timer.elapsed();
    run.cpuMs = threadCpuMs() - cpuStart;
    return run;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QList<int> sizes;
    for (int i = 1; i < argc; ++i)
        sizes << QByteArray(argv[i]).toInt();
    if (sizes.isEmpty())
        sizes = {100000, 1000000};

    const TsigKey key{name(QStringLiteral("registry-xfr")), TsigAlgorithm::HmacSha256, QByteArray(32, 'k')};
    DnsConfig config;
    config.transferAllowed = {QHostAddress(QStringLiteral("127.0.0.1"))};
    ZoneTransfers service(config, std::make_shared<const TsigKeyring>(QList<TsigKey>{key}), SystemClock::instance());

    std::printf("%-10s %-6s %10s %10s %10s %12s %12s\n", "zone", "kind", "wall ms", "cpu ms", "messages", "bytes", "MB/s (cpu)");
    for (int n : sizes) {
        ZoneEditor editor(name(QStringLiteral("tld")));
        editor.setNode(name(QStringLiteral("tld")),
                       {{RRType::SOA, 900, {soaRdata(1)}}, {RRType::NS, 172800, {name(QStringLiteral("ns1.nic.tld")).wire()}}});
        for (int i = 0; i < n; ++i)
            editor.setNode(name(QStringLiteral("domain-%1.tld").arg(i)), delegation(i));
        const std::shared_ptr<const Zone> v1 = editor.finish(1, 100);
        ZoneEditor change(v1);
        change.setNode(name(QStringLiteral("domain-7.tld")), delegation(8));
        const auto zones = std::make_shared<const ZoneSet>(QList<std::shared_ptr<const Zone>>{change.finish(2, 100)});

        ParsedRequest parsed;
        const QByteArray axfr = request(RRType::AXFR, key, 0, parsed);
        const Run a = drain(service, axfr, parsed, zones);
        const QByteArray ixfr = request(RRType::IXFR, key, 1, parsed);
        const Run i = drain(service, ixfr, parsed, zones);
        for (const auto &[kind, r] : {std::pair{"AXFR", a}, std::pair{"IXFR", i}}) {
            std::printf("%-10d %-6s %10lld %10lld %10d %12lld %12.1f\n", n, kind, qlonglong(r.ms), qlonglong(r.cpuMs), r.messages,
                        qlonglong(r.bytes), r.cpuMs > 0 ? double(r.bytes) / 1e6 / (double(r.cpuMs) / 1000.0) : 0.0);
        }
        std::fflush(stdout);
    }
    return 0;
}
