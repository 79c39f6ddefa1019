#include "whoisworker.h"

#include "whoisanswerer.h"
#include "whoiscounters.h"
#include "whoislogging.h"
#include "whoisquery.h"

#include "directory/clientratelimiter.h"
#include "directory/topclients.h"

#include <netinet/in.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace reg::whois {
namespace {

constexpr quint32 listenTag = 0xffffffffu;
constexpr quint32 wakeTag = 0xfffffffeu;
constexpr int acceptBatch = 64;
// After an answer to a query that was not read whole, what the client still sends is read and
// dropped for a while, so closing does not reset the connection before the answer arrives.
constexpr qsizetype maxDrainBytes = 64 * 1024;
constexpr std::chrono::milliseconds drainTime{2000};
constexpr std::chrono::milliseconds sweepInterval{250};

quint64 tag(quint32 index, quint32 generation)
{
    return (quint64(generation) << 32) | index;
}

// A byte no query line may contain: a control character other than tab, CR and LF.
bool hasBinaryByte(QByteArrayView bytes)
{
    for (char c : bytes) {
        const auto b = static_cast<unsigned char>(c);
        if ((b < 0x20 && b != '\t' && b != '\r' && b != '\n') || b == 0x7f)
            return true;
    }
    return false;
}

QHostAddress peerAddress(const sockaddr_storage &storage)
{
    QHostAddress address(reinterpret_cast<const sockaddr *>(&storage));
    // A dual-stack listener reports IPv4 clients as ::ffff:a.b.c.d; they are counted as IPv4.
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    if (isV4 && address.protocol() == QAbstractSocket::IPv6Protocol)
        address.setAddress(v4);
    return address;
}

} // namespace

WhoisWorker::WhoisWorker(int listenFd, const WhoisWorkerShared &shared)
    : m_listenFd(listenFd), m_shared(shared)
{
}

WhoisWorker::~WhoisWorker()
{
    stop();
    for (Connection &c : m_connections) {
        if (c.state != State::Free)
            close(c);
    }
    if (m_wakeFd >= 0)
        ::close(m_wakeFd);
    if (m_epollFd >= 0)
        ::close(m_epollFd);
    ::close(m_listenFd);
}

bool WhoisWorker::start(QString *error)
{
    m_epollFd = ::epoll_create1(EPOLL_CLOEXEC);
    m_wakeFd = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (m_epollFd < 0 || m_wakeFd < 0) {
        *error = QStringLiteral("cannot create an event loop: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    epoll_event listen{};
    listen.events = EPOLLIN | EPOLLEXCLUSIVE;
    listen.data.u64 = tag(listenTag, 0);
    epoll_event wake{};
    wake.events = EPOLLIN;
    wake.data.u64 = tag(wakeTag, 0);
    if (::epoll_ctl(m_epollFd, EPOLL_CTL_ADD, m_listenFd, &listen) != 0
        || ::epoll_ctl(m_epollFd, EPOLL_CTL_ADD, m_wakeFd, &wake) != 0) {
        *error = QStringLiteral("cannot watch the listening socket: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    m_thread = std::thread([this] { run(); });
    return true;
}

void WhoisWorker::stop()
{
    if (!m_thread.joinable())
        return;
    m_stopping.store(true);
    const quint64 one = 1;
    (void)!::write(m_wakeFd, &one, sizeof one);
    m_thread.join();
}

void WhoisWorker::run()
{
    epoll_event events[128];
    auto nextSweep = std::chrono::steady_clock::now() + sweepInterval;
    while (!m_stopping.load(std::memory_order_relaxed)) {
        const int n = ::epoll_wait(m_epollFd, events, int(std::size(events)), int(sweepInterval.count()));
        if (n < 0 && errno != EINTR) {
            qCCritical(lcWhois, "epoll_wait failed: %s", std::strerror(errno));
            return;
        }
        for (int i = 0; i < n; ++i) {
            const quint32 index = quint32(events[i].data.u64 & 0xffffffffu);
            const quint32 generation = quint32(events[i].data.u64 >> 32);
            if (index == listenTag) {
                acceptAll();
            } else if (index == wakeTag) {
                continue;
            } else if (index < m_connections.size() && m_connections[index].generation == generation
                       && m_connections[index].state != State::Free) {
                onEvent(index, events[i].events);
            }
        }
        const auto now = std::chrono::steady_clock::now();
        if (now >= nextSweep) {
            sweepTimeouts();
            nextSweep = now + sweepInterval;
        }
    }
}

quint32 WhoisWorker::allocate()
{
    if (!m_free.empty()) {
        const quint32 index = m_free.back();
        m_free.pop_back();
        return index;
    }
    m_connections.emplace_back();
    m_connections.back().input.resize(size_t(m_shared.maxQueryBytes) + 2);
    return quint32(m_connections.size() - 1);
}

void WhoisWorker::acceptAll()
{
    for (int i = 0; i < acceptBatch; ++i) {
        sockaddr_storage storage{};
        socklen_t length = sizeof storage;
        const int fd = ::accept4(m_listenFd, reinterpret_cast<sockaddr *>(&storage), &length, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0) {
            if (errno == EINTR || errno == ECONNABORTED)
                continue;
            if (errno != EAGAIN && errno != EWOULDBLOCK)
                qCWarning(lcWhois, "accept failed: %s", std::strerror(errno));
            return;
        }
        const QHostAddress peer = peerAddress(storage);
        const WhoisConnectionLimits::Key key = WhoisConnectionLimits::keyOf(peer);
        if (!m_shared.limits->tryAdmit(key)) {
            WhoisCounters::add(m_shared.counters->connectionsRefused);
            static const char refusal[] = "% Too many connections; try again later.\r\n";
            (void)!::send(fd, refusal, sizeof refusal - 1, MSG_NOSIGNAL | MSG_DONTWAIT);
            // A query already received would make close() reset the connection and could destroy
            // the refusal on its way: read it first (no slot is spent on a longer drain).
            char discard[1024];
            (void)!::recv(fd, discard, sizeof discard, MSG_DONTWAIT);
            ::close(fd);
            continue;
        }
        const quint32 index = allocate();
        Connection &c = m_connections[index];
        c.fd = fd;
        ++c.generation;
        c.state = State::Reading;
        c.peer = peer;
        c.key = key;
        c.received = 0;
        c.output[0].clear();
        c.output[1].clear();
        c.sent = 0;
        c.drained = 0;
        c.drainAfterWrite = false;
        c.watched = false;
        c.deadline = std::chrono::steady_clock::now() + m_shared.queryTimeout;
        // The query often arrives with the connection: answer it now, and watch the connection
        // only if it has to wait for more.
        readQuery(c);
        if (c.state == State::Reading && !c.watched)
            watch(c, EPOLLIN | EPOLLRDHUP);
    }
}

bool WhoisWorker::watch(Connection &c, quint32 events)
{
    epoll_event event{};
    event.events = events;
    event.data.u64 = tag(quint32(&c - m_connections.data()), c.generation);
    if (::epoll_ctl(m_epollFd, c.watched ? EPOLL_CTL_MOD : EPOLL_CTL_ADD, c.fd, &event) != 0) {
        qCWarning(lcWhois, "cannot watch a connection: %s", std::strerror(errno));
        close(c);
        return false;
    }
    c.watched = true;
    return true;
}

void WhoisWorker::onEvent(quint32 index, quint32 events)
{
    Connection &c = m_connections[index];
    switch (c.state) {
    case State::Reading:
        readQuery(c);
        break;
    case State::Writing:
        if (events & (EPOLLERR | EPOLLHUP))
            close(c);
        else
            writeOut(c);
        break;
    case State::Draining:
        drain(c);
        break;
    case State::Free:
        break;
    }
}

void WhoisWorker::readQuery(Connection &c)
{
    for (;;) {
        const qsizetype room = qsizetype(c.input.size()) - c.received;
        const ssize_t n = room > 0 ? ::recv(c.fd, c.input.data() + c.received, size_t(room), 0) : 0;
        if (n < 0) {
            if (errno == EINTR)
                continue;
            if (errno != EAGAIN && errno != EWOULDBLOCK)
                close(c);
            return;
        }
        if (n == 0 && room > 0) {
            // The client closed its side: a last line without CRLF is still its query.
            if (c.received == 0)
                close(c);
            else
                answer(c, QByteArrayView(c.input.data(), c.received));
            return;
        }
        c.received += n;
        const WhoisLineScan scan = scanWhoisLine(QByteArrayView(c.input.data(), c.received), m_shared.maxQueryBytes);
        switch (scan.state) {
        case WhoisLineScan::State::Incomplete:
            // Binary input (a TLS hello, a stray protocol) can never become a query: refuse it now
            // instead of waiting for a line end that may never come.
            if (hasBinaryByte(QByteArrayView(c.input.data() + c.received - n, n))) {
                answer(c, QByteArrayView(c.input.data(), c.received));
                return;
            }
            continue;
        case WhoisLineScan::State::Complete:
            answer(c, QByteArrayView(c.input.data(), scan.length));
            return;
        case WhoisLineScan::State::TooLong:
            WhoisCounters::add(m_shared.counters->queries);
            WhoisCounters::add(m_shared.counters->byType[WhoisCounters::invalidType]);
            WhoisCounters::add(m_shared.counters->malformed);
            m_shared.topClients->record(c.peer, false);
            respond(c, m_shared.answerer->writer(false).invalidQuery(
                           QStringLiteral("the query is longer than %1 bytes").arg(m_shared.maxQueryBytes)),
                    true);
            return;
        }
    }
}

void WhoisWorker::answer(Connection &c, QByteArrayView line)
{
    WhoisCounters &counters = *m_shared.counters;
    WhoisCounters::add(counters.queries);
    // Anything after the line (a second query, binary noise) is not read: drain it before closing.
    const bool unreadInput = line.size() < c.received;
    const Result<WhoisQuery> query = parseWhoisQuery(line, m_shared.maxQueryBytes);
    // Every query counts against the client's rate, malformed ones too.
    const directory::ClientRateLimiter::Decision decision = m_shared.rateLimiter->admit(c.peer);
    m_shared.topClients->record(c.peer, !decision.allowed);
    if (!decision.allowed) {
        WhoisCounters::add(counters.rateLimited);
        WhoisCounters::add(counters.byType[query ? WhoisCounters::typeIndex(query->type) : WhoisCounters::invalidType]);
        const qint64 seconds = (decision.retryAfterMs + 999) / 1000;
        respond(c, m_shared.answerer->writer(query && query->xml).rateLimited(c.peer, seconds), unreadInput);
        return;
    }
    if (!query) {
        WhoisCounters::add(counters.malformed);
        WhoisCounters::add(counters.byType[WhoisCounters::invalidType]);
        respond(c, m_shared.answerer->writer(false).invalidQuery(query.error().message), unreadInput);
        return;
    }
    WhoisCounters::add(counters.byType[WhoisCounters::typeIndex(query->type)]);
    WhoisAnswerer::Answer answer = m_shared.answerer->answer(*query, &m_answers);
    if (answer.outcome == WhoisAnswerer::Outcome::NotFound)
        WhoisCounters::add(counters.notFound);
    else if (answer.outcome == WhoisAnswerer::Outcome::Failure)
        WhoisCounters::add(counters.failures);
    respond(c, std::move(answer.bytes), unreadInput, std::move(answer.tail));
}

void WhoisWorker::respond(Connection &c, QByteArray bytes, bool drainAfter, QByteArray tail)
{
    c.output[0] = std::move(bytes);
    c.output[1] = std::move(tail);
    c.sent = 0;
    c.drainAfterWrite = drainAfter;
    c.state = State::Writing;
    writeOut(c);
}

void WhoisWorker::writeOut(Connection &c)
{
    const qsizetype total = c.output[0].size() + c.output[1].size();
    while (c.sent < total) {
        iovec parts[2];
        int count = 0;
        qsizetype skip = c.sent;
        for (const QByteArray &part : c.output) {
            if (skip >= part.size()) {
                skip -= part.size();
                continue;
            }
            parts[count++] = iovec{const_cast<char *>(part.constData()) + skip, size_t(part.size() - skip)};
            skip = 0;
        }
        msghdr message{};
        message.msg_iov = parts;
        message.msg_iovlen = size_t(count);
        // FIN follows the answer at once (close or shutdown): MSG_MORE holds the last segment back
        // so the FIN rides on it instead of costing a segment of its own.
        const ssize_t n = ::sendmsg(c.fd, &message, MSG_NOSIGNAL | MSG_MORE);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK)
                watch(c, EPOLLOUT);
            else
                close(c);
            return;
        }
        c.sent += n;
    }
    finishWriting(c);
}

void WhoisWorker::finishWriting(Connection &c)
{
    if (!c.drainAfterWrite) {
        close(c);   // the whole query was read: closing sends FIN after the answer
        return;
    }
    // RFC 3912: the server closes after the answer. Unread input would make close() reset the
    // connection, which can destroy the answer in flight: end our side, read until the client closes.
    ::shutdown(c.fd, SHUT_WR);
    c.state = State::Draining;
    c.drained = 0;
    c.deadline = std::chrono::steady_clock::now() + std::min(drainTime, m_shared.queryTimeout);
    if (watch(c, EPOLLIN | EPOLLRDHUP))
        drain(c);
}

void WhoisWorker::drain(Connection &c)
{
    char scratch[4096];
    for (;;) {
        const ssize_t n = ::recv(c.fd, scratch, sizeof scratch, 0);
        if (n > 0) {
            c.drained += n;
            if (c.drained > maxDrainBytes) {
                close(c);
                return;
            }
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return;
        close(c);   // the client closed (or failed)
        return;
    }
}

void WhoisWorker::close(Connection &c)
{
    if (c.fd >= 0) {
        ::close(c.fd);   // also removes it from the epoll set
        c.fd = -1;
    }
    if (c.state != State::Free) {
        m_shared.limits->release(c.key);
        m_free.push_back(quint32(&c - m_connections.data()));
    }
    c.state = State::Free;
    c.watched = false;
    ++c.generation;
    c.output[0] = QByteArray();   // an answer can be large; the slot keeps only its input buffer
    c.output[1] = QByteArray();
}

void WhoisWorker::sweepTimeouts()
{
    const auto now = std::chrono::steady_clock::now();
    for (Connection &c : m_connections) {
        if (c.state == State::Free || now < c.deadline)
            continue;
        if (c.state == State::Reading) {
            static const char timeout[] = "% Error: no complete query line arrived in time; connection closed.\r\n";
            (void)!::send(c.fd, timeout, sizeof timeout - 1, MSG_NOSIGNAL | MSG_DONTWAIT);
        }
        close(c);
    }
}

} // namespace reg::whois
