#include "monitor/probetypes.h"

#include <QHostAddress>

namespace reg::monitor {
namespace {

struct ServiceName
{
    ProbeService service;
    const char *name;
};
constexpr ServiceName serviceNames[] = {
    {ProbeService::Xrp, "xrp"},       {ProbeService::Whois, "whois"},     {ProbeService::Rdap, "rdap"},
    {ProbeService::DnsUdp, "dns-udp"}, {ProbeService::DnsTcp, "dns-tcp"},
};

} // namespace

QString probeServiceName(ProbeService service)
{
    for (const ServiceName &s : serviceNames) {
        if (s.service == service)
            return QString::fromLatin1(s.name);
    }
    return {};
}

std::optional<ProbeService> parseProbeService(const QString &name)
{
    for (const ServiceName &s : serviceNames) {
        if (name == QLatin1StringView(s.name))
            return s.service;
    }
    return std::nullopt;
}

QString probeErrorKindName(ProbeErrorKind kind)
{
    switch (kind) {
    case ProbeErrorKind::None: return {};
    case ProbeErrorKind::Refused: return QStringLiteral("refused");
    case ProbeErrorKind::Timeout: return QStringLiteral("timeout");
    case ProbeErrorKind::Tls: return QStringLiteral("tls");
    case ProbeErrorKind::LoginRefused: return QStringLiteral("login-refused");
    case ProbeErrorKind::WrongAnswer: return QStringLiteral("wrong-answer");
    case ProbeErrorKind::Network: return QStringLiteral("network");
    case ProbeErrorKind::Config: return QStringLiteral("config");
    }
    return {};
}

std::optional<ProbeErrorKind> parseProbeErrorKind(const QString &name)
{
    for (ProbeErrorKind k : {ProbeErrorKind::None, ProbeErrorKind::Refused, ProbeErrorKind::Timeout, ProbeErrorKind::Tls,
                             ProbeErrorKind::LoginRefused, ProbeErrorKind::WrongAnswer, ProbeErrorKind::Network, ProbeErrorKind::Config}) {
        if (probeErrorKindName(k) == name)
            return k;
    }
    return std::nullopt;
}

QString ProbeTarget::address() const
{
    const QHostAddress a(host);
    const bool v6 = !a.isNull() && a.protocol() == QAbstractSocket::IPv6Protocol;
    return (v6 ? u'[' + host + u']' : host) + u':' + QString::number(port);
}

qint64 ProbeResult::phaseMicros(const QString &name) const
{
    for (const ProbePhase &p : phases) {
        if (p.name == name)
            return p.micros;
    }
    return -1;
}

} // namespace reg::monitor
