#pragma once

#include "core/result.h"

#include <QHostAddress>

#include <sys/socket.h>

namespace reg::dns {

// The plain sockets of the DNS server, made with the POSIX calls because the UDP answer path runs
// on threads without a Qt event loop, and because UDP and TCP must share one port.
namespace DnsSocket {

// A socket address for address:port; false when the address is neither IPv4 nor IPv6.
bool toSockaddr(const QHostAddress &address, quint16 port, sockaddr_storage &storage, socklen_t &length);
QHostAddress fromSockaddr(const sockaddr *address);

// A bound UDP socket; reusePort lets every answering thread bind its own to the same port
// (SO_REUSEPORT: the kernel spreads the clients across them). IPv6 sockets are IPv6-only.
Result<int> openUdp(const QHostAddress &address, quint16 port, bool reusePort);
// A listening TCP socket (non-blocking, close-on-exec), for QTcpServer::setSocketDescriptor().
Result<int> openTcpListener(const QHostAddress &address, quint16 port, int backlog);
quint16 boundPort(int fd);
void closeSocket(int fd);

} // namespace DnsSocket

} // namespace reg::dns
