#include "registrarcredentials.h"

#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>

namespace reg::xrpclient {
namespace {

Result<QByteArray> readSmallFile(const QString &path, qint64 maxBytes)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error(ErrorCode::InvalidInput, QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    QByteArray content = file.read(maxBytes + 1);
    if (content.size() > maxBytes)
        return Error(ErrorCode::TooLarge, QStringLiteral("%1 is larger than %2 bytes").arg(path).arg(maxBytes));
    return content;
}

} // namespace

Result<RegistrarCredentials> RegistrarCredentials::parse(const QByteArray &content, const QString &sourceName)
{
    RegistrarCredentials credentials;
    bool haveUser = false;
    bool havePassword = false;
    const QList<QByteArray> lines = content.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QByteArray line = lines[i];
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.trimmed().isEmpty() || line.trimmed().startsWith('#'))
            continue;
        const qsizetype eq = line.indexOf('=');
        if (eq <= 0)
            return Error(ErrorCode::InvalidInput, QStringLiteral("%1 line %2: expected key=value").arg(sourceName).arg(i + 1));
        const QByteArray key = line.first(eq).trimmed();
        // The value is taken as written: a password may begin or end with spaces.
        const QString value = QString::fromUtf8(line.sliced(eq + 1));
        bool *seen = key == "user" ? &haveUser : key == "password" ? &havePassword : nullptr;
        if (!seen)
            continue;
        if (*seen)
            return Error(ErrorCode::InvalidInput, QStringLiteral("%1 line %2: %3 is given twice").arg(sourceName).arg(i + 1).arg(QString::fromLatin1(key)));
        *seen = true;
        (key == "user" ? credentials.user : credentials.password) = value;
    }
    if (!haveUser || credentials.user.trimmed().isEmpty())
        return Error(ErrorCode::InvalidInput, QStringLiteral("%1 has no user= line").arg(sourceName));
    if (!havePassword || credentials.password.isEmpty())
        return Error(ErrorCode::InvalidInput, QStringLiteral("%1 has no password= line").arg(sourceName));
    credentials.user = credentials.user.trimmed();
    return credentials;
}

Result<RegistrarCredentials> RegistrarCredentials::readFile(const QString &path)
{
    Result<QByteArray> content = readSmallFile(path, MaxFileBytes);
    if (!content)
        return content.error();
    return parse(*content, path);
}

Result<QString> RegistrarCredentials::readPasswordFile(const QString &path)
{
    Result<QByteArray> content = readSmallFile(path, MaxFileBytes);
    if (!content)
        return content.error();
    QByteArray line = content->left(content->indexOf('\n') < 0 ? content->size() : content->indexOf('\n'));
    if (line.endsWith('\r'))
        line.chop(1);
    if (line.isEmpty())
        return Error(ErrorCode::InvalidInput, QStringLiteral("%1: the first line (the password) is empty").arg(path));
    return QString::fromUtf8(line);
}

Result<ServiceAddress> ServiceAddress::parse(const QString &text)
{
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon <= 0)
        return Error(ErrorCode::InvalidInput, QStringLiteral("\"%1\" is not host:port").arg(text.left(64)));
    QString host = text.first(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint port = text.sliced(colon + 1).toUInt(&ok);
    if (!ok || port == 0 || port > 65535)
        return Error(ErrorCode::InvalidInput, QStringLiteral("\"%1\" has no valid port").arg(text.left(64)));
    const QHostAddress address(host);
    if (address == QHostAddress::AnyIPv4)
        host = QStringLiteral("127.0.0.1");
    else if (address == QHostAddress::AnyIPv6 || address == QHostAddress::Any)
        host = QStringLiteral("::1");
    return ServiceAddress{host, quint16(port)};
}

Result<ServiceAddress> ServiceAddress::fromReadyFile(const QString &dataDir, const QString &service)
{
    const QString path = QDir(dataDir).filePath(QStringLiteral("run/ready.json"));
    Result<QByteArray> content = readSmallFile(path, 64 * 1024);
    if (!content)
        return content.error().withContext(QStringLiteral("is registryd running? "));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(*content, &error);
    if (!doc.isObject())
        return Error(ErrorCode::InvalidInput, QStringLiteral("%1 is not a JSON object: %2").arg(path, error.errorString()));
    const QJsonValue value = doc.object().value(QStringLiteral("services")).toObject().value(service);
    if (!value.isString())
        return Error(ErrorCode::NotFound, QStringLiteral("%1 names no \"%2\" service: the engine does not run it").arg(path, service));
    Result<ServiceAddress> address = parse(value.toString());
    if (!address)
        return address.error().withContext(path + QStringLiteral(": "));
    return address;
}

} // namespace reg::xrpclient
