#pragma once

#include "directory/directoryviews.h"

#include <QByteArray>

#include <functional>
#include <memory>
#include <vector>

namespace reg::whois {

// The rendered text of domain records asked again, so a hot record costs a lookup instead of a
// rendering. Keyed by the identity of the directory's shared record: the directory never changes
// a record, it replaces it when a committed change touches it, so a replaced record is a miss here
// and an answer can never be stale. Direct-mapped with a fixed number of slots (bounded memory,
// no eviction bookkeeping). Not thread-safe: each WhoisWorker owns one and uses it on its thread.
class WhoisAnswerCache
{
public:
    explicit WhoisAnswerCache(int slots = 8192);   // about 20 MB of answers a thread at most

    // The body for this record: the one rendered before for the same record, or render()'s.
    QByteArray body(const std::shared_ptr<const directory::DomainView> &domain,
                    const std::function<QByteArray(const directory::DomainView &)> &render);

    quint64 hits() const { return m_hits; }

private:
    struct Slot
    {
        std::weak_ptr<const directory::DomainView> view;
        QByteArray body;
    };

    std::vector<Slot> m_slots;
    quint64 m_hits = 0;
};

} // namespace reg::whois
