#include "admin/requestlimiter.h"

#include <QTest>

using namespace reg::admin;
using Verdict = RequestLimiter::Verdict;

Q_DECLARE_METATYPE(RequestLimiter::Verdict)

class tst_RequestLimiter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void judgesRequests_data()
    {
        QTest::addColumn<QByteArray>("stream");
        QTest::addColumn<Verdict>("verdict");
        const QByteArray get = "GET /api/v1/status HTTP/1.1\r\nHost: x\r\n\r\n";
        QTest::newRow("get") << get << Verdict::Continue;
        QTest::newRow("small-body") << QByteArray("POST /a HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello") << Verdict::Continue;
        QTest::newRow("body-at-limit") << QByteArray("POST /a HTTP/1.1\r\nContent-Length: 1000\r\n\r\n") << Verdict::Continue;
        QTest::newRow("body-over-limit") << QByteArray("POST /a HTTP/1.1\r\nContent-Length: 1001\r\n\r\n") << Verdict::BodyTooLarge;
        QTest::newRow("huge-length") << QByteArray("POST /a HTTP/1.1\r\ncontent-length: 999999999999999999\r\n\r\n") << Verdict::BodyTooLarge;
        QTest::newRow("length-not-a-number") << QByteArray("POST /a HTTP/1.1\r\nContent-Length: 12a\r\n\r\n") << Verdict::BadRequest;
        QTest::newRow("negative-length") << QByteArray("POST /a HTTP/1.1\r\nContent-Length: -1\r\n\r\n") << Verdict::BadRequest;
        QTest::newRow("conflicting-lengths") << QByteArray("POST /a HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n") << Verdict::BadRequest;
        QTest::newRow("chunked") << QByteArray("POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n") << Verdict::LengthRequired;
        QTest::newRow("head-too-large") << (QByteArray("GET / HTTP/1.1\r\nX: ") + QByteArray(2000, 'a')) << Verdict::HeadTooLarge;
        // The second request of a pipelined stream is judged too, after the first one's body.
        QTest::newRow("pipelined-second-too-large")
            << QByteArray("POST /a HTTP/1.1\r\nContent-Length: 4\r\n\r\nabcdPOST /b HTTP/1.1\r\nContent-Length: 5000\r\n\r\n")
            << Verdict::BodyTooLarge;
        // A body that looks like a head is not parsed as one.
        QTest::newRow("body-looks-like-head")
            << QByteArray("POST /a HTTP/1.1\r\nContent-Length: 45\r\n\r\nPOST /b HTTP/1.1\r\nContent-Length: 5000\r\n\r\n")
            << Verdict::Continue;
    }
    void judgesRequests()
    {
        QFETCH(QByteArray, stream);
        QFETCH(Verdict, verdict);
        RequestLimiter whole(1000, 1024);
        QCOMPARE(whole.feed(stream), verdict);
        // Byte by byte gives the same answer: the verdict cannot depend on how TCP split the data.
        RequestLimiter bytewise(1000, 1024);
        Verdict last = Verdict::Continue;
        for (char c : std::as_const(stream)) {
            last = bytewise.feed(QByteArrayView(&c, 1));
            if (last != Verdict::Continue)
                break;
        }
        QCOMPARE(last, verdict);
    }

    void verdictSticks()
    {
        RequestLimiter limiter(10);
        QCOMPARE(limiter.feed("POST / HTTP/1.1\r\nContent-Length: 11\r\n\r\n"), Verdict::BodyTooLarge);
        QCOMPARE(limiter.feed("GET / HTTP/1.1\r\n\r\n"), Verdict::BodyTooLarge);
    }

    void stopsInspectingAfterWebSocketUpgrade()
    {
        RequestLimiter limiter(10, 256);
        QCOMPARE(limiter.feed("GET /api/v1/events HTTP/1.1\r\nUpgrade: websocket\r\nConnection: keep-alive, Upgrade\r\n\r\n"),
                 Verdict::Continue);
        QVERIFY(limiter.upgraded());
        QCOMPARE(limiter.feed(QByteArray(4096, 'x')), Verdict::Continue);
    }

    void upgradeHeaderWithoutConnectionTokenIsAnOrdinaryRequest()
    {
        RequestLimiter limiter(10, 64);
        QCOMPARE(limiter.feed("GET /api/v1/events HTTP/1.1\r\nUpgrade: websocket\r\n\r\n"), Verdict::Continue);
        QVERIFY(!limiter.upgraded());
        QCOMPARE(limiter.feed(QByteArray(100, 'x')), Verdict::HeadTooLarge);
    }

    void countsRequestsAcrossKeepAlive()
    {
        RequestLimiter limiter(100);
        QCOMPARE(limiter.feed("\r\nGET /a HTTP/1.1\r\n\r\nPOST /b HTTP/1.1\r\nContent-Length: 2\r\n\r\nok"), Verdict::Continue);
        QCOMPARE(limiter.feed("GET /c HTTP/1.1\n\n"), Verdict::Continue);
        QCOMPARE(limiter.requestsSeen(), 3);
        QVERIFY(!limiter.inBody());
    }

    // The guard shows the limiter what QHttpServer 6.4 reads in one pass: up to the end of the
    // request in progress, so a later pipelined request is judged only when its turn comes.
    void feedRequestStopsAtTheEndOfTheRequestInProgress()
    {
        const QByteArray first = "\r\nPOST /a HTTP/1.1\r\nContent-Length: 2\r\n\r\nok";
        const QByteArray second = "GET /b HTTP/1.1\r\n\r\n";
        const QByteArray third = "POST /c HTTP/1.1\r\nContent-Length: 5000\r\n\r\n";
        const QByteArray stream = first + second + third;
        RequestLimiter limiter(1000);
        qsizetype consumed = -1;
        QCOMPARE(limiter.feedRequest(stream, &consumed), Verdict::Continue);
        QCOMPARE(consumed, first.size());
        QCOMPARE(limiter.feedRequest(QByteArrayView(stream).sliced(consumed), &consumed), Verdict::Continue);
        QCOMPARE(consumed, second.size());
        QCOMPARE(limiter.feedRequest(third, &consumed), Verdict::BodyTooLarge);
        // An incomplete request is taken whole.
        RequestLimiter partial(1000);
        const QByteArray incomplete = "GET /d HTTP/1.1\r\nHo";
        QCOMPARE(partial.feedRequest(incomplete, &consumed), Verdict::Continue);
        QCOMPARE(consumed, incomplete.size());
        QVERIFY(partial.inRequest());
    }

    // The request timeout runs from a request's first byte to its last; blank lines between
    // requests must not start it, or an idle keep-alive connection would be timed out as slow.
    void tracksWhetherARequestIsInProgress()
    {
        RequestLimiter limiter(100);
        QVERIFY(!limiter.inRequest());
        QCOMPARE(limiter.feed("\r\n\r\n"), Verdict::Continue);
        QVERIFY(!limiter.inRequest());
        QCOMPARE(limiter.requestsStarted(), 0);
        QCOMPARE(limiter.feed("P"), Verdict::Continue);
        QVERIFY(limiter.inRequest());
        QCOMPARE(limiter.requestsStarted(), 1);
        QCOMPARE(limiter.feed("OST /b HTTP/1.1\r\nContent-Length: 2\r\n\r\n"), Verdict::Continue);
        QVERIFY(limiter.inRequest());   // the body is still to come
        QCOMPARE(limiter.feed("o"), Verdict::Continue);
        QVERIFY(limiter.inRequest());
        QCOMPARE(limiter.feed("k"), Verdict::Continue);
        QVERIFY(!limiter.inRequest());
        QCOMPARE(limiter.feed("GET /c HTTP/1.1\r\n\r\nGE"), Verdict::Continue);
        QVERIFY(limiter.inRequest());
        QCOMPARE(limiter.requestsStarted(), 3);
        QCOMPARE(limiter.requestsSeen(), 2);
    }
};

QTEST_GUILESS_MAIN(tst_RequestLimiter)
#include "tst_requestlimiter.moc"
