#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

namespace reg::admin {

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

// One answer of the management API, before it is written to the socket. Errors carry the
// contract's JSON shape {"error": {"code", "message"}} (docs/management-api.md, "Errors").
struct ApiResponse
{
    int status = 200;
    QByteArray contentType = QByteArrayLiteral("application/json; charset=utf-8");
    QByteArray body;
    HttpHeaders headers;
    QByteArray errorCode;   // set for errors; used in the audit trail and metrics

    static ApiResponse json(const QJsonObject &object, int status = 200);
    static ApiResponse noContent();
    static ApiResponse text(const QByteArray &body, const QByteArray &contentType);

    static ApiResponse error(int status, const QByteArray &code, const QString &message, const HttpHeaders &headers = {});
    static ApiResponse badRequest(const QString &message);
    static ApiResponse unauthenticated(const QString &message);
    static ApiResponse tokenExpired();
    static ApiResponse invalidCredentials();
    static ApiResponse accountLocked(const QDateTime &until);
    static ApiResponse forbidden(const QString &message);
    static ApiResponse notFound();
    static ApiResponse methodNotAllowed(const QByteArray &allowed);
    static ApiResponse payloadTooLarge(qint64 maxBody);
    static ApiResponse unsupportedMediaType();
    static ApiResponse unavailable(const QString &message);
    // The single mapping from engine error codes to HTTP statuses and API error codes. Internal
    // errors are logged by the caller and answered without detail.
    static ApiResponse fromError(const Error &error);

    bool isError() const { return status >= 400; }
};

// UTC ISO 8601 with milliseconds ("2026-11-21T10:15:30.123Z"); "" for an invalid time.
QString isoTime(const QDateTime &time);
QJsonValue isoTimeOrNull(const QDateTime &time);

// A complete HTTP/1.1 response that closes the connection, for answers given before QHttpServer
// has seen the request (oversized heads and bodies).
QByteArray rawClosingResponse(const ApiResponse &response);

} // namespace reg::admin
