#include "answercache.h"

#include "rdapjsonwriter.h"

namespace reg::rdap {
namespace {

constexpr int kStripeCapacity = 1024;

// The date member of the one event every cacheable answer ends its events with. Inside a JSON
// string a '"' is always escaped, so this unescaped sequence is the event itself, never data.
const QByteArray kDateMarker = QByteArrayLiteral("\"eventAction\":\"last update of RDAP database\",\"eventDate\":\"");

} // namespace

QByteArray AnswerCache::answer(const std::shared_ptr<const void> &view, const QDateTime &databaseUpdate,
                               const std::function<QByteArray(const QDateTime &)> &render)
{
    const QByteArray date = RdapJsonWriter::rfc3339(databaseUpdate).toLatin1();
    Stripe &stripe = m_stripes[(quintptr(view.get()) >> 6) % m_stripes.size()];
    {
        QMutexLocker lock(&stripe.mutex);
        const auto it = stripe.entries.constFind(view.get());
        if (it != stripe.entries.cend() && it->view.lock() == view && it->dateOffset >= 0
            && it->dateOffset + date.size() < it->body.size() && it->body.at(it->dateOffset + date.size()) == '"') {
            QByteArray body = it->body;
            const qsizetype offset = it->dateOffset;
            ++stripe.hits;
            lock.unlock();
            body.replace(offset, date.size(), date);
            return body;
        }
    }
    QByteArray body = render(databaseUpdate);
    const qsizetype marker = body.indexOf(kDateMarker);
    Entry entry{view, body, marker < 0 ? -1 : marker + kDateMarker.size()};
    QMutexLocker lock(&stripe.mutex);
    if (stripe.entries.size() >= kStripeCapacity)
        stripe.entries.clear();
    stripe.entries.insert(view.get(), std::move(entry));
    return body;
}

quint64 AnswerCache::hits() const
{
    quint64 total = 0;
    for (const Stripe &s : m_stripes) {
        QMutexLocker lock(&s.mutex);
        total += s.hits;
    }
    return total;
}

} // namespace reg::rdap
