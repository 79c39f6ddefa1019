#include "common/enginefixture.h"

#include <QJsonArray>
#include <QProcess>
#include <QTcpSocket>
#include <QTest>

using namespace testsupport;

namespace {

// The value of one sample line of /metrics ("name{labels} value"), or -1 when it is absent.
double metricValue(const QByteArray &metrics, const QByteArray &series)
{
    for (const QByteArray &line : metrics.split('\n')) {
        if (line.startsWith(QByteArray(series + ' ')))
            return line.mid(series.size() + 1).toDouble();
    }
    return -1;
}

QByteArrayList seriesWithPrefix(const QByteArray &metrics, const QByteArray &prefix)
{
    QByteArrayList out;
    for (const QByteArray &line : metrics.split('\n')) {
        if (line.startsWith(prefix))
            out.append(line);
    }
    return out;
}

// RFC 3912: one query line over a fresh TCP connection; the server answers and closes.
QByteArray whoisQuery(quint16 port, const QByteArray &query)
{
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    if (!socket.waitForConnected(10000))
        return {};
    socket.write(query + "\r\n");
    QByteArray answer;
    while (socket.state() == QAbstractSocket::ConnectedState && socket.waitForReadyRead(10000))
        answer += socket.readAll();
    return answer + socket.readAll();
}

// curl against the RDAP port with the data directory's CA; the HTTP status, 0 without an answer.
int rdapStatus(const EngineFixture &engine, quint16 port, const QString &path)
{
    QProcess curl;
    curl.start(QStringLiteral("curl"), {QStringLiteral("-s"), QStringLiteral("-o"), QStringLiteral("/dev/null"), QStringLiteral("-w"),
                                        QStringLiteral("%{http_code}"), QStringLiteral("--max-time"), QStringLiteral("10"),
                                        QStringLiteral("--cacert"), engine.caCertificateFile(),
                                        QStringLiteral("https://127.0.0.1:%1%2").arg(port).arg(path)});
    if (!curl.waitForFinished(30000) || curl.exitStatus() != QProcess::NormalExit)
        return 0;
    return curl.readAllStandardOutput().trimmed().toInt();
}

QJsonObject statistics(const EngineFixture &engine, const QByteArray &token)
{
    return httpsRequest(engine, "GET", QStringLiteral("/api/v1/directory/statistics"), {}, token).object();
}

} // namespace

// GET /api/v1/directory/statistics and the registry_whois_*, registry_rdap_* and
// registry_directory_* metrics against the real registryd, with real Whois queries (RFC 3912 over
// TCP) and curl for RDAP. A part whose service this registryd does not run yet is skipped, and says so.
class tst_DirectoryStatisticsApi : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("REGISTRYD_BINARY"))
            QSKIP("REGISTRYD_BINARY is not set");
    }

    void unavailableWhileNeitherServiceRuns()
    {
        EngineFixture engine;
        engine.setConfigValue(QStringLiteral("whois"), QStringLiteral("enabled"), QStringLiteral("false"));
        engine.setConfigValue(QStringLiteral("rdap"), QStringLiteral("enabled"), QStringLiteral("false"));
        QString error;
        QVERIFY2(engine.start(&error), qPrintable(error));
        const QByteArray token = login(engine, QStringLiteral("admin"), engine.adminPassword());
        QVERIFY(!token.isEmpty());

        const HttpReply reply = httpsRequest(engine, "GET", QStringLiteral("/api/v1/directory/statistics"), {}, token);
        QCOMPARE(reply.status, 503);
        QCOMPARE(reply.errorCode(), QStringLiteral("unavailable"));
        const QString message = reply.object().value(u"error").toObject().value(u"message").toString();
        QVERIFY2(message.contains(u"neither Whois nor RDAP is running"), qPrintable(message));

        // The rest of the route's contract: a token, GET only, no parameters.
        QCOMPARE(httpsRequest(engine, "GET", QStringLiteral("/api/v1/directory/statistics")).status, 401);
        QCOMPARE(httpsRequest(engine, "POST", QStringLiteral("/api/v1/directory/statistics"), "{}", token).status, 405);
        QCOMPARE(httpsRequest(engine, "GET", QStringLiteral("/api/v1/directory/statistics?service=whois"), {}, token).status, 400);

        // Every role may read monitoring data: a NOC operator gets the same answer.
        const QJsonObject user{{QStringLiteral("name"), QStringLiteral("noc-1")},
                               {QStringLiteral("password"), QStringLiteral("Noc-operator-password-1")},
                               {QStringLiteral("roles"), QJsonArray{QStringLiteral("noc")}}};
        QCOMPARE(httpsRequest(engine, "POST", QStringLiteral("/api/v1/users"), QJsonDocument(user).toJson(), token).status, 201);
        const QByteArray nocToken = login(engine, QStringLiteral("noc-1"), QStringLiteral("Noc-operator-password-1"));
        QVERIFY(!nocToken.isEmpty());
        QCOMPARE(httpsRequest(engine, "GET", QStringLiteral("/api/v1/directory/statistics"), {}, nocToken).status, 503);

        const HttpReply metrics = httpsRequest(engine, "GET", QStringLiteral("/metrics"), {}, token);
        QCOMPARE(metrics.status, 200);
        QVERIFY(metrics.body.contains("registry_up 1\n"));
        QCOMPARE(seriesWithPrefix(metrics.body, "registry_whois_"), QByteArrayList());
        QCOMPARE(seriesWithPrefix(metrics.body, "registry_rdap_"), QByteArrayList());
        QCOMPARE(seriesWithPrefix(metrics.body, "registry_directory_"), QByteArrayList());
        QCOMPARE(engine.stop(), 0);
    }

    // Whois and RDAP run by default ([whois] and [rdap] enabled = true in the generated file).
    void countsRealWhoisQueries()
    {
        EngineFixture engine;
        engine.setConfigValue(QStringLiteral("whois"), QStringLiteral("queries_per_minute"), QStringLiteral("20"));
        QString error;
        QVERIFY2(engine.start(&error), qPrintable(error));
        const quint16 port = engine.port(QStringLiteral("whois"));
        QVERIFY2(port != 0, "registryd announced no Whois port in ready.json");
        const QByteArray token = login(engine, QStringLiteral("admin"), engine.adminPassword());
        QVERIFY(!token.isEmpty());

        QJsonObject before = statistics(engine, token);
        QCOMPARE(before.value(u"whois").toObject().value(u"running").toBool(), true);
        QCOMPARE(before.value(u"whois").toObject().value(u"queries").toInteger(), 0);

        // 25 queries from one address against 20 a minute: at least 5 refusals.
        for (int i = 0; i < 25; ++i)
            QVERIFY(!whoisQuery(port, "no-such-domain-" + QByteArray::number(i) + ".example").isEmpty());

        QJsonObject stats;
        QTRY_VERIFY_WITH_TIMEOUT((stats = statistics(engine, token), stats.value(u"whois").toObject().value(u"queries").toInteger() >= 25), 10000);
        const QJsonObject whois = stats.value(u"whois").toObject();
        QCOMPARE(whois.value(u"queries").toInteger(), 25);
        QVERIFY2(whois.value(u"rateLimited").toInteger() >= 5, QJsonDocument(whois).toJson().constData());
        QVERIFY(whois.value(u"notFound").toInteger() >= 1);
        QVERIFY(whois.value(u"queryTypes").toObject().value(u"domain").toInteger() >= 1);
        const QJsonArray clients = whois.value(u"topClients").toArray();
        QVERIFY(!clients.isEmpty());
        QCOMPARE(clients.at(0).toObject().value(u"address").toString(), QStringLiteral("127.0.0.1"));
        QCOMPARE(clients.at(0).toObject().value(u"queries").toInteger(), 25);
        QCOMPARE(clients.at(0).toObject().value(u"refused").toInteger(), whois.value(u"rateLimited").toInteger());
        QVERIFY(stats.value(u"at").toString().endsWith(u'Z'));

        const HttpReply metrics = httpsRequest(engine, "GET", QStringLiteral("/metrics"), {}, token);
        QCOMPARE(metrics.status, 200);
        QCOMPARE(metricValue(metrics.body, "registry_whois_queries_total"), 25.0);
        QCOMPARE(metricValue(metrics.body, "registry_whois_rate_limited_total"), double(whois.value(u"rateLimited").toInteger()));
        QVERIFY(!metrics.body.contains("127.0.0.1"));   // client addresses stay off /metrics
        QCOMPARE(engine.stop(), 0);
    }

    void countsRealRdapQueries()
    {
        EngineFixture engine;
        QString error;
        QVERIFY2(engine.start(&error), qPrintable(error));
        const quint16 port = engine.port(QStringLiteral("rdap"));
        QVERIFY2(port != 0, "registryd announced no RDAP port in ready.json");
        const QByteArray token = login(engine, QStringLiteral("admin"), engine.adminPassword());
        QVERIFY(!token.isEmpty());

        QCOMPARE(rdapStatus(engine, port, QStringLiteral("/help")), 200);
        QCOMPARE(rdapStatus(engine, port, QStringLiteral("/domain/no-such-domain-for-ops.example")), 404);
        QCOMPARE(rdapStatus(engine, port, QStringLiteral("/domain/no-such-domain-for-ops.example")), 404);

        QJsonObject stats;
        QTRY_VERIFY_WITH_TIMEOUT((stats = statistics(engine, token), stats.value(u"rdap").toObject().value(u"queries").toInteger() >= 3), 10000);
        const QJsonObject rdap = stats.value(u"rdap").toObject();
        QCOMPARE(rdap.value(u"running").toBool(), true);
        QCOMPARE(rdap.value(u"queries").toInteger(), 3);
        QCOMPARE(rdap.value(u"notFound").toInteger(), 2);
        QCOMPARE(rdap.value(u"queryTypes").toObject().value(u"help").toInteger(), 1);
        QCOMPARE(rdap.value(u"queryTypes").toObject().value(u"domain").toInteger(), 2);
        QCOMPARE(rdap.value(u"topClients").toArray().at(0).toObject().value(u"address").toString(), QStringLiteral("127.0.0.1"));

        // The second lookup of the same missing name may come from the cache; either way every
        // lookup is a hit or a miss, and the metrics say the same as the API.
        const QJsonObject cache = stats.value(u"cache").toObject();
        QVERIFY(cache.value(u"hits").toInteger() + cache.value(u"misses").toInteger() >= 1);
        const HttpReply metrics = httpsRequest(engine, "GET", QStringLiteral("/metrics"), {}, token);
        QCOMPARE(metricValue(metrics.body, "registry_rdap_queries_total"), 3.0);
        QCOMPARE(metricValue(metrics.body, "registry_rdap_query_types_total{type=\"domain\"}"), 2.0);
        QCOMPARE(metricValue(metrics.body, "registry_directory_cache_misses_total"), double(cache.value(u"misses").toInteger()));
        QCOMPARE(metricValue(metrics.body, "registry_directory_journal_sequence"), double(stats.value(u"journalSequence").toInteger()));
        QVERIFY(metricValue(metrics.body, "registry_directory_journal_sequence")
                <= metricValue(metrics.body, "registry_journal_head_sequence"));
        QCOMPARE(engine.stop(), 0);
    }

    void aStoppedServiceIsReportedAsNotRunning_data()
    {
        QTest::addColumn<QString>("disabled");
        QTest::addColumn<QString>("running");
        QTest::newRow("whois off") << QStringLiteral("whois") << QStringLiteral("rdap");
        QTest::newRow("rdap off") << QStringLiteral("rdap") << QStringLiteral("whois");
    }

    void aStoppedServiceIsReportedAsNotRunning()
    {
        QFETCH(QString, disabled);
        QFETCH(QString, running);
        EngineFixture engine;
        engine.setConfigValue(disabled, QStringLiteral("enabled"), QStringLiteral("false"));
        QString error;
        QVERIFY2(engine.start(&error), qPrintable(error));
        QVERIFY2(engine.port(running) != 0, qPrintable(QStringLiteral("registryd announced no %1 port in ready.json").arg(running)));
        const QByteArray token = login(engine, QStringLiteral("admin"), engine.adminPassword());
        const HttpReply reply = httpsRequest(engine, "GET", QStringLiteral("/api/v1/directory/statistics"), {}, token);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.object().value(running).toObject().value(u"running").toBool(), true);
        QCOMPARE(reply.object().value(disabled).toObject().value(u"running").toBool(), false);
        const HttpReply metrics = httpsRequest(engine, "GET", QStringLiteral("/metrics"), {}, token);
        QCOMPARE(seriesWithPrefix(metrics.body, "registry_" + disabled.toLatin1() + '_'), QByteArrayList());
        QCOMPARE(metricValue(metrics.body, "registry_" + running.toLatin1() + "_queries_total"), 0.0);
        QCOMPARE(engine.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_DirectoryStatisticsApi)
#include "tst_directorystatisticsapi.moc"
