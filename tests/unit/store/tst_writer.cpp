#include "storetesthelpers.h"

#include <QSignalSpy>


using namespace reg;
using namespace reg::store;

class tst_Writer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void numbersJournalEntriesInCommitOrder();
    void commitsQueuedWorkInOneGroup();
    void failedWorkRollsBackOnlyItself();
    void answersOnlyAfterTheCommitIsVisible();
    void workWithoutJournalChangeWritesNoEntry();
    void throwingWorkFailsCleanly();
    void shutdownFinishesQueuedWorkThenRefuses();
    void callbackIsDroppedWhenContextDies();
};

void tst_Writer::numbersJournalEntriesInCommitOrder()
{
    QTemporaryDir dir;
    auto store = storetest::openStore(dir);
    QVERIFY(store);
    QSignalSpy committed(&store->writer(), &Writer::committed);
    for (int i = 1; i <= 3; ++i) {
        Result<CommitReceipt> receipt = store->writer().submitAndWait(storetest::addTld(QStringLiteral("tld%1").arg(i)));
        QVERIFY(receipt.ok());
        QCOMPARE(receipt->sequence, qint64(i));
        QVERIFY(receipt->committedAt.isValid());
    }
    QCOMPARE(store->writer().journalHead(), qint64(3));
    QTRY_COMPARE(committed.count(), 3);
    QCOMPARE(committed.at(2).at(0).value<JournalEntries>().first().change.object, QStringLiteral("tld3"));
}

void tst_Writer::commitsQueuedWorkInOneGroup()
{
    QTemporaryDir dir;
    auto store = storetest::openStore(dir);
    QVERIFY(store);
    const qint64 commitsBefore = store->writer().commitCount();

    // Hold the writer inside a first transaction while 100 more commands queue up behind it.
    storetest::WriterGate gate(store->writer());

    int answered = 0;
    QList<qint64> sequences;
    for (int i = 0; i < 100; ++i) {
        store->writer().submit(storetest::addTld(QStringLiteral("t%1").arg(i)), this, [&](Result<CommitReceipt> r) {
            QVERIFY(r.ok());
            sequences.append(r->sequence);
            ++answered;
        });
    }
    gate.release();
    QTRY_COMPARE(answered, 100);
    // One transaction for the blocker, one for all 100 queued commands: one fsync, not 100.
    QCOMPARE(store->writer().commitCount() - commitsBefore, qint64(2));
    for (int i = 0; i < 100; ++i)
        QCOMPARE(sequences[i], qint64(i + 1));
}

void tst_Writer::failedWorkRollsBackOnlyItself()
{
    QTemporaryDir dir;
    auto store = storetest::openStore(dir);
    QVERIFY(store);
    storetest::WriterGate gate(store->writer());
    QList<bool> outcomes(3);
    int answered = 0;
    const auto record = [&](int index) {
        return [&, index](Result<CommitReceipt> r) { outcomes[index] = r.ok(); ++answered; };
    };
    store->writer().submit(storetest::addTld(QStringLiteral("good1")), this, record(0));
    // Writes a row, then fails: the row must not survive.
    store->writer().submit([](Connection &db) -> Result<std::optional<JournalChange>> {
        (void)db.execute(QStringLiteral("INSERT INTO tlds (name, created_at) VALUES ('half-done', 0)"));
        return Error(ErrorCode::Conflict, QStringLiteral("refused"));
    }, this, record(1));
    store->writer().submit(storetest::addTld(QStringLiteral("good2")), this, record(2));
    gate.release();
    QTRY_COMPARE(answered, 3);
    QCOMPARE(outcomes, QList<bool>({true, false, true}));

    auto reader = store->openReader();
    QCOMPARE((*reader)->queryValue(QStringLiteral("SELECT group_concat(name) FROM (SELECT name FROM tlds ORDER BY name)"))->toString(),
             QStringLiteral("good1,good2"));
    // The failed work consumed no sequence number: the chain has no hole.
    QCOMPARE((*reader)->queryValue(QStringLiteral("SELECT group_concat(seq) FROM journal"))->toString(), QStringLiteral("1,2"));
    QVERIFY(Journal::verify(**reader)->ok);
}

void tst_Writer::answersOnlyAfterTheCommitIsVisible()
{
    QTemporaryDir dir;
    auto store = storetest::openStore(dir);
    QVERIFY(store);
    auto reader = store->openReader();
    QVERIFY(reader.ok());
    bool seen = false;
    store->writer().submit(storetest::addTld(QStringLiteral("visible")), this, [&](Result<CommitReceipt> r) {
        QVERIFY(r.ok());
        // Another connection sees it the moment the caller is told.
        seen = (*reader)->queryValue(QStringLiteral("SELECT count(*) FROM tlds WHERE name = 'visible'"))->toInt() == 1;
    });
    QTRY_VERIFY(seen);
}

void tst_Writer::workWithoutJournalChangeWritesNoEntry()
{
    QTemporaryDir dir;
    auto store = storetest::openStore(dir);
    QVERIFY(store);
    Result<CommitReceipt> receipt = store->writer().submitAndWait([](Connection &db) -> Result<std::optional<JournalChange>> {
        if (auto r = db.execute(QStringLiteral("INSERT INTO audit_log (at, actor, source, action, outcome) VALUES (1, 'a', '127.0.0.1', 'login', 'failure')")); !r)
            return r.error();
        return std::optional<JournalChange>();
    });
    QVERIFY(receipt.ok());
    QCOMPARE(receipt->sequence, qint64(0));
    QCOMPARE(store->writer().journalHead(), qint64(0));
}

void tst_Writer::throwingWorkFailsCleanly()
{
    QTemporaryDir dir;
    auto store = storetest::openStore(dir);
    QVERIFY(store);
    Result<CommitReceipt> receipt = store->writer().submitAndWait([](Connection &) -> Result<std::optional<JournalChange>> {
        throw std::runtime_error("bug");
    });
    QVERIFY(!receipt.ok());
    QCOMPARE(receipt.error().code, ErrorCode::Internal);
    QVERIFY(store->writer().submitAndWait(storetest::addTld(QStringLiteral("after"))).ok());
}

void tst_Writer::shutdownFinishesQueuedWorkThenRefuses()
{
    QTemporaryDir dir;
    {
        auto store = storetest::openStore(dir);
        QVERIFY(store);
        for (int i = 0; i < 50; ++i)
            store->writer().submit(storetest::addTld(QStringLiteral("q%1").arg(i)), nullptr, {});
        store->writer().shutdown();
        Result<CommitReceipt> late = store->writer().submitAndWait(storetest::addTld(QStringLiteral("late")));
        QVERIFY(!late.ok());
        QCOMPARE(late.error().code, ErrorCode::Unavailable);
    }
    auto reopened = storetest::openStore(dir);
    QVERIFY(reopened);
    QCOMPARE(reopened->writer().journalHead(), qint64(50));
}

void tst_Writer::callbackIsDroppedWhenContextDies()
{
    QTemporaryDir dir;
    auto store = storetest::openStore(dir);
    QVERIFY(store);
    storetest::WriterGate gate(store->writer());
    bool called = false;
    auto *context = new QObject;
    store->writer().submit(storetest::addTld(QStringLiteral("orphan")), context, [&](Result<CommitReceipt>) { called = true; });
    delete context;
    gate.release();
    QVERIFY(store->writer().submitAndWait(storetest::addTld(QStringLiteral("after"))).ok());
    QCoreApplication::processEvents();
    QVERIFY(!called);
    // The work itself still committed.
    QCOMPARE(store->writer().journalHead(), qint64(2));
}

QTEST_GUILESS_MAIN(tst_Writer)
#include "tst_writer.moc"
