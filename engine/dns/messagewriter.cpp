#include "messagewriter.h"

#include "dnsname.h"

#include <cstring>

namespace reg::dns {

namespace {

inline void put16(std::uint8_t *p, std::uint16_t value)
{
    p[0] = std::uint8_t(value >> 8);
    p[1] = std::uint8_t(value);
}

inline void put32(std::uint8_t *p, std::uint32_t value)
{
    p[0] = std::uint8_t(value >> 24);
    p[1] = std::uint8_t(value >> 16);
    p[2] = std::uint8_t(value >> 8);
    p[3] = std::uint8_t(value);
}

constexpr std::size_t kMaxPointerTarget = 0x3FFF;   // 14 bits of offset in a pointer
constexpr std::size_t kRecordFixedSize = 10;        // type, class, TTL, RDLENGTH

// True when the (possibly compressed) name written at offset in buffer equals the uncompressed
// suffix, ignoring ASCII case. The buffer holds only names this writer produced, so pointers
// lead backwards; the hop bound is a second guard.
bool nameAtEquals(const std::uint8_t *buffer, std::size_t offset, const std::uint8_t *suffix)
{
    int hops = 0;
    for (;;) {
        while ((buffer[offset] & 0xC0) == 0xC0) {
            if (++hops > int(kMaxLabels))
                return false;
            offset = ((std::size_t(buffer[offset]) & 0x3F) << 8) | buffer[offset + 1];
        }
        const std::uint8_t length = buffer[offset];
        if (length != *suffix)
            return false;
        if (length == 0)
            return true;
        if (!WireName::equalIgnoringCase(buffer + offset + 1, suffix + 1, length))
            return false;
        offset += 1 + std::size_t(length);
        suffix += 1 + std::size_t(length);
    }
}

} // namespace

MessageWriter::MessageWriter(std::uint8_t *buffer, std::size_t capacity) : m_buffer(buffer), m_capacity(capacity)
{
    // A buffer that cannot hold a header takes nothing: every add fails and finish() returns 0.
    if (m_capacity < kHeaderSize) {
        m_capacity = 0;
        m_size = 0;
        return;
    }
    std::memset(m_buffer, 0, kHeaderSize);
}

void MessageWriter::setId(std::uint16_t id)
{
    if (m_capacity != 0)
        put16(m_buffer, id);
}

void MessageWriter::setFlags(std::uint16_t flags)
{
    if (m_capacity != 0)
        put16(m_buffer + 2, flags);
}

std::uint16_t MessageWriter::flags() const
{
    if (m_capacity == 0)
        return 0;
    return std::uint16_t((std::uint16_t(m_buffer[2]) << 8) | m_buffer[3]);
}

void MessageWriter::setTruncated()
{
    setFlags(flags() | HeaderFlag::TC);
}

void MessageWriter::reserveTail(std::size_t bytes)
{
    m_reserved += bytes;
}

void MessageWriter::releaseTail(std::size_t bytes)
{
    m_reserved -= bytes < m_reserved ? bytes : m_reserved;
}

std::uint16_t MessageWriter::count(Section section) const
{
    return m_counts[1 + int(section)];
}

std::size_t MessageWriter::finish()
{
    if (m_capacity == 0)
        return 0;
    for (int i = 0; i < 4; ++i)
        put16(m_buffer + 4 + 2 * i, m_counts[i]);
    return m_size;
}

bool MessageWriter::writeName(const std::uint8_t *name, std::size_t length, std::size_t limit)
{
    // Label offsets of the input, checking that it is one valid uncompressed name of this length.
    std::uint8_t starts[kMaxLabels];
    std::size_t labels = 0;
    std::size_t pos = 0;
    for (;;) {
        if (pos >= length)
            return false;
        const std::uint8_t label = name[pos];
        if (label > kMaxLabelLength || pos + 1 + label > length)
            return false;
        if (label == 0)
            break;
        starts[labels++] = std::uint8_t(pos);
        pos += 1 + std::size_t(label);
    }
    if (pos + 1 != length || length > kMaxNameWireLength)
        return false;

    // The longest suffix already in the message wins; the root alone is never worth a pointer.
    std::size_t literalLabels = labels;
    std::size_t pointer = 0;
    for (std::size_t i = 0; i < labels && pointer == 0; ++i) {
        const std::uint8_t *suffix = name + starts[i];
        for (int t = 0; t < m_targetCount; ++t) {
            if (nameAtEquals(m_buffer, m_targets[t], suffix)) {
                pointer = m_targets[t];
                literalLabels = i;
                break;
            }
        }
    }

    const std::size_t literalBytes = literalLabels == labels ? length : starts[literalLabels];
    const std::size_t total = literalBytes + (pointer != 0 ? 2 : 0);
    if (m_size + total > limit)
        return false;

    std::memcpy(m_buffer + m_size, name, literalBytes);
    for (std::size_t i = 0; i < literalLabels; ++i) {
        const std::size_t offset = m_size + starts[i];
        if (offset > kMaxPointerTarget || m_targetCount == kMaxCompressionTargets)
            break;
        m_targets[m_targetCount++] = std::uint16_t(offset);
    }
    m_size += literalBytes;
    if (pointer != 0) {
        put16(m_buffer + m_size, std::uint16_t(0xC000 | pointer));
        m_size += 2;
    }
    return true;
}

bool MessageWriter::addQuestion(const std::uint8_t *name, std::size_t nameLength, std::uint16_t type,
                                std::uint16_t klass)
{
    if (m_capacity == 0 || m_counts[1] != 0 || m_counts[2] != 0 || m_counts[3] != 0 || m_counts[0] == 0xFFFF)
        return false;
    const std::size_t limit = m_capacity > m_reserved ? m_capacity - m_reserved : 0;
    const std::size_t savedSize = m_size;
    const int savedTargets = m_targetCount;
    if (!writeName(name, nameLength, limit) || m_size + 4 > limit) {
        m_size = savedSize;
        m_targetCount = savedTargets;
        return false;
    }
    put16(m_buffer + m_size, type);
    put16(m_buffer + m_size + 2, klass);
    m_size += 4;
    ++m_counts[0];
    return true;
}

bool MessageWriter::addRecord(Section section, const std::uint8_t *owner, std::size_t ownerLength, std::uint16_t type,
                              std::uint16_t klass, std::uint32_t ttl, const std::uint8_t *rdata,
                              std::uint16_t rdataLength)
{
    std::uint16_t &sectionCount = m_counts[1 + int(section)];
    if (m_capacity == 0 || sectionCount == 0xFFFF)
        return false;
    const std::size_t limit = m_capacity > m_reserved ? m_capacity - m_reserved : 0;
    const std::size_t savedSize = m_size;
    const int savedTargets = m_targetCount;
    const auto undo = [&] {
        m_size = savedSize;
        m_targetCount = savedTargets;
        return false;
    };

    if (!writeName(owner, ownerLength, limit) || m_size + kRecordFixedSize > limit)
        return undo();
    std::uint8_t *fixed = m_buffer + m_size;
    put16(fixed, type);
    put16(fixed + 2, klass);
    put32(fixed + 4, ttl);
    m_size += kRecordFixedSize;
    const std::size_t rdataStart = m_size;

    // The names inside these types' RDATA may be compressed (RFC 3597 4); they are one name, or a
    // fixed prefix and a name (MX), or two names and a fixed tail (SOA).
    std::size_t prefix = 0, names = 0, tail = 0;
    switch (type) {
    case RRType::NS:
    case RRType::CNAME:
    case RRType::PTR:
        names = 1;
        break;
    case RRType::MX:
        prefix = 2;
        names = 1;
        break;
    case RRType::SOA:
        names = 2;
        tail = 20;
        break;
    default:
        break;
    }

    if (names == 0) {
        if (m_size + rdataLength > limit)
            return undo();
        std::memcpy(m_buffer + m_size, rdata, rdataLength);
        m_size += rdataLength;
    } else {
        std::size_t pos = 0;
        if (prefix > rdataLength || m_size + prefix > limit)
            return undo();
        std::memcpy(m_buffer + m_size, rdata, prefix);
        m_size += prefix;
        pos = prefix;
        for (std::size_t n = 0; n < names; ++n) {
            const std::size_t nameLength = WireName::validLength(rdata + pos, rdataLength - pos);
            if (nameLength == 0 || !writeName(rdata + pos, nameLength, limit))
                return undo();
            pos += nameLength;
        }
        if (rdataLength - pos != tail || m_size + tail > limit)
            return undo();
        std::memcpy(m_buffer + m_size, rdata + pos, tail);
        m_size += tail;
    }
    put16(fixed + 8, std::uint16_t(m_size - rdataStart));
    ++sectionCount;
    return true;
}

bool MessageWriter::addOpt(std::uint16_t udpPayloadSize, std::uint8_t extendedRcode, std::uint8_t version,
                           std::uint16_t flags)
{
    constexpr std::size_t kOptSize = 11;   // root owner, type, class, TTL, empty RDATA
    const std::size_t limit = m_capacity > m_reserved ? m_capacity - m_reserved : 0;
    if (m_capacity == 0 || m_counts[3] == 0xFFFF || m_size + kOptSize > limit)
        return false;
    std::uint8_t *p = m_buffer + m_size;
    p[0] = 0;
    put16(p + 1, RRType::OPT);
    put16(p + 3, udpPayloadSize);
    put32(p + 5, (std::uint32_t(extendedRcode) << 24) | (std::uint32_t(version) << 16) | flags);
    put16(p + 9, 0);
    m_size += kOptSize;
    ++m_counts[3];
    return true;
}

} // namespace reg::dns
