#include "domainlifecycle.h"

#include "billing.h"
#include "pollqueue.h"

namespace reg::srs::domainlifecycle {
namespace {

using namespace domainstore;

constexpr auto kTransferColumns =
    "SELECT id, object_name, status, requesting_id, requested_at, acting_id, action_at, expires_at, object_roid, "
    "period_years, ledger_id FROM transfers ";

QString isoTime(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

Result<std::optional<TransferRow>> transferFrom(const Result<QList<QVariantList>> &rows)
{
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<TransferRow>();
    const QVariantList &r = rows->constFirst();
    TransferRow t;
    t.id = r[0].toLongLong();
    t.info.objectName = r[1].toString();
    t.info.status = parseTransferStatus(r[2].toString()).value_or(TransferStatus::Pending);
    t.info.requestingId = r[3].toString();
    t.info.requestedAt = fromMs(r[4].toLongLong());
    t.info.actingId = r[5].toString();
    t.info.actionAt = fromMs(r[6].toLongLong());
    if (r[7].isValid() && !r[7].isNull())
        t.info.expiresAt = fromMs(r[7].toLongLong());
    t.objectRoid = r[8].toString();
    t.periodYears = r[9].toInt();
    if (r[10].isValid() && !r[10].isNull())
        t.ledgerId = r[10].toLongLong();
    return std::optional<TransferRow>(t);
}

SrsOutcome<Done> notifyBoth(store::Connection &c, const QDateTime &now, const TransferInfo &info, const QString &text)
{
    const QJsonObject data = transferPollData(info);
    for (const QString &registrar : {info.actingId, info.requestingId}) {
        Result<qint64> queued = PollQueue::enqueue(c, registrar, now, QStringLiteral("transfer"), info.objectName, text, data);
        if (!queued)
            return storeFailure(queued.error());
    }
    return Done{};
}

} // namespace

Result<std::optional<TransferRow>> latestTransfer(store::Connection &c, const QString &objectType, const QString &roid)
{
    return transferFrom(query(c, QLatin1StringView(kTransferColumns) + QStringLiteral("WHERE object_type = ?1 AND object_roid = ?2 ORDER BY id DESC LIMIT 1"),
                              {objectType, roid}, 1));
}

Result<std::optional<TransferRow>> transferById(store::Connection &c, qint64 id)
{
    return transferFrom(query(c, QLatin1StringView(kTransferColumns) + QStringLiteral("WHERE id = ?1"), {id}, 1));
}

QJsonObject transferJson(const TransferInfo &info)
{
    QJsonObject o{
        {QStringLiteral("name"), info.objectName},
        {QStringLiteral("trStatus"), transferStatusName(info.status)},
        {QStringLiteral("reID"), info.requestingId},
        {QStringLiteral("reDate"), isoTime(info.requestedAt)},
        {QStringLiteral("acID"), info.actingId},
        {QStringLiteral("acDate"), isoTime(info.actionAt)},
    };
    if (info.expiresAt)
        o.insert(QStringLiteral("exDate"), isoTime(*info.expiresAt));
    return o;
}

QJsonObject transferPollData(const TransferInfo &info, const QString &type)
{
    QJsonObject o = transferJson(info);
    o.insert(QStringLiteral("type"), type);
    return o;
}

QList<GracePeriod> gracePeriodsShown(const DomainRecord &record, const QDateTime &now)
{
    QList<GracePeriod> out;
    for (const GraceRow &g : record.graceInForce(now)) {
        if (!out.contains(g.kind))
            out << g.kind;
    }
    return out;
}

SrsOutcome<DomainRecord> reload(store::Connection &c, const QString &roid, const QDateTime &now)
{
    Result<std::optional<DomainRecord>> rec = loadByRoid(c, roid);
    if (!rec)
        return storeFailure(rec.error());
    if (!*rec)
        return storeFailure(Error(ErrorCode::Internal, QStringLiteral("domain %1 vanished inside its own transaction").arg(roid)));
    DomainRecord out = std::move(**rec);
    out.domain.gracePeriods = gracePeriodsShown(out, now);
    return out;
}

SrsOutcome<store::JournalChange> approveTransfer(store::Connection &c, const RequestContext &ctx, const QString &actor,
                                                 const DomainRecord &record, const TransferRow &transfer, TransferStatus status,
                                                 TransferInfo *result)
{
    const QDateTime now = ctx.clock->now();
    const QString &roid = record.domain.roid;
    const QString losing = record.domain.sponsorId;
    const QString gaining = transfer.info.requestingId;
    QDateTime expiry = record.domain.expiresAt;

    // An auto-renewal the losing registrar paid for inside its grace period is returned to it and
    // taken off the expiry, so the transfer's year is not added on top of it.
    for (const GraceRow &g : record.graceInForce(now)) {
        if (g.kind != GracePeriod::AutoRenew || g.registrarId != losing)
            continue;
        if (g.ledgerId) {
            SrsOutcome<Charge> refunded = Billing::refund(c, ctx, *g.ledgerId,
                                                          QStringLiteral("auto-renewal of %1 returned on transfer").arg(record.domain.name));
            if (!refunded)
                return refunded.error();
        }
        expiry = expiry.addYears(-1);
    }
    expiry = expiry.addYears(transfer.periodYears);

    StatusSet stored = record.storedStatuses;
    stored.remove(EppStatus::PendingTransfer);
    if (auto r = saveStatuses(c, roid, stored); !r)
        return storeFailure(r.error());
    if (auto r = exec(c, QStringLiteral("UPDATE domains SET registrar_id = ?2, transferred_at = ?3, updated_at = ?3, updater_id = ?4, "
                                        "auth_info = '', expires_at = ?5 WHERE roid = ?1"),
                      {roid, gaining, ms(now), ctx.registrarId.isEmpty() ? gaining : ctx.registrarId, ms(expiry)});
        !r)
        return storeFailure(r.error());
    if (auto r = exec(c, QStringLiteral("UPDATE hosts SET registrar_id = ?2, transferred_at = ?3, updated_at = ?3 WHERE domain_roid = ?1"),
                      {roid, gaining, ms(now)});
        !r)
        return storeFailure(r.error());
    for (GracePeriod g : {GracePeriod::Add, GracePeriod::Renew, GracePeriod::AutoRenew, GracePeriod::Transfer}) {
        if (auto r = dropGraceRows(c, roid, g); !r)
            return storeFailure(r.error());
    }
    if (auto r = addGraceRow(c, roid, GracePeriod::Transfer, now, now.addSecs(ctx.policy->transferGraceSecs), gaining,
                             transfer.ledgerId);
        !r)
        return storeFailure(r.error());
    if (auto r = exec(c, QStringLiteral("UPDATE transfers SET status = ?2, action_at = ?3, expires_at = ?4 WHERE id = ?1"),
                      {transfer.id, transferStatusName(status), ms(now), ms(expiry)});
        !r)
        return storeFailure(r.error());

    TransferInfo info = transfer.info;
    info.status = status;
    info.actionAt = now;
    info.expiresAt = expiry;
    const QString text = status == TransferStatus::ServerApproved
        ? QStringLiteral("Transfer of %1 approved by the registry (no answer before the deadline)").arg(info.objectName)
        : QStringLiteral("Transfer of %1 approved").arg(info.objectName);
    if (auto n = notifyBoth(c, now, info, text); !n)
        return n.error();
    if (result)
        *result = info;

    SrsOutcome<DomainRecord> after = reload(c, roid, now);
    if (!after)
        return after.error();
    return journalChange(actor, QStringLiteral("domain.transfer"), after->domain,
                         QJsonObject{{QStringLiteral("transfer"), transferJson(info)}, {QStringLiteral("losingSponsor"), losing}});
}

SrsOutcome<store::JournalChange> closeTransfer(store::Connection &c, const RequestContext &ctx, const QString &actor,
                                               const DomainRecord &record, const TransferRow &transfer, TransferStatus status,
                                               TransferInfo *result, std::optional<Charge> *refund)
{
    const QDateTime now = ctx.clock->now();
    const QString &roid = record.domain.roid;
    if (transfer.ledgerId) {
        SrsOutcome<Charge> refunded = Billing::refund(c, ctx, *transfer.ledgerId,
                                                      QStringLiteral("transfer of %1 %2").arg(record.domain.name, transferStatusName(status)));
        if (!refunded)
            return refunded.error();
        if (refund)
            *refund = *refunded;
    }
    StatusSet stored = record.storedStatuses;
    stored.remove(EppStatus::PendingTransfer);
    if (auto r = saveStatuses(c, roid, stored); !r)
        return storeFailure(r.error());
    if (auto r = exec(c, QStringLiteral("UPDATE transfers SET status = ?2, action_at = ?3, expires_at = NULL WHERE id = ?1"),
                      {transfer.id, transferStatusName(status), ms(now)});
        !r)
        return storeFailure(r.error());
    TransferInfo info = transfer.info;
    info.status = status;
    info.actionAt = now;
    info.expiresAt.reset();
    QString text;
    switch (status) {
    case TransferStatus::ClientRejected: text = QStringLiteral("Transfer of %1 rejected by the sponsoring registrar"); break;
    case TransferStatus::ClientCancelled: text = QStringLiteral("Transfer of %1 cancelled by the requesting registrar"); break;
    default: text = QStringLiteral("Transfer of %1 cancelled by the registry"); break;
    }
    if (auto n = notifyBoth(c, now, info, text.arg(info.objectName)); !n)
        return n.error();
    if (result)
        *result = info;
    SrsOutcome<DomainRecord> after = reload(c, roid, now);
    if (!after)
        return after.error();
    return journalChange(actor, QStringLiteral("domain.transfer"), after->domain,
                         QJsonObject{{QStringLiteral("transfer"), transferJson(info)}});
}

Result<void> enterRedemption(store::Connection &c, const RequestContext &ctx, const DomainRecord &record)
{
    const QDateTime now = ctx.clock->now();
    StatusSet stored = record.storedStatuses;
    stored.insert(EppStatus::PendingDelete);
    if (auto r = saveStatuses(c, record.domain.roid, stored); !r)
        return r;
    if (auto r = exec(c, QStringLiteral("UPDATE domains SET deleted_at = ?2 WHERE roid = ?1"), {record.domain.roid, ms(now)}); !r)
        return r;
    return addGraceRow(c, record.domain.roid, GracePeriod::Redemption, now, now.addSecs(ctx.policy->redemptionSecs),
                       record.domain.sponsorId, std::nullopt);
}

} // namespace reg::srs::domainlifecycle
