#include "monitor/trapreceiver.h"

#include "monitor/monitorlogging.h"
#include "monitor/netsnmplibrary.h"
#include "monitor/varbindtext.h"

#include <net-snmp/net-snmp-config.h>
#include <net-snmp/net-snmp-includes.h>
#include <net-snmp/library/keytools.h>
#include <net-snmp/library/large_fd_set.h>
#include <net-snmp/library/snmpusm.h>

#include <sys/eventfd.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <unistd.h>

#include <cstring>

namespace reg::monitor {

namespace {

const oid kSysUpTime[] = {1, 3, 6, 1, 2, 1, 1, 3, 0};
const oid kSnmpTrapOid[] = {1, 3, 6, 1, 6, 3, 1, 1, 4, 1, 0};
const oid kIfIndex[] = {1, 3, 6, 1, 2, 1, 2, 2, 1, 1};

// The USM statistics that count v3 messages refused before they reach us.
quint64 usmRejections()
{
    return quint64(snmp_get_statistic(STAT_USMSTATSUNKNOWNUSERNAMES)) + snmp_get_statistic(STAT_USMSTATSWRONGDIGESTS)
           + snmp_get_statistic(STAT_USMSTATSDECRYPTIONERRORS) + snmp_get_statistic(STAT_USMSTATSUNSUPPORTEDSECLEVELS);
}

// The UDP transport hands each message its addresses (net-snmp's netsnmp_indexed_addr_pair).
QHostAddress sourceOf(const snmp_pdu *pdu)
{
    if (!pdu->transport_data || pdu->transport_data_length < int(sizeof(netsnmp_indexed_addr_pair)))
        return {};
    return QHostAddress(&static_cast<const netsnmp_indexed_addr_pair *>(pdu->transport_data)->remote_addr.sa);
}

// One localised USM user entry for an engine id; false when a key cannot be made.
bool addUsmUser(const TrapUser &config, const QByteArray &engineId)
{
    const UsmProtocol auth = usmAuthProtocol(config.auth);
    const UsmProtocol priv = usmPrivProtocol(config.priv);
    usmUser *user = usm_create_user();
    if (!user)
        return false;
    user->engineID = static_cast<u_char *>(netsnmp_memdup(engineId.constData(), size_t(engineId.size())));
    user->engineIDLen = size_t(engineId.size());
    user->name = strdup(config.user.constData());
    user->secName = strdup(config.user.constData());
    const auto localise = [&](const QByteArray &passphrase, u_char **key, size_t *length) {
        const QByteArray ku = usmMasterKey(config.auth, passphrase);
        if (ku.isEmpty())
            return false;
        *key = static_cast<u_char *>(malloc(USM_AUTH_KU_LEN));
        *length = USM_AUTH_KU_LEN;
        return generate_kul(auth.oid, u_int(auth.length), user->engineID, user->engineIDLen,
                            reinterpret_cast<const u_char *>(ku.constData()), size_t(ku.size()), *key, length)
               == SNMPERR_SUCCESS;
    };
    bool ok = true;
    if (config.level != SnmpSecurityLevel::NoAuthNoPriv) {
        SNMP_FREE(user->authProtocol);
        user->authProtocol = snmp_duplicate_objid(auth.oid, auth.length);
        user->authProtocolLen = auth.length;
        ok = auth.oid && localise(config.authPassphrase, &user->authKey, &user->authKeyLen);
    }
    if (ok && config.level == SnmpSecurityLevel::AuthPriv) {
        SNMP_FREE(user->privProtocol);
        user->privProtocol = snmp_duplicate_objid(priv.oid, priv.length);
        user->privProtocolLen = priv.length;
        ok = priv.oid && localise(config.privPassphrase, &user->privKey, &user->privKeyLen);
    }
    if (!ok) {
        usm_free_user(user);
        return false;
    }
    user->userStatus = RS_ACTIVE;
    user->userStorageType = ST_READONLY;
    usm_add_user(user);
    return true;
}

} // namespace

TrapReceiver::TrapReceiver(const Clock &clock, TrapReceiverOptions options, QObject *parent)
    : QObject(parent), m_clock(clock), m_options(std::move(options)), m_mapping(m_options.rules),
      m_limiter(clock, m_options.rateLimits)
{
    qRegisterMetaType<reg::monitor::TrapRecord>();
    qRegisterMetaType<reg::monitor::TrapEvent>();
    m_wakeFd = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
}

TrapReceiver::~TrapReceiver()
{
    stop();
    if (m_wakeFd >= 0)
        ::close(m_wakeFd);
}

TrapCounters TrapReceiver::counters() const
{
    TrapCounters c;
    c.accepted = m_accepted;
    c.rateLimited = m_rateLimited;
    c.unknownCommunity = m_unknownCommunity;
    c.v3Rejected = m_v3Rejected;
    c.unsupported = m_unsupported;
    c.malformed = m_malformed;
    c.informsAnswered = m_informsAnswered;
    return c;
}

Result<void> TrapReceiver::registerUsers()
{
    // Informs are sent to our engine id, traps from the sender's: a v3 user needs both entries.
    u_char local[32];
    const size_t localLength = snmpv3_get_engineID(local, sizeof local);
    for (const TrapUser &user : m_options.users) {
        if (user.user.isEmpty() || user.user.size() > 32 || user.user.contains('\0') || user.engineId.size() < 5
            || user.engineId.size() > 32)
            return Error(ErrorCode::InvalidInput, QStringLiteral("trap user: a name of 1-32 octets and an engine id of 5-32 octets"));
        if (!addUsmUser(user, user.engineId))
            return Error(ErrorCode::InvalidInput, QStringLiteral("trap user %1: unusable keys (passphrases of at least 8 characters)")
                                                      .arg(QString::fromUtf8(user.user)));
        if (localLength > 0 && QByteArray(reinterpret_cast<const char *>(local), qsizetype(localLength)) != user.engineId)
            addUsmUser(user, QByteArray(reinterpret_cast<const char *>(local), qsizetype(localLength)));
    }
    return success();
}

Result<void> TrapReceiver::start()
{
    if (m_thread.joinable())
        return success();
    NetSnmpLibrary::ensureInitialised();
    QMutexLocker lock(&NetSnmpLibrary::mutex());
    if (auto r = registerUsers(); !r)
        return r;
    const QString host = m_options.address.protocol() == QAbstractSocket::IPv6Protocol
                             ? QString(u"udp6:[" + m_options.address.toString() + u']')
                             : QString(u"udp:" + m_options.address.toString());
    const QByteArray spec = (host + u':' + QString::number(m_options.port)).toLatin1();
    netsnmp_transport *transport = netsnmp_transport_open_server("snmptrap", spec.constData());
    if (!transport)
        return Error(ErrorCode::Unavailable, QStringLiteral("cannot listen for SNMP traps on %1").arg(QString::fromLatin1(spec)));
    sockaddr_storage bound{};
    socklen_t boundLength = sizeof bound;
    if (::getsockname(transport->sock, reinterpret_cast<sockaddr *>(&bound), &boundLength) == 0)
        m_boundPort = QHostAddress(reinterpret_cast<sockaddr *>(&bound)).isNull()
                          ? m_options.port
                          : quint16(ntohs(reinterpret_cast<sockaddr_in *>(&bound)->sin_port));
    netsnmp_session settings;
    snmp_sess_init(&settings);
    settings.peername = SNMP_DEFAULT_PEERNAME;
    settings.version = SNMP_DEFAULT_VERSION;
    settings.community_len = SNMP_DEFAULT_COMMUNITY_LEN;
    settings.retries = SNMP_DEFAULT_RETRIES;
    settings.timeout = SNMP_DEFAULT_TIMEOUT;
    settings.callback = &TrapReceiver::onMessage;
    settings.callback_magic = this;
    settings.isAuthoritative = SNMP_SESS_UNKNOWNAUTH;
    m_session = snmp_sess_add(&settings, transport, nullptr, nullptr);
    if (!m_session)
        return Error(ErrorCode::Unavailable, QStringLiteral("cannot open the SNMP trap session on %1").arg(QString::fromLatin1(spec)));
    m_stopping = false;
    m_thread = std::thread([this] { run(); });
    qCInfo(lcMonitor, "SNMP trap receiver listening on %s", spec.constData());
    return success();
}

void TrapReceiver::stop()
{
    if (!m_thread.joinable())
        return;
    m_stopping = true;
    const quint64 one = 1;
    (void)!::write(m_wakeFd, &one, sizeof one);
    m_thread.join();
    QMutexLocker lock(&NetSnmpLibrary::mutex());
    snmp_sess_close(m_session);
    m_session = nullptr;
}

void TrapReceiver::run()
{
    netsnmp_large_fd_set fds;
    netsnmp_large_fd_set_init(&fds, FD_SETSIZE);
    while (!m_stopping) {
        NETSNMP_LARGE_FD_ZERO(&fds);
        int maxFd = m_wakeFd + 1;
        NETSNMP_LARGE_FD_SET(m_wakeFd, &fds);
        {
            QMutexLocker lock(&NetSnmpLibrary::mutex());
            int block = 1;
            timeval unused{0, 0};
            snmp_sess_select_info2(m_session, &maxFd, &fds, &unused, &block);
        }
        timeval wait{1, 0};
        const int ready = netsnmp_large_fd_set_select(maxFd, &fds, nullptr, nullptr, &wait);
        if (ready <= 0)
            continue;
        if (NETSNMP_LARGE_FD_ISSET(m_wakeFd, &fds)) {
            quint64 drained = 0;
            (void)!::read(m_wakeFd, &drained, sizeof drained);
        }
        QList<TrapRecord> decoded;
        {
            QMutexLocker lock(&NetSnmpLibrary::mutex());
            const quint64 rejectedBefore = usmRejections();
            snmp_sess_read2(m_session, &fds);
            m_v3Rejected += qint64(usmRejections() - rejectedBefore);
            decoded.swap(m_decoded);
        }
        for (const TrapRecord &trap : std::as_const(decoded)) {
            Q_EMIT trapReceived(trap);
            if (trap.event)
                Q_EMIT trapEvent(*trap.event);
        }
    }
    netsnmp_large_fd_set_cleanup(&fds);
}

int TrapReceiver::onMessage(int operation, snmp_session *, int, snmp_pdu *pdu, void *magic)
{
    if (operation == NETSNMP_CALLBACK_OP_RECEIVED_MESSAGE && pdu)
        static_cast<TrapReceiver *>(magic)->handle(pdu);
    return 1;
}

// Under the library lock, on the receiver thread. Cheapest checks first: a flood is mostly dropped
// before anything is formatted.
void TrapReceiver::handle(snmp_pdu *pdu)
{
    if ((pdu->command != SNMP_MSG_TRAP2 && pdu->command != SNMP_MSG_INFORM)
        || (pdu->version != SNMP_VERSION_2c && pdu->version != SNMP_VERSION_3)) {
        ++m_unsupported;
        return;
    }
    TrapRecord trap;
    trap.source = sourceOf(pdu);
    trap.inform = pdu->command == SNMP_MSG_INFORM;
    if (pdu->version == SNMP_VERSION_2c) {
        const QByteArray community(reinterpret_cast<const char *>(pdu->community), qsizetype(pdu->community_len));
        if (!m_options.communities.contains(community)) {
            ++m_unknownCommunity;
            return;
        }
        trap.version = QStringLiteral("2c");
    } else {
        // USM accepted the message for this user at the level it carries; we insist on the level
        // the user is configured with, so a user name alone (noAuthNoPriv) opens nothing.
        const QByteArray name(pdu->securityName, qsizetype(pdu->securityNameLen));
        const auto user = std::find_if(m_options.users.cbegin(), m_options.users.cend(),
                                       [&](const TrapUser &u) { return u.user == name; });
        if (user == m_options.users.cend() || pdu->securityLevel < usmSecurityLevel(user->level)) {
            ++m_v3Rejected;
            return;
        }
        trap.version = QStringLiteral("3");
        trap.securityName = QString::fromUtf8(name);
    }
    if (!m_limiter.admit(trap.source)) {
        ++m_rateLimited;
        return;
    }
    // RFC 3416 4.2.6: sysUpTime.0 first, snmpTrapOID.0 second.
    const netsnmp_variable_list *upTime = pdu->variables;
    const netsnmp_variable_list *trapOid = upTime ? upTime->next_variable : nullptr;
    if (!trapOid || snmp_oid_compare(upTime->name, upTime->name_length, kSysUpTime, OID_LENGTH(kSysUpTime)) != 0
        || snmp_oid_compare(trapOid->name, trapOid->name_length, kSnmpTrapOid, OID_LENGTH(kSnmpTrapOid)) != 0
        || trapOid->type != ASN_OBJECT_ID || !trapOid->val.objid) {
        ++m_malformed;
        return;
    }
    trap.receivedAt = m_clock.now();
    trap.trapOid = oidToString(trapOid->val.objid, qMin<size_t>(trapOid->val_len / sizeof(oid), MAX_OID_LEN));
    VarbindText text(m_options.maxVarbinds, m_options.maxValueLength);
    std::optional<qint64> ifIndex;
    for (const netsnmp_variable_list *v = trapOid->next_variable; v; v = v->next_variable) {
        text.add(v);
        if (!ifIndex && v->type == ASN_INTEGER && v->val.integer
            && snmp_oidtree_compare(kIfIndex, OID_LENGTH(kIfIndex), v->name, v->name_length) == 0)
            ifIndex = qint64(*v->val.integer);
    }
    trap.varbinds = text.text();
    trap.event = m_mapping.map(trap, ifIndex);

    if (trap.inform) {
        // RFC 3416 4.2.7: the response repeats the request's variable bindings.
        netsnmp_pdu *response = snmp_clone_pdu(pdu);
        if (response) {
            response->command = SNMP_MSG_RESPONSE;
            response->errstat = 0;
            response->errindex = 0;
            if (snmp_sess_send(m_session, response) == 0)
                snmp_free_pdu(response);
            else
                ++m_informsAnswered;
        }
    }
    ++m_accepted;
    m_decoded.append(trap);
}

} // namespace reg::monitor
