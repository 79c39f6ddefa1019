#include "httprequest.h"

#include <QList>

#include <cstring>
#include <optional>

namespace reg::rdap {
namespace {

constexpr int kMaxHeaderFields = 100;

bool isTchar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return c != 0 && std::strchr("!#$%&'*+-.^_`|~", c) != nullptr;
}

bool isFieldValueByte(unsigned char c)
{
    return c == '\t' || c == ' ' || (c >= 0x21 && c != 0x7f);   // VCHAR and obs-text
}

bool equalsIgnoreCase(QByteArrayView a, const char *b)
{
    return a.compare(QByteArrayView(b), Qt::CaseInsensitive) == 0;
}

QByteArrayView trimmed(QByteArrayView v)
{
    while (!v.isEmpty() && (v.front() == ' ' || v.front() == '\t'))
        v = v.sliced(1);
    while (!v.isEmpty() && (v.back() == ' ' || v.back() == '\t'))
        v.chop(1);
    return v;
}

HttpParseResult invalid(int status, const char *reason)
{
    HttpParseResult r;
    r.state = HttpParseResult::State::Invalid;
    r.status = status;
    r.reason = reason;
    return r;
}

// The next line of `buffer` from `pos`: its content without CR LF, and where the one after starts;
// false when no LF arrived yet.
bool nextLine(QByteArrayView buffer, qsizetype pos, QByteArrayView *line, qsizetype *next)
{
    const qsizetype lf = buffer.indexOf('\n', pos);
    if (lf < 0)
        return false;
    qsizetype end = lf;
    if (end > pos && buffer[end - 1] == '\r')
        --end;
    *line = buffer.sliced(pos, end - pos);
    *next = lf + 1;
    return true;
}

// A request line still arriving: refuse binary junk now rather than after maxHeaderBytes of it.
bool partialRequestLineLooksValid(QByteArrayView partial)
{
    for (char c : partial) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 && u != '\r')
            return false;
        if (u >= 0x7f)
            return false;
    }
    return true;
}

// Parses a complete Content-Length value: digits only, no sign, no list.
bool parseContentLength(QByteArrayView value, qint64 *length)
{
    if (value.isEmpty() || value.size() > 18)
        return false;
    qint64 n = 0;
    for (char c : value) {
        if (c < '0' || c > '9')
            return false;
        n = n * 10 + (c - '0');
    }
    *length = n;
    return true;
}

HttpRequest::Method methodFor(QByteArrayView token)
{
    if (token == "GET")
        return HttpRequest::Method::Get;
    if (token == "HEAD")
        return HttpRequest::Method::Head;
    if (token == "OPTIONS")
        return HttpRequest::Method::Options;
    return HttpRequest::Method::Other;
}

// RFC 9112 3.2.2: a server must accept absolute-form; what it names is the path and query.
QByteArrayView originFormOf(QByteArrayView target)
{
    qsizetype schemeEnd = -1;
    if (target.startsWith("http://") || target.startsWith("HTTP://"))
        schemeEnd = 7;
    else if (target.startsWith("https://") || target.startsWith("HTTPS://"))
        schemeEnd = 8;
    if (schemeEnd < 0)
        return target;
    const qsizetype slash = target.indexOf('/', schemeEnd);
    const qsizetype query = target.indexOf('?', schemeEnd);
    if (slash < 0 || (query >= 0 && query < slash))
        return {};   // no path: "/" (and the query, if any, is kept below)
    return target.sliced(slash);
}

} // namespace

HttpParseResult parseHttpRequest(QByteArrayView buffer, qsizetype maxHeaderBytes)
{
    const qsizetype limit = qMin(buffer.size(), maxHeaderBytes);
    const QByteArrayView window = buffer.first(limit);

    // Empty lines before the request line are skipped, but count against the limit.
    qsizetype pos = 0;
    while (pos < window.size() && (window[pos] == '\r' || window[pos] == '\n')) {
        if (window[pos] == '\r' && (pos + 1 >= window.size() || window[pos + 1] != '\n')) {
            if (pos + 1 >= window.size() && buffer.size() < maxHeaderBytes)
                return {};
            return invalid(400, "malformed request line");
        }
        pos += window[pos] == '\r' ? 2 : 1;
    }

    QByteArrayView line;
    qsizetype next = 0;
    if (!nextLine(window, pos, &line, &next)) {
        if (!partialRequestLineLooksValid(window.sliced(pos)))
            return invalid(400, "malformed request line");
        if (buffer.size() >= maxHeaderBytes)
            return invalid(431, "the request line and headers are too large");
        return {};
    }

    // request-line = method SP request-target SP HTTP-version
    const qsizetype sp1 = line.indexOf(' ');
    const qsizetype sp2 = sp1 < 0 ? -1 : line.indexOf(' ', sp1 + 1);
    if (sp1 <= 0 || sp2 <= sp1 + 1 || line.indexOf(' ', sp2 + 1) >= 0)
        return invalid(400, "malformed request line");
    const QByteArrayView methodToken = line.first(sp1);
    const QByteArrayView target = line.sliced(sp1 + 1, sp2 - sp1 - 1);
    const QByteArrayView version = line.sliced(sp2 + 1);
    if (methodToken.size() > 16)
        return invalid(400, "malformed request line");
    for (char c : methodToken) {
        if (!isTchar(c))
            return invalid(400, "malformed request line");
    }
    for (char c : target) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x21 || u > 0x7e)
            return invalid(400, "malformed request target");
    }
    HttpRequest request;
    if (version == "HTTP/1.1") {
        request.versionMinor = 1;
    } else if (version == "HTTP/1.0") {
        request.versionMinor = 0;
        request.keepAlive = false;
    } else if (version.size() == 8 && version.startsWith("HTTP/") && version[5] >= '0' && version[5] <= '9'
               && version[6] == '.' && version[7] >= '0' && version[7] <= '9') {
        return invalid(505, "only HTTP/1.0 and HTTP/1.1 are served here");
    } else {
        return invalid(400, "malformed request line");
    }
    request.method = methodFor(methodToken);

    if (target == "*") {
        if (request.method != HttpRequest::Method::Options)
            return invalid(400, "malformed request target");
        request.target = "*";
    } else if (target.front() == '/') {
        request.target = target.toByteArray();
    } else {
        const QByteArrayView path = originFormOf(target);
        if (path.data() == target.data())
            return invalid(400, "malformed request target");
        if (path.isEmpty()) {
            const qsizetype query = target.indexOf('?', 8);
            request.target = "/" + (query >= 0 ? target.sliced(query).toByteArray() : QByteArray());
        } else {
            request.target = path.toByteArray();
        }
    }

    // field-line = field-name ":" OWS field-value OWS
    int fields = 0;
    int hosts = 0;
    bool connectionClose = false;
    bool connectionKeepAlive = false;
    std::optional<qint64> contentLength;
    pos = next;
    for (;;) {
        if (!nextLine(window, pos, &line, &next)) {
            if (buffer.size() >= maxHeaderBytes)
                return invalid(431, "the request line and headers are too large");
            return {};
        }
        pos = next;
        if (line.isEmpty())
            break;
        if (++fields > kMaxHeaderFields)
            return invalid(431, "too many header fields");
        if (line.front() == ' ' || line.front() == '\t')
            return invalid(400, "obsolete line folding is not accepted");
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return invalid(400, "malformed header field");
        const QByteArrayView name = line.first(colon);
        for (char c : name) {
            if (!isTchar(c))
                return invalid(400, "malformed header field");
        }
        const QByteArrayView value = trimmed(line.sliced(colon + 1));
        for (char c : value) {
            if (!isFieldValueByte(static_cast<unsigned char>(c)))
                return invalid(400, "control characters in a header field");
        }

        if (equalsIgnoreCase(name, "host")) {
            if (++hosts > 1)
                return invalid(400, "more than one Host header");
        } else if (equalsIgnoreCase(name, "content-length")) {
            qint64 length = 0;
            if (!parseContentLength(value, &length) || (contentLength && *contentLength != length))
                return invalid(400, "malformed Content-Length");
            contentLength = length;
        } else if (equalsIgnoreCase(name, "transfer-encoding")) {
            return invalid(400, "requests with a body are not accepted");
        } else if (equalsIgnoreCase(name, "connection")) {
            const QList<QByteArray> options = value.toByteArray().split(',');
            for (const QByteArray &o : options) {
                const QByteArrayView option = trimmed(o);
                if (equalsIgnoreCase(option, "close"))
                    connectionClose = true;
                else if (equalsIgnoreCase(option, "keep-alive"))
                    connectionKeepAlive = true;
            }
        } else if (equalsIgnoreCase(name, "origin")) {
            request.origin = value.toByteArray();
        } else if (equalsIgnoreCase(name, "access-control-request-method")) {
            request.corsPreflight = request.method == HttpRequest::Method::Options;
        }
    }

    if (request.versionMinor == 1 && hosts == 0)
        return invalid(400, "HTTP/1.1 requests need a Host header");
    if (contentLength && *contentLength > 0)
        return invalid(413, "requests with a body are not accepted");
    if (connectionClose)
        request.keepAlive = false;
    else if (connectionKeepAlive)
        request.keepAlive = true;

    HttpParseResult r;
    r.state = HttpParseResult::State::Complete;
    r.consumed = pos;
    r.request = std::move(request);
    return r;
}

} // namespace reg::rdap
