// Fuzz target: the RDAP server's HTTP/1.1 request reader, fed a connection's input the way the
// server does (request after request from the front of the buffer). Never a crash or hang; a
// complete request consumes at least one byte and no more than the buffer or the header limit;
// a refusal carries an HTTP error status.
#include "rdap/httprequest.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using reg::rdap::HttpParseResult;
    constexpr qsizetype limit = 1024;
    QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));
    for (int i = 0; i < 64 && !input.isEmpty(); ++i) {
        const HttpParseResult r = reg::rdap::parseHttpRequest(input, limit);
        if (r.state == HttpParseResult::State::Incomplete) {
            if (input.size() >= limit)
                std::abort();   // at the limit the reader must decide
            break;
        }
        if (r.state == HttpParseResult::State::Invalid) {
            if (r.status < 400 || r.status > 505 || r.reason == nullptr)
                std::abort();
            break;
        }
        if (r.consumed <= 0 || r.consumed > input.size() || r.consumed > limit || r.request.target.isEmpty())
            std::abort();
        input = input.sliced(r.consumed);
    }
    return 0;
}
