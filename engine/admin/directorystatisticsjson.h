#pragma once

#include "directory/directorystatistics.h"

#include <QJsonObject>

namespace reg::admin {

// The body of GET /api/v1/directory/statistics (docs/management-api.md): Whois and RDAP counters
// since each service started, their busiest clients, the record cache and the journal entry the
// directory reflects. At most MaxTopClients clients per service, whatever the source hands over.
inline constexpr int MaxTopClients = 1000;   // the top of [directory] top_clients
QJsonObject directoryStatisticsJson(const directory::DirectoryStatisticsSnapshot &snapshot);

} // namespace reg::admin
