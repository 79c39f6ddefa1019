#include "masterfile.h"

#include "messagedecoder.h"

#include <algorithm>

namespace reg::dns {

QString MasterFileWriter::recordText(const ZoneRecord &record)
{
    // The decoder's presentation format: every type a zone holds field by field, anything else in
    // the RFC 3597 generic form, so a reader never misparses it.
    return recordToText(record.owner, record.ttl, RRClass::IN, record.type, record.rdata);
}

Result<void> MasterFileWriter::write(const Zone &zone, QIODevice &out)
{
    const auto emit = [&](const QString &line) -> bool {
        const QByteArray bytes = line.toUtf8() + '\n';
        return out.write(bytes) == bytes.size();
    };
    const ZoneNode &apex = zone.apexNode();
    const RRsetView soa = apex.rrset(RRType::SOA);
    if (soa.isNull())
        return Error(ErrorCode::Internal, QStringLiteral("the zone %1 has no SOA").arg(zone.apex().toText()));
    bool ok = emit(QStringLiteral("; zone %1 serial %2, written by registryd").arg(zone.apex().toText()).arg(zone.serial()))
              && emit(QStringLiteral("$ORIGIN %1").arg(zone.apex().toText()))
              && emit(QStringLiteral("$TTL %1").arg(soa.ttl()));

    // SOA, then the apex NS, then the rest of the apex.
    QList<ZoneRecord> apexRecords = apex.records();
    std::stable_sort(apexRecords.begin(), apexRecords.end(), [](const ZoneRecord &a, const ZoneRecord &b) {
        const auto rank = [](std::uint16_t t) { return t == RRType::SOA ? 0 : t == RRType::NS ? 1 : 2; };
        return rank(a.type) < rank(b.type);
    });
    for (const ZoneRecord &r : std::as_const(apexRecords))
        ok = ok && emit(recordText(r));

    std::vector<const ZoneNode *> nodes;
    nodes.reserve(zone.nodeCount());
    zone.forEachNode([&](const ZoneNode &node) {
        if (!node.isEmptyNonTerminal())
            nodes.push_back(&node);
    });
    std::vector<std::pair<DnsName, const ZoneNode *>> named;
    named.reserve(nodes.size());
    for (const ZoneNode *node : nodes)
        named.emplace_back(node->ownerName(), node);
    std::sort(named.begin(), named.end(), [](const auto &a, const auto &b) { return a.first.canonicalLess(b.first); });
    for (const auto &[owner, node] : named) {
        for (const ZoneRecord &r : node->records())
            ok = ok && emit(recordText(r));
        if (!ok)
            break;
    }
    if (!ok)
        return Error(ErrorCode::Internal, QStringLiteral("writing the zone %1 failed: %2").arg(zone.apex().toText(), out.errorString()));
    return success();
}

} // namespace reg::dns
