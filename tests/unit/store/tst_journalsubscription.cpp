#include "storetesthelpers.h"

#include <QSignalSpy>

using namespace reg;
using namespace reg::store;

namespace {

// Collects what a subscription delivers and checks that it arrives in order without gaps.
class Collector : public QObject
{
public:
    explicit Collector(JournalSubscription *subscription)
    {
        connect(subscription, &JournalSubscription::entry, this, [this](const JournalEntry &e) {
            if (!sequences.isEmpty() && e.sequence != sequences.last() + 1)
                outOfOrder = true;
            sequences.append(e.sequence);
        });
    }
    QList<qint64> sequences;
    bool outOfOrder = false;
};

void fill(Store &store, int from, int to)
{
    for (int i = from; i <= to; ++i)
        store.writer().submit(storetest::addTld(QStringLiteral("t%1").arg(i)), nullptr, {});
}

} // namespace

class tst_JournalSubscription : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void catchesUpThenFollowsLiveCommits();
    void startsFromAnySequence();
    void fromBeyondTheHeadDeliversOnlyNewEntries();
    void liveCommitsDuringCatchUpAreNeitherLostNorRepeated();
};

void tst_JournalSubscription::catchesUpThenFollowsLiveCommits()
{
    QTemporaryDir dir;
    auto store = storetest::openStore(dir);
    fill(*store, 1, 1200);  // more than one catch-up batch
    QVERIFY(store->writer().submitAndWait(storetest::addTld(QStringLiteral("sync"))).ok());
    QCOMPARE(store->writer().journalHead(), qint64(1201));

    auto *subscription = store->subscribe(1, this);
    Collector collector(subscription);
    QTRY_COMPARE(collector.sequences.size(), 1201);
    fill(*store, 1202, 1210);
    QTRY_COMPARE(collector.sequences.size(), 1210);
    QVERIFY(!collector.outOfOrder);
    QCOMPARE(collector.sequences.first(), qint64(1));
    QCOMPARE(subscription->nextSequence(), qint64(1211));
    delete subscription;
}

void tst_JournalSubscription::startsFromAnySequence()
{
    QTemporaryDir dir;
    auto store = storetest::openStore(dir);
    fill(*store, 1, 20);
    QVERIFY(store->writer().submitAndWait(storetest::addTld(QStringLiteral("x"))).ok());
    auto *subscription = store->subscribe(15, this);
    Collector collector(subscription);
    QTRY_COMPARE(collector.sequences.size(), 7);
    QCOMPARE(collector.sequences.first(), qint64(15));
    QCOMPARE(collector.sequences.last(), qint64(21));
    delete subscription;
}

void tst_JournalSubscription::fromBeyondTheHeadDeliversOnlyNewEntries()
{
    QTemporaryDir dir;
    auto store = storetest::openStore(dir);
    fill(*store, 1, 5);
    QVERIFY(store->writer().submitAndWait(storetest::addTld(QStringLiteral("x"))).ok());
    auto *subscription = store->subscribe(store->writer().journalHead() + 1, this);
    Collector collector(subscription);
    QTest::qWait(50);
    QVERIFY(collector.sequences.isEmpty());
    QVERIFY(store->writer().submitAndWait(storetest::addTld(QStringLiteral("y"))).ok());
    QTRY_COMPARE(collector.sequences, QList<qint64>({7}));
    delete subscription;
}

void tst_JournalSubscription::liveCommitsDuringCatchUpAreNeitherLostNorRepeated()
{
    QTemporaryDir dir;
    auto store = storetest::openStore(dir);
    fill(*store, 1, 1000);
    auto *subscription = store->subscribe(1, this);
    Collector collector(subscription);
    // Commits race with the catch-up batches.
    fill(*store, 1001, 2000);
    QTRY_COMPARE_WITH_TIMEOUT(collector.sequences.size(), 2000, 20000);
    QVERIFY(!collector.outOfOrder);
    QCOMPARE(collector.sequences.last(), qint64(2000));
    delete subscription;
}

QTEST_GUILESS_MAIN(tst_JournalSubscription)
#include "tst_journalsubscription.moc"
