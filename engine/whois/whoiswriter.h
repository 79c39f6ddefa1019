#pragma once

#include "directory/directoryviews.h"

#include <QByteArray>
#include <QDateTime>
#include <QHostAddress>
#include <QList>
#include <QString>

#include <memory>

namespace reg::whois {

struct WhoisQuery;

// What every answer carries besides its records.
struct WhoisAnswerContext
{
    QDateTime databaseUpdated;     // UTC: the time of the data the answer reflects
};

// Turns directory records into the bytes of one Whois answer, in one of the two documented forms
// (text: WhoisTextWriter; XWP: WhoisXmlWriter). Both show the same content and apply the
// registrant's privacy level (ContactDisclosure) to every contact they print. Stateless and
// thread-safe: the service shares one instance of each between its threads.
class WhoisWriter
{
public:
    virtual ~WhoisWriter() = default;

    virtual QByteArray domain(const directory::DomainView &domain, const WhoisAnswerContext &context) const = 0;
    // A host query (one host) and an address query (every host using the address).
    virtual QByteArray hosts(const QList<std::shared_ptr<const directory::HostView>> &hosts,
                             const WhoisAnswerContext &context) const = 0;
    virtual QByteArray registrar(const directory::RegistrarView &registrar, const WhoisAnswerContext &context) const = 0;
    virtual QByteArray registrars(const QList<directory::RegistrarView> &registrars,
                                  const WhoisAnswerContext &context) const = 0;
    virtual QByteArray help(const WhoisAnswerContext &context) const = 0;
    virtual QByteArray noMatch(const WhoisQuery &query, const WhoisAnswerContext &context) const = 0;
    // The registry could not answer now (a database failure): never "no match".
    virtual QByteArray temporaryFailure() const = 0;
    virtual QByteArray rateLimited(const QHostAddress &client, qint64 retryAfterSecs) const = 0;
    // A query that could not be parsed; message says why (from parseWhoisQuery).
    virtual QByteArray invalidQuery(const QString &message) const = 0;
};

// The query syntax, as the help answer, README.md and docs/whois.md explain it; one line each.
QStringList whoisHelpLines();
// The terms of use printed in every answer's header.
QStringList whoisTermsOfUse();
// "2026-11-21T14:05:00Z": every date Whois shows, UTC, whole seconds.
QString whoisDate(const QDateTime &time);

} // namespace reg::whois
