// Fuzz target: what noc-console does with messages from the engine's event stream. Any bytes must
// be decoded or refused, and applied to the status picture without crashing or growing it past its
// caps. The input is tried both as an event and, when it is an object, as a status document.
#include "net/statustracker.h"

#include <QJsonArray>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    const std::optional<QJsonObject> event = noc::StatusTracker::decodeEvent(input, &error);
    if (!event)
        return 0;
    noc::StatusTracker tracker;
    (void)tracker.setStatus(*event, &error);
    for (int i = 0; i < 3; ++i)
        (void)tracker.applyEvent(*event);
    if (tracker.status().value(QStringLiteral("services")).toArray().size() > noc::StatusTracker::maxServices)
        std::abort();
    return 0;
}
