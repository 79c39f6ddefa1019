#pragma once

#include "directory/directorystatistics.h"

namespace reg::admin {

class MetricsRegistry;

// The directory services' counters on /metrics (docs/management-api.md, "GET /metrics"):
// registry_whois_* and registry_rdap_* for each service that runs, registry_directory_* for the
// shared record cache and the journal position it reflects. Counters end in _total. Client
// addresses (the busiest clients) are left out on purpose: /metrics may be open without a token,
// and an address label would make a series per client.
void publishDirectoryMetrics(MetricsRegistry &metrics, const directory::DirectoryStatisticsSnapshot &snapshot);
// Removes every registry_whois_*, registry_rdap_* and registry_directory_* series (the families
// stay, empty), so a service that stopped leaves no stale values behind.
void withdrawDirectoryMetrics(MetricsRegistry &metrics);

} // namespace reg::admin
