#include "apiresponse.h"

#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QMetaEnum>

namespace reg::admin {

ApiResponse ApiResponse::json(const QJsonObject &object, int status)
{
    ApiResponse r;
    r.status = status;
    r.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return r;
}

ApiResponse ApiResponse::noContent()
{
    ApiResponse r;
    r.status = 204;
    r.contentType.clear();
    return r;
}

ApiResponse ApiResponse::text(const QByteArray &body, const QByteArray &contentType)
{
    ApiResponse r;
    r.body = body;
    r.contentType = contentType;
    return r;
}

ApiResponse ApiResponse::error(int status, const QByteArray &code, const QString &message, const HttpHeaders &headers)
{
    ApiResponse r = json(QJsonObject{{QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), QString::fromLatin1(code)},
                                                                           {QStringLiteral("message"), message}}}},
                         status);
    r.headers = headers;
    r.errorCode = code;
    return r;
}

ApiResponse ApiResponse::badRequest(const QString &message)
{
    return error(400, "bad_request", message);
}

ApiResponse ApiResponse::unauthenticated(const QString &message)
{
    return error(401, "unauthenticated", message, {{"WWW-Authenticate", "Bearer"}});
}

ApiResponse ApiResponse::tokenExpired()
{
    return error(401, "token_expired", QStringLiteral("the token has expired; log in again"),
                 {{"WWW-Authenticate", "Bearer error=\"invalid_token\""}});
}

ApiResponse ApiResponse::invalidCredentials()
{
    return error(401, "invalid_credentials", QStringLiteral("wrong user name or password"), {{"WWW-Authenticate", "Bearer"}});
}

ApiResponse ApiResponse::accountLocked(const QDateTime &until)
{
    return error(403, "account_locked",
                 QStringLiteral("the account is locked after repeated failed logins until %1; an administrator can unlock it")
                     .arg(isoTime(until)));
}

ApiResponse ApiResponse::forbidden(const QString &message)
{
    return error(403, "forbidden", message);
}

ApiResponse ApiResponse::notFound()
{
    return error(404, "not_found", QStringLiteral("no such endpoint; see docs/management-api.md"));
}

ApiResponse ApiResponse::methodNotAllowed(const QByteArray &allowed)
{
    return error(405, "method_not_allowed", QStringLiteral("this endpoint accepts only %1").arg(QString::fromLatin1(allowed)),
                 {{"Allow", allowed}});
}

ApiResponse ApiResponse::payloadTooLarge(qint64 maxBody)
{
    return error(413, "payload_too_large", QStringLiteral("the request body is larger than the limit of %1 bytes").arg(maxBody));
}

ApiResponse ApiResponse::unsupportedMediaType()
{
    return error(415, "unsupported_media_type", QStringLiteral("the body must be sent as Content-Type: application/json"));
}

ApiResponse ApiResponse::unavailable(const QString &message)
{
    return error(503, "unavailable", message);
}

ApiResponse ApiResponse::fromError(const Error &e)
{
    switch (e.code) {
    case ErrorCode::InvalidInput: return badRequest(e.message);
    case ErrorCode::NotFound: return error(404, "not_found", e.message);
    case ErrorCode::Conflict: return error(409, "conflict", e.message);
    case ErrorCode::Unauthenticated: return unauthenticated(e.message);
    case ErrorCode::Forbidden: return forbidden(e.message);
    case ErrorCode::Locked: return error(403, "account_locked", e.message);
    case ErrorCode::TooLarge: return error(413, "payload_too_large", e.message);
    case ErrorCode::Unavailable: return unavailable(e.message);
    case ErrorCode::Timeout: return error(504, "timeout", e.message);
    case ErrorCode::Corrupt: return error(500, "corrupt", QStringLiteral("stored data failed an integrity check; see the engine log"));
    case ErrorCode::Internal: break;
    }
    return error(500, "internal", QStringLiteral("internal error; see the engine log"));
}

QString isoTime(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

QJsonValue isoTimeOrNull(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(isoTime(time)) : QJsonValue(QJsonValue::Null);
}

QByteArray rawClosingResponse(const ApiResponse &response)
{
    const QByteArray reason = QMetaEnum::fromType<QHttpServerResponder::StatusCode>().valueToKey(response.status);
    QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + (reason.isEmpty() ? QByteArray("Error") : reason) + "\r\n";
    if (!response.contentType.isEmpty())
        out += "Content-Type: " + response.contentType + "\r\n";
    out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    for (const auto &[name, value] : response.headers)
        out += name + ": " + value + "\r\n";
    out += "Cache-Control: no-store\r\nConnection: close\r\n\r\n";
    out += response.body;
    return out;
}

} // namespace reg::admin
