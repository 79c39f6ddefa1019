#pragma once

#include "dnsname.h"

#include <QByteArray>
#include <QList>

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

namespace reg::dns {

// What a node's RRset holds while a zone is being built: the type, the TTL and each RDATA in
// uncompressed wire form (names inside RDATA lower-cased, never compressed).
struct RRsetData
{
    std::uint16_t type = 0;
    std::uint32_t ttl = 0;
    QList<QByteArray> rdatas;
};

// One resource record, for IXFR differences and master-file export.
struct ZoneRecord
{
    DnsName owner;   // lower-cased
    std::uint16_t type = 0;
    std::uint32_t ttl = 0;
    QByteArray rdata;
    bool operator==(const ZoneRecord &o) const { return owner == o.owner && type == o.type && ttl == o.ttl && rdata == o.rdata; }
};

// A view of one RRset inside a ZoneNode; valid while the node lives.
class RRsetView
{
public:
    RRsetView() = default;
    RRsetView(std::uint16_t type, std::uint32_t ttl, std::uint16_t count, const std::uint8_t *items)
        : m_type(type), m_ttl(ttl), m_count(count), m_items(items) {}
    bool isNull() const { return m_count == 0; }
    std::uint16_t type() const { return m_type; }
    std::uint32_t ttl() const { return m_ttl; }
    int count() const { return m_count; }
    // Walks the items in order: each is a 2-byte big-endian RDLENGTH followed by the RDATA.
    template<typename F>
    void forEachRdata(F &&f) const
    {
        const std::uint8_t *p = m_items;
        for (int i = 0; i < m_count; ++i) {
            const std::uint16_t length = std::uint16_t(p[0] << 8 | p[1]);
            f(p + 2, length);
            p += 2 + length;
        }
    }

private:
    std::uint16_t m_type = 0;
    std::uint32_t m_ttl = 0;
    std::uint16_t m_count = 0;
    const std::uint8_t *m_items = nullptr;
};

// One owner name of a zone with its RRsets, immutable and compact (a single allocation: a zone of
// a million delegations is a million of these). A node with NS below the apex is a delegation
// point (a zone cut); nodes below a cut hold glue; a node with no RRsets is an empty non-terminal.
class ZoneNode
{
public:
    static std::shared_ptr<const ZoneNode> make(const DnsName &owner, const QList<RRsetData> &rrsets);
    ~ZoneNode();

    const std::uint8_t *owner() const;      // lower-cased, uncompressed wire form
    std::size_t ownerLength() const;
    DnsName ownerName() const;
    int rrsetCount() const;
    RRsetView rrsetAt(int index) const;
    RRsetView rrset(std::uint16_t type) const;   // isNull() when the node has none of that type
    bool isEmptyNonTerminal() const { return rrsetCount() == 0; }
    QList<ZoneRecord> records() const;           // every record, for transfers and export

    ZoneNode(const ZoneNode &) = delete;
    ZoneNode &operator=(const ZoneNode &) = delete;

private:
    ZoneNode() = default;
    struct Storage;
    Storage *m_storage = nullptr;
};

// Where a query name falls in a zone (RFC 1034 4.3.2 step 3).
struct ZoneLookup
{
    enum class Kind {
        Apex,              // the name is the apex: node = the apex node
        Authoritative,     // an exact match above every cut (an in-zone address of an apex name server)
        Delegation,        // at or below a zone cut: node = the cut (its NS set, maybe DS)
        EmptyNonTerminal,  // exists only because names below it do: NODATA
        NxDomain,          // does not exist
    };
    Kind kind = Kind::NxDomain;
    const ZoneNode *node = nullptr;
};

// The changes between two consecutive serials of a zone, for IXFR (RFC 1995).
struct ZoneDelta
{
    std::uint32_t fromSerial = 0;
    std::uint32_t toSerial = 0;
    QList<ZoneRecord> removed;   // without the SOA; the transfer adds the SOAs itself
    QList<ZoneRecord> added;
};

// One version of one zone, immutable. Readers on any thread use it without locks; publishing a
// change builds a new Zone that shares every untouched part with the previous one (only the
// changed buckets of the index are copied, never the whole zone).
class Zone
{
public:
    const DnsName &apex() const;              // lower-cased
    std::uint32_t serial() const;
    const ZoneNode &apexNode() const;         // SOA and NS, and address records if the apex has any
    // Exact match; name is lower-cased wire form. nullptr when there is no such node.
    const ZoneNode *find(const std::uint8_t *lowered, std::size_t length) const;
    // The lookup for a lower-cased query name that is at or below the apex.
    ZoneLookup lookup(const std::uint8_t *lowered, std::size_t length) const;
    std::size_t nodeCount() const;            // the apex included
    // Every node except the apex, in no particular order (for AXFR and export).
    void forEachNode(const std::function<void(const ZoneNode &)> &visit) const;
    // The deltas that lead up to this version, oldest first (bounded; may not reach back far).
    const std::vector<std::shared_ptr<const ZoneDelta>> &history() const;

    ~Zone();

private:
    friend class ZoneEditor;
    Zone();
    struct Data;
    std::unique_ptr<Data> d;
};

// Makes zone versions: a new zone from scratch, or the next version of one by replacing the nodes
// of some owner names. The IXFR delta is computed from the nodes replaced, so differences are
// always exact whatever caused them.
class ZoneEditor
{
public:
    // Starts an empty zone (the apex node must be set before finish()).
    explicit ZoneEditor(const DnsName &apex);
    // Starts the version after `base`.
    explicit ZoneEditor(std::shared_ptr<const Zone> base);
    ~ZoneEditor();

    // Sets or replaces the node of an owner name (empty rrsets: remove it). Ancestors between the
    // node and the apex become empty non-terminals as needed, and stop being so when nothing is
    // below them any more.
    void setNode(const DnsName &owner, const QList<RRsetData> &rrsets);
    bool changed() const;             // whether any record differs from the base
    // The new version. serial must be newer than the base's (RFC 1982) when anything changed;
    // the SOA in the apex node is rewritten with it. historyLimit bounds the deltas kept.
    std::shared_ptr<const Zone> finish(std::uint32_t serial, int historyLimit);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

// All served zones at one moment.
class ZoneSet
{
public:
    ZoneSet() = default;
    explicit ZoneSet(QList<std::shared_ptr<const Zone>> zones);
    // The zone whose apex is the longest suffix of the lower-cased name; nullptr when none (REFUSED).
    const Zone *findZone(const std::uint8_t *lowered, std::size_t length) const;
    std::shared_ptr<const Zone> zone(const DnsName &apex) const;
    const QList<std::shared_ptr<const Zone>> &zones() const { return m_zones; }

private:
    QList<std::shared_ptr<const Zone>> m_zones;
};

// Holds the zone set being served. Thread-safe: readers take current() (an atomic shared_ptr
// load); the answer path compares generation() once per batch of packets and takes a new copy
// only when it moved, so no reference count is touched per packet.
class ZonePublisher
{
public:
    ZonePublisher();
    std::shared_ptr<const ZoneSet> current() const;
    std::uint64_t generation() const { return m_generation.load(std::memory_order_acquire); }
    void publish(std::shared_ptr<const ZoneSet> zones);

private:
    std::atomic<std::shared_ptr<const ZoneSet>> m_current;
    std::atomic<std::uint64_t> m_generation{0};
};

} // namespace reg::dns
