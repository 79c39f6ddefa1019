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

// Label bytes equal ignoring ASCII case. Runs for every candidate label, so equal bytes (the
// common case) cost one compare; bytes that differ only in bit 0x20 must be a letter pair.
inline bool sameLabel(const std::uint8_t *a, const std::uint8_t *b, std::size_t length)
{
    for (std::size_t i = 0; i < length; ++i) {
        const std::uint8_t x = a[i], y = b[i];
        if (x == y)
            continue;
        const std::uint8_t lower = x | 0x20;
        if ((x ^ y) != 0x20 || lower < 'a' || lower > 'z')
            return false;
    }
    return true;
}

} // namespace

MessageWriter::MessageWriter(std::uint8_t *buffer, std::size_t capacity) noexcept : m_buffer(buffer), m_capacity(capacity)
{
    // A buffer that cannot hold a header takes nothing: every add fails and finish() returns 0.
    if (m_capacity < kHeaderSize) {
        m_capacity = 0;
        m_size = 0;
        return;
    }
    std::memset(m_buffer, 0, kHeaderSize);
}

void MessageWriter::setId(std::uint16_t id) noexcept
{
    if (m_capacity != 0)
        put16(m_buffer, id);
}

void MessageWriter::setFlags(std::uint16_t flags) noexcept
{
    if (m_capacity != 0)
        put16(m_buffer + 2, flags);
}

std::uint16_t MessageWriter::flags() const noexcept
{
    if (m_capacity == 0)
        return 0;
    return std::uint16_t((std::uint16_t(m_buffer[2]) << 8) | m_buffer[3]);
}

void MessageWriter::setTruncated() noexcept
{
    setFlags(flags() | HeaderFlag::TC);
}

void MessageWriter::reserveTail(std::size_t bytes) noexcept
{
    m_reserved += bytes;
}

void MessageWriter::releaseTail(std::size_t bytes) noexcept
{
    m_reserved -= bytes < m_reserved ? bytes : m_reserved;
}

std::uint16_t MessageWriter::count(Section section) const noexcept
{
    return m_counts[1 + int(section)];
}

std::size_t MessageWriter::finish() noexcept
{
    if (m_capacity == 0)
        return 0;
    for (int i = 0; i < 4; ++i)
        put16(m_buffer + 4 + 2 * i, m_counts[i]);
    return m_size;
}

std::size_t MessageWriter::writeName(const std::uint8_t *name, std::size_t available, std::size_t limit) noexcept
{
    // Label offsets of the input, checking that it is one valid uncompressed name.
    std::uint8_t starts[kMaxLabels];
    std::size_t labels = 0;
    std::size_t pos = 0;
    for (;;) {
        if (pos >= available)
            return 0;
        const std::uint8_t label = name[pos];
        if (label > kMaxLabelLength || pos + 1 + label > available)
            return 0;
        if (label == 0)
            break;
        starts[labels++] = std::uint8_t(pos);
        pos += 1 + std::size_t(label);
        if (pos >= kMaxNameWireLength)
            return 0;
    }
    const std::size_t length = pos + 1;

    // Match from the last label towards the first: each step looks for a target with the same
    // label whose parent is the target matched so far, so the longest suffix already in the
    // message is found with a few integer compares per target. The root alone is never worth a
    // pointer. At most one target exists per (parent, label): a name already present is always
    // pointed to, never written again.
    std::size_t literalLabels = labels;
    std::uint16_t pointer = 0;   // 0: no suffix found (offsets start at 12)
    for (std::size_t i = labels; i-- > 0;) {
        const std::uint8_t *label = name + starts[i];
        int found = -1;
        for (int t = 0; t < m_targetCount; ++t) {
            if (m_targetParents[t] != pointer)
                continue;
            const std::uint8_t *candidate = m_buffer + m_targets[t];
            if (candidate[0] == label[0] && sameLabel(candidate + 1, label + 1, label[0])) {
                found = t;
                break;
            }
        }
        if (found < 0)
            break;
        pointer = m_targets[found];
        literalLabels = i;
    }

    const std::size_t literalBytes = literalLabels == labels ? length : starts[literalLabels];
    const std::size_t total = literalBytes + (pointer != 0 ? 2 : 0);
    if (m_size + total > limit)
        return 0;

    std::memcpy(m_buffer + m_size, name, literalBytes);
    // New targets from the root side, so a label is only added after the name it leads to.
    for (std::size_t i = literalLabels; i-- > 0;) {
        const std::size_t offset = m_size + starts[i];
        if (offset > kMaxPointerTarget || m_targetCount == kMaxCompressionTargets)
            break;
        m_targets[m_targetCount] = std::uint16_t(offset);
        m_targetParents[m_targetCount] = i + 1 < literalLabels ? std::uint16_t(m_size + starts[i + 1]) : pointer;
        ++m_targetCount;
    }
    m_size += literalBytes;
    if (pointer != 0) {
        put16(m_buffer + m_size, std::uint16_t(0xC000 | pointer));
        m_size += 2;
    }
    return length;
}

bool MessageWriter::addQuestion(const std::uint8_t *name, std::size_t nameLength, std::uint16_t type,
                                std::uint16_t klass) noexcept
{
    if (m_capacity == 0 || m_counts[1] != 0 || m_counts[2] != 0 || m_counts[3] != 0 || m_counts[0] == 0xFFFF)
        return false;
    const std::size_t limit = m_capacity > m_reserved ? m_capacity - m_reserved : 0;
    const std::size_t savedSize = m_size;
    const int savedTargets = m_targetCount;
    if (writeName(name, nameLength, limit) != nameLength || m_size + 4 > limit) {
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
                              std::uint16_t rdataLength) noexcept
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

    if (writeName(owner, ownerLength, limit) != ownerLength || m_size + kRecordFixedSize > limit)
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
        if (rdataLength != 0)   // empty RDATA may come as a null pointer
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
            const std::size_t nameLength = writeName(rdata + pos, rdataLength - pos, limit);
            if (nameLength == 0)
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
                           std::uint16_t flags) noexcept
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
