#include "monitor/snmptarget.h"

#include "monitor/enumnames.h"

namespace reg::monitor {

namespace {

constexpr std::array<std::pair<SnmpVersion, const char *>, 2> kVersions{{{SnmpVersion::V2c, "2c"}, {SnmpVersion::V3, "3"}}};
constexpr std::array<std::pair<SnmpAuthProtocol, const char *>, 4> kAuth{
    {{SnmpAuthProtocol::None, "none"}, {SnmpAuthProtocol::Sha1, "SHA"}, {SnmpAuthProtocol::Sha256, "SHA-256"}, {SnmpAuthProtocol::Sha512, "SHA-512"}}};
constexpr std::array<std::pair<SnmpPrivProtocol, const char *>, 2> kPriv{{{SnmpPrivProtocol::None, "none"}, {SnmpPrivProtocol::Aes128, "AES"}}};
constexpr std::array<std::pair<SnmpSecurityLevel, const char *>, 3> kLevels{{{SnmpSecurityLevel::NoAuthNoPriv, "noAuthNoPriv"},
                                                                            {SnmpSecurityLevel::AuthNoPriv, "authNoPriv"},
                                                                            {SnmpSecurityLevel::AuthPriv, "authPriv"}}};

} // namespace

QString snmpVersionName(SnmpVersion v) { return nameIn(kVersions, v); }
QString snmpAuthProtocolName(SnmpAuthProtocol p) { return nameIn(kAuth, p); }
QString snmpPrivProtocolName(SnmpPrivProtocol p) { return nameIn(kPriv, p); }
QString snmpSecurityLevelName(SnmpSecurityLevel l) { return nameIn(kLevels, l); }
std::optional<SnmpVersion> parseSnmpVersion(const QString &name) { return valueIn(kVersions, name); }
std::optional<SnmpAuthProtocol> parseSnmpAuthProtocol(const QString &name) { return valueIn(kAuth, name); }
std::optional<SnmpPrivProtocol> parseSnmpPrivProtocol(const QString &name) { return valueIn(kPriv, name); }
std::optional<SnmpSecurityLevel> parseSnmpSecurityLevel(const QString &name) { return valueIn(kLevels, name); }

} // namespace reg::monitor
