// Fuzz target: the DNS request parser of the answer path, the general message decoder and the
// response writer. Any input must give a status or an error, never a crash, an out-of-bounds read
// or a hang; a response the writer builds from a parsed request must always decode again.
#include "dns/messagedecoder.h"
#include "dns/messageparser.h"
#include "dns/messagewriter.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace reg::dns;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ParsedRequest request;
    const ParseStatus status = parseRequest(data, size, request);

    auto message = decodeMessage(data, size);
    if (message.ok()) {
        for (const auto *section : {&message->answers, &message->authority, &message->additional}) {
            for (const DnsRecord &record : *section)
                (void)toText(record);
        }
    }

    if (status != ParseStatus::Ok)
        return 0;
    // What the parser accepted is consistent, and where the stricter decoder accepts the same
    // bytes, both read the same question, OPT, TSIG position and IXFR serial.
    if (request.questionCount == 1 && WireName::validLength(request.qname, request.qnameLength) != request.qnameLength)
        std::abort();
    if (request.tsigOffset >= size || request.questionEnd > size)
        std::abort();
    if (message.ok()) {
        const DnsMessage &m = *message;
        if (m.questions.size() != request.questionCount || (m.opt() != nullptr) != request.hasEdns)
            std::abort();
        if (request.questionCount == 1
            && (m.questions[0].name.wire()
                    != QByteArray::fromRawData(reinterpret_cast<const char *>(request.qname), request.qnameLength)
                || m.questions[0].type != request.qtype))
            std::abort();
        if (request.hasEdns && m.opt()->udpPayloadSize() != request.ednsUdpSize)
            std::abort();
        if ((m.tsig() != nullptr ? m.tsig()->offset : 0) != request.tsigOffset)
            std::abort();
        if (request.hasIxfrSerial && m.authority[0].soa()->serial != request.ixfrSerial)
            std::abort();
    }
    if (request.questionCount != 1)
        return 0;
    // A response echoing the question, with the name as owner of a record and in its RDATA, into
    // a buffer small enough that long names hit the capacity checks.
    std::uint8_t buffer[160];
    MessageWriter writer(buffer, sizeof buffer);
    writer.reserveTail(request.hasEdns ? 11 : 0);
    writer.setId(request.id);
    writer.setFlags(HeaderFlag::QR | HeaderFlag::AA);
    if (writer.addQuestion(request.qname, request.qnameLength, request.qtype, request.qclass)) {
        writer.addRecord(MessageWriter::Section::Answer, request.qname, request.qnameLength, RRType::CNAME, RRClass::IN,
                         60, request.qname, request.qnameLength);
        writer.addRecord(MessageWriter::Section::Authority, request.qname, request.qnameLength, RRType::NS, RRClass::IN,
                         60, request.qname + request.qnameLength - 1, 1);
    }
    if (request.hasEdns) {
        writer.releaseTail(11);
        if (!writer.addOpt(1232, 0, 0, request.ednsFlags))
            std::abort();   // the reserved tail was kept free for it
    }
    const std::size_t length = writer.finish();
    if (length > sizeof buffer || !decodeMessage(buffer, length).ok())
        std::abort();
    return 0;
}
