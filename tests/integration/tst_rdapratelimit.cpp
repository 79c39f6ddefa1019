// RDAP rate limiting end to end: a real registryd with a small [rdap] requests_per_minute, asked
// over one kept-alive TLS connection until it answers 429 with Retry-After and an RDAP error body,
// then asked again after that wait and answering normally (the connection survives the refusal).
#include "common/enginefixture.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSslSocket>
#include <QTest>
#include <QThread>

namespace {

struct Response
{
    int status = 0;
    QByteArray retryAfter;
    QByteArray body;
};

// Reads one HTTP/1.1 response with a Content-Length body from a blocking socket.
std::optional<Response> readResponse(QSslSocket &socket, QByteArray &buffer)
{
    for (;;) {
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end >= 0) {
            const QByteArray head = buffer.first(end);
            Response r;
            r.status = head.mid(9, 3).toInt();
            qsizetype length = 0;
            for (const QByteArray &line : head.split('\n')) {
                const QByteArray l = line.trimmed().toLower();
                if (l.startsWith("content-length:"))
                    length = l.mid(15).trimmed().toLongLong();
                else if (l.startsWith("retry-after:"))
                    r.retryAfter = l.mid(12).trimmed();
            }
            while (buffer.size() < end + 4 + length) {
                if (!socket.waitForReadyRead(10000))
                    return std::nullopt;
                buffer += socket.readAll();
            }
            r.body = buffer.mid(end + 4, length);
            buffer.remove(0, end + 4 + length);
            return r;
        }
        if (!socket.waitForReadyRead(10000))
            return std::nullopt;
        buffer += socket.readAll();
    }
}

} // namespace

class tst_RdapRateLimit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void refusesWith429AndRecovers();
};

void tst_RdapRateLimit::refusesWith429AndRecovers()
{
    testsupport::EngineFixture engine;
    engine.setConfigValue(QStringLiteral("rdap"), QStringLiteral("requests_per_minute"), QStringLiteral("20"));
    engine.setConfigValue(QStringLiteral("rdap"), QStringLiteral("threads"), QStringLiteral("1"));
    QString error;
    QVERIFY2(engine.start(&error), qPrintable(error));
    const quint16 port = engine.port(QStringLiteral("rdap"));
    QVERIFY(port != 0);

    QSslSocket socket;
    socket.setSslConfiguration(engine.sslConfiguration());
    socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
    QVERIFY2(socket.waitForEncrypted(10000), qPrintable(socket.errorString()));

    QByteArray buffer;
    int allowed = 0;
    std::optional<Response> refused;
    for (int i = 0; i < 200 && !refused; ++i) {
        socket.write("GET /help HTTP/1.1\r\nHost: rdap\r\n\r\n");
        const std::optional<Response> r = readResponse(socket, buffer);
        QVERIFY2(r, "no answer");
        if (r->status == 200)
            ++allowed;
        else if (r->status == 429)
            refused = r;
        else
            QFAIL(qPrintable(QStringLiteral("unexpected status %1").arg(r->status)));
    }
    QVERIFY2(refused, "never refused");
    QVERIFY(allowed >= 1);
    QVERIFY(allowed <= 20);   // never more than the minute's allowance
    const int retryAfter = refused->retryAfter.toInt();
    QVERIFY2(retryAfter >= 1 && retryAfter <= 60, refused->retryAfter.constData());
    const QJsonObject body = QJsonDocument::fromJson(refused->body).object();
    QCOMPARE(body.value(u"errorCode").toInt(), 429);
    QCOMPARE(body.value(u"title").toString(), u"Too Many Requests"_qs);

    // Recovery: after Retry-After the same connection is served again.
    QThread::sleep(retryAfter);
    socket.write("GET /help HTTP/1.1\r\nHost: rdap\r\n\r\n");
    const std::optional<Response> again = readResponse(socket, buffer);
    QVERIFY(again);
    QCOMPARE(again->status, 200);
    QCOMPARE(engine.stop(), 0);
}

QTEST_GUILESS_MAIN(tst_RdapRateLimit)
#include "tst_rdapratelimit.moc"
