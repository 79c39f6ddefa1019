#include "whoisanswercache.h"

#include <functional>

namespace reg::whois {

WhoisAnswerCache::WhoisAnswerCache(int slots)
    : m_slots(size_t(qMax(1, slots)))
{
}

QByteArray WhoisAnswerCache::body(const std::shared_ptr<const directory::DomainView> &domain,
                                  const std::function<QByteArray(const directory::DomainView &)> &render)
{
    Slot &slot = m_slots[std::hash<const void *>()(domain.get()) % m_slots.size()];
    // Same control block: the very record rendered before (a weak_ptr keeps its control block
    // alive, so a new record can never share it, even at a reused address).
    const bool same = !slot.view.expired() && !slot.view.owner_before(domain) && !domain.owner_before(slot.view);
    if (same) {
        ++m_hits;
        return slot.body;
    }
    slot.view = domain;
    slot.body = render(*domain);
    return slot.body;
}

} // namespace reg::whois
