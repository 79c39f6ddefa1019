#include "monitor/varbindtext.h"

#include "monitor/netsnmplibrary.h"

#include <net-snmp/net-snmp-config.h>
#include <net-snmp/net-snmp-includes.h>

namespace reg::monitor {

namespace {

QString octets(const u_char *data, size_t length, int cap)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(qMin<size_t>(length, size_t(cap))));
    bool printable = true;
    for (const char c : bytes)
        printable = printable && ((c >= 0x20 && c < 0x7f) || c == '\t');
    if (printable)
        return u'"' + QString::fromLatin1(bytes).replace(u'\\', u"\\\\"_qs).replace(u'"', u"\\\""_qs) + u'"';
    return QStringLiteral("0x") + QString::fromLatin1(bytes.toHex());
}

QString value(const netsnmp_variable_list *v, int cap)
{
    switch (v->type) {
    case ASN_INTEGER:
        return v->val.integer ? QString::number(*v->val.integer) : QString();
    case ASN_COUNTER:
    case ASN_GAUGE:
    case ASN_TIMETICKS:
    case ASN_UINTEGER:
        return v->val.integer ? QString::number(quint32(*v->val.integer & 0xffffffffUL)) : QString();
    case ASN_COUNTER64:
        return v->val.counter64 ? QString::number((quint64(v->val.counter64->high) << 32) | (v->val.counter64->low & 0xffffffffUL))
                                : QString();
    case ASN_OCTET_STR:
    case ASN_OPAQUE:
        return octets(v->val.string, v->val_len, cap);
    case ASN_IPADDRESS:
        if (v->val.string && v->val_len == 4)
            return QStringLiteral("%1.%2.%3.%4").arg(v->val.string[0]).arg(v->val.string[1]).arg(v->val.string[2]).arg(v->val.string[3]);
        return octets(v->val.string, v->val_len, cap);
    case ASN_OBJECT_ID:
        return v->val.objid ? oidToString(v->val.objid, qMin<size_t>(v->val_len / sizeof(oid), MAX_OID_LEN)) : QString();
    case ASN_NULL:
        return QStringLiteral("null");
    case SNMP_NOSUCHOBJECT:
        return QStringLiteral("noSuchObject");
    case SNMP_NOSUCHINSTANCE:
        return QStringLiteral("noSuchInstance");
    case SNMP_ENDOFMIBVIEW:
        return QStringLiteral("endOfMibView");
    default:
        return QStringLiteral("type-%1").arg(int(v->type));
    }
}

} // namespace

VarbindText::VarbindText(int maxVarbinds, int maxValueLength)
    : m_maxVarbinds(qMax(0, maxVarbinds)), m_maxValueLength(qMax(8, maxValueLength))
{
}

void VarbindText::add(const variable_list *variable)
{
    ++m_count;
    if (m_count > m_maxVarbinds)
        return;
    if (!m_text.isEmpty())
        m_text += u'\n';
    m_text += oidToString(variable->name, qMin<size_t>(variable->name_length, MAX_OID_LEN)) + u'='
              + value(variable, m_maxValueLength).left(m_maxValueLength * 4);
}

QString VarbindText::text() const
{
    if (m_count <= m_maxVarbinds)
        return m_text;
    return m_text + QStringLiteral("\n(%1 more not kept)").arg(m_count - m_maxVarbinds);
}

} // namespace reg::monitor
