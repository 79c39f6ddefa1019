#include "managementserver.h"

#include "apirequests.h"
#include "apiresponse.h"
#include "auditlog.h"
#include "connectionguard.h"
#include "directorymetrics.h"
#include "directorystatisticsjson.h"
#include "dnsmetrics.h"
#include "dnsstatisticsjson.h"
#include "eventhub.h"
#include "guardedsslserver.h"
#include "inventoryendpoints.h"
#include "metricsregistry.h"
#include "monitoralarmendpoints.h"
#include "monitorstateendpoints.h"
#include "registraradministration.h"
#include "registraradminrequests.h"
#include "registrybrowser.h"
#include "registryrequests.h"
#include "role.h"
#include "secretsafelogging.h"
#include "tokenregistry.h"
#include "useraccounts.h"

#include "core/logging.h"
#include "core/servertls.h"
#include "core/version.h"
#include "monitor/inventory.h"
#include "monitor/monitorservice.h"
#include "store/journal.h"
#include "store/store.h"

#include <QDir>
#include <QFile>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpSocket>
#include <QUrlQuery>
#include <QWebSocket>
#include <QtConcurrent/QtConcurrentRun>

namespace reg::admin {

// A request copied out of QHttpServer's buffers: QHttpServer frees its request when the socket
// goes, and answers here are often given after an asynchronous step.
struct Request
{
    QByteArray method;
    QString path;
    QUrlQuery query;
    QByteArray authorization;
    QByteArray contentType;
    QByteArray body;
    QString source;
    Session session;        // filled once authenticated
    QByteArray token;
};

namespace {

constexpr char16_t serviceName[] = u"management";

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get: return "GET";
    case QHttpServerRequest::Method::Put: return "PUT";
    case QHttpServerRequest::Method::Delete: return "DELETE";
    case QHttpServerRequest::Method::Post: return "POST";
    case QHttpServerRequest::Method::Head: return "HEAD";
    case QHttpServerRequest::Method::Options: return "OPTIONS";
    case QHttpServerRequest::Method::Patch: return "PATCH";
    case QHttpServerRequest::Method::Connect: return "CONNECT";
    case QHttpServerRequest::Method::Trace: return "TRACE";
    default: return "UNKNOWN";
    }
}

void writeResponse(QHttpServerResponder &responder, const ApiResponse &response)
{
    responder.writeStatusLine(QHttpServerResponder::StatusCode(response.status));
    if (!response.contentType.isEmpty())
        responder.writeHeader("Content-Type", response.contentType);
    if (response.status != 204)
        responder.writeHeader("Content-Length", QByteArray::number(response.body.size()));
    responder.writeHeader("Cache-Control", "no-store");
    responder.writeHeader("X-Content-Type-Options", "nosniff");
    for (const auto &[name, value] : response.headers)
        responder.writeHeader(name, value);
    responder.writeBody(response.body);
}

QString statusClass(int status)
{
    return QString::number(status / 100) + u"xx";
}

QJsonObject userJson(const UserRecord &user, const QDateTime &now)
{
    return QJsonObject{{QStringLiteral("name"), user.name},
                       {QStringLiteral("roles"), QJsonArray::fromStringList(roleNames(user.roles))},
                       {QStringLiteral("locked"), user.isLocked(now)},
                       {QStringLiteral("lockedUntil"), user.isLocked(now) ? isoTimeOrNull(user.lockedUntil) : QJsonValue(QJsonValue::Null)},
                       {QStringLiteral("failedLogins"), user.failedLogins},
                       {QStringLiteral("passwordChangedAt"), isoTimeOrNull(user.passwordChangedAt)},
                       {QStringLiteral("createdAt"), isoTimeOrNull(user.createdAt)},
                       {QStringLiteral("disabled"), user.disabled}};
}

} // namespace

ManagementServer::ManagementServer(const EngineConfig &config, store::Store &store, ServiceStatusBoard &board,
                                   const Clock &clock, QObject *parent)
    : QObject(parent), m_config(config), m_store(store), m_board(board), m_clock(clock),
      m_accounts(std::make_unique<UserAccounts>(store, clock)),
      m_tokens(std::make_unique<TokenRegistry>(clock, config.management.tokenLifetimeSecs)),
      m_metrics(std::make_unique<MetricsRegistry>())
{
    installSecretSafeLogging();
    using T = MetricsRegistry::Type;
    m_metrics->define(QStringLiteral("registry_up"), T::Gauge, QStringLiteral("1 while the engine runs."));
    m_metrics->define(QStringLiteral("registry_uptime_seconds"), T::Gauge, QStringLiteral("Seconds since the engine started."));
    m_metrics->define(QStringLiteral("registry_journal_head_sequence"), T::Gauge, QStringLiteral("Sequence number of the newest journal entry."));
    m_metrics->define(QStringLiteral("registry_service_up"), T::Gauge, QStringLiteral("1 when the service is running."));
    m_metrics->define(QStringLiteral("registry_management_requests_total"), T::Counter, QStringLiteral("Management API requests by status class."));
    m_metrics->define(QStringLiteral("registry_management_login_failures_total"), T::Counter, QStringLiteral("Failed management logins and password re-authentications."));
    m_metrics->define(QStringLiteral("registry_management_sessions"), T::Gauge, QStringLiteral("Unexpired management tokens."));
    m_metrics->define(QStringLiteral("registry_management_connections"), T::Gauge, QStringLiteral("Open management API connections."));
    m_metrics->define(QStringLiteral("registry_store_commits_total"), T::Counter, QStringLiteral("Store write transactions committed."));
    m_metrics->define(QStringLiteral("registry_event_clients"), T::Gauge, QStringLiteral("Connected event-stream clients."));
    m_metrics->set(QStringLiteral("registry_management_login_failures_total"), 0);
}

ManagementServer::~ManagementServer()
{
    shutdown(QStringLiteral("management server destroyed"));
}

Result<void> ManagementServer::start()
{
    const ManagementConfig &mc = m_config.management;
    const QString name = QString::fromUtf16(serviceName);
    m_board.setStatus(name, ServiceState::Starting, {}, QStringLiteral("loading TLS material"));
    auto fail = [&](const Error &error) -> Result<void> {
        m_board.setStatus(name, ServiceState::Failed, {}, error.message);
        qCCritical(lcAdmin, "management API: %s", qUtf8Printable(error.message));
        return error;
    };

    Result<QSslConfiguration> tls = loadServerTlsConfiguration(m_config.tls);
    if (!tls)
        return fail(tls.error());
    tls->setPeerVerifyMode(QSslSocket::VerifyNone);   // operators authenticate with bearer tokens
    Result<std::unique_ptr<store::Connection>> reader = m_store.openReader();
    if (!reader)
        return fail(reader.error().withContext(QStringLiteral("opening a read connection: ")));
    m_reader = std::move(*reader);
    Result<std::unique_ptr<store::Connection>> registryReader = m_store.openReader();
    if (!registryReader)
        return fail(registryReader.error().withContext(QStringLiteral("opening a read connection: ")));
    m_browser = std::make_unique<RegistryBrowser>(std::move(*registryReader));
    m_registrarAdmin = std::make_unique<RegistrarAdministration>(m_store, m_clock);
    m_inventory = std::make_unique<InventoryEndpoints>(std::make_unique<monitor::Inventory>(
        m_store, m_clock, QDir(m_config.dataDir).filePath(QStringLiteral("monitor-secrets.key"))));
    Result<std::unique_ptr<store::Connection>> monitorReader = m_store.openReader();
    if (!monitorReader)
        return fail(monitorReader.error().withContext(QStringLiteral("opening a read connection: ")));
    m_monitorState = std::make_unique<MonitorStateEndpoints>(std::move(*monitorReader));
    Result<std::unique_ptr<store::Connection>> alarmReader = m_store.openReader();
    if (!alarmReader)
        return fail(alarmReader.error().withContext(QStringLiteral("opening a read connection: ")));
    m_alarmReader = std::move(*alarmReader);
    m_registryPool.setMaxThreadCount(1);
    m_registryPool.setExpiryTimeout(-1);   // one thread for the engine's life: the connection stays on it
    Result<store::JournalHead> head = store::Journal::head(*m_reader);
    if (!head)
        return fail(head.error().withContext(QStringLiteral("reading the journal head: ")));

    GuardedSslServer::Limits limits;
    limits.maxBody = mc.maxBodyBytes;
    limits.maxConnections = mc.maxEventClients + 128;
    limits.requestTimeoutMs = int(mc.requestTimeoutSecs * 1000);
    limits.idleTimeoutMs = int(mc.idleTimeoutSecs * 1000);
    auto listener = std::make_unique<GuardedSslServer>(limits);
    listener->setSslConfiguration(*tls);
    listener->setHandshakeTimeout(10 * 1000);
    if (!listener->listen(mc.service.listen.address, mc.service.listen.port)) {
        if (listener->serverError() == QAbstractSocket::AddressInUseError)
            return fail(Error(ErrorCode::Unavailable, QStringLiteral("%1 is already in use").arg(mc.service.listen.toString())));
        return fail(Error(ErrorCode::Unavailable, QStringLiteral("cannot listen on %1: %2").arg(mc.service.listen.toString(), listener->errorString())));
    }
    connect(listener.get(), &GuardedSslServer::requestRefused, this, [this](int status, const QString &) {
        m_metrics->add(QStringLiteral("registry_management_requests_total"), {{QStringLiteral("status"), statusClass(status)}});
    });

    m_http = new QHttpServer(this);
    m_listener = listener.release();
    m_http->bind(m_listener);
    m_listener->armAfterHttpServer();

    // The one routed path: QHttpServer 6.4 upgrades to WebSocket only when a route handled the
    // request and wrote nothing. Everything else goes through dispatch() (the missing handler).
    m_http->route(QStringLiteral("/api/v1/events"), [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        const bool upgrade = request.value("upgrade").compare("websocket", Qt::CaseInsensitive) == 0
            && request.value("connection").toLower().contains("upgrade");
        if (upgrade)
            return;
        dispatch(request, std::move(responder));
    });
    m_http->setMissingHandler([this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        dispatch(request, std::move(responder));
    });

    m_events = new EventHub(mc, *m_tokens, m_store, m_board, m_clock, [this] { return statusJson(); }, this);
    connect(m_http, &QAbstractHttpServer::newWebSocketConnection, this, [this] {
        while (m_http->hasPendingWebSocketConnections())
            m_events->addClient(m_http->nextPendingWebSocketConnection());
    });
    m_events->start(head->sequence);

    m_bound = ListenAddress{m_listener->serverAddress(), m_listener->serverPort()};
    m_startedAt = m_clock.now();
    m_running = true;
    m_board.setStatus(name, ServiceState::Running, m_bound.toString());
    qCInfo(lcAdmin, "management API listening on https://%s/api/v1/", qUtf8Printable(m_bound.toString()));
    return success();
}

ListenAddress ManagementServer::boundAddress() const
{
    return m_bound;
}

void ManagementServer::shutdown(const QString &reason)
{
    if (!m_running || m_shuttingDown)
        return;
    m_shuttingDown = true;
    const QString name = QString::fromUtf16(serviceName);
    m_board.setStatus(name, ServiceState::Stopping, m_bound.toString(), reason);
    if (m_events)
        m_events->shutdown(reason);
    if (m_listener) {
        m_listener->close();
        m_listener->disconnectAll();
    }
    m_running = false;
    m_board.setStatus(name, ServiceState::Stopped, {}, reason);
    qCInfo(lcAdmin, "management API stopped (%s)", qUtf8Printable(reason));
}

void ManagementServer::dispatch(const QHttpServerRequest &httpRequest, QHttpServerResponder &&responder)
{
    Request request;
    request.method = methodName(httpRequest.method());
    request.path = httpRequest.url().path();
    request.query = httpRequest.query();
    request.authorization = httpRequest.value("authorization");
    request.contentType = httpRequest.value("content-type");
    request.body = httpRequest.body();
    request.source = httpRequest.remoteAddress().toString();

    struct Pending
    {
        QHttpServerResponder responder;
        QPointer<QTcpSocket> socket;
        bool answered = false;
    };
    auto pending = std::make_shared<Pending>(Pending{std::move(responder), nullptr, false});
    pending->socket = pending->responder.socket();
    // Answers leave in request order (HTTP/1.1 pipelining): the connection's guard holds an
    // answer back until every earlier one on the connection has been written.
    const QPointer<ConnectionGuard> guard = ConnectionGuard::of(pending->socket);
    std::optional<quint64> ticket;
    if (guard) {
        ticket = guard->beginAnswer();
        if (!ticket)
            return;   // the guard refused it (too many in progress, or closing) and answers itself
    }
    const Reply reply = [this, pending, guard, ticket](const ApiResponse &response) {
        if (pending->answered)
            return;
        pending->answered = true;
        m_metrics->add(QStringLiteral("registry_management_requests_total"), {{QStringLiteral("status"), statusClass(response.status)}});
        const auto write = [pending, response] {
            if (!pending->socket || pending->socket->state() != QAbstractSocket::ConnectedState) {
                qCDebug(lcAdmin, "client went away before its answer (%d)", response.status);
                return;
            }
            writeResponse(pending->responder, response);
        };
        if (!ticket)
            write();
        else if (guard)
            guard->finishAnswer(*ticket, write);
        else
            qCDebug(lcAdmin, "connection closed before its answer (%d)", response.status);
    };
    handle(request, reply);
}

void ManagementServer::handle(const Request &incoming, const Reply &reply)
{
    Request request = incoming;
    const QString &path = request.path;
    if (m_shuttingDown) {
        reply(ApiResponse::unavailable(QStringLiteral("the engine is shutting down")));
        return;
    }

    // The route table: path, allowed method, whether a token is needed, and the permission.
    struct RouteSpec
    {
        QByteArray method;
        bool needsToken;
        std::optional<Permission> permission;
        std::function<void()> run;
    };
    static const QRegularExpression unlockPath(QStringLiteral("^/api/v1/users/([A-Za-z0-9._-]{1,64})/unlock$"));
    static const QRegularExpression registryObjectPath(QStringLiteral("^/api/v1/registry/(domains|hosts|contacts|registrars)/([^/]*)$"));
    static const QRegularExpression registrarPagePath(QStringLiteral("^/api/v1/registry/registrars/([^/]*)/(ledger|audit)$"));
    static const QRegularExpression registrarCommandPath(
        QStringLiteral("^/api/v1/registry/registrars/([^/]*)/(users|certificates|addresses|payments|users/([^/]*)/unlock)$"));
    bool acceptsPem = false;   // the certificate upload also takes the PEM file itself as the body
    std::optional<RouteSpec> spec;
    QList<RouteSpec> specs;
    auto add = [&](const char *method, bool needsToken, std::optional<Permission> permission, std::function<void()> run) {
        specs.append(RouteSpec{QByteArray(method), needsToken, permission, std::move(run)});
    };
    if (path == u"/api/v1/login") {
        add("POST", false, std::nullopt, [&] { login(request, reply); });
    } else if (path == u"/api/v1/logout") {
        add("POST", true, std::nullopt, [&] { logout(request, reply); });
    } else if (path == u"/api/v1/me") {
        add("GET", true, Permission::ViewStatus, [&] { me(request, reply); });
    } else if (path == u"/api/v1/me/password") {
        add("POST", true, Permission::ChangeOwnPassword, [&] { changePassword(request, reply); });
    } else if (path == u"/api/v1/status") {
        add("GET", true, Permission::ViewStatus, [&] { status(request, reply); });
    } else if (path == u"/api/v1/journal") {
        add("GET", true, Permission::ReadJournal, [&] { journal(request, reply); });
    } else if (path == u"/api/v1/journal/verify") {
        add("GET", true, Permission::ReadJournal, [&] { verifyJournal(request, reply); });
    } else if (path == u"/api/v1/users") {
        add("GET", true, Permission::ManageUsers, [&] { listUsers(request, reply); });
        add("POST", true, Permission::ManageUsers, [&] { createUser(request, reply); });
    } else if (const QRegularExpressionMatch m = unlockPath.match(path); m.hasMatch()) {
        const QString name = m.captured(1);
        add("POST", true, Permission::ManageUsers, [&, name] { unlockUser(request, reply, name); });
    } else if (path == u"/api/v1/registry/search") {
        add("GET", true, Permission::ReadRegistry, [&] { registrySearch(request, reply); });
    } else if (path == u"/api/v1/registry/registrars") {
        add("GET", true, Permission::ReadRegistry, [&] {
            if (auto r = RegistryRequests::parseNoParameters(request.query); !r)
                return reply(ApiResponse::badRequest(r.error().message));
            readRegistry(reply, [](RegistryBrowser &browser) { return browser.registrars(); });
        });
        add("POST", true, Permission::ManageRegistrars, [&] { registrarCommand(request, reply, QString(), QStringLiteral("create")); });
    } else if (const QRegularExpressionMatch object = registryObjectPath.match(path); object.hasMatch()) {
        const QString kind = object.captured(1);
        const QString segment = object.captured(2);
        const bool contact = kind == u"contacts";
        add("GET", true, contact ? Permission::ReadContacts : Permission::ReadRegistry, [&, kind, segment] {
            if (auto r = RegistryRequests::parseNoParameters(request.query); !r)
                return reply(ApiResponse::badRequest(r.error().message));
            const bool byName = kind == u"domains" || kind == u"hosts";
            Result<QString> key = byName ? RegistryRequests::parseObjectName(segment) : RegistryRequests::parseObjectId(segment);
            if (!key)
                return reply(ApiResponse::badRequest(key.error().message));
            const QString k = *key;
            if (kind == u"domains")
                return readRegistry(reply, [k](RegistryBrowser &browser) { return browser.domain(k); });
            if (kind == u"hosts")
                return readRegistry(reply, [k](RegistryBrowser &browser) { return browser.host(k); });
            if (kind == u"registrars")
                return readRegistry(reply, [k](RegistryBrowser &browser) { return browser.registrar(k); });
            // Contact data is personal data (seed 001 privacy levels): every look at it is on record.
            readRegistry(reply, [k](RegistryBrowser &browser) { return browser.contact(k); },
                         [this, request, k](const Result<QJsonObject> &result) {
                             audit(request, request.session.user, QStringLiteral("registry.contact.view"),
                                   result ? QStringLiteral("success") : QString::fromLatin1(ApiResponse::fromError(result.error()).errorCode), k);
                         });
        });
        if (kind == u"registrars")
            add("PATCH", true, Permission::ManageRegistrars, [&, segment] { registrarCommand(request, reply, segment, QStringLiteral("update")); });
    } else if (const QRegularExpressionMatch command = registrarCommandPath.match(path); command.hasMatch()) {
        const QString segment = command.captured(1);
        const QString what = command.captured(2);
        if (what.startsWith(u"users/")) {
            const QString user = command.captured(3);
            add("POST", true, Permission::ManageRegistrars, [&, segment, user] {
                if (auto r = ApiRequests::parseEmpty(request.body); !r)
                    return reply(ApiResponse::badRequest(r.error().message));
                registrarCommand(request, reply, segment, QStringLiteral("unlock/") + user);
            });
        } else {
            add("POST", true, Permission::ManageRegistrars, [&, segment, what] { registrarCommand(request, reply, segment, what); });
            if (what == u"addresses")
                add("DELETE", true, Permission::ManageRegistrars, [&, segment] { registrarCommand(request, reply, segment, QStringLiteral("removeAddress")); });
            acceptsPem = what == u"certificates";
        }
    } else if (const QRegularExpressionMatch activity = registrarPagePath.match(path); activity.hasMatch()) {
        const QString segment = activity.captured(1);
        const bool ledger = activity.captured(2) == u"ledger";
        add("GET", true, Permission::ReadRegistrarActivity, [&, segment, ledger] {
            Result<QString> id = RegistryRequests::parseObjectId(segment);
            if (!id)
                return reply(ApiResponse::badRequest(id.error().message));
            Result<RegistryRequests::Page> page = RegistryRequests::parsePage(request.query);
            if (!page)
                return reply(ApiResponse::badRequest(page.error().message));
            const QString registrar = *id;
            const RegistryRequests::Page p = *page;
            if (ledger)
                readRegistry(reply, [registrar, p](RegistryBrowser &browser) { return browser.ledger(registrar, p); });
            else
                readRegistry(reply, [registrar, p](RegistryBrowser &browser) { return browser.xrpAudit(registrar, p); });
        });
    } else if (MonitorStateEndpoints::isStatusPath(path)) {
        add("GET", true, Permission::ViewMonitoring, [&] { monitorStatus(request, reply); });
    } else if (MonitorStateEndpoints::isMetricsPath(path)) {
        add("GET", true, Permission::ViewMonitoring, [&] { monitorMetrics(request, reply); });
    } else if (const QByteArrayList alarmMethods = MonitorAlarmEndpoints::methodsFor(path); !alarmMethods.isEmpty()) {
        for (const QByteArray &method : alarmMethods)
            add(method.constData(), true, MonitorAlarmEndpoints::permissionFor(method, path), [&] { monitorAlarms(request, reply); });
    } else if (const QByteArrayList methods = InventoryEndpoints::methodsFor(path); !methods.isEmpty()) {
        for (const QByteArray &method : methods) {
            add(method.constData(), true, method == "GET" ? Permission::ViewMonitoring : Permission::ManageMonitoring,
                [&] { monitorInventory(request, reply); });
        }
    } else if (path == u"/api/v1/dns/statistics") {
        add("GET", true, Permission::ViewMetrics, [&] { dnsStatistics(request, reply); });
    } else if (path == u"/api/v1/directory/statistics") {
        add("GET", true, Permission::ViewMetrics, [&] { directoryStatistics(request, reply); });
    } else if (path == u"/metrics") {
        const bool auth = m_config.management.metricsRequireAuth;
        add("GET", auth, auth ? std::optional<Permission>(Permission::ViewMetrics) : std::nullopt, [&] { metrics(request, reply); });
    } else if (path == u"/api/v1/events") {
        reply(ApiResponse::error(426, "upgrade_required", QStringLiteral("the event stream is a WebSocket: connect with wss:// and an upgrade request"),
                                 {{"Upgrade", "websocket"}, {"Connection", "Upgrade"}}));
        return;
    } else {
        reply(ApiResponse::notFound());
        return;
    }

    QByteArrayList allowed;
    for (const RouteSpec &s : std::as_const(specs)) {
        allowed.append(s.method);
        if (s.method == request.method)
            spec = s;
    }
    if (!spec) {
        reply(ApiResponse::methodNotAllowed(allowed.join(", ")));
        if (request.method != "GET")
            audit(request, QString(), QString::fromLatin1(request.method) + u' ' + path, QStringLiteral("method_not_allowed"));
        return;
    }
    const bool mutating = spec->method != "GET";

    if (spec->needsToken) {
        const QByteArray &authorization = request.authorization;
        if (!authorization.startsWith("Bearer ")) {
            reply(ApiResponse::unauthenticated(QStringLiteral("send \"Authorization: Bearer <token>\"; get a token from POST /api/v1/login")));
            if (mutating)
                audit(request, QString(), path, QStringLiteral("unauthenticated"));
            return;
        }
        request.token = authorization.sliced(7).trimmed();
        const TokenRegistry::Lookup lookup = m_tokens->lookup(request.token);
        if (lookup.status == TokenRegistry::Status::Expired) {
            reply(ApiResponse::tokenExpired());
            if (mutating)
                audit(request, lookup.session.user, path, QStringLiteral("token_expired"));
            return;
        }
        if (lookup.status != TokenRegistry::Status::Valid) {
            reply(ApiResponse::unauthenticated(QStringLiteral("unknown or revoked token; log in again")));
            if (mutating)
                audit(request, QString(), path, QStringLiteral("unauthenticated"));
            return;
        }
        request.session = lookup.session;
        if (spec->permission && !rolesAllow(request.session.roles, *spec->permission)) {
            reply(ApiResponse::forbidden(QStringLiteral("the roles %1 do not allow this").arg(roleNames(request.session.roles).join(QStringLiteral(", ")))));
            audit(request, request.session.user, QString::fromLatin1(spec->method) + u' ' + path, QStringLiteral("forbidden"));
            return;
        }
        // An expired password still lets its owner log out, look at themselves and change it.
        const bool passwordRoute = path == u"/api/v1/me/password" || path == u"/api/v1/me" || path == u"/api/v1/logout";
        if (request.session.passwordExpired(m_clock.now()) && !passwordRoute) {
            reply(ApiResponse::error(403, "password_expired", QStringLiteral("the password has expired; change it with POST /api/v1/me/password")));
            return;
        }
    }
    if (request.body.size() > m_config.management.maxBodyBytes) {
        reply(ApiResponse::payloadTooLarge(m_config.management.maxBodyBytes));
        return;
    }
    if (!request.body.isEmpty() && !ApiRequests::isJsonContentType(request.contentType)
        && !(acceptsPem && RegistrarAdminRequests::isPemContentType(request.contentType))) {
        reply(ApiResponse::unsupportedMediaType());
        if (mutating)
            audit(request, request.session.user, path, QStringLiteral("unsupported_media_type"));
        return;
    }
    spec->run();
}

void ManagementServer::audit(const Request &request, const QString &actor, const QString &action, const QString &outcome,
                             const QString &detail)
{
    AuditLog::submit(m_store.writer(),
                     AuditRecord{m_clock.now(), actor.isEmpty() ? QStringLiteral("-") : actor, request.source, action, outcome, detail},
                     this);
}

void ManagementServer::login(const Request &request, const Reply &reply)
{
    Result<ApiRequests::Login> parsed = ApiRequests::parseLogin(request.body);
    if (!parsed) {
        reply(ApiResponse::badRequest(parsed.error().message));
        audit(request, QString(), QStringLiteral("login"), QStringLiteral("bad_request"));
        return;
    }
    const ManagementConfig &mc = m_config.management;
    const QString user = parsed->user;
    m_accounts->authenticate(user, parsed->password, LoginPolicy{mc.maxFailedLogins, mc.lockoutSecs}, this,
                             [this, request, reply, user](const Result<LoginResult> &result) {
        if (!result) {
            qCWarning(lcAdmin, "login of %s failed: %s", qUtf8Printable(user), qUtf8Printable(result.error().message));
            reply(ApiResponse::fromError(result.error()));
            audit(request, user, QStringLiteral("login"), QStringLiteral("error"));
            return;
        }
        switch (result->outcome) {
        case LoginResult::Outcome::Success: {
            const TokenRegistry::Issued issued = m_tokens->issue(result->user.name, result->user.roles, result->user.passwordExpiresAt());
            reply(ApiResponse::json(QJsonObject{{QStringLiteral("token"), QString::fromLatin1(issued.token)},
                                                {QStringLiteral("expiresAt"), isoTime(issued.session.expiresAt)},
                                                {QStringLiteral("user"), issued.session.user},
                                                {QStringLiteral("roles"), QJsonArray::fromStringList(roleNames(issued.session.roles))},
                                                {QStringLiteral("passwordExpiresAt"), isoTimeOrNull(issued.session.passwordExpiresAt)}}));
            audit(request, result->user.name, QStringLiteral("login"), QStringLiteral("success"));
            return;
        }
        case LoginResult::Outcome::Locked:
            m_metrics->add(QStringLiteral("registry_management_login_failures_total"));
            reply(ApiResponse::accountLocked(result->user.lockedUntil));
            audit(request, user, QStringLiteral("login"), QStringLiteral("account_locked"));
            return;
        case LoginResult::Outcome::InvalidCredentials:
            m_metrics->add(QStringLiteral("registry_management_login_failures_total"));
            reply(ApiResponse::invalidCredentials());
            audit(request, user, QStringLiteral("login"), QStringLiteral("invalid_credentials"),
                  result->lockedByThisAttempt ? QStringLiteral("account locked after %1 failed logins").arg(m_config.management.maxFailedLogins)
                                              : QString());
            return;
        }
    });
}

void ManagementServer::logout(const Request &request, const Reply &reply)
{
    if (auto r = ApiRequests::parseEmpty(request.body); !r) {
        reply(ApiResponse::badRequest(r.error().message));
        return;
    }
    m_tokens->revoke(request.token);
    reply(ApiResponse::noContent());
    audit(request, request.session.user, QStringLiteral("logout"), QStringLiteral("success"));
}

void ManagementServer::me(const Request &request, const Reply &reply)
{
    reply(ApiResponse::json(QJsonObject{{QStringLiteral("user"), request.session.user},
                                        {QStringLiteral("roles"), QJsonArray::fromStringList(roleNames(request.session.roles))},
                                        {QStringLiteral("expiresAt"), isoTime(request.session.expiresAt)},
                                        {QStringLiteral("passwordExpiresAt"), isoTimeOrNull(request.session.passwordExpiresAt)}}));
}

QJsonObject ManagementServer::statusJson()
{
    QJsonArray services;
    const QList<ServiceStatus> snapshot = m_board.snapshot();
    for (const ServiceStatus &s : snapshot)
        services.append(serviceStatusJson(s));
    QJsonObject journal;
    if (Result<store::JournalHead> head = store::Journal::head(*m_reader)) {
        journal = QJsonObject{{QStringLiteral("head"), head->sequence},
                              {QStringLiteral("headHash"), QString::fromLatin1(head->hash.toHex())},
                              {QStringLiteral("headTime"), isoTimeOrNull(head->time)}};
    } else {
        qCWarning(lcAdmin, "status: cannot read the journal head: %s", qUtf8Printable(head.error().message));
        journal = QJsonObject{{QStringLiteral("head"), m_store.writer().journalHead()}};
    }
    const QDateTime now = m_clock.now();
    return QJsonObject{{QStringLiteral("version"), QString::fromLatin1(registryVersion)},
                       {QStringLiteral("site"), m_config.siteName},
                       {QStringLiteral("startedAt"), isoTime(m_startedAt)},
                       {QStringLiteral("uptimeSeconds"), m_startedAt.secsTo(now)},
                       {QStringLiteral("heartbeatSeconds"), m_config.management.heartbeatSecs},
                       {QStringLiteral("services"), services},
                       {QStringLiteral("journal"), journal}};
}

void ManagementServer::status(const Request &, const Reply &reply)
{
    reply(ApiResponse::json(statusJson()));
}

void ManagementServer::journal(const Request &request, const Reply &reply)
{
    Result<ApiRequests::JournalQuery> query = ApiRequests::parseJournalQuery(request.query);
    if (!query) {
        reply(ApiResponse::badRequest(query.error().message));
        return;
    }
    Result<store::JournalEntries> entries = store::Journal::read(*m_reader, query->from, query->limit);
    Result<store::JournalHead> head = store::Journal::head(*m_reader);
    if (!entries || !head) {
        const Error &e = !entries ? entries.error() : head.error();
        qCWarning(lcAdmin, "reading the journal failed: %s", qUtf8Printable(e.message));
        reply(ApiResponse::fromError(e));
        return;
    }
    QJsonArray list;
    for (const store::JournalEntry &e : std::as_const(*entries)) {
        list.append(QJsonObject{{QStringLiteral("seq"), e.sequence},
                                {QStringLiteral("time"), isoTime(e.time)},
                                {QStringLiteral("actor"), e.change.actor},
                                {QStringLiteral("kind"), e.change.kind},
                                {QStringLiteral("object"), e.change.object},
                                {QStringLiteral("data"), e.change.data},
                                {QStringLiteral("hash"), QString::fromLatin1(e.hash.toHex())}});
    }
    reply(ApiResponse::json(QJsonObject{{QStringLiteral("entries"), list}, {QStringLiteral("head"), head->sequence}}));
}

void ManagementServer::verifyJournal(const Request &, const Reply &reply)
{
    // Walking the whole chain reads every entry, so it runs off the event loop, on its own read
    // connection, and only once at a time: requests that arrive meanwhile share its result
    // rather than queueing walk after walk on the thread pool.
    m_verifyWaiters.append(reply);
    if (m_verifyWaiters.size() > 1)
        return;
    store::Store *store = &m_store;
    QtConcurrent::run([store]() -> Result<std::pair<store::ChainVerification, qint64>> {
        Result<std::unique_ptr<store::Connection>> connection = store->openReader();
        if (!connection)
            return connection.error();
        Result<store::ChainVerification> verification = store::Journal::verify(**connection);
        if (!verification)
            return verification.error();
        Result<store::JournalHead> head = store::Journal::head(**connection);
        if (!head)
            return head.error();
        return std::make_pair(*verification, head->sequence);
    }).then(this, [this](const Result<std::pair<store::ChainVerification, qint64>> &result) {
        const QList<Reply> waiters = std::exchange(m_verifyWaiters, {});
        ApiResponse response;
        if (!result) {
            qCWarning(lcAdmin, "journal verification could not run: %s", qUtf8Printable(result.error().message));
            response = ApiResponse::fromError(result.error());
        } else {
            const auto &[v, head] = *result;
            QJsonObject body{{QStringLiteral("ok"), v.ok}, {QStringLiteral("entries"), v.entriesChecked}, {QStringLiteral("head"), head}};
            if (!v.ok) {
                body.insert(QStringLiteral("firstBad"), v.firstBadSequence);
                body.insert(QStringLiteral("reason"), v.reason);
                qCCritical(lcJournal, "journal chain broken at %lld: %s", v.firstBadSequence, qUtf8Printable(v.reason));
            }
            response = ApiResponse::json(body);
        }
        for (const Reply &waiter : waiters)
            waiter(response);
    });
}

void ManagementServer::listUsers(const Request &, const Reply &reply)
{
    Result<QList<UserRecord>> users = m_accounts->listUsers();
    if (!users) {
        reply(ApiResponse::fromError(users.error()));
        return;
    }
    const QDateTime now = m_clock.now();
    QJsonArray list;
    for (const UserRecord &user : std::as_const(*users))
        list.append(userJson(user, now));
    reply(ApiResponse::json(QJsonObject{{QStringLiteral("users"), list}}));
}

void ManagementServer::createUser(const Request &request, const Reply &reply)
{
    Result<ApiRequests::CreateUser> parsed = ApiRequests::parseCreateUser(request.body);
    if (!parsed) {
        reply(ApiResponse::badRequest(parsed.error().message));
        audit(request, request.session.user, QStringLiteral("user.create"), QStringLiteral("bad_request"));
        return;
    }
    const QString name = parsed->name;
    m_accounts->createUserAsync(name, parsed->password, parsed->roles, request.session.user, this,
                                [this, request, reply, name](const Result<void> &result) {
        if (!result) {
            const ApiResponse response = result.error().code == ErrorCode::InvalidInput
                ? ApiResponse::error(400, "password_policy", result.error().message)
                : ApiResponse::fromError(result.error());
            reply(response);
            audit(request, request.session.user, QStringLiteral("user.create"), QString::fromLatin1(response.errorCode), name);
            return;
        }
        reply(ApiResponse::json(QJsonObject{{QStringLiteral("name"), name}}, 201));
        audit(request, request.session.user, QStringLiteral("user.create"), QStringLiteral("success"), name);
    });
}

void ManagementServer::unlockUser(const Request &request, const Reply &reply, const QString &name)
{
    if (auto r = ApiRequests::parseEmpty(request.body); !r) {
        reply(ApiResponse::badRequest(r.error().message));
        return;
    }
    m_accounts->unlock(name, request.session.user, this, [this, request, reply, name](const Result<void> &result) {
        const ApiResponse response = result ? ApiResponse::noContent() : ApiResponse::fromError(result.error());
        reply(response);
        audit(request, request.session.user, QStringLiteral("user.unlock"),
              result ? QStringLiteral("success") : QString::fromLatin1(response.errorCode), name);
    });
}

void ManagementServer::changePassword(const Request &request, const Reply &reply)
{
    Result<ApiRequests::PasswordChange> parsed = ApiRequests::parsePasswordChange(request.body);
    if (!parsed) {
        reply(ApiResponse::badRequest(parsed.error().message));
        audit(request, request.session.user, QStringLiteral("user.password"), QStringLiteral("bad_request"));
        return;
    }
    const ManagementConfig &mc = m_config.management;
    const QByteArray tokenHash = TokenRegistry::hashToken(request.token);
    m_accounts->changePassword(request.session.user, parsed->oldPassword, parsed->newPassword,
                               LoginPolicy{mc.maxFailedLogins, mc.lockoutSecs}, this,
                               [this, request, reply, tokenHash](const Result<PasswordChangeResult> &result) {
        const QString action = QStringLiteral("user.password");
        if (!result) {
            const ApiResponse response = result.error().code == ErrorCode::InvalidInput
                ? ApiResponse::error(400, "password_policy", result.error().message)
                : ApiResponse::fromError(result.error());
            if (response.status >= 500)
                qCWarning(lcAdmin, "password change of %s failed: %s", qUtf8Printable(request.session.user),
                          qUtf8Printable(result.error().message));
            reply(response);
            audit(request, request.session.user, action, QString::fromLatin1(response.errorCode));
            return;
        }
        switch (result->outcome) {
        case PasswordChangeResult::Outcome::Changed:
            // Every other session of the user ends; the one that changed the password continues with
            // the new expiry, so the console does not have to log in again.
            m_tokens->revokeUser(request.session.user, tokenHash);
            m_tokens->setPasswordExpiry(tokenHash, result->user.passwordExpiresAt());
            reply(ApiResponse::noContent());
            audit(request, request.session.user, action, QStringLiteral("success"));
            return;
        case PasswordChangeResult::Outcome::Locked:
            m_metrics->add(QStringLiteral("registry_management_login_failures_total"));
            reply(ApiResponse::accountLocked(result->user.lockedUntil));
            audit(request, request.session.user, action, QStringLiteral("account_locked"));
            return;
        case PasswordChangeResult::Outcome::WrongPassword:
            m_metrics->add(QStringLiteral("registry_management_login_failures_total"));
            reply(ApiResponse::error(403, "invalid_credentials", QStringLiteral("the current password is wrong")));
            audit(request, request.session.user, action, QStringLiteral("invalid_credentials"),
                  result->lockedByThisAttempt
                      ? QStringLiteral("account locked after %1 failed logins").arg(m_config.management.maxFailedLogins)
                      : QString());
            return;
        }
    });
}

void ManagementServer::registrySearch(const Request &request, const Reply &reply)
{
    Result<RegistryRequests::Search> search = RegistryRequests::parseSearch(request.query);
    if (!search) {
        reply(ApiResponse::badRequest(search.error().message));
        return;
    }
    const RegistryRequests::Search s = *search;
    if (s.type != RegistryRequests::ObjectType::Contact) {
        readRegistry(reply, [s](RegistryBrowser &browser) { return browser.search(s); });
        return;
    }
    // A contact search shows names: the same permission and the same audit trail as a contact view.
    const QString action = QStringLiteral("registry.contact.search");
    if (!rolesAllow(request.session.roles, Permission::ReadContacts)) {
        reply(ApiResponse::forbidden(QStringLiteral("the roles %1 do not allow searching contacts (personal data)")
                                         .arg(roleNames(request.session.roles).join(QStringLiteral(", ")))));
        audit(request, request.session.user, action, QStringLiteral("forbidden"), s.text);
        return;
    }
    readRegistry(reply, [s](RegistryBrowser &browser) { return browser.search(s); },
                 [this, request, action, s](const Result<QJsonObject> &result) {
                     audit(request, request.session.user, action, result ? QStringLiteral("success") : QStringLiteral("error"), s.text);
                 });
}

void ManagementServer::setAlarmEngine(monitor::AlarmEngine *engine, std::function<QString(const QString &)> deviceName)
{
    ++m_alarmsGeneration;
    m_alarms = engine ? std::make_unique<MonitorAlarmEndpoints>(*engine, std::move(deviceName), m_clock) : nullptr;
}

void ManagementServer::monitorAlarms(const Request &request, const Reply &reply)
{
    const auto finish = [this, request, reply](const MonitorAlarmEndpoints::Outcome &outcome) {
        const ApiResponse &response = outcome.response;
        if (response.status >= 500)
            qCWarning(lcAdmin, "%s %s failed (%d)", request.method.constData(), qUtf8Printable(request.path), response.status);
        reply(response);
        for (const MonitorAlarmEndpoints::AuditEntry &entry : outcome.audit)
            audit(request, request.session.user, entry.action, entry.outcome, entry.detail);
    };
    if (!m_alarms) {
        finish({ApiResponse::unavailable(QStringLiteral("monitoring is not running")), {}});
        return;
    }
    MonitorAlarmEndpoints::Step step = m_alarms->handle(request.method, request.path, request.query, request.body, request.session.user);
    if (step.done) {
        finish(*step.done);
        return;
    }
    store::Connection *connection = m_alarmReader.get();
    QtConcurrent::run(&m_registryPool, [connection, read = std::move(step.read)] { return read(*connection); })
        .then(this, [this, finish, generation = m_alarmsGeneration, complete = std::move(step.finish)](const Result<QJsonObject> &result) {
            // The engine may have gone while the read ran: its names are no longer to be asked.
            if (generation != m_alarmsGeneration || !m_alarms) {
                finish({ApiResponse::unavailable(QStringLiteral("monitoring is not running")), {}});
                return;
            }
            finish(complete(result));
        });
}

void ManagementServer::readRegistry(const Reply &reply, std::function<Result<QJsonObject>(RegistryBrowser &)> read,
                                    std::function<void(const Result<QJsonObject> &)> done)
{
    RegistryBrowser *browser = m_browser.get();
    QtConcurrent::run(&m_registryPool, [browser, read = std::move(read)] { return read(*browser); })
        .then(this, [reply, done = std::move(done)](const Result<QJsonObject> &result) {
            if (done)
                done(result);
            if (!result) {
                if (result.error().code != ErrorCode::NotFound)
                    qCWarning(lcAdmin, "registry read failed: %s", qUtf8Printable(result.error().message));
                reply(ApiResponse::fromError(result.error()));
                return;
            }
            reply(ApiResponse::json(*result));
        });
}

void ManagementServer::registrarCommand(const Request &request, const Reply &reply, const QString &registrarSegment,
                                        const QString &command)
{
    namespace R = RegistrarAdminRequests;
    const QString actor = QStringLiteral("admin:") + request.session.user;
    // Refusals before any store work are answered and audited here, like the ones after it.
    const auto refuse = [&](const QString &action, const Error &error, const QString &detail) {
        const ApiResponse response = ApiResponse::fromError(error);
        reply(response);
        audit(request, request.session.user, action, QString::fromLatin1(response.errorCode), detail);
    };

    if (command == u"create") {
        const QString action = QStringLiteral("registrar.create");
        Result<R::CreateRegistrar> parsed = R::parseCreateRegistrar(request.body);
        if (!parsed)
            return refuse(action, parsed.error(), QString());
        const R::CreateRegistrar r = *parsed;
        return administerRegistrar(request, reply, action, r.id, [r, actor](RegistrarAdministration &admin, RegistryBrowser &browser) -> Result<ApiResponse> {
            if (auto done = admin.createRegistrar(r, actor); !done)
                return done.error();
            Result<QJsonObject> created = browser.registrar(r.id);
            if (!created)
                return created.error();
            return ApiResponse::json(*created, 201);
        });
    }

    Result<QString> id = R::parseRegistrarId(registrarSegment);
    if (!id)
        return refuse(QStringLiteral("registrar.") + command.section(u'/', 0, 0), id.error(), registrarSegment.left(64));
    const QString registrarId = *id;

    if (command == u"update") {
        const QString action = QStringLiteral("registrar.update");
        Result<R::AccountUpdate> parsed = R::parseAccountUpdate(request.body);
        if (!parsed)
            return refuse(action, parsed.error(), registrarId);
        const R::AccountUpdate update = *parsed;
        return administerRegistrar(request, reply, action, registrarId,
                                   [registrarId, update, actor](RegistrarAdministration &admin, RegistryBrowser &browser) -> Result<ApiResponse> {
            if (auto done = admin.updateAccount(registrarId, update, actor); !done)
                return done.error();
            Result<QJsonObject> updated = browser.registrar(registrarId);
            if (!updated)
                return updated.error();
            return ApiResponse::json(*updated);
        });
    }
    if (command == u"users") {
        const QString action = QStringLiteral("registrar.user.create");
        Result<QString> userId = R::parseRegistrarUser(request.body);
        if (!userId)
            return refuse(action, userId.error(), registrarId);
        const QString user = *userId;
        return administerRegistrar(request, reply, action, registrarId + u' ' + user,
                                   [registrarId, user, actor](RegistrarAdministration &admin, RegistryBrowser &) -> Result<ApiResponse> {
            Result<QString> password = admin.createUser(registrarId, user, actor);
            if (!password)
                return password.error();
            // The only time the password exists outside the registrar's hands: not logged, not audited.
            return ApiResponse::json(QJsonObject{{QStringLiteral("registrarId"), registrarId},
                                                 {QStringLiteral("userId"), user},
                                                 {QStringLiteral("password"), *password},
                                                 {QStringLiteral("note"), QStringLiteral("shown once; hand it to the registrar over a secure channel")}},
                                     201);
        });
    }
    if (command.startsWith(u"unlock/")) {
        const QString action = QStringLiteral("registrar.user.unlock");
        Result<QString> userId = R::parseRegistrarUserId(command.mid(7));
        if (!userId)
            return refuse(action, userId.error(), registrarId);
        const QString user = *userId;
        return administerRegistrar(request, reply, action, registrarId + u' ' + user,
                                   [registrarId, user, actor](RegistrarAdministration &admin, RegistryBrowser &) -> Result<ApiResponse> {
            if (auto done = admin.unlockUser(registrarId, user, actor); !done)
                return done.error();
            return ApiResponse::noContent();
        });
    }
    if (command == u"certificates") {
        const QString action = QStringLiteral("registrar.certificate");
        Result<QByteArray> pem = R::parseCertificate(request.contentType, request.body);
        if (!pem)
            return refuse(action, pem.error(), registrarId);
        const QByteArray certificate = *pem;
        return administerRegistrar(request, reply, action, registrarId,
                                   [registrarId, certificate, actor](RegistrarAdministration &admin, RegistryBrowser &) -> Result<ApiResponse> {
            Result<QString> sha256 = admin.bindCertificate(registrarId, certificate, actor);
            if (!sha256)
                return sha256.error();
            return ApiResponse::json(QJsonObject{{QStringLiteral("registrarId"), registrarId}, {QStringLiteral("sha256"), *sha256}}, 201);
        });
    }
    if (command == u"addresses" || command == u"removeAddress") {
        const bool add = command == u"addresses";
        const QString action = add ? QStringLiteral("registrar.address.add") : QStringLiteral("registrar.address.remove");
        Result<QHostAddress> parsed = R::parseAddress(request.body);
        if (!parsed)
            return refuse(action, parsed.error(), registrarId);
        const QHostAddress address = *parsed;
        return administerRegistrar(request, reply, action, registrarId + u' ' + address.toString(),
                                   [registrarId, address, add, actor](RegistrarAdministration &admin, RegistryBrowser &) -> Result<ApiResponse> {
            if (!add) {
                if (auto done = admin.removeAddress(registrarId, address, actor); !done)
                    return done.error();
                return ApiResponse::noContent();
            }
            if (auto done = admin.addAddress(registrarId, address, actor); !done)
                return done.error();
            return ApiResponse::json(QJsonObject{{QStringLiteral("registrarId"), registrarId},
                                                 {QStringLiteral("address"), address.toString()}}, 201);
        });
    }
    if (command == u"payments") {
        const QString action = QStringLiteral("registrar.payment");
        Result<R::Payment> parsed = R::parsePayment(request.body);
        if (!parsed)
            return refuse(action, parsed.error(), registrarId);
        const R::Payment payment = *parsed;
        return administerRegistrar(request, reply, action, registrarId + u' ' + QString::number(payment.amountCents),
                                   [registrarId, payment, actor](RegistrarAdministration &admin, RegistryBrowser &) -> Result<ApiResponse> {
            Result<qint64> balance = admin.recordPayment(registrarId, payment, actor);
            if (!balance)
                return balance.error();
            return ApiResponse::json(QJsonObject{{QStringLiteral("registrarId"), registrarId},
                                                 {QStringLiteral("amountCents"), double(payment.amountCents)},
                                                 {QStringLiteral("balanceCents"), double(*balance)}},
                                     201);
        });
    }
    reply(ApiResponse::notFound());
}

void ManagementServer::administerRegistrar(const Request &request, const Reply &reply, const QString &action, const QString &detail,
                                           RegistrarWork work)
{
    RegistrarAdministration *admin = m_registrarAdmin.get();
    RegistryBrowser *browser = m_browser.get();
    QtConcurrent::run(&m_registryPool, [admin, browser, work = std::move(work)] { return work(*admin, *browser); })
        .then(this, [this, request, reply, action, detail](const Result<ApiResponse> &result) {
            ApiResponse response;
            if (result) {
                response = *result;
            } else {
                if (result.error().code == ErrorCode::Internal || result.error().code == ErrorCode::Corrupt)
                    qCWarning(lcAdmin, "%s failed: %s", qUtf8Printable(action), qUtf8Printable(result.error().message));
                response = ApiResponse::fromError(result.error());
            }
            reply(response);
            audit(request, request.session.user, action,
                  response.isError() ? QString::fromLatin1(response.errorCode) : QStringLiteral("success"), detail);
        });
}

void ManagementServer::monitorInventory(const Request &request, const Reply &reply)
{
    InventoryEndpoints *endpoints = m_inventory.get();
    QtConcurrent::run(&m_registryPool, [endpoints, method = request.method, path = request.path, body = request.body] {
        return endpoints->handle(method, path, body);
    }).then(this, [this, request, reply](const InventoryEndpoints::Outcome &outcome) {
        const ApiResponse &response = outcome.response;
        if (response.status >= 500)
            qCWarning(lcAdmin, "%s %s failed (%d)", request.method.constData(), qUtf8Printable(request.path), response.status);
        reply(response);
        if (!outcome.action.isEmpty())
            audit(request, request.session.user, outcome.action,
                  response.isError() ? QString::fromLatin1(response.errorCode) : QStringLiteral("success"), outcome.detail);
        // A device added, changed or removed is polled (or no longer) at once, not at the next re-read.
        if (!outcome.action.isEmpty() && !response.isError() && m_monitor)
            m_monitor->refreshInventory();
    });
}

void ManagementServer::setMonitorService(monitor::MonitorService *service)
{
    m_monitor = service;
    // The alarm endpoints work on the service's engine and name devices from its inventory.
    if (!service) {
        setAlarmEngine(nullptr, {});
        return;
    }
    const QPointer<monitor::MonitorService> guarded(service);
    setAlarmEngine(&service->alarms(), [guarded](const QString &id) { return guarded ? guarded->deviceName(id) : QString(); });
}

void ManagementServer::publishEvent(const QJsonObject &event)
{
    if (m_events && m_running)
        m_events->publish(event);
}

void ManagementServer::monitorStatus(const Request &request, const Reply &reply)
{
    if (!request.query.isEmpty())
        return reply(ApiResponse::badRequest(QStringLiteral("GET /api/v1/monitor/status takes no parameters")));
    if (!m_monitor || !m_monitor->isRunning())
        return reply(ApiResponse::unavailable(QStringLiteral("monitoring is not running")));
    reply(MonitorStateEndpoints::status(*m_monitor, m_clock.now()));
}

void ManagementServer::monitorMetrics(const Request &request, const Reply &reply)
{
    if (!m_monitor || !m_monitor->isRunning())
        return reply(ApiResponse::unavailable(QStringLiteral("monitoring is not running")));
    Result<MonitorStateEndpoints::MetricsQuery> query = MonitorStateEndpoints::parseMetrics(*m_monitor, request.path, request.query, m_clock.now());
    if (!query)
        return reply(ApiResponse::fromError(query.error()));
    MonitorStateEndpoints *endpoints = m_monitorState.get();
    QtConcurrent::run(&m_registryPool, [endpoints, q = *query] { return endpoints->metrics(q); }).then(this, [reply](const ApiResponse &response) {
        reply(response);
    });
}

void ManagementServer::updateMetrics()
{
    m_metrics->set(QStringLiteral("registry_up"), 1);
    m_metrics->set(QStringLiteral("registry_uptime_seconds"), double(m_startedAt.secsTo(m_clock.now())));
    m_metrics->set(QStringLiteral("registry_journal_head_sequence"), double(m_store.writer().journalHead()));
    const QList<ServiceStatus> services = m_board.snapshot();
    for (const ServiceStatus &s : services)
        m_metrics->set(QStringLiteral("registry_service_up"), {{QStringLiteral("service"), s.name}}, s.state == ServiceState::Running ? 1 : 0);
    m_metrics->set(QStringLiteral("registry_management_sessions"), m_tokens->activeCount());
    m_metrics->set(QStringLiteral("registry_management_connections"), m_listener ? m_listener->connectionCount() : 0);
    m_metrics->set(QStringLiteral("registry_store_commits_total"), double(m_store.writer().commitCount()));
    m_metrics->set(QStringLiteral("registry_event_clients"), m_events ? m_events->clientCount() : 0);
    for (const MetricsSource &source : std::as_const(m_metricsSources))
        source(*m_metrics);
    if (const std::optional<dns::DnsStatisticsSnapshot> dns = m_dnsStatistics ? m_dnsStatistics() : std::nullopt)
        publishDnsMetrics(*m_metrics, *dns);
    else
        withdrawDnsMetrics(*m_metrics);
    if (const std::optional<directory::DirectoryStatisticsSnapshot> directory = m_directoryStatistics ? m_directoryStatistics() : std::nullopt)
        publishDirectoryMetrics(*m_metrics, *directory);
    else
        withdrawDirectoryMetrics(*m_metrics);
}

void ManagementServer::addMetricsSource(MetricsSource source)
{
    m_metricsSources.append(std::move(source));
}

void ManagementServer::setDnsStatisticsSource(DnsStatisticsSource source)
{
    m_dnsStatistics = std::move(source);
}

void ManagementServer::dnsStatistics(const Request &request, const Reply &reply)
{
    if (auto r = RegistryRequests::parseNoParameters(request.query); !r)
        return reply(ApiResponse::badRequest(r.error().message));
    const std::optional<dns::DnsStatisticsSnapshot> snapshot = m_dnsStatistics ? m_dnsStatistics() : std::nullopt;
    if (!snapshot) {
        reply(ApiResponse::unavailable(QStringLiteral("the DNS service is not running; it starts with [dns] enabled = true "
                                                      "(its state is the \"dns\" service in GET /api/v1/status)")));
        return;
    }
    reply(ApiResponse::json(dnsStatisticsJson(*snapshot)));
}

void ManagementServer::setDirectoryStatisticsSource(DirectoryStatisticsSource source)
{
    m_directoryStatistics = std::move(source);
}

void ManagementServer::directoryStatistics(const Request &request, const Reply &reply)
{
    if (auto r = RegistryRequests::parseNoParameters(request.query); !r)
        return reply(ApiResponse::badRequest(r.error().message));
    const std::optional<directory::DirectoryStatisticsSnapshot> snapshot = m_directoryStatistics ? m_directoryStatistics() : std::nullopt;
    if (!snapshot) {
        reply(ApiResponse::unavailable(QStringLiteral("neither Whois nor RDAP is running; they start with [whois] enabled = true "
                                                      "and [rdap] enabled = true (their states are the \"whois\" and \"rdap\" "
                                                      "services in GET /api/v1/status)")));
        return;
    }
    reply(ApiResponse::json(directoryStatisticsJson(*snapshot)));
}

void ManagementServer::metrics(const Request &, const Reply &reply)
{
    updateMetrics();
    reply(ApiResponse::text(m_metrics->render(), QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8")));
}

} // namespace reg::admin
