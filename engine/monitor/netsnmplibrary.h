#pragma once

#include <QByteArray>
#include <QMutex>
#include <QString>

#include "monitor/snmptarget.h"

#include <cstddef>
#include <vector>

namespace reg::monitor {

// net-snmp's library state (the USM user list, engine times, statistics, the MIB tree) is global
// and not thread-safe, while the poller and the trap receiver each run a thread of their own. So
// every call into net-snmp happens under NetSnmpLibrary::mutex() (never held across select()), and
// the library is initialised once, without reading any configuration or persistent file of the
// machine: registryd's SNMP behaviour comes from its own configuration only.
class NetSnmpLibrary
{
public:
    static void ensureInitialised();   // thread-safe, idempotent
    static QMutex &mutex();
};

// A numeric OID ("1.3.6.1.2.1.1.3.0") from net-snmp's array form; the only form we show or store.
QString oidToString(const unsigned long *oid, size_t length);

// The USM protocol OIDs net-snmp expects for our protocol names; nullptr/0 for None.
struct UsmProtocol
{
    const unsigned long *oid = nullptr;
    size_t length = 0;
};
UsmProtocol usmAuthProtocol(SnmpAuthProtocol protocol);
UsmProtocol usmPrivProtocol(SnmpPrivProtocol protocol);

// net-snmp's SNMP_SEC_LEVEL_* for a security level.
int usmSecurityLevel(SnmpSecurityLevel level);

// The master key Ku (RFC 3414 2.6) of a passphrase for an authentication protocol, or empty when
// the passphrase is too short or the protocol unknown to this net-snmp. Call under mutex().
QByteArray usmMasterKey(SnmpAuthProtocol protocol, const QByteArray &passphrase);

} // namespace reg::monitor
