#pragma once

#include "whoiswriter.h"

namespace reg::whois {

// The text form of Whois answers (docs/whois.md): a header of "% " comment lines with the terms
// of use, then one "Label: value" per line with fixed labels, dates in UTC ISO 8601, custom fields
// under "Additional Information:", and the ">>> Last update of Whois database: ... <<<" footer.
// Lines end with CRLF (RFC 3912). What a contact's privacy level withholds is left out, and a
// "<Role> Privacy: <level>" line says which level applies. Control characters in stored values
// are replaced, so no value can forge a line. Stateless; thread-safe.
class WhoisTextWriter final : public WhoisWriter
{
public:
    QByteArray domain(const directory::DomainView &domain, const WhoisAnswerContext &context) const override;
    QByteArray hosts(const QList<std::shared_ptr<const directory::HostView>> &hosts,
                     const WhoisAnswerContext &context) const override;
    QByteArray registrar(const directory::RegistrarView &registrar, const WhoisAnswerContext &context) const override;
    QByteArray registrars(const QList<directory::RegistrarView> &registrars, const WhoisAnswerContext &context) const override;
    QByteArray help(const WhoisAnswerContext &context) const override;
    QByteArray noMatch(const WhoisQuery &query, const WhoisAnswerContext &context) const override;
    QByteArray temporaryFailure() const override;
    QByteArray rateLimited(const QHostAddress &client, qint64 retryAfterSecs) const override;
    QByteArray invalidQuery(const QString &message) const override;

    // domain() in two parts: what depends on the record only (the service keeps it for records
    // asked again), and the footer with the time of the answer.
    QByteArray domainBody(const directory::DomainView &domain) const;
    QByteArray footer(const WhoisAnswerContext &context) const;
};

} // namespace reg::whois
