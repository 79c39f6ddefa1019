#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace reg::monitor {

// The services registryd probes at each site (seed 001's SLA section: SRS, name server, Whois
// availability and processing times; RDAP as the Whois successor).
enum class ProbeService { Xrp, Whois, Rdap, DnsUdp, DnsTcp };

// Why a probe failed, coarse enough to count and alarm on; the message says the rest.
enum class ProbeErrorKind {
    None,
    Refused,        // the TCP connection was refused (nothing listens, or a firewall rejects); UDP never says so
    Timeout,        // the hard deadline passed before the probe finished
    Tls,            // handshake or certificate verification failed
    LoginRefused,   // the XRP login was answered with an EPP error code
    WrongAnswer,    // an answer arrived but was not what the service must say
    Network,        // any other transport failure (reset, unreachable, closed early)
    Config,         // the probe could not start: unreadable files or bad settings
};

QString probeServiceName(ProbeService service);   // "xrp", "whois", "rdap", "dns-udp", "dns-tcp"
std::optional<ProbeService> parseProbeService(const QString &name);
QString probeErrorKindName(ProbeErrorKind kind);  // "", "refused", "timeout", "tls", "login-refused", ...
std::optional<ProbeErrorKind> parseProbeErrorKind(const QString &name);

// One thing to probe: a service at a site, at host:port, on a schedule.
struct ProbeTarget
{
    ProbeService service = ProbeService::Whois;
    QString site;
    QString host;               // an address, or a name for TLS verification
    quint16 port = 0;
    int intervalMs = 60000;
    int timeoutMs = 10000;      // the hard deadline of one probe, from its start

    QString address() const;    // "host:port", "[v6]:port"
};

// What every probe needs besides its target: the XRP login, the TLS material, and what to ask.
// The password is held in memory only while the probes run; never logged, never stored.
struct ProbeSettings
{
    QString registrarId;
    QString password;
    QString clientCertificateFile;
    QString clientKeyFile;
    QString caFile;             // verifies XRP and RDAP servers
    QString domain;             // a registered name: XRP checks it, Whois and RDAP look it up; empty: RDAP asks /help
    QStringList zones;          // the TLD zones whose SOA the DNS probes ask for
};

// A named duration within one probe, in microseconds (e.g. "connect", "login", "command").
struct ProbePhase
{
    QString name;
    qint64 micros = 0;
    bool operator==(const ProbePhase &) const = default;
};

// The outcome of one probe, as stored in probe_results and handed to the alarm engine.
struct ProbeResult
{
    ProbeService service = ProbeService::Whois;
    QString site;
    QString target;             // host:port
    QDateTime startedAt;        // UTC, from reg::Clock
    bool ok = false;
    qint64 totalMicros = 0;     // start to finish (or to the failure)
    QList<ProbePhase> phases;
    ProbeErrorKind errorKind = ProbeErrorKind::None;
    QString error;              // a message for operators; never a password
    QJsonObject detail;         // service specific: the SOA serials, the HTTP status, the EPP code

    qint64 phaseMicros(const QString &name) const;   // -1 when the phase was not reached
};

} // namespace reg::monitor
