#include "registrymaintenance.h"

#include "billing.h"
#include "domain.h"
#include "domainlifecycle.h"
#include "domainrepository.h"
#include "pollqueue.h"

#include <QJsonArray>

#include <algorithm>

namespace reg::srs {

using namespace domainstore;
namespace lc = domainlifecycle;

namespace {

const QString kSystem = QStringLiteral("system");

QString isoTime(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

// One due() query per kind: every one of them walks an index on its time column.
struct DueQuery
{
    DueEvent::Kind kind;
    const char *sql;
};

constexpr DueQuery kDueQueries[] = {
    {DueEvent::Kind::AutoRenew,
     "SELECT name, roid, expires_at FROM domains WHERE expires_at <= ?1 AND deleted_at IS NULL ORDER BY expires_at LIMIT ?2"},
    {DueEvent::Kind::GracePeriodEnded,
     "SELECT d.name, g.domain_roid, min(g.ends_at) FROM domain_grace_periods g JOIN domains d ON d.roid = g.domain_roid "
     "WHERE g.ends_at <= ?1 AND g.kind IN ('addPeriod', 'renewPeriod', 'autoRenewPeriod', 'transferPeriod') "
     "GROUP BY g.domain_roid ORDER BY 3 LIMIT ?2"},
    {DueEvent::Kind::TransferDeadline,
     "SELECT object_name, object_roid, action_at FROM transfers WHERE status = 'pending' AND action_at <= ?1 ORDER BY action_at LIMIT ?2"},
    {DueEvent::Kind::RedemptionEnded,
     "SELECT d.name, g.domain_roid, g.ends_at FROM domain_grace_periods g JOIN domains d ON d.roid = g.domain_roid "
     "WHERE g.ends_at <= ?1 AND g.kind = 'redemptionPeriod' ORDER BY g.ends_at LIMIT ?2"},
    {DueEvent::Kind::RestoreLapsed,
     "SELECT d.name, g.domain_roid, g.ends_at FROM domain_grace_periods g JOIN domains d ON d.roid = g.domain_roid "
     "WHERE g.ends_at <= ?1 AND g.kind = 'pendingRestore' ORDER BY g.ends_at LIMIT ?2"},
    {DueEvent::Kind::Purge,
     "SELECT d.name, g.domain_roid, g.ends_at FROM domain_grace_periods g JOIN domains d ON d.roid = g.domain_roid "
     "WHERE g.ends_at <= ?1 AND g.kind = 'pendingDelete' ORDER BY g.ends_at LIMIT ?2"},
};

using Outcome = SrsOutcome<Committed<Done>>;

Outcome nothingToDo()
{
    return Committed<Done>{Done{}, std::nullopt};
}

Outcome withChange(store::JournalChange change)
{
    return Committed<Done>{Done{}, std::move(change)};
}

// The grace row of `kind` that has run out at `now`, if the domain still has one.
std::optional<GraceRow> lapsedRow(const DomainRecord &rec, GracePeriod kind, const QDateTime &now)
{
    for (const GraceRow &g : rec.graceRows) {
        if (g.kind == kind && g.endsAt <= now)
            return g;
    }
    return std::nullopt;
}

Result<std::optional<DomainRecord>> domainFor(store::Connection &c, const DueEvent &event)
{
    return loadByRoid(c, event.roid);
}

SrsOutcome<Done> notify(store::Connection &c, const QString &registrar, const QDateTime &now, const QString &kind,
                        const QString &object, const QString &text, const QJsonObject &data = {})
{
    if (Result<qint64> q = PollQueue::enqueue(c, registrar, now, kind, object, text, data); !q)
        return storeFailure(q.error());
    return Done{};
}

Outcome autoRenew(store::Connection &c, const RequestContext &ctx, const DueEvent &event)
{
    const QDateTime now = ctx.clock->now();
    Result<std::optional<DomainRecord>> found = domainFor(c, event);
    if (!found)
        return storeFailure(found.error());
    if (!*found || (*found)->deletedAt || (*found)->domain.expiresAt > now)
        return nothingToDo();
    const DomainRecord &rec = **found;
    const Domain &d = rec.domain;

    const auto deleteInstead = [&](const QString &why) -> Outcome {
        if (auto r = lc::enterRedemption(c, ctx, rec); !r)
            return storeFailure(r.error());
        if (auto n = notify(c, d.sponsorId, now, QStringLiteral("delete"), d.name,
                            QStringLiteral("%1 expired and was deleted: %2").arg(d.name, why));
            !n)
            return n.error();
        SrsOutcome<DomainRecord> after = lc::reload(c, d.roid, now);
        if (!after)
            return after.error();
        return withChange(journalChange(kSystem, QStringLiteral("domain.delete"), after->domain,
                                        QJsonObject{{QStringLiteral("purged"), false}, {QStringLiteral("reason"), why}}));
    };

    if (!ctx.policy->autoRenew)
        return deleteInstead(QStringLiteral("the registry does not renew expired names"));
    SrsOutcome<Billing::Charged> charged = Billing::charge(c, ctx, d.sponsorId, BillableOperation::AutoRenew, d.name, d.tld, 1, std::nullopt);
    if (!charged) {
        if (charged.error().refusal == Refusal::BillingFailure)
            return deleteInstead(QStringLiteral("the auto-renewal could not be billed (") + charged.error().message + u')');
        return charged.error();
    }
    const QDateTime oldExpiry = d.expiresAt;
    const QDateTime newExpiry = oldExpiry.addYears(1);
    if (auto r = exec(c, QStringLiteral("UPDATE domains SET expires_at = ?2 WHERE roid = ?1"), {d.roid, ms(newExpiry)}); !r)
        return storeFailure(r.error());
    // RFC 3915 3.3: the auto-renew grace period runs from the expiry the renewal happened at.
    if (auto r = addGraceRow(c, d.roid, GracePeriod::AutoRenew, oldExpiry, oldExpiry.addSecs(ctx.policy->autoRenewGraceSecs), d.sponsorId,
                             charged->ledgerId);
        !r)
        return storeFailure(r.error());
    if (auto n = notify(c, d.sponsorId, now, QStringLiteral("autoRenew"), d.name,
                        QStringLiteral("%1 was renewed automatically until %2").arg(d.name, isoTime(newExpiry)),
                        QJsonObject{{QStringLiteral("type"), QStringLiteral("domain:renData")}, {QStringLiteral("name"), d.name},
                                    {QStringLiteral("exDate"), isoTime(newExpiry)}});
        !n)
        return n.error();
    SrsOutcome<DomainRecord> after = lc::reload(c, d.roid, now);
    if (!after)
        return after.error();
    return withChange(journalChange(kSystem, QStringLiteral("domain.renew"), after->domain,
                                    QJsonObject{{QStringLiteral("autoRenew"), true}, {QStringLiteral("years"), 1}}));
}

Outcome graceEnded(store::Connection &c, const RequestContext &ctx, const DueEvent &event)
{
    const QDateTime now = ctx.clock->now();
    if (auto r = exec(c, QStringLiteral("DELETE FROM domain_grace_periods WHERE domain_roid = ?1 AND ends_at <= ?2 "
                                        "AND kind IN ('addPeriod', 'renewPeriod', 'autoRenewPeriod', 'transferPeriod')"),
                      {event.roid, ms(now)});
        !r)
        return storeFailure(r.error());
    if (c.changes() == 0)
        return nothingToDo();
    SrsOutcome<DomainRecord> after = lc::reload(c, event.roid, now);
    if (!after)
        return after.error();
    return withChange(journalChange(kSystem, QStringLiteral("domain.graceEnded"), after->domain));
}

Outcome contactTransferDeadline(store::Connection &c, const RequestContext &ctx, const lc::TransferRow &t)
{
    const QDateTime now = ctx.clock->now();
    Result<QList<QVariantList>> rows = query(c, QStringLiteral("SELECT id FROM contacts WHERE roid = ?1"), {t.objectRoid}, 1);
    if (!rows)
        return storeFailure(rows.error());
    if (rows->isEmpty()) {
        // The contact is gone: the transfer cannot complete.
        if (auto r = exec(c, QStringLiteral("UPDATE transfers SET status = 'serverCancelled', action_at = ?2 WHERE id = ?1"), {t.id, ms(now)}); !r)
            return storeFailure(r.error());
        return nothingToDo();
    }
    // As ContactCommands approves: the sponsor changes, authInfo stays; "pendingTransfer" is computed
    // from the transfers row, so nothing else to clear.
    if (auto r = exec(c, QStringLiteral("UPDATE contacts SET registrar_id = ?2, transferred_at = ?3, updated_at = ?3 WHERE roid = ?1"),
                      {t.objectRoid, t.info.requestingId, ms(now)});
        !r)
        return storeFailure(r.error());
    if (auto r = exec(c, QStringLiteral("UPDATE transfers SET status = 'serverApproved', action_at = ?2 WHERE id = ?1"), {t.id, ms(now)}); !r)
        return storeFailure(r.error());
    TransferInfo info = t.info;
    info.status = TransferStatus::ServerApproved;
    info.actionAt = now;
    const QJsonObject data = lc::transferPollData(info, QStringLiteral("contact:trnData"));
    const QString text = QStringLiteral("Transfer of contact %1 approved by the registry (no answer before the deadline)").arg(info.objectName);
    for (const QString &registrar : {info.actingId, info.requestingId}) {
        if (auto n = notify(c, registrar, now, QStringLiteral("transfer"), info.objectName, text, data); !n)
            return n.error();
    }
    const QString id = rows->constFirst()[0].toString();
    return withChange(store::JournalChange{kSystem, QStringLiteral("contact.transfer"), id,
                                           QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("roid"), t.objectRoid},
                                                       {QStringLiteral("sponsor"), info.requestingId},
                                                       {QStringLiteral("transfer"), lc::transferJson(info)}}});
}

Outcome transferDeadline(store::Connection &c, const RequestContext &ctx, const DueEvent &event)
{
    const QDateTime now = ctx.clock->now();
    Result<QList<QVariantList>> ids = query(c, QStringLiteral("SELECT id, object_type FROM transfers WHERE object_roid = ?1 AND status = 'pending' "
                                                              "AND action_at <= ?2"),
                                            {event.roid, ms(now)}, 1);
    if (!ids)
        return storeFailure(ids.error());
    if (ids->isEmpty())
        return nothingToDo();
    Result<std::optional<lc::TransferRow>> t = lc::transferById(c, ids->constFirst()[0].toLongLong());
    if (!t)
        return storeFailure(t.error());
    if (!*t)
        return nothingToDo();
    if (ids->constFirst()[1].toString() == u"contact")
        return contactTransferDeadline(c, ctx, **t);
    Result<std::optional<DomainRecord>> rec = loadByRoid(c, event.roid);
    if (!rec)
        return storeFailure(rec.error());
    if (!*rec)
        return nothingToDo();
    SrsOutcome<store::JournalChange> change = lc::approveTransfer(c, ctx, kSystem, **rec, **t, TransferStatus::ServerApproved, nullptr);
    if (!change)
        return change.error();
    return withChange(*change);
}

Outcome redemptionEnded(store::Connection &c, const RequestContext &ctx, const DueEvent &event)
{
    const QDateTime now = ctx.clock->now();
    Result<std::optional<DomainRecord>> rec = domainFor(c, event);
    if (!rec)
        return storeFailure(rec.error());
    const std::optional<GraceRow> redemption = *rec ? lapsedRow(**rec, GracePeriod::Redemption, now) : std::nullopt;
    if (!redemption)
        return nothingToDo();
    const Domain &d = (*rec)->domain;
    if (auto r = dropGraceRows(c, d.roid, GracePeriod::Redemption); !r)
        return storeFailure(r.error());
    // pendingDelete runs from the end of redemption, not from when maintenance got to it, so a late
    // run does not lengthen the life cycle.
    if (auto r = addGraceRow(c, d.roid, GracePeriod::PendingDelete, redemption->endsAt, redemption->endsAt.addSecs(ctx.policy->pendingDeleteSecs),
                             d.sponsorId, std::nullopt);
        !r)
        return storeFailure(r.error());
    SrsOutcome<DomainRecord> after = lc::reload(c, d.roid, now);
    if (!after)
        return after.error();
    return withChange(journalChange(kSystem, QStringLiteral("domain.redemptionEnded"), after->domain));
}

Outcome restoreLapsed(store::Connection &c, const RequestContext &ctx, const DueEvent &event)
{
    const QDateTime now = ctx.clock->now();
    Result<std::optional<DomainRecord>> rec = domainFor(c, event);
    if (!rec)
        return storeFailure(rec.error());
    if (!*rec || !lapsedRow(**rec, GracePeriod::PendingRestore, now))
        return nothingToDo();
    const DomainRecord &r = **rec;
    const Domain &d = r.domain;
    if (auto w = dropGraceRows(c, d.roid, GracePeriod::PendingRestore); !w)
        return storeFailure(w.error());
    // RFC 3915 3.2: back to redemption, which still ends redemptionSecs after the delete (the restore
    // fee is not returned: the registry did the work of the request).
    QDateTime ends = (r.deletedAt ? *r.deletedAt : now).addSecs(ctx.policy->redemptionSecs);
    if (ends < now)
        ends = now;
    if (auto w = addGraceRow(c, d.roid, GracePeriod::Redemption, now, ends, d.sponsorId, std::nullopt); !w)
        return storeFailure(w.error());
    if (auto n = notify(c, d.sponsorId, now, QStringLiteral("restoreLapsed"), d.name,
                        QStringLiteral("No restore report for %1 arrived in time; it is back in its redemption period").arg(d.name));
        !n)
        return n.error();
    SrsOutcome<DomainRecord> after = lc::reload(c, d.roid, now);
    if (!after)
        return after.error();
    return withChange(journalChange(kSystem, QStringLiteral("domain.restoreLapsed"), after->domain));
}

Outcome purgeDomain(store::Connection &c, const RequestContext &ctx, const DueEvent &event)
{
    const QDateTime now = ctx.clock->now();
    Result<std::optional<DomainRecord>> rec = domainFor(c, event);
    if (!rec)
        return storeFailure(rec.error());
    if (!*rec || !lapsedRow(**rec, GracePeriod::PendingDelete, now))
        return nothingToDo();
    const Domain &d = (*rec)->domain;
    // Other domains that still delegate to a subordinate host lose that name server with the purge;
    // the journal names them so DNS and Whois can follow.
    Result<QList<QVariantList>> cut = query(
        c, QStringLiteral("SELECT od.name, h.name FROM hosts h JOIN domain_hosts dh ON dh.host_roid = h.roid "
                          "JOIN domains od ON od.roid = dh.domain_roid WHERE h.domain_roid = ?1 AND od.roid <> ?1 ORDER BY od.name, h.name"),
        {d.roid});
    if (!cut)
        return storeFailure(cut.error());
    QJsonArray delegationsRemoved;
    for (const QVariantList &row : *cut)
        delegationsRemoved.append(QJsonObject{{QStringLiteral("domain"), row[0].toString()}, {QStringLiteral("ns"), row[1].toString()}});
    if (auto r = purge(c, d.roid); !r)
        return storeFailure(r.error());
    if (auto n = notify(c, d.sponsorId, now, QStringLiteral("purge"), d.name, QStringLiteral("%1 has been purged from the registry").arg(d.name),
                        QJsonObject{{QStringLiteral("type"), QStringLiteral("rgp-poll:pollData")}, {QStringLiteral("name"), d.name},
                                    {QStringLiteral("rgpStatus"), QStringLiteral("pendingDelete")}});
        !n)
        return n.error();
    return withChange(store::JournalChange{kSystem, QStringLiteral("domain.purge"), d.name,
                                           QJsonObject{{QStringLiteral("name"), d.name},
                                                       {QStringLiteral("roid"), d.roid},
                                                       {QStringLiteral("tld"), d.tld},
                                                       {QStringLiteral("sponsor"), d.sponsorId},
                                                       {QStringLiteral("inZone"), false},
                                                       {QStringLiteral("hostsRemoved"), QJsonArray::fromStringList(d.subordinateHosts)},
                                                       {QStringLiteral("delegationsRemoved"), delegationsRemoved}}});
}

} // namespace

SrsOutcome<QList<DueEvent>> RegistryMaintenance::due(store::Connection &reader, const QDateTime &now, int limit)
{
    limit = std::clamp(limit, 1, 10000);
    const ReadSnapshot snapshot(reader);
    QList<DueEvent> events;
    for (const DueQuery &q : kDueQueries) {
        Result<QList<QVariantList>> rows = query(reader, QLatin1StringView(q.sql), {ms(now), limit}, limit);
        if (!rows)
            return storeFailure(rows.error());
        for (const QVariantList &r : *rows)
            events << DueEvent{q.kind, r[0].toString(), r[1].toString(), fromMs(r[2].toLongLong())};
    }
    std::stable_sort(events.begin(), events.end(), [](const DueEvent &a, const DueEvent &b) { return a.dueAt < b.dueAt; });
    if (events.size() > limit)
        events.resize(limit);
    return events;
}

WriteCommand<Done> RegistryMaintenance::process(RequestContext ctx, DueEvent event)
{
    return [ctx = std::move(ctx), event = std::move(event)](store::Connection &c) -> Outcome {
        switch (event.kind) {
        case DueEvent::Kind::AutoRenew: return autoRenew(c, ctx, event);
        case DueEvent::Kind::GracePeriodEnded: return graceEnded(c, ctx, event);
        case DueEvent::Kind::TransferDeadline: return transferDeadline(c, ctx, event);
        case DueEvent::Kind::RedemptionEnded: return redemptionEnded(c, ctx, event);
        case DueEvent::Kind::RestoreLapsed: return restoreLapsed(c, ctx, event);
        case DueEvent::Kind::Purge: return purgeDomain(c, ctx, event);
        }
        return nothingToDo();
    };
}

} // namespace reg::srs
