#pragma once

#include "whoiswriter.h"

namespace reg::whois {

// The XWP form of Whois answers (seed 001's "eXtensible Whois Protocol"): the same content as the
// text form as XML in the namespace xwpNamespace, valid against resources/whois/xwp-1.0.xsd.
// Withheld contact details are left out and the contact's privacy attribute says which level
// applies; custom fields are <additional><custom name="..." value="..."/></additional>.
// Stateless; thread-safe.
class WhoisXmlWriter final : public WhoisWriter
{
public:
    static constexpr const char xwpNamespace[] = "urn:registry:params:xml:ns:xwp-1.0";

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
};

} // namespace reg::whois
