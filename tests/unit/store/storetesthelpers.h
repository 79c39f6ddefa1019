#pragma once

#include "store/store.h"

#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

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

} // namespace storetest
