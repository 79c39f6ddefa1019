#pragma once

#include "journalentry.h"

#include <QObject>

#include <memory>

namespace reg::store {

class Store;
class JournalSubscriptionPrivate;

// Delivers every journal entry from a chosen sequence number on, in order, without gaps: first the
// entries already committed (read in batches from its own read connection), then each new commit
// as it happens. Lives on the thread that created it; entries arrive there as signals.
// Create with Store::subscribe(); the creator owns it (parent or unique_ptr).
class JournalSubscription : public QObject
{
    Q_OBJECT
public:
    ~JournalSubscription() override;
    qint64 nextSequence() const;   // the sequence the next delivered entry will have

Q_SIGNALS:
    void entry(const reg::store::JournalEntry &entry);
    void failed(const QString &message);   // the journal could not be read; delivery has stopped

private:
    friend class Store;
    JournalSubscription(Store &store, qint64 fromSequence, QObject *parent);
    void catchUp();
    std::unique_ptr<JournalSubscriptionPrivate> d;
};

} // namespace reg::store
