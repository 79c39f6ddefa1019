#include "common/enginefixture.h"

#include <QJsonArray>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace testsupport;

namespace {

QJsonObject serviceStatus(const EngineFixture &engine, const QByteArray &token, const QString &name)
{
    const HttpReply status = httpsRequest(engine, "GET", QStringLiteral("/api/v1/status"), {}, token);
    const QJsonArray services = status.object().value(u"services").toArray();
    for (const QJsonValue &s : services) {
        if (s.toObject().value(u"name").toString() == name)
            return s.toObject();
    }
    return {};
}

// The value of one sample line of /metrics ("name{labels} value"), or -1 when it is absent.
double metricValue(const QByteArray &metrics, const QByteArray &series)
{
    for (const QByteArray &line : metrics.split('\n')) {
        if (line.startsWith(QByteArray(series + ' ')))
            return line.mid(series.size() + 1).toDouble();
    }
    return -1;
}

struct DigResult
{
    int exitCode = -1;
    QByteArray output;
};

DigResult dig(quint16 port, const QStringList &query, bool tcp = false)
{
    QProcess p;
    QStringList args{QStringLiteral("@127.0.0.1"), QStringLiteral("-p"), QString::number(port), QStringLiteral("+norecurse"),
                     QStringLiteral("+tries=1"), QStringLiteral("+time=5")};
    if (tcp)
        args << QStringLiteral("+tcp");
    p.start(QStringLiteral("dig"), args + query);
    if (!p.waitForFinished(30000)) {
        p.kill();
        p.waitForFinished();
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput() + p.readAllStandardError()};
}

} // namespace

class tst_DnsStatisticsApi : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("REGISTRYD_BINARY"))
            QSKIP("REGISTRYD_BINARY is not set");
    }

    void unavailableWhileDnsIsDisabled()
    {
        EngineFixture engine;
        engine.setConfigValue(QStringLiteral("dns"), QStringLiteral("enabled"), QStringLiteral("false"));
        QString error;
        QVERIFY2(engine.start(&error), qPrintable(error));
        const QByteArray token = login(engine, QStringLiteral("admin"), engine.adminPassword());
        QVERIFY(!token.isEmpty());

        const HttpReply reply = httpsRequest(engine, "GET", QStringLiteral("/api/v1/dns/statistics"), {}, token);
        QCOMPARE(reply.status, 503);
        QCOMPARE(reply.errorCode(), QStringLiteral("unavailable"));
        const QString message = reply.object().value(u"error").toObject().value(u"message").toString();
        QVERIFY2(message.contains(u"DNS service is not running"), qPrintable(message));

        // The rest of the route's contract: a token, GET only, no parameters.
        QCOMPARE(httpsRequest(engine, "GET", QStringLiteral("/api/v1/dns/statistics")).status, 401);
        QCOMPARE(httpsRequest(engine, "POST", QStringLiteral("/api/v1/dns/statistics"), "{}", token).status, 405);
        QCOMPARE(httpsRequest(engine, "GET", QStringLiteral("/api/v1/dns/statistics?zone=example"), {}, token).status, 400);

        // Every role may read monitoring data; a NOC operator sees the same answer.
        const QJsonObject user{{QStringLiteral("name"), QStringLiteral("noc-1")},
                               {QStringLiteral("password"), QStringLiteral("Noc-operator-password-1")},
                               {QStringLiteral("roles"), QJsonArray{QStringLiteral("noc")}}};
        QCOMPARE(httpsRequest(engine, "POST", QStringLiteral("/api/v1/users"), QJsonDocument(user).toJson(), token).status, 201);
        const QByteArray nocToken = login(engine, QStringLiteral("noc-1"), QStringLiteral("Noc-operator-password-1"));
        QVERIFY(!nocToken.isEmpty());
        QCOMPARE(httpsRequest(engine, "GET", QStringLiteral("/api/v1/dns/statistics"), {}, nocToken).status, 503);

        const HttpReply metrics = httpsRequest(engine, "GET", QStringLiteral("/metrics"), {}, token);
        QCOMPARE(metrics.status, 200);
        for (const QByteArray &line : metrics.body.split('\n'))
            QVERIFY2(!line.startsWith("registry_dns_"), line.constData());
        QCOMPARE(engine.stop(), 0);
    }

    // The engine runs the DNS service by default ([dns] enabled = true in the generated file).
    void countsRealQueries()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("dig")).isEmpty())
            QFAIL("dig is not installed (package bind9-dnsutils, see installer/debian-packages.txt)");
        EngineFixture engine;
        QString error;
        QVERIFY2(engine.start(&error), qPrintable(error));
        const QByteArray token = login(engine, QStringLiteral("admin"), engine.adminPassword());
        QVERIFY(!token.isEmpty());

        const QJsonObject dnsService = serviceStatus(engine, token, QStringLiteral("dns"));
        QVERIFY2(!dnsService.isEmpty(), "GET /api/v1/status lists no \"dns\" service");
        QVERIFY2(dnsService.value(u"state").toString() == u"running",
                 qPrintable(QStringLiteral("the DNS service is \"%1\": %2")
                                .arg(dnsService.value(u"state").toString(), dnsService.value(u"detail").toString())));
        quint16 port = engine.port(QStringLiteral("dns"));
        if (port == 0) {
            const QString listen = dnsService.value(u"listen").toString();
            port = quint16(listen.mid(listen.lastIndexOf(u':') + 1).toUInt());
        }
        QVERIFY2(port != 0, "the DNS port is neither in ready.json nor in the status");

        // Before any query every counter is 0 and the zone is there.
        HttpReply reply = httpsRequest(engine, "GET", QStringLiteral("/api/v1/dns/statistics"), {}, token);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.object().value(u"queries").toObject().value(u"total").toInteger(), 0);

        const DigResult soa = dig(port, {QStringLiteral("example."), QStringLiteral("SOA")});
        QVERIFY2(soa.exitCode == 0 && soa.output.contains("status: NOERROR"), soa.output.constData());
        const DigResult ns = dig(port, {QStringLiteral("example."), QStringLiteral("NS")});
        QVERIFY2(ns.exitCode == 0 && ns.output.contains("status: NOERROR"), ns.output.constData());
        const DigResult missing = dig(port, {QStringLiteral("no-such-name-for-the-panel-test.example."), QStringLiteral("A")});
        QVERIFY2(missing.exitCode == 0 && missing.output.contains("status: NXDOMAIN"), missing.output.constData());
        const DigResult overTcp = dig(port, {QStringLiteral("example."), QStringLiteral("SOA")}, true);
        QVERIFY2(overTcp.exitCode == 0 && overTcp.output.contains("status: NOERROR"), overTcp.output.constData());

        // The counters are written by the answering threads; the snapshot may lag a moment.
        QJsonObject stats;
        QTRY_VERIFY_WITH_TIMEOUT(
            (stats = httpsRequest(engine, "GET", QStringLiteral("/api/v1/dns/statistics"), {}, token).object(),
             stats.value(u"queries").toObject().value(u"total").toInteger() >= 4),
            10000);
        const QJsonObject queries = stats.value(u"queries").toObject();
        QCOMPARE(queries.value(u"udp").toInteger(), 3);
        QCOMPARE(queries.value(u"tcp").toInteger(), 1);
        QCOMPARE(queries.value(u"total").toInteger(), 4);
        const QJsonObject types = stats.value(u"queryTypes").toObject();
        QCOMPARE(types.value(u"SOA").toInteger(), 2);
        QCOMPARE(types.value(u"NS").toInteger(), 1);
        QCOMPARE(types.value(u"A").toInteger(), 1);
        const QJsonObject rcodes = stats.value(u"responseCodes").toObject();
        QCOMPARE(rcodes.value(u"NOERROR").toInteger(), 3);
        QCOMPARE(rcodes.value(u"NXDOMAIN").toInteger(), 1);
        QVERIFY(stats.value(u"at").toString().endsWith(u'Z'));

        QJsonObject example;
        for (const QJsonValue &z : stats.value(u"zones").toArray()) {
            if (z.toObject().value(u"apex").toString() == u"example.")
                example = z.toObject();
        }
        QVERIFY2(!example.isEmpty(), QJsonDocument(stats).toJson().constData());
        QVERIFY(example.value(u"serial").toInteger() > 0);
        QVERIFY(example.value(u"nodes").toInteger() > 1);   // the apex and the demo delegations
        QVERIFY(example.value(u"journalSequence").toInteger() > 0);
        QVERIFY(!example.value(u"publishedAt").toString().isEmpty());
        // The SOA serial dig saw is the one reported.
        const QByteArrayList soaLines = soa.output.split('\n');
        bool serialSeen = false;
        for (const QByteArray &line : soaLines) {
            if (line.startsWith("example.") && line.contains("\tSOA\t"))
                serialSeen = line.simplified().split(' ').value(6).toLongLong() == example.value(u"serial").toInteger();
        }
        QVERIFY2(serialSeen, soa.output.constData());

        const HttpReply metrics = httpsRequest(engine, "GET", QStringLiteral("/metrics"), {}, token);
        QCOMPARE(metrics.status, 200);
        QCOMPARE(metricValue(metrics.body, "registry_dns_queries_total{transport=\"udp\"}"), 3.0);
        QCOMPARE(metricValue(metrics.body, "registry_dns_queries_total{transport=\"tcp\"}"), 1.0);
        QCOMPARE(metricValue(metrics.body, "registry_dns_responses_total{rcode=\"NXDOMAIN\"}"), 1.0);
        QCOMPARE(metricValue(metrics.body, "registry_dns_zone_serial{zone=\"example.\"}"), double(example.value(u"serial").toInteger()));
        QCOMPARE(metricValue(metrics.body, "registry_dns_zone_nodes{zone=\"example.\"}"), double(example.value(u"nodes").toInteger()));
        QCOMPARE(engine.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_DnsStatisticsApi)
#include "tst_dnsstatisticsapi.moc"
