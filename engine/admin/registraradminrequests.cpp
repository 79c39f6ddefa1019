#include "registraradminrequests.h"

#include "apirequests.h"

#include "srs/domainname.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

#include <cmath>

namespace reg::admin::RegistrarAdminRequests {
namespace {

Error invalid(const QString &message)
{
    return Error(ErrorCode::InvalidInput, message);
}


// Printable text without control characters; empty allowed only for optional fields.
Result<QString> textField(const QJsonObject &object, const QString &name, qsizetype maxLength, bool required)
{
    const QJsonValue value = object.value(name);
    if (value.isUndefined()) {
        if (required)
            return invalid(QStringLiteral("the field \"%1\" is missing").arg(name));
        return QString();
    }
    if (!value.isString())
        return invalid(QStringLiteral("the field \"%1\" must be a string").arg(name));
    const QString text = value.toString();
    if (required && text.trimmed().isEmpty())
        return invalid(QStringLiteral("the field \"%1\" must not be empty").arg(name));
    if (text.size() > maxLength)
        return invalid(QStringLiteral("the field \"%1\" is longer than %2 characters").arg(name).arg(maxLength));
    for (QChar c : text) {
        if (c.category() == QChar::Other_Control)
            return invalid(QStringLiteral("the field \"%1\" contains a control character").arg(name));
    }
    return text;
}

// A whole number in [minimum, maximum]; JSON numbers are doubles, so fractions and huge values are refused.
Result<std::optional<qint64>> integerField(const QJsonObject &object, const QString &name, qint64 minimum, qint64 maximum)
{
    const QJsonValue value = object.value(name);
    if (value.isUndefined())
        return std::optional<qint64>();
    if (!value.isDouble())
        return invalid(QStringLiteral("the field \"%1\" must be a number").arg(name));
    const double d = value.toDouble();
    if (!std::isfinite(d) || d != std::floor(d) || d < double(minimum) || d > double(maximum))
        return invalid(QStringLiteral("the field \"%1\" must be a whole number from %2 to %3").arg(name).arg(minimum).arg(maximum));
    return std::optional<qint64>(qint64(d));
}

// EPP clIDType: a token of 3-16 characters; we also keep it to characters safe in paths and logs.
Result<QString> clientId(const QString &text, const QString &what)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9._-]{3,16}$"));
    if (!pattern.match(text).hasMatch())
        return invalid(QStringLiteral("%1 must be 3 to 16 characters of A-Z, a-z, 0-9, '.', '_' and '-'").arg(what));
    return text;
}

// Whois and RDAP publish these two (seed 001): a host name for port 43, a web address.
Result<std::optional<QString>> whoisServerField(const QJsonObject &object)
{
    const QString name = QStringLiteral("whoisServer");
    if (object.value(name).isUndefined())
        return std::optional<QString>();
    Result<QString> text = textField(object, name, maxWhoisServerLength, false);
    if (!text)
        return text.error();
    if (text->isEmpty())
        return std::optional<QString>(QString());
    Result<srs::HostName> host = srs::HostName::parse(*text);
    if (!host)
        return invalid(QStringLiteral("the field \"whoisServer\" must be a host name such as whois.registrar.example (%1)")
                           .arg(host.error().message));
    return std::optional<QString>(host->toString());
}

// A web address Whois and RDAP publish: absent (nullopt), empty (remove it), or a URL with a host
// and no credentials; `base`: also no query or fragment, since paths are appended to it.
struct UrlRule
{
    const char *name;
    qsizetype maxLength;
    bool httpAllowed;
    bool base;
    const char *description;       // the message's "must be ..." part
};

Result<std::optional<QString>> urlField(const QJsonObject &object, const UrlRule &rule)
{
    const QString name = QLatin1StringView(rule.name);
    if (object.value(name).isUndefined())
        return std::optional<QString>();
    Result<QString> text = textField(object, name, rule.maxLength, false);
    if (!text)
        return text.error();
    if (text->isEmpty())
        return std::optional<QString>(QString());
    const QUrl url(*text, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != u"https" && !(rule.httpAllowed && url.scheme() == u"http")) || url.host().isEmpty()
        || !url.userInfo().isEmpty() || text->contains(u' ') || (rule.base && (url.hasQuery() || url.hasFragment())))
        return invalid(QStringLiteral("the field \"%1\" must be %2").arg(name, QLatin1StringView(rule.description)));
    return std::optional<QString>(*text);
}

Result<std::optional<QString>> webWhoisUrlField(const QJsonObject &object)
{
    return urlField(object, {"webWhoisUrl", maxWebWhoisUrlLength, true, false,
                             "an https:// or http:// address such as https://registrar.example/whois"});
}

// RDAP is HTTPS only (RFC 7481 3); "domain/<name>" is appended to it.
Result<std::optional<QString>> rdapBaseUrlField(const QJsonObject &object)
{
    return urlField(object, {"rdapBaseUrl", maxRdapBaseUrlLength, false, true,
                             "an https:// address without query or fragment such as https://rdap.registrar.example/"});
}

} // namespace

Result<CreateRegistrar> parseCreateRegistrar(const QByteArray &body)
{
    Result<QJsonObject> object = ApiRequests::parseJsonObject(body, {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("ianaId"),
                                                    QStringLiteral("email"), QStringLiteral("phone"), QStringLiteral("url"),
                                                    QStringLiteral("creditLimitCents"), QStringLiteral("lowBalanceCents"),
                                                    QStringLiteral("whoisServer"), QStringLiteral("webWhoisUrl"),
                                                    QStringLiteral("rdapBaseUrl")});
    if (!object)
        return object.error();
    CreateRegistrar r;
    Result<QString> id = textField(*object, QStringLiteral("id"), 16, true);
    if (!id)
        return id.error();
    Result<QString> checkedId = clientId(*id, QStringLiteral("the field \"id\""));
    if (!checkedId)
        return checkedId.error();
    r.id = *checkedId;
    Result<QString> name = textField(*object, QStringLiteral("name"), 255, true);
    if (!name)
        return name.error();
    r.name = name->trimmed();
    Result<QString> email = textField(*object, QStringLiteral("email"), 254, true);
    if (!email)
        return email.error();
    static const QRegularExpression emailPattern(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    if (!emailPattern.match(*email).hasMatch())
        return invalid(QStringLiteral("the field \"email\" must be an e-mail address (name@example.net)"));
    r.email = *email;
    Result<QString> phone = textField(*object, QStringLiteral("phone"), 17, false);   // EPP e164: +CC.NUMBER
    if (!phone)
        return phone.error();
    static const QRegularExpression phonePattern(QStringLiteral("^(\\+[0-9]{1,3}\\.[0-9]{1,14})?$"));
    if (!phonePattern.match(*phone).hasMatch())
        return invalid(QStringLiteral("the field \"phone\" must be in EPP form, e.g. +1.7035555555"));
    r.phone = *phone;
    Result<QString> url = textField(*object, QStringLiteral("url"), 255, false);
    if (!url)
        return url.error();
    if (!url->isEmpty() && !url->startsWith(u"https://") && !url->startsWith(u"http://"))
        return invalid(QStringLiteral("the field \"url\" must start with https:// or http://"));
    r.url = *url;
    Result<std::optional<QString>> whoisServer = whoisServerField(*object);
    if (!whoisServer)
        return whoisServer.error();
    r.whoisServer = whoisServer->value_or(QString());
    Result<std::optional<QString>> webWhoisUrl = webWhoisUrlField(*object);
    if (!webWhoisUrl)
        return webWhoisUrl.error();
    r.webWhoisUrl = webWhoisUrl->value_or(QString());
    Result<std::optional<QString>> rdapBaseUrl = rdapBaseUrlField(*object);
    if (!rdapBaseUrl)
        return rdapBaseUrl.error();
    r.rdapBaseUrl = rdapBaseUrl->value_or(QString());
    Result<std::optional<qint64>> iana = integerField(*object, QStringLiteral("ianaId"), 1, 999999999);
    if (!iana)
        return iana.error();
    r.ianaId = *iana;
    Result<std::optional<qint64>> credit = integerField(*object, QStringLiteral("creditLimitCents"), 0, maxMoneyCents);
    if (!credit)
        return credit.error();
    r.creditLimitCents = credit->value_or(0);
    Result<std::optional<qint64>> low = integerField(*object, QStringLiteral("lowBalanceCents"), 0, maxMoneyCents);
    if (!low)
        return low.error();
    r.lowBalanceCents = low->value_or(0);
    return r;
}

Result<QString> parseRegistrarUser(const QByteArray &body)
{
    Result<QJsonObject> object = ApiRequests::parseJsonObject(body, {QStringLiteral("userId")});
    if (!object)
        return object.error();
    Result<QString> userId = textField(*object, QStringLiteral("userId"), 16, true);
    if (!userId)
        return userId.error();
    return clientId(*userId, QStringLiteral("the field \"userId\""));
}

Result<QString> parseRegistrarId(const QString &segment)
{
    return clientId(segment, QStringLiteral("a registrar id"));
}

Result<QString> parseRegistrarUserId(const QString &segment)
{
    return clientId(segment, QStringLiteral("a registrar user id"));
}

bool isPemContentType(const QByteArray &contentType)
{
    const QByteArray type = contentType.split(';').first().trimmed().toLower();
    return type == "application/x-pem-file" || type == "application/pem-certificate-chain";
}

Result<QByteArray> parseCertificate(const QByteArray &contentType, const QByteArray &body)
{
    if (body.size() > maxCertificateBytes)
        return Error(ErrorCode::TooLarge, QStringLiteral("a certificate is at most %1 bytes of PEM").arg(maxCertificateBytes));
    QByteArray pem = body;
    if (!isPemContentType(contentType)) {
        Result<QJsonObject> object = ApiRequests::parseJsonObject(body, {QStringLiteral("pem")});
        if (!object)
            return object.error();
        // Not textField(): PEM is lines; what is between the markers is checked by the certificate parser.
        const QJsonValue value = object->value(QStringLiteral("pem"));
        if (!value.isString())
            return invalid(QStringLiteral("the field \"pem\" must be a string holding one PEM certificate"));
        pem = value.toString().toUtf8();
    }
    constexpr QByteArrayView begin("-----BEGIN CERTIFICATE-----");
    const QByteArray trimmed = pem.trimmed();
    if (!trimmed.startsWith(begin) || !trimmed.endsWith("-----END CERTIFICATE-----"))
        return invalid(QStringLiteral("send one PEM certificate (-----BEGIN CERTIFICATE----- ... -----END CERTIFICATE-----), no key"));
    if (trimmed.indexOf(begin, 1) >= 0)
        return invalid(QStringLiteral("send one certificate at a time, not a chain"));
    return QByteArray(trimmed + '\n');
}

Result<QHostAddress> parseAddress(const QByteArray &body)
{
    Result<QJsonObject> object = ApiRequests::parseJsonObject(body, {QStringLiteral("address")});
    if (!object)
        return object.error();
    Result<QString> text = textField(*object, QStringLiteral("address"), 64, true);
    if (!text)
        return text.error();
    if (text->contains(u'/') || text->contains(u'-') || text->contains(u'*'))
        return invalid(QStringLiteral("list single addresses only, never a range (\"%1\")").arg(*text));
    QHostAddress address;
    if (text->contains(u'%') || !address.setAddress(*text))
        return invalid(QStringLiteral("\"%1\" is not an IPv4 or IPv6 address").arg(*text));
    return address;
}

Result<Payment> parsePayment(const QByteArray &body)
{
    Result<QJsonObject> object = ApiRequests::parseJsonObject(body, {QStringLiteral("amountCents"), QStringLiteral("description")});
    if (!object)
        return object.error();
    Result<std::optional<qint64>> amount = integerField(*object, QStringLiteral("amountCents"), 1, maxMoneyCents);
    if (!amount)
        return amount.error();
    if (!*amount)
        return invalid(QStringLiteral("the field \"amountCents\" is missing"));
    Result<QString> description = textField(*object, QStringLiteral("description"), maxDescriptionLength, true);
    if (!description)
        return description.error();
    return Payment{**amount, description->trimmed()};
}

Result<AccountUpdate> parseAccountUpdate(const QByteArray &body)
{
    Result<QJsonObject> object = ApiRequests::parseJsonObject(body, {QStringLiteral("creditLimitCents"), QStringLiteral("lowBalanceCents"),
                                                                     QStringLiteral("whoisServer"), QStringLiteral("webWhoisUrl"),
                                                                     QStringLiteral("rdapBaseUrl")});
    if (!object)
        return object.error();
    Result<std::optional<qint64>> credit = integerField(*object, QStringLiteral("creditLimitCents"), 0, maxMoneyCents);
    if (!credit)
        return credit.error();
    Result<std::optional<qint64>> low = integerField(*object, QStringLiteral("lowBalanceCents"), 0, maxMoneyCents);
    if (!low)
        return low.error();
    Result<std::optional<QString>> whoisServer = whoisServerField(*object);
    if (!whoisServer)
        return whoisServer.error();
    Result<std::optional<QString>> webWhoisUrl = webWhoisUrlField(*object);
    if (!webWhoisUrl)
        return webWhoisUrl.error();
    Result<std::optional<QString>> rdapBaseUrl = rdapBaseUrlField(*object);
    if (!rdapBaseUrl)
        return rdapBaseUrl.error();
    if (!*credit && !*low && !*whoisServer && !*webWhoisUrl && !*rdapBaseUrl)
        return invalid(QStringLiteral("send at least one of creditLimitCents, lowBalanceCents, whoisServer, webWhoisUrl, rdapBaseUrl"));
    return AccountUpdate{*credit, *low, *whoisServer, *webWhoisUrl, *rdapBaseUrl};
}

} // namespace reg::admin::RegistrarAdminRequests
