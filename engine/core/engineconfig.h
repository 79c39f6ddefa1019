#pragma once

#include "configvalues.h"
#include "inidocument.h"
#include "result.h"
#include "srspolicy.h"

#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace reg {

// One network service of the engine as configured ([xrp], [whois], ...).
struct ServiceConfig
{
    QString name;
    bool enabled = true;
    ListenAddress listen;
};

struct StoreConfig
{
    QString databaseFile;               // absolute, resolved against the data directory
    int groupCommitMaxBatch = 256;      // most commands committed by one transaction
};

struct TlsConfig
{
    QString caFile;                     // absolute paths
    QString certificateFile;
    QString keyFile;
};

struct ManagementConfig
{
    ServiceConfig service;
    qint64 tokenLifetimeSecs = 8 * 3600;
    int maxFailedLogins = 5;
    qint64 lockoutSecs = 15 * 60;
    qint64 maxBodyBytes = 1024 * 1024;
    bool metricsRequireAuth = true;
    int maxEventClients = 64;
    qint64 heartbeatSecs = 10;
    // A request's head and body must arrive within requestTimeoutSecs of its first byte (slow-loris);
    // a keep-alive connection with no request in progress is closed after idleTimeoutSecs.
    qint64 requestTimeoutSecs = 30;
    qint64 idleTimeoutSecs = 120;
};

// The registrar port (EPP over TLS), [xrp].
struct XrpConfig
{
    qint64 maxFrameBytes = 64 * 1024;       // largest EPP frame accepted, header included (RFC 5734)
    int threads = 0;                        // worker threads for sessions; 0: one per CPU core
    int maxConnections = 1000;              // all registrars together
    int maxConnectionsPerAddress = 20;
    int maxSessionsPerUser = 1;             // seed 001: "rejects simultaneous sessions by an individual user"
    qint64 loginTimeoutSecs = 60;           // from the greeting to a successful login
    qint64 idleTimeoutSecs = 600;           // no command for this long ends the session
    qint64 frameTimeoutSecs = 30;           // a frame, once begun, must arrive whole within this
    int maxFailedLogins = 5;
    qint64 lockoutSecs = 15 * 60;
    qint64 passwordLifetimeSecs = 90 * 86400;
    QString serverId;                       // <svID> of the greeting; default "registryd <site>"
};

// A name server of the zones' apex NS set, with the addresses served for it when its name lies
// inside one of our zones (out-of-zone names get none: resolvers look them up elsewhere).
struct ApexNameServer
{
    QString name;                           // absolute, lower case, no trailing dot
    QList<QHostAddress> addresses;
};

// A secondary that gets NOTIFY on every published change, host and port.
struct NotifyTarget
{
    QHostAddress address;
    quint16 port = 53;
    bool operator==(const NotifyTarget &) const = default;
};

// The authoritative DNS server and the zones it builds, [dns].
struct DnsConfig
{
    int udpThreads = 0;                     // 0: one per CPU core
    int maxTcpConnections = 256;
    int maxTcpConnectionsPerAddress = 16;
    qint64 tcpIdleTimeoutSecs = 10;         // RFC 7766 6.2.3: seconds, not minutes
    int maxTcpQueriesPerConnection = 0;     // 0: unlimited
    int maxUdpPayload = 1232;               // the largest UDP answer with EDNS (DNS flag day 2020)

    // The zone apex (RFC 1035 3.3.13, RFC 1912 2.2).
    QString soaPrimary;                     // MNAME; default: the first apex name server
    QString soaContact = QStringLiteral("hostmaster.invalid");  // RNAME in name form (user.domain)
    qint64 soaRefreshSecs = 1800;
    qint64 soaRetrySecs = 900;
    qint64 soaExpireSecs = 1209600;
    qint64 soaMinimumSecs = 900;            // the negative-caching TTL (RFC 2308)
    qint64 soaTtlSecs = 900;
    QList<ApexNameServer> apexNameServers;  // at least one when the service is enabled
    qint64 apexNsTtlSecs = 172800;
    qint64 delegationTtlSecs = 172800;      // NS of a delegation and its glue
    qint64 dsTtlSecs = 86400;

    // Publishing: changes are collected for at most this long before a new zone version goes out.
    qint64 publishDelayMs = 100;
    int ixfrHistory = 1000;                 // zone versions kept per zone for IXFR

    // Zone transfers: only these addresses, and only with a TSIG key from the key file (when
    // requireTsig). NOTIFY goes to notifyTargets, signed with notifyKey when set.
    QList<QHostAddress> transferAllowed;
    bool requireTsig = true;
    QString tsigKeyFile;                    // absolute; lines "name algorithm base64-secret", mode 0600
    QList<NotifyTarget> notifyTargets;
    QString notifyKey;                      // a key name from the key file, or empty

    // Response rate limiting (the BIND/Knot RRL idea): per client network and answer, at most
    // rrlResponsesPerSecond; above it every rrlSlip-th answer goes out truncated, the rest dropped.
    int rrlResponsesPerSecond = 0;          // 0: off
    int rrlSlip = 2;
    int rrlIpv4PrefixLength = 24;
    int rrlIpv6PrefixLength = 56;
};

// [directory]: what Whois and RDAP share (seed 001): the cache of hot records and the networks
// of registrars, which get the higher query limits.
struct DirectoryConfig
{
    qint64 cacheLifetimeSecs = 600;         // seed 001: "e.g., 10 minutes"; the journal invalidates sooner
    int cacheMaxEntries = 100000;           // records kept, least recently used dropped first
    QList<QPair<QHostAddress, int>> registrarNetworks;   // designated registrar subnets (CIDR)
    int topClients = 20;                    // the busiest client addresses reported (seed 002)
};

// [whois]: port 43 (RFC 3912).
struct WhoisConfig
{
    int threads = 0;                        // 0: one per CPU core
    int maxConnections = 1000;
    int maxConnectionsPerAddress = 20;
    qint64 queryTimeoutSecs = 10;           // the query line must arrive whole within this
    int maxQueryBytes = 512;                // a longer line is refused and the connection closed
    int queriesPerMinute = 1000;            // seed 001: per client address
    int registrarQueriesPerMinute = 20000;  // seed 001: from [directory] registrar_networks
};

// [rdap]: RDAP over HTTPS (RFC 7480, 9082, 9083).
struct RdapConfig
{
    int threads = 0;                        // 0: one per CPU core
    int maxConnections = 1000;
    int maxConnectionsPerAddress = 20;
    qint64 idleTimeoutSecs = 30;            // keep-alive connection with no request in progress
    qint64 requestTimeoutSecs = 10;         // a request, once begun, must arrive whole within this
    int maxRequestBytes = 8192;             // request line and headers; RDAP requests have no body
    int requestsPerMinute = 1000;
    int registrarRequestsPerMinute = 20000;
    int searchResultLimit = 100;            // the most results one search answer carries
    QString baseUrl;                        // "https://rdap.example/" for links; empty: the bound address
    QString corsAllowOrigin = QStringLiteral("*");
    qint64 httpCacheMaxAgeSecs = 60;        // Cache-Control max-age of successful answers
    QString certificateFile;                // absolute; default: [tls] certificate
    QString keyFile;                        // absolute; default: [tls] key
};

// A service to probe besides this engine's own ([probes] targets): "xrp", "whois", "rdap",
// "dns-udp" or "dns-tcp", the site it belongs to, and its address.
struct ProbeTargetConfig
{
    QString service;
    QString site;
    ListenAddress address;
    bool operator==(const ProbeTargetConfig &) const = default;
};

// [probes]: registryd probes services on a schedule (engine/monitor), its own local ones when
// probe_local is set, and the listed targets. The XRP probe logs in as a registrar of its own
// (one session at a time), with a password read from a 0600 file when the probes start.
struct ProbesConfig
{
    bool enabled = false;
    bool probeLocal = true;
    qint64 intervalSecs = 60;
    qint64 timeoutSecs = 10;                // the hard deadline of one probe; below the interval
    qint64 retentionSecs = 400 * 86400;     // a year of SLA figures and a month's margin
    QString registrarId;
    QString passwordFile;                   // absolute
    QString certificateFile;                // absolute; the registrar's client certificate for XRP
    QString keyFile;                        // absolute
    QString caFile;                         // absolute; verifies XRP and RDAP; default: [tls] ca
    QString domain;                         // a registered name: XRP checks it, Whois and RDAP look it up
    QList<ProbeTargetConfig> targets;
};

// [monitor]: the monitor service (engine/monitor/monitorservice.h) polls the inventory's devices
// over SNMP, receives traps and turns both, and the probes' results, into alarms. The trap
// communities are secrets: read from a 0600 file when the service starts, never logged. Trap rules
// are "<numeric OID> raise|clear <severity> <alarm>" (docs/monitoring.md), checked in full when the
// service starts. Thresholds are percentages.
struct MonitorConfig
{
    bool enabled = false;
    ListenAddress trapListen{QHostAddress(QHostAddress::LocalHost), 1162};
    QString trapCommunitiesFile;            // absolute; empty: no v2c trap is accepted
    QString trapUsersFile;                  // absolute; empty: no v3 trap is accepted
    QStringList trapRules;
    int raiseAfter = 3;                     // consecutive failed polls before an alarm
    int clearAfter = 2;                     // consecutive good polls before it clears
    double cpuWarning = 85;
    double cpuCritical = 95;
    double memoryWarning = 90;
    double memoryCritical = 98;
    double storageWarning = 90;             // used space of a fixed disk
    double storageCritical = 95;
    qint64 sampleRetentionSecs = 35 * 86400;
    qint64 trapLogRetentionSecs = 90 * 86400;
    qint64 inventoryRefreshSecs = 30;       // how often the inventory is re-read for changes
};

// The validated configuration of one registryd instance (DIR/registryd.conf). Loading rejects
// unknown sections and keys, out-of-range values and missing required settings with a message
// naming the file and line. A plain value type: copy it freely across threads.
struct EngineConfig
{
    static constexpr const char fileName[] = "registryd.conf";

    QString dataDir;
    QString siteName = QStringLiteral("site-a");
    StoreConfig store;
    TlsConfig tls;
    ManagementConfig management;
    XrpConfig xrp;
    DnsConfig dns;
    DirectoryConfig directory;
    WhoisConfig whois;
    RdapConfig rdap;
    SrsPolicy srs;                      // [srs]; tlds stay empty here (they live in the database)
    ProbesConfig probes;                // [probes]
    MonitorConfig monitor;              // [monitor]
    QList<ServiceConfig> services;      // every [service] with a listen address, management first

    static Result<EngineConfig> load(const QString &dataDir);
    static Result<EngineConfig> fromDocument(const IniDocument &doc, const QString &dataDir);

    const ServiceConfig *service(const QString &name) const;
};

} // namespace reg
