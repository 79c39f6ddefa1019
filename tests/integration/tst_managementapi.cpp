#include "common/enginefixture.h"

#include <QJsonArray>
#include <QSslSocket>
#include <QTest>
#include <QWebSocket>

using namespace testsupport;

namespace {

// A WebSocket client that records what arrives.
struct EventClient
{
    QWebSocket socket;
    QList<QJsonObject> messages;
    bool closed = false;
    int closeCode = -1;

    EventClient(const EngineFixture &engine, const QByteArray &token)
    {
        socket.setSslConfiguration(engine.sslConfiguration());
        QObject::connect(&socket, &QWebSocket::textMessageReceived, &socket, [this](const QString &text) {
            messages.append(QJsonDocument::fromJson(text.toUtf8()).object());
        });
        QObject::connect(&socket, &QWebSocket::disconnected, &socket, [this] {
            closed = true;
            closeCode = socket.closeCode();
        });
        QNetworkRequest request(engine.webSocketUrl(QStringLiteral("/api/v1/events")));
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token);
        socket.open(request);
    }

    std::optional<QJsonObject> waitFor(const std::function<bool(const QJsonObject &)> &match, int timeoutMs = 20000)
    {
        std::optional<QJsonObject> found;
        (void)QTest::qWaitFor([&] {
            for (const QJsonObject &m : std::as_const(messages)) {
                if (match(m)) {
                    found = m;
                    return true;
                }
            }
            return closed;
        }, timeoutMs);
        return found;
    }
};

} // namespace

class tst_ManagementApi : public QObject
{
    Q_OBJECT
private:
    EngineFixture m_engine;
    QByteArray m_adminToken;

    HttpReply createUser(const QString &name, const QString &password, const QStringList &roles)
    {
        const QJsonObject body{{QStringLiteral("name"), name}, {QStringLiteral("password"), password},
                               {QStringLiteral("roles"), QJsonArray::fromStringList(roles)}};
        return httpsRequest(m_engine, "POST", QStringLiteral("/api/v1/users"), QJsonDocument(body).toJson(), m_adminToken);
    }
    static QByteArray loginBody(const QString &user, const QString &password)
    {
        return QJsonDocument(QJsonObject{{QStringLiteral("user"), user}, {QStringLiteral("password"), password}}).toJson();
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("REGISTRYD_BINARY"))
            QSKIP("REGISTRYD_BINARY is not set");
        m_engine.setConfigValue(QStringLiteral("management"), QStringLiteral("max_failed_logins"), QStringLiteral("3"));
        QString error;
        QVERIFY2(m_engine.start(&error), qPrintable(error));
        m_adminToken = login(m_engine, QStringLiteral("admin"), m_engine.adminPassword());
        QVERIFY(!m_adminToken.isEmpty());
    }

    void loginReturnsBearerToken()
    {
        const HttpReply reply = httpsRequest(m_engine, "POST", QStringLiteral("/api/v1/login"),
                                             loginBody(QStringLiteral("admin"), m_engine.adminPassword()));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.object().value(QStringLiteral("token")).toString().size(), 43);
        QCOMPARE(reply.object().value(QStringLiteral("user")).toString(), QStringLiteral("admin"));
        QCOMPARE(reply.object().value(QStringLiteral("roles")).toArray(), QJsonArray{QStringLiteral("admin")});
        QVERIFY(reply.object().value(QStringLiteral("expiresAt")).toString().endsWith(u'Z'));
        QVERIFY(reply.header("Content-Type").startsWith("application/json"));
    }

    void statusShowsServicesAndJournal()
    {
        const HttpReply reply = httpsRequest(m_engine, "GET", QStringLiteral("/api/v1/status"), {}, m_adminToken);
        QCOMPARE(reply.status, 200);
        const QJsonObject status = reply.object();
        QVERIFY(!status.value(QStringLiteral("version")).toString().isEmpty());
        QVERIFY(status.value(QStringLiteral("uptimeSeconds")).toDouble() >= 0);
        bool managementRunning = false;
        const QJsonArray services = status.value(QStringLiteral("services")).toArray();
        for (const QJsonValue &s : services) {
            if (s[QStringLiteral("name")].toString() == u"management")
                managementRunning = s[QStringLiteral("state")].toString() == u"running";
        }
        QVERIFY(managementRunning);
        const QJsonObject journal = status.value(QStringLiteral("journal")).toObject();
        QVERIFY(journal.value(QStringLiteral("head")).toInteger() >= 1);
        QCOMPARE(journal.value(QStringLiteral("headHash")).toString().size(), 64);
    }

    void eventArrivesAfterUserCreated()
    {
        EventClient events(m_engine, m_adminToken);
        const auto hello = events.waitFor([](const QJsonObject &m) { return m[QStringLiteral("type")].toString() == u"hello"; });
        QVERIFY2(hello, "no hello on the event stream");
        QCOMPARE(hello->value(QStringLiteral("user")).toString(), QStringLiteral("admin"));
        QVERIFY(hello->value(QStringLiteral("status")).toObject().contains(QStringLiteral("services")));

        const HttpReply created = createUser(QStringLiteral("ops1"), QStringLiteral("ops-pass1"), {QStringLiteral("noc")});
        QCOMPARE(created.status, 201);
        const auto event = events.waitFor([](const QJsonObject &m) {
            return m[QStringLiteral("type")].toString() == u"journal" && m[QStringLiteral("kind")].toString() == u"user.create" && m[QStringLiteral("object")].toString() == u"ops1";
        });
        QVERIFY2(event, "no journal event for the new user");
        QCOMPARE(event->value(QStringLiteral("actor")).toString(), QStringLiteral("admin"));
    }

    void createdUserIsListedWithoutSecrets()
    {
        const HttpReply reply = httpsRequest(m_engine, "GET", QStringLiteral("/api/v1/users"), {}, m_adminToken);
        QCOMPARE(reply.status, 200);
        QVERIFY(!reply.body.contains("scrypt"));
        QVERIFY(reply.body.contains("\"ops1\""));
    }

    void wrongPasswordIsInvalidCredentials()
    {
        const HttpReply reply = httpsRequest(m_engine, "POST", QStringLiteral("/api/v1/login"),
                                             loginBody(QStringLiteral("admin"), QStringLiteral("not-the-password1")));
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.errorCode(), QStringLiteral("invalid_credentials"));
        QCOMPARE(reply.header("WWW-Authenticate"), QByteArray("Bearer"));
    }

    void repeatedFailuresLockTheAccount()
    {
        QCOMPARE(createUser(QStringLiteral("locky"), QStringLiteral("locky-pass1"), {QStringLiteral("noc")}).status, 201);
        for (int i = 0; i < 3; ++i) {
            const HttpReply r = httpsRequest(m_engine, "POST", QStringLiteral("/api/v1/login"),
                                             loginBody(QStringLiteral("locky"), QStringLiteral("wrong-pass%1").arg(i)));
            QCOMPARE(r.status, 401);
        }
        HttpReply locked = httpsRequest(m_engine, "POST", QStringLiteral("/api/v1/login"),
                                        loginBody(QStringLiteral("locky"), QStringLiteral("locky-pass1")));
        QCOMPARE(locked.status, 403);
        QCOMPARE(locked.errorCode(), QStringLiteral("account_locked"));

        const HttpReply users = httpsRequest(m_engine, "GET", QStringLiteral("/api/v1/users"), {}, m_adminToken);
        bool listedLocked = false;
        const QJsonArray list = users.object().value(QStringLiteral("users")).toArray();
        for (const QJsonValue &u : list) {
            if (u[QStringLiteral("name")].toString() == u"locky")
                listedLocked = u[QStringLiteral("locked")].toBool();
        }
        QVERIFY(listedLocked);

        QCOMPARE(httpsRequest(m_engine, "POST", QStringLiteral("/api/v1/users/locky/unlock"), {}, m_adminToken).status, 204);
        QVERIFY(!login(m_engine, QStringLiteral("locky"), QStringLiteral("locky-pass1")).isEmpty());
    }

    void missingRoleIsForbidden()
    {
        QCOMPARE(createUser(QStringLiteral("boss"), QStringLiteral("boss-pass1"), {QStringLiteral("manager")}).status, 201);
        const QByteArray token = login(m_engine, QStringLiteral("boss"), QStringLiteral("boss-pass1"));
        QVERIFY(!token.isEmpty());
        const HttpReply journal = httpsRequest(m_engine, "GET", QStringLiteral("/api/v1/journal"), {}, token);
        QCOMPARE(journal.status, 403);
        QCOMPARE(journal.errorCode(), QStringLiteral("forbidden"));
        QCOMPARE(httpsRequest(m_engine, "GET", QStringLiteral("/api/v1/status"), {}, token).status, 200);
        const HttpReply create = httpsRequest(m_engine, "POST", QStringLiteral("/api/v1/users"),
                                              "{\"name\":\"x1\",\"password\":\"pass-x1\",\"roles\":[\"admin\"]}", token);
        QCOMPARE(create.status, 403);
        // Nothing was created.
        const HttpReply users = httpsRequest(m_engine, "GET", QStringLiteral("/api/v1/users"), {}, m_adminToken);
        QVERIFY(!users.body.contains("\"x1\""));
    }

    void badRequestsGetContractErrors_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<bool>("withToken");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("malformed-json") << QByteArray("POST") << QStringLiteral("/api/v1/login") << QByteArray("{\"user\":")
                                        << QByteArray("application/json") << false << 400 << QStringLiteral("bad_request");
        QTest::newRow("wrong-field-type") << QByteArray("POST") << QStringLiteral("/api/v1/login") << QByteArray("{\"user\":1,\"password\":2}")
                                          << QByteArray("application/json") << false << 400 << QStringLiteral("bad_request");
        QTest::newRow("wrong-content-type") << QByteArray("POST") << QStringLiteral("/api/v1/login") << QByteArray("user=admin")
                                            << QByteArray("application/x-www-form-urlencoded") << false << 415
                                            << QStringLiteral("unsupported_media_type");
        QTest::newRow("unknown-path") << QByteArray("GET") << QStringLiteral("/api/v1/nothing-here") << QByteArray() << QByteArray()
                                      << true << 404 << QStringLiteral("not_found");
        QTest::newRow("wrong-method") << QByteArray("DELETE") << QStringLiteral("/api/v1/status") << QByteArray() << QByteArray()
                                      << true << 405 << QStringLiteral("method_not_allowed");
        QTest::newRow("no-token") << QByteArray("GET") << QStringLiteral("/api/v1/status") << QByteArray() << QByteArray()
                                  << false << 401 << QStringLiteral("unauthenticated");
        QTest::newRow("bad-policy") << QByteArray("POST") << QStringLiteral("/api/v1/users")
                                    << QByteArray("{\"name\":\"weak\",\"password\":\"abc\",\"roles\":[\"noc\"]}")
                                    << QByteArray("application/json") << true << 400 << QStringLiteral("password_policy");
        QTest::newRow("bad-journal-limit") << QByteArray("GET") << QStringLiteral("/api/v1/journal?limit=5000") << QByteArray()
                                           << QByteArray() << true << 400 << QStringLiteral("bad_request");
    }
    void badRequestsGetContractErrors()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        QFETCH(bool, withToken);
        QFETCH(int, status);
        QFETCH(QString, code);
        const QByteArray headBefore = QByteArray::number(httpsRequest(m_engine, "GET", QStringLiteral("/api/v1/status"), {}, m_adminToken)
                                                             .object()[QStringLiteral("journal")][QStringLiteral("head")].toInteger());
        const HttpReply reply = httpsRequest(m_engine, method, path, body, withToken ? m_adminToken : QByteArray(), contentType);
        QCOMPARE(reply.status, status);
        QCOMPARE(reply.errorCode(), code);
        QVERIFY(!reply.object()[QStringLiteral("error")][QStringLiteral("message")].toString().isEmpty());
        const QByteArray headAfter = QByteArray::number(httpsRequest(m_engine, "GET", QStringLiteral("/api/v1/status"), {}, m_adminToken)
                                                            .object()[QStringLiteral("journal")][QStringLiteral("head")].toInteger());
        QCOMPARE(headAfter, headBefore);   // changed nothing
    }

    void oversizedBodyIsRefusedBeforeItIsSent()
    {
        // Announce 100 MB and send none of it: the answer can only come from the head.
        QSslSocket socket;
        socket.setSslConfiguration(m_engine.sslConfiguration());
        socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_engine.port(QStringLiteral("management")));
        QVERIFY2(socket.waitForEncrypted(10000), qPrintable(socket.errorString()));
        socket.write("POST /api/v1/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                     "Content-Length: 100000000\r\n\r\n");
        QByteArray answer;
        (void)QTest::qWaitFor([&] {
            answer += socket.readAll();
            return answer.contains("\r\n\r\n{") && answer.endsWith('}');
        }, 20000);
        QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.constData());
        QVERIFY(answer.contains("payload_too_large"));
        // And the server closes the connection rather than reading the body.
        QVERIFY(QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::UnconnectedState; }, 20000));
    }

    void metricsAreExposed()
    {
        const HttpReply reply = httpsRequest(m_engine, "GET", QStringLiteral("/metrics"), {}, m_adminToken);
        QCOMPARE(reply.status, 200);
        QVERIFY(reply.header("Content-Type").startsWith("text/plain; version=0.0.4"));
        QVERIFY(reply.body.contains("\nregistry_up 1\n"));
        QVERIFY(reply.body.contains("registry_service_up{service=\"management\"} 1"));
        QVERIFY(reply.body.contains("registry_management_login_failures_total "));
        QCOMPARE(httpsRequest(m_engine, "GET", QStringLiteral("/metrics")).status, 401);
    }

    void webSocketWithBadTokenIsClosedWith1008()
    {
        EventClient events(m_engine, QByteArray(43, 'A'));
        QVERIFY(QTest::qWaitFor([&] { return events.closed; }, 20000));
        QCOMPARE(events.closeCode, 1008);
        QVERIFY(events.messages.isEmpty());
    }

    void logoutRevokesTheToken()
    {
        const QByteArray token = login(m_engine, QStringLiteral("admin"), m_engine.adminPassword());
        QCOMPARE(httpsRequest(m_engine, "POST", QStringLiteral("/api/v1/logout"), {}, token).status, 204);
        const HttpReply after = httpsRequest(m_engine, "GET", QStringLiteral("/api/v1/me"), {}, token);
        QCOMPARE(after.status, 401);
        QCOMPARE(after.errorCode(), QStringLiteral("unauthenticated"));
    }

    void expiredTokenIsRefusedAndClosesTheStream()
    {
        EngineFixture engine;
        engine.setConfigValue(QStringLiteral("management"), QStringLiteral("token_lifetime"), QStringLiteral("5s"));
        QString error;
        QVERIFY2(engine.start(&error), qPrintable(error));
        const QByteArray token = login(engine, QStringLiteral("admin"), engine.adminPassword());
        QVERIFY(!token.isEmpty());
        EventClient events(engine, token);
        QVERIFY(events.waitFor([](const QJsonObject &m) { return m[QStringLiteral("type")].toString() == u"hello"; }));
        // The engine closes the stream with 4001 once the token runs out.
        QVERIFY(QTest::qWaitFor([&] { return events.closed; }, 30000));
        QCOMPARE(events.closeCode, 4001);
        const HttpReply reply = httpsRequest(engine, "GET", QStringLiteral("/api/v1/status"), {}, token);
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.errorCode(), QStringLiteral("token_expired"));
        QVERIFY(reply.header("WWW-Authenticate").contains("invalid_token"));
    }
};

QTEST_GUILESS_MAIN(tst_ManagementApi)
#include "tst_managementapi.moc"
