#pragma once

#include "dns/dnsstatistics.h"

namespace reg::admin {

class MetricsRegistry;

// The authoritative DNS server's counters on /metrics (docs/management-api.md, "GET /metrics"):
// registry_dns_* families, counters as *_total, per-zone gauges labelled zone="<apex>".
void publishDnsMetrics(MetricsRegistry &metrics, const dns::DnsStatisticsSnapshot &snapshot);
// Removes every registry_dns_* series (the families stay, empty), so a DNS service that stopped
// leaves no stale values and a zone that is no longer served leaves no series behind.
void withdrawDnsMetrics(MetricsRegistry &metrics);

} // namespace reg::admin
