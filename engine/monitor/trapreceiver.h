#pragma once

#include "monitor/snmptarget.h"
#include "monitor/trapmapping.h"
#include "monitor/trapratelimiter.h"
#include "monitor/traprecord.h"

#include "core/clock.h"
#include "core/result.h"

#include <QHostAddress>
#include <QList>
#include <QObject>

#include <atomic>
#include <memory>
#include <thread>

struct snmp_session;
struct snmp_pdu;

namespace reg::monitor {

// A v3 user allowed to send notifications, with the engine id of the device that sends as it
// (RFC 3414: a trap is authenticated with keys localised to the sender's engine id).
struct TrapUser
{
    QByteArray user;
    QByteArray engineId;           // binary, 5..32 octets
    SnmpSecurityLevel level = SnmpSecurityLevel::AuthPriv;   // the least a message must have
    SnmpAuthProtocol auth = SnmpAuthProtocol::Sha1;
    QByteArray authPassphrase;
    SnmpPrivProtocol priv = SnmpPrivProtocol::Aes128;
    QByteArray privPassphrase;
};

struct TrapReceiverOptions
{
    QHostAddress address = QHostAddress::LocalHost;   // production: the management interface
    quint16 port = 1162;                              // 162 in production; 0 picks a free port (tests)
    QList<QByteArray> communities;                    // v2c communities accepted
    QList<TrapUser> users;                            // v3
    QList<TrapRule> rules;                            // configured OIDs mapped to alarms
    TrapRateLimits rateLimits;
    int maxVarbinds = 32;                             // kept in the log per trap; the rest counted
    int maxValueLength = 256;                         // characters per value
};

// What the receiver did with what arrived; monotonic, for /metrics and the tests.
struct TrapCounters
{
    qint64 accepted = 0;           // decoded, logged and mapped
    qint64 rateLimited = 0;        // over the per-source or overall rate
    qint64 unknownCommunity = 0;   // v2c with a community not configured
    qint64 v3Rejected = 0;         // v3 refused: unknown user, wrong key, too weak a security level
    qint64 unsupported = 0;        // SNMPv1 traps and other PDUs that are not notifications
    qint64 malformed = 0;          // no snmpTrapOID.0 where RFC 3416 puts it
    qint64 informsAnswered = 0;
};

// Receives SNMP notifications on a UDP address with net-snmp (which parses and, for v3, checks and
// decrypts them), keeps only those from configured communities or users, rate-limits them per
// source and overall, and turns each into a TrapRecord (mapped to a TrapEvent when it means an
// alarm). Informs are answered. Runs its own thread; results leave through queued signals.
// Owned by the monitoring composition; stop() or the destructor joins the thread.
class TrapReceiver : public QObject
{
    Q_OBJECT
public:
    explicit TrapReceiver(const Clock &clock, TrapReceiverOptions options, QObject *parent = nullptr);
    ~TrapReceiver() override;

    // Binds the address and starts the thread; an error (address in use, bad user) otherwise.
    Result<void> start();
    void stop();
    quint16 port() const { return m_boundPort; }
    TrapCounters counters() const;

Q_SIGNALS:
    // Emitted on the receiver thread for every accepted trap; trapEvent as well when it maps.
    void trapReceived(const reg::monitor::TrapRecord &trap);
    void trapEvent(const reg::monitor::TrapEvent &event);

private:
    static int onMessage(int operation, snmp_session *session, int requestId, snmp_pdu *pdu, void *magic);
    void handle(snmp_pdu *pdu);
    Result<void> registerUsers();
    void run();

    const Clock &m_clock;
    const TrapReceiverOptions m_options;
    const TrapMapping m_mapping;
    TrapRateLimiter m_limiter;    // receiver thread only
    void *m_session = nullptr;
    quint16 m_boundPort = 0;
    int m_wakeFd = -1;
    std::atomic<bool> m_stopping{false};
    std::thread m_thread;
    QList<TrapRecord> m_decoded;  // receiver thread: accepted during one read, emitted after it

    std::atomic<qint64> m_accepted{0};
    std::atomic<qint64> m_rateLimited{0};
    std::atomic<qint64> m_unknownCommunity{0};
    std::atomic<qint64> m_v3Rejected{0};
    std::atomic<qint64> m_unsupported{0};
    std::atomic<qint64> m_malformed{0};
    std::atomic<qint64> m_informsAnswered{0};
};

} // namespace reg::monitor
