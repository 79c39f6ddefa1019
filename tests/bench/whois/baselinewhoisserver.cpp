#include "baselinewhoisserver.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <string>
#include <thread>
#include <vector>

namespace reg::bench {
namespace {

// One epoll thread: accept, answer what arrived with the connection (or wait for it), close.
void serve(int listenFd, const std::string &hit, const std::string &miss)
{
    const int epollFd = ::epoll_create1(EPOLL_CLOEXEC);
    epoll_event listen{};
    listen.events = EPOLLIN | EPOLLEXCLUSIVE;
    listen.data.fd = listenFd;
    ::epoll_ctl(epollFd, EPOLL_CTL_ADD, listenFd, &listen);
    const auto answer = [&](int fd) {
        char line[512];
        const ssize_t n = ::recv(fd, line, sizeof line, 0);
        if (n < 0 && errno == EAGAIN)
            return false;
        const std::string &text = (n >= 4 && std::memcmp(line, "miss", 4) == 0) ? miss : hit;
        if (n > 0)
            (void)!::send(fd, text.data(), text.size(), MSG_NOSIGNAL | MSG_MORE);
        ::close(fd);
        return true;
    };
    epoll_event events[128];
    for (;;) {
        const int n = ::epoll_wait(epollFd, events, 128, -1);
        for (int i = 0; i < n; ++i) {
            if (events[i].data.fd != listenFd) {
                answer(events[i].data.fd);
                continue;
            }
            for (;;) {
                const int fd = ::accept4(listenFd, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
                if (fd < 0)
                    break;
                if (!answer(fd)) {
                    epoll_event event{};
                    event.events = EPOLLIN;
                    event.data.fd = fd;
                    ::epoll_ctl(epollFd, EPOLL_CTL_ADD, fd, &event);
                }
            }
        }
    }
}

std::string padded(const char *first, int bytes)
{
    std::string text = first;
    while (int(text.size()) + 2 < bytes)
        text += "% padding to the size of a real answer\r\n";
    text.resize(size_t(std::max(bytes - 2, 0)), ' ');
    return text + "\r\n";
}

} // namespace

BaselineWhoisServer::BaselineWhoisServer(int threads, int answerBytes)
    : m_threads(std::max(1, threads)), m_answerBytes(answerBytes)
{
}

BaselineWhoisServer::~BaselineWhoisServer()
{
    if (m_pid > 0) {
        ::kill(m_pid, SIGKILL);
        ::waitpid(m_pid, nullptr, 0);
    }
}

bool BaselineWhoisServer::start()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0 || ::listen(fd, 4096) != 0
        || ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) != 0)
        return false;
    m_port = ntohs(address.sin_port);
    const std::string hit = padded("Domain Name: baseline.example\r\n", m_answerBytes);
    const std::string miss = padded("No match for \"baseline.example\".\r\n", 300);
    m_pid = ::fork();
    if (m_pid < 0)
        return false;
    if (m_pid == 0) {   // the child: raw syscalls and std::thread only
        std::vector<std::thread> threads;
        for (int t = 0; t < m_threads; ++t)
            threads.emplace_back(serve, fd, std::cref(hit), std::cref(miss));
        for (std::thread &t : threads)
            t.join();
        ::_exit(0);
    }
    ::close(fd);
    return true;
}

} // namespace reg::bench
