#include "whoisanswercache.h"

#include <bit>
#include <cstdint>

namespace reg::whois {

WhoisAnswerCache::WhoisAnswerCache(int slots)
    : m_slots(std::bit_ceil(size_t(qMax(1, slots))))
    , m_shift(64 - std::countr_zero(m_slots.size()))
{
}

size_t WhoisAnswerCache::slotOf(const void *record) const
{
    if (m_slots.size() == 1)
        return 0;
    // Records are allocated on 16-byte (or coarser) boundaries, so the address's low bits are all
    // zero: a Fibonacci hash spreads its significant bits over every slot.
    return size_t((quint64(reinterpret_cast<std::uintptr_t>(record)) * 0x9e3779b97f4a7c15ULL) >> m_shift);
}

QByteArray WhoisAnswerCache::body(const std::shared_ptr<const directory::DomainView> &domain,
                                  const std::function<QByteArray(const directory::DomainView &)> &render)
{
    Slot &slot = m_slots[slotOf(domain.get())];
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

QByteArray WhoisAnswerCache::footer(const QDateTime &databaseUpdated, const std::function<QByteArray()> &render)
{
    if (m_footer.isNull() || databaseUpdated != m_footerTime) {
        m_footerTime = databaseUpdated;
        m_footer = render();
    }
    return m_footer;
}

} // namespace reg::whois
