#include "domain.h"

#include "authinfo.h"
#include "billing.h"
#include "domainlifecycle.h"
#include "domainname.h"
#include "domainrepository.h"
#include "pollqueue.h"
#include "roidallocator.h"

#include <QHash>
#include <QSet>

// Policy choices (RFC 5731 leaves them to the registry):
// - create needs a registrant, at least one admin and one tech contact (billing optional); every
//   contact referenced by a create or update must be sponsored by the caller (registrar isolation,
//   seed 001) — AuthorizationError otherwise; at most kMaxContactsPerType of each type.
// - info: the sponsor, or anyone giving the domain's authInfo, sees everything; a wrong authInfo is
//   InvalidAuthInfo (2202); no authInfo gives the short form (name, roid, statuses, clID, crDate,
//   exDate and the RGP state). The registrant contact's authInfo (RFC 5731 roid attribute) is not
//   accepted.
// - renew: a new expiry past now + maxPeriodYears is a PolicyError (2306); a curExpDate that is not
//   the expiry's date (UTC) is a RangeError (2004).
// - transfer: the period is 1..maxPeriodYears and the resulting expiry may not pass now +
//   maxPeriodYears; there is no 60-day lock after create or transfer. The transfer fee is charged
//   at request time and refunded on reject/cancel. authInfo is cleared on approval (RFC 9154).
// - restore: request only in redemptionPeriod, report only in pendingRestore; a restored domain
//   keeps its expiry (a name that expired meanwhile is picked up by the next auto-renewal).
// - add/remove of a value already present/absent (name server, contact, DS, custom field) is a
//   PolicyError (2306), as RFC 5731 3.2.5 treats statuses.
// - no new delegation (create or update) to a host whose superordinate domain is pending deletion:
//   the purge would take it away again (StatusProhibits, 2304).
// - refunds are returned as fee-1.0 credits: Charge::feeCents is negative.

namespace reg::srs {

using namespace domainstore;
namespace lc = domainlifecycle;

namespace {

constexpr int kMaxCheckNames = 99;
constexpr int kMaxContactsPerType = 4;

SrsError refusal(Refusal r, const QString &message, const QString &field = {}, const QString &value = {})
{
    return SrsError(r, message, field, value);
}

// The name a registrar sent, as stored: registrable under a served TLD.
SrsOutcome<DomainName> registrableName(const QString &text, const RequestContext &ctx)
{
    Result<DomainName> name = DomainName::parse(text);
    if (!name)
        return refusal(Refusal::SyntaxError, name.error().message, QStringLiteral("domain:name"), text);
    if (Result<void> r = name->checkRegistrable(ctx.policy->tlds); !r)
        return refusal(Refusal::PolicyError, r.error().message, QStringLiteral("domain:name"), text);
    return *name;
}

// The name of an existing domain, for commands that act on one (no TLD rule: unknown is NotFound).
SrsOutcome<DomainRecord> existingDomain(store::Connection &c, const QString &text, Detail detail = Detail::Full)
{
    Result<DomainName> name = DomainName::parse(text);
    if (!name)
        return refusal(Refusal::SyntaxError, name.error().message, QStringLiteral("domain:name"), text);
    Result<std::optional<DomainRecord>> rec = loadByName(c, name->toString(), detail);
    if (!rec)
        return storeFailure(rec.error());
    if (!*rec)
        return refusal(Refusal::NotFound, QStringLiteral("domain %1 does not exist").arg(name->toString()), QStringLiteral("domain:name"), text);
    return std::move(**rec);
}

std::optional<SrsError> requireSponsor(const DomainRecord &rec, const RequestContext &ctx)
{
    if (rec.domain.sponsorId != ctx.registrarId)
        return refusal(Refusal::AuthorizationError, QStringLiteral("domain %1 is sponsored by another registrar").arg(rec.domain.name),
                       QStringLiteral("domain:name"), rec.domain.name);
    return std::nullopt;
}

SrsError statusRefusal(const DomainRecord &rec, EppStatus status)
{
    return refusal(Refusal::StatusProhibits, QStringLiteral("domain %1 has status %2").arg(rec.domain.name, eppStatusName(status)),
                   QStringLiteral("domain:name"), rec.domain.name);
}

struct ContactRef
{
    QString roid;
    QString sponsor;
};

SrsOutcome<ContactRef> ownContact(store::Connection &c, const RequestContext &ctx, const QString &id, const QString &field)
{
    Result<QList<QVariantList>> rows = query(c, QStringLiteral("SELECT roid, registrar_id FROM contacts WHERE id = ?1"), {id}, 1);
    if (!rows)
        return storeFailure(rows.error());
    if (rows->isEmpty())
        return refusal(Refusal::NotFound, QStringLiteral("contact %1 does not exist").arg(id), field, id);
    ContactRef ref{rows->constFirst()[0].toString(), rows->constFirst()[1].toString()};
    if (ref.sponsor != ctx.registrarId)
        return refusal(Refusal::AuthorizationError, QStringLiteral("contact %1 is sponsored by another registrar").arg(id), field, id);
    return ref;
}

struct HostRef
{
    QString roid;
    QString name;     // canonical: lower-case, no trailing dot
    bool superordinatePendingDelete = false;   // its domain is deleted and will be purged with it
};

// A new delegation to a host that the purge of its deleted superordinate domain will take away
// again would only break the delegating domain later.
std::optional<SrsError> checkDelegable(const HostRef &host, const QString &text)
{
    if (host.superordinatePendingDelete)
        return refusal(Refusal::StatusProhibits, QStringLiteral("host %1 belongs to a domain that is pending deletion").arg(host.name),
                       QStringLiteral("domain:hostObj"), text);
    return std::nullopt;
}

SrsOutcome<HostRef> findHost(store::Connection &c, const QString &text)
{
    Result<HostName> name = HostName::parse(text);
    if (!name)
        return refusal(Refusal::SyntaxError, name.error().message, QStringLiteral("domain:hostObj"), text);
    Result<QList<QVariantList>> rows = query(
        c, QStringLiteral("SELECT h.roid, d.deleted_at FROM hosts h LEFT JOIN domains d ON d.roid = h.domain_roid WHERE h.name = ?1"),
        {name->toString()}, 1);
    if (!rows)
        return storeFailure(rows.error());
    if (rows->isEmpty())
        return refusal(Refusal::NotFound, QStringLiteral("host %1 does not exist").arg(name->toString()), QStringLiteral("domain:hostObj"), text);
    return HostRef{rows->constFirst()[0].toString(), name->toString(), !rows->constFirst()[1].isNull()};
}

std::optional<SrsError> checkPeriod(const Period &period, const RequestContext &ctx)
{
    if (period.years < ctx.policy->minPeriodYears || period.years > ctx.policy->maxPeriodYears) {
        return refusal(Refusal::RangeError,
                       QStringLiteral("the period must be %1 to %2 years").arg(ctx.policy->minPeriodYears).arg(ctx.policy->maxPeriodYears),
                       QStringLiteral("domain:period"), QString::number(period.years));
    }
    return std::nullopt;
}

// admin + tech required, no duplicates, a bounded number of each.
std::optional<SrsError> checkContactSet(const QList<DomainContact> &contacts)
{
    QHash<DomainContact::Type, int> perType;
    for (qsizetype i = 0; i < contacts.size(); ++i) {
        for (qsizetype j = 0; j < i; ++j) {
            if (contacts[i] == contacts[j])
                return refusal(Refusal::PolicyError, QStringLiteral("contact %1 is listed twice as %2").arg(contacts[i].id, domainContactTypeName(contacts[i].type)),
                               QStringLiteral("domain:contact"), contacts[i].id);
        }
        if (++perType[contacts[i].type] > kMaxContactsPerType)
            return refusal(Refusal::PolicyError, QStringLiteral("at most %1 %2 contacts").arg(kMaxContactsPerType).arg(domainContactTypeName(contacts[i].type)),
                           QStringLiteral("domain:contact"), contacts[i].id);
    }
    for (DomainContact::Type t : {DomainContact::Type::Admin, DomainContact::Type::Tech}) {
        if (perType.value(t) == 0)
            return refusal(Refusal::PolicyError, QStringLiteral("a domain needs at least one %1 contact").arg(domainContactTypeName(t)),
                           QStringLiteral("domain:contact"));
    }
    return std::nullopt;
}

std::optional<SrsError> checkMaxSigLife(const std::optional<int> &value)
{
    if (value && *value < 1)
        return refusal(Refusal::RangeError, QStringLiteral("maxSigLife must be a positive number of seconds"), QStringLiteral("secDNS:maxSigLife"),
                       QString::number(*value));
    return std::nullopt;
}

Charge sumCharges(const QList<Charge> &charges)
{
    Charge total;
    for (const Charge &c : charges) {
        total.feeCents += c.feeCents;
        total.balanceCents = c.balanceCents;
        total.creditLimitCents = c.creditLimitCents;
    }
    return total;
}

Result<void> insertDs(store::Connection &c, const QString &roid, const DsRecord &r)
{
    return exec(c, QStringLiteral("INSERT INTO domain_ds (domain_roid, key_tag, algorithm, digest_type, digest) VALUES (?1, ?2, ?3, ?4, ?5)"),
                {roid, r.keyTag, r.algorithm, r.digestType, r.digest});
}

Result<void> setCustomField(store::Connection &c, const QString &roid, const CustomField &f)
{
    return exec(c, QStringLiteral("INSERT OR REPLACE INTO custom_fields (object_type, object_roid, name, value) VALUES ('domain', ?1, ?2, ?3)"),
                {roid, f.name, f.value});
}

// Refunds the charges of the grace periods in force of the given kinds, and ends those periods.
SrsOutcome<QList<Charge>> refundGrace(store::Connection &c, const RequestContext &ctx, const DomainRecord &rec,
                                      const QList<GracePeriod> &kinds, const QDateTime &now)
{
    QList<Charge> refunds;
    for (const GraceRow &g : rec.graceInForce(now)) {
        if (!kinds.contains(g.kind))
            continue;
        if (g.ledgerId) {
            SrsOutcome<Charge> r = Billing::refund(c, ctx, *g.ledgerId,
                                                   QStringLiteral("%1 of %2 deleted within its grace period").arg(gracePeriodName(g.kind), rec.domain.name));
            if (!r)
                return r.error();
            refunds << *r;
        }
    }
    for (GracePeriod k : kinds) {
        if (auto r = dropGraceRows(c, rec.domain.roid, k); !r)
            return storeFailure(r.error());
    }
    return refunds;
}

TransferInfo projectedTransfer(const DomainRecord &rec, const QString &requester, const QDateTime &now, const QDateTime &deadline,
                               const QDateTime &expiry)
{
    TransferInfo info;
    info.objectName = rec.domain.name;
    info.status = TransferStatus::Pending;
    info.requestingId = requester;
    info.requestedAt = now;
    info.actingId = rec.domain.sponsorId;
    info.actionAt = deadline;
    info.expiresAt = expiry;
    return info;
}

} // namespace

QString gracePeriodName(GracePeriod period)
{
    switch (period) {
    case GracePeriod::Add: return QStringLiteral("addPeriod");
    case GracePeriod::Renew: return QStringLiteral("renewPeriod");
    case GracePeriod::AutoRenew: return QStringLiteral("autoRenewPeriod");
    case GracePeriod::Transfer: return QStringLiteral("transferPeriod");
    case GracePeriod::Redemption: return QStringLiteral("redemptionPeriod");
    case GracePeriod::PendingRestore: return QStringLiteral("pendingRestore");
    case GracePeriod::PendingDelete: return QStringLiteral("pendingDelete");
    }
    return {};
}

QString domainContactTypeName(DomainContact::Type type)
{
    switch (type) {
    case DomainContact::Type::Admin: return QStringLiteral("admin");
    case DomainContact::Type::Tech: return QStringLiteral("tech");
    case DomainContact::Type::Billing: return QStringLiteral("billing");
    }
    return {};
}

std::optional<DomainContact::Type> parseDomainContactType(QStringView name)
{
    if (name == u"admin")
        return DomainContact::Type::Admin;
    if (name == u"tech")
        return DomainContact::Type::Tech;
    if (name == u"billing")
        return DomainContact::Type::Billing;
    return std::nullopt;
}

// ---- reads -------------------------------------------------------------------------------------

SrsOutcome<QList<DomainCheckResult>> DomainCommands::check(store::Connection &reader, const RequestContext &ctx, const QStringList &names)
{
    if (names.isEmpty())
        return refusal(Refusal::MissingParameter, QStringLiteral("name at least one domain to check"), QStringLiteral("domain:name"));
    if (names.size() > kMaxCheckNames)
        return refusal(Refusal::PolicyError, QStringLiteral("at most %1 names per check").arg(kMaxCheckNames), QStringLiteral("domain:name"));
    QList<DomainCheckResult> out;
    out.reserve(names.size());
    const ReadSnapshot snapshot(reader);
    for (const QString &text : names) {
        DomainCheckResult r;
        r.name = text;
        Result<DomainName> name = DomainName::parse(text);
        if (!name) {
            r.reason = QStringLiteral("Invalid domain name");   // EPP reasons hold 32 characters
        } else if (Result<void> reg = name->checkRegistrable(ctx.policy->tlds); !reg) {
            r.name = name->toString();
            r.reason = QStringLiteral("Not under a TLD served here");
        } else {
            r.name = name->toString();
            Result<QList<QVariantList>> rows = query(reader, QStringLiteral("SELECT deleted_at FROM domains WHERE name = ?1"), {r.name}, 1);
            if (!rows)
                return storeFailure(rows.error());
            if (rows->isEmpty()) {
                r.available = true;
            } else {
                const QVariant deleted = rows->constFirst()[0];
                r.reason = deleted.isValid() && !deleted.isNull() ? QStringLiteral("Pending deletion") : QStringLiteral("In use");
            }
        }
        out << r;
    }
    return out;
}

SrsOutcome<DomainInfoResult> DomainCommands::info(store::Connection &reader, const RequestContext &ctx, const QString &name,
                                                  HostsFilter hosts, const std::optional<QString> &authInfo)
{
    const ReadSnapshot snapshot(reader);
    // Only the summary until the caller has shown it may see more: the details of another
    // registrar's domain are not even read for it.
    SrsOutcome<DomainRecord> rec = existingDomain(reader, name, Detail::Summary);
    if (!rec)
        return rec.error();
    DomainInfoResult result;
    if (rec->domain.sponsorId == ctx.registrarId) {
        result.full = true;
    } else if (authInfo) {
        if (!AuthInfo::matches(rec->authInfoHash, *authInfo))
            return refusal(Refusal::InvalidAuthInfo, QStringLiteral("the authorization information for %1 does not match").arg(rec->domain.name),
                           QStringLiteral("domain:pw"));
        result.full = true;
    }
    if (result.full) {
        if (Result<void> r = loadDetails(reader, *rec); !r)
            return storeFailure(r.error());
    }
    result.domain = std::move(rec->domain);
    Domain &d = result.domain;
    d.gracePeriods = lc::gracePeriodsShown(*rec, ctx.clock->now());
    if (!result.full) {
        // RFC 5731 3.1.2 subset: name, roid, statuses, clID, crDate, exDate (and the RGP state).
        d.creatorId.clear();
        d.updaterId.clear();
        d.updatedAt.reset();
        d.transferredAt.reset();
        d.registrantId.clear();
        d.maxSigLife.reset();
        return result;
    }
    if (hosts == HostsFilter::None || hosts == HostsFilter::Subordinate)
        d.nameServers.clear();
    if (hosts == HostsFilter::None || hosts == HostsFilter::Delegated)
        d.subordinateHosts.clear();
    return result;
}

SrsOutcome<TransferInfo> DomainCommands::transferQuery(store::Connection &reader, const RequestContext &ctx, const QString &name,
                                                       const std::optional<QString> &authInfo)
{
    const ReadSnapshot snapshot(reader);
    SrsOutcome<DomainRecord> rec = existingDomain(reader, name);
    if (!rec)
        return rec.error();
    Result<std::optional<lc::TransferRow>> t = lc::latestTransfer(reader, QStringLiteral("domain"), rec->domain.roid);
    if (!t)
        return storeFailure(t.error());
    const bool party = rec->domain.sponsorId == ctx.registrarId
        || (*t && ((*t)->info.requestingId == ctx.registrarId || (*t)->info.actingId == ctx.registrarId));
    if (!party) {
        if (!authInfo)
            return refusal(Refusal::AuthorizationError, QStringLiteral("domain %1 is sponsored by another registrar").arg(rec->domain.name),
                           QStringLiteral("domain:name"), name);
        if (!AuthInfo::matches(rec->authInfoHash, *authInfo))
            return refusal(Refusal::InvalidAuthInfo, QStringLiteral("the authorization information for %1 does not match").arg(rec->domain.name),
                           QStringLiteral("domain:pw"));
    }
    if (!*t)
        return refusal(Refusal::NotPendingTransfer, QStringLiteral("domain %1 has no transfer").arg(rec->domain.name), QStringLiteral("domain:name"), name);
    return (*t)->info;
}

// ---- create ------------------------------------------------------------------------------------

WriteCommand<DomainCreated> DomainCommands::create(RequestContext ctx, DomainCreateRequest request)
{
    return [ctx = std::move(ctx), request = std::move(request)](store::Connection &c) mutable -> SrsOutcome<Committed<DomainCreated>> {
        const SrsPolicy &policy = *ctx.policy;
        SrsOutcome<DomainName> name = registrableName(request.name, ctx);
        if (!name)
            return name.error();
        Result<QString> tld = name->servingTld(policy.tlds);
        if (!tld)
            return refusal(Refusal::PolicyError, tld.error().message, QStringLiteral("domain:name"), request.name);
        if (auto e = checkPeriod(request.period, ctx))
            return *e;
        if (request.authInfo.isEmpty())
            return refusal(Refusal::MissingParameter, QStringLiteral("a domain needs authorization information"), QStringLiteral("domain:pw"));
        if (SrsOutcome<Done> p = AuthInfo::checkPolicy(request.authInfo, QStringLiteral("domain:pw")); !p)
            return p.error();
        if (request.registrantId.isEmpty())
            return refusal(Refusal::MissingParameter, QStringLiteral("a domain needs a registrant"), QStringLiteral("domain:registrant"));
        if (auto e = checkContactSet(request.contacts))
            return *e;
        if (request.nameServers.size() > policy.maxNameServers)
            return refusal(Refusal::PolicyError, QStringLiteral("at most %1 name servers").arg(policy.maxNameServers), QStringLiteral("domain:ns"));
        if (request.dsRecords.size() > policy.maxDsRecords)
            return refusal(Refusal::PolicyError, QStringLiteral("at most %1 DS records").arg(policy.maxDsRecords), QStringLiteral("secDNS:dsData"));
        for (DsRecord &r : request.dsRecords) {
            if (auto e = checkDsRecord(r))
                return *e;
        }
        for (qsizetype i = 0; i < request.dsRecords.size(); ++i) {
            if (request.dsRecords.indexOf(request.dsRecords[i]) != i)
                return refusal(Refusal::PolicyError, QStringLiteral("a DS record is listed twice"), QStringLiteral("secDNS:dsData"));
        }
        if (auto e = checkMaxSigLife(request.maxSigLife))
            return *e;
        if (request.customFields.size() > policy.maxCustomFields)
            return refusal(Refusal::PolicyError, QStringLiteral("at most %1 custom fields").arg(policy.maxCustomFields), QStringLiteral("custom:field"));
        QSet<QString> fieldNames;
        for (const CustomField &f : request.customFields) {
            if (auto e = checkCustomField(f))
                return *e;
            if (fieldNames.contains(f.name))
                return refusal(Refusal::PolicyError, QStringLiteral("custom field %1 is given twice").arg(f.name), QStringLiteral("custom:name"), f.name);
            fieldNames.insert(f.name);
        }

        const QString domainName = name->toString();
        Result<QList<QVariantList>> existing = query(c, QStringLiteral("SELECT 1 FROM domains WHERE name = ?1"), {domainName}, 1);
        if (!existing)
            return storeFailure(existing.error());
        if (!existing->isEmpty())
            return refusal(Refusal::Exists, QStringLiteral("domain %1 already exists").arg(domainName), QStringLiteral("domain:name"), request.name);

        SrsOutcome<ContactRef> registrant = ownContact(c, ctx, request.registrantId, QStringLiteral("domain:registrant"));
        if (!registrant)
            return registrant.error();
        // Registrars commonly name one contact as registrant, admin and tech: look each id up once.
        QHash<QString, QString> roidOfContact{{request.registrantId, registrant->roid}};
        QList<QPair<QString, DomainContact::Type>> contactRoids;
        for (const DomainContact &dc : request.contacts) {
            auto known = roidOfContact.constFind(dc.id);
            if (known == roidOfContact.constEnd()) {
                SrsOutcome<ContactRef> ref = ownContact(c, ctx, dc.id, QStringLiteral("domain:contact"));
                if (!ref)
                    return ref.error();
                known = roidOfContact.insert(dc.id, ref->roid);
            }
            contactRoids << qMakePair(*known, dc.type);
        }
        QStringList hostRoids;
        QStringList hostNames;
        for (const QString &ns : request.nameServers) {
            SrsOutcome<HostRef> host = findHost(c, ns);
            if (!host)
                return host.error();
            if (auto e = checkDelegable(*host, ns))
                return *e;
            if (hostRoids.contains(host->roid))
                return refusal(Refusal::PolicyError, QStringLiteral("name server %1 is listed twice").arg(ns), QStringLiteral("domain:hostObj"), ns);
            hostRoids << host->roid;
            hostNames << host->name;
        }

        Result<QString> roid = RoidAllocator::next(c, RoidAllocator::Kind::Domain);
        if (!roid)
            return storeFailure(roid.error());
        SrsOutcome<Billing::Charged> charged = Billing::charge(c, ctx, ctx.registrarId, BillableOperation::Create, domainName, *tld,
                                                               request.period.years, request.acceptedFeeCents);
        if (!charged)
            return charged.error();

        const QDateTime now = ctx.clock->now();
        const QDateTime expires = now.addYears(request.period.years);
        StatusSet stored;   // a new domain carries no stored status; "ok"/"inactive" are computed
        if (auto r = exec(c, QStringLiteral("INSERT INTO domains (roid, name, tld, registrar_id, registrant_roid, statuses, created_at, updated_at, "
                                            "expires_at, creator_id, auth_info, max_sig_life) VALUES (?1, ?2, ?3, ?4, ?5, '', ?6, ?6, ?7, ?4, ?8, ?9)"),
                          {*roid, domainName, *tld, ctx.registrarId, registrant->roid, ms(now), ms(expires), AuthInfo::hash(request.authInfo),
                           request.maxSigLife ? QVariant(*request.maxSigLife) : QVariant()});
            !r)
            return storeFailure(r.error());
        for (const auto &[contactRoid, type] : contactRoids) {
            if (auto r = exec(c, QStringLiteral("INSERT INTO domain_contacts (domain_roid, contact_roid, type) VALUES (?1, ?2, ?3)"),
                              {*roid, contactRoid, domainContactTypeName(type)});
                !r)
                return storeFailure(r.error());
        }
        for (const QString &h : hostRoids) {
            if (auto r = exec(c, QStringLiteral("INSERT INTO domain_hosts (domain_roid, host_roid) VALUES (?1, ?2)"), {*roid, h}); !r)
                return storeFailure(r.error());
        }
        for (const DsRecord &r : request.dsRecords) {
            if (auto w = insertDs(c, *roid, r); !w)
                return storeFailure(w.error());
        }
        for (const CustomField &f : request.customFields) {
            if (auto w = setCustomField(c, *roid, f); !w)
                return storeFailure(w.error());
        }
        if (auto r = addGraceRow(c, *roid, GracePeriod::Add, now, now.addSecs(policy.addGraceSecs), ctx.registrarId, charged->ledgerId); !r)
            return storeFailure(r.error());

        // The journal data comes from the request, not a reload: create is the hot path.
        Domain d;
        d.name = domainName;
        d.roid = *roid;
        d.tld = *tld;
        d.statuses = shownStatuses(stored, !hostNames.isEmpty());
        d.gracePeriods = {GracePeriod::Add};
        d.registrantId = request.registrantId;
        d.contacts = request.contacts;
        hostNames.sort();
        d.nameServers = hostNames;
        d.sponsorId = ctx.registrarId;
        d.creatorId = ctx.registrarId;
        d.createdAt = now;
        d.expiresAt = expires;
        d.dsRecords = request.dsRecords;
        d.maxSigLife = request.maxSigLife;
        d.customFields = request.customFields;

        Committed<DomainCreated> out{DomainCreated{domainName, now, expires, charged->charge},
                                     journalChange(ctx.actor(), QStringLiteral("domain.create"), d)};
        return out;
    };
}

// ---- update ------------------------------------------------------------------------------------

WriteCommand<Done> DomainCommands::update(RequestContext ctx, DomainUpdateRequest request)
{
    return [ctx = std::move(ctx), request = std::move(request)](store::Connection &c) mutable -> SrsOutcome<Committed<Done>> {
        const SrsPolicy &policy = *ctx.policy;
        SrsOutcome<DomainRecord> rec = existingDomain(c, request.name);
        if (!rec)
            return rec.error();
        if (auto e = requireSponsor(*rec, ctx))
            return *e;
        const Domain &d = rec->domain;
        const QString &roid = d.roid;

        if (Result<void> r = checkClientStatusChange(ObjectType::Domain, rec->storedStatuses, request.addStatuses, request.removeStatuses); !r)
            return refusal(Refusal::PolicyError, r.error().message, QStringLiteral("domain:status"));
        const bool otherChanges = !request.addNameServers.isEmpty() || !request.removeNameServers.isEmpty() || !request.addContacts.isEmpty()
            || !request.removeContacts.isEmpty() || request.registrantId || request.authInfo || request.removeAllDs
            || !request.removeDs.isEmpty() || !request.addDs.isEmpty() || request.maxSigLife || !request.setCustomFields.isEmpty()
            || !request.removeCustomFields.isEmpty();
        if (auto s = rec->storedStatuses.prohibitsUpdate(request.addStatuses, request.removeStatuses, otherChanges))
            return statusRefusal(*rec, *s);

        // Name servers: removals first, then additions.
        QStringList ns = d.nameServers;
        QStringList removeHostRoids, addHostRoids;
        for (const QString &text : request.removeNameServers) {
            SrsOutcome<HostRef> h = findHost(c, text);
            if (!h)
                return h.error();
            if (!ns.contains(h->name))
                return refusal(Refusal::PolicyError, QStringLiteral("%1 is not a name server of %2").arg(h->name, d.name), QStringLiteral("domain:hostObj"), text);
            ns.removeAll(h->name);
            removeHostRoids << h->roid;
        }
        for (const QString &text : request.addNameServers) {
            SrsOutcome<HostRef> h = findHost(c, text);
            if (!h)
                return h.error();
            if (auto e = checkDelegable(*h, text))
                return *e;
            if (ns.contains(h->name))
                return refusal(Refusal::PolicyError, QStringLiteral("%1 is already a name server of %2").arg(h->name, d.name), QStringLiteral("domain:hostObj"), text);
            ns << h->name;
            addHostRoids << h->roid;
        }
        if (ns.size() > policy.maxNameServers)
            return refusal(Refusal::PolicyError, QStringLiteral("at most %1 name servers").arg(policy.maxNameServers), QStringLiteral("domain:ns"));

        // Contacts.
        QList<DomainContact> contacts = d.contacts;
        QList<QPair<DomainContact, QString>> removeContactRoids, addContactRoids;
        for (const DomainContact &dc : request.removeContacts) {
            if (!contacts.contains(dc))
                return refusal(Refusal::PolicyError, QStringLiteral("%1 is not a %2 contact of %3").arg(dc.id, domainContactTypeName(dc.type), d.name),
                               QStringLiteral("domain:contact"), dc.id);
            Result<QList<QVariantList>> r = query(c, QStringLiteral("SELECT roid FROM contacts WHERE id = ?1"), {dc.id}, 1);
            if (!r)
                return storeFailure(r.error());
            contacts.removeAll(dc);
            if (!r->isEmpty())
                removeContactRoids << qMakePair(dc, r->constFirst()[0].toString());
        }
        for (const DomainContact &dc : request.addContacts) {
            if (contacts.contains(dc))
                return refusal(Refusal::PolicyError, QStringLiteral("%1 is already a %2 contact of %3").arg(dc.id, domainContactTypeName(dc.type), d.name),
                               QStringLiteral("domain:contact"), dc.id);
            SrsOutcome<ContactRef> ref = ownContact(c, ctx, dc.id, QStringLiteral("domain:contact"));
            if (!ref)
                return ref.error();
            contacts << dc;
            addContactRoids << qMakePair(dc, ref->roid);
        }
        if (!request.removeContacts.isEmpty() || !request.addContacts.isEmpty()) {
            if (auto e = checkContactSet(contacts))
                return *e;
        }
        std::optional<ContactRef> registrant;
        if (request.registrantId) {
            SrsOutcome<ContactRef> ref = ownContact(c, ctx, *request.registrantId, QStringLiteral("domain:registrant"));
            if (!ref)
                return ref.error();
            registrant = *ref;
        }
        if (request.authInfo) {
            if (SrsOutcome<Done> p = AuthInfo::checkPolicy(*request.authInfo, QStringLiteral("domain:pw")); !p)
                return p.error();
        }

        // secDNS: remove all or the listed, then add.
        QList<DsRecord> ds = request.removeAllDs ? QList<DsRecord>() : d.dsRecords;
        for (DsRecord r : request.removeDs) {
            if (auto e = checkDsRecord(r))
                return *e;
            if (!ds.contains(r))
                return refusal(Refusal::PolicyError, QStringLiteral("DS record %1 is not set").arg(r.keyTag), QStringLiteral("secDNS:dsData"));
            ds.removeAll(r);
        }
        QList<DsRecord> addDs;
        for (DsRecord r : request.addDs) {
            if (auto e = checkDsRecord(r))
                return *e;
            if (ds.contains(r))
                return refusal(Refusal::PolicyError, QStringLiteral("DS record %1 is already set").arg(r.keyTag), QStringLiteral("secDNS:dsData"));
            ds << r;
            addDs << r;
        }
        if (ds.size() > policy.maxDsRecords)
            return refusal(Refusal::PolicyError, QStringLiteral("at most %1 DS records").arg(policy.maxDsRecords), QStringLiteral("secDNS:dsData"));
        if (auto e = checkMaxSigLife(request.maxSigLife))
            return *e;

        // Custom fields.
        QHash<QString, QString> fields;
        for (const CustomField &f : d.customFields)
            fields.insert(f.name, f.value);
        for (const QString &n : request.removeCustomFields) {
            if (!fields.contains(n))
                return refusal(Refusal::PolicyError, QStringLiteral("custom field %1 is not set").arg(n), QStringLiteral("custom:name"), n);
            fields.remove(n);
        }
        for (const CustomField &f : request.setCustomFields) {
            if (auto e = checkCustomField(f))
                return *e;
            fields.insert(f.name, f.value);
        }
        if (fields.size() > policy.maxCustomFields)
            return refusal(Refusal::PolicyError, QStringLiteral("at most %1 custom fields").arg(policy.maxCustomFields), QStringLiteral("custom:field"));

        // Everything checked: write.
        const QDateTime now = ctx.clock->now();
        for (const QString &h : removeHostRoids) {
            if (auto r = exec(c, QStringLiteral("DELETE FROM domain_hosts WHERE domain_roid = ?1 AND host_roid = ?2"), {roid, h}); !r)
                return storeFailure(r.error());
        }
        for (const QString &h : addHostRoids) {
            if (auto r = exec(c, QStringLiteral("INSERT INTO domain_hosts (domain_roid, host_roid) VALUES (?1, ?2)"), {roid, h}); !r)
                return storeFailure(r.error());
        }
        for (const auto &[dc, contactRoid] : removeContactRoids) {
            if (auto r = exec(c, QStringLiteral("DELETE FROM domain_contacts WHERE domain_roid = ?1 AND contact_roid = ?2 AND type = ?3"),
                              {roid, contactRoid, domainContactTypeName(dc.type)});
                !r)
                return storeFailure(r.error());
        }
        for (const auto &[dc, contactRoid] : addContactRoids) {
            if (auto r = exec(c, QStringLiteral("INSERT INTO domain_contacts (domain_roid, contact_roid, type) VALUES (?1, ?2, ?3)"),
                              {roid, contactRoid, domainContactTypeName(dc.type)});
                !r)
                return storeFailure(r.error());
        }
        if (registrant) {
            if (auto r = exec(c, QStringLiteral("UPDATE domains SET registrant_roid = ?2 WHERE roid = ?1"), {roid, registrant->roid}); !r)
                return storeFailure(r.error());
        }
        if (request.authInfo) {
            if (auto r = exec(c, QStringLiteral("UPDATE domains SET auth_info = ?2 WHERE roid = ?1"), {roid, AuthInfo::hash(*request.authInfo)}); !r)
                return storeFailure(r.error());
        }
        if (request.removeAllDs) {
            if (auto r = exec(c, QStringLiteral("DELETE FROM domain_ds WHERE domain_roid = ?1"), {roid}); !r)
                return storeFailure(r.error());
        }
        for (const DsRecord &r : request.removeDs) {
            DsRecord k = r;
            (void)checkDsRecord(k);
            if (auto w = exec(c, QStringLiteral("DELETE FROM domain_ds WHERE domain_roid = ?1 AND key_tag = ?2 AND algorithm = ?3 AND digest_type = ?4 AND digest = ?5"),
                              {roid, k.keyTag, k.algorithm, k.digestType, k.digest});
                !w)
                return storeFailure(w.error());
        }
        for (const DsRecord &r : addDs) {
            if (auto w = insertDs(c, roid, r); !w)
                return storeFailure(w.error());
        }
        if (request.maxSigLife) {
            if (auto r = exec(c, QStringLiteral("UPDATE domains SET max_sig_life = ?2 WHERE roid = ?1"), {roid, *request.maxSigLife}); !r)
                return storeFailure(r.error());
        }
        for (const QString &n : request.removeCustomFields) {
            if (auto r = exec(c, QStringLiteral("DELETE FROM custom_fields WHERE object_type = 'domain' AND object_roid = ?1 AND name = ?2"), {roid, n}); !r)
                return storeFailure(r.error());
        }
        for (const CustomField &f : request.setCustomFields) {
            if (auto r = setCustomField(c, roid, f); !r)
                return storeFailure(r.error());
        }
        const StatusSet stored = rec->storedStatuses.united(request.addStatuses).subtracted(request.removeStatuses);
        if (auto r = saveStatuses(c, roid, stored); !r)
            return storeFailure(r.error());
        if (auto r = exec(c, QStringLiteral("UPDATE domains SET updated_at = ?2, updater_id = ?3 WHERE roid = ?1"), {roid, ms(now), ctx.registrarId}); !r)
            return storeFailure(r.error());

        SrsOutcome<DomainRecord> after = lc::reload(c, roid, now);
        if (!after)
            return after.error();
        return Committed<Done>{Done{}, journalChange(ctx.actor(), QStringLiteral("domain.update"), after->domain)};
    };
}

// ---- delete ------------------------------------------------------------------------------------

WriteCommand<DomainDeleted> DomainCommands::remove(RequestContext ctx, QString name)
{
    return [ctx = std::move(ctx), name = std::move(name)](store::Connection &c) -> SrsOutcome<Committed<DomainDeleted>> {
        SrsOutcome<DomainRecord> rec = existingDomain(c, name);
        if (!rec)
            return rec.error();
        if (auto e = requireSponsor(*rec, ctx))
            return *e;
        if (auto s = rec->storedStatuses.prohibits(Command::Delete))
            return statusRefusal(*rec, *s);
        const QString &roid = rec->domain.roid;
        // RFC 5731 3.2.2: not while other domains delegate to hosts under this one.
        Result<QList<QVariantList>> used = query(
            c, QStringLiteral("SELECT h.name, d.name FROM hosts h JOIN domain_hosts dh ON dh.host_roid = h.roid JOIN domains d ON d.roid = dh.domain_roid "
                              "WHERE h.domain_roid = ?1 AND dh.domain_roid <> ?1 LIMIT 1"), {roid}, 1);
        if (!used)
            return storeFailure(used.error());
        if (!used->isEmpty()) {
            const QVariantList &u = used->constFirst();
            return refusal(Refusal::AssociationProhibits,
                           QStringLiteral("host %1 under %2 is a name server of %3").arg(u[0].toString(), rec->domain.name, u[1].toString()),
                           QStringLiteral("domain:name"), name);
        }
        const QDateTime now = ctx.clock->now();
        const bool inAddGrace = [&] {
            for (const GraceRow &g : rec->graceInForce(now)) {
                if (g.kind == GracePeriod::Add)
                    return true;
            }
            return false;
        }();
        SrsOutcome<QList<Charge>> refunds = refundGrace(
            c, ctx, *rec, {GracePeriod::Add, GracePeriod::Renew, GracePeriod::AutoRenew, GracePeriod::Transfer}, now);
        if (!refunds)
            return refunds.error();
        DomainDeleted out;
        out.purged = inAddGrace;
        if (!refunds->isEmpty())
            out.refund = sumCharges(*refunds);

        if (inAddGrace) {
            Domain gone = rec->domain;
            if (auto r = purge(c, roid); !r)
                return storeFailure(r.error());
            gone.nameServers.clear();
            gone.dsRecords.clear();
            gone.subordinateHosts.clear();
            return Committed<DomainDeleted>{out, journalChange(ctx.actor(), QStringLiteral("domain.delete"), gone,
                                                               QJsonObject{{QStringLiteral("purged"), true}, {QStringLiteral("inZone"), false}})};
        }
        if (auto r = lc::enterRedemption(c, ctx, *rec); !r)
            return storeFailure(r.error());
        if (auto r = exec(c, QStringLiteral("UPDATE domains SET updated_at = ?2, updater_id = ?3 WHERE roid = ?1"), {roid, ms(now), ctx.registrarId}); !r)
            return storeFailure(r.error());
        SrsOutcome<DomainRecord> after = lc::reload(c, roid, now);
        if (!after)
            return after.error();
        return Committed<DomainDeleted>{out, journalChange(ctx.actor(), QStringLiteral("domain.delete"), after->domain,
                                                           QJsonObject{{QStringLiteral("purged"), false}})};
    };
}

// ---- renew -------------------------------------------------------------------------------------

WriteCommand<DomainRenewed> DomainCommands::renew(RequestContext ctx, DomainRenewRequest request)
{
    return [ctx = std::move(ctx), request = std::move(request)](store::Connection &c) -> SrsOutcome<Committed<DomainRenewed>> {
        SrsOutcome<DomainRecord> rec = existingDomain(c, request.name);
        if (!rec)
            return rec.error();
        if (auto e = requireSponsor(*rec, ctx))
            return *e;
        if (auto s = rec->storedStatuses.prohibits(Command::Renew))
            return statusRefusal(*rec, *s);
        const Domain &d = rec->domain;
        if (request.currentExpiryDate != d.expiresAt.toUTC().date()) {
            return refusal(Refusal::RangeError,
                           QStringLiteral("the current expiry date of %1 is %2").arg(d.name, d.expiresAt.toUTC().date().toString(Qt::ISODate)),
                           QStringLiteral("domain:curExpDate"), request.currentExpiryDate.toString(Qt::ISODate));
        }
        if (auto e = checkPeriod(request.period, ctx))
            return *e;
        const QDateTime now = ctx.clock->now();
        const QDateTime expires = d.expiresAt.addYears(request.period.years);
        if (expires > now.addYears(ctx.policy->maxPeriodYears)) {
            return refusal(Refusal::PolicyError,
                           QStringLiteral("a registration may not run more than %1 years ahead").arg(ctx.policy->maxPeriodYears),
                           QStringLiteral("domain:period"), QString::number(request.period.years));
        }
        SrsOutcome<Billing::Charged> charged = Billing::charge(c, ctx, ctx.registrarId, BillableOperation::Renew, d.name, d.tld,
                                                               request.period.years, request.acceptedFeeCents);
        if (!charged)
            return charged.error();
        if (auto r = exec(c, QStringLiteral("UPDATE domains SET expires_at = ?2, updated_at = ?3, updater_id = ?4 WHERE roid = ?1"),
                          {d.roid, ms(expires), ms(now), ctx.registrarId});
            !r)
            return storeFailure(r.error());
        if (auto r = addGraceRow(c, d.roid, GracePeriod::Renew, now, now.addSecs(ctx.policy->renewGraceSecs), ctx.registrarId, charged->ledgerId); !r)
            return storeFailure(r.error());
        SrsOutcome<DomainRecord> after = lc::reload(c, d.roid, now);
        if (!after)
            return after.error();
        return Committed<DomainRenewed>{DomainRenewed{d.name, expires, charged->charge},
                                        journalChange(ctx.actor(), QStringLiteral("domain.renew"), after->domain,
                                                      QJsonObject{{QStringLiteral("years"), request.period.years}})};
    };
}

// ---- transfer ----------------------------------------------------------------------------------

WriteCommand<DomainTransferResult> DomainCommands::transfer(RequestContext ctx, DomainTransferRequest request)
{
    return [ctx = std::move(ctx), request = std::move(request)](store::Connection &c) -> SrsOutcome<Committed<DomainTransferResult>> {
        SrsOutcome<DomainRecord> rec = existingDomain(c, request.name);
        if (!rec)
            return rec.error();
        const Domain &d = rec->domain;
        const QDateTime now = ctx.clock->now();
        Result<std::optional<lc::TransferRow>> latest = lc::latestTransfer(c, QStringLiteral("domain"), d.roid);
        if (!latest)
            return storeFailure(latest.error());
        const std::optional<lc::TransferRow> pending =
            *latest && (*latest)->info.status == TransferStatus::Pending ? *latest : std::nullopt;
        DomainTransferResult result;

        if (request.operation == TransferOperation::Request) {
            if (d.sponsorId == ctx.registrarId)
                return refusal(Refusal::NotEligibleForTransfer, QStringLiteral("domain %1 is already sponsored by you").arg(d.name),
                               QStringLiteral("domain:name"), request.name);
            if (!request.authInfo || !AuthInfo::matches(rec->authInfoHash, *request.authInfo))
                return refusal(Refusal::InvalidAuthInfo, QStringLiteral("the authorization information for %1 does not match").arg(d.name),
                               QStringLiteral("domain:pw"));
            if (pending)
                return refusal(Refusal::PendingTransfer, QStringLiteral("a transfer of %1 is already pending").arg(d.name),
                               QStringLiteral("domain:name"), request.name);
            if (auto s = rec->storedStatuses.prohibits(Command::TransferRequest))
                return statusRefusal(*rec, *s);
            if (auto e = checkPeriod(request.period, ctx))
                return *e;
            // The expiry after approval: an auto-renewal still in grace is taken back (see approveTransfer).
            QDateTime expiry = d.expiresAt;
            for (const GraceRow &g : rec->graceInForce(now)) {
                if (g.kind == GracePeriod::AutoRenew && g.registrarId == d.sponsorId)
                    expiry = expiry.addYears(-1);
            }
            expiry = expiry.addYears(request.period.years);
            if (expiry > now.addYears(ctx.policy->maxPeriodYears)) {
                return refusal(Refusal::PolicyError,
                               QStringLiteral("a registration may not run more than %1 years ahead").arg(ctx.policy->maxPeriodYears),
                               QStringLiteral("domain:period"), QString::number(request.period.years));
            }
            SrsOutcome<Billing::Charged> charged = Billing::charge(c, ctx, ctx.registrarId, BillableOperation::Transfer, d.name, d.tld,
                                                                   request.period.years, request.acceptedFeeCents);
            if (!charged)
                return charged.error();
            const QDateTime deadline = now.addSecs(ctx.policy->transferPendingSecs);
            if (auto r = exec(c, QStringLiteral("INSERT INTO transfers (object_type, object_roid, object_name, status, requesting_id, requested_at, "
                                                "acting_id, action_at, period_years, expires_at, ledger_id) "
                                                "VALUES ('domain', ?1, ?2, 'pending', ?3, ?4, ?5, ?6, ?7, ?8, ?9)"),
                              {d.roid, d.name, ctx.registrarId, ms(now), d.sponsorId, ms(deadline), request.period.years, ms(expiry),
                               charged->ledgerId});
                !r)
                return storeFailure(r.error());
            StatusSet stored = rec->storedStatuses;
            stored.insert(EppStatus::PendingTransfer);
            if (auto r = saveStatuses(c, d.roid, stored); !r)
                return storeFailure(r.error());
            result.transfer = projectedTransfer(*rec, ctx.registrarId, now, deadline, expiry);
            result.charge = charged->charge;
            const QJsonObject data = lc::transferPollData(result.transfer);
            const QString text = QStringLiteral("Transfer of %1 requested by %2").arg(d.name, ctx.registrarId);
            for (const QString &registrar : {d.sponsorId, ctx.registrarId}) {
                if (Result<qint64> q = PollQueue::enqueue(c, registrar, now, QStringLiteral("transfer"), d.name, text, data); !q)
                    return storeFailure(q.error());
            }
            SrsOutcome<DomainRecord> after = lc::reload(c, d.roid, now);
            if (!after)
                return after.error();
            return Committed<DomainTransferResult>{result, journalChange(ctx.actor(), QStringLiteral("domain.transfer"), after->domain,
                                                                         QJsonObject{{QStringLiteral("transfer"), lc::transferJson(result.transfer)}})};
        }

        // approve / reject: the sponsor (losing registrar); cancel: the requester.
        const bool byRequester = request.operation == TransferOperation::Cancel;
        if (!pending) {
            if (!byRequester && d.sponsorId != ctx.registrarId)
                return refusal(Refusal::AuthorizationError, QStringLiteral("domain %1 is sponsored by another registrar").arg(d.name),
                               QStringLiteral("domain:name"), request.name);
            return refusal(Refusal::NotPendingTransfer, QStringLiteral("no transfer of %1 is pending").arg(d.name), QStringLiteral("domain:name"),
                           request.name);
        }
        const QString allowed = byRequester ? pending->info.requestingId : d.sponsorId;
        if (allowed != ctx.registrarId) {
            return refusal(Refusal::AuthorizationError,
                           byRequester ? QStringLiteral("only the requesting registrar may cancel the transfer of %1").arg(d.name)
                                       : QStringLiteral("only the sponsoring registrar may approve or reject the transfer of %1").arg(d.name),
                           QStringLiteral("domain:name"), request.name);
        }
        SrsOutcome<store::JournalChange> change = [&]() -> SrsOutcome<store::JournalChange> {
            switch (request.operation) {
            case TransferOperation::Approve:
                return lc::approveTransfer(c, ctx, ctx.actor(), *rec, *pending, TransferStatus::ClientApproved, &result.transfer);
            case TransferOperation::Reject:
                return lc::closeTransfer(c, ctx, ctx.actor(), *rec, *pending, TransferStatus::ClientRejected, &result.transfer, nullptr);
            default:
                return lc::closeTransfer(c, ctx, ctx.actor(), *rec, *pending, TransferStatus::ClientCancelled, &result.transfer, nullptr);
            }
        }();
        if (!change)
            return change.error();
        return Committed<DomainTransferResult>{result, *change};
    };
}

// ---- restore (RFC 3915) ------------------------------------------------------------------------

WriteCommand<RestoreResult> DomainCommands::restore(RequestContext ctx, RestoreRequest request)
{
    return [ctx = std::move(ctx), request = std::move(request)](store::Connection &c) -> SrsOutcome<Committed<RestoreResult>> {
        SrsOutcome<DomainRecord> rec = existingDomain(c, request.name);
        if (!rec)
            return rec.error();
        if (auto e = requireSponsor(*rec, ctx))
            return *e;
        const Domain &d = rec->domain;
        const QDateTime now = ctx.clock->now();
        RestoreResult result;

        if (!request.report) {
            if (!rec->inState(GracePeriod::Redemption))
                return refusal(Refusal::StatusProhibits, QStringLiteral("domain %1 is not in its redemption period").arg(d.name),
                               QStringLiteral("domain:name"), request.name);
            if (auto s = rec->storedStatuses.prohibits(Command::Restore))
                return statusRefusal(*rec, *s);
            SrsOutcome<Billing::Charged> charged = Billing::charge(c, ctx, ctx.registrarId, BillableOperation::Restore, d.name, d.tld, 1,
                                                                   request.acceptedFeeCents);
            if (!charged)
                return charged.error();
            result.charge = charged->charge;
            if (auto r = dropGraceRows(c, d.roid, GracePeriod::Redemption); !r)
                return storeFailure(r.error());
            if (auto r = addGraceRow(c, d.roid, GracePeriod::PendingRestore, now, now.addSecs(ctx.policy->pendingRestoreSecs), ctx.registrarId,
                                     charged->ledgerId);
                !r)
                return storeFailure(r.error());
            SrsOutcome<DomainRecord> after = lc::reload(c, d.roid, now);
            if (!after)
                return after.error();
            return Committed<RestoreResult>{result, journalChange(ctx.actor(), QStringLiteral("domain.restore"), after->domain,
                                                                  QJsonObject{{QStringLiteral("restore"), QStringLiteral("requested")}})};
        }

        if (!rec->inState(GracePeriod::PendingRestore))
            return refusal(Refusal::StatusProhibits, QStringLiteral("domain %1 has no restore request waiting for its report").arg(d.name),
                           QStringLiteral("domain:name"), request.name);
        const RestoreReport &report = *request.report;
        const auto policyRefusal = [&](const QString &why, const QString &field) {
            return refusal(Refusal::DataManagementPolicy, QStringLiteral("restore report: ") + why, field);
        };
        if (report.preData.trimmed().isEmpty())
            return policyRefusal(QStringLiteral("preData is required"), QStringLiteral("rgp:preData"));
        if (report.postData.trimmed().isEmpty())
            return policyRefusal(QStringLiteral("postData is required"), QStringLiteral("rgp:postData"));
        if (report.reason.trimmed().isEmpty())
            return policyRefusal(QStringLiteral("a reason is required"), QStringLiteral("rgp:resReason"));
        if (report.statements.size() != 2)
            return policyRefusal(QStringLiteral("exactly two statements are required"), QStringLiteral("rgp:statement"));
        for (const QString &s : report.statements) {
            if (s.trimmed().isEmpty())
                return policyRefusal(QStringLiteral("a statement is empty"), QStringLiteral("rgp:statement"));
        }
        if (!report.deletedAt.isValid() || !report.restoredAt.isValid())
            return policyRefusal(QStringLiteral("delTime and resTime are required"), QStringLiteral("rgp:delTime"));
        if (report.deletedAt > report.restoredAt)
            return policyRefusal(QStringLiteral("delTime is after resTime"), QStringLiteral("rgp:delTime"));
        if (report.restoredAt > now)
            return policyRefusal(QStringLiteral("resTime is in the future"), QStringLiteral("rgp:resTime"));

        StatusSet stored = rec->storedStatuses;
        stored.remove(EppStatus::PendingDelete);
        if (auto r = saveStatuses(c, d.roid, stored); !r)
            return storeFailure(r.error());
        for (GracePeriod g : {GracePeriod::Redemption, GracePeriod::PendingRestore, GracePeriod::PendingDelete}) {
            if (auto r = dropGraceRows(c, d.roid, g); !r)
                return storeFailure(r.error());
        }
        if (auto r = exec(c, QStringLiteral("UPDATE domains SET deleted_at = NULL, updated_at = ?2, updater_id = ?3 WHERE roid = ?1"),
                          {d.roid, ms(now), ctx.registrarId});
            !r)
            return storeFailure(r.error());
        SrsOutcome<DomainRecord> after = lc::reload(c, d.roid, now);
        if (!after)
            return after.error();
        return Committed<RestoreResult>{result, journalChange(ctx.actor(), QStringLiteral("domain.restore"), after->domain,
                                                              QJsonObject{{QStringLiteral("restore"), QStringLiteral("restored")}})};
    };
}

} // namespace reg::srs
