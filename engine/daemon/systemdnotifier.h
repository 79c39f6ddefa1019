#pragma once

#include "core/result.h"

#include <QByteArray>

namespace reg::daemon {

// The sd_notify(3) datagram protocol, implemented directly so registryd needs no libsystemd: a
// "KEY=value\n..." datagram to the AF_UNIX socket named by $NOTIFY_SOCKET (a path, or "@name" for
// the abstract namespace). Under Type=notify, READY=1 tells systemd the listeners are up and
// STOPPING=1 that shutdown began. Without $NOTIFY_SOCKET every call is a successful no-op.
// Stateless; safe on any thread.
namespace SystemdNotifier {
bool isAvailable();
Result<void> notify(const QByteArray &state);
} // namespace SystemdNotifier

} // namespace reg::daemon
