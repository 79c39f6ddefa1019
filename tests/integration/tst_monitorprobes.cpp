// Service probes against the real engine: registryd started with [probes] enabled probes its own
// services and records them; then probes run in process against it (and against a closed port and
// peers that never answer) to check each failure is reported with the right kind, in time.
#include "common/enginefixture.h"

#include "monitor/probefactory.h"
#include "monitor/proberesultstore.h"
#include "srs/servedtlds.h"
#include "store/connection.h"
#include "xrpclient/registrarcredentials.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSet>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

using namespace reg;
using namespace reg::monitor;
using testsupport::EngineFixture;

namespace {

constexpr int kProbeTimeoutMs = 1500;

ProbeResult runProbe(const ProbeTarget &target, const ProbeSettings &settings)
{
    std::optional<ProbeResult> result;
    QObject owner;
    ProbeRun *run = createProbe(target, settings, SystemClock::instance(), &owner);
    run->start([&](const ProbeResult &r) { result = r; });
    QTest::qWaitFor([&] { return result.has_value(); }, 30000);
    return result.value_or(ProbeResult{});
}

quint16 closedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

bool writePrivate(const QString &path, const QByteArray &content)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(content) == content.size()
           && f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

} // namespace

class tst_MonitorProbes : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void engineProbesEveryServiceSuccessfully();
    void wrongXrpPasswordIsLoginRefused();
    void closedPortIsRefused_data();
    void closedPortIsRefused();
    void silentPeerTimesOutWithinTheDeadline_data();
    void silentPeerTimesOutWithinTheDeadline();

private:
    ProbeTarget target(ProbeService service, quint16 port) const;

    EngineFixture m_engine;
    QTemporaryDir m_files;
    QString m_enginePassword;
    ProbeSettings m_other;        // the second demo registrar, for the in-process probes
    QStringList m_zones;
};

void tst_MonitorProbes::initTestCase()
{
    QString error;
    QVERIFY2(m_engine.initialize(&error), qPrintable(error));
    const QDir registrars(m_engine.dataDir() + QStringLiteral("/registrars"));
    const QStringList ids = registrars.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    QVERIFY(ids.size() >= 2);

    Result<std::unique_ptr<store::Connection>> db =
        store::Connection::open(m_engine.dataDir() + QStringLiteral("/registry.db"), store::Connection::Mode::ReadOnly);
    QVERIFY(db);
    Result<QVariant> domain = (*db)->queryValue(QStringLiteral("SELECT name FROM domains ORDER BY name LIMIT 1"));
    QVERIFY(domain && domain->isValid());
    Result<QStringList> zones = srs::loadServedTlds(**db);
    QVERIFY(zones && !zones->isEmpty());
    m_zones = *zones;
    db->reset();

    // The engine probes as the first demo registrar, its password in a 0600 file of its own.
    Result<xrpclient::RegistrarCredentials> first = xrpclient::RegistrarCredentials::readFile(registrars.filePath(ids[0]) + QStringLiteral("/credentials"));
    QVERIFY(first);
    m_enginePassword = first->password;
    const QString passwordFile = m_files.filePath(QStringLiteral("probe-password"));
    QVERIFY(writePrivate(passwordFile, first->password.toUtf8() + '\n'));
    m_engine.setConfigValue(QStringLiteral("probes"), QStringLiteral("enabled"), QStringLiteral("true"));
    m_engine.setConfigValue(QStringLiteral("probes"), QStringLiteral("interval"), QStringLiteral("3s"));
    m_engine.setConfigValue(QStringLiteral("probes"), QStringLiteral("timeout"), QStringLiteral("2s"));
    m_engine.setConfigValue(QStringLiteral("probes"), QStringLiteral("registrar"), first->user);
    m_engine.setConfigValue(QStringLiteral("probes"), QStringLiteral("password_file"), passwordFile);
    m_engine.setConfigValue(QStringLiteral("probes"), QStringLiteral("certificate"), registrars.filePath(ids[0]) + QStringLiteral("/cert.pem"));
    m_engine.setConfigValue(QStringLiteral("probes"), QStringLiteral("key"), registrars.filePath(ids[0]) + QStringLiteral("/key.pem"));
    m_engine.setConfigValue(QStringLiteral("probes"), QStringLiteral("domain"), domain->toString());
    QVERIFY2(m_engine.start(&error), qPrintable(error));

    Result<xrpclient::RegistrarCredentials> second = xrpclient::RegistrarCredentials::readFile(registrars.filePath(ids[1]) + QStringLiteral("/credentials"));
    QVERIFY(second);
    m_other.registrarId = second->user;
    m_other.password = second->password;
    m_other.clientCertificateFile = registrars.filePath(ids[1]) + QStringLiteral("/cert.pem");
    m_other.clientKeyFile = registrars.filePath(ids[1]) + QStringLiteral("/key.pem");
    m_other.caFile = m_engine.caCertificateFile();
    m_other.domain = domain->toString();
    m_other.zones = m_zones;
}

void tst_MonitorProbes::cleanupTestCase()
{
    if (m_engine.isRunning())
        QCOMPARE(m_engine.stop(), 0);
}

ProbeTarget tst_MonitorProbes::target(ProbeService service, quint16 port) const
{
    ProbeTarget t;
    t.service = service;
    t.site = QStringLiteral("site-a");
    t.host = QStringLiteral("127.0.0.1");
    t.port = port;
    t.intervalMs = 60000;
    t.timeoutMs = kProbeTimeoutMs;
    return t;
}

void tst_MonitorProbes::engineProbesEveryServiceSuccessfully()
{
    const QStringList services{QStringLiteral("xrp"), QStringLiteral("whois"), QStringLiteral("rdap"), QStringLiteral("dns-udp"),
                               QStringLiteral("dns-tcp")};
    QHash<QString, ProbeResult> good;
    QList<ProbeResult> failures;
    const auto poll = [&] {
        Result<std::unique_ptr<store::Connection>> db =
            store::Connection::open(m_engine.dataDir() + QStringLiteral("/registry.db"), store::Connection::Mode::ReadOnly);
        if (!db)
            return false;
        Result<QList<ProbeResult>> rows = ProbeResultStore::read(**db, {}, 1000);
        if (!rows)
            return false;
        for (const ProbeResult &r : std::as_const(*rows)) {
            if (r.ok)
                good.insert(probeServiceName(r.service), r);
            else
                failures << r;
        }
        return good.size() == services.size();
    };
    QVERIFY2(QTest::qWaitFor(poll, 60000), qPrintable(QStringLiteral("probed successfully: %1; failures: %2; log:\n%3")
                                                           .arg(QStringList(good.keys()).join(u' '))
                                                           .arg(failures.isEmpty() ? QString() : failures.first().error)
                                                           .arg(QString::fromUtf8(m_engine.engineLog().right(3000)))));
    for (const QString &service : services) {
        const ProbeResult &r = good[service];
        QCOMPARE(r.site, QStringLiteral("site-a"));
        QVERIFY2(r.totalMicros > 0 && r.totalMicros < 2000000, qPrintable(service));
        QVERIFY(r.errorKind == ProbeErrorKind::None);
        QVERIFY(qAbs(r.startedAt.secsTo(QDateTime::currentDateTimeUtc())) < 120);
        qInfo("%s probe: %lld us (%s)", qPrintable(service), qlonglong(r.totalMicros), qPrintable(r.target));
    }
    const ProbeResult &xrp = good[QStringLiteral("xrp")];
    for (const char *phase : {"connect", "login", "command", "logout"})
        QVERIFY2(xrp.phaseMicros(QString::fromLatin1(phase)) > 0, phase);
    QCOMPARE(xrp.detail.value(QStringLiteral("eppCode")).toInt(), 1000);
    QCOMPARE(good[QStringLiteral("rdap")].detail.value(QStringLiteral("httpStatus")).toInt(), 200);
    QCOMPARE(good[QStringLiteral("xrp")].target, QStringLiteral("127.0.0.1:%1").arg(m_engine.port(QStringLiteral("xrp"))));
    for (const QString &dns : {QStringLiteral("dns-udp"), QStringLiteral("dns-tcp")}) {
        const QJsonObject serials = good[dns].detail.value(QStringLiteral("serials")).toObject();
        QCOMPARE(serials.size(), m_zones.size());
        for (const QString &zone : std::as_const(m_zones))
            QVERIFY2(serials.value(zone).toInteger() > 0, qPrintable(dns + u' ' + zone));
    }
    // The password is in the 0600 file and nowhere in the log.
    QVERIFY(!m_engine.engineLog().contains(m_enginePassword.toUtf8()));
}

void tst_MonitorProbes::wrongXrpPasswordIsLoginRefused()
{
    ProbeSettings wrong = m_other;
    wrong.password = QStringLiteral("Wrong-Passw0rd-1");
    const ProbeResult r = runProbe(target(ProbeService::Xrp, m_engine.port(QStringLiteral("xrp"))), wrong);
    QVERIFY(!r.ok);
    QCOMPARE(r.errorKind, ProbeErrorKind::LoginRefused);
    QCOMPARE(r.detail.value(QStringLiteral("eppCode")).toInt(), 2200);
    QVERIFY(!r.error.contains(wrong.password));
    QVERIFY(r.phaseMicros(QStringLiteral("connect")) > 0);
    QCOMPARE(r.phaseMicros(QStringLiteral("login")), qint64(-1));

    // The same registrar with its right password gets through: the failure was the password.
    const ProbeResult right = runProbe(target(ProbeService::Xrp, m_engine.port(QStringLiteral("xrp"))), m_other);
    QVERIFY2(right.ok, qPrintable(right.error));
}

void tst_MonitorProbes::closedPortIsRefused_data()
{
    QTest::addColumn<int>("service");
    QTest::newRow("xrp") << int(ProbeService::Xrp);
    QTest::newRow("whois") << int(ProbeService::Whois);
    QTest::newRow("rdap") << int(ProbeService::Rdap);
    QTest::newRow("dns-udp") << int(ProbeService::DnsUdp);
    QTest::newRow("dns-tcp") << int(ProbeService::DnsTcp);
}

void tst_MonitorProbes::closedPortIsRefused()
{
    QFETCH(int, service);
    QElapsedTimer elapsed;
    elapsed.start();
    const ProbeResult r = runProbe(target(ProbeService(service), closedPort()), m_other);
    QVERIFY(!r.ok);
    if (ProbeService(service) == ProbeService::DnsUdp) {
        // Over UDP nothing says "refused" (the ICMP port unreachable is not reported to the socket):
        // a closed port is a silent one, ended by the deadline.
        QCOMPARE(probeErrorKindName(r.errorKind), probeErrorKindName(ProbeErrorKind::Timeout));
        return;
    }
    QCOMPARE(probeErrorKindName(r.errorKind), probeErrorKindName(ProbeErrorKind::Refused));
    QVERIFY(elapsed.elapsed() < kProbeTimeoutMs);
}

void tst_MonitorProbes::silentPeerTimesOutWithinTheDeadline_data()
{
    closedPortIsRefused_data();
}

void tst_MonitorProbes::silentPeerTimesOutWithinTheDeadline()
{
    QFETCH(int, service);
    // A TCP peer the kernel accepts for and that never says a word (no greeting, no TLS
    // handshake, no answer), and a UDP socket that never replies.
    QTcpServer tcp;
    QVERIFY(tcp.listen(QHostAddress::LocalHost, 0));
    QUdpSocket udp;
    QVERIFY(udp.bind(QHostAddress::LocalHost, 0));
    const quint16 port = ProbeService(service) == ProbeService::DnsUdp ? udp.localPort() : tcp.serverPort();
    QElapsedTimer elapsed;
    elapsed.start();
    const ProbeResult r = runProbe(target(ProbeService(service), port), m_other);
    QVERIFY(!r.ok);
    QCOMPARE(probeErrorKindName(r.errorKind), probeErrorKindName(ProbeErrorKind::Timeout));
    QVERIFY(r.totalMicros >= kProbeTimeoutMs * 1000);
    QVERIFY2(elapsed.elapsed() < kProbeTimeoutMs + 1000, "the probe must end at its deadline");
}

QTEST_GUILESS_MAIN(tst_MonitorProbes)
#include "tst_monitorprobes.moc"
