#include "tcpserver.h"

#include "dnsresponder.h"
#include "dnssocket.h"
#include "messageparser.h"
#include "signedqueryanswerer.h"
#include "zone.h"
#include "zonetransfer.h"

#include <QHash>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>

#include <vector>

namespace reg::dns {

namespace {

constexpr qint64 kFrameMax = 2 + qint64(kMaxTcpMessage);
// Output queued above this stops reading queries and producing transfer messages until it drains.
constexpr qint64 kHighWater = 256 * 1024;

} // namespace

class TcpConnection;

// Everything that lives on the TCP thread: the listener, the connection counts, a shared answer
// buffer (one thread, so one buffer).
class TcpWorker : public QObject
{
public:
    TcpWorker(const TcpLimits &tcpLimits, const DnsResponder &dnsResponder, ZonePublisher &zonePublisher,
              ZoneTransferService *transferService, const SignedQueryAnswerer *signedAnswerer, DnsCounters &tcpCounters)
        : limits(tcpLimits), responder(dnsResponder), publisher(zonePublisher), transfers(transferService),
          signedQueries(signedAnswerer), counters(tcpCounters),
          answer(std::size_t(kFrameMax))
    {
    }

    bool listen(int fd);
    void accept();
    void release(const QHostAddress &peer);
    void closeAll();

    const TcpLimits limits;
    const DnsResponder &responder;
    ZonePublisher &publisher;
    ZoneTransferService *const transfers;
    const SignedQueryAnswerer *const signedQueries;
    DnsCounters &counters;
    std::vector<std::uint8_t> answer;   // 2-byte length prefix and the message

private:
    QTcpServer *m_server = nullptr;
    int m_open = 0;
    QHash<QHostAddress, int> m_perAddress;
};

// One client connection: reads framed queries one at a time, answers them in order, and runs at
// most one zone transfer at a time (queries behind it wait). Deletes itself when the socket closes.
class TcpConnection : public QObject
{
public:
    TcpConnection(QTcpSocket *socket, TcpWorker &worker)
        : QObject(&worker), m_socket(socket), m_worker(worker), m_peer(socket->peerAddress())
    {
        socket->setParent(this);
        socket->setReadBufferSize(2 * kFrameMax);
        m_idle.setSingleShot(true);
        m_idle.setInterval(worker.limits.idleTimeoutMs);
        connect(&m_idle, &QTimer::timeout, this, [this] {
            if (m_closing)
                m_socket->abort();   // it did not take its last answers within the idle time either
            else
                close();
        });
        connect(socket, &QTcpSocket::readyRead, this, [this] { process(); });
        connect(socket, &QTcpSocket::bytesWritten, this, [this] {
            if (m_transfer)
                pumpTransfer();
            else
                process();
        });
        connect(socket, &QTcpSocket::disconnected, this, [this] { deleteLater(); });
        connect(socket, &QAbstractSocket::errorOccurred, this, [this] { deleteLater(); });
        m_idle.start();
        process();
    }
    ~TcpConnection() override { m_worker.release(m_peer); }

    void close()
    {
        m_closing = true;
        m_transfer.reset();
        m_idle.start();
        m_socket->disconnectFromHost();   // sends what is queued, then closes
    }

private:
    void process();
    void handle(const std::uint8_t *packet, std::size_t size);
    void pumpTransfer();
    void send(const std::uint8_t *message, std::size_t size);

    QTcpSocket *m_socket;
    TcpWorker &m_worker;
    const QHostAddress m_peer;
    QTimer m_idle;
    QByteArray m_request;
    std::unique_ptr<TransferStream> m_transfer;
    bool m_transferStarted = false;
    int m_queries = 0;
    bool m_closing = false;
};

bool TcpWorker::listen(int fd)
{
    m_server = new QTcpServer(this);
    m_server->setMaxPendingConnections(1024);
    if (!m_server->setSocketDescriptor(fd))
        return false;
    connect(m_server, &QTcpServer::newConnection, this, [this] { accept(); });
    return true;
}

void TcpWorker::accept()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        const QHostAddress peer = socket->peerAddress();
        int &fromPeer = m_perAddress[peer];
        if (m_open >= limits.maxConnections || fromPeer >= limits.maxConnectionsPerAddress) {
            if (fromPeer == 0)
                m_perAddress.remove(peer);
            DnsCounters::bump(counters.tcpConnectionsRefused);
            socket->abort();
            socket->deleteLater();
            continue;
        }
        ++fromPeer;
        ++m_open;
        new TcpConnection(socket, *this);
    }
}

void TcpWorker::release(const QHostAddress &peer)
{
    --m_open;
    auto it = m_perAddress.find(peer);
    if (it != m_perAddress.end() && --it.value() <= 0)
        m_perAddress.erase(it);
}

void TcpWorker::closeAll()
{
    if (m_server)
        m_server->close();
    // Connections are children: deleting them here, on their thread, releases their sockets.
    const QList<TcpConnection *> connections = findChildren<TcpConnection *>(Qt::FindDirectChildrenOnly);
    qDeleteAll(connections);
}

void TcpConnection::process()
{
    while (!m_closing && !m_transfer && m_socket->bytesToWrite() < kHighWater) {
        if (m_socket->bytesAvailable() < 2)
            return;
        char prefix[2];
        if (m_socket->peek(prefix, 2) != 2)
            return;
        const qint64 length = qint64(std::uint8_t(prefix[0])) << 8 | std::uint8_t(prefix[1]);
        if (length < qint64(kHeaderSize)) {
            DnsCounters::bump(m_worker.counters.malformedDropped);
            close();
            return;
        }
        if (m_socket->bytesAvailable() < 2 + length)
            return;
        m_socket->skip(2);
        m_request.resize(length);
        if (m_socket->read(m_request.data(), length) != length) {
            close();
            return;
        }
        handle(reinterpret_cast<const std::uint8_t *>(m_request.constData()), std::size_t(length));
    }
}

void TcpConnection::handle(const std::uint8_t *packet, std::size_t size)
{
    DnsCounters &counters = m_worker.counters;
    ParsedRequest request;
    const ParseStatus status = parseRequest(packet, size, request);
    if (status == ParseStatus::Drop) {
        DnsCounters::bump(counters.malformedDropped);
        close();   // not a query: nothing sensible follows on this stream
        return;
    }
    ++m_queries;
    DnsCounters::bump(counters.tcpQueries);
    const bool hasQuestion = status == ParseStatus::Ok && request.questionCount == 1;
    if (hasQuestion)
        DnsCounters::bump(counters.byType[DnsCounters::typeIndex(request.qtype)]);
    const bool lastQuery = m_worker.limits.maxQueriesPerConnection > 0 && m_queries >= m_worker.limits.maxQueriesPerConnection;

    if (hasQuestion && (request.qtype == RRType::AXFR || request.qtype == RRType::IXFR) && m_worker.transfers
        && request.opcode == Opcode::Query && request.qclass == RRClass::IN) {
        m_transfer = m_worker.transfers->start(packet, size, request, m_peer, m_worker.publisher.current());
        if (m_transfer) {
            m_transferStarted = false;
            m_idle.stop();   // a transfer is an outstanding query (RFC 7766 6.2.3)
            if (lastQuery)
                m_queries = -1;
            pumpTransfer();
            return;
        }
    }

    std::uint8_t *message = m_worker.answer.data() + 2;
    DnsResponse response;
    // The zone set is taken per query here: TCP is not the fast path, and a pipelined client sees each change.
    const std::shared_ptr<const ZoneSet> zones = m_worker.publisher.current();
    if (request.tsigOffset != 0 && m_worker.signedQueries)
        m_worker.signedQueries->respond(packet, size, status, request, zones.get(), DnsTransport::Tcp, message, kMaxTcpMessage, response);
    else
        m_worker.responder.respond(packet, size, status, request, zones.get(), DnsTransport::Tcp, message, kMaxTcpMessage, response);
    if (response.size > 0) {
        DnsCounters::bump(counters.byRcode[DnsCounters::rcodeIndex(response.rcode)]);
        if (response.referral)
            DnsCounters::bump(counters.referrals);
        send(message, response.size);
    }
    if (lastQuery) {
        close();
        return;
    }
    m_idle.start();
}

void TcpConnection::pumpTransfer()
{
    DnsCounters &counters = m_worker.counters;
    QByteArray message;
    while (m_transfer && !m_closing && m_socket->bytesToWrite() < kHighWater) {
        if (!m_transfer->next(message)) {
            m_transfer.reset();
            if (m_queries < 0) {
                close();
                return;
            }
            m_idle.start();
            QTimer::singleShot(0, this, [this] { process(); });   // queries that waited behind it
            return;
        }
        if (message.size() < qsizetype(kHeaderSize) || message.size() > qsizetype(kMaxTcpMessage)) {
            close();   // a transfer service bug must not put a corrupt frame on the wire
            return;
        }
        if (!m_transferStarted) {
            m_transferStarted = true;
            const std::uint16_t rcode = std::uint8_t(message[3]) & 0x0F;
            DnsCounters::bump(counters.byRcode[DnsCounters::rcodeIndex(rcode)]);
            DnsCounters::bump(rcode == Rcode::NoError ? counters.transfersServed : counters.transfersRefused);
        }
        send(reinterpret_cast<const std::uint8_t *>(message.constData()), std::size_t(message.size()));
    }
}

void TcpConnection::send(const std::uint8_t *message, std::size_t size)
{
    const char prefix[2] = {char(size >> 8), char(size & 0xFF)};
    m_socket->write(prefix, 2);
    m_socket->write(reinterpret_cast<const char *>(message), qint64(size));
}

TcpServer::TcpServer(const TcpLimits &limits, const DnsResponder &responder, ZonePublisher &publisher, ZoneTransferService *transfers,
                     const SignedQueryAnswerer *signedQueries)
    : m_limits(limits), m_responder(responder), m_publisher(publisher), m_transfers(transfers), m_signedQueries(signedQueries)
{
}

TcpServer::~TcpServer()
{
    stop();
}

bool TcpServer::start(int listeningFd)
{
    m_thread = std::make_unique<QThread>();
    m_thread->setObjectName(QStringLiteral("dns-tcp"));
    m_worker = new TcpWorker(m_limits, m_responder, m_publisher, m_transfers, m_signedQueries, m_counters);
    m_worker->moveToThread(m_thread.get());
    m_thread->start();
    bool listening = false;
    TcpWorker *worker = m_worker;
    QMetaObject::invokeMethod(m_worker, [worker, listeningFd, &listening] { listening = worker->listen(listeningFd); },
                              Qt::BlockingQueuedConnection);
    if (!listening) {
        DnsSocket::closeSocket(listeningFd);
        stop();
    }
    return listening;
}

void TcpServer::stop()
{
    if (!m_thread)
        return;
    TcpWorker *worker = m_worker;
    QMetaObject::invokeMethod(m_worker, [worker] {
        worker->closeAll();
        delete worker;
    }, Qt::BlockingQueuedConnection);
    m_worker = nullptr;
    m_thread->quit();
    m_thread->wait();
    m_thread.reset();
}

void TcpServer::addCounters(DnsStatisticsSnapshot &snapshot) const
{
    m_counters.addTo(snapshot);
}

} // namespace reg::dns
