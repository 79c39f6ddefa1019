#include "dnsprobe.h"

#include "dns/dnsconstants.h"
#include "dns/dnsname.h"

#include <QByteArray>
#include <QElapsedTimer>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace reg::bench {
namespace {

using namespace reg::dns;

constexpr std::uint16_t probeUdpPayload = 1232;

void appendU16(QByteArray &out, std::uint16_t v)
{
    out.append(char(v >> 8));
    out.append(char(v & 0xff));
}

std::uint16_t readU16(const std::uint8_t *p)
{
    return std::uint16_t(p[0] << 8 | p[1]);
}

// Reads a possibly compressed name at `offset`, returning the offset after it (in the original
// place); *text gets the lower-case presentation form when given. -1 on a malformed name.
int readName(const std::uint8_t *msg, int size, int offset, QString *text)
{
    int end = -1;
    int jumps = 0;
    int length = 0;
    QString out;
    while (true) {
        if (offset >= size)
            return -1;
        const std::uint8_t len = msg[offset];
        if ((len & 0xc0) == 0xc0) {
            if (offset + 1 >= size || ++jumps > 64)
                return -1;
            if (end < 0)
                end = offset + 2;
            offset = (len & 0x3f) << 8 | msg[offset + 1];
            continue;
        }
        if (len & 0xc0)
            return -1;
        if (len == 0) {
            if (end < 0)
                end = offset + 1;
            break;
        }
        if (offset + 1 + len > size || (length += len + 1) > int(kMaxNameWireLength))
            return -1;
        if (text)
            out += QString::fromLatin1(reinterpret_cast<const char *>(msg + offset + 1), len).toLower() + u'.';
        offset += 1 + len;
    }
    if (text)
        *text = out.isEmpty() ? QStringLiteral(".") : out;
    return end;
}

// Skips one resource record; -1 when it runs past the message.
int skipRecord(const std::uint8_t *msg, int size, int offset)
{
    offset = readName(msg, size, offset, nullptr);
    if (offset < 0 || offset + 10 > size)
        return -1;
    const int next = offset + 10 + readU16(msg + offset + 8);
    return next <= size ? next : -1;
}

} // namespace

bool ProbeAnswer::isReferralTo(const QString &delegation) const
{
    return rcode == Rcode::NoError && !authoritative && answers == 0 && authorities > 0 && firstAuthorityType == RRType::NS
           && firstAuthorityOwner == delegation;
}

DnsProbe::DnsProbe()
{
    m_socket = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
}

DnsProbe::~DnsProbe()
{
    if (m_socket >= 0)
        ::close(m_socket);
}

Result<ProbeAnswer> DnsProbe::query(quint16 port, const QString &name, std::uint16_t type, int timeoutMs)
{
    if (m_socket < 0)
        return Error(ErrorCode::Unavailable, QStringLiteral("no UDP socket: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
    Result<DnsName> qname = DnsName::fromText(name);
    if (!qname)
        return qname.error();

    const std::uint16_t id = m_nextId++;
    QByteArray packet;
    appendU16(packet, id);
    appendU16(packet, 0);     // a plain query: no RD (an authoritative server never recurses)
    appendU16(packet, 1);     // QDCOUNT
    appendU16(packet, 0);
    appendU16(packet, 0);
    appendU16(packet, 1);     // ARCOUNT: the OPT record
    packet.append(qname->wire());
    appendU16(packet, type);
    appendU16(packet, RRClass::IN);
    packet.append(char(0));   // OPT: root owner, type, payload size, extended rcode/version/flags, no options
    appendU16(packet, RRType::OPT);
    appendU16(packet, probeUdpPayload);
    packet.append(4, char(0));
    appendU16(packet, 0);

    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(port);
    to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    // A connected socket reports ICMP port-unreachable (server not up yet) as ECONNREFUSED.
    if (::connect(m_socket, reinterpret_cast<const sockaddr *>(&to), sizeof to) != 0)
        return Error(ErrorCode::Unavailable, QStringLiteral("connect: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
    if (::send(m_socket, packet.constData(), size_t(packet.size()), 0) != packet.size())
        return Error(ErrorCode::Unavailable, QStringLiteral("send: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));

    QElapsedTimer waited;
    waited.start();
    std::uint8_t buffer[65536];
    while (true) {
        const qint64 left = timeoutMs - waited.elapsed();
        if (left <= 0)
            return Error(ErrorCode::Timeout, QStringLiteral("no answer within %1 ms").arg(timeoutMs));
        pollfd pfd{m_socket, POLLIN, 0};
        const int ready = ::poll(&pfd, 1, int(left));
        if (ready < 0 && errno != EINTR)
            return Error(ErrorCode::Unavailable, QStringLiteral("poll: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
        if (ready <= 0)
            continue;
        const ssize_t got = ::recv(m_socket, buffer, sizeof buffer, 0);
        if (got < 0)
            return Error(ErrorCode::Unavailable, QStringLiteral("recv: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
        const int size = int(got);
        // A late answer to an earlier (timed-out) probe carries another ID: wait on.
        if (size < int(kHeaderSize) || readU16(buffer) != id || !(readU16(buffer + 2) & HeaderFlag::QR))
            continue;
        const std::uint16_t flags = readU16(buffer + 2);
        ProbeAnswer answer;
        answer.rcode = flags & 0x000f;
        answer.authoritative = flags & HeaderFlag::AA;
        answer.truncated = flags & HeaderFlag::TC;
        answer.answers = readU16(buffer + 6);
        answer.authorities = readU16(buffer + 8);
        answer.additionals = readU16(buffer + 10);
        int offset = int(kHeaderSize);
        QString echoed;
        if (readU16(buffer + 4) != 1 || (offset = readName(buffer, size, offset, &echoed)) < 0 || offset + 4 > size)
            return Error(ErrorCode::InvalidInput, QStringLiteral("the answer does not carry one question"));
        if (echoed != qname->toText().toLower() || readU16(buffer + offset) != type)
            return Error(ErrorCode::InvalidInput, QStringLiteral("the answer is for another question (%1)").arg(echoed));
        offset += 4;
        for (int i = 0; i < answer.answers && offset >= 0; ++i)
            offset = skipRecord(buffer, size, offset);
        if (answer.authorities > 0 && offset >= 0) {
            offset = readName(buffer, size, offset, &answer.firstAuthorityOwner);
            if (offset >= 0 && offset + 2 <= size)
                answer.firstAuthorityType = readU16(buffer + offset);
        }
        if (offset < 0)
            return Error(ErrorCode::InvalidInput, QStringLiteral("a malformed answer (%1 bytes)").arg(size));
        return answer;
    }
}

} // namespace reg::bench
