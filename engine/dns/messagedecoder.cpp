#include "messagedecoder.h"

#include <optional>

namespace reg::dns {

namespace {

constexpr int kMaxPointerHops = int(kMaxLabels);

inline std::uint16_t get16(const std::uint8_t *p)
{
    return std::uint16_t((std::uint16_t(p[0]) << 8) | p[1]);
}

inline std::uint32_t get32(const std::uint8_t *p)
{
    return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) | p[3];
}

Error malformed(const QString &what, std::size_t offset)
{
    return Error(ErrorCode::InvalidInput, QStringLiteral("malformed DNS message at byte %1: %2").arg(offset).arg(what));
}

// The bytes of one message (or one RDATA on its own, for rdataToText), read with every offset
// checked. Names may be compressed only where allowPointers says so.
struct Source
{
    const std::uint8_t *data;
    std::size_t size;
    std::size_t minPointerTarget;   // the header when decoding a message; 0 for a lone RDATA
};

// Reads a name starting at pos whose in-place part must end by end; pos moves past it. Pointers
// must point strictly before the part of the name that holds them, so every hop goes backwards
// and no loop is possible; the hop count and the 255-byte limit bound the work besides.
Result<DnsName> readName(const Source &src, std::size_t &pos, std::size_t end, bool allowPointers)
{
    QByteArray wire;
    std::size_t p = pos;
    std::size_t segmentStart = pos;
    std::size_t limit = end;
    bool jumped = false;
    int hops = 0;
    for (;;) {
        if (p >= limit)
            return malformed(QStringLiteral("a name runs past the end"), p);
        const std::uint8_t b = src.data[p];
        if ((b & 0xC0) == 0xC0) {
            if (!allowPointers)
                return malformed(QStringLiteral("a compressed name where compression is not allowed"), p);
            if (p + 1 >= limit)
                return malformed(QStringLiteral("a compression pointer runs past the end"), p);
            const std::size_t target = get16(src.data + p) & 0x3FFF;
            if (target >= segmentStart || target < src.minPointerTarget)
                return malformed(QStringLiteral("a compression pointer that does not point backwards (to %1)").arg(target), p);
            if (++hops > kMaxPointerHops)
                return malformed(QStringLiteral("too many compression pointers in one name"), p);
            if (!jumped) {
                pos = p + 2;
                jumped = true;
            }
            p = target;
            segmentStart = target;
            limit = src.size;
            continue;
        }
        if (b > kMaxLabelLength)
            return malformed(QStringLiteral("a label type that is not defined (0x%1)").arg(b, 2, 16, QLatin1Char('0')), p);
        if (p + 1 + b > limit)
            return malformed(QStringLiteral("a label runs past the end"), p);
        if (std::size_t(wire.size()) + 1 + b > kMaxNameWireLength)
            return malformed(QStringLiteral("a name longer than 255 bytes"), p);
        wire.append(reinterpret_cast<const char *>(src.data + p), 1 + b);
        p += 1 + std::size_t(b);
        if (b == 0) {
            if (!jumped)
                pos = p;
            break;
        }
    }
    return DnsName::fromWire(wire);
}

QByteArray bytes(const std::uint8_t *data, std::size_t length)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(length));
}

// Decodes the RDATA at [start, start + length) of src into record.data and record.rdata.
std::optional<Error> decodeRData(const Source &src, std::size_t start, std::size_t length, bool allowPointers,
                                 DnsRecord &record)
{
    const std::size_t end = start + length;
    const std::uint8_t *r = src.data + start;
    const auto wrongLength = [&] {
        return malformed(QStringLiteral("RDATA of type %1 does not fill its %2 bytes").arg(typeName(record.type)).arg(length),
                         start);
    };
    record.rdata = bytes(r, length);
    record.data = RawRData{};
    switch (record.type) {
    case RRType::A:
        if (length != 4)
            return wrongLength();
        record.data = AddressRData{QHostAddress(get32(r))};
        return std::nullopt;
    case RRType::AAAA:
        if (length != 16)
            return wrongLength();
        record.data = AddressRData{QHostAddress(r)};
        return std::nullopt;
    case RRType::NS:
    case RRType::CNAME:
    case RRType::PTR: {
        std::size_t pos = start;
        auto name = readName(src, pos, end, allowPointers);
        if (!name)
            return name.error();
        if (pos != end)
            return wrongLength();
        record.rdata = name->wire();
        record.data = NameRData{*name};
        return std::nullopt;
    }
    case RRType::MX: {
        if (length < 3)
            return wrongLength();
        std::size_t pos = start + 2;
        auto name = readName(src, pos, end, allowPointers);
        if (!name)
            return name.error();
        if (pos != end)
            return wrongLength();
        record.rdata = bytes(r, 2) + name->wire();
        record.data = MxRData{get16(r), *name};
        return std::nullopt;
    }
    case RRType::SOA: {
        std::size_t pos = start;
        auto mname = readName(src, pos, end, allowPointers);
        if (!mname)
            return mname.error();
        auto rname = readName(src, pos, end, allowPointers);
        if (!rname)
            return rname.error();
        if (end - pos != 20)
            return wrongLength();
        const std::uint8_t *t = src.data + pos;
        record.rdata = mname->wire() + rname->wire() + bytes(t, 20);
        record.data = SoaRData{*mname, *rname, get32(t), get32(t + 4), get32(t + 8), get32(t + 12), get32(t + 16)};
        return std::nullopt;
    }
    case RRType::DS:
        if (length < 5)
            return wrongLength();
        record.data = DsRData{get16(r), r[2], r[3], bytes(r + 4, length - 4)};
        return std::nullopt;
    case RRType::OPT: {
        OptRData opt;
        std::size_t pos = 0;
        while (pos < length) {
            if (length - pos < 4)
                return wrongLength();
            const std::size_t optionLength = get16(r + pos + 2);
            if (optionLength > length - pos - 4)
                return wrongLength();
            opt.options.append(EdnsOption{get16(r + pos), bytes(r + pos + 4, optionLength)});
            pos += 4 + optionLength;
        }
        record.data = std::move(opt);
        return std::nullopt;
    }
    case RRType::TSIG: {
        // RFC 8945 4.2: the algorithm name is never compressed.
        std::size_t pos = start;
        auto algorithm = readName(src, pos, end, false);
        if (!algorithm)
            return algorithm.error();
        TsigRData tsig;
        tsig.algorithm = *algorithm;
        if (end - pos < 10)
            return wrongLength();
        const std::uint8_t *t = src.data + pos;
        tsig.timeSigned = (std::uint64_t(get16(t)) << 32) | get32(t + 2);
        tsig.fudge = get16(t + 6);
        const std::size_t macSize = get16(t + 8);
        pos += 10;
        if (end - pos < macSize + 6)
            return wrongLength();
        tsig.mac = bytes(src.data + pos, macSize);
        pos += macSize;
        tsig.originalId = get16(src.data + pos);
        tsig.error = get16(src.data + pos + 2);
        const std::size_t otherLength = get16(src.data + pos + 4);
        pos += 6;
        if (end - pos != otherLength)
            return wrongLength();
        tsig.otherData = bytes(src.data + pos, otherLength);
        record.data = std::move(tsig);
        return std::nullopt;
    }
    default:
        return std::nullopt;
    }
}

std::optional<Error> readRecord(const Source &src, std::size_t &pos, DnsRecord &record)
{
    record.offset = pos;
    auto owner = readName(src, pos, src.size, true);
    if (!owner)
        return owner.error();
    record.owner = *owner;
    if (src.size - pos < 10)
        return malformed(QStringLiteral("a record's fixed fields run past the end"), pos);
    const std::uint8_t *f = src.data + pos;
    record.type = get16(f);
    record.klass = get16(f + 2);
    record.ttl = get32(f + 4);
    const std::size_t length = get16(f + 8);
    pos += 10;
    if (src.size - pos < length)
        return malformed(QStringLiteral("RDATA runs past the end"), pos);
    if (auto error = decodeRData(src, pos, length, true, record))
        return error;
    pos += length;
    return std::nullopt;
}

QString hex(const QByteArray &data)
{
    return QString::fromLatin1(data.toHex().toUpper());
}

QString genericRData(const QByteArray &rdata)
{
    if (rdata.isEmpty())
        return QStringLiteral("\\# 0");
    return QStringLiteral("\\# %1 %2").arg(rdata.size()).arg(hex(rdata));
}

// TXT's character-strings, quoted with '"' and '\' escaped and non-printables as \DDD.
std::optional<QString> txtText(const QByteArray &rdata)
{
    QString out;
    qsizetype pos = 0;
    while (pos < rdata.size()) {
        const qsizetype length = std::uint8_t(rdata[pos]);
        if (pos + 1 + length > rdata.size())
            return std::nullopt;
        if (!out.isEmpty())
            out += u' ';
        out += u'"';
        for (qsizetype i = pos + 1; i <= pos + length; ++i) {
            const std::uint8_t c = std::uint8_t(rdata[i]);
            if (c == '"' || c == '\\') {
                out += u'\\';
                out += QLatin1Char(char(c));
            } else if (c < 0x20 || c > 0x7e) {
                out += QStringLiteral("\\%1").arg(int(c), 3, 10, QLatin1Char('0'));
            } else {
                out += QLatin1Char(char(c));
            }
        }
        out += u'"';
        pos += 1 + length;
    }
    if (out.isEmpty())
        return std::nullopt;
    return out;
}

QString decodedText(const DnsRecord &record)
{
    if (const auto *a = std::get_if<AddressRData>(&record.data))
        return a->address.toString();
    if (const auto *n = std::get_if<NameRData>(&record.data))
        return n->name.toText();
    if (const auto *mx = std::get_if<MxRData>(&record.data))
        return QString::number(mx->preference) + u' ' + mx->exchange.toText();
    // Names are joined, never passed through arg(): a name may contain "%1".
    if (const auto *soa = std::get_if<SoaRData>(&record.data))
        return soa->mname.toText() + u' ' + soa->rname.toText()
               + QStringLiteral(" %1 %2 %3 %4 %5").arg(soa->serial).arg(soa->refresh).arg(soa->retry).arg(soa->expire).arg(soa->minimum);
    if (const auto *ds = std::get_if<DsRData>(&record.data))
        return QStringLiteral("%1 %2 %3 %4").arg(ds->keyTag).arg(ds->algorithm).arg(ds->digestType).arg(hex(ds->digest));
    if (const auto *tsig = std::get_if<TsigRData>(&record.data)) {
        QString text = tsig->algorithm.toText()
                       + QStringLiteral(" %1 %2 %3 %4 %5 %6 %7")
                           .arg(tsig->timeSigned)
                           .arg(tsig->fudge)
                           .arg(tsig->mac.size())
                           .arg(QString::fromLatin1(tsig->mac.toBase64()))
                           .arg(tsig->originalId)
                           .arg(tsig->error)
                           .arg(tsig->otherData.size());
        if (!tsig->otherData.isEmpty())
            text += u' ' + QString::fromLatin1(tsig->otherData.toBase64());
        return text;
    }
    if (record.type == RRType::TXT) {
        if (auto text = txtText(record.rdata))
            return *text;
    }
    return genericRData(record.rdata);
}

} // namespace

std::uint16_t DnsMessage::rcode() const
{
    std::uint16_t code = flags & 0x000F;
    if (const DnsRecord *edns = opt())
        code |= std::uint16_t(edns->extendedRcode()) << 4;
    return code;
}

const DnsRecord *DnsMessage::opt() const
{
    for (const DnsRecord &record : additional) {
        if (record.type == RRType::OPT)
            return &record;
    }
    return nullptr;
}

const DnsRecord *DnsMessage::tsig() const
{
    if (!additional.isEmpty() && additional.last().type == RRType::TSIG)
        return &additional.last();
    return nullptr;
}

Result<DnsMessage> decodeMessage(const std::uint8_t *data, std::size_t size)
{
    if (data == nullptr || size < kHeaderSize)
        return malformed(QStringLiteral("shorter than the 12-byte header"), 0);
    if (size > kMaxTcpMessage)
        return malformed(QStringLiteral("longer than 65535 bytes"), 0);
    const Source src{data, size, kHeaderSize};
    DnsMessage message;
    message.id = get16(data);
    message.flags = get16(data + 2);
    const std::uint16_t counts[4] = {get16(data + 4), get16(data + 6), get16(data + 8), get16(data + 10)};
    // Every question takes at least 5 bytes and every record 11: a count the size cannot hold
    // is refused before anything is reserved for it.
    const std::size_t minimum = kHeaderSize + 5 * std::size_t(counts[0])
                                + 11 * (std::size_t(counts[1]) + counts[2] + counts[3]);
    if (minimum > size)
        return malformed(QStringLiteral("the header's counts need more bytes than the message has"), 4);

    std::size_t pos = kHeaderSize;
    message.questions.reserve(counts[0]);
    for (std::uint16_t i = 0; i < counts[0]; ++i) {
        auto name = readName(src, pos, size, true);
        if (!name)
            return name.error();
        if (size - pos < 4)
            return malformed(QStringLiteral("a question's type and class run past the end"), pos);
        message.questions.append(DnsQuestion{*name, get16(data + pos), get16(data + pos + 2)});
        pos += 4;
    }
    QList<DnsRecord> *sections[3] = {&message.answers, &message.authority, &message.additional};
    for (int s = 0; s < 3; ++s) {
        sections[s]->reserve(counts[s + 1]);
        for (std::uint16_t i = 0; i < counts[s + 1]; ++i) {
            DnsRecord record;
            if (auto error = readRecord(src, pos, record))
                return *error;
            sections[s]->append(std::move(record));
        }
    }
    if (pos != size)
        return malformed(QStringLiteral("%1 bytes after the last record").arg(size - pos), pos);
    return message;
}

Result<DnsMessage> decodeMessage(const QByteArray &wire)
{
    return decodeMessage(reinterpret_cast<const std::uint8_t *>(wire.constData()), std::size_t(wire.size()));
}

QString typeName(std::uint16_t type)
{
    switch (type) {
    case RRType::A: return QStringLiteral("A");
    case RRType::NS: return QStringLiteral("NS");
    case RRType::CNAME: return QStringLiteral("CNAME");
    case RRType::SOA: return QStringLiteral("SOA");
    case RRType::PTR: return QStringLiteral("PTR");
    case 13: return QStringLiteral("HINFO");
    case RRType::MX: return QStringLiteral("MX");
    case RRType::TXT: return QStringLiteral("TXT");
    case RRType::AAAA: return QStringLiteral("AAAA");
    case 33: return QStringLiteral("SRV");
    case RRType::OPT: return QStringLiteral("OPT");
    case RRType::DS: return QStringLiteral("DS");
    case RRType::RRSIG: return QStringLiteral("RRSIG");
    case RRType::NSEC: return QStringLiteral("NSEC");
    case RRType::DNSKEY: return QStringLiteral("DNSKEY");
    case 50: return QStringLiteral("NSEC3");
    case 51: return QStringLiteral("NSEC3PARAM");
    case 59: return QStringLiteral("CDS");
    case 60: return QStringLiteral("CDNSKEY");
    case RRType::TSIG: return QStringLiteral("TSIG");
    case RRType::IXFR: return QStringLiteral("IXFR");
    case RRType::AXFR: return QStringLiteral("AXFR");
    case RRType::ANY: return QStringLiteral("ANY");
    case 257: return QStringLiteral("CAA");
    default: return QStringLiteral("TYPE%1").arg(type);
    }
}

QString className(std::uint16_t klass)
{
    switch (klass) {
    case RRClass::IN: return QStringLiteral("IN");
    case RRClass::CH: return QStringLiteral("CH");
    case 4: return QStringLiteral("HS");
    case RRClass::NONE: return QStringLiteral("NONE");
    case RRClass::ANY: return QStringLiteral("ANY");
    default: return QStringLiteral("CLASS%1").arg(klass);
    }
}

QString toText(const DnsRecord &record)
{
    return record.owner.toText() + u'\t' + QString::number(record.ttl) + u'\t' + className(record.klass) + u'\t'
           + typeName(record.type) + u'\t' + decodedText(record);
}

QString rdataToText(std::uint16_t type, const QByteArray &rdata)
{
    // A zone's RDATA is uncompressed; anything that does not decode falls back to the generic form.
    const Source src{reinterpret_cast<const std::uint8_t *>(rdata.constData()), std::size_t(rdata.size()), 0};
    DnsRecord record;
    record.type = type;
    if (decodeRData(src, 0, src.size, false, record))
        return genericRData(rdata);
    return decodedText(record);
}

QString recordToText(const DnsName &owner, std::uint32_t ttl, std::uint16_t klass, std::uint16_t type,
                     const QByteArray &rdata)
{
    return owner.toText() + u'\t' + QString::number(ttl) + u'\t' + className(klass) + u'\t' + typeName(type) + u'\t'
           + rdataToText(type, rdata);
}

} // namespace reg::dns
