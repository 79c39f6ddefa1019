#include "registryformat.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLocale>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace noc::RegistryFormat {

QString money(qint64 cents)
{
    // Integer arithmetic: a double would round large balances.
    const qint64 magnitude = cents < 0 ? -cents : cents;
    const QLocale locale;
    QString text = locale.toString(magnitude / 100) + locale.decimalPoint()
        + u"%1"_s.arg(magnitude % 100, 2, 10, QLatin1Char('0'));
    return cents < 0 ? locale.negativeSign() + text : text;
}

QString time(const QJsonValue &isoUtc)
{
    if (!isoUtc.isString())
        return {};
    const QDateTime t = QDateTime::fromString(isoUtc.toString(), Qt::ISODateWithMs);
    if (!t.isValid())
        return {};
    return QLocale().toString(t.toLocalTime(), u"yyyy-MM-dd HH:mm:ss"_s);
}

QString statuses(const QJsonValue &list)
{
    QStringList out;
    const QJsonArray array = list.toArray();
    for (const QJsonValue &v : array) {
        if (v.isString())
            out.append(v.toString());
    }
    return out.join(u", "_s);
}

} // namespace noc::RegistryFormat
