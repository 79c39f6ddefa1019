#include "auditlog.h"

#include "core/logging.h"
#include "store/connection.h"
#include "store/writer.h"

namespace reg::admin::AuditLog {

Result<void> append(store::Connection &connection, const AuditRecord &record)
{
    return connection.execute(
        QStringLiteral("INSERT INTO audit_log (at, actor, source, action, outcome, detail) VALUES (?, ?, ?, ?, ?, ?)"),
        {record.at.toMSecsSinceEpoch(), record.actor, record.source, record.action, record.outcome, record.detail});
}

void log(const AuditRecord &record)
{
    qCInfo(lcAudit).noquote() << QStringLiteral("actor=%1 source=%2 action=%3 outcome=%4%5")
                                     .arg(record.actor.isEmpty() ? QStringLiteral("-") : record.actor,
                                          record.source.isEmpty() ? QStringLiteral("-") : record.source,
                                          record.action, record.outcome,
                                          record.detail.isEmpty() ? QString() : QStringLiteral(" detail=\"%1\"").arg(record.detail));
}

void submit(store::Writer &writer, const AuditRecord &record, QObject *context)
{
    log(record);
    writer.submit(
        [record](store::Connection &connection) -> Result<std::optional<store::JournalChange>> {
            if (auto r = append(connection, record); !r)
                return r.error();
            return std::optional<store::JournalChange>();
        },
        context,
        [action = record.action](const Result<store::CommitReceipt> &result) {
            if (!result)
                qCWarning(lcAudit, "could not store the audit record for %s: %s", qUtf8Printable(action),
                          qUtf8Printable(result.error().message));
        });
}

} // namespace reg::admin::AuditLog
