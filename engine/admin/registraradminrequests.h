#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QHostAddress>
#include <QString>

#include <optional>

namespace reg::admin {

// Decoders for the registrar administration endpoints (POST/PATCH/DELETE under
// /api/v1/registry/registrars, docs/management-api.md). Hostile input: JSON shape, every field's
// type, range and length are checked, unknown fields are refused, and the message says what to
// send instead. Pure functions, any thread.
namespace RegistrarAdminRequests {

constexpr qsizetype maxCertificateBytes = 16 * 1024;   // a PEM certificate is 1-4 KiB; chains are not accepted
constexpr qint64 maxMoneyCents = qint64(1) << 50;       // far above any real amount, exact in a JSON double
constexpr qsizetype maxDescriptionLength = 200;
constexpr qsizetype maxWhoisServerLength = 253;        // a host name (RFC 1035 2.3.4)
constexpr qsizetype maxWebWhoisUrlLength = 255;
constexpr qsizetype maxRdapBaseUrlLength = 255;

struct CreateRegistrar
{
    QString id;                        // EPP clIDType: 3-16 characters
    QString name;
    std::optional<qint64> ianaId;
    QString email;
    QString phone;
    QString url;
    QString whoisServer;               // its own port-43 server: a host name, or empty
    QString webWhoisUrl;               // its web Whois: an https:// or http:// URL, or empty
    QString rdapBaseUrl;               // its own RDAP service: an https:// URL without query or fragment, or empty
    qint64 creditLimitCents = 0;
    qint64 lowBalanceCents = 0;
};

struct Payment
{
    qint64 amountCents = 0;
    QString description;
};

struct AccountUpdate
{
    std::optional<qint64> creditLimitCents;
    std::optional<qint64> lowBalanceCents;
    std::optional<QString> whoisServer;   // set; empty removes it
    std::optional<QString> webWhoisUrl;
    std::optional<QString> rdapBaseUrl;
};

Result<CreateRegistrar> parseCreateRegistrar(const QByteArray &body);
// {"userId": "..."}: 3-16 characters of A-Z, a-z, 0-9, '.', '_', '-' (EPP clIDType, as registrar logins).
Result<QString> parseRegistrarUser(const QByteArray &body);
// A path segment naming a registrar (clIDType, same characters as the id on create).
Result<QString> parseRegistrarId(const QString &segment);
Result<QString> parseRegistrarUserId(const QString &segment);
// One PEM certificate, as the body itself (application/x-pem-file) or as JSON {"pem": "..."}.
Result<QByteArray> parseCertificate(const QByteArray &contentType, const QByteArray &body);
bool isPemContentType(const QByteArray &contentType);
// {"address": "192.0.2.1"}: one IPv4 or IPv6 address; ranges ("10.0.0.0/8") are refused (seed 000).
Result<QHostAddress> parseAddress(const QByteArray &body);
Result<Payment> parsePayment(const QByteArray &body);
// At least one of creditLimitCents, lowBalanceCents, whoisServer, webWhoisUrl, rdapBaseUrl.
Result<AccountUpdate> parseAccountUpdate(const QByteArray &body);

} // namespace RegistrarAdminRequests
} // namespace reg::admin
