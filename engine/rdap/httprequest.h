#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace reg::rdap {

// One HTTP/1.1 request as the RDAP server accepts it (RFC 9112): a request line and headers, never
// a body. Only what the server acts on is kept.
struct HttpRequest
{
    enum class Method { Get, Head, Options, Other };
    Method method = Method::Get;
    QByteArray target;                  // as sent (origin-form, or absolute-form reduced to it)
    int versionMinor = 1;               // HTTP/1.0 or HTTP/1.1
    bool keepAlive = true;              // HTTP/1.1 default, "Connection: close" ends it
    bool corsPreflight = false;         // OPTIONS with Access-Control-Request-Method
    QByteArray origin;                  // the Origin header, when sent
};

// What parseHttpRequest() made of the start of a connection's input buffer.
struct HttpParseResult
{
    enum class State { Incomplete, Complete, Invalid };
    State state = State::Incomplete;
    qsizetype consumed = 0;             // Complete: bytes of the buffer this request used
    HttpRequest request;                // Complete only
    int status = 0;                     // Invalid: the HTTP status to answer with (400, 413, 431, 505)
    const char *reason = "";            // Invalid: why, for the error body (static text)
};

// Reads the first request in `buffer` (a connection's unread input). The input is hostile: request
// line and headers together are limited to maxHeaderBytes (431 when they do not end within it),
// at most 100 header fields, no obsolete line folding, no control characters, no whitespace
// before a colon, a Host header required in HTTP/1.1 and never repeated. Requests with a body are
// refused (Content-Length above 0: 413; Transfer-Encoding: 400), because RDAP has none and a body
// we do not read would be taken for the next request. Empty lines before a request line are
// skipped (RFC 9112 2.2). A request line and its header lines may end in CRLF or a bare LF.
// Pure function, thread-safe; after Invalid the connection must be closed.
HttpParseResult parseHttpRequest(QByteArrayView buffer, qsizetype maxHeaderBytes);

} // namespace reg::rdap
