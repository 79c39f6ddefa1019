#include "setup/datadirectoryinitializer.h"
#include "setup/securefile.h"

#include "admin/useraccounts.h"
#include "core/clock.h"
#include "core/engineconfig.h"
#include "core/passwordhasher.h"
#include "store/connection.h"
#include "store/journal.h"
#include "store/store.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace reg;
using namespace reg::setup;

namespace {

qint64 count(store::Connection &db, const QString &sql)
{
    Result<QVariant> v = db.queryValue(sql);
    return v.ok() ? v->toLongLong() : -1;
}

QStringList listing(const QString &dir)
{
    QStringList all;
    QDir d(dir);
    const QFileInfoList entries = d.entryInfoList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
    for (const QFileInfo &e : entries) {
        all << e.fileName();
        if (e.isDir())
            for (const QString &sub : listing(e.absoluteFilePath()))
                all << e.fileName() + u'/' + sub;
    }
    return all;
}

} // namespace

class tst_DataDirectoryInitializer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createsACompleteDemoRegistry()
    {
        QTemporaryDir root;
        const QString dir = root.filePath(QStringLiteral("data"));
        ManualClock clock(QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC));
        DataDirectoryInitializer init(clock);
        Result<InitReport> report = init.initialize({dir, {QStringLiteral("example"), QStringLiteral("test")}, QStringLiteral("site-b"), true});
        QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().message));

        Result<EngineConfig> config = EngineConfig::load(dir);
        QVERIFY2(config.ok(), qPrintable(config.ok() ? QString() : config.error().message));
        QCOMPARE(config->siteName, QStringLiteral("site-b"));

        // Secrets and the database: 0600; directories 0700; certificates may be public.
        QCOMPARE(SecureFile::permissions(dir), 0700);
        for (const char *secret : {"registry.db", "admin-password", "registryd.conf", "pki/ca.key", "pki/server.key",
                                   "registrars/rar-alpha/key.pem", "registrars/rar-bravo/key.pem", "registrars/rar-charlie/key.pem"})
            QVERIFY2(SecureFile::permissions(QDir(dir).filePath(QString::fromLatin1(secret))) == 0600, secret);
        for (const char *sub : {"pki", "registrars", "run", "registrars/rar-alpha"})
            QVERIFY2(SecureFile::permissions(QDir(dir).filePath(QString::fromLatin1(sub))) == 0700, sub);

        auto db = store::Connection::open(config->store.databaseFile, store::Connection::Mode::ReadOnly);
        QVERIFY(db.ok());
        QCOMPARE(count(**db, QStringLiteral("SELECT count(*) FROM tlds")), 2);
        QCOMPARE(count(**db, QStringLiteral("SELECT count(*) FROM registrars")), 3);
        QCOMPARE(count(**db, QStringLiteral("SELECT count(*) FROM domains")), 300);
        QCOMPARE(count(**db, QStringLiteral("SELECT count(*) FROM contacts")), 60);
        QCOMPARE(count(**db, QStringLiteral("SELECT count(*) FROM hosts")), 40);
        QVERIFY(count(**db, QStringLiteral("SELECT count(*) FROM host_addresses")) > 0);
        QVERIFY(count(**db, QStringLiteral("SELECT count(*) FROM domain_hosts WHERE domain_roid = 'D000001-REG'")) >= 2);
        QCOMPARE(count(**db, QStringLiteral("SELECT count(*) FROM sites")), 6);
        QVERIFY(count(**db, QStringLiteral("SELECT count(*) FROM links")) > 0);
        QCOMPARE(count(**db, QStringLiteral("SELECT count(*) FROM users WHERE name = 'admin'")), 1);

        // One journal entry per object, all by "setup", chained correctly.
        const qint64 objects = count(**db, QStringLiteral("SELECT (SELECT count(*) FROM tlds) + (SELECT count(*) FROM registrars) "
                                                          "+ (SELECT count(*) FROM contacts) + (SELECT count(*) FROM hosts) "
                                                          "+ (SELECT count(*) FROM domains) + (SELECT count(*) FROM sites) "
                                                          "+ (SELECT count(*) FROM devices) + (SELECT count(*) FROM links) + 1"));
        QCOMPARE(count(**db, QStringLiteral("SELECT count(*) FROM journal")), objects);
        QCOMPARE(qint64(report->journalEntries), objects);
        QCOMPARE(count(**db, QStringLiteral("SELECT count(*) FROM journal WHERE actor <> 'setup'")), 0);
        QCOMPARE(count(**db, QStringLiteral("SELECT count(*) FROM journal WHERE kind = 'domain.create'")), 300);
        Result<store::ChainVerification> chain = store::Journal::verify(**db);
        QVERIFY(chain.ok());
        QVERIFY2(chain->ok, qPrintable(chain->reason));
        // No password hash in the journal (the password itself is checked in the next test).
        QCOMPARE(count(**db, QStringLiteral("SELECT count(*) FROM journal WHERE data LIKE '%scrypt%'")), 0);
    }

    void adminPasswordFileHoldsAWorkingPassword()
    {
        QTemporaryDir root;
        const QString dir = root.filePath(QStringLiteral("data"));
        ManualClock clock(QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC));
        QVERIFY(DataDirectoryInitializer(clock).initialize({dir, {}, QStringLiteral("site-a"), false}).ok());
        QFile file(QDir(dir).filePath(QStringLiteral("admin-password")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString password = QString::fromUtf8(file.readAll()).trimmed();
        QVERIFY(password.size() >= 16);

        auto config = EngineConfig::load(dir);
        QVERIFY(config.ok());
        auto db = store::Connection::open(config->store.databaseFile, store::Connection::Mode::ReadOnly);
        QVERIFY(db.ok());
        Result<QVariant> hash = (*db)->queryValue(QStringLiteral("SELECT password_hash FROM users WHERE name = 'admin'"));
        QVERIFY(hash.ok());
        QVERIFY(PasswordHasher::verify(password, hash->toString()));
        QVERIFY(!PasswordHasher::verify(password + u'x', hash->toString()));
        Result<QVariant> journal = (*db)->queryValue(QStringLiteral("SELECT group_concat(data) FROM journal"));
        QVERIFY(journal.ok());
        QVERIFY(!journal->toString().contains(password));
        QCOMPARE(count(**db, QStringLiteral("SELECT count(*) FROM tlds WHERE name = 'example'")), 1);
        QCOMPARE(count(**db, QStringLiteral("SELECT count(*) FROM domains")), 0);
    }

    void refusesANonEmptyDirectoryAndChangesNothing()
    {
        QTemporaryDir root;
        QFile stray(root.filePath(QStringLiteral("notes.txt")));
        QVERIFY(stray.open(QIODevice::WriteOnly));
        stray.write("keep me");
        stray.close();
        const QStringList before = listing(root.path());
        Result<InitReport> report = DataDirectoryInitializer().initialize({root.path(), {}, QStringLiteral("site-a"), true});
        QVERIFY(!report.ok());
        QCOMPARE(report.error().code, ErrorCode::Conflict);
        QVERIFY2(report.error().message.contains(QStringLiteral("not empty")), qPrintable(report.error().message));
        QCOMPARE(listing(root.path()), before);
    }

    void acceptsAnExistingEmptyDirectory()
    {
        QTemporaryDir root;
        QVERIFY(QFile::setPermissions(root.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup));
        Result<InitReport> report = DataDirectoryInitializer().initialize({root.path(), {}, QStringLiteral("site-a"), false});
        QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().message));
        QCOMPARE(SecureFile::permissions(root.path()), 0700);
    }

    void badOptionsCreateNothing_data()
    {
        QTest::addColumn<QStringList>("tlds");
        QTest::addColumn<QString>("site");
        QTest::newRow("upper-case tld") << QStringList{QStringLiteral("Example")} << QStringLiteral("site-a");
        QTest::newRow("tld with dot") << QStringList{QStringLiteral("co.example")} << QStringLiteral("site-a");
        QTest::newRow("duplicate tld") << QStringList{QStringLiteral("test"), QStringLiteral("test")} << QStringLiteral("site-a");
        QTest::newRow("bad site") << QStringList() << QStringLiteral("Site A");
    }
    void badOptionsCreateNothing()
    {
        QFETCH(QStringList, tlds);
        QFETCH(QString, site);
        QTemporaryDir root;
        const QString dir = root.filePath(QStringLiteral("data"));
        Result<InitReport> report = DataDirectoryInitializer().initialize({dir, tlds, site, true});
        QVERIFY(!report.ok());
        QCOMPARE(report.error().code, ErrorCode::InvalidInput);
        QVERIFY(!QFile::exists(dir));
    }
};

QTEST_GUILESS_MAIN(tst_DataDirectoryInitializer)
#include "tst_datadirectoryinitializer.moc"
