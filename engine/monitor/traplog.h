#pragma once

#include "monitor/traprecord.h"

#include "core/clock.h"
#include "core/result.h"

#include <QList>
#include <QObject>

#include <optional>

namespace reg::store {
class Connection;
class Store;
}

namespace reg::monitor {

struct TrapLogOptions
{
    int retentionDays = 90;
    qint64 maxRows = 200000;      // bounded whatever the retention: a storm cannot fill the disk
};

// One row of the trap log as read back (for the management API and tests).
struct TrapLogEntry
{
    qint64 id = 0;
    TrapRecord trap;
    QString event;                // "raise major link-down:2", "clear ...", or empty
};

// The persistent trap log (migration 7): appends through the store's writer thread without a
// journal entry (operational, per site) and prunes by age and row count. Lives on its owner's
// thread (writes complete there); reads take any connection.
class TrapLog : public QObject
{
    Q_OBJECT
public:
    TrapLog(store::Store &store, const Clock &clock, TrapLogOptions options = {}, QObject *parent = nullptr);

    void append(const TrapRecord &trap);
    // Deletes rows older than the retention and beyond the row bound; done with rows deleted.
    void prune();
    qint64 failedWrites() const { return m_failedWrites; }

    static QString describeEvent(const std::optional<TrapEvent> &event);
    // The newest entries first, at most limit; source (an address as QHostAddress::toString() spells
    // it) empty: from every source.
    static Result<QList<TrapLogEntry>> recent(store::Connection &connection, int limit, const QString &source = {});

Q_SIGNALS:
    void appended();
    void pruned(qint64 rows);

private:
    store::Store &m_store;
    const Clock &m_clock;
    TrapLogOptions m_options;
    qint64 m_failedWrites = 0;
};

} // namespace reg::monitor
