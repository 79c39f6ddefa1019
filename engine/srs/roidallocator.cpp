#include "roidallocator.h"

#include "store/connection.h"

namespace reg::srs {
namespace {

QString prefixOf(RoidAllocator::Kind kind)
{
    switch (kind) {
    case RoidAllocator::Kind::Domain: return QStringLiteral("D");
    case RoidAllocator::Kind::Contact: return QStringLiteral("C");
    case RoidAllocator::Kind::Host: return QStringLiteral("H");
    }
    return QStringLiteral("X");
}

} // namespace

QString RoidAllocator::format(Kind kind, qint64 number)
{
    return prefixOf(kind) + QStringLiteral("%1-REG").arg(number, 6, 10, QLatin1Char('0'));
}

Result<QString> RoidAllocator::next(store::Connection &writeConnection, Kind kind)
{
    Result<store::Statement *> st = writeConnection.prepare(QStringLiteral(
        "INSERT INTO roid_counters (prefix, last) VALUES (?1, 1) "
        "ON CONFLICT (prefix) DO UPDATE SET last = last + 1 RETURNING last"));
    if (!st)
        return st.error();
    if (auto b = (*st)->bind(1, prefixOf(kind)); !b)
        return b.error();
    Result<bool> row = (*st)->step();
    if (!row)
        return row.error();
    if (!*row)
        return Error(ErrorCode::Internal, QStringLiteral("roid_counters returned no row"));
    const qint64 number = (*st)->int64(0);
    (*st)->reset();
    return format(kind, number);
}

Result<void> RoidAllocator::reserveUpTo(store::Connection &writeConnection, Kind kind, qint64 number)
{
    return writeConnection.execute(QStringLiteral("INSERT INTO roid_counters (prefix, last) VALUES (?1, ?2) "
                                                  "ON CONFLICT (prefix) DO UPDATE SET last = max(last, ?2)"),
                                   {prefixOf(kind), number});
}

} // namespace reg::srs
