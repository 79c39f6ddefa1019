#include "rdapresponder.h"

#include "rdappath.h"

#include "directory/directory.h"

#include <QLocale>
#include <QUrl>

#include <cstring>

namespace reg::rdap {
namespace {

const char kTypeNames[][20] = {"domain", "nameserver", "entity", "help", "domains-search", "nameservers-search", "other"};

// RFC 9110 5.6.7 IMF-fixdate.
QByteArray httpDate(const QDateTime &now)
{
    return QLocale::c().toString(now.toUTC(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'")).toLatin1();
}

QString quoted(const QString &name)
{
    return u'"' + name + u'"';
}

} // namespace

RdapResponder::RdapResponder(const RdapConfig &config, const DirectoryConfig &directoryConfig, directory::Directory &directory,
                             const Clock &clock, const QString &baseUrl, const QString &port43)
    : m_config(config),
      m_directory(directory),
      m_clock(clock),
      m_writer(baseUrl, port43),
      m_corsOrigin(config.corsAllowOrigin.toUtf8()),
      m_successCacheControl("max-age=" + QByteArray::number(config.httpCacheMaxAgeSecs)),
      m_topClientCount(directoryConfig.topClients),
      m_limiter(config.requestsPerMinute, config.registrarRequestsPerMinute, directoryConfig.registrarNetworks, clock),
      m_topClients(qMax(1024, directoryConfig.topClients * 4))
{
    m_basePath = QUrl(m_writer.baseUrl()).path(QUrl::FullyEncoded).toUtf8();
    if (m_basePath.endsWith('/'))
        m_basePath.chop(1);
}

RdapResponder::Type RdapResponder::typeFor(const char *name)
{
    for (int i = 0; i < TypeCount; ++i) {
        if (std::strcmp(kTypeNames[i], name) == 0)
            return Type(i);
    }
    return OtherType;
}

bool RdapResponder::answer(const HttpRequest &request, const QHostAddress &client, QByteArray &out)
{
    m_queries.fetch_add(1, std::memory_order_relaxed);
    const directory::ClientRateLimiter::Decision decision = m_limiter.admit(client);
    m_topClients.record(client, !decision.allowed);
    if (!decision.allowed) {
        m_rateLimited.fetch_add(1, std::memory_order_relaxed);
        m_byType[OtherType].fetch_add(1, std::memory_order_relaxed);
        Answer a;
        a.status = 429;
        a.retryAfterSecs = qMax<qint64>(1, (decision.retryAfterMs + 999) / 1000);
        a.body = RdapJsonWriter::error(429, QStringLiteral("Too many requests from your address; retry after %1 seconds.")
                                                .arg(a.retryAfterSecs));
        write(request, a, request.keepAlive, out);
        return request.keepAlive;
    }

    if (request.method == HttpRequest::Method::Other || request.method == HttpRequest::Method::Options) {
        m_byType[OtherType].fetch_add(1, std::memory_order_relaxed);
        Answer a;
        a.status = request.method == HttpRequest::Method::Options ? 204 : 405;
        if (a.status == 405)
            a.body = RdapJsonWriter::error(405, QStringLiteral("RDAP is read with GET or HEAD."));
        write(request, a, request.keepAlive, out);
        return request.keepAlive;
    }

    Type type = OtherType;
    const Answer a = lookup(request.target, &type);
    m_byType[type].fetch_add(1, std::memory_order_relaxed);
    write(request, a, request.keepAlive, out);
    return request.keepAlive;
}

void RdapResponder::refuse(int status, const char *reason, const QHostAddress &client, QByteArray &out)
{
    m_queries.fetch_add(1, std::memory_order_relaxed);
    m_malformed.fetch_add(1, std::memory_order_relaxed);
    m_byType[OtherType].fetch_add(1, std::memory_order_relaxed);
    m_topClients.record(client, false);
    Answer a;
    a.status = status;
    a.body = RdapJsonWriter::error(status, QString::fromLatin1(reason));
    HttpRequest request;   // what the reader could not parse is answered as a GET that closes
    write(request, a, false, out);
}

RdapResponder::Answer RdapResponder::lookup(const QByteArray &target, Type *type)
{
    Answer a;
    QByteArrayView relative = target;
    if (!m_basePath.isEmpty()) {
        if (!relative.startsWith(m_basePath) || (relative.size() > m_basePath.size() && relative[m_basePath.size()] != '/'
                                                  && relative[m_basePath.size()] != '?')) {
            a.status = 404;
            a.body = RdapJsonWriter::error(404, QStringLiteral("RDAP is served below %1/").arg(QString::fromUtf8(m_basePath)));
            m_notFound.fetch_add(1, std::memory_order_relaxed);
            return a;
        }
        relative = relative.sliced(m_basePath.size());
    }
    const RdapPath path = parseRdapPath(relative);
    *type = typeFor(path.typeName());
    // Answers are read live, so the database is as new as the last committed change it applied.
    const QDateTime databaseUpdate = m_directory.appliedTime();
    const int limit = m_config.searchResultLimit;
    const auto fail = [&](int status, const QString &description) {
        a.status = status;
        a.body = RdapJsonWriter::error(status, description);
        if (status == 404)
            m_notFound.fetch_add(1, std::memory_order_relaxed);
        else if (status == 503) {
            m_failures.fetch_add(1, std::memory_order_relaxed);
            a.retryAfterSecs = 5;
        } else if (status == 400 || status == 414)
            m_malformed.fetch_add(1, std::memory_order_relaxed);
        return a;
    };
    const auto unavailable = [&](const Error &) {
        // The cause is in the Directory's log; the client learns only that it is temporary.
        return fail(503, QStringLiteral("The registry database is unavailable; try again shortly."));
    };
    // One looked-up record: 503 if the database failed, 404 (absent, with %1 the asked name) if there
    // is none, else its rendering, kept for as long as the Directory hands out the same view.
    const auto lookedUp = [&](const auto &found, const QString &absent, const auto &render) {
        if (!found)
            return unavailable(found.error());
        if (!*found)
            return fail(404, absent.arg(quoted(path.name)));
        const auto &view = *found;
        a.body = m_answers.answer(view, databaseUpdate, [&](const QDateTime &at) { return render(*view, at); });
        return a;
    };

    switch (path.kind) {
    case RdapPath::Kind::Error:
        return fail(path.status, path.message);
    case RdapPath::Kind::Help:
        a.body = m_writer.help(databaseUpdate);
        return a;
    case RdapPath::Kind::Domain:
        return lookedUp(m_directory.domain(path.name), QStringLiteral("The domain %1 is not registered here."),
                        [&](const directory::DomainView &v, const QDateTime &at) { return m_writer.domain(v, at); });
    case RdapPath::Kind::Nameserver:
        return lookedUp(m_directory.host(path.name), QStringLiteral("The name server %1 is not registered here."),
                        [&](const directory::HostView &v, const QDateTime &at) { return m_writer.nameserver(v, at); });
    case RdapPath::Kind::Entity: {
        // Registrars first, as before contacts were served: a contact id equal to a registrar's
        // client id stays reachable inside its domains only (docs/rdap.md).
        const auto registrar = m_directory.registrar(path.name);
        if (!registrar)
            return unavailable(registrar.error());
        if (*registrar) {
            a.body = m_writer.registrar(**registrar, databaseUpdate);
            return a;
        }
        return lookedUp(m_directory.contact(path.name), QStringLiteral("No registrar or contact has the handle %1."),
                        [&](const directory::ContactView &v, const QDateTime &at) { return m_writer.contact(v, at); });
    }
    case RdapPath::Kind::DomainSearch: {
        const auto found = m_directory.searchDomains(path.name, limit);
        if (!found)
            return unavailable(found.error());
        a.body = m_writer.domainSearch(*found, limit, databaseUpdate);
        return a;
    }
    case RdapPath::Kind::NameserverSearch: {
        const auto found = m_directory.searchHosts(path.name, limit);
        if (!found)
            return unavailable(found.error());
        a.body = m_writer.nameserverSearch(*found, limit, databaseUpdate);
        return a;
    }
    case RdapPath::Kind::NameserverByIp: {
        const auto found = m_directory.hostsWithAddress(path.address);
        if (!found)
            return unavailable(found.error());
        directory::SearchResult<directory::HostView> result;
        for (const auto &host : *found) {
            if (result.items.size() >= limit) {
                result.truncated = true;
                break;
            }
            if (host)
                result.items.append(*host);
        }
        a.body = m_writer.nameserverSearch(result, limit, databaseUpdate);
        return a;
    }
    }
    return fail(400, QStringLiteral("not an RDAP query served here; see /help"));
}

void RdapResponder::write(const HttpRequest &request, const Answer &a, bool keepAlive, QByteArray &out) const
{
    out.reserve(out.size() + a.body.size() + 400);
    out += "HTTP/1.1 " + QByteArray::number(a.status) + ' ' + RdapJsonWriter::httpReason(a.status) + "\r\n";
    out += "Date: " + httpDate(m_clock.now()) + "\r\n";
    if (!m_corsOrigin.isEmpty())
        out += "Access-Control-Allow-Origin: " + m_corsOrigin + "\r\n";
    if (a.status == 204) {
        // CORS preflight (Fetch standard): what a browser may send us, for a day.
        out += "Allow: GET, HEAD, OPTIONS\r\n";
        if (request.corsPreflight)
            out += "Access-Control-Allow-Methods: GET, HEAD, OPTIONS\r\nAccess-Control-Allow-Headers: Accept, Content-Type\r\n"
                   "Access-Control-Max-Age: 86400\r\n";
    } else {
        out += "Content-Type: application/rdap+json\r\n";
        out += "Content-Length: " + QByteArray::number(a.body.size()) + "\r\n";
        out += "X-Content-Type-Options: nosniff\r\n";
        out += "Cache-Control: " + (a.status == 200 ? m_successCacheControl : QByteArray("no-store")) + "\r\n";
    }
    if (a.status == 405)
        out += "Allow: GET, HEAD, OPTIONS\r\n";
    if (a.retryAfterSecs > 0)
        out += "Retry-After: " + QByteArray::number(a.retryAfterSecs) + "\r\n";
    if (!keepAlive)
        out += "Connection: close\r\n";
    out += "\r\n";
    if (request.method != HttpRequest::Method::Head && a.status != 204)
        out += a.body;
}

directory::DirectoryServiceCounters RdapResponder::counters() const
{
    directory::DirectoryServiceCounters c;
    c.queries = m_queries.load(std::memory_order_relaxed);
    for (int i = 0; i < TypeCount; ++i)
        c.byType.append({QString::fromLatin1(kTypeNames[i]), m_byType[i].load(std::memory_order_relaxed)});
    c.notFound = m_notFound.load(std::memory_order_relaxed);
    c.rateLimited = m_rateLimited.load(std::memory_order_relaxed);
    c.malformed = m_malformed.load(std::memory_order_relaxed);
    c.failures = m_failures.load(std::memory_order_relaxed);
    c.topClients = m_topClients.top(m_topClientCount);
    return c;
}

} // namespace reg::rdap
