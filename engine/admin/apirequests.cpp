#include "apirequests.h"

#include "useraccounts.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QSet>
#include <QUrlQuery>

namespace reg::admin::ApiRequests {
namespace {

Error invalid(const QString &message)
{
    return Error(ErrorCode::InvalidInput, message);
}


Result<QString> stringField(const QJsonObject &object, const QString &name, qsizetype maxLength)
{
    const QJsonValue value = object.value(name);
    if (value.isUndefined())
        return invalid(QStringLiteral("the field \"%1\" is missing").arg(name));
    if (!value.isString())
        return invalid(QStringLiteral("the field \"%1\" must be a string").arg(name));
    const QString text = value.toString();
    if (text.isEmpty())
        return invalid(QStringLiteral("the field \"%1\" must not be empty").arg(name));
    if (text.size() > maxLength)
        return invalid(QStringLiteral("the field \"%1\" is longer than %2 characters").arg(name).arg(maxLength));
    return text;
}

Result<QString> userNameField(const QJsonObject &object, const QString &name)
{
    Result<QString> text = stringField(object, name, UserAccounts::maxNameLength);
    if (!text)
        return text;
    if (auto r = UserAccounts::validateName(*text); !r)
        return r.error().withContext(QStringLiteral("the field \"%1\": ").arg(name));
    return text;
}

} // namespace

Result<QJsonObject> parseJsonObject(const QByteArray &body, const QSet<QString> &allowed)
{
    if (body.trimmed().isEmpty())
        return invalid(QStringLiteral("the request needs a JSON object body"));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return invalid(QStringLiteral("the body is not valid JSON: %1 at offset %2").arg(error.errorString()).arg(error.offset));
    if (!doc.isObject())
        return invalid(QStringLiteral("the body must be a JSON object"));
    const QJsonObject object = doc.object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!allowed.contains(it.key()))
            return invalid(QStringLiteral("unknown field \"%1\"").arg(it.key().left(64)));
    }
    return object;
}

bool isJsonContentType(const QByteArray &contentType)
{
    const QList<QByteArray> parts = contentType.split(';');
    if (parts.first().trimmed().toLower() != "application/json")
        return false;
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const QByteArray parameter = parts[i].trimmed().toLower();
        if (parameter.isEmpty())
            continue;
        if (parameter != "charset=utf-8" && parameter != "charset=\"utf-8\"")
            return false;
    }
    return true;
}

Result<Login> parseLogin(const QByteArray &body)
{
    Result<QJsonObject> object = parseJsonObject(body, {QStringLiteral("user"), QStringLiteral("password")});
    if (!object)
        return object.error();
    Result<QString> user = userNameField(*object, QStringLiteral("user"));
    if (!user)
        return user.error();
    Result<QString> password = stringField(*object, QStringLiteral("password"), maxPasswordLength);
    if (!password)
        return password.error();
    return Login{*user, *password};
}

Result<CreateUser> parseCreateUser(const QByteArray &body)
{
    Result<QJsonObject> object = parseJsonObject(body, {QStringLiteral("name"), QStringLiteral("password"), QStringLiteral("roles")});
    if (!object)
        return object.error();
    Result<QString> name = userNameField(*object, QStringLiteral("name"));
    if (!name)
        return name.error();
    Result<QString> password = stringField(*object, QStringLiteral("password"), maxPasswordLength);
    if (!password)
        return password.error();
    const QJsonValue rolesValue = object->value(QStringLiteral("roles"));
    if (rolesValue.isUndefined())
        return invalid(QStringLiteral("the field \"roles\" is missing"));
    if (!rolesValue.isArray())
        return invalid(QStringLiteral("the field \"roles\" must be an array of role names"));
    const QJsonArray rolesArray = rolesValue.toArray();
    if (rolesArray.isEmpty())
        return invalid(QStringLiteral("the field \"roles\" needs at least one role"));
    if (rolesArray.size() > allRoles().size())
        return invalid(QStringLiteral("the field \"roles\" lists more roles than exist"));
    QList<Role> roles;
    for (const QJsonValue &v : rolesArray) {
        if (!v.isString())
            return invalid(QStringLiteral("the field \"roles\" must contain only strings"));
        const std::optional<Role> role = parseRole(v.toString());
        if (!role)
            return invalid(QStringLiteral("unknown role \"%1\"; known roles: %2")
                               .arg(v.toString().left(64), roleNames(allRoles()).join(QStringLiteral(", "))));
        if (roles.contains(*role))
            return invalid(QStringLiteral("the role \"%1\" is listed twice").arg(roleName(*role)));
        roles.append(*role);
    }
    return CreateUser{*name, *password, roles};
}

Result<PasswordChange> parsePasswordChange(const QByteArray &body)
{
    Result<QJsonObject> object = parseJsonObject(body, {QStringLiteral("oldPassword"), QStringLiteral("newPassword")});
    if (!object)
        return object.error();
    Result<QString> oldPassword = stringField(*object, QStringLiteral("oldPassword"), maxPasswordLength);
    if (!oldPassword)
        return oldPassword.error();
    Result<QString> newPassword = stringField(*object, QStringLiteral("newPassword"), maxPasswordLength);
    if (!newPassword)
        return newPassword.error();
    return PasswordChange{*oldPassword, *newPassword};
}

Result<JournalQuery> parseJournalQuery(const QUrlQuery &query)
{
    JournalQuery result;
    const auto items = query.queryItems(QUrl::FullyDecoded);
    QSet<QString> seen;
    for (const auto &[key, value] : items) {
        if (seen.contains(key))
            return invalid(QStringLiteral("the parameter \"%1\" is given twice").arg(key.left(64)));
        seen.insert(key);
        bool ok = false;
        if (key == u"from") {
            const qint64 from = value.toLongLong(&ok);
            if (!ok || from < 1)
                return invalid(QStringLiteral("\"from\" must be a sequence number of 1 or more"));
            result.from = from;
        } else if (key == u"limit") {
            const int limit = value.toInt(&ok);
            if (!ok || limit < 1 || limit > maxJournalLimit)
                return invalid(QStringLiteral("\"limit\" must be a number from 1 to %1").arg(maxJournalLimit));
            result.limit = limit;
        } else {
            return invalid(QStringLiteral("unknown parameter \"%1\"; expected \"from\" and \"limit\"").arg(key.left(64)));
        }
    }
    return result;
}

Result<void> parseEmpty(const QByteArray &body)
{
    if (body.trimmed().isEmpty())
        return success();
    Result<QJsonObject> object = parseJsonObject(body, {});
    if (!object)
        return object.error();
    return success();
}

} // namespace reg::admin::ApiRequests
