#include "monitor/proberesultstore.h"

#include "monitor/batchdelete.h"

#include "store/store.h"

#include <QJsonDocument>
#include <QVariant>

#include <memory>

namespace reg::monitor {
namespace {

QString phasesJson(const QList<ProbePhase> &phases)
{
    QJsonObject object;
    for (const ProbePhase &p : phases)
        object.insert(p.name, p.micros);
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

void ProbeResultStore::record(const ProbeResult &result, QObject *context, std::function<void(Result<void>)> done)
{
    const QVariantList row{probeServiceName(result.service),
                           result.site,
                           result.target,
                           result.startedAt.toMSecsSinceEpoch(),
                           result.ok ? 1 : 0,
                           result.totalMicros,
                           phasesJson(result.phases),
                           probeErrorKindName(result.errorKind),
                           result.error,
                           QString::fromUtf8(QJsonDocument(result.detail).toJson(QJsonDocument::Compact))};
    m_store.writer().submit(
        [row](store::Connection &db) -> Result<std::optional<store::JournalChange>> {
            Result<void> r = db.execute(QStringLiteral("INSERT INTO probe_results (service, site, target, started_at, ok, rtt_us, "
                                                       "phases, error_kind, error, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"),
                                        row);
            if (!r)
                return r.error();
            return std::optional<store::JournalChange>();
        },
        context, [done = std::move(done)](Result<store::CommitReceipt> receipt) {
            if (!done)
                return;
            if (!receipt)
                return done(receipt.error());
            done(success());
        });
}

void ProbeResultStore::pruneBatch(const QDateTime &cutoff, int batch, QObject *context, std::function<void(Result<int>)> done)
{
    // By the time index, oldest first, so every batch is a short transaction.
    submitBatchDelete(m_store.writer(),
                      QStringLiteral("DELETE FROM probe_results WHERE id IN (SELECT id FROM probe_results "
                                     "WHERE started_at < ?1 ORDER BY started_at LIMIT ?2)"),
                      {cutoff.toMSecsSinceEpoch(), batch}, context, std::move(done));
}

Result<QList<ProbeResult>> ProbeResultStore::read(store::Connection &connection, const QString &service, int limit,
                                                  const QString &site)
{
    Result<QList<QVariantList>> rows = connection.queryRows(
        QStringLiteral("SELECT service, site, target, started_at, ok, rtt_us, phases, error_kind, error, detail FROM probe_results "
                       "WHERE (?1 = '' OR service = ?1) AND (?3 = '' OR site = ?3) ORDER BY started_at DESC, id DESC LIMIT ?2"),
        {service, limit, site});
    if (!rows)
        return rows.error();
    QList<ProbeResult> results;
    for (const QVariantList &row : std::as_const(*rows)) {
        ProbeResult r;
        r.service = parseProbeService(row[0].toString()).value_or(ProbeService::Whois);
        r.site = row[1].toString();
        r.target = row[2].toString();
        r.startedAt = QDateTime::fromMSecsSinceEpoch(row[3].toLongLong(), Qt::UTC);
        r.ok = row[4].toInt() != 0;
        r.totalMicros = row[5].toLongLong();
        const QJsonObject phases = QJsonDocument::fromJson(row[6].toString().toUtf8()).object();
        for (auto it = phases.begin(); it != phases.end(); ++it)
            r.phases.append({it.key(), qint64(it.value().toDouble())});
        r.errorKind = parseProbeErrorKind(row[7].toString()).value_or(ProbeErrorKind::Network);
        r.error = row[8].toString();
        r.detail = QJsonDocument::fromJson(row[9].toString().toUtf8()).object();
        results << r;
    }
    return results;
}

} // namespace reg::monitor
