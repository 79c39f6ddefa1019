#include "servedtlds.h"

#include "store/connection.h"

namespace reg::srs {

Result<QStringList> loadServedTlds(store::Connection &reader)
{
    Result<QList<QVariantList>> rows = reader.queryRows(QStringLiteral("SELECT name FROM tlds ORDER BY name"));
    if (!rows)
        return rows.error().withContext(QStringLiteral("reading the TLDs: "));
    QStringList tlds;
    for (const QVariantList &row : std::as_const(*rows))
        tlds.append(row.value(0).toString());
    return tlds;
}

} // namespace reg::srs
