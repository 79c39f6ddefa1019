#pragma once

#include "directory/directoryviews.h"

#include <QByteArray>
#include <QDateTime>

#include <functional>
#include <memory>
#include <vector>

namespace reg::whois {

// The rendered text of domain records asked again, so a hot record costs a lookup instead of a
// rendering. Keyed by the identity of the directory's shared record: the directory never changes
// a record, it replaces it when a committed change touches it, so a replaced record is a miss here
// and an answer can never be stale. Direct-mapped with a fixed number of slots (bounded memory,
// no eviction bookkeeping). Also keeps the footer of the last database time asked for.
// Not thread-safe: each WhoisWorker owns one and uses it on its thread.
class WhoisAnswerCache
{
public:
    // slots is rounded up to a power of two; the default holds a hot set of about 10,000 records
    // with few collisions, about 30 MB of answers a thread at most.
    explicit WhoisAnswerCache(int slots = 16384);

    // The body for this record: the one rendered before for the same record, or render()'s.
    QByteArray body(const std::shared_ptr<const directory::DomainView> &domain,
                    const std::function<QByteArray(const directory::DomainView &)> &render);
    // The footer for this database time: the one rendered before for the same time, or render()'s.
    QByteArray footer(const QDateTime &databaseUpdated, const std::function<QByteArray()> &render);

    quint64 hits() const { return m_hits; }

private:
    struct Slot
    {
        std::weak_ptr<const directory::DomainView> view;
        QByteArray body;
    };

    size_t slotOf(const void *record) const;

    std::vector<Slot> m_slots;
    int m_shift = 0;              // 64 - log2(slots): the hash's top bits pick the slot
    quint64 m_hits = 0;
    QDateTime m_footerTime;
    QByteArray m_footer;
};

} // namespace reg::whois
