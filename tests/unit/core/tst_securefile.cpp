#include "core/securefile.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace reg;

class tst_SecureFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_oldUmask = ::umask(0);   // the widest umask: modes must come from the code, not the umask
    }
    void cleanup() { ::umask(m_oldUmask); }

    void createsFilesWithExactlyTheRequestedMode_data()
    {
        QTest::addColumn<unsigned>("mode");
        QTest::newRow("secret") << SecureFile::secretMode;
        QTest::newRow("public") << SecureFile::publicMode;
    }
    void createsFilesWithExactlyTheRequestedMode()
    {
        QFETCH(unsigned, mode);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("f"));
        QVERIFY(SecureFile::writeNew(path, "data", mode).ok());
        QCOMPARE(SecureFile::permissions(path), int(mode));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("data"));
    }

    void secretModeHoldsUnderAPermissiveUmask()
    {
        ::umask(022);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("key"));
        QVERIFY(SecureFile::writeNew(path, "k").ok());
        QCOMPARE(SecureFile::permissions(path), 0600);
    }

    void refusesToOverwriteAnExistingFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("f"));
        QVERIFY(SecureFile::writeNew(path, "first").ok());
        const reg::Result<void> second = SecureFile::writeNew(path, "second");
        QVERIFY(!second.ok());
        QCOMPARE(second.error().code, reg::ErrorCode::Conflict);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("first"));
    }

    void doesNotFollowASymlink()
    {
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("target"));
        const QString link = dir.filePath(QStringLiteral("link"));
        QVERIFY(QFile::link(target, link));
        QVERIFY(!SecureFile::writeNew(link, "secret").ok());
        QVERIFY(!QFile::exists(target));
    }

    void replaceSwapsContentAndSetsMode()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ready.json"));
        QVERIFY(SecureFile::writeNew(path, "old", SecureFile::publicMode).ok());
        QVERIFY(SecureFile::replace(path, "new").ok());
        QCOMPARE(SecureFile::permissions(path), 0600);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("new"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("ready.json")});  // no temporary left
    }

    void makeDirectoryUsesMode0700()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("pki"));
        QVERIFY(SecureFile::makeDirectory(path).ok());
        QCOMPARE(SecureFile::permissions(path), 0700);
        QVERIFY(SecureFile::makeDirectory(path).ok());   // existing directory accepted
        QVERIFY(SecureFile::writeNew(dir.filePath(QStringLiteral("file")), "x").ok());
        QVERIFY(!SecureFile::makeDirectory(dir.filePath(QStringLiteral("file"))).ok());
    }

private:
    mode_t m_oldUmask = 022;
};

QTEST_GUILESS_MAIN(tst_SecureFile)
#include "tst_securefile.moc"
