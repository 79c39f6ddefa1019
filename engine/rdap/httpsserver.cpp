#include "httpsserver.h"

#include <QFile>
#include <QHash>
#include <QMutex>

#include <mutex>

#include <openssl/err.h>
#include <openssl/ssl.h>

#include <arpa/inet.h>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <pthread.h>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <unordered_map>
#include <vector>

namespace reg::rdap {
namespace {

using SteadyClock = std::chrono::steady_clock;

constexpr qsizetype kMaxPendingOutput = 256 * 1024;   // no new request is read while this much waits
constexpr int kReadChunk = 16384;
constexpr int kSweepIntervalMs = 250;

QString openSslError()
{
    const unsigned long code = ERR_get_error();
    char text[256];
    ERR_error_string_n(code, text, sizeof text);
    ERR_clear_error();
    return QString::fromLatin1(text);
}

int selectHttp11(SSL *, const unsigned char **out, unsigned char *outlen, const unsigned char *in, unsigned int inlen, void *)
{
    // ALPN (RFC 7301): only http/1.1 is spoken; a client offering only h2 gets no agreement.
    static const unsigned char http11[] = {8, 'h', 't', 't', 'p', '/', '1', '.', '1'};
    unsigned char *selected = nullptr;
    if (SSL_select_next_proto(&selected, outlen, http11, sizeof http11, in, inlen) != OPENSSL_NPN_NEGOTIATED)
        return SSL_TLSEXT_ERR_NOACK;
    *out = selected;
    return SSL_TLSEXT_ERR_OK;
}

QHostAddress peerAddress(const sockaddr_storage &ss)
{
    QHostAddress a(reinterpret_cast<const sockaddr *>(&ss));
    bool mapped = false;
    const quint32 v4 = a.toIPv4Address(&mapped);
    if (mapped)
        return QHostAddress(v4);
    return a;
}

struct Connection
{
    int fd = -1;
    SSL *ssl = nullptr;
    QHostAddress peer;
    QByteArray in;
    QByteArray out;
    qsizetype outPos = 0;
    bool handshakeDone = false;
    bool closeAfterWrite = false;
    bool wantWrite = false;                  // the TLS layer needs the socket writable
    uint32_t events = 0;                     // the epoll interest registered
    SteadyClock::time_point started;         // accept, or the first byte of the pending request
    SteadyClock::time_point lastActivity;
    bool requestBegun = false;
};

// A connection accepted by one worker for another to serve.
struct Accepted
{
    int fd = -1;
    QHostAddress peer;
};

// One worker's share of the connections: keep-alive connections live long, so whichever worker
// accepts a connection gives it to the one serving the fewest (a burst of connects would
// otherwise all land on the first worker to wake and leave the others idle).
struct Lane
{
    std::atomic<int> load{0};          // connections served or on their way here
    std::mutex inboxMutex;
    std::vector<Accepted> inbox;       // handed over, not yet adopted
    int wakeFd = -1;
};

// What the workers share: the listener, TLS context, limits and counters.
struct ServerState
{
    HttpsServerLimits limits;
    HttpsServer::Handler handler;
    HttpsServer::ErrorHandler errorHandler;
    int listenFd = -1;
    ListenAddress bound;
    SSL_CTX *ctx = nullptr;
    std::vector<std::thread> threads;
    std::vector<std::unique_ptr<Lane>> lanes;
    std::atomic<bool> stopping{false};
    std::atomic<qint64> open{0};
    std::atomic<quint64> refused{0};
    QMutex perAddressMutex;
    QHash<QHostAddress, int> perAddress;

    void run(int lane);
    int leastLoaded(int own) const;   // own on a tie
    bool admit(const QHostAddress &peer);
    void release(const QHostAddress &peer);
};

// One worker's connections, on its own thread only.
class Worker
{
public:
    Worker(ServerState &server, int epollFd, int lane) : m_server(server), m_epoll(epollFd), m_lane(*server.lanes[size_t(lane)]), m_laneIndex(lane) {}
    ~Worker()
    {
        std::vector<Connection *> all;
        for (auto &[fd, c] : m_connections)
            all.push_back(c.get());
        for (Connection *c : all)
            close(c);
    }

    void accept();
    void adoptHandedOver();
    void drive(Connection *c);
    void sweep();

private:
    void close(Connection *c);
    bool flush(Connection *c);                // false: the connection failed
    void processInput(Connection *c);
    void updateInterest(Connection *c);
    void adopt(int fd, const QHostAddress &peer);   // counted in m_lane.load already

    ServerState &m_server;
    int m_epoll;
    Lane &m_lane;
    int m_laneIndex;
    std::unordered_map<int, std::unique_ptr<Connection>> m_connections;
};

void Worker::accept()
{
    for (int i = 0; i < 64; ++i) {
        sockaddr_storage ss{};
        socklen_t len = sizeof ss;
        const int fd = ::accept4(m_server.listenFd, reinterpret_cast<sockaddr *>(&ss), &len, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0)
            return;   // EAGAIN: another worker took it, or none left
        const QHostAddress peer = peerAddress(ss);
        if (!m_server.admit(peer)) {
            ::close(fd);
            m_server.refused.fetch_add(1, std::memory_order_relaxed);
            continue;
        }
        const int target = m_server.leastLoaded(m_laneIndex);
        Lane &lane = *m_server.lanes[size_t(target)];
        lane.load.fetch_add(1, std::memory_order_relaxed);
        if (target == m_laneIndex) {
            adopt(fd, peer);
            continue;
        }
        {
            std::lock_guard lock(lane.inboxMutex);
            lane.inbox.push_back({fd, peer});
        }
        const uint64_t one = 1;
        [[maybe_unused]] const ssize_t n = ::write(lane.wakeFd, &one, sizeof one);
    }
}

void Worker::adoptHandedOver()
{
    uint64_t count = 0;
    [[maybe_unused]] const ssize_t n = ::read(m_lane.wakeFd, &count, sizeof count);
    std::vector<Accepted> handed;
    {
        std::lock_guard lock(m_lane.inboxMutex);
        handed.swap(m_lane.inbox);
    }
    for (const Accepted &a : handed)
        adopt(a.fd, a.peer);
}

void Worker::adopt(int fd, const QHostAddress &peer)
{
    const auto refuse = [&](SSL *ssl) {
        if (ssl)
            SSL_free(ssl);
        ::close(fd);
        m_server.release(peer);
        m_lane.load.fetch_sub(1, std::memory_order_relaxed);
    };
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    auto c = std::make_unique<Connection>();
    c->fd = fd;
    c->peer = peer;
    c->ssl = SSL_new(m_server.ctx);
    c->started = c->lastActivity = SteadyClock::now();
    if (!c->ssl || SSL_set_fd(c->ssl, fd) != 1)
        return refuse(c->ssl);
    SSL_set_accept_state(c->ssl);
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.ptr = c.get();
    c->events = EPOLLIN;
    if (::epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &ev) != 0)
        return refuse(c->ssl);
    m_connections.emplace(fd, std::move(c));
}

void Worker::close(Connection *c)
{
    ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, c->fd, nullptr);
    if (c->handshakeDone && !c->wantWrite)
        SSL_shutdown(c->ssl);   // best effort close_notify; never waited for
    SSL_free(c->ssl);
    ::close(c->fd);
    m_server.release(c->peer);
    m_lane.load.fetch_sub(1, std::memory_order_relaxed);
    m_connections.erase(c->fd);
}

bool Worker::flush(Connection *c)
{
    c->wantWrite = false;
    while (c->outPos < c->out.size()) {
        const int chunk = int(qMin<qsizetype>(c->out.size() - c->outPos, 1 << 20));
        const int n = SSL_write(c->ssl, c->out.constData() + c->outPos, chunk);
        if (n > 0) {
            c->outPos += n;
            c->lastActivity = SteadyClock::now();
            continue;
        }
        const int err = SSL_get_error(c->ssl, n);
        if (err == SSL_ERROR_WANT_WRITE || err == SSL_ERROR_WANT_READ) {
            c->wantWrite = err == SSL_ERROR_WANT_WRITE;
            return true;
        }
        ERR_clear_error();
        return false;
    }
    c->out.clear();
    c->outPos = 0;
    return true;
}

void Worker::processInput(Connection *c)
{
    while (!c->closeAfterWrite && !c->in.isEmpty() && c->out.size() < kMaxPendingOutput) {
        const HttpParseResult r = parseHttpRequest(c->in, m_server.limits.maxRequestBytes);
        if (r.state == HttpParseResult::State::Incomplete) {
            if (!c->requestBegun) {
                c->requestBegun = true;
                c->started = SteadyClock::now();
            }
            return;
        }
        if (r.state == HttpParseResult::State::Invalid) {
            m_server.errorHandler(r.status, r.reason, c->peer, c->out);
            c->closeAfterWrite = true;
            c->in.clear();
            return;
        }
        const bool keepAlive = m_server.handler(r.request, c->peer, c->out);
        c->in.remove(0, r.consumed);
        c->requestBegun = false;
        if (!keepAlive) {
            c->closeAfterWrite = true;
            c->in.clear();
        }
    }
}

void Worker::drive(Connection *c)
{
    if (!c->handshakeDone) {
        const int r = SSL_do_handshake(c->ssl);
        if (r != 1) {
            const int err = SSL_get_error(c->ssl, r);
            if (err == SSL_ERROR_WANT_READ || err == SSL_ERROR_WANT_WRITE) {
                c->wantWrite = err == SSL_ERROR_WANT_WRITE;
                updateInterest(c);
                return;
            }
            ERR_clear_error();   // a failed handshake (old TLS version, not TLS at all) just closes
            close(c);
            return;
        }
        c->handshakeDone = true;
        c->started = c->lastActivity = SteadyClock::now();
    }

    char buffer[kReadChunk];
    for (;;) {
        if (!flush(c)) {
            close(c);
            return;
        }
        if (c->outPos < c->out.size() && c->out.size() - c->outPos >= kMaxPendingOutput)
            break;   // the client is not reading: neither do we
        if (c->closeAfterWrite) {
            if (c->out.isEmpty()) {
                close(c);
                return;
            }
            break;
        }
        // Requests already buffered (pipelined beyond the output cap) go before reading more.
        const qsizetype before = c->out.size();
        processInput(c);
        if (c->out.size() != before || c->closeAfterWrite)
            continue;
        const int n = SSL_read(c->ssl, buffer, sizeof buffer);
        if (n > 0) {
            c->lastActivity = SteadyClock::now();
            if (!c->requestBegun && c->in.isEmpty())
                c->started = c->lastActivity;
            c->in.append(buffer, n);
            if (c->in.size() > qsizetype(m_server.limits.maxRequestBytes) * 4 + kReadChunk) {
                // Far more pipelined input than we answer before reading again: a flood.
                m_server.errorHandler(431, "too much pipelined input", c->peer, c->out);
                c->closeAfterWrite = true;
                c->in.clear();
            }
            continue;
        }
        const int err = SSL_get_error(c->ssl, n);
        if (err == SSL_ERROR_WANT_READ)
            break;
        if (err == SSL_ERROR_WANT_WRITE) {
            c->wantWrite = true;
            break;
        }
        ERR_clear_error();
        close(c);   // the peer closed (close_notify or EOF) or the TLS layer failed
        return;
    }
    updateInterest(c);
}

void Worker::updateInterest(Connection *c)
{
    uint32_t events = 0;
    const bool outputPending = c->outPos < c->out.size();
    if (c->wantWrite || outputPending)
        events |= EPOLLOUT;
    if (!outputPending || c->out.size() - c->outPos < kMaxPendingOutput)
        events |= EPOLLIN;
    if (events == c->events)
        return;
    epoll_event ev{};
    ev.events = events;
    ev.data.ptr = c;
    ::epoll_ctl(m_epoll, EPOLL_CTL_MOD, c->fd, &ev);
    c->events = events;
}

void Worker::sweep()
{
    const auto now = SteadyClock::now();
    const auto requestTimeout = std::chrono::milliseconds(m_server.limits.requestTimeoutMs);
    const auto idleTimeout = std::chrono::milliseconds(m_server.limits.idleTimeoutMs);
    std::vector<Connection *> expired;
    for (auto &[fd, c] : m_connections) {
        const bool idle = c->handshakeDone && !c->requestBegun && c->in.isEmpty() && c->out.isEmpty();
        if (!c->handshakeDone || c->requestBegun) {
            if (now - c->started > requestTimeout)
                expired.push_back(c.get());
        } else if (idle) {
            if (now - c->lastActivity > idleTimeout)
                expired.push_back(c.get());
        } else if (now - c->lastActivity > requestTimeout + idleTimeout) {
            expired.push_back(c.get());   // answers nobody reads
        }
    }
    for (Connection *c : expired)
        close(c);
}

// Counts the connection in both limits, or in neither. The overall count is taken first and
// atomically, so workers accepting at once cannot together go over max_connections.
bool ServerState::admit(const QHostAddress &peer)
{
    if (open.fetch_add(1, std::memory_order_relaxed) >= limits.maxConnections) {
        open.fetch_sub(1, std::memory_order_relaxed);
        return false;
    }
    QMutexLocker lock(&perAddressMutex);
    int &count = perAddress[peer];
    if (count >= limits.maxConnectionsPerAddress) {
        if (count == 0)
            perAddress.remove(peer);
        open.fetch_sub(1, std::memory_order_relaxed);
        return false;
    }
    ++count;
    return true;
}

void ServerState::release(const QHostAddress &peer)
{
    open.fetch_sub(1, std::memory_order_relaxed);
    QMutexLocker lock(&perAddressMutex);
    auto it = perAddress.find(peer);
    if (it != perAddress.end() && --it.value() <= 0)
        perAddress.erase(it);
}

int ServerState::leastLoaded(int own) const
{
    int best = own;
    int bestLoad = lanes[size_t(own)]->load.load(std::memory_order_relaxed);
    for (size_t i = 0; i < lanes.size(); ++i) {
        const int load = lanes[i]->load.load(std::memory_order_relaxed);
        if (load < bestLoad) {
            best = int(i);
            bestLoad = load;
        }
    }
    return best;
}

void ServerState::run(int lane)
{
    const int wakeFd = lanes[size_t(lane)]->wakeFd;
    // A peer that closes while we write must cost an EPIPE, not the process: OpenSSL writes with
    // write(2), which raises SIGPIPE in the writing thread; blocked here, it never arrives.
    sigset_t pipe;
    sigemptyset(&pipe);
    sigaddset(&pipe, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe, nullptr);
    const int epollFd = ::epoll_create1(EPOLL_CLOEXEC);
    if (epollFd < 0)
        return;
    epoll_event ev{};
    ev.events = EPOLLIN | EPOLLEXCLUSIVE;
    ev.data.ptr = nullptr;   // the listener
    ::epoll_ctl(epollFd, EPOLL_CTL_ADD, listenFd, &ev);
    epoll_event wake{};
    wake.events = EPOLLIN;
    wake.data.ptr = &lanes;   // any unique non-null marker
    ::epoll_ctl(epollFd, EPOLL_CTL_ADD, wakeFd, &wake);
    {
        Worker worker(*this, epollFd, lane);
        epoll_event events[128];
        auto lastSweep = SteadyClock::now();
        while (!stopping.load(std::memory_order_acquire)) {
            const int n = ::epoll_wait(epollFd, events, 128, kSweepIntervalMs);
            for (int i = 0; i < n; ++i) {
                void *p = events[i].data.ptr;
                if (p == nullptr)
                    worker.accept();
                else if (p == &lanes)
                    worker.adoptHandedOver();
                else
                    worker.drive(static_cast<Connection *>(p));
            }
            const auto now = SteadyClock::now();
            if (now - lastSweep >= std::chrono::milliseconds(kSweepIntervalMs)) {
                lastSweep = now;
                worker.sweep();
            }
        }
        worker.adoptHandedOver();   // so that the worker's destructor closes them too
    }
    ::close(epollFd);
}

} // namespace

struct HttpsServer::Private : ServerState
{
};

HttpsServer::HttpsServer(const HttpsServerLimits &limits, Handler handler, ErrorHandler errorHandler)
    : d(std::make_unique<Private>())
{
    d->limits = limits;
    d->handler = std::move(handler);
    d->errorHandler = std::move(errorHandler);
}

HttpsServer::~HttpsServer()
{
    stop();
    if (d->listenFd >= 0)
        ::close(d->listenFd);
    if (d->ctx)
        SSL_CTX_free(d->ctx);
}

Result<void> HttpsServer::listen(const ListenAddress &address)
{
    const bool v6 = address.address.protocol() == QAbstractSocket::IPv6Protocol;
    const int fd = ::socket(v6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return Error(ErrorCode::Internal, QStringLiteral("cannot create a socket: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
    const int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_storage ss{};
    socklen_t len = 0;
    if (v6) {
        auto *a = reinterpret_cast<sockaddr_in6 *>(&ss);
        a->sin6_family = AF_INET6;
        a->sin6_port = htons(address.port);
        const Q_IPV6ADDR ip = address.address.toIPv6Address();
        std::memcpy(&a->sin6_addr, &ip, 16);
        len = sizeof(sockaddr_in6);
    } else {
        auto *a = reinterpret_cast<sockaddr_in *>(&ss);
        a->sin_family = AF_INET;
        a->sin_port = htons(address.port);
        a->sin_addr.s_addr = htonl(address.address.toIPv4Address());
        len = sizeof(sockaddr_in);
    }
    if (::bind(fd, reinterpret_cast<sockaddr *>(&ss), len) != 0 || ::listen(fd, 1024) != 0) {
        const QString why = QString::fromLocal8Bit(std::strerror(errno));
        ::close(fd);
        return Error(ErrorCode::Unavailable, QStringLiteral("cannot listen on %1: %2").arg(address.toString(), why));
    }
    sockaddr_storage actual{};
    socklen_t actualLen = sizeof actual;
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&actual), &actualLen);
    d->bound.address = address.address;
    d->bound.port = ntohs(v6 ? reinterpret_cast<sockaddr_in6 *>(&actual)->sin6_port : reinterpret_cast<sockaddr_in *>(&actual)->sin_port);
    d->listenFd = fd;
    return success();
}

Result<void> HttpsServer::start(const QString &certificateFile, const QString &keyFile)
{
    if (d->listenFd < 0)
        return Error(ErrorCode::Internal, QStringLiteral("start() before listen()"));
    SSL_CTX *ctx = SSL_CTX_new(TLS_server_method());
    if (!ctx)
        return Error(ErrorCode::Internal, QStringLiteral("OpenSSL: %1").arg(openSslError()));
    d->ctx = ctx;
    SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);   // RFC 7480 / BCP 195: nothing older
    SSL_CTX_set_options(ctx, SSL_OP_NO_RENEGOTIATION | SSL_OP_CIPHER_SERVER_PREFERENCE | SSL_OP_NO_COMPRESSION);
    SSL_CTX_set_mode(ctx, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER | SSL_MODE_RELEASE_BUFFERS);
    SSL_CTX_set_alpn_select_cb(ctx, &selectHttp11, nullptr);
    if (SSL_CTX_use_certificate_chain_file(ctx, QFile::encodeName(certificateFile).constData()) != 1)
        return Error(ErrorCode::InvalidInput, QStringLiteral("cannot load the RDAP certificate %1: %2").arg(certificateFile, openSslError()));
    if (SSL_CTX_use_PrivateKey_file(ctx, QFile::encodeName(keyFile).constData(), SSL_FILETYPE_PEM) != 1)
        return Error(ErrorCode::InvalidInput, QStringLiteral("cannot load the RDAP key %1: %2").arg(keyFile, openSslError()));
    if (SSL_CTX_check_private_key(ctx) != 1)
        return Error(ErrorCode::InvalidInput, QStringLiteral("the RDAP key %1 does not match the certificate %2").arg(keyFile, certificateFile));

    const int threads = qMax(1, d->limits.threads);
    for (int i = 0; i < threads; ++i) {
        auto lane = std::make_unique<Lane>();
        lane->wakeFd = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
        if (lane->wakeFd < 0) {
            stop();
            return Error(ErrorCode::Internal, QStringLiteral("eventfd: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
        }
        d->lanes.push_back(std::move(lane));
    }
    // Every lane exists before any worker runs: a worker may hand a connection to any of them.
    for (int i = 0; i < threads; ++i)
        d->threads.emplace_back([this, i] { d->run(i); });
    return success();
}

void HttpsServer::stop()
{
    d->stopping.store(true, std::memory_order_release);
    for (const auto &lane : d->lanes) {
        const uint64_t one = 1;
        [[maybe_unused]] const ssize_t n = ::write(lane->wakeFd, &one, sizeof one);
    }
    for (std::thread &t : d->threads)
        t.join();
    d->threads.clear();
    for (const auto &lane : d->lanes) {
        for (const Accepted &a : lane->inbox) {   // handed to a worker that had already stopped
            ::close(a.fd);
            d->release(a.peer);
        }
        ::close(lane->wakeFd);
    }
    d->lanes.clear();
}

ListenAddress HttpsServer::boundAddress() const
{
    return d->bound;
}

int HttpsServer::threadCount() const
{
    return int(d->threads.size());
}

qint64 HttpsServer::openConnections() const
{
    return d->open.load(std::memory_order_relaxed);
}

quint64 HttpsServer::connectionsRefused() const
{
    return d->refused.load(std::memory_order_relaxed);
}

} // namespace reg::rdap
