#include "xrptransactionids.h"

namespace reg::xrp {

XrpTransactionIds::XrpTransactionIds(const QString &serverId, const QDateTime &startedAt)
{
    // The server id is configured free text ("registryd site-a"); only token-safe characters stay.
    QString shortId;
    for (const QChar c : serverId) {
        if (shortId.size() == 16)
            break;
        if ((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'.' || c == u'-')
            shortId.append(c);
        else if (c == u' ' && !shortId.isEmpty() && !shortId.endsWith(u'-'))
            shortId.append(u'-');
    }
    if (shortId.isEmpty())
        shortId = QStringLiteral("XRP");
    m_prefix = shortId + u'-' + QString::number(startedAt.toMSecsSinceEpoch(), 16) + u'-';
}

QString XrpTransactionIds::next()
{
    const quint64 n = m_counter.fetch_add(1, std::memory_order_relaxed) + 1;
    return m_prefix + QString::number(n, 16);
}

} // namespace reg::xrp
