#include "whoisconnectionlimits.h"

#include <cstring>

namespace reg::whois {

WhoisConnectionLimits::WhoisConnectionLimits(int maxTotal, int maxPerAddress)
    : m_maxTotal(qMax(1, maxTotal)), m_maxPerAddress(qMax(1, maxPerAddress))
{
}

WhoisConnectionLimits::Key WhoisConnectionLimits::keyOf(const QHostAddress &address)
{
    const Q_IPV6ADDR bytes = address.toIPv6Address();   // IPv4 comes back as ::ffff:a.b.c.d
    Key key{};
    std::memcpy(key.data(), bytes.c, sizeof bytes.c);
    return key;
}

bool WhoisConnectionLimits::tryAdmit(const Key &key)
{
    if (m_open.fetch_add(1, std::memory_order_relaxed) >= m_maxTotal) {
        m_open.fetch_sub(1, std::memory_order_relaxed);
        return false;
    }
    Stripe &stripe = stripeFor(key);
    std::lock_guard lock(stripe.mutex);
    int &count = stripe.counts[key];
    if (count >= m_maxPerAddress) {
        m_open.fetch_sub(1, std::memory_order_relaxed);
        return false;
    }
    ++count;
    return true;
}

void WhoisConnectionLimits::release(const Key &key)
{
    {
        Stripe &stripe = stripeFor(key);
        std::lock_guard lock(stripe.mutex);
        const auto it = stripe.counts.find(key);
        if (it != stripe.counts.end() && --it->second <= 0)
            stripe.counts.erase(it);
    }
    m_open.fetch_sub(1, std::memory_order_relaxed);
}

} // namespace reg::whois
