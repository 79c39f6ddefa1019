#include "journalsubscription.h"

#include "journal.h"
#include "store.h"

#include "core/logging.h"

#include <QPointer>
#include <QTimer>

namespace reg::store {
namespace {
constexpr int catchUpBatch = 500;
}

class JournalSubscriptionPrivate
{
public:
    Store &store;
    qint64 next;
    bool catchingUp = true;
    bool failed = false;
    std::unique_ptr<Connection> reader;
};

JournalSubscription::JournalSubscription(Store &store, qint64 fromSequence, QObject *parent)
    : QObject(parent), d(new JournalSubscriptionPrivate{store, std::max<qint64>(fromSequence, 1), true, false, nullptr})
{
    connect(&store.writer(), &Writer::committed, this, [this](const JournalEntries &entries) {
        if (d->failed || d->catchingUp || entries.isEmpty())
            return;
        if (entries.first().sequence > d->next) {
            // Should not happen (commits are announced in order), but never skip: re-read.
            d->catchingUp = true;
            QTimer::singleShot(0, this, [this] { catchUp(); });
            return;
        }
        for (const JournalEntry &entry : entries) {
            if (entry.sequence < d->next)
                continue;
            d->next = entry.sequence + 1;
            Q_EMIT this->entry(entry);
        }
    }, Qt::QueuedConnection);
    // Start after the creator has had a chance to connect to our signals.
    QTimer::singleShot(0, this, [this] { catchUp(); });
}

JournalSubscription::~JournalSubscription() = default;

qint64 JournalSubscription::nextSequence() const
{
    return d->next;
}

// Reads committed entries one batch per event-loop turn, so a long backlog does not starve the
// thread; once a batch comes back short, the live notifications take over.
void JournalSubscription::catchUp()
{
    if (d->failed)
        return;
    if (!d->reader) {
        Result<std::unique_ptr<Connection>> reader = d->store.openReader();
        if (!reader) {
            d->failed = true;
            Q_EMIT failed(reader.error().message);
            return;
        }
        d->reader = std::move(reader).value();
    }
    Result<JournalEntries> batch = Journal::read(*d->reader, d->next, catchUpBatch);
    if (!batch) {
        d->failed = true;
        qCWarning(lcJournal, "journal subscription stopped: %s", qUtf8Printable(batch.error().message));
        Q_EMIT failed(batch.error().message);
        return;
    }
    QPointer<JournalSubscription> guard(this);
    for (const JournalEntry &entry : std::as_const(*batch)) {
        d->next = entry.sequence + 1;
        Q_EMIT this->entry(entry);
        if (!guard)
            return;  // a receiver deleted us
    }
    if (batch->size() == catchUpBatch) {
        QTimer::singleShot(0, this, [this] { catchUp(); });
        return;
    }
    d->catchingUp = false;
}

} // namespace reg::store
