#include "signalwatcher.h"

#include "core/logging.h"

#include <QSocketNotifier>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace reg::daemon {
namespace {

int s_pipe[2] = {-1, -1};   // [0] written by the handler, [1] read by the notifier

extern "C" void onTerminationSignal(int signal)
{
    const int saved = errno;
    const unsigned char byte = static_cast<unsigned char>(signal);
    // If the pipe is full, enough signals are already pending; dropping one loses nothing.
    [[maybe_unused]] const ssize_t n = ::write(s_pipe[0], &byte, 1);
    errno = saved;
}

void setHandler(int signal, void (*handler)(int))
{
    struct sigaction action {};
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(signal, &action, nullptr);
}

} // namespace

SignalWatcher::SignalWatcher(QObject *parent) : QObject(parent)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0, s_pipe) != 0) {
        qCCritical(lcDaemon, "cannot create the signal socket pair: %s", std::strerror(errno));
        return;
    }
    m_notifier = new QSocketNotifier(s_pipe[1], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &SignalWatcher::readSignals);
    setHandler(SIGTERM, onTerminationSignal);
    setHandler(SIGINT, onTerminationSignal);
    setHandler(SIGPIPE, SIG_IGN);
}

SignalWatcher::~SignalWatcher()
{
    if (!m_notifier)
        return;
    setHandler(SIGTERM, SIG_DFL);
    setHandler(SIGINT, SIG_DFL);
    delete m_notifier;
    ::close(s_pipe[0]);
    ::close(s_pipe[1]);
    s_pipe[0] = s_pipe[1] = -1;
}

void SignalWatcher::readSignals()
{
    unsigned char buffer[16];
    ssize_t n;
    while ((n = ::read(s_pipe[1], buffer, sizeof buffer)) > 0) {
        for (ssize_t i = 0; i < n; ++i)
            Q_EMIT terminationRequested(int(buffer[i]));
    }
}

QString SignalWatcher::signalName(int signal)
{
    switch (signal) {
    case SIGTERM: return QStringLiteral("SIGTERM");
    case SIGINT: return QStringLiteral("SIGINT");
    default: return QStringLiteral("signal %1").arg(signal);
    }
}

} // namespace reg::daemon
