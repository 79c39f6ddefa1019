#include "zonetransferservice.h"

#include "messagewriter.h"

#include <QLoggingCategory>

#include <variant>
#include <vector>

Q_LOGGING_CATEGORY(lcDnsTransfer, "registry.dns.transfer", QtInfoMsg)

namespace reg::dns {

namespace {

constexpr std::size_t kSoaTimersLength = 20;   // serial, refresh, retry, expire, minimum (RFC 1035 3.3.13)

// One record to put on the wire; the pointers stay valid while the stream holds its zone.
struct RecordRef
{
    const std::uint8_t *owner = nullptr;
    std::size_t ownerLength = 0;
    std::uint16_t type = 0;
    std::uint32_t ttl = 0;
    const std::uint8_t *rdata = nullptr;
    std::uint16_t rdataLength = 0;
};

// The apex SOA with another serial: the SOAs that frame each IXFR delta.
QByteArray soaWithSerial(const QByteArray &rdata, std::uint32_t serial)
{
    QByteArray out = rdata;
    if (out.size() >= qsizetype(kSoaTimersLength)) {
        const qsizetype at = out.size() - qsizetype(kSoaTimersLength);
        out[at] = char(serial >> 24);
        out[at + 1] = char(serial >> 16);
        out[at + 2] = char(serial >> 8);
        out[at + 3] = char(serial);
    }
    return out;
}

bool serialNewer(std::uint32_t a, std::uint32_t b)   // RFC 1982: a is newer than b
{
    return a != b && std::uint32_t(a - b) < 0x80000000u;
}

// The records of a transfer in order, produced one at a time: a list of steps, each an SOA with
// a given serial, a list of delta records, or every record of the zone except the apex SOA.
class RecordSequence
{
public:
    explicit RecordSequence(std::shared_ptr<const Zone> zone) : m_zone(std::move(zone))
    {
        const RRsetView soa = m_zone->apexNode().rrset(RRType::SOA);
        m_soaTtl = soa.ttl();
        soa.forEachRdata([this](const std::uint8_t *data, std::uint16_t length) {
            m_soaRdata = QByteArray(reinterpret_cast<const char *>(data), length);
        });
    }

    void addSoa(std::uint32_t serial) { m_steps.emplace_back(SoaStep{soaWithSerial(m_soaRdata, serial)}); }
    void addRecords(const QList<ZoneRecord> *records) { m_steps.emplace_back(ListStep{records, 0}); }
    void addWholeZone()
    {
        WholeZoneStep step;
        step.nodes.reserve(m_zone->nodeCount());
        step.nodes.push_back(&m_zone->apexNode());
        m_zone->forEachNode([&step](const ZoneNode &node) {
            if (!node.isEmptyNonTerminal())
                step.nodes.push_back(&node);
        });
        m_steps.emplace_back(std::move(step));
    }

    // The next record, or false at the end.
    bool next(RecordRef &out)
    {
        while (m_step < m_steps.size()) {
            if (nextOf(m_steps[m_step], out))
                return true;
            ++m_step;
        }
        return false;
    }

private:
    struct SoaStep
    {
        QByteArray rdata;
        bool done = false;
    };
    struct ListStep
    {
        const QList<ZoneRecord> *records;
        qsizetype index;
    };
    struct WholeZoneStep
    {
        std::vector<const ZoneNode *> nodes;
        std::size_t node = 0;
        int rrset = 0;
        int rdata = 0;
    };
    using Step = std::variant<SoaStep, ListStep, WholeZoneStep>;

    bool nextOf(Step &step, RecordRef &out)
    {
        if (auto *soa = std::get_if<SoaStep>(&step)) {
            if (soa->done)
                return false;
            soa->done = true;
            out = {m_zone->apex().data(), m_zone->apex().size(), RRType::SOA, m_soaTtl,
                   reinterpret_cast<const std::uint8_t *>(soa->rdata.constData()), std::uint16_t(soa->rdata.size())};
            return true;
        }
        if (auto *list = std::get_if<ListStep>(&step)) {
            while (list->index < list->records->size()) {
                const ZoneRecord &r = list->records->at(list->index++);
                if (r.type == RRType::SOA)
                    continue;   // the framing SOAs are ours
                out = {r.owner.data(), r.owner.size(), r.type, r.ttl, reinterpret_cast<const std::uint8_t *>(r.rdata.constData()),
                       std::uint16_t(r.rdata.size())};
                return true;
            }
            return false;
        }
        auto &whole = std::get<WholeZoneStep>(step);
        while (whole.node < whole.nodes.size()) {
            const ZoneNode &node = *whole.nodes[whole.node];
            while (whole.rrset < node.rrsetCount()) {
                const RRsetView rrset = node.rrsetAt(whole.rrset);
                if (rrset.type() != RRType::SOA && whole.rdata < rrset.count()) {
                    // RRsetView walks its items in order only; sets are small, so skipping is cheap.
                    int index = 0;
                    rrset.forEachRdata([&](const std::uint8_t *data, std::uint16_t length) {
                        if (index++ == whole.rdata)
                            out = {node.owner(), node.ownerLength(), rrset.type(), rrset.ttl(), data, length};
                    });
                    ++whole.rdata;
                    return true;
                }
                ++whole.rrset;
                whole.rdata = 0;
            }
            ++whole.node;
            whole.rrset = 0;
        }
        return false;
    }

    std::shared_ptr<const Zone> m_zone;
    QByteArray m_soaRdata;
    std::uint32_t m_soaTtl = 0;
    std::vector<Step> m_steps;
    std::size_t m_step = 0;
};

// The framing every transfer message shares, and its TSIG signature.
struct MessageFrame
{
    std::uint16_t id = 0;
    std::uint16_t flags = 0;                  // QR, AA, RD copied
    QByteArray qname;                         // as the client sent it
    std::uint16_t qtype = 0;
    std::uint16_t qclass = 0;
    std::unique_ptr<TsigSession> tsig;        // null: unsigned
    const Clock *clock = nullptr;

    std::size_t sign(std::uint8_t *buffer, std::size_t size, std::size_t capacity) const
    {
        if (!tsig)
            return size;
        return tsig->sign(buffer, size, capacity, std::uint64_t(clock->now().toSecsSinceEpoch()));
    }
};

// A stream of exactly one message: a refusal, an error, or the SOA of a client that is current.
class SingleMessageStream final : public TransferStream
{
public:
    explicit SingleMessageStream(QByteArray message) : m_message(std::move(message)) {}
    bool next(QByteArray &message) override
    {
        if (m_sent || m_message.isEmpty())
            return false;
        m_sent = true;
        message = m_message;
        return true;
    }

private:
    QByteArray m_message;
    bool m_sent = false;
};

// A whole transfer: as many records per message as fit in 64 KiB, compressed.
class RecordStream final : public TransferStream
{
public:
    RecordStream(MessageFrame frame, RecordSequence records) : m_frame(std::move(frame)), m_records(std::move(records)) {}

    bool next(QByteArray &message) override
    {
        if (m_done)
            return false;
        message.resize(qsizetype(kMaxTcpMessage));
        auto *buffer = reinterpret_cast<std::uint8_t *>(message.data());
        MessageWriter writer(buffer, kMaxTcpMessage);
        writer.setId(m_frame.id);
        writer.setFlags(m_frame.flags);
        const std::size_t tsigSpace = m_frame.tsig ? m_frame.tsig->recordSpace() : 0;
        writer.reserveTail(tsigSpace);
        if (m_first) {
            // RFC 5936 2.2: the question goes in the first message.
            writer.addQuestion(reinterpret_cast<const std::uint8_t *>(m_frame.qname.constData()), std::size_t(m_frame.qname.size()),
                               m_frame.qtype, m_frame.qclass);
            m_first = false;
        }
        int added = 0;
        for (;;) {
            if (!m_hasPending && !(m_hasPending = m_records.next(m_pending))) {
                m_done = true;
                break;
            }
            if (!writer.addRecord(MessageWriter::Section::Answer, m_pending.owner, m_pending.ownerLength, m_pending.type,
                                  RRClass::IN, m_pending.ttl, m_pending.rdata, m_pending.rdataLength)) {
                if (added == 0) {
                    // A record larger than a whole message: cannot happen with RDATA under 64 KiB
                    // and a name under 256 bytes, but never loop on it.
                    writer.setFlags(m_frame.flags | Rcode::ServFail);
                    m_done = true;
                }
                break;
            }
            m_hasPending = false;
            ++added;
        }
        writer.releaseTail(tsigSpace);
        std::size_t size = writer.finish();
        size = m_frame.sign(buffer, size, kMaxTcpMessage);
        if (size == 0) {
            m_done = true;
            return false;
        }
        message.resize(qsizetype(size));
        return true;
    }

private:
    MessageFrame m_frame;
    RecordSequence m_records;
    RecordRef m_pending;
    bool m_hasPending = false;
    bool m_first = true;
    bool m_done = false;
};

QByteArray singleMessage(const MessageFrame &frame, std::uint16_t rcode, const RecordRef *soa = nullptr)
{
    QByteArray message(512 + 1024, Qt::Uninitialized);
    auto *buffer = reinterpret_cast<std::uint8_t *>(message.data());
    const std::size_t capacity = std::size_t(message.size());
    MessageWriter writer(buffer, capacity);
    writer.setId(frame.id);
    writer.setFlags(std::uint16_t(frame.flags | (rcode & 0x0f)));
    const std::size_t tsigSpace = frame.tsig ? frame.tsig->recordSpace() : 0;
    writer.reserveTail(tsigSpace);
    if (!frame.qname.isEmpty())
        writer.addQuestion(reinterpret_cast<const std::uint8_t *>(frame.qname.constData()), std::size_t(frame.qname.size()), frame.qtype,
                           frame.qclass);
    if (soa)
        writer.addRecord(MessageWriter::Section::Answer, soa->owner, soa->ownerLength, soa->type, RRClass::IN, soa->ttl, soa->rdata,
                         soa->rdataLength);
    writer.releaseTail(tsigSpace);
    std::size_t size = writer.finish();
    size = frame.sign(buffer, size, capacity);
    message.resize(qsizetype(size));
    return message;
}

const char *checkName(TsigSession::Check check)
{
    switch (check) {
    case TsigSession::Check::Ok:
        return "ok";
    case TsigSession::Check::FormErr:
        return "malformed TSIG";
    case TsigSession::Check::BadKey:
        return "BADKEY";
    case TsigSession::Check::BadSig:
        return "BADSIG";
    case TsigSession::Check::BadTime:
        return "BADTIME";
    case TsigSession::Check::BadTrunc:
        return "BADTRUNC";
    }
    return "?";
}

} // namespace

ZoneTransfers::ZoneTransfers(const DnsConfig &config, std::shared_ptr<const TsigKeyring> keyring, const Clock &clock)
    : m_allowed(config.transferAllowed)
    , m_requireTsig(config.requireTsig)
    , m_keyring(keyring ? std::move(keyring) : std::make_shared<const TsigKeyring>())
    , m_clock(clock)
{
}

Result<std::shared_ptr<const TsigKeyring>> ZoneTransfers::loadKeyring(const DnsConfig &config)
{
    if (config.tsigKeyFile.isEmpty()) {
        if (!config.notifyKey.isEmpty())
            return Error(ErrorCode::InvalidInput, QStringLiteral("[dns] notify_key is set but tsig_key_file is not"));
        return std::make_shared<const TsigKeyring>();
    }
    Result<TsigKeyring> ring = TsigKeyring::loadFile(config.tsigKeyFile);
    if (!ring)
        return ring.error();
    if (!config.notifyKey.isEmpty()) {
        Result<DnsName> name = DnsName::fromText(config.notifyKey);
        if (!name || !ring->find(*name))
            return Error(ErrorCode::InvalidInput,
                         QStringLiteral("[dns] notify_key %1 is not in %2").arg(config.notifyKey, config.tsigKeyFile));
    }
    return std::make_shared<const TsigKeyring>(std::move(*ring));
}

bool ZoneTransfers::allowed(const QHostAddress &peer) const
{
    for (const QHostAddress &address : m_allowed) {
        if (peer.isEqual(address, QHostAddress::ConvertV4MappedToIPv4))
            return true;
    }
    return false;
}

std::unique_ptr<TransferStream> ZoneTransfers::start(const std::uint8_t *packet, std::size_t size, const ParsedRequest &request,
                                                     const QHostAddress &peer, std::shared_ptr<const ZoneSet> zones)
{
    if (request.questionCount != 1 || (request.qtype != RRType::AXFR && request.qtype != RRType::IXFR))
        return nullptr;   // not a transfer: the responder answers it

    MessageFrame frame;
    frame.id = request.id;
    frame.flags = std::uint16_t(HeaderFlag::QR | HeaderFlag::AA | (request.flags & HeaderFlag::RD));
    frame.qname = QByteArray(reinterpret_cast<const char *>(request.qname), request.qnameLength);
    frame.qtype = request.qtype;
    frame.qclass = request.qclass;
    frame.clock = &m_clock;
    const char *kind = request.qtype == RRType::AXFR ? "AXFR" : "IXFR";
    const QString peerText = peer.toString();

    const auto refuse = [&](std::uint16_t rcode, const char *why) {
        qCInfo(lcDnsTransfer, "%s from %s refused: %s", kind, qPrintable(peerText), why);
        return std::make_unique<SingleMessageStream>(singleMessage(frame, rcode));
    };

    if (!allowed(peer))
        return refuse(Rcode::Refused, "address not in transfer_allowed");
    if (request.tsigOffset != 0) {
        auto session = std::make_unique<TsigSession>(TsigSession::verifyRequest(
            *m_keyring, packet, size, request.tsigOffset, std::uint64_t(m_clock.now().toSecsSinceEpoch())));
        const TsigSession::Check check = session->check();
        if (check == TsigSession::Check::FormErr)
            return refuse(Rcode::FormErr, checkName(check));
        frame.tsig = std::move(session);
        if (check != TsigSession::Check::Ok)
            return refuse(Rcode::NotAuth, checkName(check));   // 5.3.2: the TSIG error goes in the record
    } else if (m_requireTsig) {
        return refuse(Rcode::Refused, "not signed with TSIG (require_tsig)");
    }
    if (request.qclass != RRClass::IN)
        return refuse(Rcode::NotAuth, "not class IN");

    Result<DnsName> apex = DnsName::fromWire(frame.qname);
    std::shared_ptr<const Zone> zone = apex && zones ? zones->zone(apex->lowered()) : nullptr;
    if (!zone)
        return refuse(Rcode::NotAuth, "not a zone served here");

    RecordSequence records(zone);
    const std::uint32_t serial = zone->serial();
    if (request.qtype == RRType::IXFR) {
        if (!request.hasIxfrSerial)
            return refuse(Rcode::FormErr, "IXFR without the client's SOA");
        const std::uint32_t clientSerial = request.ixfrSerial;
        if (clientSerial == serial || serialNewer(clientSerial, serial)) {
            // RFC 1995 2: a client that is current gets just our SOA.
            records.addSoa(serial);
            qCDebug(lcDnsTransfer, "IXFR from %s: %s is current at %u", qPrintable(peerText), qPrintable(zone->apex().toText()), serial);
            return std::make_unique<RecordStream>(std::move(frame), std::move(records));
        }
        const auto &history = zone->history();
        std::size_t first = history.size();
        for (std::size_t i = 0; i < history.size(); ++i) {
            if (history[i]->fromSerial == clientSerial) {
                first = i;
                break;
            }
        }
        bool chained = first < history.size() && history.back()->toSerial == serial;
        for (std::size_t i = first; chained && i + 1 < history.size(); ++i)
            chained = history[i]->toSerial == history[i + 1]->fromSerial;
        if (chained) {
            records.addSoa(serial);
            for (std::size_t i = first; i < history.size(); ++i) {
                records.addSoa(history[i]->fromSerial);
                records.addRecords(&history[i]->removed);
                records.addSoa(history[i]->toSerial);
                records.addRecords(&history[i]->added);
            }
            records.addSoa(serial);
            qCInfo(lcDnsTransfer, "IXFR of %s to %s: %u -> %u in %d deltas", qPrintable(zone->apex().toText()), qPrintable(peerText),
                   clientSerial, serial, int(history.size() - first));
            return std::make_unique<RecordStream>(std::move(frame), std::move(records));
        }
        qCInfo(lcDnsTransfer, "IXFR of %s to %s: history does not reach %u, sending the whole zone", qPrintable(zone->apex().toText()),
               qPrintable(peerText), clientSerial);
    } else {
        qCInfo(lcDnsTransfer, "AXFR of %s (serial %u, %zu names) to %s", qPrintable(zone->apex().toText()), serial, zone->nodeCount(),
               qPrintable(peerText));
    }
    // AXFR, and the AXFR form of an IXFR answer (RFC 1995 4): SOA, every record, SOA.
    records.addSoa(serial);
    records.addWholeZone();
    records.addSoa(serial);
    return std::make_unique<RecordStream>(std::move(frame), std::move(records));
}

} // namespace reg::dns
