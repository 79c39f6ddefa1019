#pragma once

#include "answercache.h"
#include "httprequest.h"
#include "rdapjsonwriter.h"

#include "core/clock.h"
#include "core/engineconfig.h"
#include "directory/clientratelimiter.h"
#include "directory/directorystatistics.h"
#include "directory/topclients.h"

#include <QByteArray>
#include <QHostAddress>

#include <array>
#include <atomic>

namespace reg::directory {
class Directory;
}

namespace reg::rdap {

// The RDAP semantics of one HTTP request (RFC 7480): the client's rate limit (429 with
// Retry-After), methods (GET and HEAD; OPTIONS for CORS preflight; 405 with Allow otherwise), the
// query path, the lookup in the Directory and the answer with its headers (application/rdap+json,
// Access-Control-Allow-Origin, Cache-Control max-age on success and no-store on errors). A database
// failure is a 503, never a false 404. Counts every request for DirectoryServiceCounters and the
// busiest clients.
// Thread-safe: the HTTPS workers call it concurrently. Owned by RdapService; the Directory and the
// clock must outlive it.
class RdapResponder
{
public:
    RdapResponder(const RdapConfig &config, const DirectoryConfig &directoryConfig, directory::Directory &directory,
                  const Clock &clock, const QString &baseUrl, const QString &port43);

    // Appends the whole response to `out`; false when the connection is to close after it.
    bool answer(const HttpRequest &request, const QHostAddress &client, QByteArray &out);
    // A request the reader refused (malformed, oversized): an RDAP error body; the connection closes.
    void refuse(int status, const char *reason, const QHostAddress &client, QByteArray &out);

    // Everything but the connection figures, which the transport has.
    directory::DirectoryServiceCounters counters() const;

private:
    enum Type { DomainType, NameserverType, EntityType, HelpType, DomainsSearchType, NameserversSearchType, OtherType, TypeCount };

    struct Answer
    {
        int status = 200;
        QByteArray body;
        qint64 retryAfterSecs = 0;      // 429, 503
    };

    Answer lookup(const QByteArray &target, Type *type);
    void write(const HttpRequest &request, const Answer &answer, bool keepAlive, QByteArray &out) const;
    static Type typeFor(const char *name);

    const RdapConfig m_config;
    directory::Directory &m_directory;
    const Clock &m_clock;
    const RdapJsonWriter m_writer;
    QByteArray m_basePath;                  // the path of the base URL without its trailing '/'
    QByteArray m_corsOrigin;
    QByteArray m_successCacheControl;
    int m_topClientCount = 20;
    directory::ClientRateLimiter m_limiter;
    directory::TopClients m_topClients;
    AnswerCache m_answers;                  // domain, name server and contact answers of cached views

    std::atomic<quint64> m_queries{0};
    std::array<std::atomic<quint64>, TypeCount> m_byType{};
    std::atomic<quint64> m_notFound{0};
    std::atomic<quint64> m_rateLimited{0};
    std::atomic<quint64> m_malformed{0};
    std::atomic<quint64> m_failures{0};
};

} // namespace reg::rdap
