#include "monitor/snmpdevicepoll.h"

#include "monitor/monitorlogging.h"
#include "monitor/netsnmplibrary.h"
#include "monitor/snmpcounters.h"

#include <net-snmp/net-snmp-config.h>
#include <net-snmp/net-snmp-includes.h>

#include <chrono>
#include <cstring>

namespace reg::monitor {

namespace {

constexpr int kMaxRowsPerColumn = 4096;      // a switch stack has hundreds of ports, not thousands
constexpr int kMaxRequestsPerPoll = 1024;    // a walk that never ends is an agent bug, not data
constexpr int kMaxRepetitions = 8;           // 13 columns x 8 rows stay within one UDP datagram
constexpr int kMaxTimeSyncRetries = 2;
constexpr int kMaxTextLength = 255;          // DisplayString

struct ColumnSpec
{
    oid base[11];
    size_t length;
    u_char type;
};

// IF-MIB ifTable/ifXTable and HOST-RESOURCES-MIB hrProcessorTable/hrStorageTable columns.
const ColumnSpec kColumns[SnmpDevicePoll::ColumnCount] = {
    {{1, 3, 6, 1, 2, 1, 2, 2, 1, 2}, 10, ASN_OCTET_STR},          // ifDescr
    {{1, 3, 6, 1, 2, 1, 2, 2, 1, 7}, 10, ASN_INTEGER},            // ifAdminStatus
    {{1, 3, 6, 1, 2, 1, 2, 2, 1, 8}, 10, ASN_INTEGER},            // ifOperStatus
    {{1, 3, 6, 1, 2, 1, 31, 1, 1, 1, 1}, 11, ASN_OCTET_STR},      // ifName
    {{1, 3, 6, 1, 2, 1, 31, 1, 1, 1, 6}, 11, ASN_COUNTER64},      // ifHCInOctets
    {{1, 3, 6, 1, 2, 1, 31, 1, 1, 1, 10}, 11, ASN_COUNTER64},     // ifHCOutOctets
    {{1, 3, 6, 1, 2, 1, 31, 1, 1, 1, 15}, 11, ASN_GAUGE},         // ifHighSpeed (Mb/s)
    {{1, 3, 6, 1, 2, 1, 25, 3, 3, 1, 2}, 11, ASN_INTEGER},        // hrProcessorLoad
    {{1, 3, 6, 1, 2, 1, 25, 2, 3, 1, 2}, 11, ASN_OBJECT_ID},      // hrStorageType
    {{1, 3, 6, 1, 2, 1, 25, 2, 3, 1, 3}, 11, ASN_OCTET_STR},      // hrStorageDescr
    {{1, 3, 6, 1, 2, 1, 25, 2, 3, 1, 4}, 11, ASN_INTEGER},        // hrStorageAllocationUnits
    {{1, 3, 6, 1, 2, 1, 25, 2, 3, 1, 5}, 11, ASN_INTEGER},        // hrStorageSize
    {{1, 3, 6, 1, 2, 1, 25, 2, 3, 1, 6}, 11, ASN_INTEGER},        // hrStorageUsed
};

const oid kSysUpTime[] = {1, 3, 6, 1, 2, 1, 1, 3, 0};
const QByteArray kHrStorageRam = QByteArrayLiteral("1.3.6.1.2.1.25.2.1.2");
const QByteArray kHrStorageFixedDisk = QByteArrayLiteral("1.3.6.1.2.1.25.2.1.4");

// A v3 protocol and master key into net-snmp's session settings; false when either is unusable.
bool setUsmKey(const UsmProtocol &protocol, const QByteArray &ku, oid **protocolField, size_t *protocolLength,
               u_char *keyField, size_t keyCapacity, size_t *keyLength)
{
    if (!protocol.oid || ku.isEmpty() || size_t(ku.size()) > keyCapacity)
        return false;
    *protocolField = snmp_duplicate_objid(protocol.oid, protocol.length);
    *protocolLength = protocol.length;
    std::memcpy(keyField, ku.constData(), size_t(ku.size()));
    *keyLength = size_t(ku.size());
    return true;
}

} // namespace

qint64 monotonicMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

SnmpDevicePoll::SnmpDevicePoll(const SnmpTarget &target, QByteArray authKu, QByteArray privKu, QDateTime startedAt)
    : m_target(target), m_authKu(std::move(authKu)), m_privKu(std::move(privKu)), m_startedAt(std::move(startedAt))
{
    for (int c = 0; c < ColumnCount; ++c)
        m_walk[c].last.assign(kColumns[c].base, kColumns[c].base + kColumns[c].length);
}

SnmpDevicePoll::~SnmpDevicePoll()
{
    if (m_session)
        snmp_sess_close(m_session);
    // The keys were copied into net-snmp's session; ours go with this poll.
    m_authKu.fill('\0');
    m_privKu.fill('\0');
}

void SnmpDevicePoll::begin()
{
    const SnmpCredentials &credentials = m_target.credentials;
    netsnmp_session settings;
    snmp_sess_init(&settings);
    const QByteArray peer = "udp:" + (m_target.address.protocol() == QAbstractSocket::IPv6Protocol
                                          ? '[' + m_target.address.toString().toLatin1() + ']'
                                          : m_target.address.toString().toLatin1())
                            + ':' + QByteArray::number(m_target.port);
    settings.peername = const_cast<char *>(peer.constData());
    settings.timeout = long(qMax(100, m_target.timeoutMs)) * 1000L;
    settings.retries = qBound(0, m_target.retries, 5);
    settings.callback = &SnmpDevicePoll::onAnswer;
    settings.callback_magic = this;
    QByteArray community = credentials.community;
    QByteArray user = credentials.user;
    if (credentials.version == SnmpVersion::V2c) {
        settings.version = SNMP_VERSION_2c;
        settings.community = reinterpret_cast<u_char *>(community.data());
        settings.community_len = size_t(community.size());
    } else {
        settings.version = SNMP_VERSION_3;
        // Discovery is ours and asynchronous: net-snmp's own probe would block this thread for a
        // whole time-out on a dead device, delaying every other device.
        settings.flags |= SNMP_FLAGS_DONT_PROBE;
        settings.securityModel = SNMP_SEC_MODEL_USM;
        settings.securityName = user.data();
        settings.securityNameLen = size_t(user.size());
        settings.securityLevel = usmSecurityLevel(credentials.level);
        if (credentials.level != SnmpSecurityLevel::NoAuthNoPriv
            && !setUsmKey(usmAuthProtocol(credentials.auth), m_authKu, &settings.securityAuthProto,
                          &settings.securityAuthProtoLen, settings.securityAuthKey, sizeof settings.securityAuthKey,
                          &settings.securityAuthKeyLen)) {
            fail(PollError::AuthenticationFailure, QStringLiteral("no usable v3 authentication key"));
            return;
        }
        if (credentials.level == SnmpSecurityLevel::AuthPriv
            && !setUsmKey(usmPrivProtocol(credentials.priv), m_privKu, &settings.securityPrivProto,
                          &settings.securityPrivProtoLen, settings.securityPrivKey, sizeof settings.securityPrivKey,
                          &settings.securityPrivKeyLen)) {
            SNMP_FREE(settings.securityAuthProto);
            fail(PollError::AuthenticationFailure, QStringLiteral("no usable v3 privacy key"));
            return;
        }
    }
    m_session = snmp_sess_open(&settings);
    // snmp_sess_open copied what it keeps; the protocol OIDs we allocated are ours to free.
    SNMP_FREE(settings.securityAuthProto);
    SNMP_FREE(settings.securityPrivProto);
    std::memset(settings.securityAuthKey, 0, sizeof settings.securityAuthKey);
    std::memset(settings.securityPrivKey, 0, sizeof settings.securityPrivKey);
    if (!m_session) {
        fail(PollError::Transport, QStringLiteral("cannot open an SNMP session to %1").arg(QString::fromLatin1(peer)));
        return;
    }
    if (credentials.version == SnmpVersion::V3)
        sendDiscovery();
    else
        sendUpTime();
}

int SnmpDevicePoll::onAnswer(int operation, snmp_session *, int, snmp_pdu *pdu, void *magic)
{
    static_cast<SnmpDevicePoll *>(magic)->handleAnswer(operation, pdu);
    return 1;
}

void SnmpDevicePoll::handleAnswer(int operation, snmp_pdu *pdu)
{
    if (operation == NETSNMP_CALLBACK_OP_RESEND)
        return;   // net-snmp retrying on its own: still waiting
    m_answered = true;
    if (operation == NETSNMP_CALLBACK_OP_TIMED_OUT) {
        fail(PollError::Timeout, m_target.credentials.version == SnmpVersion::V2c
                                     ? QStringLiteral("no answer (agent down, unreachable, or a wrong community)")
                                     : QStringLiteral("no answer (agent down, unreachable, or a wrong privacy key, "
                                                      "which agents drop without a report)"));
        return;
    }
    if (operation == NETSNMP_CALLBACK_OP_SEC_ERROR) {
        int libraryError = 0;
        int snmpError = 0;
        char *text = nullptr;
        snmp_sess_error(m_session, &libraryError, &snmpError, &text);
        const QString detail = QString::fromLatin1(text ? text : "");
        free(text);
        fail(PollError::AuthenticationFailure, QStringLiteral("security error: %1 (%2)").arg(detail).arg(snmpError));
        return;
    }
    if (operation != NETSNMP_CALLBACK_OP_RECEIVED_MESSAGE || !pdu) {
        fail(PollError::Transport, QStringLiteral("the request could not be sent or the transport failed (%1 at step %2)").arg(operation).arg(int(m_step)));
        return;
    }
    if (pdu->command == SNMP_MSG_REPORT && m_step != Step::Discovery) {
        const int report = snmpv3_get_report_type(pdu);
        if (report == SNMPERR_NOT_IN_TIME_WINDOW && m_timeSyncRetries < kMaxTimeSyncRetries) {
            // The agent told us its clock (authenticated): ask again in its time window.
            ++m_timeSyncRetries;
            m_answered = false;
            if (m_step == Step::UpTime)
                sendUpTime();
            else
                sendWalk();
            return;
        }
        switch (report) {
        case SNMPERR_AUTHENTICATION_FAILURE:
            fail(PollError::AuthenticationFailure, QStringLiteral("wrong authentication key (usmStatsWrongDigests)"));
            return;
        case SNMPERR_UNKNOWN_USER_NAME:
            fail(PollError::AuthenticationFailure, QStringLiteral("unknown user (usmStatsUnknownUserNames)"));
            return;
        case SNMPERR_DECRYPTION_ERR:
            fail(PollError::AuthenticationFailure, QStringLiteral("wrong privacy key (usmStatsDecryptionErrors)"));
            return;
        case SNMPERR_UNSUPPORTED_SEC_LEVEL:
            fail(PollError::AuthenticationFailure, QStringLiteral("security level not supported for this user"));
            return;
        default:
            fail(PollError::Malformed, QStringLiteral("unexpected report from the agent (%1)").arg(report));
            return;
        }
    }
    switch (m_step) {
    case Step::Discovery:
        handleDiscovery(pdu);
        return;
    case Step::UpTime:
        handleUpTime(pdu);
        return;
    case Step::Walk:
        handleWalk(pdu);
        return;
    case Step::Idle:
    case Step::Done:
        return;
    }
}

void SnmpDevicePoll::handleDiscovery(snmp_pdu *pdu)
{
    m_reachable = true;
    if (pdu->securityEngineIDLen == 0 || pdu->securityEngineIDLen > 32) {
        fail(PollError::Malformed, QStringLiteral("the agent did not tell its engine id"));
        return;
    }
    m_engineId = QByteArray(reinterpret_cast<const char *>(pdu->securityEngineID), qsizetype(pdu->securityEngineIDLen));
}

// A response without an error status; anything else ends the poll with the reason.
bool SnmpDevicePoll::acceptResponse(const snmp_pdu *pdu)
{
    if (pdu->command != SNMP_MSG_RESPONSE) {
        fail(PollError::Malformed, QStringLiteral("an answer that is not a response"));
        return false;
    }
    if (pdu->errstat != SNMP_ERR_NOERROR) {
        fail(PollError::AgentError, QStringLiteral("the agent answered %1").arg(QString::fromLatin1(snmp_errstring(int(pdu->errstat)))));
        return false;
    }
    return true;
}

void SnmpDevicePoll::handleUpTime(snmp_pdu *pdu)
{
    m_reachable = true;
    m_upTimeAtMs = monotonicMs();
    m_roundTripMs = int(qMax<qint64>(0, m_upTimeAtMs - m_sentAtMs));
    if (!acceptResponse(pdu))
        return;
    const netsnmp_variable_list *variable = pdu->variables;
    if (!variable || variable->next_variable || variable->type != ASN_TIMETICKS || !variable->val.integer
        || snmp_oid_compare(variable->name, variable->name_length, kSysUpTime, OID_LENGTH(kSysUpTime)) != 0) {
        fail(PollError::Malformed, QStringLiteral("sysUpTime.0 missing or not TimeTicks"));
        return;
    }
    m_sysUpTime = quint32(*variable->val.integer & 0xffffffffUL);
}

bool SnmpDevicePoll::acceptCell(int column, const snmp_pdu *, const void *opaque)
{
    const auto *variable = static_cast<const netsnmp_variable_list *>(opaque);
    const ColumnSpec &spec = kColumns[column];
    ColumnWalk &walk = m_walk[size_t(column)];
    if (variable->type == SNMP_ENDOFMIBVIEW || variable->type == SNMP_NOSUCHOBJECT || variable->type == SNMP_NOSUCHINSTANCE
        || variable->name_length <= spec.length
        || snmp_oidtree_compare(spec.base, spec.length, variable->name, variable->name_length) != 0) {
        walk.done = true;   // left the column: this column is complete
        return true;
    }
    if (snmp_oid_compare(variable->name, variable->name_length, walk.last.data(), walk.last.size()) <= 0) {
        fail(PollError::Malformed, QStringLiteral("the agent returned OIDs out of order"));
        return false;
    }
    walk.last.assign(variable->name, variable->name + variable->name_length);
    if (++walk.rows > kMaxRowsPerColumn) {
        qCWarning(lcMonitor, "device %lld: more than %d rows in a column, the rest is ignored",
                  static_cast<long long>(m_target.deviceId), kMaxRowsPerColumn);
        walk.done = true;
        return true;
    }
    if (variable->type != spec.type) {
        fail(PollError::Malformed, QStringLiteral("column %1: unexpected value type %2")
                                       .arg(oidToString(spec.base, spec.length)).arg(int(variable->type)));
        return false;
    }
    // Every column used here is indexed by one integer (ifIndex, hrDeviceIndex, hrStorageIndex).
    if (variable->name_length != spec.length + 1 || variable->name[spec.length] > 0x7fffffffUL)
        return true;
    const int index = int(variable->name[spec.length]);
    Cell cell;
    switch (variable->type) {
    case ASN_OCTET_STR:
        cell.text = QByteArray(reinterpret_cast<const char *>(variable->val.string),
                               qsizetype(qMin<size_t>(variable->val_len, kMaxTextLength)));
        break;
    case ASN_OBJECT_ID:
        cell.text = oidToString(variable->val.objid, qMin<size_t>(variable->val_len / sizeof(oid), MAX_OID_LEN)).toLatin1();
        break;
    case ASN_COUNTER64:
        cell.number = (quint64(variable->val.counter64->high) << 32) | quint64(variable->val.counter64->low & 0xffffffffUL);
        break;
    case ASN_GAUGE:
        cell.number = quint64(*variable->val.integer & 0xffffffffUL);
        break;
    default:   // INTEGER
        cell.signedNumber = qint64(*variable->val.integer);
        break;
    }
    m_cells[size_t(column)][index] = std::move(cell);
    return true;
}

void SnmpDevicePoll::handleWalk(snmp_pdu *pdu)
{
    if (!acceptResponse(pdu))
        return;
    const size_t columns = m_sentColumns.size();
    size_t position = 0;
    for (const netsnmp_variable_list *variable = pdu->variables; variable; variable = variable->next_variable, ++position) {
        if (position >= columns * size_t(kMaxRepetitions))
            break;   // more than asked for
        const int column = m_sentColumns[position % columns];
        if (m_walk[size_t(column)].done)
            continue;
        if (!acceptCell(column, pdu, variable))
            return;
    }
    if (position == 0) {
        fail(PollError::Malformed, QStringLiteral("an empty GETBULK answer"));
        return;
    }
}

void SnmpDevicePoll::advance()
{
    if (!m_answered || m_step == Step::Done)
        return;
    m_answered = false;
    switch (m_step) {
    case Step::Discovery: {
        netsnmp_session *session = snmp_sess_session(m_session);
        if (!session->securityEngineIDLen) {
            session->securityEngineID = static_cast<u_char *>(netsnmp_memdup(m_engineId.constData(), size_t(m_engineId.size())));
            session->securityEngineIDLen = size_t(m_engineId.size());
        }
        if (!session->contextEngineIDLen) {
            session->contextEngineID = static_cast<u_char *>(netsnmp_memdup(m_engineId.constData(), size_t(m_engineId.size())));
            session->contextEngineIDLen = size_t(m_engineId.size());
        }
        // net-snmp keeps localised keys per (engine id, user) in its global list; replace what an
        // earlier poll (perhaps with other credentials) left, so a wrong key is never masked.
        if (usmUser *stale = usm_get_user(session->securityEngineID, session->securityEngineIDLen, session->securityName)) {
            usm_remove_user(stale);
            usm_free_user(stale);
        }
        session->flags &= ~SNMP_FLAGS_USER_CREATED;   // (re)create it from this session's keys
        if (create_user_from_session(session) != SNMPERR_SUCCESS
            || !usm_get_user(session->securityEngineID, session->securityEngineIDLen, session->securityName)) {
            fail(PollError::AuthenticationFailure, QStringLiteral("cannot localise the v3 keys to the agent's engine id"));
            return;
        }
        sendUpTime();
        return;
    }
    case Step::UpTime:
        sendWalk();
        return;
    case Step::Walk:
        if (std::all_of(m_walk.begin(), m_walk.end(), [](const ColumnWalk &w) { return w.done; }))
            m_step = Step::Done;
        else
            sendWalk();
        return;
    case Step::Idle:
    case Step::Done:
        return;
    }
}

void SnmpDevicePoll::sendDiscovery()
{
    m_step = Step::Discovery;
    // RFC 3414 4: an unauthenticated request with an empty engine id; the agent's report carries its own.
    netsnmp_pdu *pdu = snmp_pdu_create(SNMP_MSG_GET);
    pdu->securityLevel = SNMP_SEC_LEVEL_NOAUTH;
    send(pdu);
}

void SnmpDevicePoll::sendUpTime()
{
    m_step = Step::UpTime;
    netsnmp_pdu *pdu = snmp_pdu_create(SNMP_MSG_GET);
    snmp_add_null_var(pdu, kSysUpTime, OID_LENGTH(kSysUpTime));
    send(pdu);
}

void SnmpDevicePoll::sendWalk()
{
    m_step = Step::Walk;
    m_sentColumns.clear();
    netsnmp_pdu *pdu = snmp_pdu_create(SNMP_MSG_GETBULK);
    pdu->non_repeaters = 0;
    pdu->max_repetitions = kMaxRepetitions;
    for (int c = 0; c < ColumnCount; ++c) {
        if (m_walk[size_t(c)].done)
            continue;
        m_sentColumns.push_back(c);
        snmp_add_null_var(pdu, m_walk[size_t(c)].last.data(), m_walk[size_t(c)].last.size());
    }
    send(pdu);
}

void SnmpDevicePoll::send(snmp_pdu *pdu)
{
    if (++m_requests > kMaxRequestsPerPoll) {
        snmp_free_pdu(pdu);
        fail(PollError::Malformed, QStringLiteral("the walk did not end after %1 requests").arg(kMaxRequestsPerPoll));
        return;
    }
    m_sentAtMs = monotonicMs();
    if (snmp_sess_async_send(m_session, pdu, &SnmpDevicePoll::onAnswer, this) == 0) {
        snmp_free_pdu(pdu);
        fail(PollError::Transport, QStringLiteral("cannot send the request"));
    }
}

void SnmpDevicePoll::fail(PollError error, const QString &detail)
{
    if (m_error == PollError::None) {
        m_error = error;
        m_errorDetail = detail;
    }
    m_step = Step::Done;
}

PollResult SnmpDevicePoll::takeResult(const PollHistory &previous, PollHistory *next) const
{
    PollResult result;
    result.deviceId = m_target.deviceId;
    result.polledAt = m_startedAt;
    result.reachable = m_reachable;
    result.roundTripMs = m_roundTripMs;
    result.error = m_error;
    result.errorDetail = m_errorDetail;
    result.sysUpTime = m_sysUpTime;
    result.restarted = isRestart(previous.sysUpTime, m_sysUpTime);

    *next = previous;
    if (!m_sysUpTime)
        return result;   // nothing measured: keep the previous readings for the next rates
    next->sysUpTime = m_sysUpTime;
    next->atMs = m_upTimeAtMs;
    next->octets.clear();
    const qint64 elapsedMs = previous.sysUpTime ? m_upTimeAtMs - previous.atMs : 0;

    const auto cell = [this](Column column, int index) -> const Cell * {
        const auto &cells = m_cells[size_t(column)];
        const auto it = cells.find(index);
        return it == cells.end() ? nullptr : &it->second;
    };
    std::map<int, bool> interfaceIndexes;
    for (const Column c : {IfDescr, IfOperStatus, IfName})
        for (const auto &[index, value] : m_cells[size_t(c)])
            interfaceIndexes[index] = true;
    for (const auto &[index, unused] : interfaceIndexes) {
        InterfaceStatus status;
        status.index = index;
        const Cell *name = cell(IfName, index);
        const Cell *description = cell(IfDescr, index);
        status.name = QString::fromUtf8(name && !name->text.isEmpty() ? name->text : description ? description->text : QByteArray());
        if (const Cell *admin = cell(IfAdminStatus, index))
            status.adminStatus = int(admin->signedNumber);
        if (const Cell *oper = cell(IfOperStatus, index))
            status.operStatus = int(oper->signedNumber);
        if (const Cell *speed = cell(IfHighSpeed, index))
            status.speedBps = speed->number * 1000000ULL;
        const Cell *in = cell(IfHcInOctets, index);
        const Cell *out = cell(IfHcOutOctets, index);
        if (in)
            status.inOctets = in->number;
        if (out)
            status.outOctets = out->number;
        if (in && out) {
            next->octets.insert(index, {in->number, out->number});
            const auto before = previous.octets.constFind(index);
            if (before != previous.octets.constEnd() && elapsedMs > 0) {
                const auto inDelta = counterDelta64(before->first, in->number, result.restarted);
                const auto outDelta = counterDelta64(before->second, out->number, result.restarted);
                if (inDelta)
                    status.inBps = bitsPerSecond(*inDelta, elapsedMs, status.speedBps);
                if (outDelta)
                    status.outBps = bitsPerSecond(*outDelta, elapsedMs, status.speedBps);
                status.utilisationPercent = utilisationPercent(status.inBps, status.outBps, status.speedBps);
            }
        }
        result.interfaces.append(status);
    }

    const auto &loads = m_cells[HrProcessorLoad];
    double loadSum = 0;
    int processors = 0;
    for (const auto &[index, value] : loads) {
        if (value.signedNumber >= 0 && value.signedNumber <= 100) {
            loadSum += double(value.signedNumber);
            ++processors;
        }
    }
    if (processors > 0)
        result.cpuLoadPercent = loadSum / processors;

    for (const auto &[index, type] : m_cells[HrStorageType]) {
        const Cell *units = cell(HrStorageUnits, index);
        const Cell *size = cell(HrStorageSize, index);
        const Cell *used = cell(HrStorageUsed, index);
        if (!units || !size || !used || units->signedNumber <= 0 || size->signedNumber <= 0 || used->signedNumber < 0)
            continue;
        const double usedPercent = qMin(100.0, double(used->signedNumber) * 100.0 / double(size->signedNumber));
        if (type.text == kHrStorageRam) {
            result.memoryUsedPercent = usedPercent;
        } else if (type.text == kHrStorageFixedDisk) {
            StorageUsage disk;
            disk.index = index;
            const Cell *description = cell(HrStorageDescr, index);
            disk.description = description ? QString::fromUtf8(description->text) : QString();
            disk.sizeBytes = quint64(size->signedNumber) * quint64(units->signedNumber);
            disk.usedBytes = quint64(used->signedNumber) * quint64(units->signedNumber);
            disk.usedPercent = usedPercent;
            result.disks.append(disk);
        }
    }
    return result;
}

} // namespace reg::monitor
