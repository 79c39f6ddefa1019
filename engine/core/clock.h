#pragma once

#include <QDateTime>
#include <QMutex>

namespace reg {

// The source of wall-clock time. Everything that expires (tokens, lockouts, grace periods,
// escalation timers) asks a Clock, so tests drive time with ManualClock instead of sleeping.
// Implementations are thread-safe.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0;  // always UTC
};

class SystemClock final : public Clock
{
public:
    QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
    static SystemClock &instance();
};

// A clock that only moves when told to; for tests.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(QDateTime start = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC))
        : m_now(std::move(start)) {}

    QDateTime now() const override
    {
        QMutexLocker lock(&m_mutex);
        return m_now;
    }
    void advance(qint64 msecs)
    {
        QMutexLocker lock(&m_mutex);
        m_now = m_now.addMSecs(msecs);
    }
    void set(const QDateTime &to)
    {
        QMutexLocker lock(&m_mutex);
        m_now = to.toUTC();
    }

private:
    mutable QMutex m_mutex;
    QDateTime m_now;
};

} // namespace reg
