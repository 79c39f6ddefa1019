#pragma once

#include "core/result.h"

#include <QString>

namespace reg::xrpclient {

// A registrar user's login: the `credentials` file that `registryd init --demo` writes beside each
// registrar's certificate ("user=" and "password=" lines, mode 0600), or a password file holding
// only the password. The files are local but still checked: size-capped, one value per key.
struct RegistrarCredentials
{
    QString user;
    QString password;

    static constexpr qint64 MaxFileBytes = 64 * 1024;

    // Lines "key=value"; blank lines and lines starting with '#' are skipped, unknown keys ignored
    // (so the file can grow), a repeated key or a missing user or password is an error.
    static Result<RegistrarCredentials> parse(const QByteArray &content, const QString &sourceName);
    static Result<RegistrarCredentials> readFile(const QString &path);
    // The first line of the file, without its line end.
    static Result<QString> readPasswordFile(const QString &path);
};

// Where the engine's XRP port listens, from DIR/run/ready.json ({"services": {"xrp": "127.0.0.1:7000"}}),
// which registryd writes once its services run. A wildcard listen address becomes the loopback.
struct ServiceAddress
{
    QString host;
    quint16 port = 0;

    static Result<ServiceAddress> fromReadyFile(const QString &dataDir, const QString &service);
    static Result<ServiceAddress> parse(const QString &text);   // "host:port" or "[v6]:port"
};

} // namespace reg::xrpclient
