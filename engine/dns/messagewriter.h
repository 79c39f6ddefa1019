#pragma once

#include "dnsconstants.h"

#include <cstddef>
#include <cstdint>

namespace reg::dns {

// Writes one DNS message into a caller's buffer, compressing names (RFC 1035 4.1.4) against every
// name already written, case-insensitively, so the question's spelling is what later records
// point to (case-preserving compression). Never writes past capacity: a record that does not fit
// is not written at all and the call returns false, so the caller can set TC or stop; space
// reserved with reserveTail() (for OPT and TSIG) stays free until released.
//
// Only the RDATA of NS, CNAME, PTR, SOA and MX has names compressed (RFC 3597 4); every other
// type's RDATA is copied as is.
class MessageWriter
{
public:
    enum class Section { Answer, Authority, Additional };

    MessageWriter(std::uint8_t *buffer, std::size_t capacity) noexcept;

    // Header fields; counts are kept by the writer and written by finish().
    void setId(std::uint16_t id) noexcept;
    void setFlags(std::uint16_t flags) noexcept;    // QR, opcode, AA, TC, RD, RA, ... and the low 4 RCODE bits
    std::uint16_t flags() const noexcept;
    void setTruncated() noexcept;

    // The question, name as sent by the client (case preserved). Must come before any record.
    bool addQuestion(const std::uint8_t *name, std::size_t nameLength, std::uint16_t type, std::uint16_t klass) noexcept;
    // One record. owner and names in rdata are uncompressed wire form.
    bool addRecord(Section section, const std::uint8_t *owner, std::size_t ownerLength, std::uint16_t type,
                   std::uint16_t klass, std::uint32_t ttl, const std::uint8_t *rdata, std::uint16_t rdataLength) noexcept;
    // The OPT pseudo-record (RFC 6891 6.1.2): written into the additional section.
    bool addOpt(std::uint16_t udpPayloadSize, std::uint8_t extendedRcode, std::uint8_t version, std::uint16_t flags) noexcept;

    // Keeps bytes free at the end for a record added later (OPT: 11 bytes; TSIG: its size).
    void reserveTail(std::size_t bytes) noexcept;
    void releaseTail(std::size_t bytes) noexcept;

    std::uint16_t count(Section section) const noexcept;
    std::size_t size() const noexcept { return m_size; }
    // Writes the header counts; the message is buffer[0, size()).
    std::size_t finish() noexcept;

private:
    // Writes the uncompressed name at the start of name[0, available); returns its length, or 0
    // when it is malformed or does not fit before limit.
    std::size_t writeName(const std::uint8_t *name, std::size_t available, std::size_t limit) noexcept;
    struct Impl;
    std::uint8_t *m_buffer;
    std::size_t m_capacity;
    std::size_t m_reserved = 0;
    std::size_t m_size = kHeaderSize;
    std::uint16_t m_counts[4] = {0, 0, 0, 0};   // question, answer, authority, additional
    // Offsets of names written so far (label starts), for compression; bounded. With each, the
    // offset of the name after its first label (0 for the root), so the targets form a tree that
    // a new name is matched against from its last label. Only the first m_targetCount are read,
    // so they are not cleared per message.
    static constexpr int kMaxCompressionTargets = 96;
    std::uint16_t m_targets[kMaxCompressionTargets];
    std::uint16_t m_targetParents[kMaxCompressionTargets];
    int m_targetCount = 0;
};

} // namespace reg::dns
