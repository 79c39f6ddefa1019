#include "directory/directorycache.h"

#include <QTest>

#include <atomic>
#include <thread>
#include <vector>

using namespace Qt::StringLiterals;
using reg::directory::DirectoryCache;
using Kind = DirectoryCache::Kind;

namespace {

std::shared_ptr<const void> value(int v)
{
    return std::make_shared<const int>(v);
}

int valueOf(const std::optional<std::shared_ptr<const void>> &cached)
{
    return *std::static_pointer_cast<const int>(*cached);
}

} // namespace

// The directory's record cache on its own: lifetime, LRU bound, the three reaches of invalidation
// and the generation check that keeps a slow miss from storing what an invalidation just removed.
class tst_DirectoryCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void storesAndFinds();
    void cachesNotFound();
    void entriesExpireAfterTheLifetime();
    void validUntilShortensTheLifetime();
    void zeroLifetimeOrSizeCachesNothing_data();
    void zeroLifetimeOrSizeCachesNothing();
    void staysWithinItsEntryCap();
    void invalidatesOneKey();
    void invalidatesDependents();
    void invalidatesAWholeKind();
    void clearDropsEverything();
    void missThatReadBeforeAnInvalidationIsNotStored_data();
    void missThatReadBeforeAnInvalidationIsNotStored();
    void concurrentMissesNeverLeaveAStaleValue();
};

void tst_DirectoryCache::storesAndFinds()
{
    DirectoryCache cache(100, 1000);
    QVERIFY(!cache.find(Kind::Domain, u"a.example"_s, 0));
    QVERIFY(cache.store(Kind::Domain, u"a.example"_s, value(1), cache.ticket(Kind::Domain, u"a.example"_s), 0));
    QCOMPARE(valueOf(cache.find(Kind::Domain, u"a.example"_s, 10)), 1);
    QVERIFY(!cache.find(Kind::Host, u"a.example"_s, 10));   // kinds do not share keys
    const auto s = cache.statistics();
    QCOMPARE(s.hits, 1u);
    QCOMPARE(s.misses, 2u);
    QCOMPARE(s.entries, 1);
}

void tst_DirectoryCache::cachesNotFound()
{
    DirectoryCache cache(100, 1000);
    QVERIFY(cache.store(Kind::Domain, u"none.example"_s, nullptr, cache.ticket(Kind::Domain, u"none.example"_s), 0));
    const auto found = cache.find(Kind::Domain, u"none.example"_s, 1);
    QVERIFY(found.has_value());
    QVERIFY(!*found);
}

void tst_DirectoryCache::entriesExpireAfterTheLifetime()
{
    DirectoryCache cache(100, 1000);
    QVERIFY(cache.store(Kind::Host, u"ns.example"_s, value(1), cache.ticket(Kind::Host, u"ns.example"_s), 5000));
    QVERIFY(cache.find(Kind::Host, u"ns.example"_s, 5999));
    QVERIFY(!cache.find(Kind::Host, u"ns.example"_s, 6000));
    QCOMPARE(cache.statistics().evictions, 1u);
    QCOMPARE(cache.statistics().entries, 0);
}

void tst_DirectoryCache::validUntilShortensTheLifetime()
{
    DirectoryCache cache(100, 1000);
    QVERIFY(cache.store(Kind::Domain, u"a.example"_s, value(1), cache.ticket(Kind::Domain, u"a.example"_s), 0, 300));
    QVERIFY(cache.find(Kind::Domain, u"a.example"_s, 299));
    QVERIFY(!cache.find(Kind::Domain, u"a.example"_s, 300));
    // Already past: not stored at all.
    QVERIFY(!cache.store(Kind::Domain, u"a.example"_s, value(1), cache.ticket(Kind::Domain, u"a.example"_s), 400, 400));
}

void tst_DirectoryCache::zeroLifetimeOrSizeCachesNothing_data()
{
    QTest::addColumn<int>("entries");
    QTest::addColumn<qint64>("lifetimeMs");
    QTest::newRow("no lifetime") << 100 << qint64(0);
    QTest::newRow("no entries") << 0 << qint64(1000);
}

void tst_DirectoryCache::zeroLifetimeOrSizeCachesNothing()
{
    QFETCH(int, entries);
    QFETCH(qint64, lifetimeMs);
    DirectoryCache cache(entries, lifetimeMs);
    QVERIFY(!cache.store(Kind::Domain, u"a.example"_s, value(1), cache.ticket(Kind::Domain, u"a.example"_s), 0));
    QVERIFY(!cache.find(Kind::Domain, u"a.example"_s, 0));
    QCOMPARE(cache.statistics().entries, 0);
}

void tst_DirectoryCache::staysWithinItsEntryCap()
{
    DirectoryCache cache(160, 100000);
    for (int i = 0; i < 5000; ++i) {
        const QString key = u"d%1.example"_s.arg(i);
        QVERIFY(cache.store(Kind::Domain, key, value(i), cache.ticket(Kind::Domain, key), 0));
    }
    const auto s = cache.statistics();
    QVERIFY(s.entries <= 160);
    QVERIFY(s.entries >= 100);   // every shard full or nearly
    QCOMPARE(s.evictions, quint64(5000 - s.entries));
    // The most recent one is always still there.
    QVERIFY(cache.find(Kind::Domain, u"d4999.example"_s, 1));
}

void tst_DirectoryCache::invalidatesOneKey()
{
    DirectoryCache cache(100, 1000);
    for (const QString &k : {u"a.example"_s, u"b.example"_s})
        QVERIFY(cache.store(Kind::Domain, k, value(1), cache.ticket(Kind::Domain, k), 0));
    cache.invalidate(Kind::Domain, u"a.example"_s);
    QVERIFY(!cache.find(Kind::Domain, u"a.example"_s, 1));
    QVERIFY(cache.find(Kind::Domain, u"b.example"_s, 1));
    QCOMPARE(cache.statistics().invalidations, 1u);
}

void tst_DirectoryCache::invalidatesDependents()
{
    DirectoryCache cache(1000, 1000);
    for (int i = 0; i < 50; ++i) {
        const QString k = u"d%1.example"_s.arg(i);
        const QStringList deps = i % 2 ? QStringList{u"c:even"_s} : QStringList{u"c:odd"_s, u"h:ns1.example"_s};
        QVERIFY(cache.store(Kind::Domain, k, value(i), cache.ticket(Kind::Domain, k), 0, 0, deps));
    }
    cache.invalidateDependents(u"h:ns1.example"_s);
    QCOMPARE(cache.statistics().entries, 25);
    for (int i = 0; i < 50; ++i)
        QCOMPARE(cache.find(Kind::Domain, u"d%1.example"_s.arg(i), 1).has_value(), i % 2 == 1);
    cache.invalidateDependents(u"c:even"_s);
    QCOMPARE(cache.statistics().entries, 0);
    cache.invalidateDependents(u"c:nobody"_s);   // nothing depends on it: harmless
}

void tst_DirectoryCache::invalidatesAWholeKind()
{
    DirectoryCache cache(1000, 1000);
    for (int i = 0; i < 20; ++i) {
        const QString k = u"x%1.example"_s.arg(i);
        QVERIFY(cache.store(Kind::Host, k, value(i), cache.ticket(Kind::Host, k), 0));
        QVERIFY(cache.store(Kind::Domain, k, value(i), cache.ticket(Kind::Domain, k), 0));
    }
    cache.invalidateKind(Kind::Host);
    for (int i = 0; i < 20; ++i) {
        QVERIFY(!cache.find(Kind::Host, u"x%1.example"_s.arg(i), 1));
        QVERIFY(cache.find(Kind::Domain, u"x%1.example"_s.arg(i), 1));
    }
    // Storing afresh works with a new ticket.
    QVERIFY(cache.store(Kind::Host, u"x1.example"_s, value(7), cache.ticket(Kind::Host, u"x1.example"_s), 2));
    QCOMPARE(valueOf(cache.find(Kind::Host, u"x1.example"_s, 3)), 7);
}

void tst_DirectoryCache::clearDropsEverything()
{
    DirectoryCache cache(1000, 1000);
    QVERIFY(cache.store(Kind::Registrar, u"rar"_s, value(1), cache.ticket(Kind::Registrar, u"rar"_s), 0));
    QVERIFY(cache.store(Kind::RegistrarList, QString(), value(2), cache.ticket(Kind::RegistrarList, QString()), 0));
    cache.clear();
    QVERIFY(!cache.find(Kind::Registrar, u"rar"_s, 1));
    QVERIFY(!cache.find(Kind::RegistrarList, QString(), 1));
    QCOMPARE(cache.statistics().entries, 0);
}

void tst_DirectoryCache::missThatReadBeforeAnInvalidationIsNotStored_data()
{
    QTest::addColumn<int>("reach");
    QTest::newRow("the key") << 0;
    QTest::newRow("a dependency") << 1;
    QTest::newRow("the kind") << 2;
    QTest::newRow("everything") << 3;
}

void tst_DirectoryCache::missThatReadBeforeAnInvalidationIsNotStored()
{
    QFETCH(int, reach);
    DirectoryCache cache(1000, 1000);
    const QString key = u"acme.example"_s;
    // The miss takes its ticket, reads the database (old value) ...
    const DirectoryCache::Ticket ticket = cache.ticket(Kind::Domain, key);
    // ... the change commits and its invalidation runs before the miss stores ...
    switch (reach) {
    case 0: cache.invalidate(Kind::Domain, key); break;
    case 1: cache.invalidateDependents(u"c:jane"_s); break;
    case 2: cache.invalidateKind(Kind::Domain); break;
    default: cache.clear(); break;
    }
    // ... so the old value is refused.
    QVERIFY(!cache.store(Kind::Domain, key, value(1), ticket, 0, 0, {u"c:jane"_s}));
    QVERIFY(!cache.find(Kind::Domain, key, 1));
    // A miss that starts after the invalidation stores normally.
    QVERIFY(cache.store(Kind::Domain, key, value(2), cache.ticket(Kind::Domain, key), 0, 0, {u"c:jane"_s}));
}

void tst_DirectoryCache::concurrentMissesNeverLeaveAStaleValue()
{
    // A "database" of one versioned record. Readers miss, read the version and store it; the
    // writer bumps the version and then invalidates, as the journal does after a commit. When all
    // is done, whatever the cache holds must be the final version.
    DirectoryCache cache(1000, 1000000);
    const QString key = u"hot.example"_s;
    std::atomic<int> version{0};
    std::atomic<bool> done{false};
    std::vector<std::thread> readers;
    for (int t = 0; t < 4; ++t) {
        readers.emplace_back([&] {
            while (!done.load()) {
                if (cache.find(Kind::Domain, key, 1))
                    continue;
                const DirectoryCache::Ticket ticket = cache.ticket(Kind::Domain, key);
                const int read = version.load();
                std::this_thread::yield();
                cache.store(Kind::Domain, key, value(read), ticket, 1, 0, {u"c:owner"_s});
            }
        });
    }
    for (int i = 1; i <= 20000; ++i) {
        version.store(i);
        if (i % 2)
            cache.invalidate(Kind::Domain, key);
        else
            cache.invalidateDependents(u"c:owner"_s);
    }
    done.store(true);
    for (std::thread &t : readers)
        t.join();
    const auto cached = cache.find(Kind::Domain, key, 1);
    if (cached)
        QCOMPARE(valueOf(cached), 20000);
}

QTEST_GUILESS_MAIN(tst_DirectoryCache)
#include "tst_directorycache.moc"
