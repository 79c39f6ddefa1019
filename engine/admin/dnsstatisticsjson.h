#pragma once

#include "dns/dnsstatistics.h"

#include <QJsonObject>

namespace reg::admin {

// The body of GET /api/v1/dns/statistics (docs/management-api.md): the snapshot's totals since the
// DNS service started, by transport, query type and response code, and one entry per zone.
QJsonObject dnsStatisticsJson(const dns::DnsStatisticsSnapshot &snapshot);

} // namespace reg::admin
