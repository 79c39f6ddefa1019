#include "monitor/probefactory.h"

#include "monitor/dnsprobe.h"
#include "monitor/rdapprobe.h"
#include "monitor/whoisprobe.h"
#include "monitor/xrpprobe.h"

namespace reg::monitor {

ProbeRun *createProbe(const ProbeTarget &target, const ProbeSettings &settings, const Clock &clock, QObject *parent)
{
    switch (target.service) {
    case ProbeService::Xrp:
        return new XrpProbe(target, settings, clock, parent);
    case ProbeService::Whois:
        return new WhoisProbe(target, settings.domain, clock, parent);
    case ProbeService::Rdap:
        return new RdapProbe(target, settings, clock, parent);
    case ProbeService::DnsUdp:
    case ProbeService::DnsTcp:
        return new DnsProbe(target, settings.zones, clock, parent);
    }
    return nullptr;
}

} // namespace reg::monitor
