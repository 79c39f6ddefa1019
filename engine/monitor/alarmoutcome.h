#pragma once

#include "monitor/alarm.h"

#include "core/result.h"

#include <QString>

#include <optional>

namespace reg::monitor {

// How many consecutive observations it takes to change an alarm: one lost poll pages nobody, and
// one good poll in a flapping series does not clear it.
struct Hysteresis
{
    int raiseAfter = 3;   // consecutive violations before an alarm is raised
    int clearAfter = 2;   // consecutive good observations before it is cleared

    Result<void> validate() const;   // both 1..100
};

// A measured value checked against levels, e.g. CPU above 80 % is a warning, above 95 % critical;
// free storage below 10 % is major. Either level may be absent, not both.
struct ThresholdRule
{
    enum class Direction { Above, Below };

    QString metric;                      // for the cause text: "CPU load", "free space on /var"
    QString unit;                        // "%", "ms", ...
    Direction direction = Direction::Above;
    std::optional<double> warningLevel;  // violated when the value is beyond it (>= for Above, <= for Below)
    std::optional<double> criticalLevel;
    Severity warningSeverity = Severity::Warning;
    Severity criticalSeverity = Severity::Critical;
    Hysteresis hysteresis;

    Result<void> validate() const;
};

// One observation of a subject, as the poller and the probes report it: fine, or failing with a
// severity and a cause. Measured values become one or the other through their rule.
struct Outcome
{
    bool failing = false;
    Severity severity = Severity::Warning;
    QString cause;
    std::optional<Hysteresis> hysteresis;   // the engine's default when absent

    static Outcome ok() { return {}; }
    static Outcome failure(Severity severity, QString cause) { return {true, severity, std::move(cause), std::nullopt}; }
    // Checks value against the rule; an invalid rule is a programming error and reads as ok.
    static Outcome measured(double value, const ThresholdRule &rule);
};

} // namespace reg::monitor
