#include "dnstransfersupport.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace testsupport;
using namespace testsupport::dnsxfr;

namespace {

// A secondary server run from a throw-away directory: its configuration, state and log live there.
class Secondary
{
public:
    // REGISTRY_KEEP_TEST_DATA=1 keeps the directory (configuration, log, journal) as EngineFixture does.
    Secondary() { m_dir.setAutoRemove(qEnvironmentVariableIsEmpty("REGISTRY_KEEP_TEST_DATA")); }
    ~Secondary() { stop(); }

    bool start(const QString &program, const QStringList &arguments, QString *error)
    {
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.setStandardOutputFile(m_dir.filePath(QStringLiteral("stdout.log")));
        m_process.start(program, arguments);
        if (!m_process.waitForStarted(10000)) {
            *error = program + QStringLiteral(" did not start: ") + m_process.errorString();
            return false;
        }
        return true;
    }
    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(15000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
    bool running() const { return m_process.state() == QProcess::Running; }
    QString path(const QString &name) const { return m_dir.filePath(name); }
    bool write(const QString &name, const QByteArray &text)
    {
        QFile f(path(name));
        return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
    }
    QString read(const QString &name) const
    {
        QFile f(path(name));
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    }
    QString logs() const { return read(QStringLiteral("secondary.log")) + read(QStringLiteral("stdout.log")); }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
};

} // namespace

// Real secondaries from Debian (Knot, NSD) transfer the zone from registryd with TSIG, then follow a
// change made over XRP through NOTIFY and IXFR.
class tst_DnsSecondary : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void knotFollowsThroughNotifyAndIxfr();
    void nsdFollowsThroughNotifyAndIxfr();

private:
    // Creates `first` and waits for the primary to answer it; after the secondary has the zone,
    // creates `second` and waits (20 s) for the secondary to answer it.
    void followChange(Secondary &secondary, quint16 secondaryPort, const QByteArray &first, const QByteArray &second);

    xrp::XrpCommandFixture m_fx;
    std::unique_ptr<RegistryChanges> m_changes;
    quint16 m_port = 0;
    quint16 m_knotPort = 0;
    quint16 m_nsdPort = 0;
    QString m_secret;
};

void tst_DnsSecondary::initTestCase()
{
    m_knotPort = freePort();
    m_nsdPort = freePort();
    QVERIFY(m_knotPort && m_nsdPort && m_knotPort != m_nsdPort);
    m_fx.engine.setConfigValue(QStringLiteral("dns"), QStringLiteral("transfer_allowed"), QStringLiteral("127.0.0.1"));
    m_fx.engine.setConfigValue(QStringLiteral("dns"), QStringLiteral("notify"),
                               QStringLiteral("127.0.0.1:%1, 127.0.0.1:%2").arg(m_knotPort).arg(m_nsdPort));
    m_fx.engine.setConfigValue(QStringLiteral("dns"), QStringLiteral("notify_key"), QStringLiteral("registry-xfr"));
    const QString why = m_fx.start();
    QVERIFY2(why.isEmpty(), qPrintable(why));
    m_port = m_fx.engine.port(QStringLiteral("dns"));
    QVERIFY2(m_port != 0, "ready.json announces no dns port");
    m_secret = tsigSecret(m_fx.engine.dataDir());
    QVERIFY(!m_secret.isEmpty());
    m_changes = std::make_unique<RegistryChanges>(m_fx);
    const QString opened = m_changes->open();
    QVERIFY2(opened.isEmpty(), qPrintable(opened));
}

void tst_DnsSecondary::cleanupTestCase()
{
    m_changes.reset();
    m_fx.engine.stop();
}

void tst_DnsSecondary::followChange(Secondary &secondary, quint16 secondaryPort, const QByteArray &first, const QByteArray &second)
{
    const QString firstName = QString::fromLatin1(first) + u'.';
    const QString secondName = QString::fromLatin1(second) + u'.';
    // The zone as transferred: the delegation created before the secondary started is there.
    QTRY_VERIFY2_WITH_TIMEOUT(delegation(secondaryPort, firstName) == QStringList{QStringLiteral("ns1.transfer-test.net.")},
                              qPrintable(secondary.logs()), 20000);
    const std::optional<std::uint32_t> transferred = soaSerial(secondaryPort, QStringLiteral("example."));
    QVERIFY(transferred);
    QCOMPARE(transferred, soaSerial(m_port, QStringLiteral("example.")));

    // A change over XRP reaches the secondary by itself: NOTIFY, then IXFR.
    const QByteArray engineLogBefore = m_fx.engine.engineLog();
    QCOMPARE(m_changes->createDomain(second), 1000);
    QCOMPARE(m_changes->addNameServer(first), 1000);
    QTRY_VERIFY2_WITH_TIMEOUT(delegation(secondaryPort, secondName) == QStringList{QStringLiteral("ns1.transfer-test.net.")},
                              qPrintable(secondary.logs()), 20000);
    QTRY_VERIFY2_WITH_TIMEOUT(delegation(secondaryPort, firstName)
                                  == (QStringList{QStringLiteral("ns1.transfer-test.net."), QStringLiteral("ns2.transfer-test.net.")}),
                              qPrintable(secondary.logs()), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(soaSerial(secondaryPort, QStringLiteral("example.")), soaSerial(m_port, QStringLiteral("example.")), 20000);

    // The primary tells what it sent: deltas, not the whole zone.
    const QString newLog = QString::fromUtf8(m_fx.engine.engineLog().mid(engineLogBefore.size()));
    QVERIFY2(newLog.contains(QRegularExpression(QStringLiteral("IXFR of example\\. to 127\\.0\\.0\\.1: \\d+ -> \\d+ in \\d+ deltas"))),
             qPrintable(newLog));
    QVERIFY2(!newLog.contains(QStringLiteral("AXFR of example.")), qPrintable(newLog));
}

void tst_DnsSecondary::knotFollowsThroughNotifyAndIxfr()
{
    const QString knotd = QStandardPaths::findExecutable(QStringLiteral("knotd"), {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/local/sbin")});
    if (knotd.isEmpty())
        QFAIL("knotd is not installed (knot; installer/debian-packages.txt)");
    QCOMPARE(m_changes->createDomain("xfr-knot-first.example"), 1000);
    QTRY_VERIFY_WITH_TIMEOUT(!delegation(m_port, QStringLiteral("xfr-knot-first.example.")).isEmpty(), 10000);

    Secondary knot;
    const QString dir = knot.path({});
    // The configuration docs/dns-secondaries.md shows, with the test's paths and ports.
    const QByteArray config = QStringLiteral(
        "server:\n"
        "    rundir: \"%1\"\n"
        "    listen: 127.0.0.1@%2\n"
        "log:\n"
        "  - target: \"%1/secondary.log\"\n"
        "    any: info\n"
        "database:\n"
        "    storage: \"%1\"\n"
        "key:\n"
        "  - id: registry-xfr\n"
        "    algorithm: hmac-sha256\n"
        "    secret: %3\n"
        "remote:\n"
        "  - id: registryd\n"
        "    address: 127.0.0.1@%4\n"
        "    key: registry-xfr\n"
        "acl:\n"
        "  - id: notify-from-registryd\n"
        "    address: 127.0.0.1\n"
        "    key: registry-xfr\n"
        "    action: notify\n"
        "template:\n"
        "  - id: default\n"
        "    storage: \"%1\"\n"
        "    zonefile-sync: -1\n"
        "    zonefile-load: none\n"
        "    journal-content: changes\n"
        "zone:\n"
        "  - domain: example.\n"
        "    master: registryd\n"
        "    acl: notify-from-registryd\n")
                                  .arg(dir)
                                  .arg(m_knotPort)
                                  .arg(m_secret)
                                  .arg(m_port)
                                  .toUtf8();
    QVERIFY(knot.write(QStringLiteral("knot.conf"), config));
    QString error;
    QVERIFY2(knot.start(knotd, {QStringLiteral("-c"), knot.path(QStringLiteral("knot.conf"))}, &error), qPrintable(error));

    followChange(knot, m_knotPort, "xfr-knot-first.example", "xfr-knot-second.example");
    // Knot says so too: the first transfer was an AXFR, the later ones incremental.
    const QString log = knot.read(QStringLiteral("secondary.log"));
    QVERIFY2(log.contains(QStringLiteral("AXFR, incoming")), qPrintable(log));
    QVERIFY2(log.contains(QStringLiteral("IXFR, incoming")), qPrintable(log));
    QVERIFY2(!log.contains(QStringLiteral("fallback to AXFR")), qPrintable(log));
    QVERIFY2(!log.contains(QStringLiteral("TSIG"), Qt::CaseSensitive) || !log.contains(QStringLiteral("failed")), qPrintable(log));
    knot.stop();
}

void tst_DnsSecondary::nsdFollowsThroughNotifyAndIxfr()
{
    const QString nsd = QStandardPaths::findExecutable(QStringLiteral("nsd"), {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/local/sbin")});
    if (nsd.isEmpty())
        QFAIL("nsd is not installed (installer/debian-packages.txt)");
    QCOMPARE(m_changes->createDomain("xfr-nsd-first.example"), 1000);
    QTRY_VERIFY_WITH_TIMEOUT(!delegation(m_port, QStringLiteral("xfr-nsd-first.example.")).isEmpty(), 10000);

    Secondary secondary;
    const QString dir = secondary.path({});
    const QByteArray config = QStringLiteral(
        "server:\n"
        "    ip-address: 127.0.0.1@%2\n"
        "    port: %2\n"
        "    username: \"\"\n"
        "    chroot: \"\"\n"
        "    zonesdir: \"%1\"\n"
        "    database: \"\"\n"
        "    xfrdfile: \"%1/xfrd.state\"\n"
        "    xfrdir: \"%1\"\n"
        "    zonelistfile: \"%1/zone.list\"\n"
        "    pidfile: \"%1/nsd.pid\"\n"
        "    logfile: \"%1/secondary.log\"\n"
        "    verbosity: 2\n"
        "remote-control:\n"
        "    control-enable: no\n"
        "key:\n"
        "    name: registry-xfr\n"
        "    algorithm: hmac-sha256\n"
        "    secret: \"%3\"\n"
        "zone:\n"
        "    name: example.\n"
        "    zonefile: \"%1/example.zone\"\n"
        "    request-xfr: 127.0.0.1@%4 registry-xfr\n"
        "    allow-notify: 127.0.0.1 registry-xfr\n")
                                  .arg(dir)
                                  .arg(m_nsdPort)
                                  .arg(m_secret)
                                  .arg(m_port)
                                  .toUtf8();
    QVERIFY(secondary.write(QStringLiteral("nsd.conf"), config));
    const ToolRun check = run(QStringLiteral("nsd-checkconf"), {secondary.path(QStringLiteral("nsd.conf"))});
    QVERIFY2(check.exitCode == 0, qPrintable(check.output));
    QString error;
    QVERIFY2(secondary.start(nsd, {QStringLiteral("-d"), QStringLiteral("-c"), secondary.path(QStringLiteral("nsd.conf"))}, &error),
             qPrintable(error));

    followChange(secondary, m_nsdPort, "xfr-nsd-first.example", "xfr-nsd-second.example");
    const QString log = secondary.logs();
    QVERIFY2(log.contains(QStringLiteral("TSIG verified with key registry-xfr")), qPrintable(log));
    secondary.stop();
}

QTEST_GUILESS_MAIN(tst_DnsSecondary)
#include "tst_dnssecondary.moc"
