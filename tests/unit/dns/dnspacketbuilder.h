#pragma once

#include "dns/dnsconstants.h"
#include "dns/dnsname.h"

#include <QByteArray>
#include <QString>

#include <cstdint>

// Builds DNS packets byte by byte for tests, including malformed ones the production writer
// would never produce (counts that lie, pointers anywhere, raw labels).
class DnsPacketBuilder
{
public:
    DnsPacketBuilder &header(std::uint16_t id, std::uint16_t flags, std::uint16_t qd, std::uint16_t an,
                             std::uint16_t ns, std::uint16_t ar)
    {
        u16(id).u16(flags).u16(qd).u16(an).u16(ns).u16(ar);
        return *this;
    }
    DnsPacketBuilder &u8(std::uint8_t v)
    {
        m_bytes.append(char(v));
        return *this;
    }
    DnsPacketBuilder &u16(std::uint16_t v)
    {
        return u8(std::uint8_t(v >> 8)).u8(std::uint8_t(v));
    }
    DnsPacketBuilder &u32(std::uint32_t v)
    {
        return u16(std::uint16_t(v >> 16)).u16(std::uint16_t(v));
    }
    DnsPacketBuilder &raw(const QByteArray &bytes)
    {
        m_bytes.append(bytes);
        return *this;
    }
    // An uncompressed name from presentation format.
    DnsPacketBuilder &name(const QString &text)
    {
        return raw(wireName(text));
    }
    DnsPacketBuilder &pointer(std::uint16_t offset)
    {
        return u16(std::uint16_t(0xC000 | offset));
    }
    DnsPacketBuilder &question(const QString &qname, std::uint16_t type, std::uint16_t klass = reg::dns::RRClass::IN)
    {
        return name(qname).u16(type).u16(klass);
    }
    // Type, class, TTL, RDLENGTH and RDATA after an owner written by the caller.
    DnsPacketBuilder &recordTail(std::uint16_t type, std::uint16_t klass, std::uint32_t ttl, const QByteArray &rdata)
    {
        return u16(type).u16(klass).u32(ttl).u16(std::uint16_t(rdata.size())).raw(rdata);
    }
    DnsPacketBuilder &opt(std::uint16_t udpSize, std::uint8_t version = 0, std::uint16_t flags = 0,
                          const QByteArray &options = {})
    {
        return u8(0).recordTail(reg::dns::RRType::OPT, udpSize, (std::uint32_t(version) << 16) | flags, options);
    }

    int size() const { return int(m_bytes.size()); }
    QByteArray bytes() const { return m_bytes; }

    static QByteArray wireName(const QString &text)
    {
        auto name = reg::dns::DnsName::fromText(text);
        Q_ASSERT(name.ok());
        return name->wire();
    }

private:
    QByteArray m_bytes;
};
