#include "storetesthelpers.h"

#include <sqlite3.h>

using namespace reg;
using namespace reg::store;

namespace {

// Tampering goes around the store, as an intruder with file access would.
void tamper(const QTemporaryDir &dir, const char *sql)
{
    sqlite3 *db = nullptr;
    QCOMPARE(sqlite3_open(QFile::encodeName(dir.filePath(QStringLiteral("registry.db"))).constData(), &db), SQLITE_OK);
    char *error = nullptr;
    const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &error);
    QVERIFY2(rc == SQLITE_OK, error);
    sqlite3_close(db);
}

void fill(Store &store, int count)
{
    for (int i = 1; i <= count; ++i)
        QVERIFY(store.writer().submitAndWait(storetest::addTld(QStringLiteral("tld%1").arg(i))).ok());
}

} // namespace

class tst_Journal : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void entriesChainFromGenesis();
    void readReturnsEntriesFromASequence();
    void detectsTampering_data();
    void detectsTampering();
    void storeRefusesToOpenATamperedJournal();
    void chainContinuesAcrossRestarts();
    void usesInjectedClock();
    void hashCoversEveryField();
};

void tst_Journal::entriesChainFromGenesis()
{
    QTemporaryDir dir;
    auto store = storetest::openStore(dir);
    fill(*store, 5);
    auto reader = store->openReader();
    Result<JournalEntries> entries = Journal::read(**reader, 1, 100);
    QVERIFY(entries.ok());
    QCOMPARE(entries->size(), 5);
    QCOMPARE(entries->first().prevHash, journalGenesisHash());
    for (int i = 1; i < 5; ++i)
        QCOMPARE(entries->at(i).prevHash, entries->at(i - 1).hash);
    Result<ChainVerification> check = Journal::verify(**reader);
    QVERIFY(check->ok);
    QCOMPARE(check->entriesChecked, qint64(5));
    QCOMPARE(Journal::head(**reader)->sequence, qint64(5));
    QCOMPARE(Journal::head(**reader)->hash, entries->last().hash);
}

void tst_Journal::readReturnsEntriesFromASequence()
{
    QTemporaryDir dir;
    auto store = storetest::openStore(dir);
    fill(*store, 10);
    auto reader = store->openReader();
    Result<JournalEntries> entries = Journal::read(**reader, 4, 3);
    QCOMPARE(entries->size(), 3);
    QCOMPARE(entries->first().sequence, qint64(4));
    QCOMPARE(entries->last().change.object, QStringLiteral("tld6"));
    QCOMPARE(entries->last().change.data.value(u"name").toString(), QStringLiteral("tld6"));
    QVERIFY(Journal::read(**reader, 11, 10)->isEmpty());
    QVERIFY(Journal::verify(**reader, 6)->ok);
}

void tst_Journal::detectsTampering_data()
{
    QTest::addColumn<QByteArray>("sql");
    QTest::addColumn<qint64>("firstBad");
    QTest::addColumn<QString>("reason");
    QTest::newRow("edited data") << QByteArray("UPDATE journal SET data = '{\"name\":\"evil\"}' WHERE seq = 3") << qint64(3) << QStringLiteral("does not match its content");
    QTest::newRow("edited actor") << QByteArray("UPDATE journal SET actor = 'someone-else' WHERE seq = 2") << qint64(2) << QStringLiteral("does not match");
    QTest::newRow("edited time") << QByteArray("UPDATE journal SET committed_at = committed_at + 1 WHERE seq = 4") << qint64(4) << QStringLiteral("does not match");
    QTest::newRow("deleted entry") << QByteArray("DELETE FROM journal WHERE seq = 3") << qint64(3) << QStringLiteral("entry 3 is missing");
    QTest::newRow("unreadable data") << QByteArray("UPDATE journal SET data = 'not json' WHERE seq = 5") << qint64(5) << QStringLiteral("unreadable");
    // Rewriting an entry's hash to match its new content breaks the link to the next entry.
    QTest::newRow("rehashed entry") << QByteArray("UPDATE journal SET hash = zeroblob(32) WHERE seq = 2") << qint64(2) << QStringLiteral("does not match");
}

void tst_Journal::detectsTampering()
{
    QFETCH(QByteArray, sql);
    QFETCH(qint64, firstBad);
    QFETCH(QString, reason);
    QTemporaryDir dir;
    {
        auto store = storetest::openStore(dir);
        fill(*store, 6);
    }
    tamper(dir, sql.constData());
    auto connection = Connection::open(dir.filePath(QStringLiteral("registry.db")), Connection::Mode::ReadOnly);
    Result<ChainVerification> check = Journal::verify(**connection);
    QVERIFY(check.ok());
    QVERIFY(!check->ok);
    QCOMPARE(check->firstBadSequence, firstBad);
    QVERIFY2(check->reason.contains(reason), qPrintable(check->reason));
}

void tst_Journal::storeRefusesToOpenATamperedJournal()
{
    QTemporaryDir dir;
    {
        auto store = storetest::openStore(dir);
        fill(*store, 3);
    }
    tamper(dir, "UPDATE journal SET object = 'other' WHERE seq = 2");
    Result<std::unique_ptr<Store>> store = Store::open({dir.filePath(QStringLiteral("registry.db")), 16, false});
    QVERIFY(!store.ok());
    QCOMPARE(store.error().code, ErrorCode::Corrupt);
    QVERIFY2(store.error().message.contains(u"broken at entry 2"), qPrintable(store.error().message));
}

void tst_Journal::chainContinuesAcrossRestarts()
{
    QTemporaryDir dir;
    {
        auto store = storetest::openStore(dir);
        fill(*store, 2);
    }
    auto store = storetest::openStore(dir);
    QVERIFY(store);
    Result<CommitReceipt> receipt = store->writer().submitAndWait(storetest::addTld(QStringLiteral("third")));
    QCOMPARE(receipt->sequence, qint64(3));
    auto reader = store->openReader();
    QVERIFY(Journal::verify(**reader)->ok);
}

void tst_Journal::usesInjectedClock()
{
    QTemporaryDir dir;
    ManualClock clock(QDateTime(QDate(2030, 5, 6), QTime(7, 8, 9, 123), Qt::UTC));
    auto store = storetest::openStore(dir, clock);
    fill(*store, 1);
    auto reader = store->openReader();
    QCOMPARE(Journal::read(**reader, 1, 1)->first().time, QDateTime(QDate(2030, 5, 6), QTime(7, 8, 9, 123), Qt::UTC));
}

void tst_Journal::hashCoversEveryField()
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(1000, Qt::UTC);
    const JournalChange base{QStringLiteral("a"), QStringLiteral("k"), QStringLiteral("o"), QJsonObject{{QStringLiteral("x"), 1}}};
    const QByteArray h = JournalEntry::computeHash(1, t, base, journalGenesisHash());
    JournalChange c = base;
    c.actor = QStringLiteral("b");
    QVERIFY(JournalEntry::computeHash(1, t, c, journalGenesisHash()) != h);
    c = base;
    c.kind = QStringLiteral("kk");
    QVERIFY(JournalEntry::computeHash(1, t, c, journalGenesisHash()) != h);
    c = base;
    c.data[QStringLiteral("x")] = 2;
    QVERIFY(JournalEntry::computeHash(1, t, c, journalGenesisHash()) != h);
    // Field boundaries matter: moving a character from one field to the next changes the hash.
    const JournalChange shifted{QStringLiteral("ak"), QString(), QStringLiteral("o"), base.data};
    QVERIFY(JournalEntry::computeHash(1, t, shifted, journalGenesisHash()) != h);
    QVERIFY(JournalEntry::computeHash(2, t, base, journalGenesisHash()) != h);
    QVERIFY(JournalEntry::computeHash(1, t.addMSecs(1), base, journalGenesisHash()) != h);
    QVERIFY(JournalEntry::computeHash(1, t, base, QByteArray(32, 'x')) != h);
    QCOMPARE(JournalEntry::computeHash(1, t, base, journalGenesisHash()), h);
}

QTEST_GUILESS_MAIN(tst_Journal)
#include "tst_journal.moc"
