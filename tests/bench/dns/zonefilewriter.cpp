#include "zonefilewriter.h"

#include <QFile>

namespace reg::bench {

Result<void> writeDelegationZoneFile(const QString &path, const DelegationRegistry &registry, const DnsConfig &dns)
{
    if (dns.apexNameServers.isEmpty())
        return Error(ErrorCode::InvalidInput, QStringLiteral("[dns] nameservers is empty"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return Error(ErrorCode::Internal, QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    const QString apex = registry.tld + u'.';
    const QString inZoneSuffix = u'.' + apex;
    const QString primary = dns.soaPrimary.isEmpty() ? dns.apexNameServers.constFirst().name : dns.soaPrimary;
    QString text = QStringLiteral("$ORIGIN %1\n%1 %2 IN SOA %3. %4. 1 %5 %6 %7 %8\n")
                       .arg(apex).arg(dns.soaTtlSecs).arg(primary, dns.soaContact).arg(dns.soaRefreshSecs).arg(dns.soaRetrySecs)
                       .arg(dns.soaExpireSecs).arg(dns.soaMinimumSecs);
    for (const ApexNameServer &ns : dns.apexNameServers) {
        text += QStringLiteral("%1 %2 IN NS %3.\n").arg(apex).arg(dns.apexNsTtlSecs).arg(ns.name);
        const QString host = ns.name + u'.';
        if (!host.endsWith(inZoneSuffix))
            continue;   // addresses only for names inside the zone
        for (const QHostAddress &a : ns.addresses) {
            text += QStringLiteral("%1. %2 IN %3 %4\n").arg(ns.name).arg(dns.apexNsTtlSecs)
                        .arg(a.protocol() == QAbstractSocket::IPv6Protocol ? QStringLiteral("AAAA") : QStringLiteral("A"), a.toString());
        }
    }
    const qint64 ttl = dns.delegationTtlSecs;
    for (qint64 i = 0; i < registry.delegations; ++i) {
        const QString name = registry.domainName(i);
        int glued = 0;
        if (DelegationShape::hasGlue(i)) {
            for (; glued < 2; ++glued) {
                const QString host = DelegationShape::glueHostName(name, glued);
                text += QStringLiteral("%1. %2 IN NS %3.\n%3. %2 IN A %4\n").arg(name).arg(ttl).arg(host, DelegationShape::glueIpv4(i, glued));
                if (glued == 0)
                    text += QStringLiteral("%1. %2 IN AAAA %3\n").arg(host).arg(ttl).arg(DelegationShape::glueIpv6(i));
            }
        }
        for (int k = 0; k < DelegationShape::nameServerCount(i) - glued; ++k) {
            text += QStringLiteral("%1. %2 IN NS %3.\n").arg(name).arg(ttl)
                        .arg(DelegationShape::externalHostName(DelegationShape::externalHost(i, k)));
        }
        if (DelegationShape::hasDs(i)) {
            text += QStringLiteral("%1. %2 IN DS %3 13 2 %4\n").arg(name).arg(dns.dsTtlSecs).arg(DelegationShape::dsKeyTag(i))
                        .arg(DelegationShape::dsDigest(name));
        }
        if (text.size() > (1 << 20)) {
            if (file.write(text.toUtf8()) < 0)
                return Error(ErrorCode::Internal, QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
            text.clear();
        }
    }
    if (file.write(text.toUtf8()) < 0 || !file.flush())
        return Error(ErrorCode::Internal, QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    return {};
}

} // namespace reg::bench
