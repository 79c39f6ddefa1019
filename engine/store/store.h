#pragma once

#include "connection.h"
#include "journal.h"
#include "journalsubscription.h"
#include "writer.h"

#include "core/clock.h"
#include "core/result.h"

#include <QObject>

#include <memory>

namespace reg::store {

struct StoreOptions
{
    QString databaseFile;
    int groupCommitMaxBatch = 256;
    bool create = false;    // create the file (mode 0600) if missing; otherwise it must exist
};

// The registry database: opens the file, applies schema migrations (refusing a database from a
// newer schema), checks the tail of the journal chain, and starts the writer thread. Readers open
// their own connections with openReader(). Owned by the composition root; lives on its thread.
class Store : public QObject
{
    Q_OBJECT
public:
    static Result<std::unique_ptr<Store>> open(const StoreOptions &options, const Clock &clock = SystemClock::instance());
    ~Store() override;  // calls close()

    Writer &writer() { return *m_writer; }
    Result<std::unique_ptr<Connection>> openReader() const;
    JournalSubscription *subscribe(qint64 fromSequence, QObject *parent);

    int schemaVersion() const { return m_schemaVersion; }
    QString databaseFile() const { return m_options.databaseFile; }

    // Finishes queued writes and stops the writer thread; idempotent.
    void close();

private:
    Store(StoreOptions options, int schemaVersion, std::unique_ptr<Writer> writer);
    StoreOptions m_options;
    int m_schemaVersion = 0;
    std::unique_ptr<Writer> m_writer;
};

} // namespace reg::store
