// Benchmark (label bench, not run by default): journalled writes per second through the store
// writer, one caller at a time (each waits for its own fsync) against many concurrent callers
// (group commit shares one fsync between them). Prints a table; asserts nothing about speed.
#include "store/store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QThread>

#include <atomic>
#include <cstdio>
#include <thread>
#include <vector>

using namespace reg;
using namespace reg::store;

namespace {

WriteWork insertDomainLikeRow(int i)
{
    return [i](Connection &db) -> Result<std::optional<JournalChange>> {
        const QString name = QStringLiteral("bench%1").arg(i);
        if (auto r = db.execute(QStringLiteral("INSERT INTO tlds (name, created_at) VALUES (?1, 0)"), {name}); !r)
            return r.error();
        return std::optional<JournalChange>(JournalChange{QStringLiteral("bench"), QStringLiteral("tld.create"), name,
                                                          QJsonObject{{QStringLiteral("name"), name}}});
    };
}

void run(int callers, int perCaller)
{
    QTemporaryDir dir(QDir::currentPath() + QStringLiteral("/bench-XXXXXX"));
    auto store = Store::open({dir.filePath(QStringLiteral("registry.db")), 256, true});
    if (!store) {
        std::fprintf(stderr, "%s\n", qPrintable(store.error().message));
        std::exit(1);
    }
    const qint64 commitsBefore = (*store)->writer().commitCount();
    std::atomic<int> failures{0};
    QElapsedTimer timer;
    timer.start();
    std::vector<std::thread> threads;
    for (int c = 0; c < callers; ++c) {
        threads.emplace_back([&, c] {
            for (int i = 0; i < perCaller; ++i) {
                if (!(*store)->writer().submitAndWait(insertDomainLikeRow(c * perCaller + i)).ok())
                    ++failures;
            }
        });
    }
    for (auto &t : threads)
        t.join();
    const double secs = timer.nsecsElapsed() / 1e9;
    const int total = callers * perCaller;
    const qint64 commits = (*store)->writer().commitCount() - commitsBefore;
    std::printf("%8d %10d %12.0f %10lld %14.1f %8d\n", callers, total, total / secs, static_cast<long long>(commits),
                double(total) / double(std::max<qint64>(commits, 1)), failures.load());
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    std::printf("group commit: journalled writes, synchronous=FULL, WAL, on %s\n", qPrintable(QDir::currentPath()));
    std::printf("%8s %10s %12s %10s %14s %8s\n", "callers", "writes", "writes/s", "commits", "writes/commit", "failed");
    run(1, 500);
    run(8, 250);
    run(64, 50);
    run(256, 20);
    return 0;
}
