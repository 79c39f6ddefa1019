// The RDAP HTTPS transport (engine/rdap/httpsserver.cpp) on real sockets with a real TLS
// certificate (made with the openssl tool): keep-alive with curl, pipelining, refusals that close
// the connection, the idle timeout, per-address connection limits and TLS 1.1 refused.
#include "rdap/httpsserver.h"

#include <QProcess>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <mutex>
#include <set>
#include <thread>

using namespace reg;
using reg::rdap::HttpRequest;
using reg::rdap::HttpsServer;
using reg::rdap::HttpsServerLimits;

namespace {

// Answers every request with its target as the body.
bool echo(const HttpRequest &request, const QHostAddress &, QByteArray &out)
{
    // "/big..." answers are large, so a client that does not read fills the server's output cap.
    const QByteArray body = (request.target.startsWith("/big") ? QByteArray(20000, 'x') : QByteArray()) + "target=" + request.target;
    out += "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    if (!request.keepAlive)
        out += "Connection: close\r\n";
    out += "\r\n" + body;
    return request.keepAlive;
}

void refuse(int status, const char *reason, const QHostAddress &, QByteArray &out)
{
    const QByteArray body(reason);
    out += "HTTP/1.1 " + QByteArray::number(status) + " Refused\r\nConnection: close\r\nContent-Length: "
           + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

} // namespace

class tst_HttpsServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void keepsConnectionsAliveForCurl();
    void answersPipelinedRequestsInOrder();
    void resumesAfterTheClientCatchesUp();
    void refusesMalformedRequestsAndCloses_data();
    void refusesMalformedRequestsAndCloses();
    void closesIdleConnections();
    void limitsConnectionsPerAddress();
    void limitsConnectionsOverall();
    void spreadsKeepAliveConnectionsOverEveryThread();
    void refusesTls11();

private:
    std::unique_ptr<HttpsServer> startServer(const HttpsServerLimits &limits, HttpsServer::Handler handler = &echo);
    std::unique_ptr<QSslSocket> connectTo(const HttpsServer &server);
    static QByteArray readUntilClosed(QSslSocket &socket);

    QTemporaryDir m_dir;
    QString m_cert;
    QString m_key;
};

void tst_HttpsServer::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_cert = m_dir.filePath(QStringLiteral("cert.pem"));
    m_key = m_dir.filePath(QStringLiteral("key.pem"));
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                   QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                   QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                   QStringLiteral("subjectAltName=IP:127.0.0.1"), QStringLiteral("-days"), QStringLiteral("2"),
                   QStringLiteral("-keyout"), m_key, QStringLiteral("-out"), m_cert});
    QVERIFY(openssl.waitForFinished(30000));
    QCOMPARE(openssl.exitCode(), 0);
}

std::unique_ptr<HttpsServer> tst_HttpsServer::startServer(const HttpsServerLimits &limits, HttpsServer::Handler handler)
{
    auto server = std::make_unique<HttpsServer>(limits, std::move(handler), &refuse);
    if (Result<void> r = server->listen({QHostAddress::LocalHost, 0}); !r)
        qFatal("listen: %s", qPrintable(r.error().message));
    if (Result<void> r = server->start(m_cert, m_key); !r)
        qFatal("start: %s", qPrintable(r.error().message));
    return server;
}

std::unique_ptr<QSslSocket> tst_HttpsServer::connectTo(const HttpsServer &server)
{
    auto socket = std::make_unique<QSslSocket>();
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(QSslCertificate::fromPath(m_cert));
    tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    socket->setSslConfiguration(tls);
    socket->connectToHostEncrypted(QStringLiteral("127.0.0.1"), server.boundAddress().port);
    if (!socket->waitForEncrypted(10000))
        qWarning("TLS: %s", qPrintable(socket->errorString()));
    return socket;
}

QByteArray tst_HttpsServer::readUntilClosed(QSslSocket &socket)
{
    QByteArray all;
    while (socket.state() == QAbstractSocket::ConnectedState && socket.waitForReadyRead(10000))
        all += socket.readAll();
    all += socket.readAll();
    return all;
}

void tst_HttpsServer::keepsConnectionsAliveForCurl()
{
    const QString curl = QStandardPaths::findExecutable(QStringLiteral("curl"));
    if (curl.isEmpty())
        QSKIP("curl is not installed");
    HttpsServerLimits limits;
    const auto server = startServer(limits);
    const QString base = QStringLiteral("https://127.0.0.1:%1").arg(server->boundAddress().port);
    QProcess p;
    p.start(curl, {QStringLiteral("-s"), QStringLiteral("--cacert"), m_cert, QStringLiteral("-w"), QStringLiteral(" connects=%{num_connects}\n"),
                   base + u"/one", base + u"/two", base + u"/three"});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 0);
    // Three answers, one TCP/TLS connection: the second and third reused it.
    QCOMPARE(QString::fromUtf8(p.readAllStandardOutput()),
             u"target=/one connects=1\ntarget=/two connects=0\ntarget=/three connects=0\n"_qs);
}

void tst_HttpsServer::answersPipelinedRequestsInOrder()
{
    const auto server = startServer({});
    const auto socket = connectTo(*server);
    QVERIFY(socket->isEncrypted());
    QByteArray requests;
    for (int i = 0; i < 20; ++i)
        requests += "GET /r" + QByteArray::number(i) + " HTTP/1.1\r\nHost: x\r\n\r\n";
    requests += "GET /last HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    socket->write(requests);
    const QByteArray answers = readUntilClosed(*socket);
    qsizetype at = 0;
    for (int i = 0; i < 20; ++i) {
        const QByteArray body = "target=/r" + QByteArray::number(i);
        const qsizetype found = answers.indexOf(body, at);
        QVERIFY2(found > at, body.constData());
        at = found;
    }
    QVERIFY(answers.indexOf("target=/last", at) > at);
    QCOMPARE(answers.count("HTTP/1.1 200 OK"), 21);
}

void tst_HttpsServer::resumesAfterTheClientCatchesUp()
{
    const auto server = startServer({});
    const auto socket = connectTo(*server);
    QVERIFY(socket->isEncrypted());
    // 100 answers of 20 KB (2 MB) asked for at once, nothing read until all requests are sent:
    // the server stops reading at its output cap and must resume, in order, as the client reads.
    QByteArray requests;
    for (int i = 0; i < 100; ++i)
        requests += "GET /big" + QByteArray::number(i) + " HTTP/1.1\r\nHost: x\r\n\r\n";
    requests += "GET /end HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    socket->write(requests);
    QVERIFY(socket->waitForBytesWritten(10000));
    const QByteArray answers = readUntilClosed(*socket);
    QCOMPARE(answers.count("HTTP/1.1 200 OK"), 101);
    qsizetype at = 0;
    for (int i = 0; i < 100; ++i) {
        const QByteArray tail = "target=/big" + QByteArray::number(i) + "HTTP/1.1";
        const qsizetype found = answers.indexOf(tail, at);
        QVERIFY2(found >= at, tail.constData());
        at = found;
    }
    QVERIFY(answers.endsWith("target=/end"));
}

void tst_HttpsServer::refusesMalformedRequestsAndCloses_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QByteArray>("status");
    QTest::newRow("junk") << QByteArray("\x01\x02\x03 junk\r\n\r\n") << QByteArray("400");
    QTest::newRow("oversized") << QByteArray("GET /" + QByteArray(3000, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n") << QByteArray("431");
    QTest::newRow("body") << QByteArray("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc") << QByteArray("413");
    QTest::newRow("after-a-good-one") << QByteArray("GET /ok HTTP/1.1\r\nHost: x\r\n\r\nBAD\r\n\r\n") << QByteArray("400");
}

void tst_HttpsServer::refusesMalformedRequestsAndCloses()
{
    QFETCH(QByteArray, request);
    QFETCH(QByteArray, status);
    HttpsServerLimits limits;
    limits.maxRequestBytes = 2048;
    const auto server = startServer(limits);
    const auto socket = connectTo(*server);
    QVERIFY(socket->isEncrypted());
    socket->write(request);
    const QByteArray answer = readUntilClosed(*socket);
    QVERIFY2(answer.contains(QByteArray("HTTP/1.1 " + status + " ")), answer.constData());
    QCOMPARE(socket->state(), QAbstractSocket::UnconnectedState);   // and the connection is gone
}

void tst_HttpsServer::closesIdleConnections()
{
    HttpsServerLimits limits;
    limits.idleTimeoutMs = 200;
    limits.requestTimeoutMs = 200;
    const auto server = startServer(limits);
    const auto idle = connectTo(*server);
    QVERIFY(idle->isEncrypted());
    const auto partial = connectTo(*server);
    partial->write("GET /never-finished HTTP/1.1\r\n");
    QVERIFY(partial->waitForBytesWritten(5000));
    // Both are closed by the server without a byte of answer (bounded wait, not a timing assertion).
    QVERIFY(idle->state() != QAbstractSocket::ConnectedState || idle->waitForDisconnected(10000));
    QVERIFY(partial->state() != QAbstractSocket::ConnectedState || partial->waitForDisconnected(10000));
    QTRY_COMPARE_WITH_TIMEOUT(server->openConnections(), qint64(0), 10000);
}

void tst_HttpsServer::limitsConnectionsPerAddress()
{
    HttpsServerLimits limits;
    limits.maxConnectionsPerAddress = 2;
    const auto server = startServer(limits);
    const auto a = connectTo(*server);
    const auto b = connectTo(*server);
    QVERIFY(a->isEncrypted());
    QVERIFY(b->isEncrypted());
    const auto c = connectTo(*server);
    QVERIFY(!c->isEncrypted());
    QCOMPARE(server->connectionsRefused(), quint64(1));
    // Closing one makes room again.
    a->disconnectFromHost();
    QVERIFY(a->state() == QAbstractSocket::UnconnectedState || a->waitForDisconnected(5000));
    QTRY_COMPARE_WITH_TIMEOUT(server->openConnections(), qint64(1), 10000);
    const auto d = connectTo(*server);
    QVERIFY(d->isEncrypted());
}

void tst_HttpsServer::limitsConnectionsOverall()
{
    HttpsServerLimits limits;
    limits.maxConnections = 1;
    const auto server = startServer(limits);
    const auto a = connectTo(*server);
    QVERIFY(a->isEncrypted());
    const auto b = connectTo(*server);
    QVERIFY(!b->isEncrypted());
    QCOMPARE(server->connectionsRefused(), quint64(1));
    QCOMPARE(server->openConnections(), qint64(1));
    // The admitted one is served normally.
    a->write("GET /still-here HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    QVERIFY(readUntilClosed(*a).contains("target=/still-here"));
}

void tst_HttpsServer::spreadsKeepAliveConnectionsOverEveryThread()
{
    // Connections made one after another tend to wake the same worker: without the hand-over they
    // would all be served by it while the other threads idle.
    std::mutex mutex;
    std::set<std::thread::id> servedBy;
    HttpsServerLimits limits;
    limits.threads = 3;
    const auto server = startServer(limits, [&](const HttpRequest &request, const QHostAddress &peer, QByteArray &out) {
        {
            std::lock_guard lock(mutex);
            servedBy.insert(std::this_thread::get_id());
        }
        return echo(request, peer, out);
    });
    std::vector<std::unique_ptr<QSslSocket>> sockets;
    for (int i = 0; i < 6; ++i) {
        sockets.push_back(connectTo(*server));
        QVERIFY(sockets.back()->isEncrypted());
    }
    for (const auto &socket : sockets) {
        socket->write("GET /who HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        QVERIFY(readUntilClosed(*socket).contains("target=/who"));
    }
    QCOMPARE(servedBy.size(), size_t(3));
}

void tst_HttpsServer::refusesTls11()
{
    const auto server = startServer({});
    const QString connect = QStringLiteral("127.0.0.1:%1").arg(server->boundAddress().port);
    const auto handshake = [&](const QString &version) {
        QProcess p;
        // SECLEVEL=0 lets the client offer TLS 1.1 at all, so the refusal is the server's.
        p.start(QStringLiteral("openssl"), {QStringLiteral("s_client"), QStringLiteral("-connect"), connect, version,
                                            QStringLiteral("-cipher"), QStringLiteral("DEFAULT@SECLEVEL=0"),
                                            QStringLiteral("-CAfile"), m_cert});
        p.closeWriteChannel();
        p.waitForFinished(30000);
        return QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
    };
    const QString tls12 = handshake(QStringLiteral("-tls1_2"));
    QVERIFY2(tls12.contains(u"Protocol  : TLSv1.2"), qPrintable(tls12));
    QVERIFY2(!tls12.contains(u"Cipher is (NONE)"), qPrintable(tls12));
    // The server answers a TLS 1.1 ClientHello with a protocol_version alert (RFC 8446 6.2), no session.
    const QString tls11 = handshake(QStringLiteral("-tls1_1"));
    QVERIFY2(tls11.contains(u"Cipher is (NONE)"), qPrintable(tls11));
    QVERIFY2(tls11.contains(u"alert protocol version"), qPrintable(tls11));
}

QTEST_GUILESS_MAIN(tst_HttpsServer)
#include "tst_httpsserver.moc"
