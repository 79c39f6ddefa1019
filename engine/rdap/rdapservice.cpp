#include "rdapservice.h"

#include "httpsserver.h"
#include "rdapresponder.h"

#include <QThread>
#include <QUrl>

namespace reg::rdap {

struct RdapService::Private
{
    EngineConfig config;
    directory::Directory &directory;
    const Clock &clock;
    std::unique_ptr<RdapResponder> responder;   // created once the port is known (links name it)
    std::unique_ptr<HttpsServer> server;
    QString baseUrl;
    bool running = false;
};

RdapService::RdapService(const EngineConfig &config, directory::Directory &directory, const Clock &clock)
    : d(std::make_unique<Private>(Private{config, directory, clock, {}, {}, {}, false}))
{
}

RdapService::~RdapService()
{
    shutdown();
}

Result<void> RdapService::start()
{
    const ServiceConfig *service = d->config.service(QStringLiteral("rdap"));
    if (!service)
        return Error(ErrorCode::InvalidInput, QStringLiteral("[rdap] has no listen address"));
    const RdapConfig &rdap = d->config.rdap;
    HttpsServerLimits limits;
    limits.threads = rdap.threads > 0 ? rdap.threads : qMax(1, QThread::idealThreadCount());
    limits.maxConnections = rdap.maxConnections;
    limits.maxConnectionsPerAddress = rdap.maxConnectionsPerAddress;
    limits.idleTimeoutMs = int(qMin<qint64>(rdap.idleTimeoutSecs * 1000, INT_MAX));
    limits.requestTimeoutMs = int(qMin<qint64>(rdap.requestTimeoutSecs * 1000, INT_MAX));
    limits.maxRequestBytes = rdap.maxRequestBytes;
    // The handlers reach the responder through d: it exists before the first connection is accepted.
    d->server = std::make_unique<HttpsServer>(
        limits,
        [p = d.get()](const HttpRequest &request, const QHostAddress &client, QByteArray &out) {
            return p->responder->answer(request, client, out);
        },
        [p = d.get()](int status, const char *reason, const QHostAddress &client, QByteArray &out) {
            p->responder->refuse(status, reason, client, out);
        });
    if (Result<void> r = d->server->listen(service->listen); !r)
        return r;
    const ListenAddress bound = d->server->boundAddress();
    d->baseUrl = rdap.baseUrl;
    if (d->baseUrl.isEmpty()) {
        const QString host = bound.address.protocol() == QAbstractSocket::IPv6Protocol ? u'[' + bound.address.toString() + u']'
                                                                                       : bound.address.toString();
        d->baseUrl = QStringLiteral("https://%1:%2/").arg(host).arg(bound.port);
    }
    if (!d->baseUrl.endsWith(u'/'))
        d->baseUrl.append(u'/');
    // port43 names the registry's Whois host: the public host name when one is configured.
    const QString port43 = rdap.baseUrl.isEmpty() ? QString() : QUrl(rdap.baseUrl).host();
    d->responder = std::make_unique<RdapResponder>(rdap, d->config.directory, d->directory, d->clock, d->baseUrl, port43);
    if (Result<void> r = d->server->start(rdap.certificateFile, rdap.keyFile); !r) {
        d->server.reset();
        return r;
    }
    d->running = true;
    return success();
}

void RdapService::shutdown()
{
    if (d->server)
        d->server->stop();
    d->running = false;
}

ListenAddress RdapService::boundAddress() const
{
    return d->server ? d->server->boundAddress() : ListenAddress{};
}

QString RdapService::baseUrl() const
{
    return d->baseUrl;
}

int RdapService::threadCount() const
{
    return d->server ? d->server->threadCount() : 0;
}

directory::DirectoryServiceCounters RdapService::statistics() const
{
    directory::DirectoryServiceCounters c;
    if (d->responder)
        c = d->responder->counters();
    c.running = d->running;
    if (d->server) {
        c.openConnections = d->server->openConnections();
        c.connectionsRefused = d->server->connectionsRefused();
    }
    return c;
}

} // namespace reg::rdap
