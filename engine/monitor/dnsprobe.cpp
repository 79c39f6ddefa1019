#include "monitor/dnsprobe.h"

#include "dns/dnsname.h"
#include "dns/messagedecoder.h"
#include "dns/messagewriter.h"

#include <QJsonObject>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QUdpSocket>

#include <algorithm>

namespace reg::monitor {
namespace {

constexpr qsizetype kMaxTcpBuffer = 2 * (65535 + 2);   // at most one whole answer and the next one's start

} // namespace

DnsProbe::DnsProbe(ProbeTarget target, QStringList zones, const Clock &clock, QObject *parent)
    : ProbeRun(std::move(target), clock, parent), m_zones(std::move(zones))
{
}

DnsProbe::~DnsProbe() = default;

bool DnsProbe::buildQueries()
{
    if (m_zones.isEmpty()) {
        fail(ProbeErrorKind::Config, QStringLiteral("no zones to ask for"));
        return false;
    }
    for (const QString &zone : std::as_const(m_zones)) {
        Result<dns::DnsName> name = dns::DnsName::fromText(zone);
        if (!name) {
            fail(ProbeErrorKind::Config, QStringLiteral("zone \"%1\": %2").arg(zone, name.error().message));
            return false;
        }
        quint16 id = 0;
        do
            id = quint16(QRandomGenerator::global()->bounded(65536));
        while (m_pending.contains(id));
        std::uint8_t buffer[dns::kHeaderSize + dns::kMaxNameWireLength + 4];
        dns::MessageWriter writer(buffer, sizeof buffer);
        writer.setId(id);
        writer.setFlags(0);   // a plain query: no recursion desired from an authoritative server
        if (!writer.addQuestion(name->data(), name->size(), dns::RRType::SOA, dns::RRClass::IN)) {
            fail(ProbeErrorKind::Config, QStringLiteral("cannot build the query for %1").arg(zone));
            return false;
        }
        const std::size_t size = writer.finish();
        m_queries << QByteArray(reinterpret_cast<const char *>(buffer), qsizetype(size));
        m_pending.insert(id, zone);
    }
    return true;
}

void DnsProbe::begin()
{
    if (!m_address.setAddress(target().host)) {
        fail(ProbeErrorKind::Config, QStringLiteral("\"%1\" is not an IP address").arg(target().host));
        return;
    }
    if (!buildQueries())
        return;
    if (target().service == ProbeService::DnsUdp) {
        m_udp = new QUdpSocket(this);
        connect(m_udp, &QUdpSocket::readyRead, this, &DnsProbe::onUdpReadyRead);
        // Rarely seen (Qt does not report an ICMP port unreachable here), but any socket error ends the probe.
        connect(m_udp, &QUdpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
            fail(kindOf(error), QStringLiteral("DNS over UDP at %1: %2").arg(target().address(), m_udp->errorString()));
        });
        m_udp->connectToHost(m_address, target().port);
        setStep(QStringLiteral("the answers"));
        for (const QByteArray &query : std::as_const(m_queries)) {
            if (finished())
                return;
            m_udp->write(query);
        }
        return;
    }
    m_tcp = new QTcpSocket(this);
    connect(m_tcp, &QTcpSocket::connected, this, [this] {
        markPhase(QStringLiteral("connect"));
        setStep(QStringLiteral("the answers"));
        for (const QByteArray &query : std::as_const(m_queries)) {
            const quint16 length = quint16(query.size());
            QByteArray framed;
            framed.append(char(length >> 8)).append(char(length & 0xFF)).append(query);
            m_tcp->write(framed);
        }
    });
    connect(m_tcp, &QTcpSocket::readyRead, this, &DnsProbe::onTcpReadyRead);
    connect(m_tcp, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        fail(kindOf(error), QStringLiteral("DNS over TCP at %1: %2 with %3 answer(s) missing")
                                .arg(target().address(), m_tcp->errorString()).arg(m_pending.size()));
    });
    setStep(QStringLiteral("the connection"));
    m_tcp->connectToHost(m_address, target().port);
}

void DnsProbe::onUdpReadyRead()
{
    while (!finished() && m_udp->hasPendingDatagrams()) {
        QHostAddress from;
        quint16 port = 0;
        QByteArray packet(qsizetype(std::clamp<qint64>(m_udp->pendingDatagramSize(), 0, 65535)), Qt::Uninitialized);
        const qint64 read = m_udp->readDatagram(packet.data(), packet.size(), &from, &port);
        if (read < 0)
            return;
        packet.truncate(read);
        if (port != target().port || !from.isEqual(m_address, QHostAddress::TolerantConversion))
            continue;
        onAnswer(packet);
    }
}

void DnsProbe::onTcpReadyRead()
{
    while (!finished() && m_tcp->bytesAvailable() > 0) {
        m_tcpBuffer += m_tcp->read(kMaxTcpBuffer - m_tcpBuffer.size());
        while (!finished() && m_tcpBuffer.size() >= 2) {
            const qsizetype length = (quint8(m_tcpBuffer[0]) << 8) | quint8(m_tcpBuffer[1]);
            if (m_tcpBuffer.size() < 2 + length)
                break;
            const QByteArray packet = m_tcpBuffer.sliced(2, length);
            m_tcpBuffer.remove(0, 2 + length);
            onAnswer(packet);
        }
    }
}

void DnsProbe::onAnswer(const QByteArray &packet)
{
    Result<dns::DnsMessage> message = dns::decodeMessage(packet);
    if (!message) {
        // Over UDP anything may arrive; only a malformed answer on our own connection is wrong.
        if (target().service == ProbeService::DnsTcp)
            fail(ProbeErrorKind::WrongAnswer, QStringLiteral("a malformed answer: %1").arg(message.error().message));
        return;
    }
    const auto pending = m_pending.constFind(message->id);
    if (pending == m_pending.cend() || !message->isResponse()) {
        if (target().service == ProbeService::DnsTcp)
            fail(ProbeErrorKind::WrongAnswer, QStringLiteral("an answer with an id that was not asked (%1)").arg(message->id));
        return;
    }
    const QString zone = *pending;
    const dns::DnsName apex = *dns::DnsName::fromText(zone);
    const auto wrong = [&](const QString &why) {
        fail(ProbeErrorKind::WrongAnswer, QStringLiteral("SOA %1: %2").arg(zone, why));
    };
    if (message->questions.size() != 1 || message->questions.first().name != apex
        || message->questions.first().type != dns::RRType::SOA)
        return wrong(QStringLiteral("the answer is for another question"));
    if (message->rcode() != dns::Rcode::NoError)
        return wrong(QStringLiteral("RCODE %1 instead of NOERROR").arg(message->rcode()));
    if (!(message->flags & dns::HeaderFlag::AA))
        return wrong(QStringLiteral("the answer is not authoritative (AA clear)"));
    const dns::SoaRData *soa = nullptr;
    for (const dns::DnsRecord &record : std::as_const(message->answers)) {
        if (record.type == dns::RRType::SOA && record.owner == apex)
            soa = record.soa();
    }
    if (!soa)
        return wrong(QStringLiteral("no SOA record in the answer section"));
    m_serials.insert(zone, qint64(soa->serial));
    m_pending.erase(pending);
    if (!m_pending.isEmpty())
        return;
    markPhase(QStringLiteral("answer"));
    QJsonObject serials;
    for (auto it = m_serials.cbegin(); it != m_serials.cend(); ++it)
        serials.insert(it.key(), it.value());
    succeed(QJsonObject{{QStringLiteral("serials"), serials}});
}

void DnsProbe::abortIo()
{
    for (QAbstractSocket *socket : {static_cast<QAbstractSocket *>(m_udp), static_cast<QAbstractSocket *>(m_tcp)}) {
        if (!socket)
            continue;
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
    }
    m_udp = nullptr;
    m_tcp = nullptr;
}

} // namespace reg::monitor
