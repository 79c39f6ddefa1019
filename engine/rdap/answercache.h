#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QMutex>

#include <array>
#include <functional>
#include <memory>

namespace reg::rdap {

// Rendered RDAP answers for as long as the Directory hands out the same immutable view object: a
// cached record is one shared object for every reader until a committed change drops it, and then
// the next lookup returns a new object, so keying on the object (checked through a weak_ptr, which
// also defeats address reuse) can never serve a stale answer. The only part of an answer that
// changes without the view changing, the "last update of RDAP database" date (any commit moves it),
// is rewritten in place on each hit.
// Bounded: each of 16 stripes holds at most 1024 answers and is emptied when full (views the
// Directory no longer holds are dead weight anyway). Thread-safe.
class AnswerCache
{
public:
    // The answer for `view` dated `databaseUpdate`: from the cache, or render(databaseUpdate) (which
    // is then kept).
    QByteArray answer(const std::shared_ptr<const void> &view, const QDateTime &databaseUpdate,
                      const std::function<QByteArray(const QDateTime &)> &render);

    quint64 hits() const;

private:
    struct Entry
    {
        std::weak_ptr<const void> view;
        QByteArray body;
        qsizetype dateOffset = -1;     // where the "last update of RDAP database" date is
    };
    struct Stripe
    {
        mutable QMutex mutex;
        QHash<const void *, Entry> entries;
        quint64 hits = 0;
    };
    std::array<Stripe, 16> m_stripes;
};

} // namespace reg::rdap
