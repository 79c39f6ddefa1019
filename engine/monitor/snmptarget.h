#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QString>

#include <optional>

namespace reg::monitor {

// How registryd speaks SNMP to one device: read-only gets, v2c or v3 USM. Shared by the inventory
// (which stores it, secrets encrypted) and the poller and trap receiver (which use it). The secrets
// are held in memory only as long as a session needs them; never logged, never sent to a console.
enum class SnmpVersion { V2c, V3 };
enum class SnmpSecurityLevel { NoAuthNoPriv, AuthNoPriv, AuthPriv };
enum class SnmpAuthProtocol { None, Sha1, Sha256, Sha512 };
enum class SnmpPrivProtocol { None, Aes128 };

struct SnmpCredentials
{
    SnmpVersion version = SnmpVersion::V2c;
    QByteArray community;                  // v2c
    QByteArray user;                       // v3 USM security name
    SnmpSecurityLevel level = SnmpSecurityLevel::AuthPriv;
    SnmpAuthProtocol auth = SnmpAuthProtocol::Sha1;
    QByteArray authPassphrase;             // at least 8 characters (RFC 3414 key localisation)
    SnmpPrivProtocol priv = SnmpPrivProtocol::Aes128;
    QByteArray privPassphrase;
};

struct SnmpTarget
{
    qint64 deviceId = 0;                   // monitor_devices.id
    QHostAddress address;
    quint16 port = 161;
    SnmpCredentials credentials;
    int timeoutMs = 2000;                  // per request, before a retry
    int retries = 1;
    int intervalSecs = 300;                // seed 001: every five minutes
};

// Names as they appear in configuration, the import file and the management API.
QString snmpVersionName(SnmpVersion v);
QString snmpAuthProtocolName(SnmpAuthProtocol p);
QString snmpPrivProtocolName(SnmpPrivProtocol p);
QString snmpSecurityLevelName(SnmpSecurityLevel l);
std::optional<SnmpVersion> parseSnmpVersion(const QString &name);              // "2c", "3"
std::optional<SnmpAuthProtocol> parseSnmpAuthProtocol(const QString &name);    // "none", "SHA", "SHA-256", "SHA-512"
std::optional<SnmpPrivProtocol> parseSnmpPrivProtocol(const QString &name);    // "none", "AES"
std::optional<SnmpSecurityLevel> parseSnmpSecurityLevel(const QString &name);  // "noAuthNoPriv", "authNoPriv", "authPriv"

} // namespace reg::monitor
