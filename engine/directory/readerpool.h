#pragma once

#include "core/result.h"

#include <QMutex>
#include <QWaitCondition>

#include <memory>
#include <vector>

namespace reg::store {
class Connection;
class Store;
}

namespace reg::directory {

// Read-only database connections lent to directory lookups, one per concurrent caller: a lookup
// borrows one, uses it on its own thread, and gives it back when the Lease ends. The pool opens
// connections as callers need them, up to a cap; beyond it a caller waits (bounded) for one to
// come back. Thread-safe; owned by Directory.
class ReaderPool
{
public:
    class Lease
    {
    public:
        Lease(ReaderPool *pool, std::unique_ptr<store::Connection> connection);
        Lease(Lease &&other) noexcept;
        Lease &operator=(Lease &&) = delete;
        ~Lease();
        store::Connection &operator*() const { return *m_connection; }
        store::Connection *operator->() const { return m_connection.get(); }

    private:
        ReaderPool *m_pool;
        std::unique_ptr<store::Connection> m_connection;
    };

    ReaderPool(store::Store &store, int maxConnections, int waitMs = 5000);
    ~ReaderPool();

    Result<Lease> acquire();
    int openConnections() const;

private:
    void giveBack(std::unique_ptr<store::Connection> connection);

    store::Store &m_store;
    const int m_max;
    const int m_waitMs;
    mutable QMutex m_mutex;
    QWaitCondition m_returned;
    std::vector<std::unique_ptr<store::Connection>> m_idle;
    int m_open = 0;
};

} // namespace reg::directory
