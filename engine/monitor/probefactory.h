#pragma once

#include "monitor/proberun.h"

namespace reg::monitor {

// The probe that speaks the target's protocol, not started yet; owned by parent.
ProbeRun *createProbe(const ProbeTarget &target, const ProbeSettings &settings, const Clock &clock, QObject *parent);

} // namespace reg::monitor
