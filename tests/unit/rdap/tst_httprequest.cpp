// The RDAP server's HTTP/1.1 request reader (engine/rdap/httprequest.cpp): what it accepts, what it
// refuses with which status, and how it finds the end of one request among pipelined ones.
#include "rdap/httprequest.h"

#include <QTest>

using reg::rdap::HttpParseResult;
using reg::rdap::HttpRequest;
using reg::rdap::parseHttpRequest;

Q_DECLARE_METATYPE(HttpRequest::Method)

class tst_HttpRequest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acceptsWellFormedRequests_data();
    void acceptsWellFormedRequests();
    void refusesHostileRequests_data();
    void refusesHostileRequests();
    void waitsForTheEndOfTheHeaders_data();
    void waitsForTheEndOfTheHeaders();
    void readsPipelinedRequestsOneAtATime();
    void refusesOversizedHeadersOnceTheLimitIsReached();
    void keepsNothingButTheFirstRequestPerCall();
};

void tst_HttpRequest::acceptsWellFormedRequests_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<HttpRequest::Method>("method");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<bool>("keepAlive");
    QTest::addColumn<bool>("preflight");

    QTest::newRow("get") << QByteArray("GET /domain/example.test HTTP/1.1\r\nHost: rdap\r\n\r\n")
                         << HttpRequest::Method::Get << QByteArray("/domain/example.test") << true << false;
    QTest::newRow("head") << QByteArray("HEAD /help HTTP/1.1\r\nHost: rdap\r\nAccept: application/rdap+json\r\n\r\n")
                          << HttpRequest::Method::Head << QByteArray("/help") << true << false;
    QTest::newRow("connection-close") << QByteArray("GET /help HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                                      << HttpRequest::Method::Get << QByteArray("/help") << false << false;
    QTest::newRow("connection-list-with-close") << QByteArray("GET /help HTTP/1.1\r\nHost: x\r\nConnection: TE, Close\r\n\r\n")
                                                << HttpRequest::Method::Get << QByteArray("/help") << false << false;
    QTest::newRow("http10-closes") << QByteArray("GET /help HTTP/1.0\r\n\r\n")
                                   << HttpRequest::Method::Get << QByteArray("/help") << false << false;
    QTest::newRow("http10-keep-alive") << QByteArray("GET /help HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
                                       << HttpRequest::Method::Get << QByteArray("/help") << true << false;
    QTest::newRow("bare-lf") << QByteArray("GET /help HTTP/1.1\nHost: x\n\n")
                             << HttpRequest::Method::Get << QByteArray("/help") << true << false;
    QTest::newRow("leading-empty-line") << QByteArray("\r\nGET /help HTTP/1.1\r\nHost: x\r\n\r\n")
                                        << HttpRequest::Method::Get << QByteArray("/help") << true << false;
    QTest::newRow("absolute-form") << QByteArray("GET https://rdap.example/domain/a.test?x=1 HTTP/1.1\r\nHost: rdap.example\r\n\r\n")
                                   << HttpRequest::Method::Get << QByteArray("/domain/a.test?x=1") << true << false;
    QTest::newRow("absolute-form-no-path") << QByteArray("GET https://rdap.example HTTP/1.1\r\nHost: rdap.example\r\n\r\n")
                                           << HttpRequest::Method::Get << QByteArray("/") << true << false;
    QTest::newRow("content-length-zero") << QByteArray("GET /help HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n")
                                         << HttpRequest::Method::Get << QByteArray("/help") << true << false;
    QTest::newRow("cors-preflight") << QByteArray("OPTIONS /domain/a.test HTTP/1.1\r\nHost: x\r\nOrigin: https://web.example\r\n"
                                                  "Access-Control-Request-Method: GET\r\n\r\n")
                                    << HttpRequest::Method::Options << QByteArray("/domain/a.test") << true << true;
    QTest::newRow("other-method-parsed") << QByteArray("POST /domain/a.test HTTP/1.1\r\nHost: x\r\n\r\n")
                                         << HttpRequest::Method::Other << QByteArray("/domain/a.test") << true << false;
    QTest::newRow("obs-text-in-value") << QByteArray("GET /help HTTP/1.1\r\nHost: x\r\nUser-Agent: caf\xc3\xa9\r\n\r\n")
                                       << HttpRequest::Method::Get << QByteArray("/help") << true << false;
}

void tst_HttpRequest::acceptsWellFormedRequests()
{
    QFETCH(QByteArray, input);
    QFETCH(HttpRequest::Method, method);
    QFETCH(QByteArray, target);
    QFETCH(bool, keepAlive);
    QFETCH(bool, preflight);

    const HttpParseResult r = parseHttpRequest(input, 8192);
    QCOMPARE(r.state, HttpParseResult::State::Complete);
    QCOMPARE(r.consumed, input.size());
    QCOMPARE(r.request.method, method);
    QCOMPARE(r.request.target, target);
    QCOMPARE(r.request.keepAlive, keepAlive);
    QCOMPARE(r.request.corsPreflight, preflight);
}

void tst_HttpRequest::refusesHostileRequests_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("status");

    QTest::newRow("binary-junk") << QByteArray("\x16\x03\x01\x02\x00\x01\x00", 7) << 400;
    QTest::newRow("nul-in-request-line") << QByteArray("GET /he\0lp HTTP/1.1\r\n\r\n", 23) << 400;
    QTest::newRow("missing-version") << QByteArray("GET /help\r\nHost: x\r\n\r\n") << 400;
    QTest::newRow("double-space") << QByteArray("GET  /help HTTP/1.1\r\nHost: x\r\n\r\n") << 400;
    QTest::newRow("trailing-space") << QByteArray("GET /help HTTP/1.1 \r\nHost: x\r\n\r\n") << 400;
    QTest::newRow("lowercase-version") << QByteArray("GET /help http/1.1\r\nHost: x\r\n\r\n") << 400;
    QTest::newRow("http2-version") << QByteArray("GET /help HTTP/2.0\r\nHost: x\r\n\r\n") << 505;
    QTest::newRow("http09-style") << QByteArray("GET /help\r\n\r\n") << 400;
    QTest::newRow("relative-target") << QByteArray("GET help HTTP/1.1\r\nHost: x\r\n\r\n") << 400;
    QTest::newRow("asterisk-for-get") << QByteArray("GET * HTTP/1.1\r\nHost: x\r\n\r\n") << 400;
    QTest::newRow("utf8-in-target") << QByteArray("GET /domain/\xc3\xa9.test HTTP/1.1\r\nHost: x\r\n\r\n") << 400;
    QTest::newRow("no-host-http11") << QByteArray("GET /help HTTP/1.1\r\n\r\n") << 400;
    QTest::newRow("two-hosts") << QByteArray("GET /help HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n") << 400;
    QTest::newRow("space-before-colon") << QByteArray("GET /help HTTP/1.1\r\nHost : a\r\n\r\n") << 400;
    QTest::newRow("no-colon") << QByteArray("GET /help HTTP/1.1\r\nHost a\r\n\r\n") << 400;
    QTest::newRow("obs-fold") << QByteArray("GET /help HTTP/1.1\r\nHost: a\r\nX-A: b\r\n c\r\n\r\n") << 400;
    QTest::newRow("control-in-value") << QByteArray("GET /help HTTP/1.1\r\nHost: a\x01\r\n\r\n") << 400;
    QTest::newRow("bare-cr-in-value") << QByteArray("GET /help HTTP/1.1\r\nHost: a\rX: b\r\n\r\n") << 400;
    QTest::newRow("body-content-length") << QByteArray("GET /help HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello") << 413;
    QTest::newRow("content-length-negative") << QByteArray("GET /help HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n") << 400;
    QTest::newRow("content-length-conflict") << QByteArray("GET /help HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n"
                                                           "Content-Length: 1\r\n\r\n") << 400;
    QTest::newRow("content-length-huge") << QByteArray("GET /help HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999999999999999999\r\n\r\n") << 400;
    QTest::newRow("chunked") << QByteArray("GET /help HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n") << 400;
    QTest::newRow("smuggling-te-and-cl") << QByteArray("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n") << 400;
    QTest::newRow("long-method") << QByteArray("GETGETGETGETGETGETGET /help HTTP/1.1\r\nHost: a\r\n\r\n") << 400;
    QByteArray manyFields = "GET /help HTTP/1.1\r\nHost: a\r\n";
    for (int i = 0; i < 101; ++i)
        manyFields += "X-" + QByteArray::number(i) + ": v\r\n";
    QTest::newRow("too-many-fields") << manyFields + "\r\n" << 431;
}

void tst_HttpRequest::refusesHostileRequests()
{
    QFETCH(QByteArray, input);
    QFETCH(int, status);

    const HttpParseResult r = parseHttpRequest(input, 8192);
    QCOMPARE(r.state, HttpParseResult::State::Invalid);
    QCOMPARE(r.status, status);
    QVERIFY(qstrlen(r.reason) > 0);
}

void tst_HttpRequest::waitsForTheEndOfTheHeaders_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::newRow("nothing") << QByteArray();
    QTest::newRow("partial-request-line") << QByteArray("GET /dom");
    QTest::newRow("request-line-only") << QByteArray("GET /help HTTP/1.1\r\n");
    QTest::newRow("half-header") << QByteArray("GET /help HTTP/1.1\r\nHost: a");
    QTest::newRow("missing-final-crlf") << QByteArray("GET /help HTTP/1.1\r\nHost: a\r\n");
    QTest::newRow("final-cr-only") << QByteArray("GET /help HTTP/1.1\r\nHost: a\r\n\r");
    QTest::newRow("leading-cr") << QByteArray("\r");
}

void tst_HttpRequest::waitsForTheEndOfTheHeaders()
{
    QFETCH(QByteArray, input);
    QCOMPARE(parseHttpRequest(input, 8192).state, HttpParseResult::State::Incomplete);
}

void tst_HttpRequest::readsPipelinedRequestsOneAtATime()
{
    const QByteArray first = "GET /domain/a.test HTTP/1.1\r\nHost: x\r\n\r\n";
    const QByteArray second = "HEAD /nameserver/ns1.a.test HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    const QByteArray buffer = first + second + "GET /hel";

    const HttpParseResult a = parseHttpRequest(buffer, 8192);
    QCOMPARE(a.state, HttpParseResult::State::Complete);
    QCOMPARE(a.consumed, first.size());
    QCOMPARE(a.request.target, QByteArray("/domain/a.test"));

    const HttpParseResult b = parseHttpRequest(QByteArrayView(buffer).sliced(a.consumed), 8192);
    QCOMPARE(b.state, HttpParseResult::State::Complete);
    QCOMPARE(b.consumed, second.size());
    QCOMPARE(b.request.method, HttpRequest::Method::Head);
    QVERIFY(!b.request.keepAlive);

    const HttpParseResult c = parseHttpRequest(QByteArrayView(buffer).sliced(a.consumed + b.consumed), 8192);
    QCOMPARE(c.state, HttpParseResult::State::Incomplete);
}

void tst_HttpRequest::refusesOversizedHeadersOnceTheLimitIsReached()
{
    QByteArray big = "GET /help HTTP/1.1\r\nHost: x\r\nX-Filler: " + QByteArray(2000, 'a');
    // Below the limit an unfinished header block is just incomplete...
    QCOMPARE(parseHttpRequest(big, 4096).state, HttpParseResult::State::Incomplete);
    // ...at the limit without its end it is refused, whatever follows.
    big += QByteArray(3000, 'a');
    const HttpParseResult r = parseHttpRequest(big, 4096);
    QCOMPARE(r.state, HttpParseResult::State::Invalid);
    QCOMPARE(r.status, 431);
    // A long request line counts against the same limit.
    const HttpParseResult line = parseHttpRequest(QByteArray("GET /" + QByteArray(5000, 'a')), 4096);
    QCOMPARE(line.status, 431);
    // The end arriving beyond the limit does not make it acceptable.
    const QByteArray complete = "GET /help HTTP/1.1\r\nHost: x\r\nX-Filler: " + QByteArray(5000, 'a') + "\r\n\r\n";
    QCOMPARE(parseHttpRequest(complete, 4096).status, 431);
    QCOMPARE(parseHttpRequest(complete, 8192).state, HttpParseResult::State::Complete);
}

void tst_HttpRequest::keepsNothingButTheFirstRequestPerCall()
{
    // A body smuggled after a request without Content-Length is the next request, and invalid.
    const QByteArray buffer = "GET /help HTTP/1.1\r\nHost: x\r\n\r\n{\"not\": \"http\"}\r\n\r\n";
    const HttpParseResult a = parseHttpRequest(buffer, 8192);
    QCOMPARE(a.state, HttpParseResult::State::Complete);
    const HttpParseResult b = parseHttpRequest(QByteArrayView(buffer).sliced(a.consumed), 8192);
    QCOMPARE(b.state, HttpParseResult::State::Invalid);
    QCOMPARE(b.status, 400);
}

QTEST_APPLESS_MAIN(tst_HttpRequest)
#include "tst_httprequest.moc"
