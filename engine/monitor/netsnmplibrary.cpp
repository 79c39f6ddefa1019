#include "monitor/netsnmplibrary.h"

#include <net-snmp/net-snmp-config.h>
#include <net-snmp/net-snmp-includes.h>
#include <net-snmp/library/keytools.h>
#include <net-snmp/library/transform_oids.h>

#include <mutex>

namespace reg::monitor {

void NetSnmpLibrary::ensureInitialised()
{
    static std::once_flag once;
    std::call_once(once, [] {
        QMutexLocker lock(&mutex());
        // No snmp.conf, no /var/lib/snmp, no MIB files: nothing outside our configuration counts.
        netsnmp_ds_set_boolean(NETSNMP_DS_LIBRARY_ID, NETSNMP_DS_LIB_DONT_READ_CONFIGS, 1);
        netsnmp_ds_set_boolean(NETSNMP_DS_LIBRARY_ID, NETSNMP_DS_LIB_DONT_PERSIST_STATE, 1);
        netsnmp_ds_set_boolean(NETSNMP_DS_LIBRARY_ID, NETSNMP_DS_LIB_DISABLE_PERSISTENT_LOAD, 1);
        netsnmp_ds_set_boolean(NETSNMP_DS_LIBRARY_ID, NETSNMP_DS_LIB_DISABLE_PERSISTENT_SAVE, 1);
        netsnmp_ds_set_int(NETSNMP_DS_LIBRARY_ID, NETSNMP_DS_LIB_OID_OUTPUT_FORMAT, NETSNMP_OID_OUTPUT_NUMERIC);
        qputenv("MIBS", QByteArray());
        netsnmp_register_loghandler(NETSNMP_LOGHANDLER_NONE, LOG_EMERG);   // no stderr chatter
        init_snmp("registryd");
    });
}

QMutex &NetSnmpLibrary::mutex()
{
    static QMutex m;
    return m;
}

QString oidToString(const unsigned long *oid, size_t length)
{
    QString text;
    text.reserve(int(length) * 3);
    for (size_t i = 0; i < length; ++i) {
        if (i)
            text += QLatin1Char('.');
        text += QString::number(oid[i]);
    }
    return text;
}

UsmProtocol usmAuthProtocol(SnmpAuthProtocol protocol)
{
    switch (protocol) {
    case SnmpAuthProtocol::Sha1:
        return {usmHMACSHA1AuthProtocol, OID_LENGTH(usmHMACSHA1AuthProtocol)};
    case SnmpAuthProtocol::Sha256:
        return {usmHMAC192SHA256AuthProtocol, OID_LENGTH(usmHMAC192SHA256AuthProtocol)};
    case SnmpAuthProtocol::Sha512:
        return {usmHMAC384SHA512AuthProtocol, OID_LENGTH(usmHMAC384SHA512AuthProtocol)};
    case SnmpAuthProtocol::None:
        break;
    }
    return {};
}

UsmProtocol usmPrivProtocol(SnmpPrivProtocol protocol)
{
    if (protocol == SnmpPrivProtocol::Aes128)
        return {usmAESPrivProtocol, OID_LENGTH(usmAESPrivProtocol)};
    return {};
}

int usmSecurityLevel(SnmpSecurityLevel level)
{
    switch (level) {
    case SnmpSecurityLevel::NoAuthNoPriv:
        return SNMP_SEC_LEVEL_NOAUTH;
    case SnmpSecurityLevel::AuthNoPriv:
        return SNMP_SEC_LEVEL_AUTHNOPRIV;
    case SnmpSecurityLevel::AuthPriv:
        break;
    }
    return SNMP_SEC_LEVEL_AUTHPRIV;
}

QByteArray usmMasterKey(SnmpAuthProtocol protocol, const QByteArray &passphrase)
{
    const UsmProtocol auth = usmAuthProtocol(protocol);
    if (!auth.oid || passphrase.size() < USM_LENGTH_P_MIN)
        return {};
    u_char key[64];   // SHA-512, the longest digest
    size_t keyLength = sizeof key;
    if (generate_Ku(const_cast<oid *>(auth.oid), u_int(auth.length),
                    reinterpret_cast<const u_char *>(passphrase.constData()), size_t(passphrase.size()),
                    key, &keyLength) != SNMPERR_SUCCESS)
        return {};
    return QByteArray(reinterpret_cast<const char *>(key), qsizetype(keyLength));
}

} // namespace reg::monitor
