#include "dnsservice.h"

#include "dnsresponder.h"
#include "dnssocket.h"
#include "ratelimiter.h"
#include "signedqueryanswerer.h"
#include "tcpserver.h"
#include "udpserver.h"
#include "zone.h"
#include "zonetransfer.h"
#include "zoneupdater.h"

#include "core/logging.h"

#include <QMutex>

#include <thread>

namespace reg::dns {

namespace {
constexpr int kTcpBacklog = 256;
constexpr int kPortAttempts = 16;   // when the configuration says port 0 and TCP finds it taken
} // namespace

struct DnsService::Private
{
    Private(const EngineConfig &engineConfig, store::Store &store, const Clock &clock)
        : config(engineConfig)
        , responder(engineConfig.dns.maxUdpPayload)
        , limiter(engineConfig.dns.rrlResponsesPerSecond, engineConfig.dns.rrlSlip, engineConfig.dns.rrlIpv4PrefixLength,
                  engineConfig.dns.rrlIpv6PrefixLength)
        , updater(engineConfig.dns, store, publisher, clock)
        , wallClock(clock)
    {
    }

    Result<void> bind();

    const EngineConfig config;
    ZonePublisher publisher;
    DnsResponder responder;
    RateLimiter limiter;
    ZoneUpdater updater;
    std::shared_ptr<ZoneTransferService> transfers;
    const Clock &wallClock;
    std::shared_ptr<const TsigKeyring> keyring;
    std::unique_ptr<SignedQueryAnswerer> signedQueries;   // made by start(); outlives the servers below
    std::unique_ptr<UdpServer> udp;
    std::unique_ptr<TcpServer> tcp;
    int tcpListener = -1;
    ListenAddress bound;
    bool running = false;
    mutable QMutex sourcesMutex;
    QList<std::function<void(DnsStatisticsSnapshot &)>> sources;
};

DnsService::DnsService(const EngineConfig &config, store::Store &store, const Clock &clock)
    : d(std::make_unique<Private>(config, store, clock))
{
}

DnsService::~DnsService()
{
    shutdown();
}

void DnsService::setTransferService(std::shared_ptr<ZoneTransferService> transfers)
{
    d->transfers = std::move(transfers);
}

void DnsService::addStatisticsSource(std::function<void(DnsStatisticsSnapshot &)> source)
{
    QMutexLocker lock(&d->sourcesMutex);
    d->sources.append(std::move(source));
}

void DnsService::setTsigKeyring(std::shared_ptr<const TsigKeyring> keyring)
{
    d->keyring = std::move(keyring);
}

ZoneUpdater &DnsService::updater()
{
    return d->updater;
}

ZonePublisher &DnsService::publisher()
{
    return d->publisher;
}

// UDP first (a configured port 0 lets the kernel choose), then TCP on the same port; when the
// chosen port is taken for TCP, try again with another.
Result<void> DnsService::Private::bind()
{
    const ServiceConfig *service = config.service(QStringLiteral("dns"));
    const ListenAddress listen = service ? service->listen : ListenAddress{QHostAddress::LocalHost, 5300};
    const int threads = config.dns.udpThreads > 0 ? config.dns.udpThreads : int(std::max(1u, std::thread::hardware_concurrency()));
    Error lastError(ErrorCode::Unavailable, QStringLiteral("DNS: no port found"));
    for (int attempt = 0; attempt < (listen.port == 0 ? kPortAttempts : 1); ++attempt) {
        udp = std::make_unique<UdpServer>(responder, publisher, limiter, config.dns.maxUdpPayload, signedQueries.get());
        Result<quint16> port = udp->bind(listen.address, listen.port, threads);
        if (!port)
            return port.error();
        Result<int> listener = DnsSocket::openTcpListener(listen.address, *port, kTcpBacklog);
        if (listener) {
            tcpListener = *listener;
            bound = ListenAddress{listen.address, *port};
            return success();
        }
        lastError = listener.error();
        udp.reset();
    }
    return lastError;
}

Result<void> DnsService::start()
{
    if (d->running)
        return success();
    if (Result<void> r = d->updater.loadAll(); !r)
        return r.error().withContext(QStringLiteral("DNS zones: "));
    if (!d->signedQueries)
        d->signedQueries = std::make_unique<SignedQueryAnswerer>(d->responder, d->keyring, d->wallClock);
    if (Result<void> r = d->bind(); !r)
        return r;

    const DnsConfig &dns = d->config.dns;
    TcpLimits limits;
    limits.maxConnections = dns.maxTcpConnections;
    limits.maxConnectionsPerAddress = dns.maxTcpConnectionsPerAddress;
    limits.idleTimeoutMs = int(std::min<qint64>(dns.tcpIdleTimeoutSecs * 1000, 3600 * 1000));
    limits.maxQueriesPerConnection = dns.maxTcpQueriesPerConnection;
    d->tcp = std::make_unique<TcpServer>(limits, d->responder, d->publisher, d->transfers.get(), d->signedQueries.get());
    const int listener = std::exchange(d->tcpListener, -1);
    if (!d->tcp->start(listener)) {
        d->tcp.reset();
        d->udp.reset();
        return Error(ErrorCode::Unavailable, QStringLiteral("DNS: cannot serve TCP on %1").arg(d->bound.toString()));
    }
    d->udp->start();
    d->updater.start();
    d->running = true;
    qCInfo(lcDaemon, "DNS: answering on %s (UDP with %d threads, TCP), %lld zones, rate limiting %s",
           qPrintable(d->bound.toString()), d->udp->threadCount(), qlonglong(d->publisher.current()->zones().size()),
           d->limiter.enabled() ? "on" : "off");
    return success();
}

void DnsService::shutdown()
{
    d->updater.stop();
    if (d->udp)
        d->udp->stop();
    if (d->tcp)
        d->tcp->stop();
    DnsSocket::closeSocket(std::exchange(d->tcpListener, -1));
    d->running = false;
}

ListenAddress DnsService::boundAddress() const
{
    return d->bound;
}

int DnsService::udpThreadCount() const
{
    return d->udp ? d->udp->threadCount() : 0;
}

DnsStatisticsSnapshot DnsService::statistics() const
{
    DnsStatisticsSnapshot s;
    s.at = QDateTime::currentDateTimeUtc();
    DnsCounters::initialise(s);
    if (d->udp)
        d->udp->addCounters(s);
    if (d->tcp)
        d->tcp->addCounters(s);
    const std::shared_ptr<const ZoneSet> zones = d->publisher.current();
    const qint64 sequence = d->updater.appliedSequence();
    const QDateTime publishedAt = d->updater.lastPublishedAt();
    if (zones) {
        for (const std::shared_ptr<const Zone> &zone : zones->zones())
            s.zones.append({zone->apex().toText(), zone->serial(), std::uint64_t(zone->nodeCount()), sequence, publishedAt});
    }
    QMutexLocker lock(&d->sourcesMutex);
    for (const auto &source : d->sources)
        source(s);
    return s;
}

} // namespace reg::dns
