#include "readerpool.h"

#include "store/connection.h"
#include "store/store.h"

#include <QDeadlineTimer>

namespace reg::directory {

ReaderPool::Lease::Lease(ReaderPool *pool, std::unique_ptr<store::Connection> connection)
    : m_pool(pool)
    , m_connection(std::move(connection))
{
}

ReaderPool::Lease::Lease(Lease &&other) noexcept
    : m_pool(other.m_pool)
    , m_connection(std::move(other.m_connection))
{
    other.m_pool = nullptr;
}

ReaderPool::Lease::~Lease()
{
    if (m_pool && m_connection)
        m_pool->giveBack(std::move(m_connection));
}

ReaderPool::ReaderPool(store::Store &store, int maxConnections, int waitMs)
    : m_store(store)
    , m_max(std::max(1, maxConnections))
    , m_waitMs(waitMs)
{
}

ReaderPool::~ReaderPool() = default;

Result<ReaderPool::Lease> ReaderPool::acquire()
{
    {
        QMutexLocker lock(&m_mutex);
        const QDeadlineTimer deadline(m_waitMs);
        while (m_idle.empty() && m_open >= m_max) {
            if (!m_returned.wait(&m_mutex, deadline))
                return Error(ErrorCode::Unavailable, QStringLiteral("every directory database connection is busy"));
        }
        if (!m_idle.empty()) {
            std::unique_ptr<store::Connection> c = std::move(m_idle.back());
            m_idle.pop_back();
            return Lease(this, std::move(c));
        }
        ++m_open;   // reserved; opened outside the lock, which takes milliseconds
    }
    Result<std::unique_ptr<store::Connection>> opened = m_store.openReader();
    if (!opened) {
        QMutexLocker lock(&m_mutex);
        --m_open;
        m_returned.wakeOne();
        return opened.error().withContext(QStringLiteral("the directory cannot read the database: "));
    }
    return Lease(this, std::move(opened).value());
}

int ReaderPool::openConnections() const
{
    QMutexLocker lock(&m_mutex);
    return m_open;
}

void ReaderPool::giveBack(std::unique_ptr<store::Connection> connection)
{
    QMutexLocker lock(&m_mutex);
    m_idle.push_back(std::move(connection));
    m_returned.wakeOne();
}

} // namespace reg::directory
