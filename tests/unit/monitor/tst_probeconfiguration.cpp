// [probes] in registryd.conf: what it accepts, the errors it gives, the targets it makes, and the
// password file's mode check.
#include "monitor/probeconfiguration.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace reg;
using namespace reg::monitor;

namespace {

const QByteArray base = "[management]\nlisten = 127.0.0.1:9443\n[xrp]\nlisten = 127.0.0.1:7000\n";

Result<EngineConfig> load(const QByteArray &probes, const QByteArray &rest = base)
{
    Result<IniDocument> doc = IniDocument::parse(rest + "[probes]\n" + probes, QStringLiteral("registryd.conf"));
    if (!doc)
        return doc.error();
    return EngineConfig::fromDocument(*doc, QStringLiteral("/var/lib/registryd"));
}

const QByteArray login = "registrar = probe\npassword_file = probes/password\ncertificate = probes/cert.pem\nkey = probes/key.pem\n";

} // namespace

class tst_ProbeConfiguration : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void defaultsAreOffWithAMinuteInterval()
    {
        Result<EngineConfig> config = load({});
        QVERIFY2(config.ok(), config.ok() ? "" : qPrintable(config.error().message));
        QCOMPARE(config->probes.enabled, false);
        QCOMPARE(config->probes.intervalSecs, qint64(60));
        QCOMPARE(config->probes.timeoutSecs, qint64(10));
        QCOMPARE(config->probes.retentionSecs, qint64(400 * 86400));
        QCOMPARE(config->probes.caFile, QStringLiteral("/var/lib/registryd/pki/ca.crt"));
    }

    void readsEverySetting()
    {
        Result<EngineConfig> config = load("enabled = yes\nprobe_local = false\ninterval = 5m\ntimeout = 20s\nretention = 30d\n" + login
                                           + "ca = /etc/ca.pem\ndomain = Nic.Example.\n"
                                             "targets = whois site-b 192.0.2.10:43, dns-udp site-b [2001:db8::53]:53\n");
        QVERIFY2(config.ok(), config.ok() ? "" : qPrintable(config.error().message));
        const ProbesConfig &p = config->probes;
        QVERIFY(p.enabled);
        QVERIFY(!p.probeLocal);
        QCOMPARE(p.intervalSecs, qint64(300));
        QCOMPARE(p.timeoutSecs, qint64(20));
        QCOMPARE(p.retentionSecs, qint64(30 * 86400));
        QCOMPARE(p.registrarId, QStringLiteral("probe"));
        QCOMPARE(p.passwordFile, QStringLiteral("/var/lib/registryd/probes/password"));
        QCOMPARE(p.certificateFile, QStringLiteral("/var/lib/registryd/probes/cert.pem"));
        QCOMPARE(p.keyFile, QStringLiteral("/var/lib/registryd/probes/key.pem"));
        QCOMPARE(p.caFile, QStringLiteral("/etc/ca.pem"));
        QCOMPARE(p.domain, QStringLiteral("nic.example"));
        QCOMPARE(p.targets.size(), 2);
        QCOMPARE(p.targets[1].service, QStringLiteral("dns-udp"));
        QCOMPARE(p.targets[1].site, QStringLiteral("site-b"));
        QCOMPARE(p.targets[1].address.address, QHostAddress(QStringLiteral("2001:db8::53")));
        QCOMPARE(p.targets[1].address.port, quint16(53));
    }

    void rejectsBadValues_data()
    {
        QTest::addColumn<QByteArray>("probes");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown key") << QByteArray("intervall = 60s\n") << QStringLiteral("unknown key \"intervall\"");
        QTest::newRow("interval zero") << QByteArray("interval = 0\n") << QStringLiteral("interval");
        QTest::newRow("timeout not below interval") << QByteArray("interval = 10s\ntimeout = 10s\n") << QStringLiteral("must be shorter than interval");
        QTest::newRow("retention under a day") << QByteArray("retention = 1h\n") << QStringLiteral("retention");
        QTest::newRow("enabled is not a bool") << QByteArray("enabled = maybe\n") << QStringLiteral("enabled");
        QTest::newRow("domain not a host name") << QByteArray("domain = -bad-\n") << QStringLiteral("domain");
        QTest::newRow("target unknown service") << QByteArray("targets = ftp site-b 192.0.2.1:21\n") << QStringLiteral("not a probed service");
        QTest::newRow("target without site") << QByteArray("targets = whois 192.0.2.1:43\n") << QStringLiteral("service site address:port");
        QTest::newRow("target bad site") << QByteArray("targets = whois Site_B 192.0.2.1:43\n") << QStringLiteral("not a site name");
        QTest::newRow("target host name") << QByteArray("targets = whois site-b whois.example:43\n") << QStringLiteral("not an IP address");
        QTest::newRow("target port zero") << QByteArray("targets = whois site-b 192.0.2.1:0\n") << QStringLiteral("port other than 0");
        QTest::newRow("target empty item") << QByteArray("targets = whois site-b 192.0.2.1:43,\n") << QStringLiteral("empty item");
        QTest::newRow("xrp without registrar") << QByteArray("enabled = true\n") << QStringLiteral("needs \"registrar\"");
        QTest::newRow("xrp without key") << QByteArray("enabled = true\nregistrar = probe\npassword_file = p\ncertificate = c\n")
                                         << QStringLiteral("needs \"key\"");
    }
    void rejectsBadValues()
    {
        QFETCH(QByteArray, probes);
        QFETCH(QString, expected);
        Result<EngineConfig> config = load(probes);
        QVERIFY(!config.ok());
        QVERIFY2(config.error().message.contains(expected), qPrintable(config.error().message));
        QVERIFY2(config.error().message.contains(QStringLiteral("registryd.conf")), qPrintable(config.error().message));
    }

    void withoutXrpNoLoginIsNeeded()
    {
        Result<EngineConfig> config = load("enabled = true\n", "[management]\nlisten = 127.0.0.1:9443\n[xrp]\nlisten = 127.0.0.1:7000\nenabled = false\n");
        QVERIFY2(config.ok(), config.ok() ? "" : qPrintable(config.error().message));
        QVERIFY(config->probes.enabled);
    }

    void localServicesAndTargetsBecomeProbeTargets()
    {
        Result<EngineConfig> config = load("interval = 30s\ntimeout = 5s\ntargets = xrp site-b 192.0.2.10:700\n");
        QVERIFY(config.ok());
        const QList<LocalService> local{{QStringLiteral("xrp"), QHostAddress(QHostAddress::AnyIPv4), 7000},
                                        {QStringLiteral("dns"), QHostAddress(QHostAddress::LocalHost), 5300},
                                        {QStringLiteral("management"), QHostAddress(QHostAddress::LocalHost), 9443}};
        const QList<ProbeTarget> targets = probeTargets(config->probes, QStringLiteral("site-a"), local);
        QCOMPARE(targets.size(), 4);   // xrp, dns-udp, dns-tcp here; xrp at site-b; management is not probed
        QCOMPARE(targets[0].service, ProbeService::Xrp);
        QCOMPARE(targets[0].host, QStringLiteral("127.0.0.1"));   // the wildcard is probed on the loopback
        QCOMPARE(targets[0].site, QStringLiteral("site-a"));
        QCOMPARE(targets[0].intervalMs, 30000);
        QCOMPARE(targets[0].timeoutMs, 5000);
        QCOMPARE(targets[1].service, ProbeService::DnsUdp);
        QCOMPARE(targets[2].service, ProbeService::DnsTcp);
        QCOMPARE(targets[3].site, QStringLiteral("site-b"));
        QCOMPARE(targets[3].address(), QStringLiteral("192.0.2.10:700"));

        ProbesConfig remoteOnly = config->probes;
        remoteOnly.probeLocal = false;
        QCOMPARE(probeTargets(remoteOnly, QStringLiteral("site-a"), local).size(), 1);
    }

    void passwordFileMustBePrivate()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("password"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("s3cret-Passw0rd\nignored\n");
        file.close();
        QVERIFY(file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup));
        Result<QString> refused = readProbePassword(path);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.contains(QStringLiteral("must be 0600")), qPrintable(refused.error().message));
        QVERIFY(!refused.error().message.contains(QStringLiteral("s3cret")));

        QVERIFY(file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        Result<QString> password = readProbePassword(path);
        QVERIFY2(password.ok(), password.ok() ? "" : qPrintable(password.error().message));
        QCOMPARE(*password, QStringLiteral("s3cret-Passw0rd"));

        QVERIFY(!readProbePassword(dir.filePath(QStringLiteral("missing"))).ok());
        QVERIFY(!readProbePassword(dir.path()).ok());   // a directory
    }

    void settingsCarryThePasswordAndZones()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("password"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("pw-1234567890\n");
        file.close();
        QVERIFY(file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        ProbesConfig config;
        config.registrarId = QStringLiteral("probe");
        config.passwordFile = path;
        config.domain = QStringLiteral("nic.example");
        Result<ProbeSettings> settings = probeSettings(config, {QStringLiteral("example")});
        QVERIFY(settings.ok());
        QCOMPARE(settings->password, QStringLiteral("pw-1234567890"));
        QCOMPARE(settings->zones, QStringList{QStringLiteral("example")});
        QCOMPARE(settings->domain, QStringLiteral("nic.example"));
    }
};

QTEST_GUILESS_MAIN(tst_ProbeConfiguration)
#include "tst_probeconfiguration.moc"
