#include "systemdnotifier.h"

#include <QString>

#include <cerrno>
#include <cstddef>
#include <cstring>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace reg::daemon::SystemdNotifier {

bool isAvailable()
{
    return !qgetenv("NOTIFY_SOCKET").isEmpty();
}

Result<void> notify(const QByteArray &state)
{
    const QByteArray path = qgetenv("NOTIFY_SOCKET");
    if (path.isEmpty())
        return success();
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    if ((path[0] != '/' && path[0] != '@') || size_t(path.size()) >= sizeof(address.sun_path))
        return Error(ErrorCode::InvalidInput, QStringLiteral("NOTIFY_SOCKET \"%1\" is not a socket path").arg(QString::fromLocal8Bit(path)));
    std::memcpy(address.sun_path, path.constData(), size_t(path.size()));
    if (path[0] == '@')
        address.sun_path[0] = '\0';   // abstract namespace: the name is not NUL-terminated
    const socklen_t length = socklen_t(offsetof(sockaddr_un, sun_path) + size_t(path.size()) + (path[0] == '/' ? 1 : 0));

    const int fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return Error(ErrorCode::Internal, QStringLiteral("cannot create a notification socket: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
    ssize_t sent;
    do {
        sent = ::sendto(fd, state.constData(), size_t(state.size()), MSG_NOSIGNAL, reinterpret_cast<const sockaddr *>(&address), length);
    } while (sent < 0 && errno == EINTR);
    const int err = errno;
    ::close(fd);
    if (sent != ssize_t(state.size()))
        return Error(ErrorCode::Internal, QStringLiteral("cannot notify systemd at %1: %2")
                                              .arg(QString::fromLocal8Bit(path), QString::fromLocal8Bit(std::strerror(err))));
    return success();
}

} // namespace reg::daemon::SystemdNotifier
