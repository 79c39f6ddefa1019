#pragma once

#include "whoisanswercache.h"
#include "whoisconnectionlimits.h"

#include <QByteArray>
#include <QHostAddress>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

namespace reg::directory {
class ClientRateLimiter;
class TopClients;
}

namespace reg::whois {

class WhoisAnswerer;
struct WhoisCounters;

// What every worker shares; owned by WhoisService, outlives the workers.
struct WhoisWorkerShared
{
    WhoisAnswerer *answerer = nullptr;
    directory::ClientRateLimiter *rateLimiter = nullptr;
    directory::TopClients *topClients = nullptr;
    WhoisConnectionLimits *limits = nullptr;
    WhoisCounters *counters = nullptr;
    int maxQueryBytes = 512;
    std::chrono::milliseconds queryTimeout{10000};
};

// One thread of the Whois service: an epoll loop that accepts from the service's listening socket
// (its own duplicate of it, watched with EPOLLEXCLUSIVE so one thread wakes per new connection)
// and serves RFC 3912 connections: read one query
// line, answer in one send where the socket allows, close. A query that arrived with the
// connection is answered without the connection ever entering the epoll set, and the answer's last
// segment carries the FIN: a whole exchange is accept, recv, sendmsg and close. Connection state lives in a slab of
// slots reused from query to query, so a query costs no allocation for its connection. Refusals
// (connection limits, rate limit, malformed input) are answered, never silent.
// Created and stopped by WhoisService; the loop runs on the worker's own std::thread.
class WhoisWorker
{
public:
    WhoisWorker(int listenFd, const WhoisWorkerShared &shared);
    ~WhoisWorker();   // stops and joins; closes the listening socket and every connection
    WhoisWorker(const WhoisWorker &) = delete;
    WhoisWorker &operator=(const WhoisWorker &) = delete;

    bool start(QString *error);
    void stop();      // blocking

private:
    enum class State { Free, Reading, Writing, Draining };
    struct Connection
    {
        int fd = -1;
        quint32 generation = 0;
        State state = State::Free;
        QHostAddress peer;
        WhoisConnectionLimits::Key key{};
        std::vector<char> input;          // capacity maxQueryBytes + 2, kept across uses of the slot
        qsizetype received = 0;
        QByteArray output[2];             // the answer, sent in order (a cached body and its footer)
        qsizetype sent = 0;               // bytes of output already sent, over both parts
        std::chrono::steady_clock::time_point deadline;
        qsizetype drained = 0;
        bool drainAfterWrite = false;     // input was left unread: drain it before closing
        bool watched = false;             // in the epoll set
    };

    void run();
    void acceptAll();
    void onEvent(quint32 index, quint32 events);
    void readQuery(Connection &c);
    void answer(Connection &c, QByteArrayView line);
    void respond(Connection &c, QByteArray bytes, bool drainAfter, QByteArray tail = {});
    bool watch(Connection &c, quint32 events);   // false: could not (the connection is closed)
    void writeOut(Connection &c);
    void finishWriting(Connection &c);
    void drain(Connection &c);
    void close(Connection &c);
    void sweepTimeouts();
    quint32 allocate();

    const int m_listenFd;
    WhoisWorkerShared m_shared;
    int m_epollFd = -1;
    int m_wakeFd = -1;
    std::atomic<bool> m_stopping{false};
    std::thread m_thread;
    std::vector<Connection> m_connections;
    std::vector<quint32> m_free;
    WhoisAnswerCache m_answers;
};

} // namespace reg::whois
