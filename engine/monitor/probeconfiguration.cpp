#include "monitor/probeconfiguration.h"

#include "xrpclient/registrarcredentials.h"

#include <QFile>

#include <sys/stat.h>

namespace reg::monitor {
namespace {

ProbeTarget makeTarget(const ProbesConfig &config, ProbeService service, const QString &site, QHostAddress address, quint16 port)
{
    if (address == QHostAddress::AnyIPv4)
        address = QHostAddress(QHostAddress::LocalHost);
    else if (address == QHostAddress::AnyIPv6 || address == QHostAddress::Any)
        address = QHostAddress(QHostAddress::LocalHostIPv6);
    ProbeTarget target;
    target.service = service;
    target.site = site;
    target.host = address.toString();
    target.port = port;
    target.intervalMs = int(config.intervalSecs * 1000);
    target.timeoutMs = int(config.timeoutSecs * 1000);
    return target;
}

} // namespace

QList<ProbeTarget> probeTargets(const ProbesConfig &config, const QString &siteName, const QList<LocalService> &local)
{
    QList<ProbeTarget> targets;
    if (config.probeLocal) {
        for (const LocalService &service : local) {
            if (service.name == u"dns") {
                targets << makeTarget(config, ProbeService::DnsUdp, siteName, service.address, service.port)
                        << makeTarget(config, ProbeService::DnsTcp, siteName, service.address, service.port);
            } else if (std::optional<ProbeService> s = parseProbeService(service.name)) {
                targets << makeTarget(config, *s, siteName, service.address, service.port);
            }
        }
    }
    for (const ProbeTargetConfig &t : config.targets) {
        if (std::optional<ProbeService> s = parseProbeService(t.service))
            targets << makeTarget(config, *s, t.site, t.address.address, t.address.port);
    }
    return targets;
}

Result<QString> readProbePassword(const QString &path)
{
    struct stat st;
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return Error(ErrorCode::NotFound, QStringLiteral("the probe password file %1 does not exist or cannot be read").arg(path));
    if (!S_ISREG(st.st_mode))
        return Error(ErrorCode::InvalidInput, QStringLiteral("the probe password file %1 is not a regular file").arg(path));
    if ((st.st_mode & 077) != 0)
        return Error(ErrorCode::InvalidInput, QStringLiteral("the probe password file %1 is accessible to group or others (mode %2); it must be 0600")
                                                  .arg(path, QString::number(st.st_mode & 0777, 8)));
    return xrpclient::RegistrarCredentials::readPasswordFile(path);
}

Result<ProbeSettings> probeSettings(const ProbesConfig &config, const QStringList &zones)
{
    ProbeSettings settings;
    settings.registrarId = config.registrarId;
    if (!config.passwordFile.isEmpty()) {
        Result<QString> password = readProbePassword(config.passwordFile);
        if (!password)
            return password.error();
        settings.password = *password;
    }
    settings.clientCertificateFile = config.certificateFile;
    settings.clientKeyFile = config.keyFile;
    settings.caFile = config.caFile;
    settings.domain = config.domain;
    settings.zones = zones;
    return settings;
}

} // namespace reg::monitor
