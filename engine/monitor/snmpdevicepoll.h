#pragma once

#include "monitor/snmppollresult.h"
#include "monitor/snmptarget.h"

#include <QHash>

#include <array>
#include <map>
#include <optional>
#include <vector>

struct snmp_session;
struct snmp_pdu;

namespace reg::monitor {

// Milliseconds on the monotonic clock: the poll loop's schedule and round trips, which must not
// jump with the wall clock (reg::Clock stamps the results).
qint64 monotonicMs();

// What a device poll remembers for the next one: counters and sysUpTime turn into rates and restarts.
struct PollHistory
{
    std::optional<quint32> sysUpTime;
    qint64 atMs = 0;                                       // steady clock, when sysUpTime answered
    QHash<int, std::pair<quint64, quint64>> octets;        // ifIndex -> (in, out)
};

// One poll of one device in flight: its net-snmp session and the requests it makes in turn
// (v3 engine discovery, GET sysUpTime.0 for reachability and round trip, then one GETBULK walk
// over the IF-MIB and HOST-RESOURCES-MIB columns). Read-only: GET and GETBULK only. Every answer
// is hostile input: types, order and counts are checked, rows are capped.
// Created, driven and destroyed by the poller thread, always under NetSnmpLibrary::mutex().
class SnmpDevicePoll
{
public:
    // authKu/privKu: the target's master keys (v3), computed once per target by the poller.
    SnmpDevicePoll(const SnmpTarget &target, QByteArray authKu, QByteArray privKu, QDateTime startedAt);
    ~SnmpDevicePoll();
    SnmpDevicePoll(const SnmpDevicePoll &) = delete;
    SnmpDevicePoll &operator=(const SnmpDevicePoll &) = delete;

    void begin();                    // opens the session and sends the first request
    void *session() const { return m_session; }
    bool hasAnswer() const { return m_answered; }
    void advance();                  // after an answer: the next request, or the end
    bool finished() const { return m_step == Step::Done; }
    PollResult takeResult(const PollHistory &previous, PollHistory *next) const;

    enum Column {
        IfDescr, IfAdminStatus, IfOperStatus, IfName, IfHcInOctets, IfHcOutOctets, IfHighSpeed,
        HrProcessorLoad, HrStorageType, HrStorageDescr, HrStorageUnits, HrStorageSize, HrStorageUsed,
        ColumnCount
    };

private:
    enum class Step { Idle, Discovery, UpTime, Walk, Done };
    struct Cell
    {
        quint64 number = 0;
        qint64 signedNumber = 0;
        QByteArray text;   // strings and, for hrStorageType, the numeric OID
    };
    struct ColumnWalk
    {
        std::vector<unsigned long> last;   // the OID to continue from
        bool done = false;
        int rows = 0;
    };

    static int onAnswer(int operation, snmp_session *session, int requestId, snmp_pdu *pdu, void *magic);
    void handleAnswer(int operation, snmp_pdu *pdu);
    bool acceptResponse(const snmp_pdu *pdu);
    void handleDiscovery(snmp_pdu *pdu);
    void handleUpTime(snmp_pdu *pdu);
    void handleWalk(snmp_pdu *pdu);
    bool acceptCell(int column, const snmp_pdu *pdu, const void *variable);
    void sendDiscovery();
    void sendUpTime();
    void sendWalk();
    void send(snmp_pdu *pdu);
    void fail(PollError error, const QString &detail);

    SnmpTarget m_target;
    QByteArray m_authKu;
    QByteArray m_privKu;
    void *m_session = nullptr;
    Step m_step = Step::Idle;
    bool m_answered = false;
    int m_timeSyncRetries = 0;
    int m_requests = 0;
    qint64 m_sentAtMs = 0;
    QByteArray m_engineId;
    std::vector<int> m_sentColumns;
    std::array<ColumnWalk, ColumnCount> m_walk;
    std::array<std::map<int, Cell>, ColumnCount> m_cells;

    QDateTime m_startedAt;
    PollError m_error = PollError::None;
    QString m_errorDetail;
    bool m_reachable = false;
    int m_roundTripMs = -1;
    qint64 m_upTimeAtMs = 0;
    std::optional<quint32> m_sysUpTime;
};

} // namespace reg::monitor
