#pragma once

#include "tsig.h"
#include "zoneupdater.h"

#include "core/clock.h"
#include "core/engineconfig.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <atomic>
#include <memory>

class QUdpSocket;

namespace reg::dns {

class ZonePublisher;
struct DnsStatisticsSnapshot;

// Tells the secondaries that a zone changed (NOTIFY, RFC 1996): for every published zone, one
// NOTIFY (opcode 4, AA, the apex SOA as question, the new SOA in the answer) to each [dns] notify
// target over UDP, TSIG-signed with notify_key when set. Each is sent again with a doubling
// delay from 1 s until an answer with the same id, opcode and question arrives (and, when
// signed, verifies), at most kMaxAttempts times. A zone published again while its NOTIFY to a
// target is still unanswered replaces it (one outstanding NOTIFY per zone and target), so a burst
// of changes costs one exchange.
//
// Lives on the thread that owns it (an event loop; never the UDP answer threads): connect
// ZoneUpdater::published to notify() with a queued connection. Counters are readable from any thread.
class Notifier : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxAttempts = 5;
    static constexpr int kFirstRetryMs = 1000;

    // keyring must hold config.notifyKey when it is set (ZoneTransfers::loadKeyring checks).
    Notifier(const DnsConfig &config, std::shared_ptr<const TsigKeyring> keyring, const ZonePublisher &publisher, const Clock &clock,
             QObject *parent = nullptr);
    ~Notifier() override;

    // For tests: shorter delays and fewer attempts than the defaults.
    void setRetryPolicy(int firstRetryMs, int maxAttempts);

    // Binds the sending socket (any address, a port the kernel chooses). false when it cannot.
    bool start();

    std::uint64_t sent() const { return m_sent.load(std::memory_order_relaxed); }       // datagrams sent, retries included
    std::uint64_t failed() const { return m_failed.load(std::memory_order_relaxed); }   // no answer after every attempt, or refused
    std::uint64_t acknowledged() const { return m_acknowledged.load(std::memory_order_relaxed); }
    void addCounters(DnsStatisticsSnapshot &snapshot) const;

public Q_SLOTS:
    void notify(const QList<reg::dns::PublishedZone> &zones);

private:
    struct Pending;
    void readAnswers();
    void handleAnswer(const QByteArray &datagram, const QHostAddress &from, quint16 port);
    void resendDue();
    void send(Pending &pending);
    void scheduleTimer();

    const QList<NotifyTarget> m_targets;
    const std::shared_ptr<const TsigKeyring> m_keyring;
    const TsigKey *m_key = nullptr;                     // inside m_keyring; null: unsigned
    const ZonePublisher &m_publisher;
    const Clock &m_clock;
    QUdpSocket *m_socket = nullptr;
    QTimer m_timer;
    QElapsedTimer m_monotonic;                          // retry deadlines: wall-clock jumps must not matter
    QHash<QString, std::shared_ptr<Pending>> m_pending;   // by "apex|target"
    int m_firstRetryMs = kFirstRetryMs;
    int m_maxAttempts = kMaxAttempts;
    std::atomic<std::uint64_t> m_sent{0};
    std::atomic<std::uint64_t> m_failed{0};
    std::atomic<std::uint64_t> m_acknowledged{0};
};

} // namespace reg::dns
