#include "whoisservice.h"

#include "whoisanswerer.h"
#include "whoisconnectionlimits.h"
#include "whoiscounters.h"
#include "whoislogging.h"
#include "whoisworker.h"

#include "directory/clientratelimiter.h"
#include "directory/topclients.h"

#include <netinet/in.h>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <thread>

Q_LOGGING_CATEGORY(lcWhois, "registry.whois", QtInfoMsg)

namespace reg::whois {
namespace {

constexpr int listenBacklog = 4096;

Error socketError(const char *what, const ListenAddress &listen, int error)
{
    return Error(ErrorCode::Unavailable, QStringLiteral("%1 %2: %3")
                                             .arg(QString::fromLatin1(what), listen.toString(),
                                                  QString::fromLocal8Bit(std::strerror(error))));
}

// A non-blocking TCP socket listening on address:port.
Result<int> openListener(const QHostAddress &address, quint16 port, const ListenAddress &configured)
{
    sockaddr_storage storage{};
    socklen_t length = 0;
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    if (isV4 && address.protocol() == QAbstractSocket::IPv4Protocol) {
        auto *in = reinterpret_cast<sockaddr_in *>(&storage);
        in->sin_family = AF_INET;
        in->sin_port = htons(port);
        in->sin_addr.s_addr = htonl(v4);
        length = sizeof(sockaddr_in);
    } else if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        auto *in6 = reinterpret_cast<sockaddr_in6 *>(&storage);
        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons(port);
        const Q_IPV6ADDR bytes = address.toIPv6Address();
        std::memcpy(&in6->sin6_addr, bytes.c, 16);
        length = sizeof(sockaddr_in6);
    } else {
        return Error(ErrorCode::InvalidInput, QStringLiteral("%1 is not an IPv4 or IPv6 address").arg(address.toString()));
    }
    const int fd = ::socket(storage.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return socketError("cannot open a socket for", configured, errno);
    const int one = 1;
    if (storage.ss_family == AF_INET6)
        ::setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof one);
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (::bind(fd, reinterpret_cast<const sockaddr *>(&storage), length) != 0
        || ::listen(fd, listenBacklog) != 0) {
        const int error = errno;
        ::close(fd);
        return socketError("cannot listen on", configured, error);
    }
    return fd;
}

quint16 localPort(int fd)
{
    sockaddr_storage storage{};
    socklen_t length = sizeof storage;
    if (::getsockname(fd, reinterpret_cast<sockaddr *>(&storage), &length) != 0)
        return 0;
    if (storage.ss_family == AF_INET)
        return ntohs(reinterpret_cast<const sockaddr_in *>(&storage)->sin_port);
    return ntohs(reinterpret_cast<const sockaddr_in6 *>(&storage)->sin6_port);
}

} // namespace

struct WhoisService::Private
{
    Private(const EngineConfig &engineConfig, directory::Directory &directory, const Clock &clock)
        : config(engineConfig),
          answerer(directory),
          rateLimiter(engineConfig.whois.queriesPerMinute, engineConfig.whois.registrarQueriesPerMinute,
                      engineConfig.directory.registrarNetworks, clock),
          limits(engineConfig.whois.maxConnections, engineConfig.whois.maxConnectionsPerAddress)
    {
    }

    const EngineConfig config;
    WhoisAnswerer answerer;
    directory::ClientRateLimiter rateLimiter;
    directory::TopClients topClients;
    WhoisConnectionLimits limits;
    WhoisCounters counters;
    std::vector<std::unique_ptr<WhoisWorker>> workers;
    ListenAddress bound;
    bool running = false;
};

WhoisService::WhoisService(const EngineConfig &config, directory::Directory &directory, const Clock &clock)
    : d(std::make_unique<Private>(config, directory, clock))
{
}

WhoisService::~WhoisService()
{
    shutdown();
}

Result<void> WhoisService::start()
{
    const ServiceConfig *service = d->config.service(QStringLiteral("whois"));
    if (!service)
        return Error(ErrorCode::InvalidInput, QStringLiteral("no [whois] listen address is configured"));
    int threads = d->config.whois.threads;
    if (threads <= 0)
        threads = qMax(1, int(std::thread::hardware_concurrency()));

    WhoisWorkerShared shared;
    shared.answerer = &d->answerer;
    shared.rateLimiter = &d->rateLimiter;
    shared.topClients = &d->topClients;
    shared.limits = &d->limits;
    shared.counters = &d->counters;
    shared.maxQueryBytes = d->config.whois.maxQueryBytes;
    shared.queryTimeout = std::chrono::seconds(d->config.whois.queryTimeoutSecs);

    // One listening socket, watched by every thread (EPOLLEXCLUSIVE wakes one of them per new
    // connection). Not SO_REUSEPORT: with it, another process of the same user could bind the
    // same port and take a share of the connections, and a port 0 bind could land on one in use.
    Result<int> listener = openListener(service->listen.address, service->listen.port, service->listen);
    if (!listener)
        return listener.error();
    const quint16 port = localPort(*listener);
    for (int i = 0; i < threads; ++i) {
        const int fd = ::fcntl(*listener, F_DUPFD_CLOEXEC, 0);
        if (fd < 0) {
            const int error = errno;
            ::close(*listener);
            shutdown();
            return socketError("cannot share the listening socket", service->listen, error);
        }
        auto worker = std::make_unique<WhoisWorker>(fd, shared);
        QString error;
        if (!worker->start(&error)) {
            worker.reset();
            ::close(*listener);
            shutdown();
            return Error(ErrorCode::Internal, error);
        }
        d->workers.push_back(std::move(worker));
    }
    ::close(*listener);   // the workers hold their duplicates
    d->bound = {service->listen.address, port};
    d->running = true;
    qCInfo(lcWhois, "Whois on %s (%d threads)", qPrintable(d->bound.toString()), threads);
    return success();
}

void WhoisService::shutdown()
{
    for (const std::unique_ptr<WhoisWorker> &worker : d->workers)
        worker->stop();
    d->workers.clear();
    d->running = false;
}

ListenAddress WhoisService::boundAddress() const
{
    return d->bound;
}

int WhoisService::threadCount() const
{
    return int(d->workers.size());
}

directory::DirectoryServiceCounters WhoisService::statistics() const
{
    const WhoisCounters &c = d->counters;
    const auto load = [](const std::atomic<quint64> &counter) { return counter.load(std::memory_order_relaxed); };
    directory::DirectoryServiceCounters s;
    s.running = d->running;
    s.queries = load(c.queries);
    for (int i = 0; i < WhoisCounters::typeCount; ++i) {
        const char *name = i == WhoisCounters::invalidType ? "invalid" : WhoisQuery::typeName(WhoisQuery::Type(i));
        s.byType.append({QString::fromLatin1(name), load(c.byType[size_t(i)])});
    }
    s.notFound = load(c.notFound);
    s.rateLimited = load(c.rateLimited);
    s.malformed = load(c.malformed);
    s.connectionsRefused = load(c.connectionsRefused);
    s.failures = load(c.failures);
    s.openConnections = d->limits.open();
    s.topClients = d->topClients.top(d->config.directory.topClients);
    return s;
}

} // namespace reg::whois
