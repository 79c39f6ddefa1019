#pragma once

#include "monitor/alarmoutcome.h"
#include "monitor/pollevaluator.h"
#include "monitor/trapreceiver.h"

#include "core/engineconfig.h"
#include "core/result.h"

namespace reg::monitor {

// From [monitor] to what the monitor service's parts take. The trap communities are read from
// their file here, when the service starts: it must be a regular file of mode 0600 or stricter,
// one community per line (blank lines and lines starting with '#' ignored); they are never logged.
namespace MonitorSettings {

Hysteresis hysteresis(const MonitorConfig &config);
PollThresholds thresholds(const MonitorConfig &config);
Result<TrapReceiverOptions> trapReceiverOptions(const MonitorConfig &config);
Result<QList<QByteArray>> readCommunities(const QString &path);
// The file's content; hostile input: errors name the line, never its text. source names it in errors.
Result<QList<QByteArray>> parseCommunities(const QByteArray &content, const QString &source);

} // namespace MonitorSettings

} // namespace reg::monitor
