#pragma once

#include "directory/directoryviews.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace reg::rdap {

// Turns directory views into RDAP answers (RFC 9083) with the privacy of every contact applied:
// what ContactDisclosure hides is removed before it is written (never written and then stripped)
// and each removal is declared in "redacted" (RFC 9537). Search results carry no contacts at all.
// Registrar-defined custom fields appear as a remark titled "Additional Information".
// Immutable after construction; every method is const and thread-safe.
class RdapJsonWriter
{
public:
    // baseUrl: the public URL of the service ending in '/', for links; port43: the host name of
    // the registry's Whois service, or empty to leave the member out.
    RdapJsonWriter(QString baseUrl, QString port43);

    // `databaseUpdate` is the "last update of RDAP database" event: the commit time of the newest
    // change the data reflects (Directory::appliedTime()), not the time of asking.
    QByteArray domain(const directory::DomainView &domain, const QDateTime &databaseUpdate) const;
    QByteArray nameserver(const directory::HostView &host, const QDateTime &databaseUpdate) const;
    QByteArray registrar(const directory::RegistrarView &registrar, const QDateTime &databaseUpdate) const;
    // A contact asked for by its handle: its privacy level applies as to the contacts of a domain,
    // but the handle itself is always shown (the client named it).
    QByteArray contact(const directory::ContactView &contact, const QDateTime &databaseUpdate) const;
    QByteArray domainSearch(const directory::SearchResult<directory::DomainView> &result, int limit,
                            const QDateTime &databaseUpdate) const;
    QByteArray nameserverSearch(const directory::SearchResult<directory::HostView> &result, int limit,
                                const QDateTime &databaseUpdate) const;
    QByteArray help(const QDateTime &databaseUpdate) const;
    // RFC 9083 6: errorCode, title, description.
    static QByteArray error(int status, const QString &description);

    // RFC 8056 section 2: the RDAP status for an EPP status or RGP state ("clientHold" -> "client
    // hold", "ok" -> "active"); unknown values are spelt out the same way.
    static QString rdapStatus(const QString &eppStatus);
    static QString rfc3339(const QDateTime &time);
    static const char *httpReason(int status);

    const QString &baseUrl() const { return m_baseUrl; }

private:
    QString m_baseUrl;
    QString m_port43;
};

} // namespace reg::rdap
