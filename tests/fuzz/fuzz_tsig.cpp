// Fuzz target: TSIG (RFC 8945) on hostile messages. The record reader at every offset, request
// verification through the answer path's parser, answer signing into a small buffer, and a client
// checking the input as an answer: never a crash, an out-of-bounds read or a hang.
#include "dns/messageparser.h"
#include "dns/tsig.h"

#include <cstddef>
#include <cstdint>

using namespace reg::dns;

namespace {

const TsigKeyring &keyring()
{
    static const TsigKeyring ring({TsigKey{DnsName::fromText(u"registry-xfr").value(), TsigAlgorithm::HmacSha256, QByteArray(32, 'k')},
                                   TsigKey{DnsName::fromText(u"key").value(), TsigAlgorithm::HmacSha512, QByteArray(64, 's')}});
    return ring;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::uint64_t now = 1795259842;   // fixed: runs must be reproducible
    TsigRecord record;
    for (std::size_t offset = 0; offset < size && offset < 96; ++offset)
        (void)parseTsigRecord(data, size, offset, record);

    ParsedRequest request;
    if (parseRequest(data, size, request) == ParseStatus::Ok && request.tsigOffset != 0) {
        TsigSession session = TsigSession::verifyRequest(keyring(), data, size, request.tsigOffset, now);
        std::uint8_t answer[160] = {};
        std::size_t answerSize = request.questionEnd < 100 ? request.questionEnd : 12;
        for (std::size_t i = 0; i < answerSize; ++i)
            answer[i] = data[i];
        (void)session.sign(answer, answerSize, sizeof answer, now);
    }

    TsigSession client = TsigSession::forClient(keyring().keys().first());
    std::uint8_t query[512] = {0x12, 0x34, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 7, 'e', 'x', 'a', 'm', 'p', 'l', 'e', 0, 0, 6, 0, 1};
    (void)client.sign(query, 25, sizeof query, now);
    for (std::size_t offset = 12; offset < size && offset < 64; ++offset)
        (void)client.verifyResponse(data, size, offset, now);
    return 0;
}
