#include "querymix.h"

#include <QFile>
#include <QRandomGenerator>

namespace reg::bench {

Result<QueryMix> writeQueryFile(const QString &path, const DelegationRegistry &registry, qint64 count, quint32 seed)
{
    if (registry.delegations <= 0)
        return Error(ErrorCode::InvalidInput, QStringLiteral("a query file needs at least one delegation"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return Error(ErrorCode::Internal, QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    QRandomGenerator random(seed);
    const QByteArray tld = registry.tld.toLatin1();
    QueryMix mix;
    QByteArray text;
    text.reserve(1 << 20);
    for (qint64 q = 0; q < count; ++q) {
        const int kind = int(random.bounded(100));
        const int variant = int(random.bounded(100));
        if (kind < 80) {
            const char *type = variant < 35 ? " A" : variant < 55 ? " A" : variant < 70 ? " NS" : variant < 80 ? " AAAA" : variant < 90 ? " MX" : " DS";
            if (variant >= 35 && variant < 55)
                text += "www.";   // below the cut: still the referral
            text += "dlg";
            text += QByteArray::number(random.bounded(quint64(registry.delegations)));
            text += '.';
            text += tld;
            text += type;
            ++mix.delegations;
        } else if (kind < 90) {
            text += "nx";
            text += QByteArray::number(random.generate(), 36);
            text += '.';
            text += tld;
            text += variant < 70 ? " A" : " AAAA";
            ++mix.nonexistent;
        } else {
            text += tld;
            text += variant < 40 ? " SOA" : variant < 80 ? " NS" : variant < 90 ? " A" : " MX";
            ++mix.apex;
        }
        text += '\n';
        if (text.size() > (1 << 20) - 512) {
            if (file.write(text) != text.size())
                return Error(ErrorCode::Internal, QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
            text.clear();
        }
    }
    if (file.write(text) != text.size() || !file.flush())
        return Error(ErrorCode::Internal, QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    return mix;
}

} // namespace reg::bench
