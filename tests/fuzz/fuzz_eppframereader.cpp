// Fuzz target: the RFC 5734 frame reader. The first byte chooses the chunk size the rest of the
// input is fed in, so one input explores one way of splitting a stream. Beyond "no crash", the
// reader's promises are checked: no frame is empty or over the maximum, nothing is buffered
// beyond the maximum, and an error is final.
#include "xrp/eppframereader.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const qsizetype chunk = qsizetype(data[0] % 16) + 1;
    constexpr qsizetype maxFrameSize = 1024; // small, so the fuzzer reaches the limit easily
    reg::xrp::EppFrameReader reader(maxFrameSize);
    const QByteArrayView stream(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    bool failed = false;
    for (qsizetype at = 0; at < stream.size(); at += chunk) {
        const auto result = reader.feed(stream.sliced(at, std::min(chunk, stream.size() - at)));
        for (const QByteArray &frame : result.frames) {
            if (frame.isEmpty() || frame.size() > maxFrameSize - reg::xrp::EppFrameReader::HeaderSize)
                std::abort();
        }
        if (failed && (!result.error || !result.frames.isEmpty()))
            std::abort();
        failed = failed || result.error.has_value();
        if (reader.pendingBytes() > maxFrameSize)
            std::abort();
    }
    (void)reader.endOfStream();
    return 0;
}
