#pragma once

#include "unit/store/storetesthelpers.h"

#include "monitor/alarmengine.h"
#include "monitor/alarmrepository.h"

#include "core/clock.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

// Shared by the alarm tests: a real migrated SQLite file in a temporary directory, a ManualClock,
// an AlarmEngine storing through an AlarmRepository, and every change it reported.
namespace alarmtest {

constexpr qint64 kMinute = 60 * 1000;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;

inline QDateTime utc(int y, int m, int d, int h = 0, int min = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), Qt::UTC);
}

inline const reg::monitor::AlarmSubject kRouter{QStringLiteral("core-r1"), {}};
inline const reg::monitor::AlarmSubject kRouter2{QStringLiteral("core-r2"), {}};
inline const reg::monitor::AlarmSubject kSwitch{QStringLiteral("sw-1"), {}};
inline const reg::monitor::AlarmSubject kServer{QStringLiteral("srv-a"), {}};
inline const reg::monitor::AlarmSubject kDual{QStringLiteral("srv-dual"), {}};
inline const reg::monitor::AlarmSubject kCpu{QStringLiteral("srv-a"), QStringLiteral("cpu")};
inline const reg::monitor::AlarmSubject kPort{QStringLiteral("core-r1"), QStringLiteral("if:3")};

// core-r1 and core-r2 at site-a; sw-1 behind core-r1; srv-a behind sw-1 (sw-1 is not polled in some
// tests); srv-dual at site-b, reached through both routers.
inline reg::monitor::DependencyGraph topology()
{
    reg::monitor::DependencyGraph g;
    g.setDevice(QStringLiteral("core-r1"), QStringLiteral("site-a"));
    g.setDevice(QStringLiteral("core-r2"), QStringLiteral("site-a"));
    g.setDevice(QStringLiteral("sw-1"), QStringLiteral("site-a"), {QStringLiteral("core-r1")});
    g.setDevice(QStringLiteral("srv-a"), QStringLiteral("site-a"), {QStringLiteral("sw-1")});
    g.setDevice(QStringLiteral("srv-dual"), QStringLiteral("site-b"), {QStringLiteral("core-r1"), QStringLiteral("core-r2")});
    return g;
}

class Fixture
{
public:
    Fixture() { open(); }

    void open()
    {
        store = storetest::openStore(dir, clock);
        if (!store)
            qFatal("could not open the store");
        auto r = store->openReader();
        if (!r)
            qFatal("reader: %s", qPrintable(r.error().message));
        reader = std::move(r).value();
        repository = std::make_unique<reg::monitor::AlarmRepository>(store->writer());
        engine = std::make_unique<reg::monitor::AlarmEngine>(clock, repository.get());
        engine->setChangeHandler([this](const reg::monitor::AlarmChange &c) { changes.append(c); });
    }

    // Closes everything and opens the same file again, as a restart of registryd would.
    void reopen()
    {
        engine.reset();
        repository.reset();
        reader.reset();
        store->close();
        store.reset();
        changes.clear();
        open();
    }

    // Waits until every queued alarm write is committed (the writer keeps submission order).
    void sync()
    {
        auto r = store->writer().submitAndWait([](reg::store::Connection &) -> reg::Result<std::optional<reg::store::JournalChange>> {
            return std::optional<reg::store::JournalChange>();
        });
        QVERIFY(r.ok());
    }

    QList<reg::monitor::AlarmChangeKind> kinds() const
    {
        QList<reg::monitor::AlarmChangeKind> k;
        for (const auto &c : changes)
            k.append(c.kind);
        return k;
    }

    reg::ManualClock clock{utc(2026, 3, 2, 12, 0)};   // a Monday
    QTemporaryDir dir;
    std::unique_ptr<reg::store::Store> store;
    std::unique_ptr<reg::store::Connection> reader;
    std::unique_ptr<reg::monitor::AlarmRepository> repository;
    std::unique_ptr<reg::monitor::AlarmEngine> engine;
    QList<reg::monitor::AlarmChange> changes;
};

} // namespace alarmtest
