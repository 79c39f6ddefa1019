#include "dns/tsig.h"
#include "setup/datadirectoryinitializer.h"
#include "core/securefile.h"

#include "core/engineconfig.h"

#include <QTemporaryDir>
#include <QTest>

using namespace reg;
using namespace reg::dns;

// `registryd init` writes the TSIG key the DNS server then loads: the two agree on the format.
class tst_TsigKeyFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initWritesAPrivateKeyTheServerLoads()
    {
        QTemporaryDir parent;
        QList<QByteArray> secrets;
        for (const char *name : {"a", "b"}) {
            const QString dir = parent.filePath(QString::fromLatin1(name));
            setup::DataDirectoryInitializer init;
            Result<setup::InitReport> report = init.initialize({dir, {QStringLiteral("example")}, QStringLiteral("site-a"), false});
            QVERIFY2(report, report ? "" : qPrintable(report.error().message));

            Result<EngineConfig> config = EngineConfig::load(dir);
            QVERIFY(config);
            const QString keyFile = config->dns.tsigKeyFile;
            QCOMPARE(keyFile, dir + QStringLiteral("/dns/tsig.key"));
            QCOMPARE(SecureFile::permissions(keyFile), 0600);
            QCOMPARE(SecureFile::permissions(dir + QStringLiteral("/dns")), 0700);

            Result<TsigKeyring> ring = TsigKeyring::loadFile(keyFile);
            QVERIFY2(ring, ring ? "" : qPrintable(ring.error().message));
            QCOMPARE(ring->keys().size(), 1);
            const TsigKey &key = ring->keys().first();
            QCOMPARE(key.name.toText(), QStringLiteral("registry-xfr."));
            QCOMPARE(key.algorithm, TsigAlgorithm::HmacSha256);
            QCOMPARE(key.secret.size(), 32);
            secrets << key.secret;
        }
        QVERIFY(secrets.at(0) != secrets.at(1));   // fresh randomness per data directory
    }
};

QTEST_GUILESS_MAIN(tst_TsigKeyFile)
#include "tst_tsigkeyfile.moc"
