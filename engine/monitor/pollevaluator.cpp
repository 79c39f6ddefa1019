#include "monitor/pollevaluator.h"

#include "monitor/alarmengine.h"

using namespace Qt::StringLiterals;

namespace reg::monitor {
namespace {

// IF-MIB ifOperStatus values that mean the interface carries no traffic: down(2),
// notPresent(6), lowerLayerDown(7). testing, unknown and dormant are not failures.
bool operDown(int operStatus)
{
    return operStatus == 2 || operStatus == 6 || operStatus == 7;
}

QString reachabilityCause(const PollResult &result)
{
    if (result.error == PollError::Transport)
        return u"SNMP request could not be sent (%1)"_s.arg(result.errorDetail.isEmpty() ? u"transport"_s : result.errorDetail);
    return u"no SNMP answer (timeout)"_s;
}

QString agentCause(const PollResult &result)
{
    QString what;
    switch (result.error) {
    case PollError::AuthenticationFailure: what = u"SNMPv3 authentication failed"_s; break;
    case PollError::AgentError: what = u"the SNMP agent answered with an error"_s; break;
    case PollError::Malformed: what = u"the SNMP agent's answer was malformed"_s; break;
    default: what = u"SNMP error"_s; break;
    }
    return result.errorDetail.isEmpty() ? what : u"%1: %2"_s.arg(what, result.errorDetail);
}

} // namespace

void Observation::applyTo(AlarmEngine &engine) const
{
    switch (kind) {
    case Kind::Observe: engine.observe(subject, outcome); break;
    case Kind::RaiseNow: engine.raiseNow(subject, severity, text); break;
    case Kind::Clear: engine.clear(subject, text); break;
    }
}

QList<Observation> PollEvaluator::evaluate(const PollResult &result) const
{
    const QString device = QString::number(result.deviceId);
    QList<Observation> out;
    const auto observe = [&](const QString &component, Outcome outcome) {
        out.append({Observation::Kind::Observe, {device, component}, std::move(outcome), Severity::Warning, {}});
    };

    const bool silent = result.error == PollError::Timeout || result.error == PollError::Transport || !result.reachable;
    if (silent) {
        observe({}, Outcome::failure(Severity::Critical, reachabilityCause(result)));
        return out;
    }
    observe({}, Outcome::ok());
    if (!result.ok()) {
        // It answers, but not with data: the credentials or the agent are wrong, not the network.
        observe(u"snmp"_s, Outcome::failure(Severity::Major, agentCause(result)));
        return out;
    }
    observe(u"snmp"_s, Outcome::ok());

    if (result.restarted) {
        out.append({Observation::Kind::RaiseNow, {device, restartComponent()}, {}, Severity::Warning,
                    u"the device restarted (sysUpTime went back)"_s});
    } else {
        out.append({Observation::Kind::Clear, {device, restartComponent()}, {}, Severity::Warning,
                    u"polled normally since the restart"_s});
    }

    for (const InterfaceStatus &i : result.interfaces) {
        const QString name = i.name.isEmpty() ? u"ifIndex %1"_s.arg(i.index) : u"%1 (ifIndex %2)"_s.arg(i.name).arg(i.index);
        if (i.adminStatus == 1 && operDown(i.operStatus))
            observe(interfaceComponent(i.index),
                    Outcome::failure(Severity::Major, u"interface %1 is down (oper status %2) while admin up"_s.arg(name).arg(i.operStatus)));
        else
            observe(interfaceComponent(i.index), Outcome::ok());
    }
    if (result.cpuLoadPercent)
        observe(u"cpu"_s, Outcome::measured(*result.cpuLoadPercent, m_thresholds.cpu));
    if (result.memoryUsedPercent)
        observe(u"memory"_s, Outcome::measured(*result.memoryUsedPercent, m_thresholds.memory));
    for (const StorageUsage &disk : result.disks) {
        ThresholdRule rule = m_thresholds.storage;
        rule.metric = u"used space on %1"_s.arg(disk.description);
        observe(storageComponent(disk.description), Outcome::measured(disk.usedPercent, rule));
    }
    return out;
}

} // namespace reg::monitor
