#pragma once

#include "role.h"

#include "core/result.h"

#include <QByteArray>
#include <QList>
#include <QJsonObject>
#include <QSet>
#include <QString>

class QUrlQuery;

namespace reg::admin {

// Decoders for management request bodies and query strings. Everything here is hostile input:
// each decoder checks the JSON shape, every field's type and length, and rejects unknown fields,
// returning InvalidInput with a message a client developer can act on. Pure functions, any thread;
// fuzzed by tests/fuzz/fuzz_managementrequest.cpp.
namespace ApiRequests {

constexpr qsizetype maxPasswordLength = 1024;   // anything longer cannot be a valid password
constexpr int maxJournalLimit = 1000;
constexpr int defaultJournalLimit = 100;

struct Login
{
    QString user;
    QString password;
};

struct CreateUser
{
    QString name;
    QString password;
    QList<Role> roles;
};

struct PasswordChange
{
    QString oldPassword;
    QString newPassword;
};

struct JournalQuery
{
    qint64 from = 1;
    int limit = defaultJournalLimit;
};

// A JSON object body with only the `allowed` fields; InvalidInput naming what is wrong otherwise.
Result<QJsonObject> parseJsonObject(const QByteArray &body, const QSet<QString> &allowed);

Result<Login> parseLogin(const QByteArray &body);
Result<CreateUser> parseCreateUser(const QByteArray &body);
Result<PasswordChange> parsePasswordChange(const QByteArray &body);
Result<JournalQuery> parseJournalQuery(const QUrlQuery &query);
// Logout and unlock take no body; an empty body or "{}" is accepted.
Result<void> parseEmpty(const QByteArray &body);

// True for "application/json" with an optional "charset=utf-8" parameter.
bool isJsonContentType(const QByteArray &contentType);

} // namespace ApiRequests
} // namespace reg::admin
