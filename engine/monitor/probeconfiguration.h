#pragma once

#include "monitor/probetypes.h"

#include "core/engineconfig.h"
#include "core/result.h"

#include <QHostAddress>

namespace reg::monitor {

// A service this engine runs, where it is bound: "xrp", "whois", "rdap" or "dns" (UDP and TCP).
struct LocalService
{
    QString name;
    QHostAddress address;   // a wildcard address is probed on the loopback
    quint16 port = 0;
};

// From [probes] to what the ProbeScheduler runs: the engine's own services (when probe_local)
// and the configured targets, with the interval and deadline.
QList<ProbeTarget> probeTargets(const ProbesConfig &config, const QString &siteName, const QList<LocalService> &local);

// The probes' settings: the TLS files, the domain, the zones, and the probe registrar's password,
// read from its file, which must be a regular file of mode 0600 or stricter (the password is not
// kept anywhere else and never logged).
Result<ProbeSettings> probeSettings(const ProbesConfig &config, const QStringList &zones);
Result<QString> readProbePassword(const QString &path);

} // namespace reg::monitor
