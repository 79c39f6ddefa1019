// Fuzz target: the decoders of the registry endpoints' query strings and path segments
// (admin/registryrequests.h). Any input must give a value or an error, never a crash, hang or
// unbounded allocation. The first byte picks the decoder so one corpus covers them all.
#include "admin/registryrequests.h"

#include <QUrlQuery>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const QString input = QString::fromUtf8(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    using namespace reg::admin::RegistryRequests;
    switch (data[0] % 4) {
    case 0: {
        // A cursor the parser accepts must be one encodeCursor() makes.
        const auto search = parseSearch(QUrlQuery(input));
        if (search && !search->after.isEmpty() && encodeCursor(search->after).isEmpty())
            __builtin_trap();
        break;
    }
    case 1: (void)parsePage(QUrlQuery(input)); break;
    case 2: (void)parseObjectName(input); break;
    case 3: (void)parseObjectId(input); (void)parseNoParameters(QUrlQuery(input)); break;
    }
    return 0;
}
