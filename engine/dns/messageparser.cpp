#include "messageparser.h"

namespace reg::dns {

namespace {

inline std::uint16_t get16(const std::uint8_t *p)
{
    return std::uint16_t((std::uint16_t(p[0]) << 8) | p[1]);
}

inline std::uint32_t get32(const std::uint8_t *p)
{
    return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) | p[3];
}

// Reads the packet front to back with every step checked against its end.
class Cursor
{
public:
    Cursor(const std::uint8_t *packet, std::size_t size) : m_packet(packet), m_size(size) {}

    std::size_t pos() const { return m_pos; }
    std::size_t remaining() const { return m_size - m_pos; }
    const std::uint8_t *here() const { return m_packet + m_pos; }
    bool atEnd() const { return m_pos == m_size; }

    bool skip(std::size_t bytes)
    {
        if (bytes > remaining())
            return false;
        m_pos += bytes;
        return true;
    }
    bool read16(std::uint16_t &value)
    {
        if (remaining() < 2)
            return false;
        value = get16(here());
        m_pos += 2;
        return true;
    }
    bool read32(std::uint32_t &value)
    {
        if (remaining() < 4)
            return false;
        value = get32(here());
        m_pos += 4;
        return true;
    }

    // An uncompressed name (a question's): labels up to 63 bytes, 255 bytes in all, no pointer.
    bool readPlainName(std::uint8_t &length, std::uint8_t &labels)
    {
        const std::size_t start = m_pos;
        std::size_t count = 0;
        for (;;) {
            if (atEnd())
                return false;
            const std::uint8_t label = m_packet[m_pos];
            if (label > kMaxLabelLength)
                return false;   // a compression pointer or a reserved label type
            if (std::size_t(label) + 1 > remaining())
                return false;
            m_pos += 1 + std::size_t(label);
            if (m_pos - start > kMaxNameWireLength)
                return false;
            if (label == 0)
                break;
            ++count;
        }
        length = std::uint8_t(m_pos - start);
        labels = std::uint8_t(count);
        return true;
    }

    // A name that may end in a compression pointer. Only its extent in the packet matters here, so
    // the pointer is not followed, but it must point backwards into the packet (to an earlier name).
    bool skipName()
    {
        const std::size_t start = m_pos;
        for (;;) {
            if (atEnd())
                return false;
            const std::uint8_t label = m_packet[m_pos];
            if ((label & 0xC0) == 0xC0) {
                if (remaining() < 2)
                    return false;
                const std::size_t target = get16(m_packet + m_pos) & 0x3FFF;
                if (target < kHeaderSize || target >= start)
                    return false;
                m_pos += 2;
                return true;
            }
            if (label > kMaxLabelLength)
                return false;
            if (std::size_t(label) + 1 > remaining())
                return false;
            m_pos += 1 + std::size_t(label);
            if (m_pos - start > kMaxNameWireLength)
                return false;
            if (label == 0)
                return true;
        }
    }

private:
    const std::uint8_t *m_packet;
    std::size_t m_size;
    std::size_t m_pos = 0;
};

struct RecordHead
{
    std::size_t start = 0;        // the owner name's offset
    bool ownerIsRoot = false;
    std::uint16_t type = 0;
    std::uint16_t klass = 0;
    std::uint32_t ttl = 0;
    std::uint16_t rdataLength = 0;
    std::size_t rdataStart = 0;
};

// Reads one record's fixed part and steps over its RDATA.
bool readRecord(Cursor &cursor, RecordHead &record)
{
    record.start = cursor.pos();
    record.ownerIsRoot = !cursor.atEnd() && *cursor.here() == 0;
    if (!cursor.skipName())
        return false;
    if (!cursor.read16(record.type) || !cursor.read16(record.klass) || !cursor.read32(record.ttl)
        || !cursor.read16(record.rdataLength))
        return false;
    record.rdataStart = cursor.pos();
    return cursor.skip(record.rdataLength);
}

// EDNS options are TLVs that must fill the OPT RDATA exactly (RFC 6891 6.1.2).
bool optionsWellFormed(const std::uint8_t *rdata, std::size_t length)
{
    std::size_t pos = 0;
    while (pos < length) {
        if (length - pos < 4)
            return false;
        const std::size_t optionLength = get16(rdata + pos + 2);
        pos += 4;
        if (optionLength > length - pos)
            return false;
        pos += optionLength;
    }
    return true;
}

// The SOA's serial follows two names (either may be compressed) inside the RDATA.
bool soaSerial(const std::uint8_t *packet, const RecordHead &record, std::uint32_t &serial)
{
    // A cursor over packet[0, rdata end) so the names cannot run out of the RDATA, while compression
    // pointers may still refer to anything before them.
    Cursor cursor(packet, record.rdataStart + record.rdataLength);
    cursor.skip(record.rdataStart);
    if (!cursor.skipName() || !cursor.skipName())
        return false;
    if (cursor.remaining() != 20)
        return false;
    return cursor.read32(serial);
}

} // namespace

ParseStatus parseRequest(const std::uint8_t *packet, std::size_t size, ParsedRequest &out) noexcept
{
    out = ParsedRequest();
    if (packet == nullptr || size < kHeaderSize)
        return ParseStatus::Drop;
    out.id = get16(packet);
    out.flags = get16(packet + 2);
    if (out.flags & HeaderFlag::QR)
        return ParseStatus::Drop;
    out.opcode = std::uint8_t((out.flags >> 11) & 0x0F);
    const std::uint16_t questions = get16(packet + 4);
    out.answerCount = get16(packet + 6);
    out.authorityCount = get16(packet + 8);
    out.additionalCount = get16(packet + 10);

    if (questions > 1 || out.answerCount != 0)
        return ParseStatus::FormErr;

    Cursor cursor(packet, size);
    cursor.skip(kHeaderSize);
    if (questions == 1) {
        const std::size_t nameStart = cursor.pos();
        if (!cursor.readPlainName(out.qnameLength, out.qnameLabels))
            return ParseStatus::FormErr;
        if (!cursor.read16(out.qtype) || !cursor.read16(out.qclass))
            return ParseStatus::FormErr;
        out.qname = packet + nameStart;
        out.questionCount = 1;
        out.questionEnd = cursor.pos();
    }

    // Authority: nothing, except the one SOA an IXFR request carries (RFC 1995 3).
    const bool isIxfr = out.questionCount == 1 && out.qtype == RRType::IXFR;
    if (isIxfr != (out.authorityCount == 1) || out.authorityCount > 1)
        return ParseStatus::FormErr;
    if (isIxfr) {
        RecordHead soa;
        if (!readRecord(cursor, soa) || soa.type != RRType::SOA)
            return ParseStatus::FormErr;
        if (!soaSerial(packet, soa, out.ixfrSerial))
            return ParseStatus::FormErr;
        out.hasIxfrSerial = true;
    }

    for (std::uint16_t i = 0; i < out.additionalCount; ++i) {
        RecordHead record;
        if (!readRecord(cursor, record))
            return ParseStatus::FormErr;
        if (record.type == RRType::OPT) {
            if (out.hasEdns || !record.ownerIsRoot)
                return ParseStatus::FormErr;
            if (!optionsWellFormed(packet + record.rdataStart, record.rdataLength))
                return ParseStatus::FormErr;
            out.hasEdns = true;
            out.ednsUdpSize = record.klass;
            out.ednsVersion = std::uint8_t((record.ttl >> 16) & 0xFF);
            out.ednsFlags = std::uint16_t(record.ttl & 0xFFFF);
        } else if (record.type == RRType::TSIG) {
            if (i + 1 != out.additionalCount)
                return ParseStatus::FormErr;   // RFC 8945 5.1: TSIG must be the last record
            out.tsigOffset = record.start;
        }
    }

    if (!cursor.atEnd())
        return ParseStatus::FormErr;
    return ParseStatus::Ok;
}

} // namespace reg::dns
