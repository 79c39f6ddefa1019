#include "httpsloadgenerator.h"

#include <openssl/err.h>
#include <openssl/ssl.h>

#include <algorithm>
#include <arpa/inet.h>
#include <chrono>
#include <csignal>
#include <pthread.h>
#include <cstring>
#include <memory>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

namespace reg::bench {
namespace {

using Clock = std::chrono::steady_clock;

struct Client
{
    int fd = -1;
    SSL *ssl = nullptr;
    bool connected = false;     // TLS handshake done
    QByteArray out;
    QByteArray in;
    Clock::time_point sent;
    bool waiting = false;       // a request is outstanding
};

int openSocket(quint16 port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr *>(&a), sizeof a) != 0 && errno != EINPROGRESS) {
        ::close(fd);
        return -1;
    }
    return fd;
}

// The length of the first complete response in `in` and its status, or 0 while incomplete.
qsizetype completeResponse(const QByteArray &in, int *status)
{
    const qsizetype end = in.indexOf("\r\n\r\n");
    if (end < 0)
        return 0;
    qsizetype length = 0;
    const qsizetype cl = in.indexOf("Content-Length: ");
    if (cl >= 0 && cl < end)
        length = std::atoll(in.constData() + cl + 16);
    if (in.size() < end + 4 + length)
        return 0;
    *status = std::atoi(in.constData() + 9);
    return end + 4 + length;
}

// Drives every client's TLS handshake to its end (or failure, then its socket is closed and counted),
// so the measured run starts with all connections ready: neither the pacing nor the latencies then
// include handshakes, which are not what a keep-alive client pays per request.
void dropFailed(int ep, Client &c, HttpsLoadResult &result)
{
    ++result.failedConnections;
    ::epoll_ctl(ep, EPOLL_CTL_DEL, c.fd, nullptr);
    ::close(c.fd);
    c.fd = -1;
    ERR_clear_error();
}

void connectAll(int ep, const std::vector<std::unique_ptr<Client>> &clients, HttpsLoadResult &result)
{
    const auto pending = [&] {
        return std::any_of(clients.begin(), clients.end(), [](const auto &c) { return c->fd >= 0 && !c->connected; });
    };
    const auto giveUp = Clock::now() + std::chrono::seconds(10);
    epoll_event events[256];
    while (pending() && Clock::now() < giveUp) {
        const int n = ::epoll_wait(ep, events, 256, 100);
        for (int i = 0; i < n; ++i) {
            Client &c = *static_cast<Client *>(events[i].data.ptr);
            if (c.fd < 0 || c.connected)
                continue;
            const int r = SSL_do_handshake(c.ssl);
            if (r == 1) {
                c.connected = true;
                epoll_event ev{};
                ev.events = EPOLLIN;
                ev.data.ptr = &c;
                ::epoll_ctl(ep, EPOLL_CTL_MOD, c.fd, &ev);
            } else if (const int err = SSL_get_error(c.ssl, r); err != SSL_ERROR_WANT_READ && err != SSL_ERROR_WANT_WRITE) {
                dropFailed(ep, c, result);
            }
        }
    }
    for (const auto &c : clients) {
        if (c->fd >= 0 && !c->connected)
            dropFailed(ep, *c, result);
    }
}

} // namespace

HttpsLoadResult HttpsLoadGenerator::run(quint16 port, int connections, double seconds, const std::function<QByteArray()> &nextTarget,
                                        double ratePerSecond)
{
    HttpsLoadResult result;
    sigset_t pipe;   // a server closing a connection must not end the benchmark
    sigemptyset(&pipe);
    sigaddset(&pipe, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe, nullptr);
    SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
    SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
    SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, nullptr);
    const int ep = ::epoll_create1(EPOLL_CLOEXEC);
    std::vector<std::unique_ptr<Client>> clients;
    std::vector<quint32> latenciesUs;
    latenciesUs.reserve(1 << 22);

    // Paced: request k is due at start + k / rate, and its latency counts from then, so time spent
    // waiting for a free connection while the server lags is counted too (no coordinated omission).
    const bool paced = ratePerSecond > 0;
    const auto interval = std::chrono::nanoseconds(paced ? qint64(1e9 / ratePerSecond) : 0);
    Clock::time_point nextDue;
    std::vector<Client *> idle;
    const auto sendNext = [&](Client &c, Clock::time_point due) {
        c.out = "GET " + nextTarget() + " HTTP/1.1\r\nHost: rdap.bench\r\nAccept: application/rdap+json\r\n\r\n";
        c.sent = due;
        c.waiting = true;
        const int n = SSL_write(c.ssl, c.out.constData(), int(c.out.size()));
        if (n > 0)
            c.out.remove(0, n);
    };
    for (int i = 0; i < connections; ++i) {
        auto c = std::make_unique<Client>();
        c->fd = openSocket(port);
        if (c->fd < 0) {
            ++result.failedConnections;
            continue;
        }
        c->ssl = SSL_new(ctx);
        SSL_set_fd(c->ssl, c->fd);
        SSL_set_connect_state(c->ssl);
        epoll_event ev{};
        ev.events = EPOLLIN | EPOLLOUT;
        ev.data.ptr = c.get();
        ::epoll_ctl(ep, EPOLL_CTL_ADD, c->fd, &ev);
        clients.push_back(std::move(c));
    }

    connectAll(ep, clients, result);
    const auto start = Clock::now();
    const auto deadline = start + std::chrono::microseconds(qint64(seconds * 1e6));
    nextDue = start;
    const auto ready = [&](Client &c, Clock::time_point now) {
        if (!paced)
            sendNext(c, now);
        else
            idle.push_back(&c);
    };
    for (const auto &c : clients) {
        if (c->connected)
            ready(*c, start);
    }
    epoll_event events[256];
    char buffer[65536];
    while (Clock::now() < deadline) {
        int timeoutMs = 100;
        if (paced) {
            const auto now = Clock::now();
            while (!idle.empty() && nextDue <= now && now < deadline) {
                Client *c = idle.back();
                idle.pop_back();
                sendNext(*c, nextDue);
                nextDue += interval;
            }
            if (!idle.empty())
                timeoutMs = int(std::max<qint64>(1, std::chrono::ceil<std::chrono::milliseconds>(nextDue - now).count()));
        }
        const int n = ::epoll_wait(ep, events, 256, timeoutMs);
        for (int i = 0; i < n; ++i) {
            Client &c = *static_cast<Client *>(events[i].data.ptr);
            if (c.fd < 0)
                continue;
            if (!c.out.isEmpty()) {
                const int w = SSL_write(c.ssl, c.out.constData(), int(c.out.size()));
                if (w > 0)
                    c.out.remove(0, w);
            }
            for (;;) {
                const int r = SSL_read(c.ssl, buffer, sizeof buffer);
                if (r <= 0) {
                    const int err = SSL_get_error(c.ssl, r);
                    if (err != SSL_ERROR_WANT_READ && err != SSL_ERROR_WANT_WRITE)
                        dropFailed(ep, c, result);
                    break;
                }
                c.in.append(buffer, r);
                int status = 0;
                const qsizetype used = completeResponse(c.in, &status);
                if (used == 0)
                    continue;
                const auto now = Clock::now();
                latenciesUs.push_back(quint32(std::chrono::duration_cast<std::chrono::microseconds>(now - c.sent).count()));
                ++result.requests;
                if (status == 200)
                    ++result.ok;
                else if (status == 404)
                    ++result.notFound;
                else
                    ++result.other;
                c.in.remove(0, used);
                c.waiting = false;
                if (now < deadline)
                    ready(c, now);
            }
        }
    }
    result.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    for (auto &c : clients) {
        if (c->fd >= 0)
            ::close(c->fd);
        SSL_free(c->ssl);
    }
    ::close(ep);
    SSL_CTX_free(ctx);
    if (!latenciesUs.empty()) {
        std::sort(latenciesUs.begin(), latenciesUs.end());
        const auto at = [&](double q) { return latenciesUs[std::min(latenciesUs.size() - 1, size_t(q * double(latenciesUs.size())))] / 1000.0; };
        result.p50Ms = at(0.50);
        result.p99Ms = at(0.99);
        result.maxMs = latenciesUs.back() / 1000.0;
    }
    return result;
}

} // namespace reg::bench
