#pragma once

#include "apiresponse.h"

#include "core/result.h"

#include <QDateTime>
#include <QString>

#include <memory>
#include <utility>

class QUrlQuery;

namespace reg::store {
class Connection;
}
namespace reg::monitor {
class MonitorService;
}

namespace reg::admin {

// The monitor state endpoints (docs/management-api.md, "Monitor state"): GET
// /api/v1/monitor/status from the monitor service's memory (its latest polls, the active alarms,
// the inventory), and GET /api/v1/monitor/metrics/<device name>?from=&to= from the poll sample
// table. ManagementServer routes and authenticates; status() and parseMetrics() run on its thread
// (the monitor service's), metrics() on the registry worker thread with this object's own
// read connection.
class MonitorStateEndpoints
{
public:
    static constexpr qint64 defaultRangeSecs = 24 * 3600;
    static constexpr qint64 maxRangeSecs = 31 * 86400;

    struct MetricsQuery
    {
        QString device;
        qint64 deviceId = 0;
        QDateTime from;
        QDateTime to;
    };

    static bool isStatusPath(const QString &path);
    static bool isMetricsPath(const QString &path);

    static ApiResponse status(const monitor::MonitorService &service, const QDateTime &now);
    // from and to of a metrics query (hostile input: unknown or repeated parameters refused).
    static Result<std::pair<QDateTime, QDateTime>> parseRange(const QUrlQuery &query, const QDateTime &now);
    // NotFound for a device not in the inventory; InvalidInput naming the parameter otherwise.
    static Result<MetricsQuery> parseMetrics(const monitor::MonitorService &service, const QString &path,
                                             const QUrlQuery &query, const QDateTime &now);

    explicit MonitorStateEndpoints(std::unique_ptr<store::Connection> reader);
    ~MonitorStateEndpoints();
    ApiResponse metrics(const MetricsQuery &query);

private:
    std::unique_ptr<store::Connection> m_reader;
};

} // namespace reg::admin
