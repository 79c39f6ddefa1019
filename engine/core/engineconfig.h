#pragma once

#include "configvalues.h"
#include "inidocument.h"
#include "result.h"
#include "srspolicy.h"

#include <QList>
#include <QString>

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
    SrsPolicy srs;                      // [srs]; tlds stay empty here (they live in the database)
    QList<ServiceConfig> services;      // every [service] with a listen address, management first

    static Result<EngineConfig> load(const QString &dataDir);
    static Result<EngineConfig> fromDocument(const IniDocument &doc, const QString &dataDir);

    const ServiceConfig *service(const QString &name) const;
};

} // namespace reg
