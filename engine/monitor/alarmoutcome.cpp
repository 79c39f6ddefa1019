#include "monitor/alarmoutcome.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace reg::monitor {
namespace {

constexpr int kMaxConsecutive = 100;

bool beyond(double value, double level, ThresholdRule::Direction direction)
{
    return direction == ThresholdRule::Direction::Above ? value >= level : value <= level;
}

QString levelText(double value, const QString &unit)
{
    return QString::number(value, 'g', 6) + unit;
}

} // namespace

Result<void> Hysteresis::validate() const
{
    if (raiseAfter < 1 || raiseAfter > kMaxConsecutive || clearAfter < 1 || clearAfter > kMaxConsecutive) {
        return Error(ErrorCode::InvalidInput,
                     u"raise and clear counts must be between 1 and %1 consecutive observations"_s.arg(kMaxConsecutive));
    }
    return success();
}

Result<void> ThresholdRule::validate() const
{
    if (!warningLevel && !criticalLevel)
        return Error(ErrorCode::InvalidInput, u"a threshold needs a warning or a critical level"_s);
    if ((warningLevel && !std::isfinite(*warningLevel)) || (criticalLevel && !std::isfinite(*criticalLevel)))
        return Error(ErrorCode::InvalidInput, u"threshold levels must be finite numbers"_s);
    if (warningLevel && criticalLevel) {
        // The critical level must be the harder one to reach, or a critical value would read as a warning.
        if (!beyond(*criticalLevel, *warningLevel, direction) || *criticalLevel == *warningLevel) {
            return Error(ErrorCode::InvalidInput, direction == Direction::Above
                                                      ? u"the critical level must be above the warning level"_s
                                                      : u"the critical level must be below the warning level"_s);
        }
    }
    if (warningSeverity > criticalSeverity)
        return Error(ErrorCode::InvalidInput, u"the warning severity must not be worse than the critical one"_s);
    return hysteresis.validate();
}

Outcome Outcome::measured(double value, const ThresholdRule &rule)
{
    Outcome outcome;
    outcome.hysteresis = rule.hysteresis;
    if (!rule.validate() || !std::isfinite(value))
        return outcome;
    const QString word = rule.direction == ThresholdRule::Direction::Above ? u"above"_s : u"below"_s;
    auto violate = [&](double level, Severity severity) {
        outcome.failing = true;
        outcome.severity = severity;
        outcome.cause = u"%1 %2 is %3 %4"_s.arg(rule.metric, levelText(value, rule.unit), word, levelText(level, rule.unit));
    };
    if (rule.criticalLevel && beyond(value, *rule.criticalLevel, rule.direction))
        violate(*rule.criticalLevel, rule.criticalSeverity);
    else if (rule.warningLevel && beyond(value, *rule.warningLevel, rule.direction))
        violate(*rule.warningLevel, rule.warningSeverity);
    return outcome;
}

} // namespace reg::monitor
