#include "xrpaudit.h"

#include "core/logging.h"
#include "store/connection.h"

#include <memory>

namespace reg::xrp {
namespace {

Result<std::optional<store::JournalChange>> insertRows(store::Connection &connection, const std::vector<XrpAuditRecord> &rows)
{
    Result<store::Statement *> insert = connection.prepare(QStringLiteral(
        "INSERT INTO xrp_audit (at, registrar_id, user_id, client_address, command, object, client_trid, server_trid, "
        "result_code, latency_us, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    if (!insert)
        return insert.error();
    store::Statement &s = **insert;
    for (const XrpAuditRecord &r : rows) {
        s.reset();
        for (Result<void> bound : {s.bind(1, r.atMs), s.bind(2, r.registrarId), s.bind(3, r.userId), s.bind(4, r.clientAddress),
                                   s.bind(5, r.command), s.bind(6, r.object), s.bind(7, r.clientTransactionId),
                                   s.bind(8, r.serverTransactionId), s.bind(9, r.resultCode), s.bind(10, r.latencyUs),
                                   s.bind(11, r.message)}) {
            if (!bound)
                return bound.error();
        }
        if (Result<void> ran = s.run(); !ran)
            return ran.error();
    }
    s.reset();
    return std::optional<store::JournalChange>();
}

} // namespace

XrpAuditLog::XrpAuditLog(store::Writer &writer, QObject *parent, int flushIntervalMs, int maxBatch)
    : QObject(parent), m_writer(writer), m_maxBatch(maxBatch), m_timer(this)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(flushIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, [this] { flush(); });
}

XrpAuditLog::~XrpAuditLog()
{
    flush(true);
}

void XrpAuditLog::record(XrpAuditRecord record)
{
    m_pending.push_back(std::move(record));
    if (qsizetype(m_pending.size()) >= m_maxBatch)
        flush();
    else if (!m_timer.isActive())
        m_timer.start();
}

void XrpAuditLog::flush(bool wait)
{
    m_timer.stop();
    if (m_pending.empty())
        return;
    auto rows = std::make_shared<std::vector<XrpAuditRecord>>(std::move(m_pending));
    m_pending.clear();
    store::WriteWork work = [rows](store::Connection &connection) { return insertRows(connection, *rows); };
    if (wait) {
        if (Result<store::CommitReceipt> r = m_writer.submitAndWait(std::move(work)); !r)
            qCWarning(lcXrp, "could not write %zu XRP audit rows: %s", rows->size(), qPrintable(r.error().message));
        return;
    }
    const size_t count = rows->size();
    m_writer.submit(std::move(work), this, [count](const Result<store::CommitReceipt> &r) {
        if (!r)
            qCWarning(lcXrp, "could not write %zu XRP audit rows: %s", count, qPrintable(r.error().message));
    });
}

} // namespace reg::xrp
