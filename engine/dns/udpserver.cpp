#include "udpserver.h"

#include "dnsresponder.h"
#include "dnssocket.h"
#include "messageparser.h"
#include "ratelimiter.h"
#include "signedqueryanswerer.h"
#include "zone.h"

#include <sys/socket.h>
#include <time.h>

#include <cerrno>
#include <cstring>

namespace reg::dns {

namespace {

constexpr int kBatch = 32;
constexpr std::size_t kReceiveSize = 4096;   // a bigger request is cut short by the kernel and dropped

std::uint32_t monotonicSeconds()
{
    timespec now;
    ::clock_gettime(CLOCK_MONOTONIC_COARSE, &now);
    return std::uint32_t(now.tv_sec);
}

// What RRL sends instead of a limited answer (slip): the header and question only, with TC, so
// a real client retries over TCP and a spoofed victim gets the smallest possible packet.
std::size_t slipInPlace(std::uint8_t *answer, std::size_t size, const ParsedRequest &request, bool hasQuestion)
{
    if (size < kHeaderSize)
        return size;
    answer[2] |= std::uint8_t(HeaderFlag::TC >> 8);
    const std::size_t questionEnd = kHeaderSize + (hasQuestion ? std::size_t(request.qnameLength) + 4 : 0);
    std::memset(answer + 6, 0, 6);   // no answer, authority or additional records
    return std::min(size, questionEnd);
}

// Each thread's buffers, allocated once when it starts.
struct Batch
{
    mmsghdr in[kBatch];
    mmsghdr out[kBatch];
    iovec inVectors[kBatch];
    iovec outVectors[kBatch];
    sockaddr_storage peers[kBatch];
    std::uint8_t requests[kBatch][kReceiveSize];
    std::unique_ptr<std::uint8_t[]> answers;
    std::size_t answerCapacity = 0;
};

} // namespace

UdpServer::UdpServer(const DnsResponder &responder, ZonePublisher &publisher, RateLimiter &limiter, int maxUdpPayload,
                     const SignedQueryAnswerer *signedQueries)
    : m_responder(responder), m_signedQueries(signedQueries), m_publisher(publisher), m_limiter(limiter), m_maxUdpPayload(std::max<int>(maxUdpPayload, kMinUdpPayload))
{
}

UdpServer::~UdpServer()
{
    stop();
}

Result<quint16> UdpServer::bind(const QHostAddress &address, quint16 port, int threadCount)
{
    closeSockets();
    for (int i = 0; i < std::max(1, threadCount); ++i) {
        Result<int> fd = DnsSocket::openUdp(address, port, true);
        if (!fd) {
            closeSockets();
            return fd.error();
        }
        m_sockets.push_back(*fd);
        if (port == 0)
            port = DnsSocket::boundPort(*fd);
    }
    m_counters = std::make_unique<DnsCounters[]>(m_sockets.size());
    return port;
}

void UdpServer::start()
{
    m_stopping.store(false);
    for (int i = 0; i < int(m_sockets.size()); ++i)
        m_threads.emplace_back([this, i] { serve(i); });
}

void UdpServer::stop()
{
    m_stopping.store(true);
    // shutdown() wakes a thread blocked in recvmmsg() even on an unconnected UDP socket.
    for (int fd : m_sockets)
        ::shutdown(fd, SHUT_RDWR);
    for (std::thread &thread : m_threads)
        thread.join();
    m_threads.clear();
    closeSockets();
}

void UdpServer::closeSockets()
{
    for (int fd : m_sockets)
        DnsSocket::closeSocket(fd);
    m_sockets.clear();
}

void UdpServer::addCounters(DnsStatisticsSnapshot &snapshot) const
{
    if (!m_counters)
        return;
    for (std::size_t i = 0; i < m_sockets.size(); ++i)
        m_counters[i].addTo(snapshot);
}

void UdpServer::serve(int index) noexcept
{
    const int fd = m_sockets[std::size_t(index)];
    DnsCounters &counters = m_counters[std::size_t(index)];
    auto batch = std::make_unique<Batch>();
    batch->answerCapacity = std::size_t(m_maxUdpPayload);
    batch->answers = std::make_unique<std::uint8_t[]>(batch->answerCapacity * kBatch);

    std::uint64_t generation = ~std::uint64_t(0);
    std::shared_ptr<const ZoneSet> zones;
    ParsedRequest request;
    DnsResponse response;

    while (!m_stopping.load(std::memory_order_relaxed)) {
        for (int i = 0; i < kBatch; ++i) {
            batch->inVectors[i] = {batch->requests[i], kReceiveSize};
            std::memset(&batch->in[i], 0, sizeof(mmsghdr));
            batch->in[i].msg_hdr.msg_name = &batch->peers[i];
            batch->in[i].msg_hdr.msg_namelen = sizeof(sockaddr_storage);
            batch->in[i].msg_hdr.msg_iov = &batch->inVectors[i];
            batch->in[i].msg_hdr.msg_iovlen = 1;
        }
        const int received = ::recvmmsg(fd, batch->in, kBatch, MSG_WAITFORONE, nullptr);
        if (received < 0) {
            if (errno == EINTR || errno == EAGAIN || errno == ENOMEM || errno == ENOBUFS || errno == ECONNREFUSED)
                continue;
            break;
        }
        if (received == 0 || m_stopping.load(std::memory_order_relaxed))
            break;   // shut down

        if (const std::uint64_t now = m_publisher.generation(); now != generation) {
            generation = now;
            zones = m_publisher.current();
        }
        const std::uint32_t second = monotonicSeconds();

        int toSend = 0;
        for (int i = 0; i < received; ++i) {
            const std::uint8_t *packet = batch->requests[i];
            const std::size_t size = batch->in[i].msg_len;
            if ((batch->in[i].msg_hdr.msg_flags & MSG_TRUNC) != 0) {
                DnsCounters::bump(counters.malformedDropped);
                continue;
            }
            const ParseStatus status = parseRequest(packet, size, request);
            if (status == ParseStatus::Drop) {
                DnsCounters::bump(counters.malformedDropped);
                continue;
            }
            DnsCounters::bump(counters.udpQueries);
            const bool hasQuestion = status == ParseStatus::Ok && request.questionCount == 1;
            if (hasQuestion)
                DnsCounters::bump(counters.byType[DnsCounters::typeIndex(request.qtype)]);

            std::uint8_t *answer = batch->answers.get() + std::size_t(toSend) * batch->answerCapacity;
            if (request.tsigOffset != 0 && m_signedQueries) [[unlikely]]
                m_signedQueries->respond(packet, size, status, request, zones.get(), DnsTransport::Udp, answer, batch->answerCapacity, response);
            else
                m_responder.respond(packet, size, status, request, zones.get(), DnsTransport::Udp, answer, batch->answerCapacity, response);
            if (response.size == 0)
                continue;
            std::size_t answerSize = response.size;
            bool truncated = response.truncated;
            const sockaddr *peer = reinterpret_cast<const sockaddr *>(&batch->peers[i]);
            switch (m_limiter.check(peer, response.kind, response.subject, response.subjectLength, second)) {
            case RateLimiter::Verdict::Send:
                break;
            case RateLimiter::Verdict::Slip:
                answerSize = slipInPlace(answer, answerSize, request, hasQuestion);
                truncated = true;
                break;
            case RateLimiter::Verdict::Drop:
                DnsCounters::bump(counters.rateLimitedDropped);
                continue;
            }
            DnsCounters::bump(counters.byRcode[DnsCounters::rcodeIndex(response.rcode)]);
            if (response.referral)
                DnsCounters::bump(counters.referrals);
            if (truncated)
                DnsCounters::bump(counters.truncated);

            batch->outVectors[toSend] = {answer, answerSize};
            std::memset(&batch->out[toSend], 0, sizeof(mmsghdr));
            batch->out[toSend].msg_hdr.msg_name = &batch->peers[i];
            batch->out[toSend].msg_hdr.msg_namelen = batch->in[i].msg_hdr.msg_namelen;
            batch->out[toSend].msg_hdr.msg_iov = &batch->outVectors[toSend];
            batch->out[toSend].msg_hdr.msg_iovlen = 1;
            ++toSend;
        }

        int sent = 0;
        while (sent < toSend) {
            const int n = ::sendmmsg(fd, batch->out + sent, unsigned(toSend - sent), 0);
            if (n > 0)
                sent += n;
            else if (n < 0 && errno == EINTR)
                continue;
            else
                ++sent;   // this one cannot go (an unreachable peer, a full buffer): skip it, not the rest
        }
    }
}

} // namespace reg::dns
