#include "setup/datadirectoryinitializer.h"
#include "setup/demodata.h"
#include "core/securefile.h"

#include "admin/useraccounts.h"
#include "core/clock.h"
#include "core/engineconfig.h"
#include "core/passwordhasher.h"
#include "srs/registrarlogin.h"
#include "srs/roidallocator.h"
#include "store/connection.h"
#include "store/journal.h"
#include "store/store.h"

#include <QCryptographicHash>
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

// The "key=value" lines of a credentials file.
QHash<QString, QString> readCredentials(const QString &path)
{
    QHash<QString, QString> values;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return values;
    for (const QByteArray &line : file.readAll().split('\n')) {
        const qsizetype eq = line.indexOf('=');
        if (eq > 0)
            values.insert(QString::fromUtf8(line.left(eq)), QString::fromUtf8(line.mid(eq + 1)));
    }
    return values;
}

// SHA-256 of a PEM certificate's DER bytes, as the TLS layer reports a peer certificate.
QByteArray certificateSha256(const QString &pemPath)
{
    QFile file(pemPath);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QByteArray base64;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (!line.startsWith("-----"))
            base64 += line.trimmed();
    }
    return QCryptographicHash::hash(QByteArray::fromBase64(base64), QCryptographicHash::Sha256);
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
                                   "registrars/rar-alpha/key.pem", "registrars/rar-bravo/key.pem", "registrars/rar-charlie/key.pem",
                                   "registrars/rar-alpha/credentials", "registrars/rar-bravo/credentials",
                                   "registrars/rar-charlie/credentials"})
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
        QCOMPARE(count(**db, QStringLiteral("SELECT count(*) FROM monitor_sites")), 6);
        QVERIFY(count(**db, QStringLiteral("SELECT count(*) FROM monitor_links")) > 0);
        // The demo network's SNMP secrets are sealed, never in clear.
        QCOMPARE(count(**db, QStringLiteral("SELECT count(*) FROM monitor_devices WHERE community_sealed IS NULL AND snmp_version = '2c'")), 0);
        QCOMPARE(count(**db, QStringLiteral("SELECT count(*) FROM monitor_devices WHERE instr(community_sealed, 'demo-public') > 0")), 0);
        QCOMPARE(SecureFile::permissions(QDir(dir).filePath(QStringLiteral("monitor-secrets.key"))), 0600);
        QCOMPARE(count(**db, QStringLiteral("SELECT count(*) FROM users WHERE name = 'admin'")), 1);

        // One journal entry per object (registrar users, certificates and addresses included), all by
        // "setup", chained correctly.
        const qint64 objects = count(**db, QStringLiteral("SELECT (SELECT count(*) FROM tlds) + (SELECT count(*) FROM registrars) "
                                                          "+ (SELECT count(*) FROM contacts) + (SELECT count(*) FROM hosts) "
                                                          "+ (SELECT count(*) FROM domains) "
                                                          "+ (SELECT count(*) FROM registrar_users) "
                                                          "+ (SELECT count(*) FROM registrar_certificates) "
                                                          "+ (SELECT count(*) FROM registrar_addresses) + 1"));
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

    void demoRegistrarsCanLogInWithTheirCredentials()
    {
        QTemporaryDir root;
        const QString dir = root.filePath(QStringLiteral("data"));
        ManualClock clock(QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC));
        QVERIFY(DataDirectoryInitializer(clock).initialize({dir, {}, QStringLiteral("site-a"), true}).ok());

        auto config = EngineConfig::load(dir);
        QVERIFY(config.ok());
        auto store = store::Store::open({config->store.databaseFile, 16, false}, clock);
        QVERIFY(store.ok());
        srs::RegistrarLogin login(**store, clock);
        QStringList journal;
        for (const char *registrar : {"rar-alpha", "rar-bravo", "rar-charlie"}) {
            const QString rarDir = QDir(dir).filePath(QStringLiteral("registrars/") + QString::fromLatin1(registrar));
            QCOMPARE(QDir(rarDir).entryList(QDir::Files, QDir::Name),
                     (QStringList{QStringLiteral("cert.pem"), QStringLiteral("credentials"), QStringLiteral("key.pem")}));
            const QString credentialsFile = rarDir + QStringLiteral("/credentials");
            QCOMPARE(SecureFile::permissions(credentialsFile), 0600);
            const QHash<QString, QString> credentials = readCredentials(credentialsFile);
            QCOMPARE(credentials.size(), 2);
            const QString user = credentials.value(QStringLiteral("user"));
            const QString password = credentials.value(QStringLiteral("password"));
            // EPP clIDType and pwType limits, so any EPP client can send them.
            QVERIFY2(user.size() >= 3 && user.size() <= 16, qPrintable(user));
            QVERIFY(password.size() >= 6 && password.size() <= 16);

            for (const char *peer : {"127.0.0.1", "::1"}) {
                srs::RegistrarLoginRequest request;
                request.userId = user;
                request.password = password;
                request.certificateSha256 = certificateSha256(rarDir + QStringLiteral("/cert.pem"));
                request.peer = QHostAddress(QString::fromLatin1(peer));
                std::optional<srs::RegistrarLoginResult> result;
                login.authenticate(request, {}, this, [&](srs::RegistrarLoginResult r) { result = std::move(r); });
                QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 30000);
                QCOMPARE(result->outcome, srs::RegistrarLoginResult::Outcome::Granted);
                QCOMPARE(result->registrarId, QString::fromLatin1(registrar));
            }
            // The certificate of one registrar does not log in another's user.
            srs::RegistrarLoginRequest foreign;
            foreign.userId = user;
            foreign.password = password;
            foreign.certificateSha256 = certificateSha256(QDir(dir).filePath(
                QStringLiteral("registrars/") + (QString::fromLatin1(registrar) == u"rar-alpha" ? QStringLiteral("rar-bravo")
                                                                                              : QStringLiteral("rar-alpha"))
                + QStringLiteral("/cert.pem")));
            foreign.peer = QHostAddress(QHostAddress::LocalHost);
            std::optional<srs::RegistrarLoginResult> result;
            login.authenticate(foreign, {}, this, [&](srs::RegistrarLoginResult r) { result = std::move(r); });
            QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 30000);
            QCOMPARE(result->outcome, srs::RegistrarLoginResult::Outcome::CertificateNotBound);

            // The password is nowhere but in the credentials file.
            auto reader = (*store)->openReader();
            QVERIFY(reader.ok());
            Result<QVariant> all = (*reader)->queryValue(QStringLiteral("SELECT group_concat(data) FROM journal"));
            QVERIFY(all.ok());
            QVERIFY(!all->toString().contains(password));
        }
    }

    void demoDataFollowsTheSchema()
    {
        QTemporaryDir root;
        const QString dir = root.filePath(QStringLiteral("data"));
        ManualClock clock(QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC));
        QVERIFY(DataDirectoryInitializer(clock).initialize({dir, {QStringLiteral("example"), QStringLiteral("test")},
                                                            QStringLiteral("site-a"), true})
                    .ok());
        auto config = EngineConfig::load(dir);
        QVERIFY(config.ok());
        auto db = store::Connection::open(config->store.databaseFile, store::Connection::Mode::ReadOnly);
        QVERIFY(db.ok());

        // Computed statuses are never stored.
        for (const char *table : {"domains", "hosts", "contacts"}) {
            const QString sql = QStringLiteral("SELECT count(*) FROM %1 WHERE ' ' || statuses || ' ' LIKE '%% ok %%' "
                                               "OR ' ' || statuses || ' ' LIKE '%% linked %%' "
                                               "OR ' ' || statuses || ' ' LIKE '%% inactive %%'").arg(QString::fromLatin1(table));
            QVERIFY2(count(**db, sql) == 0, table);
        }
        QVERIFY(count(**db, QStringLiteral("SELECT count(*) FROM domains WHERE statuses = ''")) > 100);
        QVERIFY(count(**db, QStringLiteral("SELECT count(*) FROM domains WHERE statuses LIKE '%clientTransferProhibited%'")) > 0);
        // The sponsor created them.
        for (const char *table : {"domains", "hosts", "contacts"})
            QVERIFY2(count(**db, QStringLiteral("SELECT count(*) FROM %1 WHERE creator_id <> registrar_id").arg(QString::fromLatin1(table))) == 0,
                     table);
        QCOMPARE(count(**db, QStringLiteral("SELECT count(*) FROM contacts WHERE postal_type <> 'int'")), 0);
        // Every host directly under a demo domain is linked to it, every other host is external.
        QCOMPARE(count(**db, QStringLiteral("SELECT count(*) FROM hosts h JOIN domains d ON h.domain_roid = d.roid "
                                            "WHERE h.name = substr(h.name, 1, instr(h.name, '.')) || d.name")),
                 qint64(DemoDataSet::subordinateHosts));
        QCOMPARE(count(**db, QStringLiteral("SELECT count(*) FROM hosts WHERE domain_roid IS NULL")), qint64(DemoDataSet::externalHosts));
        QCOMPARE(count(**db, QStringLiteral("SELECT count(*) FROM hosts WHERE domain_roid IS NULL AND substr(name, instr(name, '.') + 1) "
                                            "IN (SELECT name FROM domains)")),
                 0);
        // New objects continue after the demo ROIDs.
        QCOMPARE(count(**db, QStringLiteral("SELECT last FROM roid_counters WHERE prefix = 'D'")),
                 count(**db, QStringLiteral("SELECT max(CAST(substr(roid, 2, 6) AS INTEGER)) FROM domains")));
        QCOMPARE(count(**db, QStringLiteral("SELECT last FROM roid_counters WHERE prefix = 'C'")), 60);
        QCOMPARE(count(**db, QStringLiteral("SELECT last FROM roid_counters WHERE prefix = 'H'")), 40);
        // Every TLD is on sale.
        QCOMPARE(count(**db, QStringLiteral("SELECT count(*) FROM prices")), 10);
        QCOMPARE(count(**db, QStringLiteral("SELECT cents FROM prices WHERE tld = 'test' AND operation = 'restore'")), 4000);
        // Three users, three certificates, two loopback addresses each.
        QCOMPARE(count(**db, QStringLiteral("SELECT count(*) FROM registrar_users")), 3);
        QCOMPARE(count(**db, QStringLiteral("SELECT count(*) FROM registrar_certificates")), 3);
        QCOMPARE(count(**db, QStringLiteral("SELECT count(*) FROM registrar_addresses WHERE address IN ('127.0.0.1', '::1')")), 6);
    }

    void withoutDemoThereArePricesButNoRegistrarAccess()
    {
        QTemporaryDir root;
        const QString dir = root.filePath(QStringLiteral("data"));
        ManualClock clock(QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC));
        Result<InitReport> report = DataDirectoryInitializer(clock).initialize({dir, {QStringLiteral("example")}, QStringLiteral("site-a"), false});
        QVERIFY(report.ok());
        QVERIFY(report->registrarCertificateDirs.isEmpty());
        QVERIFY(QDir(QDir(dir).filePath(QStringLiteral("registrars"))).isEmpty());
        auto config = EngineConfig::load(dir);
        QVERIFY(config.ok());
        auto db = store::Connection::open(config->store.databaseFile, store::Connection::Mode::ReadOnly);
        QVERIFY(db.ok());
        for (const char *operation : {"create", "renew", "autoRenew", "transfer"}) {
            QCOMPARE(count(**db, QStringLiteral("SELECT cents FROM prices WHERE tld = 'example' AND operation = '%1'")
                                     .arg(QString::fromLatin1(operation))),
                     800);
        }
        QCOMPARE(count(**db, QStringLiteral("SELECT cents FROM prices WHERE tld = 'example' AND operation = 'restore'")), 4000);
        for (const char *table : {"registrar_users", "registrar_certificates", "registrar_addresses", "roid_counters"})
            QVERIFY2(count(**db, QStringLiteral("SELECT count(*) FROM %1").arg(QString::fromLatin1(table))) == 0, table);
        QCOMPARE(qint64(report->journalEntries), count(**db, QStringLiteral("SELECT count(*) FROM journal")));
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
