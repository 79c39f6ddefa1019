#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QString>

namespace reg::store {
class Connection;
class Writer;
} // namespace reg::store

class QObject;

namespace reg::admin {

// One line of the audit trail: who (actor), from where (source address), did what (action),
// and how it ended (outcome: "success", "denied", "failed", "invalid", ...). The detail never
// carries a password or a token.
struct AuditRecord
{
    QDateTime at;
    QString actor;
    QString source;
    QString action;
    QString outcome;
    QString detail;
};

// Writes audit records to the audit_log table and mirrors them on the lcAudit logging category,
// so an operator sees them in the journal even when the database is unreachable. Stateless.
namespace AuditLog {
// Inside a write transaction (on the writer thread): the record commits with the change it describes.
Result<void> append(store::Connection &connection, const AuditRecord &record);
// From any thread: a separate bookkeeping write (no journal entry). Failures are logged, not returned,
// because an audit write must never turn a served answer into an error after the fact.
void submit(store::Writer &writer, const AuditRecord &record, QObject *context);
// The lcAudit line, without secrets.
void log(const AuditRecord &record);
} // namespace AuditLog

} // namespace reg::admin
