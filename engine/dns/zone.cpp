#include "zone.h"

#include <QHash>
#include <QtGlobal>

#include <algorithm>
#include <cstring>
#include <new>
#include <unordered_map>

namespace reg::dns {

// ---------------------------------------------------------------------------------------------
// ZoneNode storage

// A node is one heap block: [shared_ptr control block][ZoneNode][Storage]. Storage is
// [RRsetHeader x rrsetCount][owner][items of every RRset], each item a 2-byte RDLENGTH and the RDATA.
struct RRsetHeader
{
    std::uint16_t type;
    std::uint16_t count;
    std::uint32_t ttl;
    std::uint32_t offset;   // of the first item, from the start of Storage
};

struct ZoneNode::Storage
{
    std::uint8_t ownerLength;
    std::uint8_t rrsetCount;
    std::uint16_t reserved;
    RRsetHeader headers[1];   // rrsetCount of them (at least the space of one, so the layout is simple)
};

namespace {

constexpr std::size_t kControlBlockReserve = 32;
constexpr std::size_t kStorageOffset = kControlBlockReserve + ((sizeof(void *) + 7) & ~std::size_t(7));
constexpr std::size_t kMaxRRsets = 255;
constexpr std::size_t kHeadersOffset = 4;   // ZoneNode::Storage::headers

std::size_t headerSpace(std::size_t rrsets)
{
    return kHeadersOffset + sizeof(RRsetHeader) * std::max<std::size_t>(rrsets, 1);
}

// Hands out the front of a node's block for the shared_ptr control block, so the control block,
// the node and its records share one allocation; freeing the control block frees the block.
template<typename T>
struct NodeBlockAllocator
{
    using value_type = T;
    explicit NodeBlockAllocator(void *block) : m_block(block) {}
    template<typename U>
    NodeBlockAllocator(const NodeBlockAllocator<U> &other) : m_block(other.m_block) {}
    T *allocate(std::size_t n)
    {
        if (n * sizeof(T) > kControlBlockReserve)
            qFatal("ZoneNode: the shared_ptr control block needs %zu bytes, more than reserved", n * sizeof(T));
        return static_cast<T *>(m_block);
    }
    void deallocate(T *, std::size_t) { ::operator delete(m_block); }
    template<typename U>
    bool operator==(const NodeBlockAllocator<U> &other) const { return m_block == other.m_block; }
    void *m_block;
};

struct NodeDestroyer
{
    void operator()(ZoneNode *node) const { node->~ZoneNode(); }
};

// RRsets as sets (RFC 2181 5): one per type, sorted by type, RDATA sorted and without duplicates,
// so two builds of the same content compare equal whatever order they were given in.
QList<RRsetData> normalized(const QList<RRsetData> &rrsets)
{
    QList<RRsetData> out;
    for (const RRsetData &set : rrsets) {
        if (set.rdatas.isEmpty())
            continue;
        auto it = std::find_if(out.begin(), out.end(), [&](const RRsetData &o) { return o.type == set.type; });
        if (it == out.end()) {
            out.append(set);
        } else {
            it->rdatas.append(set.rdatas);
        }
    }
    for (RRsetData &set : out) {
        std::sort(set.rdatas.begin(), set.rdatas.end());
        set.rdatas.erase(std::unique(set.rdatas.begin(), set.rdatas.end()), set.rdatas.end());
    }
    std::sort(out.begin(), out.end(), [](const RRsetData &a, const RRsetData &b) { return a.type < b.type; });
    return out;
}

} // namespace

std::shared_ptr<const ZoneNode> ZoneNode::make(const DnsName &owner, const QList<RRsetData> &given)
{
    static_assert(offsetof(Storage, headers) == kHeadersOffset);
    const QList<RRsetData> rrsets = normalized(given);
    if (std::size_t(rrsets.size()) > kMaxRRsets)
        qFatal("ZoneNode: more than %zu RRsets at one owner", kMaxRRsets);
    std::size_t size = headerSpace(std::size_t(rrsets.size())) + owner.size();
    for (const RRsetData &set : rrsets) {
        if (set.rdatas.size() > 0xffff)
            qFatal("ZoneNode: an RRset with more than 65535 records");
        for (const QByteArray &rdata : set.rdatas)
            size += 2 + std::size_t(std::min<qsizetype>(rdata.size(), 0xffff));
    }
    void *block = ::operator new(kStorageOffset + size);
    auto *bytes = static_cast<std::uint8_t *>(block);
    auto *node = new (bytes + kControlBlockReserve) ZoneNode();
    auto *storage = reinterpret_cast<Storage *>(bytes + kStorageOffset);
    node->m_storage = storage;

    storage->ownerLength = std::uint8_t(owner.size());
    storage->rrsetCount = std::uint8_t(rrsets.size());
    storage->reserved = 0;
    std::uint8_t *base = reinterpret_cast<std::uint8_t *>(storage);
    std::size_t pos = headerSpace(std::size_t(rrsets.size()));
    WireName::copyLowered(base + pos, owner.data(), owner.size());
    pos += owner.size();
    for (int i = 0; i < rrsets.size(); ++i) {
        const RRsetData &set = rrsets[i];
        RRsetHeader header{set.type, std::uint16_t(set.rdatas.size()), set.ttl, std::uint32_t(pos)};
        std::memcpy(&storage->headers[i], &header, sizeof header);
        for (const QByteArray &rdata : set.rdatas) {
            const std::size_t length = std::size_t(std::min<qsizetype>(rdata.size(), 0xffff));
            base[pos] = std::uint8_t(length >> 8);
            base[pos + 1] = std::uint8_t(length);
            std::memcpy(base + pos + 2, rdata.constData(), length);
            pos += 2 + length;
        }
    }
    return std::shared_ptr<const ZoneNode>(node, NodeDestroyer{}, NodeBlockAllocator<ZoneNode>(block));
}

ZoneNode::~ZoneNode() = default;

const std::uint8_t *ZoneNode::owner() const
{
    return reinterpret_cast<const std::uint8_t *>(m_storage) + headerSpace(m_storage->rrsetCount);
}

std::size_t ZoneNode::ownerLength() const
{
    return m_storage->ownerLength;
}

DnsName ZoneNode::ownerName() const
{
    return *DnsName::fromWire(QByteArray(reinterpret_cast<const char *>(owner()), qsizetype(ownerLength())));
}

int ZoneNode::rrsetCount() const
{
    return m_storage->rrsetCount;
}

RRsetView ZoneNode::rrsetAt(int index) const
{
    RRsetHeader header;
    std::memcpy(&header, &m_storage->headers[index], sizeof header);
    return RRsetView(header.type, header.ttl, header.count, reinterpret_cast<const std::uint8_t *>(m_storage) + header.offset);
}

RRsetView ZoneNode::rrset(std::uint16_t type) const
{
    for (int i = 0; i < m_storage->rrsetCount; ++i) {
        if (m_storage->headers[i].type == type)
            return rrsetAt(i);
    }
    return {};
}

QList<ZoneRecord> ZoneNode::records() const
{
    QList<ZoneRecord> out;
    const DnsName name = ownerName();
    for (int i = 0; i < rrsetCount(); ++i) {
        const RRsetView set = rrsetAt(i);
        set.forEachRdata([&](const std::uint8_t *rdata, std::size_t length) {
            out.append(ZoneRecord{name, set.type(), set.ttl(), QByteArray(reinterpret_cast<const char *>(rdata), qsizetype(length))});
        });
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// Zone: a persistent hash index. The top level is an array of shared, immutable buckets; a new
// version copies the array (pointers only) and rebuilds just the buckets it touches.

namespace {

struct IndexEntry
{
    std::uint32_t tag = 0;        // the high half of the name hash, checked before the bytes
    std::uint32_t children = 0;   // nodes one label below this one (keeps empty non-terminals alive)
    std::shared_ptr<const ZoneNode> node;
};

using Bucket = std::vector<IndexEntry>;
using BucketPtr = std::shared_ptr<const Bucket>;

constexpr std::size_t kTargetBucketLoad = 8;   // 4 to 8 names per bucket: a short scan, and few buckets to copy per version
constexpr std::size_t kMinBuckets = 16;

std::size_t bucketCountFor(std::size_t nodes)
{
    std::size_t buckets = kMinBuckets;
    while (buckets * kTargetBucketLoad < nodes)
        buckets *= 2;
    return buckets;
}

bool sameOwner(const ZoneNode &node, const std::uint8_t *lowered, std::size_t length)
{
    return node.ownerLength() == length && std::memcmp(node.owner(), lowered, length) == 0;
}

const IndexEntry *findEntry(const Bucket &bucket, std::uint32_t tag, const std::uint8_t *lowered, std::size_t length)
{
    for (const IndexEntry &e : bucket) {
        if (e.tag == tag && sameOwner(*e.node, lowered, length))
            return &e;
    }
    return nullptr;
}

// The offset of the parent's name inside a wire name (past the first label).
std::size_t parentOffset(const std::uint8_t *name)
{
    return 1 + std::size_t(name[0]);
}

} // namespace

struct Zone::Data
{
    DnsName apex;
    std::uint32_t serial = 0;
    std::shared_ptr<const ZoneNode> apexNode;
    std::vector<BucketPtr> buckets;   // a power of two
    std::size_t nodeCount = 0;
    std::vector<std::shared_ptr<const ZoneDelta>> history;

    const IndexEntry *entry(const std::uint8_t *lowered, std::size_t length, std::uint64_t hash) const
    {
        const BucketPtr &bucket = buckets[hash & (buckets.size() - 1)];
        return bucket ? findEntry(*bucket, std::uint32_t(hash >> 32), lowered, length) : nullptr;
    }
};

Zone::Zone() : d(std::make_unique<Data>()) {}
Zone::~Zone() = default;

const DnsName &Zone::apex() const
{
    return d->apex;
}

std::uint32_t Zone::serial() const
{
    return d->serial;
}

const ZoneNode &Zone::apexNode() const
{
    return *d->apexNode;
}

const ZoneNode *Zone::find(const std::uint8_t *lowered, std::size_t length) const
{
    const IndexEntry *e = d->entry(lowered, length, WireName::hashLowered(lowered, length));
    return e ? e->node.get() : nullptr;
}

ZoneLookup Zone::lookup(const std::uint8_t *lowered, std::size_t length) const
{
    const std::size_t apexLength = d->apex.size();
    if (length == apexLength)
        return {ZoneLookup::Kind::Apex, d->apexNode.get()};
    // The label boundaries between the name and the apex, so the suffixes can be walked from the
    // apex's child downward (the first cut met is the one that matters).
    std::size_t starts[kMaxLabels];
    int count = 0;
    for (std::size_t pos = 0; pos < length - apexLength && count < int(kMaxLabels); pos += 1 + lowered[pos])
        starts[count++] = pos;
    for (int i = count - 1; i >= 0; --i) {
        const std::uint8_t *suffix = lowered + starts[i];
        const std::size_t suffixLength = length - starts[i];
        const ZoneNode *node = find(suffix, suffixLength);
        if (!node)
            return {ZoneLookup::Kind::NxDomain, nullptr};   // empty non-terminals exist, so nothing is below
        if (!node->rrset(RRType::NS).isNull())
            return {ZoneLookup::Kind::Delegation, node};
        if (i == 0)
            return {node->isEmptyNonTerminal() ? ZoneLookup::Kind::EmptyNonTerminal : ZoneLookup::Kind::Authoritative, node};
    }
    return {ZoneLookup::Kind::NxDomain, nullptr};
}

std::size_t Zone::nodeCount() const
{
    return d->nodeCount;
}

void Zone::forEachNode(const std::function<void(const ZoneNode &)> &visit) const
{
    for (const BucketPtr &bucket : d->buckets) {
        if (!bucket)
            continue;
        for (const IndexEntry &e : *bucket) {
            if (e.node != d->apexNode)
                visit(*e.node);
        }
    }
}

const std::vector<std::shared_ptr<const ZoneDelta>> &Zone::history() const
{
    return d->history;
}

// ---------------------------------------------------------------------------------------------
// ZoneEditor

namespace {

// The working state of one owner name while a version is edited.
struct WorkEntry
{
    std::shared_ptr<const ZoneNode> node;   // null: absent
    std::uint32_t children = 0;
    bool inBase = false;
    std::shared_ptr<const ZoneNode> baseNode;
};

QByteArray loweredKey(const DnsName &name)
{
    return name.lowered().wire();
}

const std::uint8_t *bytesOf(const QByteArray &key)
{
    return reinterpret_cast<const std::uint8_t *>(key.constData());
}

// Writes serial into the SOA RDATA (MNAME, RNAME, then SERIAL: RFC 1035 3.3.13).
QByteArray withSerial(QByteArray soa, std::uint32_t serial)
{
    const auto *p = bytesOf(soa);
    const std::size_t size = std::size_t(soa.size());
    const std::size_t mname = WireName::validLength(p, size);
    const std::size_t rname = mname ? WireName::validLength(p + mname, size - mname) : 0;
    if (rname == 0 || mname + rname + 20 > size)
        return soa;   // not an SOA this code made; leave it alone
    const std::size_t at = mname + rname;
    soa[qsizetype(at)] = char(serial >> 24);
    soa[qsizetype(at + 1)] = char(serial >> 16);
    soa[qsizetype(at + 2)] = char(serial >> 8);
    soa[qsizetype(at + 3)] = char(serial);
    return soa;
}

QList<RRsetData> rrsetsOf(const ZoneNode &node)
{
    QList<RRsetData> out;
    for (int i = 0; i < node.rrsetCount(); ++i) {
        const RRsetView view = node.rrsetAt(i);
        RRsetData set{view.type(), view.ttl(), {}};
        view.forEachRdata([&](const std::uint8_t *rdata, std::size_t length) {
            set.rdatas.append(QByteArray(reinterpret_cast<const char *>(rdata), qsizetype(length)));
        });
        out.append(std::move(set));
    }
    return out;
}

// Records that are in `from` and not in `to`.
void difference(const ZoneNode *from, const ZoneNode *to, QList<ZoneRecord> &out)
{
    if (!from)
        return;
    const QList<ZoneRecord> a = from->records();
    const QList<ZoneRecord> b = to ? to->records() : QList<ZoneRecord>();
    for (const ZoneRecord &r : a) {
        if (r.type != RRType::SOA && !b.contains(r))
            out.append(r);
    }
}

} // namespace

struct ZoneEditor::Private
{
    DnsName apex;
    QByteArray apexKey;
    std::shared_ptr<const Zone> base;
    std::unordered_map<QByteArray, WorkEntry> work;   // every owner name touched, ancestors included
    // Nodes of a new zone, indexed in finish(); the hash is taken while the owner is in the cache.
    struct FreshNode
    {
        std::uint64_t hash;
        std::shared_ptr<const ZoneNode> node;
    };
    std::vector<FreshNode> fresh;

    void apply(const QByteArray &key, std::shared_ptr<const ZoneNode> node);
    void applyFresh()
    {
        work.reserve(fresh.size() + fresh.size() / 8 + 16);
        for (FreshNode &f : fresh) {
            const QByteArray key(reinterpret_cast<const char *>(f.node->owner()), qsizetype(f.node->ownerLength()));
            apply(key, std::move(f.node));
        }
        fresh = {};
    }

    WorkEntry &entry(const QByteArray &key)
    {
        auto it = work.find(key);
        if (it != work.end())
            return it->second;
        WorkEntry e;
        if (base) {
            if (const IndexEntry *b = base->d->entry(bytesOf(key), std::size_t(key.size()),
                                                     WireName::hashLowered(bytesOf(key), std::size_t(key.size())))) {
                e.node = b->node;
                e.children = b->children;
                e.inBase = true;
                e.baseNode = b->node;
            }
        }
        return work.emplace(key, std::move(e)).first->second;
    }

    std::shared_ptr<const ZoneNode> emptyNode(const QByteArray &key)
    {
        return ZoneNode::make(*DnsName::fromWire(key), {});
    }

    std::shared_ptr<const Zone> finishFresh(std::uint32_t serial);

    // A node appeared below `key`'s parent: the parent gains a child, and exists (as an empty
    // non-terminal if it has nothing else) up to the apex.
    void addChild(const QByteArray &childKey)
    {
        QByteArray key = childKey.mid(qsizetype(parentOffset(bytesOf(childKey))));
        while (true) {
            WorkEntry &parent = entry(key);
            const bool existed = parent.node != nullptr;
            ++parent.children;
            if (existed)
                return;
            parent.node = emptyNode(key);
            if (key == apexKey)
                return;
            key = key.mid(qsizetype(parentOffset(bytesOf(key))));
        }
    }

    // A node below `key`'s parent went away: empty non-terminals left with nothing below go too.
    void removeChild(const QByteArray &childKey)
    {
        QByteArray key = childKey.mid(qsizetype(parentOffset(bytesOf(childKey))));
        while (true) {
            WorkEntry &parent = entry(key);
            Q_ASSERT(parent.children > 0);
            --parent.children;
            if (parent.children > 0 || key == apexKey || !parent.node->isEmptyNonTerminal())
                return;
            parent.node.reset();
            key = key.mid(qsizetype(parentOffset(bytesOf(key))));
        }
    }

    bool anyChange() const
    {
        for (const auto &[key, e] : work) {
            const ZoneNode *before = e.inBase ? e.baseNode.get() : nullptr;
            const ZoneNode *after = e.node.get();
            if (before == after)
                continue;
            if (!before || !after)
                return true;
            if (before->records() != after->records())
                return true;
        }
        return false;
    }
};

ZoneEditor::ZoneEditor(const DnsName &apex) : d(std::make_unique<Private>())
{
    d->apex = apex.lowered();
    d->apexKey = d->apex.wire();
}

ZoneEditor::ZoneEditor(std::shared_ptr<const Zone> base) : d(std::make_unique<Private>())
{
    d->apex = base->apex();
    d->apexKey = d->apex.wire();
    d->base = std::move(base);
}

ZoneEditor::~ZoneEditor() = default;

void ZoneEditor::setNode(const DnsName &owner, const QList<RRsetData> &rrsets)
{
    if (!owner.isSubdomainOf(d->apex))
        return;   // not this zone's business; the builder never asks for it
    std::shared_ptr<const ZoneNode> node = ZoneNode::make(owner, rrsets);
    if (!d->base) {
        // A new zone indexes its nodes in finish(): the bookkeeping allocated then sits apart from
        // the nodes in the heap, so freeing it returns whole pages instead of leaving holes.
        const std::uint64_t hash = WireName::hashLowered(node->owner(), node->ownerLength());
        d->fresh.push_back(Private::FreshNode{hash, std::move(node)});
        return;
    }
    d->apply(loweredKey(owner), std::move(node));
}

void ZoneEditor::Private::apply(const QByteArray &key, std::shared_ptr<const ZoneNode> node)
{
    WorkEntry &e = entry(key);
    const bool existed = e.node != nullptr;
    if (key == apexKey) {
        e.node = std::move(node);   // the apex always exists, even with nothing in it yet
        return;
    }
    if (node->isEmptyNonTerminal()) {
        if (!existed)
            return;
        if (e.children > 0) {
            e.node = std::move(node);   // names below keep it as an empty non-terminal
            return;
        }
        e.node.reset();
        removeChild(key);
        return;
    }
    e.node = std::move(node);
    if (!existed)
        addChild(key);
}

bool ZoneEditor::changed() const
{
    d->applyFresh();
    return d->anyChange();
}

namespace {

// One node of a new zone while it is indexed in bulk.
struct FreshEntry
{
    std::uint64_t hash;
    std::uint32_t order;      // when it was set: the last one set for an owner wins
    std::uint32_t children;
    std::shared_ptr<const ZoneNode> node;
};

// Within a bucket: hash, then owner, then the order they were set in.
bool freshLess(const FreshEntry &a, const FreshEntry &b)
{
    if (a.hash != b.hash)
        return a.hash < b.hash;
    const std::size_t la = a.node->ownerLength(), lb = b.node->ownerLength();
    const int c = std::memcmp(a.node->owner(), b.node->owner(), std::min(la, lb));
    if (c != 0)
        return c < 0;
    if (la != lb)
        return la < lb;
    return a.order < b.order;
}

bool sameFreshOwner(const FreshEntry &a, const FreshEntry &b)
{
    return a.hash == b.hash && sameOwner(*a.node, b.node->owner(), b.node->ownerLength());
}

// The entries of a new zone grouped by bucket (a counting sort: one pass to count, one to place,
// instead of a comparison sort whose every step may read a node), each bucket sorted within.
class FreshIndex
{
public:
    FreshIndex(std::vector<FreshEntry> entries, std::uint64_t mask) : m_mask(mask)
    {
        std::vector<std::uint32_t> start(std::size_t(mask) + 2, 0);
        for (const FreshEntry &e : entries)
            ++start[std::size_t(e.hash & mask) + 1];
        for (std::size_t b = 1; b < start.size(); ++b)
            start[b] += start[b - 1];
        m_entries.resize(entries.size());
        std::vector<std::uint32_t> next(start.begin(), start.end() - 1);
        for (FreshEntry &e : entries)
            m_entries[next[std::size_t(e.hash & mask)]++] = std::move(e);
        entries = {};
        for (std::size_t b = 0; b + 1 < start.size(); ++b) {
            if (start[b + 1] - start[b] > 1)
                std::sort(m_entries.begin() + start[b], m_entries.begin() + start[b + 1], freshLess);
        }
        m_start = std::move(start);
    }

    // Keeps the last entry set for each owner, and drops entries `drop` says to.
    template<typename Drop>
    void keepLastOfEachOwner(Drop drop)
    {
        std::vector<std::uint32_t> start(m_start.size(), 0);
        std::uint32_t kept = 0;
        for (std::size_t b = 0; b + 1 < m_start.size(); ++b) {
            start[b] = kept;
            for (std::uint32_t i = m_start[b]; i < m_start[b + 1]; ++i) {
                const bool lastOfOwner = i + 1 == m_start[b + 1] || !sameFreshOwner(m_entries[i], m_entries[i + 1]);
                if (!lastOfOwner || drop(m_entries[i]))
                    continue;
                if (kept != i)
                    m_entries[kept] = std::move(m_entries[i]);
                ++kept;
            }
        }
        start.back() = kept;
        m_entries.resize(kept);
        m_start = std::move(start);
    }

    FreshEntry *find(const std::uint8_t *owner, std::size_t length, std::uint64_t hash)
    {
        const std::size_t b = std::size_t(hash & m_mask);
        for (std::uint32_t i = m_start[b]; i < m_start[b + 1]; ++i) {
            FreshEntry &e = m_entries[i];
            if (e.hash == hash && sameOwner(*e.node, owner, length))
                return &e;
        }
        return nullptr;
    }

    std::vector<FreshEntry> &entries() { return m_entries; }

private:
    std::uint64_t m_mask;
    std::vector<FreshEntry> m_entries;
    std::vector<std::uint32_t> m_start;   // bucket b holds m_entries[m_start[b], m_start[b + 1])
};

} // namespace

// A new zone is indexed without a per-name map (a million names would cost more in that map than in
// the zone): the nodes are grouped by bucket with a counting sort, parents are found through their
// bucket to count children, ancestors nothing was set for become empty non-terminals, and each
// bucket is built once. The result equals what setting the nodes one by one gives.
std::shared_ptr<const Zone> ZoneEditor::Private::finishFresh(std::uint32_t serial)
{
    const std::uint64_t apexHash = WireName::hashLowered(bytesOf(apexKey), std::size_t(apexKey.size()));
    const auto isApex = [&](const FreshEntry &e) {
        return e.hash == apexHash && sameOwner(*e.node, bytesOf(apexKey), std::size_t(apexKey.size()));
    };
    std::vector<FreshEntry> entries;
    entries.reserve(fresh.size() + 1);
    bool apexSet = false;
    for (FreshNode &f : fresh) {
        entries.push_back(FreshEntry{f.hash, std::uint32_t(entries.size()), 0, std::move(f.node)});
        apexSet = apexSet || isApex(entries.back());
    }
    fresh = {};
    if (!apexSet)
        entries.push_back(FreshEntry{apexHash, std::uint32_t(entries.size()), 0, emptyNode(apexKey)});

    const std::uint64_t mask = bucketCountFor(entries.size()) - 1;
    auto index = std::make_unique<FreshIndex>(std::move(entries), mask);
    // A name set with no records exists only if something is below it, and then it is an empty
    // non-terminal like any other (added below).
    index->keepLastOfEachOwner([&](const FreshEntry &e) { return e.node->isEmptyNonTerminal() && !isApex(e); });

    // Count children. Nearly every node's parent is the apex (a delegation), which needs no search.
    FreshEntry *apexEntry = index->find(bytesOf(apexKey), std::size_t(apexKey.size()), apexHash);
    std::unordered_map<QByteArray, std::uint32_t> missing;   // ancestors with no node: rare in a TLD zone
    for (const FreshEntry &e : index->entries()) {
        const std::uint8_t *owner = e.node->owner();
        std::size_t length = e.node->ownerLength();
        if (length == std::size_t(apexKey.size()))
            continue;   // the apex (every other node is longer)
        while (true) {
            const std::size_t skip = parentOffset(owner);
            owner += skip;
            length -= skip;
            // Every node is below the apex, so a parent as long as the apex is the apex.
            FreshEntry *parent = length == std::size_t(apexKey.size()) ? apexEntry
                                                                      : index->find(owner, length, WireName::hashLowered(owner, length));
            if (parent) {
                ++parent->children;
                break;
            }
            auto [it, inserted] = missing.try_emplace(QByteArray(reinterpret_cast<const char *>(owner), qsizetype(length)), 0);
            ++it->second;
            if (!inserted)
                break;
        }
    }
    if (!missing.empty()) {
        std::vector<FreshEntry> all = std::move(index->entries());
        for (const auto &[key, children] : missing)
            all.push_back(FreshEntry{WireName::hashLowered(bytesOf(key), std::size_t(key.size())), 0, children, emptyNode(key)});
        index = std::make_unique<FreshIndex>(std::move(all), mask);
    }

    std::shared_ptr<Zone> zone(new Zone());
    Zone::Data &z = *zone->d;
    z.apex = apex;
    z.serial = serial;
    z.buckets.resize(std::size_t(mask) + 1);
    std::vector<FreshEntry> &sorted = index->entries();
    z.nodeCount = sorted.size();
    for (auto run = sorted.begin(); run != sorted.end();) {
        const std::uint64_t bucketIndex = run->hash & mask;
        auto runEnd = run;
        while (runEnd != sorted.end() && (runEnd->hash & mask) == bucketIndex)
            ++runEnd;
        auto bucket = std::make_shared<Bucket>();
        bucket->reserve(std::size_t(runEnd - run));
        for (auto e = run; e != runEnd; ++e) {
            if (isApex(*e)) {
                // The apex node with the SOA's serial rewritten.
                QList<RRsetData> sets = rrsetsOf(*e->node);
                for (RRsetData &set : sets) {
                    if (set.type == RRType::SOA) {
                        for (QByteArray &rdata : set.rdatas)
                            rdata = withSerial(rdata, serial);
                    }
                }
                e->node = ZoneNode::make(apex, sets);
                z.apexNode = e->node;
            }
            bucket->push_back(IndexEntry{std::uint32_t(e->hash >> 32), e->children, std::move(e->node)});
        }
        z.buckets[std::size_t(bucketIndex)] = std::move(bucket);
        run = runEnd;
    }
    base = zone;
    return zone;
}

std::shared_ptr<const Zone> ZoneEditor::finish(std::uint32_t serial, int historyLimit)
{
    if (!d->base && d->work.empty())
        return d->finishFresh(serial);
    d->applyFresh();
    if (d->base && !d->anyChange())
        return d->base;

    std::shared_ptr<Zone> zone(new Zone());
    Zone::Data &z = *zone->d;
    z.apex = d->apex;
    z.serial = serial;

    // The apex node with the SOA's serial rewritten.
    WorkEntry &apexEntry = d->entry(d->apexKey);
    if (!apexEntry.node)
        apexEntry.node = d->emptyNode(d->apexKey);
    {
        QList<RRsetData> sets = rrsetsOf(*apexEntry.node);
        for (RRsetData &set : sets) {
            if (set.type == RRType::SOA) {
                for (QByteArray &rdata : set.rdatas)
                    rdata = withSerial(rdata, serial);
            }
        }
        apexEntry.node = ZoneNode::make(d->apex, sets);
    }
    z.apexNode = apexEntry.node;

    // The delta, from the nodes replaced (the SOA is left to the transfer).
    auto delta = std::make_shared<ZoneDelta>();
    delta->fromSerial = d->base ? d->base->serial() : serial;
    delta->toSerial = serial;
    for (const auto &[key, e] : d->work) {
        const ZoneNode *before = e.inBase ? e.baseNode.get() : nullptr;
        if (!d->base || before == e.node.get())
            continue;   // a new zone keeps no delta
        difference(before, e.node.get(), delta->removed);
        difference(e.node.get(), before, delta->added);
    }

    if (d->base) {
        const Zone::Data &b = *d->base->d;
        z.buckets = b.buckets;
        z.nodeCount = b.nodeCount;
        z.history = b.history;
    } else {
        z.buckets.resize(bucketCountFor(d->work.size()));
    }

    // Sort the touched names by bucket, then rebuild each touched bucket once.
    struct Touched
    {
        std::size_t index;
        std::uint64_t hash;
        const std::pair<const QByteArray, WorkEntry> *item;
    };
    const std::size_t mask = z.buckets.size() - 1;
    std::vector<Touched> touched;
    touched.reserve(d->work.size());
    for (const auto &item : d->work) {
        const std::uint64_t hash = WireName::hashLowered(bytesOf(item.first), std::size_t(item.first.size()));
        touched.push_back(Touched{hash & mask, hash, &item});
    }
    std::sort(touched.begin(), touched.end(), [](const Touched &a, const Touched &b) { return a.index < b.index; });
    for (auto run = touched.begin(); run != touched.end();) {
        const auto runEnd = std::find_if(run, touched.end(), [&](const Touched &t) { return t.index != run->index; });
        const BucketPtr &old = z.buckets[run->index];
        auto bucket = std::make_shared<Bucket>();
        bucket->reserve((old ? old->size() : 0) + std::size_t(runEnd - run));
        if (old) {
            for (const IndexEntry &e : *old) {
                const bool replaced = std::any_of(run, runEnd, [&](const Touched &t) {
                    return sameOwner(*e.node, bytesOf(t.item->first), std::size_t(t.item->first.size()));
                });
                if (!replaced)
                    bucket->push_back(e);
            }
        }
        for (auto t = run; t != runEnd; ++t) {
            const WorkEntry &w = t->item->second;
            if (w.inBase)
                --z.nodeCount;
            if (!w.node)
                continue;
            bucket->push_back(IndexEntry{std::uint32_t(t->hash >> 32), w.children, w.node});
            ++z.nodeCount;
        }
        const std::size_t index = run->index;
        z.buckets[index] = bucket->empty() ? BucketPtr() : BucketPtr(std::move(bucket));
        run = runEnd;
    }

    if (d->base) {
        z.history.push_back(std::move(delta));
        const std::size_t limit = std::size_t(std::max(historyLimit, 0));
        if (z.history.size() > limit)
            z.history.erase(z.history.begin(), z.history.begin() + std::ptrdiff_t(z.history.size() - limit));
    }
    d->work.clear();
    d->base = zone;
    return zone;
}

// ---------------------------------------------------------------------------------------------
// ZoneSet and ZonePublisher

ZoneSet::ZoneSet(QList<std::shared_ptr<const Zone>> zones) : m_zones(std::move(zones))
{
    // Longest apex first, so the first match is the closest enclosing zone.
    std::stable_sort(m_zones.begin(), m_zones.end(), [](const auto &a, const auto &b) { return a->apex().size() > b->apex().size(); });
}

const Zone *ZoneSet::findZone(const std::uint8_t *lowered, std::size_t length) const
{
    for (const std::shared_ptr<const Zone> &zone : m_zones) {
        const std::size_t apexLength = zone->apex().size();
        if (apexLength > length)
            continue;
        // The apex must start on a label boundary of the name.
        std::size_t pos = 0;
        while (length - pos > apexLength)
            pos += 1 + lowered[pos];
        if (length - pos == apexLength && std::memcmp(lowered + pos, zone->apex().data(), apexLength) == 0)
            return zone.get();
    }
    return nullptr;
}

std::shared_ptr<const Zone> ZoneSet::zone(const DnsName &apex) const
{
    for (const std::shared_ptr<const Zone> &z : m_zones) {
        if (z->apex() == apex)
            return z;
    }
    return nullptr;
}

ZonePublisher::ZonePublisher() : m_current(std::make_shared<const ZoneSet>()) {}

std::shared_ptr<const ZoneSet> ZonePublisher::current() const
{
    return m_current.load(std::memory_order_acquire);
}

void ZonePublisher::publish(std::shared_ptr<const ZoneSet> zones)
{
    m_current.store(std::move(zones), std::memory_order_release);
    m_generation.fetch_add(1, std::memory_order_acq_rel);
}

} // namespace reg::dns
