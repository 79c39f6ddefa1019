#pragma once

#include "httprequest.h"

#include "core/configvalues.h"
#include "core/result.h"

#include <QByteArray>
#include <QHostAddress>

#include <functional>
#include <memory>

namespace reg::rdap {

struct HttpsServerLimits
{
    int threads = 2;
    int maxConnections = 1000;
    int maxConnectionsPerAddress = 20;
    int idleTimeoutMs = 30000;          // a kept-alive connection with no request begun
    int requestTimeoutMs = 10000;       // a TLS handshake or a begun request must complete within this
    int maxRequestBytes = 8192;         // request line and headers
};

// An HTTP/1.1 server over TLS 1.2+ (OpenSSL) for small GET requests answered from memory: worker
// threads, each with its own epoll loop, share one non-blocking listening socket (EPOLLEXCLUSIVE
// wakes one of them per connection); the worker that accepts hands the connection to the worker
// serving the fewest, so long keep-alive connections spread over every thread. Keep-alive by default, pipelined requests answered in order,
// per-connection output capped (no new request is read while 256 KiB of answers waits), idle and
// request timeouts, connection limits overall and per address (over them the connection is closed
// at once and counted). Chosen over QHttpServer/QSslSocket because those cost a QObject, signals
// and several copies per request; here a request is parsed and answered in place.
//
// The handler runs on the worker threads, concurrently: it appends one whole response to `out`
// and returns whether the connection may stay open. The error handler answers a request the reader
// refused (the connection closes after it). Owned by its service; stop() joins the threads.
class HttpsServer
{
public:
    using Handler = std::function<bool(const HttpRequest &request, const QHostAddress &client, QByteArray &out)>;
    using ErrorHandler = std::function<void(int status, const char *reason, const QHostAddress &client, QByteArray &out)>;

    HttpsServer(const HttpsServerLimits &limits, Handler handler, ErrorHandler errorHandler);
    ~HttpsServer();   // stops
    HttpsServer(const HttpsServer &) = delete;
    HttpsServer &operator=(const HttpsServer &) = delete;

    // Binds the listening socket (port 0: any free port), before start().
    Result<void> listen(const ListenAddress &address);
    // Loads the certificate chain and key (PEM) and starts the workers.
    Result<void> start(const QString &certificateFile, const QString &keyFile);
    void stop();   // blocking; every connection is closed; safe to call twice

    ListenAddress boundAddress() const;
    int threadCount() const;
    qint64 openConnections() const;
    quint64 connectionsRefused() const;   // over the connection limits

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace reg::rdap
