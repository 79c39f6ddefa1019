#include "monitor/monitorsamplestore.h"

#include "monitor/batchdelete.h"
#include "monitor/monitorjson.h"
#include "monitor/monitorlogging.h"

#include "store/store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace reg::monitor {
namespace {

QString compact(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QJsonArray parseArray(const QVariant &text)
{
    return QJsonDocument::fromJson(text.toString().toUtf8()).array();
}

} // namespace

void MonitorSampleStore::record(const PollResult &result, QObject *context)
{
    const QVariant null;
    const QVariantList row{result.deviceId,
                           result.polledAt.toMSecsSinceEpoch(),
                           result.reachable ? 1 : 0,
                           result.roundTripMs >= 0 ? QVariant(result.roundTripMs) : null,
                           result.cpuLoadPercent ? QVariant(*result.cpuLoadPercent) : null,
                           result.memoryUsedPercent ? QVariant(*result.memoryUsedPercent) : null,
                           compact(MonitorJson::interfaceTraffic(result.interfaces)),
                           compact(MonitorJson::disks(result.disks))};
    m_store.writer().submit(
        [row](store::Connection &db) -> Result<std::optional<store::JournalChange>> {
            Result<void> r = db.execute(u"INSERT INTO monitor_samples (device_id, at_ms, reachable, rtt_ms, cpu, memory, interfaces, disks) "
                                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"_s,
                                        row);
            if (!r)
                return r.error();
            return std::optional<store::JournalChange>();
        },
        context, [this](Result<store::CommitReceipt> receipt) {
            if (receipt)
                return;
            ++m_failedWrites;
            qCWarning(lcMonitor, "a poll sample was not stored: %s", qUtf8Printable(receipt.error().message));
        });
}

void MonitorSampleStore::pruneBatch(const QDateTime &cutoff, int batch, QObject *context, std::function<void(Result<int>)> done)
{
    submitBatchDelete(m_store.writer(),
                      u"DELETE FROM monitor_samples WHERE id IN (SELECT id FROM monitor_samples WHERE at_ms < ?1 ORDER BY at_ms LIMIT ?2)"_s,
                      {cutoff.toMSecsSinceEpoch(), batch}, context, std::move(done));
}

Result<QList<QJsonObject>> MonitorSampleStore::read(store::Connection &connection, qint64 deviceId, const QDateTime &from,
                                                    const QDateTime &to, int limit)
{
    const qint64 fromMs = from.toMSecsSinceEpoch();
    const qint64 toMs = to.toMSecsSinceEpoch();
    Result<QVariant> count = connection.queryValue(
        u"SELECT count(*) FROM monitor_samples WHERE device_id = ?1 AND at_ms >= ?2 AND at_ms < ?3"_s, {deviceId, fromMs, toMs});
    if (!count)
        return count.error();
    const qint64 rowsInRange = count->toLongLong();
    const qint64 step = limit > 0 ? std::max<qint64>(1, (rowsInRange + limit - 1) / limit) : 1;
    Result<QList<QVariantList>> rows = connection.queryRows(
        u"SELECT at_ms, reachable, rtt_ms, cpu, memory, interfaces, disks FROM ("
        "SELECT *, row_number() OVER (ORDER BY at_ms, id) AS rn FROM monitor_samples "
        "WHERE device_id = ?1 AND at_ms >= ?2 AND at_ms < ?3) WHERE (rn - 1) % ?4 = 0 ORDER BY at_ms, id LIMIT ?5"_s,
        {deviceId, fromMs, toMs, step, limit});
    if (!rows)
        return rows.error();
    QList<QJsonObject> samples;
    samples.reserve(rows->size());
    for (const QVariantList &row : std::as_const(*rows)) {
        QJsonObject s{{u"at"_s, MonitorJson::time(QDateTime::fromMSecsSinceEpoch(row[0].toLongLong(), Qt::UTC))},
                      {u"reachable"_s, row[1].toInt() != 0},
                      {u"interfaces"_s, parseArray(row[5])},
                      {u"disks"_s, parseArray(row[6])}};
        if (!row[2].isNull())
            s.insert(u"roundTripMs"_s, row[2].toInt());
        if (!row[3].isNull())
            s.insert(u"cpuLoadPercent"_s, row[3].toDouble());
        if (!row[4].isNull())
            s.insert(u"memoryUsedPercent"_s, row[4].toDouble());
        samples.append(s);
    }
    return samples;
}

} // namespace reg::monitor
