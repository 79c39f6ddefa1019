// Fuzz target: the monitor service's hostile inputs. The bytes as a trap communities file (every
// accepted community is printable, space-free and at most 255 bytes; an error never contains a
// community), as a v3 trap users file (every accepted user is authenticated with a sane engine id) and as the query string of GET /api/v1/monitor/metrics/<device> (an accepted range is
// ordered and at most 31 days). Never a crash, a hang or an unbounded allocation.
#include "admin/monitorstateendpoints.h"
#include "monitor/monitorsettings.h"

#include <QUrlQuery>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const reg::Result<QList<QByteArray>> communities = reg::monitor::MonitorSettings::parseCommunities(bytes, QStringLiteral("fuzz"));
    if (communities) {
        for (const QByteArray &c : *communities) {
            if (c.isEmpty() || c.size() > 255 || c.contains(' ') || c.startsWith('#'))
                std::abort();
        }
    }

    const reg::Result<QList<reg::monitor::TrapUser>> users = reg::monitor::MonitorSettings::parseTrapUsers(bytes, QStringLiteral("fuzz"));
    if (users) {
        for (const reg::monitor::TrapUser &u : *users) {
            if (u.engineId.size() < 5 || u.engineId.size() > 32 || u.authPassphrase.size() < 8
                || u.level == reg::monitor::SnmpSecurityLevel::NoAuthNoPriv)
                std::abort();
        }
    }

    const QDateTime now(QDate(2026, 11, 21), QTime(12, 0), Qt::UTC);
    const QUrlQuery query(QString::fromUtf8(bytes));
    const auto range = reg::admin::MonitorStateEndpoints::parseRange(query, now);
    if (range && (range->first >= range->second || range->first.secsTo(range->second) > reg::admin::MonitorStateEndpoints::maxRangeSecs))
        std::abort();
    return 0;
}
