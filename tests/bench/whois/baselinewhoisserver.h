#pragma once

#include <QtGlobal>

#include <sys/types.h>

namespace reg::bench {

// The floor under any Whois server on this machine: a child process that answers every query with
// a fixed text of the given size, with nothing between accept and close but recv, send and the
// line check the load generator needs ("No match for" for names starting with "miss", else
// "Domain Name:"). Same shape as registryd's Whois service (one listening socket shared by
// `threads` epoll threads, non-blocking sockets), so bench_whois --baseline shows how much of the
// machine the TCP connections alone take. Test code: no limits, no parsing.
class BaselineWhoisServer
{
public:
    BaselineWhoisServer(int threads, int answerBytes);
    ~BaselineWhoisServer();   // kills and reaps the child
    BaselineWhoisServer(const BaselineWhoisServer &) = delete;
    BaselineWhoisServer &operator=(const BaselineWhoisServer &) = delete;

    bool start();             // false: could not listen or fork
    quint16 port() const { return m_port; }
    pid_t pid() const { return m_pid; }

private:
    int m_threads;
    int m_answerBytes;
    quint16 m_port = 0;
    pid_t m_pid = -1;
};

} // namespace reg::bench
