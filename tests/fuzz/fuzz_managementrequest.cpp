// Fuzz target: the management API's request decoders (JSON bodies, the journal query string,
// the Content-Type check) and the pre-buffer request limiter. Any input must give a value or an
// error, never a crash, hang or unbounded allocation. The first byte picks the decoder so one
// corpus covers them all.
#include "admin/apirequests.h"
#include "admin/requestlimiter.h"

#include <QUrlQuery>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const QByteArray input = QByteArray::fromRawData(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    using namespace reg::admin;
    switch (data[0] % 6) {
    case 0: (void)ApiRequests::parseLogin(input); break;
    case 1: (void)ApiRequests::parseCreateUser(input); break;
    case 2: (void)ApiRequests::parsePasswordChange(input); break;
    case 3: (void)ApiRequests::parseJournalQuery(QUrlQuery(QString::fromUtf8(input))); break;
    case 4: (void)ApiRequests::isJsonContentType(input); (void)ApiRequests::parseEmpty(input); break;
    case 5: {
        // Fed in two pieces as well as whole: verdicts must not depend on where TCP splits.
        RequestLimiter whole(4096, 1024);
        const auto verdict = whole.feed(input);
        RequestLimiter split(4096, 1024);
        const qsizetype cut = input.size() / 2;
        auto v = split.feed(QByteArrayView(input).first(cut));
        if (v == RequestLimiter::Verdict::Continue)
            v = split.feed(QByteArrayView(input).sliced(cut));
        if (v != verdict)
            __builtin_trap();
        break;
    }
    }
    return 0;
}
