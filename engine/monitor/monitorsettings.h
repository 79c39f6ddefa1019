#pragma once

#include "monitor/alarmoutcome.h"
#include "monitor/pollevaluator.h"
#include "monitor/trapreceiver.h"

#include "core/engineconfig.h"
#include "core/result.h"

namespace reg::monitor {

// From [monitor] to what the monitor service's parts take. The trap communities and the SNMPv3
// trap users are read from their files here, when the service starts: each must be a regular file
// of mode 0600 or stricter, one entry per line (blank lines and lines starting with '#' ignored);
// their secrets are never logged, and an error names the line, never its text.
namespace MonitorSettings {

Hysteresis hysteresis(const MonitorConfig &config);
PollThresholds thresholds(const MonitorConfig &config);
Result<TrapReceiverOptions> trapReceiverOptions(const MonitorConfig &config);
Result<QList<QByteArray>> readCommunities(const QString &path);
// The file's content; hostile input: errors name the line, never its text. source names it in errors.
Result<QList<QByteArray>> parseCommunities(const QByteArray &content, const QString &source);
// One v3 user per line: "<user> <engine id in hex> authPriv <SHA|SHA-256|SHA-512> <auth passphrase>
// AES <priv passphrase>", or "<user> <engine id> authNoPriv <auth> <auth passphrase>". The engine id
// is the sending device's (RFC 3414 localises the keys to it): 5-32 octets, "0x" optional.
Result<QList<TrapUser>> readTrapUsers(const QString &path);
Result<QList<TrapUser>> parseTrapUsers(const QByteArray &content, const QString &source);

} // namespace MonitorSettings

} // namespace reg::monitor
