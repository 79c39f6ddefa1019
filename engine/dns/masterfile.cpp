#include "masterfile.h"

#include <QHostAddress>

#include <algorithm>

namespace reg::dns {

namespace {

std::uint32_t readU32(const QByteArray &data, qsizetype at)
{
    const auto *p = reinterpret_cast<const std::uint8_t *>(data.constData()) + at;
    return std::uint32_t(p[0]) << 24 | std::uint32_t(p[1]) << 16 | std::uint32_t(p[2]) << 8 | p[3];
}

std::uint16_t readU16(const QByteArray &data, qsizetype at)
{
    const auto *p = reinterpret_cast<const std::uint8_t *>(data.constData()) + at;
    return std::uint16_t(p[0] << 8 | p[1]);
}

// The names at the start of some RDATA, one after the other; empty when one is malformed.
QList<DnsName> leadingNames(const QByteArray &rdata, int count, qsizetype *consumed)
{
    QList<DnsName> names;
    qsizetype pos = 0;
    for (int i = 0; i < count; ++i) {
        const std::size_t length = WireName::validLength(reinterpret_cast<const std::uint8_t *>(rdata.constData()) + pos,
                                                         std::size_t(rdata.size() - pos));
        if (length == 0)
            return {};
        names.append(*DnsName::fromWire(rdata.mid(pos, qsizetype(length))));
        pos += qsizetype(length);
    }
    *consumed = pos;
    return names;
}

QString typeName(std::uint16_t type)
{
    switch (type) {
    case RRType::A: return QStringLiteral("A");
    case RRType::NS: return QStringLiteral("NS");
    case RRType::CNAME: return QStringLiteral("CNAME");
    case RRType::SOA: return QStringLiteral("SOA");
    case RRType::PTR: return QStringLiteral("PTR");
    case RRType::MX: return QStringLiteral("MX");
    case RRType::TXT: return QStringLiteral("TXT");
    case RRType::AAAA: return QStringLiteral("AAAA");
    case RRType::DS: return QStringLiteral("DS");
    default: return QStringLiteral("TYPE%1").arg(type);
    }
}

QString generic(const QByteArray &rdata)
{
    // RFC 3597 5: "\# length hex".
    return rdata.isEmpty() ? QStringLiteral("\\# 0") : QStringLiteral("\\# %1 %2").arg(rdata.size()).arg(QString::fromLatin1(rdata.toHex()));
}

} // namespace

QString MasterFileWriter::rdataText(std::uint16_t type, const QByteArray &rdata)
{
    switch (type) {
    case RRType::A:
        if (rdata.size() == 4)
            return QHostAddress(readU32(rdata, 0)).toString();
        break;
    case RRType::AAAA:
        if (rdata.size() == 16)
            return QHostAddress(reinterpret_cast<const quint8 *>(rdata.constData())).toString();
        break;
    case RRType::NS:
    case RRType::CNAME:
    case RRType::PTR: {
        qsizetype used = 0;
        const QList<DnsName> names = leadingNames(rdata, 1, &used);
        if (!names.isEmpty() && used == rdata.size())
            return names.first().toText();
        break;
    }
    case RRType::SOA: {
        qsizetype used = 0;
        const QList<DnsName> names = leadingNames(rdata, 2, &used);
        if (names.size() == 2 && rdata.size() - used == 20) {
            return QStringLiteral("%1 %2 %3 %4 %5 %6 %7")
                .arg(names[0].toText(), names[1].toText())
                .arg(readU32(rdata, used))
                .arg(readU32(rdata, used + 4))
                .arg(readU32(rdata, used + 8))
                .arg(readU32(rdata, used + 12))
                .arg(readU32(rdata, used + 16));
        }
        break;
    }
    case RRType::DS:
        if (rdata.size() > 4) {
            return QStringLiteral("%1 %2 %3 %4")
                .arg(readU16(rdata, 0))
                .arg(std::uint8_t(rdata[2]))
                .arg(std::uint8_t(rdata[3]))
                .arg(QString::fromLatin1(rdata.mid(4).toHex().toUpper()));
        }
        break;
    default:
        break;
    }
    return generic(rdata);
}

QString MasterFileWriter::recordText(const ZoneRecord &record)
{
    // A record whose RDATA did not parse as its type goes out in the generic form with a generic
    // type, so a reader never misparses it.
    QString rdata = rdataText(record.type, record.rdata);
    const QString type = rdata.startsWith(u"\\#") ? QStringLiteral("TYPE%1").arg(record.type) : typeName(record.type);
    return QStringLiteral("%1\t%2\tIN\t%3\t%4").arg(record.owner.toText()).arg(record.ttl).arg(type, rdata);
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
