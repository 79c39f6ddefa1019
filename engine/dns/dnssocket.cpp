#include "dnssocket.h"

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace reg::dns::DnsSocket {

namespace {

Error socketError(const char *what, const QHostAddress &address, quint16 port, int error)
{
    return Error(ErrorCode::Unavailable, QStringLiteral("DNS: %1 %2 port %3: %4")
                                             .arg(QString::fromLatin1(what), address.toString())
                                             .arg(port)
                                             .arg(QString::fromLocal8Bit(std::strerror(error))));
}

Result<int> openBound(const QHostAddress &address, quint16 port, int type, bool reusePort)
{
    sockaddr_storage storage;
    socklen_t length = 0;
    if (!toSockaddr(address, port, storage, length))
        return Error(ErrorCode::InvalidInput, QStringLiteral("DNS: %1 is not an IPv4 or IPv6 address").arg(address.toString()));
    const int fd = ::socket(storage.ss_family, type | SOCK_CLOEXEC | (type == SOCK_STREAM ? SOCK_NONBLOCK : 0), 0);
    if (fd < 0)
        return socketError("cannot open a socket for", address, port, errno);
    const int one = 1;
    if (storage.ss_family == AF_INET6)
        ::setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof one);
    if (type == SOCK_STREAM)
        ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (reusePort && ::setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof one) != 0) {
        const int error = errno;
        ::close(fd);
        return socketError("cannot share (SO_REUSEPORT)", address, port, error);
    }
    if (::bind(fd, reinterpret_cast<const sockaddr *>(&storage), length) != 0) {
        const int error = errno;
        ::close(fd);
        return socketError("cannot bind", address, port, error);
    }
    return fd;
}

} // namespace

bool toSockaddr(const QHostAddress &address, quint16 port, sockaddr_storage &storage, socklen_t &length)
{
    std::memset(&storage, 0, sizeof storage);
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    if (isV4 && address.protocol() == QAbstractSocket::IPv4Protocol) {
        auto *in = reinterpret_cast<sockaddr_in *>(&storage);
        in->sin_family = AF_INET;
        in->sin_port = htons(port);
        in->sin_addr.s_addr = htonl(v4);
        length = sizeof(sockaddr_in);
        return true;
    }
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        auto *in6 = reinterpret_cast<sockaddr_in6 *>(&storage);
        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons(port);
        const Q_IPV6ADDR bytes = address.toIPv6Address();
        std::memcpy(&in6->sin6_addr, bytes.c, 16);
        length = sizeof(sockaddr_in6);
        return true;
    }
    return false;
}

QHostAddress fromSockaddr(const sockaddr *address)
{
    QHostAddress result;
    result.setAddress(address);
    return result;
}

Result<int> openUdp(const QHostAddress &address, quint16 port, bool reusePort)
{
    Result<int> fd = openBound(address, port, SOCK_DGRAM, reusePort);
    if (!fd)
        return fd;
    // Room for bursts while a thread is busy answering a batch.
    const int buffer = 4 * 1024 * 1024;
    ::setsockopt(*fd, SOL_SOCKET, SO_RCVBUF, &buffer, sizeof buffer);
    return fd;
}

Result<int> openTcpListener(const QHostAddress &address, quint16 port, int backlog)
{
    Result<int> fd = openBound(address, port, SOCK_STREAM, false);
    if (!fd)
        return fd;
    if (::listen(*fd, backlog) != 0) {
        const int error = errno;
        ::close(*fd);
        return socketError("cannot listen on", address, port, error);
    }
    return fd;
}

quint16 boundPort(int fd)
{
    sockaddr_storage storage;
    socklen_t length = sizeof storage;
    if (::getsockname(fd, reinterpret_cast<sockaddr *>(&storage), &length) != 0)
        return 0;
    if (storage.ss_family == AF_INET)
        return ntohs(reinterpret_cast<const sockaddr_in *>(&storage)->sin_port);
    if (storage.ss_family == AF_INET6)
        return ntohs(reinterpret_cast<const sockaddr_in6 *>(&storage)->sin6_port);
    return 0;
}

void closeSocket(int fd)
{
    if (fd >= 0)
        ::close(fd);
}

} // namespace reg::dns::DnsSocket
