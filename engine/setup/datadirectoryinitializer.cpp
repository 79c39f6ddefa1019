#include "datadirectoryinitializer.h"

#include "configtemplate.h"
#include "demodata.h"
#include "developmentpki.h"
#include "registryseeder.h"
#include "core/securefile.h"

#include "admin/useraccounts.h"
#include "core/engineconfig.h"
#include "core/logging.h"
#include "core/passwordhasher.h"
#include "srs/registrarlogin.h"
#include "store/store.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>

#include <openssl/rand.h>

namespace reg::setup {
namespace {

constexpr const char adminUser[] = "admin";

Result<void> checkTarget(const QString &dir, bool *exists)
{
    const QFileInfo info(dir);
    *exists = info.exists() || info.isSymLink();
    if (!*exists)
        return success();
    if (!info.isDir())
        return Error(ErrorCode::Conflict, QStringLiteral("%1 exists and is not a directory; registryd init needs a new or empty directory").arg(dir));
    if (!QDir(dir).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot))
        return Error(ErrorCode::Conflict, QStringLiteral("%1 is not empty; registryd init never writes into an existing data "
                                                         "directory. Choose a new directory, or remove this one if you mean "
                                                         "to start over").arg(dir));
    return success();
}

Result<void> checkOptions(const InitOptions &options, QStringList *tlds)
{
    if (options.dataDir.isEmpty())
        return Error(ErrorCode::InvalidInput, QStringLiteral("no data directory given"));
    if (!ConfigTemplate::isValidSiteName(options.siteName))
        return Error(ErrorCode::InvalidInput, QStringLiteral("\"%1\" is not a valid site name: use 1-63 lower-case letters, "
                                                             "digits and '-', starting with a letter or digit").arg(options.siteName));
    *tlds = options.tlds.isEmpty() ? QStringList{QStringLiteral("example")} : options.tlds;
    QSet<QString> seen;
    for (const QString &tld : *tlds) {
        if (!RegistrySeeder::isValidTldName(tld))
            return Error(ErrorCode::InvalidInput, QStringLiteral("\"%1\" is not a valid TLD: use 1-63 lower-case letters, digits "
                                                                 "and '-', not starting or ending with '-'").arg(tld));
        if (seen.contains(tld))
            return Error(ErrorCode::InvalidInput, QStringLiteral("the TLD \"%1\" is given twice").arg(tld));
        seen.insert(tld);
    }
    return success();
}

// What a demo registrar's developer needs to open an EPP session right away: a login user named like
// the registrar (the clID its objects show), a generated password that fits EPP's 16-character
// pwType, the client certificate init just issued bound to the registrar, and the loopback
// addresses it may connect from. The password goes only into the 0600 credentials file.
Result<void> provisionDemoRegistrarAccess(srs::RegistrarLogin &login, const QString &registrarId, const QByteArray &certificatePem,
                                          const QString &registrarDir)
{
    const QString actor = QString::fromLatin1(RegistrySeeder::actor);
    const QString userId = registrarId;
    const QString password = PasswordHasher::generatePassword(16);
    if (Result<void> r = login.createUser(registrarId, userId, password, actor); !r)
        return r.error().withContext(QStringLiteral("creating the user of %1: ").arg(registrarId));
    if (Result<void> r = login.bindCertificate(registrarId, certificatePem, actor); !r)
        return r.error().withContext(QStringLiteral("binding the certificate of %1: ").arg(registrarId));
    for (const QHostAddress &address : {QHostAddress(QHostAddress::LocalHost), QHostAddress(QHostAddress::LocalHostIPv6)}) {
        if (Result<void> r = login.addAddress(registrarId, address, actor); !r)
            return r.error().withContext(QStringLiteral("listing an address of %1: ").arg(registrarId));
    }
    const QByteArray credentials = "user=" + userId.toUtf8() + "\npassword=" + password.toUtf8() + "\n";
    return SecureFile::writeNew(registrarDir + QStringLiteral("/credentials"), credentials, SecureFile::secretMode);
}

// The shared secret zone-transfer secondaries use (TSIG, HMAC-SHA256), in a directory of its own
// so an operator can copy it to them. The line format is the one the DNS keyring reads.
constexpr const char tsigKeyName[] = "registry-xfr";
constexpr int tsigSecretBytes = 32;   // the HMAC-SHA256 output length (RFC 8945 6)

Result<void> writeTsigKey(const QString &keyFile)
{
    if (keyFile.isEmpty())
        return success();
    if (Result<void> r = SecureFile::makeDirectory(QFileInfo(keyFile).absolutePath()); !r)
        return r;
    QByteArray secret(tsigSecretBytes, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(secret.data()), tsigSecretBytes) != 1)
        return Error(ErrorCode::Internal, QStringLiteral("the random generator failed while making the TSIG key"));
    const QByteArray line = QByteArray(tsigKeyName) + " hmac-sha256 " + secret.toBase64() + '\n';
    return SecureFile::writeNew(keyFile, "# name algorithm base64-secret (RFC 8945); give this line to the secondaries\n" + line,
                                SecureFile::secretMode);
}

// Removes what a failed init created, leaving the directory as it was before.
void undo(const QString &dir, bool existedBefore)
{
    QDir d(dir);
    if (!existedBefore) {
        d.removeRecursively();
        return;
    }
    const QFileInfoList entries = d.entryInfoList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    for (const QFileInfo &entry : entries) {
        if (entry.isDir() && !entry.isSymLink())
            QDir(entry.absoluteFilePath()).removeRecursively();
        else
            QFile::remove(entry.absoluteFilePath());
    }
}

} // namespace

Result<InitReport> DataDirectoryInitializer::initialize(const InitOptions &options)
{
    QStringList tlds;
    if (Result<void> r = checkOptions(options, &tlds); !r)
        return r.error();
    const QString dir = QDir(options.dataDir).absolutePath();
    bool existed = false;
    if (Result<void> r = checkTarget(dir, &existed); !r)
        return r.error();

    if (!existed) {
        const QString parent = QFileInfo(dir).absolutePath();
        if (!QDir().mkpath(parent))
            return Error(ErrorCode::Internal, QStringLiteral("cannot create %1").arg(parent));
        if (Result<void> r = SecureFile::makeDirectory(dir); !r)
            return r.error();
    } else if (Result<void> r = SecureFile::restrictDirectory(dir); !r) {
        // An existing empty directory may have been created with a wider mode.
        return r.error();
    }

    InitOptions effective = options;
    effective.tlds = tlds;
    Result<InitReport> report = populate(effective, dir);
    if (!report) {
        undo(dir, existed);
        return report.error().withContext(QStringLiteral("initialising %1: ").arg(dir));
    }
    return report;
}

Result<InitReport> DataDirectoryInitializer::populate(const InitOptions &options, const QString &dir)
{
    const QDateTime now = m_clock.now();
    const QDir d(dir);
    InitReport report;
    report.dataDir = dir;
    report.tlds = options.tlds;

    // Configuration first, and loaded back: what init writes must be what run accepts.
    Result<QByteArray> configText = ConfigTemplate::render(options.siteName);
    if (!configText)
        return configText.error();
    report.configFile = d.filePath(QString::fromLatin1(EngineConfig::fileName));
    if (Result<void> r = SecureFile::writeNew(report.configFile, *configText, SecureFile::secretMode); !r)
        return r.error();
    Result<EngineConfig> config = EngineConfig::load(dir);
    if (!config)
        return config.error().withContext(QStringLiteral("the generated configuration does not load: "));

    for (const char *sub : {"pki", "registrars", "run"}) {
        if (Result<void> r = SecureFile::makeDirectory(d.filePath(QString::fromLatin1(sub))); !r)
            return r.error();
    }

    // The development PKI, at the paths the configuration names.
    Result<DevelopmentCa> ca = DevelopmentCa::create(QStringLiteral("registryd development CA (%1)").arg(options.siteName), now);
    if (!ca)
        return ca.error();
    Result<KeyAndCertificate> server = ca->issueServer(defaultServerIdentity(), now);
    if (!server)
        return server.error();
    const QString caKeyFile = d.filePath(QStringLiteral("pki/ca.key"));
    for (const auto &[path, data, mode] : {std::tuple{config->tls.caFile, ca->authority().certificatePem, SecureFile::publicMode},
                                           std::tuple{caKeyFile, ca->authority().privateKeyPem, SecureFile::secretMode},
                                           std::tuple{config->tls.certificateFile, server->certificatePem, SecureFile::publicMode},
                                           std::tuple{config->tls.keyFile, server->privateKeyPem, SecureFile::secretMode}}) {
        if (Result<void> r = SecureFile::writeNew(path, data, mode); !r)
            return r.error();
    }
    report.caCertificateFile = config->tls.caFile;

    if (Result<void> r = writeTsigKey(config->dns.tsigKeyFile); !r)
        return r.error().withContext(QStringLiteral("writing the TSIG key: "));
    qCInfo(lcSetup, "created the development CA and server certificate in %s", qPrintable(d.filePath(QStringLiteral("pki"))));

    // The store, created 0600 by Store::open, with migrations applied.
    Result<std::unique_ptr<store::Store>> opened =
        store::Store::open({config->store.databaseFile, config->store.groupCommitMaxBatch, /*create=*/true}, m_clock);
    if (!opened)
        return opened.error();
    store::Store &db = **opened;
    report.databaseFile = db.databaseFile();

    RegistrySeeder seeder(db.writer(), now);
    if (Result<void> r = seeder.createTlds(options.tlds); !r)
        return r.error();
    if (options.demo) {
        const DemoDataSet demo = DemoDataSet::generate(options.tlds, now);
        if (Result<void> r = seeder.loadDemoData(demo, d.filePath(QStringLiteral("monitor-secrets.key"))); !r)
            return r.error();
        srs::RegistrarLogin registrarLogin(db, m_clock);
        for (const DemoRegistrar &rar : demo.registrars) {
            const QString rarDir = d.filePath(QStringLiteral("registrars/") + rar.id);
            Result<KeyAndCertificate> client = ca->issueClient(rar.id, now);
            if (!client)
                return client.error();
            if (Result<void> r = SecureFile::makeDirectory(rarDir); !r)
                return r.error();
            if (Result<void> r = SecureFile::writeNew(rarDir + QStringLiteral("/cert.pem"), client->certificatePem, SecureFile::publicMode); !r)
                return r.error();
            if (Result<void> r = SecureFile::writeNew(rarDir + QStringLiteral("/key.pem"), client->privateKeyPem, SecureFile::secretMode); !r)
                return r.error();
            if (Result<void> r = provisionDemoRegistrarAccess(registrarLogin, rar.id, client->certificatePem, rarDir); !r)
                return r.error();
            report.registrarCertificateDirs << rarDir;
        }
    }

    // The administrator. The password exists only in this process and in the 0600 file.
    const QString password = PasswordHasher::generatePassword();
    {
        admin::UserAccounts accounts(db, m_clock);
        if (Result<void> r = accounts.createUser(QString::fromLatin1(adminUser), password, {admin::Role::Admin},
                                                 QString::fromLatin1(RegistrySeeder::actor));
            !r)
            return r.error().withContext(QStringLiteral("creating the admin account: "));
    }
    report.adminPasswordFile = d.filePath(QStringLiteral("admin-password"));
    if (Result<void> r = SecureFile::writeNew(report.adminPasswordFile, password.toUtf8() + '\n', SecureFile::secretMode); !r)
        return r.error();

    report.journalEntries = int(db.writer().journalHead());
    db.close();
    qCInfo(lcSetup, "initialised %s: TLDs %s%s", qPrintable(dir), qPrintable(options.tlds.join(QStringLiteral(", "))),
           options.demo ? " with demo data" : "");
    return report;
}

} // namespace reg::setup
