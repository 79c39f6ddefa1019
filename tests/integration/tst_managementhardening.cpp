#include "common/enginefixture.h"

#include <QDir>
#include <QJsonArray>
#include <QSslSocket>
#include <QTest>
#include <QTimer>
#include <QWebSocket>

#include <sqlite3.h>

#include <functional>
#include <optional>

using namespace testsupport;

namespace {

constexpr int waitMs = 20000;

// One HTTP/1.1 response as it came off the wire.
struct RawResponse
{
    int status = 0;
    QByteArray head;
    QByteArray body;

    QJsonObject object() const { return QJsonDocument::fromJson(body).object(); }
    QString errorCode() const { return object()[QStringLiteral("error")][QStringLiteral("code")].toString(); }
};

// A TLS connection that writes raw bytes and splits what comes back into responses, so a test
// controls exactly how requests reach the server (pipelined in one write, one byte at a time).
class RawConnection
{
public:
    explicit RawConnection(const EngineFixture &engine)
    {
        m_socket.setSslConfiguration(engine.sslConfiguration());
        QObject::connect(&m_socket, &QIODevice::readyRead, &m_socket, [this] {
            m_buffer += m_socket.readAll();
            parse();
        });
        m_socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), engine.port(QStringLiteral("management")));
    }

    bool waitForEncrypted() { return m_socket.waitForEncrypted(waitMs); }
    QString errorString() const { return m_socket.errorString(); }
    void write(const QByteArray &bytes) { m_socket.write(bytes); }
    bool isClosed() const { return m_socket.state() == QAbstractSocket::UnconnectedState; }
    bool waitForResponses(qsizetype count, int timeoutMs = waitMs)
    {
        return QTest::qWaitFor([&] { return m_responses.size() >= count || isClosed(); }, timeoutMs) && m_responses.size() >= count;
    }
    bool waitForClose(int timeoutMs = waitMs) { return QTest::qWaitFor([&] { return isClosed(); }, timeoutMs); }
    const QList<RawResponse> &responses() const { return m_responses; }
    QByteArray unparsed() const { return m_buffer; }

private:
    void parse()
    {
        for (;;) {
            const qsizetype end = m_buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            RawResponse response;
            response.head = m_buffer.first(end);
            response.status = response.head.mid(9, 3).toInt();
            qsizetype length = 0;
            const QList<QByteArray> lines = response.head.split('\n');
            for (const QByteArray &line : lines) {
                if (line.toLower().startsWith("content-length:"))
                    length = line.mid(15).trimmed().toLongLong();
            }
            if (m_buffer.size() < end + 4 + length)
                return;
            response.body = m_buffer.mid(end + 4, length);
            m_buffer.remove(0, end + 4 + length);
            m_responses.append(response);
        }
    }

    QSslSocket m_socket;
    QByteArray m_buffer;
    QList<RawResponse> m_responses;
};

QByteArray jsonBody(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray loginBody(const QString &user, const QString &password)
{
    return jsonBody(QJsonObject{{QStringLiteral("user"), user}, {QStringLiteral("password"), password}});
}

QByteArray rawRequest(const QByteArray &method, const QByteArray &path, const QByteArray &body = {}, const QByteArray &token = {})
{
    QByteArray out = method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    if (!token.isEmpty())
        out += "Authorization: Bearer " + token + "\r\n";
    if (!body.isEmpty())
        out += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    return out + "\r\n" + body;
}

// Runs SQL on the engine's database from outside the engine (the store is in WAL mode, so this
// works while it runs). Returns the rows of the first column, or an error message.
struct SqlResult
{
    QStringList rows;
    QString error;
};

SqlResult sql(const EngineFixture &engine, const QString &statement)
{
    SqlResult result;
    sqlite3 *db = nullptr;
    const QByteArray file = QFile::encodeName(QDir(engine.dataDir()).filePath(QStringLiteral("registry.db")));
    if (sqlite3_open_v2(file.constData(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        result.error = QString::fromUtf8(sqlite3_errmsg(db));
        sqlite3_close(db);
        return result;
    }
    sqlite3_busy_timeout(db, 10000);
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(db, statement.toUtf8().constData(), -1, &stmt, nullptr) != SQLITE_OK) {
        result.error = QString::fromUtf8(sqlite3_errmsg(db));
        sqlite3_close(db);
        return result;
    }
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
        result.rows.append(QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0))));
    if (rc != SQLITE_DONE)
        result.error = QString::fromUtf8(sqlite3_errmsg(db));
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return result;
}

struct WebSocketClose
{
    int code = 0;
    QString reason;
};

// The first close frame in a stream of server-to-client WebSocket frames (RFC 6455, 5.2; the
// server does not mask), skipping any text frames before it.
std::optional<WebSocketClose> firstCloseFrame(const QByteArray &frames)
{
    qsizetype at = 0;
    while (frames.size() - at >= 2) {
        const quint8 opcode = quint8(frames[at]) & 0x0f;
        qint64 length = quint8(frames[at + 1]) & 0x7f;
        qsizetype header = 2;
        if (length == 126) {
            if (frames.size() - at < 4)
                return std::nullopt;
            length = (quint8(frames[at + 2]) << 8) | quint8(frames[at + 3]);
            header = 4;
        } else if (length == 127) {
            if (frames.size() - at < 10)
                return std::nullopt;
            length = 0;
            for (int i = 0; i < 8; ++i)
                length = (length << 8) | quint8(frames[at + 2 + i]);
            header = 10;
        }
        if (frames.size() - at < header + length)
            return std::nullopt;
        if (opcode == 0x8 && length >= 2) {
            const QByteArray payload = frames.mid(at + header, length);
            return WebSocketClose{(quint8(payload[0]) << 8) | quint8(payload[1]), QString::fromUtf8(payload.mid(2))};
        }
        at += header + length;
    }
    return std::nullopt;
}

// A WebSocket client of the event stream that records its greeting and how it was closed.
struct EventClient
{
    QWebSocket socket;
    bool greeted = false;
    bool closed = false;
    int closeCode = -1;

    EventClient(const EngineFixture &engine, const QByteArray &token)
    {
        socket.setSslConfiguration(engine.sslConfiguration());
        QObject::connect(&socket, &QWebSocket::textMessageReceived, &socket, [this](const QString &text) {
            if (QJsonDocument::fromJson(text.toUtf8()).object()[QStringLiteral("type")].toString() == u"hello")
                greeted = true;
        });
        QObject::connect(&socket, &QWebSocket::disconnected, &socket, [this] {
            closed = true;
            closeCode = socket.closeCode();
        });
        QNetworkRequest request(engine.webSocketUrl(QStringLiteral("/api/v1/events")));
        request.setRawHeader("Authorization", "Bearer " + token);
        socket.open(request);
    }
};

} // namespace

class tst_ManagementHardening : public QObject
{
    Q_OBJECT
private:
    EngineFixture m_engine;
    QByteArray m_adminToken;

    void createUser(const QString &name, const QString &password)
    {
        const QJsonObject body{{QStringLiteral("name"), name}, {QStringLiteral("password"), password},
                               {QStringLiteral("roles"), QJsonArray{QStringLiteral("noc")}}};
        const HttpReply reply = httpsRequest(m_engine, "POST", QStringLiteral("/api/v1/users"), jsonBody(body), m_adminToken);
        QCOMPARE(reply.status, 201);
    }
    HttpReply changePassword(const QByteArray &token, const QString &oldPassword, const QString &newPassword)
    {
        return httpsRequest(m_engine, "POST", QStringLiteral("/api/v1/me/password"),
                            jsonBody(QJsonObject{{QStringLiteral("oldPassword"), oldPassword},
                                                 {QStringLiteral("newPassword"), newPassword}}),
                            token);
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("REGISTRYD_BINARY"))
            QSKIP("REGISTRYD_BINARY is not set");
        m_engine.setConfigValue(QStringLiteral("management"), QStringLiteral("max_failed_logins"), QStringLiteral("3"));
        m_engine.setConfigValue(QStringLiteral("management"), QStringLiteral("max_event_clients"), QStringLiteral("2"));
        m_engine.setConfigValue(QStringLiteral("management"), QStringLiteral("request_timeout"), QStringLiteral("2s"));
        m_engine.setConfigValue(QStringLiteral("management"), QStringLiteral("idle_timeout"), QStringLiteral("3s"));
        QString error;
        QVERIFY2(m_engine.start(&error), qPrintable(error));
        m_adminToken = login(m_engine, QStringLiteral("admin"), m_engine.adminPassword());
        QVERIFY(!m_adminToken.isEmpty());
    }

    // Regression: a wrong current password on /me/password did not count, so a stolen token was an
    // unlimited password oracle.
    void wrongCurrentPasswordCountsTowardsTheLockout()
    {
        createUser(QStringLiteral("pat"), QStringLiteral("pat-pass1"));
        const QByteArray token = login(m_engine, QStringLiteral("pat"), QStringLiteral("pat-pass1"));
        QVERIFY(!token.isEmpty());
        for (int i = 1; i <= 3; ++i) {
            const HttpReply wrong = changePassword(token, QStringLiteral("guess-%1").arg(i), QStringLiteral("pat-new-pass2"));
            QCOMPARE(wrong.status, 403);
            QCOMPARE(wrong.errorCode(), QStringLiteral("invalid_credentials"));
        }
        // Locked now: the token's further attempts, even with the right password, and logins are refused.
        const HttpReply locked = changePassword(token, QStringLiteral("pat-pass1"), QStringLiteral("pat-new-pass2"));
        QCOMPARE(locked.status, 403);
        QCOMPARE(locked.errorCode(), QStringLiteral("account_locked"));
        const HttpReply lockedLogin = httpsRequest(m_engine, "POST", QStringLiteral("/api/v1/login"),
                                                   loginBody(QStringLiteral("pat"), QStringLiteral("pat-pass1")));
        QCOMPARE(lockedLogin.status, 403);
        QCOMPARE(lockedLogin.errorCode(), QStringLiteral("account_locked"));

        // Every attempt is audited, without the passwords.
        const QString query = QStringLiteral("SELECT outcome || '|' || detail FROM audit_log WHERE actor = 'pat' "
                                             "AND action = 'user.password' ORDER BY id");
        SqlResult audit;
        QVERIFY(QTest::qWaitFor([&] { audit = sql(m_engine, query); return audit.rows.size() >= 4 || !audit.error.isEmpty(); }, waitMs));
        QVERIFY2(audit.error.isEmpty(), qPrintable(audit.error));
        QCOMPARE(audit.rows.size(), 4);
        QCOMPARE(audit.rows[0], QStringLiteral("invalid_credentials|"));
        QCOMPARE(audit.rows[1], QStringLiteral("invalid_credentials|"));
        QVERIFY2(audit.rows[2].startsWith(QStringLiteral("invalid_credentials|account locked")), qPrintable(audit.rows[2]));
        QCOMPARE(audit.rows[3], QStringLiteral("account_locked|"));
        const SqlResult secrets = sql(m_engine, QStringLiteral("SELECT count(*) FROM audit_log WHERE detail LIKE '%guess-%' "
                                                               "OR detail LIKE '%pat-pass1%' OR detail LIKE '%" )
                                                    + QString::fromLatin1(token) + QStringLiteral("%'"));
        QCOMPARE(secrets.rows, QStringList{QStringLiteral("0")});

        // Nothing changed: once unlocked, the old password still works.
        QCOMPARE(httpsRequest(m_engine, "POST", QStringLiteral("/api/v1/users/pat/unlock"), {}, m_adminToken).status, 204);
        QVERIFY(!login(m_engine, QStringLiteral("pat"), QStringLiteral("pat-pass1")).isEmpty());
    }

    // Regression: the session that changed the password was revoked with all the others, though
    // the contract keeps it.
    void passwordChangeKeepsOnlyTheCurrentSession()
    {
        createUser(QStringLiteral("quinn"), QStringLiteral("quinn-pass1"));
        const QByteArray current = login(m_engine, QStringLiteral("quinn"), QStringLiteral("quinn-pass1"));
        const QByteArray other = login(m_engine, QStringLiteral("quinn"), QStringLiteral("quinn-pass1"));
        QVERIFY(!current.isEmpty() && !other.isEmpty());
        const HttpReply before = httpsRequest(m_engine, "GET", QStringLiteral("/api/v1/me"), {}, current);
        QCOMPARE(changePassword(current, QStringLiteral("quinn-pass1"), QStringLiteral("quinn-pass2")).status, 204);
        const HttpReply me = httpsRequest(m_engine, "GET", QStringLiteral("/api/v1/me"), {}, current);
        QCOMPARE(me.status, 200);
        QVERIFY(me.object()[QStringLiteral("passwordExpiresAt")].toString()
                > before.object()[QStringLiteral("passwordExpiresAt")].toString());
        QCOMPARE(httpsRequest(m_engine, "GET", QStringLiteral("/api/v1/me"), {}, other).status, 401);
    }

    // Regression: with a slow request (login: scrypt on the thread pool) ahead of a fast one on the
    // same connection, the second was left unparsed or answered first.
    void pipelinedRequestsAreAnsweredInOrder()
    {
        RawConnection connection(m_engine);
        QVERIFY2(connection.waitForEncrypted(), qPrintable(connection.errorString()));
        connection.write(rawRequest("POST", "/api/v1/login", loginBody(QStringLiteral("admin"), m_engine.adminPassword()))
                         + rawRequest("GET", "/api/v1/status", {}, m_adminToken)
                         + rawRequest("POST", "/api/v1/login", loginBody(QStringLiteral("nobody"), QStringLiteral("nothing-1")))
                         + rawRequest("GET", "/api/v1/me", {}, m_adminToken));
        QVERIFY2(connection.waitForResponses(4), connection.unparsed().constData());
        const QList<RawResponse> &responses = connection.responses();
        QCOMPARE(responses[0].status, 200);
        QCOMPARE(responses[0].object()[QStringLiteral("token")].toString().size(), 43);
        QCOMPARE(responses[1].status, 200);
        QVERIFY(responses[1].object().contains(QStringLiteral("services")));
        QCOMPARE(responses[2].status, 401);
        QCOMPARE(responses[2].errorCode(), QStringLiteral("invalid_credentials"));
        QCOMPARE(responses[3].status, 200);
        QCOMPARE(responses[3].object()[QStringLiteral("user")].toString(), QStringLiteral("admin"));
        QVERIFY(!connection.isClosed());   // keep-alive survives pipelining
    }

    // A request refused from its head keeps its place: the slow answer ahead of it goes first.
    void refusalAfterAPipelinedSlowRequestComesSecond()
    {
        RawConnection connection(m_engine);
        QVERIFY2(connection.waitForEncrypted(), qPrintable(connection.errorString()));
        connection.write(rawRequest("POST", "/api/v1/login", loginBody(QStringLiteral("admin"), m_engine.adminPassword()))
                         + "POST /api/v1/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                           "Content-Length: 100000000\r\n\r\n");
        QVERIFY2(connection.waitForResponses(2), connection.unparsed().constData());
        QCOMPARE(connection.responses()[0].status, 200);
        QCOMPARE(connection.responses()[1].status, 413);
        QCOMPARE(connection.responses()[1].errorCode(), QStringLiteral("payload_too_large"));
        QVERIFY(connection.waitForClose());
    }

    void extraEventClientIsClosedWith4013()
    {
        EventClient first(m_engine, m_adminToken);
        EventClient second(m_engine, m_adminToken);
        QVERIFY(QTest::qWaitFor([&] { return first.greeted && second.greeted; }, waitMs));
        // The third is read at the frame level, so the test sees exactly what the engine sent.
        RawConnection third(m_engine);
        QVERIFY2(third.waitForEncrypted(), qPrintable(third.errorString()));
        third.write("GET /api/v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                    "Authorization: Bearer " + m_adminToken + "\r\n\r\n");
        QVERIFY2(third.waitForResponses(1), third.unparsed().constData());
        QCOMPARE(third.responses()[0].status, 101);
        std::optional<WebSocketClose> close;
        QVERIFY(QTest::qWaitFor([&] { close = firstCloseFrame(third.unparsed()); return close.has_value() || third.isClosed(); }, waitMs));
        close = firstCloseFrame(third.unparsed());
        QVERIFY2(close, third.unparsed().toHex().constData());
        QCOMPARE(close->code, 4013);
        QVERIFY2(close->reason.contains(QStringLiteral("too many event clients")), qPrintable(close->reason));
        QVERIFY(!first.closed && !second.closed);

        // A place that frees up can be taken again.
        first.socket.close();
        QVERIFY(QTest::qWaitFor([&] { return first.closed; }, waitMs));
        std::optional<EventClient> fourth;
        // The engine notices the departure when the close handshake completes; retry until it has.
        QVERIFY(QTest::qWaitFor([&] {
            if (fourth && fourth->greeted)
                return true;
            if (!fourth || fourth->closed)
                fourth.emplace(m_engine, m_adminToken);
            return false;
        }, waitMs));
    }

    void journalTamperedWhileRunningIsReported()
    {
        const HttpReply good = httpsRequest(m_engine, "GET", QStringLiteral("/api/v1/journal/verify"), {}, m_adminToken);
        QCOMPARE(good.status, 200);
        QCOMPARE(good.object()[QStringLiteral("ok")].toBool(), true);
        QVERIFY(good.object()[QStringLiteral("entries")].toInteger() > 42);

        const SqlResult edit = sql(m_engine, QStringLiteral("UPDATE journal SET data = '{}' WHERE seq = 42"));
        QVERIFY2(edit.error.isEmpty(), qPrintable(edit.error));

        const HttpReply bad = httpsRequest(m_engine, "GET", QStringLiteral("/api/v1/journal/verify"), {}, m_adminToken);
        QCOMPARE(bad.status, 200);
        QCOMPARE(bad.object()[QStringLiteral("ok")].toBool(), false);
        QCOMPARE(bad.object()[QStringLiteral("firstBad")].toInteger(), 42);
        QCOMPARE(bad.object()[QStringLiteral("entries")].toInteger(), 41);
        QVERIFY(!bad.object()[QStringLiteral("reason")].toString().isEmpty());
    }

    // Slow-loris: a client that trickles its request head one byte a second is answered 408 and
    // disconnected after [management] request_timeout (2 s here), however steadily it sends.
    void tricklingRequestIsTimedOut()
    {
        RawConnection connection(m_engine);
        QVERIFY2(connection.waitForEncrypted(), qPrintable(connection.errorString()));
        const QByteArray head = rawRequest("GET", "/api/v1/status", {}, m_adminToken);
        qsizetype sent = 0;
        QTimer drip;
        QObject::connect(&drip, &QTimer::timeout, &drip, [&] {
            if (sent < head.size())
                connection.write(head.mid(sent++, 1));
        });
        drip.start(1000);
        QVERIFY(connection.waitForClose(15000));
        drip.stop();
        QVERIFY2(sent < head.size(), "the whole head went out before the server closed");
        QCOMPARE(connection.responses().size(), 1);
        QCOMPARE(connection.responses()[0].status, 408);
        QCOMPARE(connection.responses()[0].errorCode(), QStringLiteral("request_timeout"));
    }

    // Blank lines start no request, so they cannot keep an idle connection open either.
    void idleConnectionIsClosedEvenIfItSendsBlankLines()
    {
        RawConnection connection(m_engine);
        QVERIFY2(connection.waitForEncrypted(), qPrintable(connection.errorString()));
        connection.write(rawRequest("GET", "/api/v1/status", {}, m_adminToken));
        QVERIFY(connection.waitForResponses(1));
        QCOMPARE(connection.responses()[0].status, 200);
        QTimer keepAlive;
        QObject::connect(&keepAlive, &QTimer::timeout, &keepAlive, [&] { connection.write("\r\n"); });
        keepAlive.start(500);
        QVERIFY(connection.waitForClose(15000));
        QCOMPARE(connection.responses().size(), 1);
    }
};

QTEST_GUILESS_MAIN(tst_ManagementHardening)
#include "tst_managementhardening.moc"
