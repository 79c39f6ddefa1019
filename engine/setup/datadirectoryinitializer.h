#pragma once

#include "core/clock.h"
#include "core/result.h"

#include <QString>
#include <QStringList>

namespace reg::setup {

struct InitOptions
{
    QString dataDir;
    QStringList tlds;                              // empty: {"example"}
    QString siteName = QStringLiteral("site-a");
    bool demo = false;
};

struct InitReport
{
    QString dataDir;                 // absolute
    QString configFile;
    QString databaseFile;
    QString caCertificateFile;
    QString adminPasswordFile;
    QStringList tlds;
    QStringList registrarCertificateDirs;
    int journalEntries = 0;
};

// `registryd init`: turns an absent or empty directory into a ready-to-run data directory:
//   registryd.conf    documented configuration (ConfigTemplate), checked by loading it back
//   registry.db       the SQLite store with the TLDs (and the demo data set), mode 0600
//   pki/              development CA and server certificate; keys 0600, directory 0700
//   registrars/<id>/  per demo registrar: cert.pem and key.pem (its client certificate) and
//                     credentials ("user=" and "password=" lines of its EPP login), 0600
//   admin-password    the generated password of the "admin" account, 0600, created O_EXCL
//   dns/tsig.key      one fresh 32-byte TSIG key "registry-xfr" (hmac-sha256) for the zone-transfer
//                     secondaries, 0600 in a 0700 directory
//   run/              where `registryd run` writes ready.json
// Anything else in the way is refused before anything is written; a failure half-way removes what
// this run created, so the directory is either fully initialised or as it was.
// Blocking; runs on the caller's thread, which must have a QCoreApplication.
class DataDirectoryInitializer
{
public:
    explicit DataDirectoryInitializer(const Clock &clock = SystemClock::instance()) : m_clock(clock) {}

    Result<InitReport> initialize(const InitOptions &options);

private:
    Result<InitReport> populate(const InitOptions &options, const QString &dir);

    const Clock &m_clock;
};

} // namespace reg::setup
