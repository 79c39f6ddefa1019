#include "notifier.h"

#include "dnsstatistics.h"
#include "messagewriter.h"
#include "zone.h"

#include <QLoggingCategory>
#include <QNetworkDatagram>
#include <QRandomGenerator>
#include <QUdpSocket>

#include <algorithm>
#include <limits>

Q_LOGGING_CATEGORY(lcDnsNotify, "registry.dns.notify", QtInfoMsg)

namespace reg::dns {

namespace {

constexpr std::size_t kNotifyCapacity = 1024;   // header, question, one SOA and a TSIG fit easily
constexpr int kMaxAnswersPerWakeup = 256;       // a flood of datagrams cannot hold the loop

std::uint16_t read16(const std::uint8_t *p) { return std::uint16_t(p[0] << 8 | p[1]); }

// Skips a possibly compressed name; 0 when it is malformed or runs past size.
std::size_t skipName(const std::uint8_t *m, std::size_t size, std::size_t pos)
{
    for (int labels = 0; pos < size && labels <= int(kMaxLabels); ++labels) {
        const std::uint8_t length = m[pos];
        if ((length & 0xc0) == 0xc0)
            return pos + 2 <= size ? pos + 2 : 0;
        if (length > kMaxLabelLength)
            return 0;
        pos += 1 + std::size_t(length);
        if (length == 0)
            return pos <= size ? pos : 0;
    }
    return 0;
}

// Where the last record of an answer starts (its TSIG when signed), after checking that the
// question is the one we asked and that every record lies within the datagram. 0 on failure.
std::size_t lastRecordOffset(const std::uint8_t *m, std::size_t size, const DnsName &apex, bool &questionMatches)
{
    questionMatches = false;
    if (size < kHeaderSize || read16(m + 4) != 1)
        return 0;
    std::size_t pos = kHeaderSize;
    const std::size_t nameLength = WireName::validLength(m + pos, size - pos);
    if (nameLength == 0 || pos + nameLength + 4 > size)
        return 0;
    questionMatches = nameLength == apex.size() && WireName::equalIgnoringCase(m + pos, apex.data(), nameLength)
                      && read16(m + pos + nameLength) == RRType::SOA && read16(m + pos + nameLength + 2) == RRClass::IN;
    pos += nameLength + 4;
    const int records = read16(m + 6) + read16(m + 8) + read16(m + 10);
    std::size_t last = 0;
    for (int i = 0; i < records; ++i) {
        last = pos;
        pos = skipName(m, size, pos);
        if (pos == 0 || pos + 10 > size)
            return 0;
        pos += 10 + read16(m + pos + 8);
        if (pos > size)
            return 0;
    }
    return pos == size ? last : 0;
}

} // namespace

// One NOTIFY of one zone to one target, until answered or given up.
struct Notifier::Pending
{
    NotifyTarget target;
    DnsName apex;
    std::uint32_t serial = 0;
    std::uint16_t id = 0;
    QByteArray message;                       // sent as is on every attempt
    std::unique_ptr<TsigSession> tsig;        // checks the answer against the request's MAC
    int attempts = 0;
    qint64 dueMs = 0;                         // m_monotonic time of the next attempt
};

Notifier::Notifier(const DnsConfig &config, std::shared_ptr<const TsigKeyring> keyring, const ZonePublisher &publisher,
                   const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_targets(config.notifyTargets)
    , m_keyring(keyring ? std::move(keyring) : std::make_shared<const TsigKeyring>())
    , m_publisher(publisher)
    , m_clock(clock)
{
    if (!config.notifyKey.isEmpty()) {
        if (Result<DnsName> name = DnsName::fromText(config.notifyKey))
            m_key = m_keyring->find(*name);
        if (!m_key)
            qCWarning(lcDnsNotify, "notify_key %s is not in the key file: NOTIFY goes out unsigned", qPrintable(config.notifyKey));
    }
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &Notifier::resendDue);
    m_monotonic.start();
}

Notifier::~Notifier() = default;

void Notifier::setRetryPolicy(int firstRetryMs, int maxAttempts)
{
    m_firstRetryMs = std::max(1, firstRetryMs);
    m_maxAttempts = std::max(1, maxAttempts);
}

bool Notifier::start()
{
    if (m_socket)
        return true;
    m_socket = new QUdpSocket(this);
    if (!m_socket->bind(QHostAddress::Any, 0)) {
        qCWarning(lcDnsNotify, "cannot open the NOTIFY socket: %s", qPrintable(m_socket->errorString()));
        delete m_socket;
        m_socket = nullptr;
        return false;
    }
    connect(m_socket, &QUdpSocket::readyRead, this, &Notifier::readAnswers);
    return true;
}

void Notifier::addCounters(DnsStatisticsSnapshot &snapshot) const
{
    snapshot.notifiesSent += sent();
    snapshot.notifiesFailed += failed();
}

void Notifier::notify(const QList<PublishedZone> &zones)
{
    if (m_targets.isEmpty() || (!m_socket && !start()))
        return;
    const std::shared_ptr<const ZoneSet> current = m_publisher.current();
    for (const PublishedZone &published : zones) {
        // The current version, which may be newer than this publication (a queued burst).
        const std::shared_ptr<const Zone> zone = current ? current->zone(published.apex.lowered()) : nullptr;
        if (!zone)
            continue;
        const RRsetView soa = zone->apexNode().rrset(RRType::SOA);
        if (soa.isNull())
            continue;
        for (const NotifyTarget &target : m_targets) {
            auto pending = std::make_shared<Pending>();
            pending->target = target;
            pending->apex = zone->apex();
            pending->serial = zone->serial();
            pending->id = std::uint16_t(QRandomGenerator::global()->bounded(65536));

            pending->message.resize(qsizetype(kNotifyCapacity));
            auto *buffer = reinterpret_cast<std::uint8_t *>(pending->message.data());
            MessageWriter writer(buffer, kNotifyCapacity);
            writer.setId(pending->id);
            writer.setFlags(std::uint16_t(Opcode::Notify << 11 | HeaderFlag::AA));
            if (m_key) {
                pending->tsig = std::make_unique<TsigSession>(TsigSession::forClient(*m_key));
                writer.reserveTail(pending->tsig->recordSpace());
            }
            bool written = writer.addQuestion(zone->apex().data(), zone->apex().size(), RRType::SOA, RRClass::IN);
            soa.forEachRdata([&](const std::uint8_t *rdata, std::uint16_t length) {
                written = written && writer.addRecord(MessageWriter::Section::Answer, zone->apex().data(), zone->apex().size(),
                                                      RRType::SOA, RRClass::IN, soa.ttl(), rdata, length);
            });
            if (pending->tsig)
                writer.releaseTail(pending->tsig->recordSpace());
            std::size_t size = writer.finish();
            if (written && pending->tsig)
                size = pending->tsig->sign(buffer, size, kNotifyCapacity, std::uint64_t(m_clock.now().toSecsSinceEpoch()));
            if (!written || size == 0) {
                qCWarning(lcDnsNotify, "cannot build the NOTIFY for %s", qPrintable(zone->apex().toText()));
                continue;
            }
            pending->message.resize(qsizetype(size));

            const QString key = zone->apex().toText() + QLatin1Char('|') + target.address.toString() + QLatin1Char(':')
                                + QString::number(target.port);
            m_pending.insert(key, pending);   // replaces an unanswered NOTIFY of an older serial
            send(*pending);
        }
    }
    scheduleTimer();
}

void Notifier::send(Pending &pending)
{
    ++pending.attempts;
    pending.dueMs = m_monotonic.elapsed() + (qint64(m_firstRetryMs) << std::min(pending.attempts - 1, 16));
    m_sent.fetch_add(1, std::memory_order_relaxed);
    if (m_socket->writeDatagram(pending.message, pending.target.address, pending.target.port) != pending.message.size())
        qCDebug(lcDnsNotify, "NOTIFY to %s:%u not sent: %s", qPrintable(pending.target.address.toString()), pending.target.port,
                qPrintable(m_socket->errorString()));
}

void Notifier::resendDue()
{
    const qint64 now = m_monotonic.elapsed();
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        Pending &p = **it;
        if (p.dueMs > now) {
            ++it;
            continue;
        }
        if (p.attempts >= m_maxAttempts) {
            m_failed.fetch_add(1, std::memory_order_relaxed);
            qCWarning(lcDnsNotify, "no answer to NOTIFY of %s serial %u from %s:%u after %d attempts", qPrintable(p.apex.toText()),
                      p.serial, qPrintable(p.target.address.toString()), p.target.port, p.attempts);
            it = m_pending.erase(it);
            continue;
        }
        send(p);
        ++it;
    }
    scheduleTimer();
}

void Notifier::scheduleTimer()
{
    if (m_pending.isEmpty()) {
        m_timer.stop();
        return;
    }
    qint64 earliest = std::numeric_limits<qint64>::max();
    for (const auto &p : std::as_const(m_pending))
        earliest = std::min(earliest, p->dueMs);
    m_timer.start(int(std::max<qint64>(0, earliest - m_monotonic.elapsed())));
}

void Notifier::readAnswers()
{
    for (int i = 0; i < kMaxAnswersPerWakeup && m_socket->hasPendingDatagrams(); ++i) {
        const QNetworkDatagram datagram = m_socket->receiveDatagram(qint64(kMaxTcpMessage));
        handleAnswer(datagram.data(), datagram.senderAddress(), quint16(datagram.senderPort()));
    }
    if (m_socket->hasPendingDatagrams())
        QTimer::singleShot(0, this, &Notifier::readAnswers);
}

void Notifier::handleAnswer(const QByteArray &datagram, const QHostAddress &from, quint16 port)
{
    const auto *m = reinterpret_cast<const std::uint8_t *>(datagram.constData());
    const std::size_t size = std::size_t(datagram.size());
    if (size < kHeaderSize)
        return;
    const std::uint16_t id = read16(m);
    const std::uint16_t flags = read16(m + 2);
    if (!(flags & HeaderFlag::QR) || ((flags >> 11) & 0x0f) != Opcode::Notify)
        return;
    for (auto it = m_pending.begin(); it != m_pending.end(); ++it) {
        Pending &p = **it;
        if (p.id != id || p.target.port != port || !p.target.address.isEqual(from, QHostAddress::ConvertV4MappedToIPv4))
            continue;
        bool questionMatches = false;
        const std::size_t last = lastRecordOffset(m, size, p.apex, questionMatches);
        if (!questionMatches)
            return;   // RFC 1996 3.10 asks for the same question: a stray or forged datagram
        if (p.tsig) {
            TsigRecord record;
            const bool signedAnswer = last != 0 && parseTsigRecord(m, size, last, record);
            const TsigSession::Check check =
                p.tsig->verifyResponse(m, size, signedAnswer ? last : 0, std::uint64_t(m_clock.now().toSecsSinceEpoch()));
            if (check != TsigSession::Check::Ok) {
                qCWarning(lcDnsNotify, "the answer of %s:%u to NOTIFY of %s does not verify (TSIG error %u)",
                          qPrintable(p.target.address.toString()), port, qPrintable(p.apex.toText()), p.tsig->peerError());
                return;   // keep waiting: a forger must not cancel our retries
            }
        }
        const std::uint16_t rcode = flags & 0x0f;
        if (rcode == Rcode::NoError) {
            m_acknowledged.fetch_add(1, std::memory_order_relaxed);
            qCDebug(lcDnsNotify, "%s:%u acknowledged NOTIFY of %s serial %u", qPrintable(p.target.address.toString()), port,
                    qPrintable(p.apex.toText()), p.serial);
        } else {
            m_failed.fetch_add(1, std::memory_order_relaxed);
            qCWarning(lcDnsNotify, "%s:%u answered NOTIFY of %s with RCODE %u", qPrintable(p.target.address.toString()), port,
                      qPrintable(p.apex.toText()), rcode);
        }
        m_pending.erase(it);
        scheduleTimer();
        return;
    }
}

} // namespace reg::dns
