#include "monitor/traplog.h"

#include "monitor/monitorlogging.h"

#include "store/connection.h"
#include "store/store.h"
#include "store/writer.h"

namespace reg::monitor {

TrapLog::TrapLog(store::Store &store, const Clock &clock, TrapLogOptions options, QObject *parent)
    : QObject(parent), m_store(store), m_clock(clock), m_options(options)
{
}

QString TrapLog::describeEvent(const std::optional<TrapEvent> &event)
{
    if (!event)
        return {};
    return (event->action == TrapEvent::Action::Raise ? QStringLiteral("raise ") : QStringLiteral("clear "))
           + trapSeverityName(event->severity) + QLatin1Char(' ') + event->alarm;
}

void TrapLog::append(const TrapRecord &trap)
{
    const QVariantList row{trap.receivedAt.toMSecsSinceEpoch(), trap.source.toString(), trap.version, trap.securityName,
                           trap.trapOid, trap.varbinds, trap.inform ? 1 : 0, describeEvent(trap.event)};
    m_store.writer().submit(
        [row](store::Connection &connection) -> Result<std::optional<store::JournalChange>> {
            if (auto r = connection.execute(QStringLiteral(
                    "INSERT INTO monitor_trap_log (received_at, source, version, security_name, trap_oid, varbinds, inform, event) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"), row); !r)
                return r.error();
            return std::optional<store::JournalChange>();   // operational: no journal entry
        },
        this, [this](Result<store::CommitReceipt> receipt) {
            if (!receipt) {
                ++m_failedWrites;
                qCWarning(lcMonitor, "trap log: cannot store a trap: %s", qPrintable(receipt.error().message));
                return;
            }
            Q_EMIT appended();
        });
}

void TrapLog::prune()
{
    const qint64 cutoff = m_clock.now().addDays(-m_options.retentionDays).toMSecsSinceEpoch();
    const qint64 maxRows = m_options.maxRows;
    auto deleted = std::make_shared<qint64>(0);
    m_store.writer().submit(
        [cutoff, maxRows, deleted](store::Connection &connection) -> Result<std::optional<store::JournalChange>> {
            if (auto r = connection.execute(QStringLiteral("DELETE FROM monitor_trap_log WHERE received_at < ?"), {cutoff}); !r)
                return r.error();
            Result<QVariant> changes = connection.queryValue(QStringLiteral("SELECT changes()"));
            *deleted = changes ? changes->toLongLong() : 0;
            // Ids grow with time, so the newest maxRows rows are those above the cut id.
            if (auto r = connection.execute(QStringLiteral(
                    "DELETE FROM monitor_trap_log WHERE id <= (SELECT id FROM monitor_trap_log ORDER BY id DESC LIMIT 1 OFFSET ?)"),
                    {maxRows}); !r)
                return r.error();
            changes = connection.queryValue(QStringLiteral("SELECT changes()"));
            *deleted += changes ? changes->toLongLong() : 0;
            return std::optional<store::JournalChange>();
        },
        this, [this, deleted](Result<store::CommitReceipt> receipt) {
            if (!receipt) {
                qCWarning(lcMonitor, "trap log: pruning failed: %s", qPrintable(receipt.error().message));
                return;
            }
            Q_EMIT pruned(*deleted);
        });
}

Result<QList<TrapLogEntry>> TrapLog::recent(store::Connection &connection, int limit, const QString &source)
{
    // With a source, its (source, received_at) index walks that device's traps newest first.
    Result<QList<QVariantList>> rows = source.isEmpty()
        ? connection.queryRows(QStringLiteral("SELECT id, received_at, source, version, security_name, trap_oid, varbinds, inform, event "
                                              "FROM monitor_trap_log ORDER BY id DESC LIMIT ?"),
                               {qBound(1, limit, 10000)})
        : connection.queryRows(QStringLiteral("SELECT id, received_at, source, version, security_name, trap_oid, varbinds, inform, event "
                                              "FROM monitor_trap_log WHERE source = ? ORDER BY received_at DESC, id DESC LIMIT ?"),
                               {source, qBound(1, limit, 10000)});
    if (!rows)
        return rows.error();
    QList<TrapLogEntry> entries;
    for (const QVariantList &row : *rows) {
        TrapLogEntry entry;
        entry.id = row.at(0).toLongLong();
        entry.trap.receivedAt = QDateTime::fromMSecsSinceEpoch(row.at(1).toLongLong(), Qt::UTC);
        entry.trap.source = QHostAddress(row.at(2).toString());
        entry.trap.version = row.at(3).toString();
        entry.trap.securityName = row.at(4).toString();
        entry.trap.trapOid = row.at(5).toString();
        entry.trap.varbinds = row.at(6).toString();
        entry.trap.inform = row.at(7).toInt() != 0;
        entry.event = row.at(8).toString();
        entries.append(entry);
    }
    return entries;
}

} // namespace reg::monitor
