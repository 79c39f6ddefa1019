#pragma once

#include "store/store.h"

#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <future>

// Shared by the store tests: a real SQLite file in a temporary directory, and a write that records
// a journal entry, so each test states only what it is about.
namespace storetest {

inline std::unique_ptr<reg::store::Store> openStore(const QTemporaryDir &dir, const reg::Clock &clock = reg::SystemClock::instance(),
                                                    int maxBatch = 256)
{
    reg::Result<std::unique_ptr<reg::store::Store>> store =
        reg::store::Store::open({dir.filePath(QStringLiteral("registry.db")), maxBatch, true}, clock);
    if (!store) {
        qWarning("%s", qPrintable(store.error().message));
        return nullptr;
    }
    return std::move(store).value();
}

// Inserts a TLD and journals it.
inline reg::store::WriteWork addTld(const QString &name)
{
    return [name](reg::store::Connection &db) -> reg::Result<std::optional<reg::store::JournalChange>> {
        if (auto r = db.execute(QStringLiteral("INSERT INTO tlds (name, created_at) VALUES (?1, ?2)"), {name, qint64(0)}); !r)
            return r.error();
        return std::optional<reg::store::JournalChange>(
            reg::store::JournalChange{QStringLiteral("test"), QStringLiteral("tld.create"), name, QJsonObject{{QStringLiteral("name"), name}}});
    };
}

// Holds the writer inside a transaction until release(), so work submitted meanwhile queues up
// behind it: lets tests build a group commit deterministically instead of hoping for one.
class WriterGate
{
public:
    explicit WriterGate(reg::store::Writer &writer)
    {
        std::shared_future<void> released = m_release.get_future().share();
        auto entered = std::make_shared<std::promise<void>>();
        std::future<void> inside = entered->get_future();
        writer.submit([entered, released](reg::store::Connection &) -> reg::Result<std::optional<reg::store::JournalChange>> {
            entered->set_value();
            released.wait();
            return std::optional<reg::store::JournalChange>();
        }, nullptr, {});
        inside.wait();
    }
    ~WriterGate() { release(); }
    void release()
    {
        if (!m_released) {
            m_released = true;
            m_release.set_value();
        }
    }

private:
    std::promise<void> m_release;
    bool m_released = false;
};

} // namespace storetest
