#pragma once

#include "store/writer.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <vector>

namespace reg::xrp {

// One row of xrp_audit: a command or refusal of the XRP port. Never holds a password.
struct XrpAuditRecord
{
    qint64 atMs = 0;                 // when the command arrived, ms since the epoch (UTC)
    QString registrarId;
    QString userId;
    QString clientAddress;
    QString command;                 // "login", "hello", "domain:create", "frame", "xml", "tls" ...
    QString object;
    QString clientTransactionId;
    QString serverTransactionId;
    int resultCode = 0;
    qint64 latencyUs = 0;
    QString message;
};

// The audit trail of one XRP worker thread. The port answers tens of thousands of commands a
// second, so rows are not written one by one: they collect here and go to the writer as one
// bookkeeping WriteWork (no journal entry) every flushIntervalMs or every maxBatch rows, whichever
// comes first; flush() on shutdown writes the rest and waits for it. A failed batch is logged, not
// retried: the registry's own changes never wait on the audit trail.
// Lives on its worker thread; not shared.
class XrpAuditLog : public QObject
{
    Q_OBJECT
public:
    static constexpr int DefaultFlushIntervalMs = 100;
    static constexpr int DefaultMaxBatch = 500;

    explicit XrpAuditLog(store::Writer &writer, QObject *parent = nullptr, int flushIntervalMs = DefaultFlushIntervalMs,
                         int maxBatch = DefaultMaxBatch);
    ~XrpAuditLog() override;

    void record(XrpAuditRecord record);
    // Sends the pending rows now; with wait, returns once they are committed (shutdown).
    void flush(bool wait = false);

    qsizetype pendingCount() const { return qsizetype(m_pending.size()); }

private:
    store::Writer &m_writer;
    const int m_maxBatch;
    std::vector<XrpAuditRecord> m_pending;
    QTimer m_timer;
};

} // namespace reg::xrp
