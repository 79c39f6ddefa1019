#include "storetesthelpers.h"

#include "store/migrations.h"

#include <QFileInfo>

using namespace reg;
using namespace reg::store;

class tst_Migrations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void freshDatabaseGetsLatestSchema();
    void reopeningIsIdempotent();
    void databaseFileIsOwnerOnly();
    void refusesNewerSchema();
    void refusesMissingDatabaseWithoutCreate();
    void enforcesForeignKeys();
};

void tst_Migrations::freshDatabaseGetsLatestSchema()
{
    QTemporaryDir dir;
    auto store = storetest::openStore(dir);
    QVERIFY(store);
    QCOMPARE(store->schemaVersion(), Migrations::latestVersion());
    auto reader = store->openReader();
    QVERIFY(reader.ok());
    for (const char *table : {"journal", "users", "audit_log", "registrars", "domains", "hosts", "contacts", "monitor_sites", "monitor_devices", "monitor_links"}) {
        Result<QVariant> found = (*reader)->queryValue(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type='table' AND name=?1"),
                                                       {QString::fromLatin1(table)});
        QVERIFY(found.ok());
        QVERIFY2(found->toInt() == 1, table);
    }
    QCOMPARE((*reader)->queryValue(QStringLiteral("PRAGMA journal_mode"))->toString(), QStringLiteral("wal"));
}

void tst_Migrations::reopeningIsIdempotent()
{
    QTemporaryDir dir;
    {
        auto store = storetest::openStore(dir);
        QVERIFY(store);
        QVERIFY(store->writer().submitAndWait(storetest::addTld(QStringLiteral("example"))).ok());
    }
    auto again = storetest::openStore(dir);
    QVERIFY(again);
    QCOMPARE(again->schemaVersion(), Migrations::latestVersion());
    QCOMPARE(again->writer().journalHead(), qint64(1));
}

void tst_Migrations::databaseFileIsOwnerOnly()
{
    QTemporaryDir dir;
    auto store = storetest::openStore(dir);
    QVERIFY(store);
    const QFileInfo info(store->databaseFile());
    QCOMPARE(info.permissions() & (QFile::ReadGroup | QFile::WriteGroup | QFile::ReadOther | QFile::WriteOther), QFile::Permissions());
}

void tst_Migrations::refusesNewerSchema()
{
    QTemporaryDir dir;
    {
        auto store = storetest::openStore(dir);
        QVERIFY(store);
    }
    {
        auto raw = Connection::open(dir.filePath(QStringLiteral("registry.db")), Connection::Mode::ReadWrite);
        QVERIFY(raw.ok());
        QVERIFY((*raw)->exec(QStringLiteral("PRAGMA user_version = 99")).ok());
    }
    Result<std::unique_ptr<Store>> store = Store::open({dir.filePath(QStringLiteral("registry.db")), 16, false});
    QVERIFY(!store.ok());
    QCOMPARE(store.error().code, ErrorCode::Corrupt);
    QVERIFY2(store.error().message.contains(u"schema version 99, newer than"), qPrintable(store.error().message));
}

void tst_Migrations::refusesMissingDatabaseWithoutCreate()
{
    QTemporaryDir dir;
    Result<std::unique_ptr<Store>> store = Store::open({dir.filePath(QStringLiteral("nothing.db")), 16, false});
    QVERIFY(!store.ok());
    QCOMPARE(store.error().code, ErrorCode::NotFound);
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("nothing.db"))));
}

void tst_Migrations::enforcesForeignKeys()
{
    QTemporaryDir dir;
    auto store = storetest::openStore(dir);
    QVERIFY(store);
    Result<CommitReceipt> receipt = store->writer().submitAndWait([](Connection &db) -> Result<std::optional<JournalChange>> {
        if (auto r = db.execute(QStringLiteral("INSERT INTO hosts (roid, name, registrar_id, created_at, updated_at) "
                                               "VALUES ('H1', 'ns1.example', 'no-such-registrar', 0, 0)"));
            !r)
            return r.error();
        return std::optional<JournalChange>();
    });
    QVERIFY(!receipt.ok());
    QCOMPARE(receipt.error().code, ErrorCode::Conflict);
}

QTEST_GUILESS_MAIN(tst_Migrations)
#include "tst_migrations.moc"
