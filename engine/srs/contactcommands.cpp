#include "contact.h"

#include "authinfo.h"
#include "contactrules.h"
#include "objectcommandsupport.h"
#include "pollqueue.h"
#include "roidallocator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

// Decisions this file makes where RFC 5733 leaves room (the registry's policy):
// - info with a wrong authInfo answers the short form, exactly as without one: the caller learns
//   nothing it could not learn anyway, and a guessing client gets no oracle beyond "full or not".
// - "linked" (domain_contacts or a registrant) and "pendingTransfer" (a pending row in transfers) are
//   computed on every read and never stored, so they cannot drift from the rows that define them,
//   whoever (domains, maintenance) changes those rows.
// - Transfers: every change of a transfer's state (request, approve, reject, cancel) queues a poll
//   message to both registrars, so each queue is a complete record of the transfers it took part in.
//   A transfer keeps the contact's authInfo; the gaining registrar is expected to set a new one.
// - Disclose: elements the client does not name keep the registry default (the Restricted level:
//   name, org and address shown; voice, fax and e-mail withheld); see privacyFor().
using namespace Qt::StringLiterals;

namespace reg::srs {

using detail::fromMs;
using detail::StatementScope;
using detail::storeFailure;
using detail::toMs;

QString privacyLevelName(PrivacyLevel level)
{
    switch (level) {
    case PrivacyLevel::Unrestricted: return QStringLiteral("unrestricted");
    case PrivacyLevel::Restricted: return QStringLiteral("restricted");
    case PrivacyLevel::Private: return QStringLiteral("private");
    }
    return QStringLiteral("restricted");
}

std::optional<PrivacyLevel> parsePrivacyLevel(QStringView name)
{
    for (PrivacyLevel level : {PrivacyLevel::Unrestricted, PrivacyLevel::Restricted, PrivacyLevel::Private}) {
        if (name == privacyLevelName(level))
            return level;
    }
    return std::nullopt;
}

PrivacyLevel ContactCommands::privacyFor(const Disclose &disclose)
{
    // Start from the registry default (Restricted) and apply what the client named with its flag.
    struct Shown
    {
        bool name = true, org = true, addr = true, voice = false, fax = false, email = false;
    } shown;
    const auto apply = [&](bool named, bool &element) {
        if (named)
            element = disclose.flag;
    };
    apply(disclose.name, shown.name);
    apply(disclose.org, shown.org);
    apply(disclose.addr, shown.addr);
    apply(disclose.voice, shown.voice);
    apply(disclose.fax, shown.fax);
    apply(disclose.email, shown.email);
    if (shown.name && shown.org && shown.addr && shown.voice && shown.fax && shown.email)
        return PrivacyLevel::Unrestricted;
    // Restricted shows name and address only; whatever else was asked to be shown is withheld,
    // which errs on the side of the person behind the contact.
    if (shown.name && shown.addr)
        return PrivacyLevel::Restricted;
    return PrivacyLevel::Private;
}

Disclose ContactCommands::discloseFor(PrivacyLevel level)
{
    Disclose d;
    switch (level) {
    case PrivacyLevel::Unrestricted:
        d.flag = true;
        d.name = d.org = d.addr = d.voice = d.fax = d.email = true;
        break;
    case PrivacyLevel::Restricted:
        d.flag = false;
        d.voice = d.fax = d.email = true;
        break;
    case PrivacyLevel::Private:
        d.flag = false;
        d.name = d.org = d.addr = d.voice = d.fax = d.email = true;
        break;
    }
    return d;
}

namespace {

const QString kIdField = QStringLiteral("contact:id");
const QString kPwField = QStringLiteral("contact:pw");

// One contact row as stored, with what is computed from other tables.
struct StoredContact
{
    Contact contact;             // statuses: the stored ones only
    QString authHash;
    bool linked = false;
    bool pendingTransfer = false;

    StatusSet shownStatuses() const
    {
        StatusSet s = contact.statuses;
        if (linked)
            s.insert(EppStatus::Linked);
        if (pendingTransfer)
            s.insert(EppStatus::PendingTransfer);
        return s.normalized(ObjectType::Contact);
    }
};

QString postalTypeName(PostalInfo::Type type)
{
    return type == PostalInfo::Type::International ? QStringLiteral("int") : QStringLiteral("loc");
}

QJsonObject postalJson(const PostalInfo &p)
{
    return QJsonObject{{u"type"_s, postalTypeName(p.type)}, {u"name"_s, p.name},
                       {u"org"_s, p.org},                    {u"street"_s, QJsonArray::fromStringList(p.street)},
                       {u"city"_s, p.city},                  {u"sp"_s, p.sp},
                       {u"pc"_s, p.pc},                      {u"cc"_s, p.cc}};
}

PostalInfo postalFromJson(const QJsonObject &o, PostalInfo::Type type)
{
    PostalInfo p;
    p.type = type;
    p.name = o.value(u"name"_s).toString();
    p.org = o.value(u"org"_s).toString();
    for (const QJsonValue &line : o.value(u"street"_s).toArray())
        p.street << line.toString();
    p.city = o.value(u"city"_s).toString();
    p.sp = o.value(u"sp"_s).toString();
    p.pc = o.value(u"pc"_s).toString();
    p.cc = o.value(u"cc"_s).toString();
    return p;
}

// What Whois, RDAP and replication need to follow a contact; never the authInfo or its hash.
QJsonObject contactJson(const Contact &c, const StatusSet &shown)
{
    QJsonArray postal;
    for (const PostalInfo &p : c.postalInfo)
        postal.append(postalJson(p));
    QJsonObject o{{u"id"_s, c.id},
                  {u"roid"_s, c.roid},
                  {u"sponsor"_s, c.sponsorId},
                  {u"statuses"_s, QJsonArray::fromStringList(shown.names())},
                  {u"postalInfo"_s, postal},
                  {u"voice"_s, c.voice.number},
                  {u"voiceExt"_s, c.voice.extension},
                  {u"fax"_s, c.fax.number},
                  {u"faxExt"_s, c.fax.extension},
                  {u"email"_s, c.email},
                  {u"privacy"_s, privacyLevelName(c.privacy)}};
    return o;
}

const QString kSelectContact = QStringLiteral(
    "SELECT c.roid, c.id, c.registrar_id, c.name, c.org, c.street, c.city, c.sp, c.pc, c.cc, c.voice, c.voice_ext, "
    "c.fax, c.fax_ext, c.email, c.privacy, c.statuses, c.postal_type, c.loc_postal_info, c.creator_id, c.created_at, "
    "c.updater_id, c.updated_at, c.transferred_at, c.auth_info, "
    "EXISTS (SELECT 1 FROM domain_contacts dc WHERE dc.contact_roid = c.roid) "
    "  OR EXISTS (SELECT 1 FROM domains d WHERE d.registrant_roid = c.roid), "
    "EXISTS (SELECT 1 FROM transfers t WHERE t.object_type = 'contact' AND t.object_roid = c.roid AND t.status = 'pending') "
    "FROM contacts c WHERE c.id = ?1");

Result<std::optional<StoredContact>> loadContact(store::Connection &connection, const QString &id)
{
    Result<store::Statement *> prepared = connection.prepare(kSelectContact);
    if (!prepared)
        return prepared.error();
    StatementScope st(*prepared);
    if (auto b = st->bind(1, id); !b)
        return b.error();
    Result<bool> row = st->step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<StoredContact>();

    StoredContact s;
    Contact &c = s.contact;
    c.roid = st->text(0);
    c.id = st->text(1);
    c.sponsorId = st->text(2);
    PostalInfo first;
    first.type = st->text(17) == u"loc" ? PostalInfo::Type::Localized : PostalInfo::Type::International;
    first.name = st->text(3);
    first.org = st->text(4);
    first.street = st->text(5).split(u'\n', Qt::SkipEmptyParts);
    first.city = st->text(6);
    first.sp = st->text(7);
    first.pc = st->text(8);
    first.cc = st->text(9);
    c.postalInfo << first;
    const QString loc = st->text(18);
    if (!loc.isEmpty())
        c.postalInfo << postalFromJson(QJsonDocument::fromJson(loc.toUtf8()).object(), PostalInfo::Type::Localized);
    c.voice = {st->text(10), st->text(11)};
    c.fax = {st->text(12), st->text(13)};
    c.email = st->text(14);
    c.privacy = parsePrivacyLevel(st->text(15)).value_or(PrivacyLevel::Restricted);
    Result<StatusSet> stored = detail::parseStoredStatuses(st->text(16));
    if (!stored)
        return stored.error().withContext(QStringLiteral("contact %1 statuses: ").arg(c.id));
    c.statuses = *stored;
    c.creatorId = st->text(19);
    c.createdAt = fromMs(st->int64(20));
    c.updaterId = st->text(21);
    // updated_at is NOT NULL in the schema (set to created_at on create); upDate is shown only after an update.
    if (!c.updaterId.isEmpty())
        c.updatedAt = fromMs(st->int64(22));
    c.transferredAt = detail::optionalTime(**prepared, 23);
    s.authHash = st->text(24);
    s.linked = st->int64(25) != 0;
    s.pendingTransfer = st->int64(26) != 0;
    return std::optional<StoredContact>(std::move(s));
}

// The first postal form goes in the columns (the "int" one when there are both), the other as JSON.
struct PostalColumns
{
    PostalInfo first;
    QString locJson;
};

PostalColumns postalColumns(const QList<PostalInfo> &forms)
{
    PostalColumns out;
    out.first = forms.constFirst();
    if (forms.size() == 2) {
        const bool intFirst = forms[0].type == PostalInfo::Type::International;
        out.first = intFirst ? forms[0] : forms[1];
        const PostalInfo &loc = intFirst ? forms[1] : forms[0];
        out.locJson = QString::fromUtf8(QJsonDocument(postalJson(loc)).toJson(QJsonDocument::Compact));
    }
    return out;
}

Result<void> writeContact(store::Connection &connection, const StoredContact &s, bool insert)
{
    const Contact &c = s.contact;
    const PostalColumns postal = postalColumns(c.postalInfo);
    const QString sql = insert
        ? QStringLiteral("INSERT INTO contacts (roid, id, registrar_id, name, org, street, city, sp, pc, cc, voice, voice_ext, "
                         "fax, fax_ext, email, privacy, statuses, postal_type, loc_postal_info, creator_id, created_at, "
                         "updater_id, updated_at, transferred_at, auth_info) "
                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, "
                         "?21, ?22, ?23, ?24, ?25)")
        : QStringLiteral("UPDATE contacts SET id = ?2, registrar_id = ?3, name = ?4, org = ?5, street = ?6, city = ?7, sp = ?8, "
                         "pc = ?9, cc = ?10, voice = ?11, voice_ext = ?12, fax = ?13, fax_ext = ?14, email = ?15, privacy = ?16, "
                         "statuses = ?17, postal_type = ?18, loc_postal_info = ?19, creator_id = ?20, created_at = ?21, "
                         "updater_id = ?22, updated_at = ?23, transferred_at = ?24, auth_info = ?25 WHERE roid = ?1");
    Result<store::Statement *> prepared = connection.prepare(sql);
    if (!prepared)
        return prepared.error();
    StatementScope st(*prepared);
    const QVariantList values{c.roid,
                              c.id,
                              c.sponsorId,
                              postal.first.name,
                              postal.first.org,
                              postal.first.street.join(u'\n'),
                              postal.first.city,
                              postal.first.sp,
                              postal.first.pc,
                              postal.first.cc,
                              c.voice.number,
                              c.voice.extension,
                              c.fax.number,
                              c.fax.extension,
                              c.email,
                              privacyLevelName(c.privacy),
                              detail::storedStatusText(c.statuses),
                              postalTypeName(postal.first.type),
                              postal.locJson,
                              c.creatorId,
                              toMs(c.createdAt),
                              c.updaterId,
                              toMs(c.updatedAt.value_or(c.createdAt)),
                              c.transferredAt ? QVariant(toMs(*c.transferredAt)) : QVariant(),
                              s.authHash};
    if (auto b = st->bindAll(values); !b)
        return b;
    return st->run();
}

SrsError notFound(const QString &id)
{
    return SrsError(Refusal::NotFound, QStringLiteral("contact %1 does not exist").arg(id), kIdField, id);
}

SrsError notSponsor(const QString &id, const QString &what)
{
    return SrsError(Refusal::AuthorizationError,
                    QStringLiteral("contact %1 is sponsored by another registrar; only the sponsor may %2 it").arg(id, what),
                    kIdField, id);
}

SrsOutcome<StoredContact> loadExisting(store::Connection &connection, const QString &id, const char *where)
{
    Result<std::optional<StoredContact>> loaded = loadContact(connection, id);
    if (!loaded)
        return storeFailure(loaded.error(), where);
    if (!*loaded)
        return notFound(id);
    return std::move(**loaded);
}

store::JournalChange contactChange(const RequestContext &ctx, const QString &kind, const StoredContact &s)
{
    return store::JournalChange{ctx.actor(), kind, s.contact.id, contactJson(s.contact, s.shownStatuses())};
}

// ---- transfers ----

struct TransferRow
{
    qint64 id = 0;
    TransferInfo info;
};

Result<std::optional<TransferRow>> latestTransfer(store::Connection &connection, const QString &roid, const QString &id)
{
    Result<store::Statement *> prepared = connection.prepare(QStringLiteral(
        "SELECT id, status, requesting_id, requested_at, acting_id, action_at FROM transfers "
        "WHERE object_type = 'contact' AND object_roid = ?1 ORDER BY id DESC LIMIT 1"));
    if (!prepared)
        return prepared.error();
    StatementScope st(*prepared);
    if (auto b = st->bind(1, roid); !b)
        return b.error();
    Result<bool> row = st->step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<TransferRow>();
    TransferRow t;
    t.id = st->int64(0);
    t.info.objectName = id;
    t.info.status = parseTransferStatus(st->text(1)).value_or(TransferStatus::Pending);
    t.info.requestingId = st->text(2);
    t.info.requestedAt = fromMs(st->int64(3));
    t.info.actingId = st->text(4);
    t.info.actionAt = fromMs(st->int64(5));
    return std::optional<TransferRow>(t);
}

// The poll message's resData, keyed by the element names of contact:trnData (RFC 5733 3.2.4) so the
// XRP port renders it without a mapping table.
QJsonObject transferJson(const TransferInfo &t)
{
    return QJsonObject{{u"type"_s, u"contact:trnData"_s},
                       {u"id"_s, t.objectName},
                       {u"trStatus"_s, transferStatusName(t.status)},
                       {u"reID"_s, t.requestingId},
                       {u"reDate"_s, t.requestedAt.toString(Qt::ISODateWithMs)},
                       {u"acID"_s, t.actingId},
                       {u"acDate"_s, t.actionAt.toString(Qt::ISODateWithMs)}};
}

Result<void> notifyBoth(store::Connection &connection, const TransferInfo &t, const QDateTime &now)
{
    const QString text = QStringLiteral("Transfer of contact %1 from %2 to %3: %4")
                             .arg(t.objectName, t.actingId, t.requestingId, transferStatusName(t.status));
    for (const QString &registrar : {t.actingId, t.requestingId}) {
        Result<qint64> queued = PollQueue::enqueue(connection, registrar, now, QStringLiteral("transfer"), t.objectName, text,
                                                   transferJson(t));
        if (!queued)
            return queued.error();
    }
    return success();
}

SrsOutcome<Committed<TransferInfo>> transferRequest(store::Connection &c, const RequestContext &ctx, StoredContact s,
                                                    const std::optional<QString> &authInfo)
{
    const QString &id = s.contact.id;
    if (s.contact.sponsorId == ctx.registrarId)
        return SrsError(Refusal::NotEligibleForTransfer, QStringLiteral("contact %1 is already sponsored by you").arg(id), kIdField, id);
    if (!authInfo || authInfo->isEmpty())
        return SrsError(Refusal::MissingParameter, QStringLiteral("a transfer request needs the contact's authorization information"),
                        kPwField);
    if (!AuthInfo::matches(s.authHash, *authInfo))
        return SrsError(Refusal::InvalidAuthInfo, QStringLiteral("the authorization information for contact %1 is not correct").arg(id),
                        kPwField);
    if (const auto prohibited = s.shownStatuses().prohibits(Command::TransferRequest))
        return detail::statusRefusal(*prohibited, QStringLiteral("a transfer request"), QStringLiteral("contact ") + id);

    const QDateTime now = ctx.clock->now();
    TransferInfo t;
    t.objectName = id;
    t.status = TransferStatus::Pending;
    t.requestingId = ctx.registrarId;
    t.requestedAt = now;
    t.actingId = s.contact.sponsorId;
    t.actionAt = now.addSecs(ctx.policy->transferPendingSecs);
    Result<store::Statement *> insert = c.prepare(QStringLiteral(
        "INSERT INTO transfers (object_type, object_roid, object_name, status, requesting_id, requested_at, acting_id, action_at) "
        "VALUES ('contact', ?1, ?2, 'pending', ?3, ?4, ?5, ?6)"));
    if (!insert)
        return storeFailure(insert.error(), "contact transfer request");
    {
        StatementScope st(*insert);
        Result<void> r = st->bindAll({s.contact.roid, id, t.requestingId, toMs(t.requestedAt), t.actingId, toMs(t.actionAt)});
        if (r)
            r = st->run();
        if (!r)
            return storeFailure(r.error(), "contact transfer request");
    }
    if (auto n = notifyBoth(c, t, now); !n)
        return storeFailure(n.error(), "contact transfer poll messages");
    s.pendingTransfer = true;
    store::JournalChange change = contactChange(ctx, QStringLiteral("contact.transfer"), s);
    change.data.insert(u"transfer"_s, transferJson(t));
    return Committed<TransferInfo>{t, std::move(change)};
}

SrsOutcome<Committed<TransferInfo>> transferAct(store::Connection &c, const RequestContext &ctx, StoredContact s,
                                                TransferOperation op)
{
    const QString &id = s.contact.id;
    Result<std::optional<TransferRow>> latest = latestTransfer(c, s.contact.roid, id);
    if (!latest)
        return storeFailure(latest.error(), "contact transfer");
    if (!*latest || (*latest)->info.status != TransferStatus::Pending)
        return SrsError(Refusal::NotPendingTransfer, QStringLiteral("contact %1 has no pending transfer").arg(id), kIdField, id);
    TransferRow row = **latest;

    TransferStatus outcome = TransferStatus::ClientApproved;
    if (op == TransferOperation::Cancel) {
        if (row.info.requestingId != ctx.registrarId)
            return SrsError(Refusal::AuthorizationError,
                            QStringLiteral("only the registrar that requested the transfer of contact %1 may cancel it").arg(id), kIdField, id);
        outcome = TransferStatus::ClientCancelled;
    } else {
        if (s.contact.sponsorId != ctx.registrarId)
            return SrsError(Refusal::AuthorizationError,
                            QStringLiteral("only the sponsor of contact %1 may approve or reject its transfer").arg(id), kIdField, id);
        outcome = op == TransferOperation::Approve ? TransferStatus::ClientApproved : TransferStatus::ClientRejected;
    }

    const QDateTime now = ctx.clock->now();
    row.info.status = outcome;
    row.info.actionAt = now;
    Result<store::Statement *> update = c.prepare(QStringLiteral("UPDATE transfers SET status = ?2, action_at = ?3 WHERE id = ?1"));
    if (!update)
        return storeFailure(update.error(), "contact transfer");
    {
        StatementScope st(*update);
        Result<void> r = st->bindAll({row.id, transferStatusName(outcome), toMs(now)});
        if (r)
            r = st->run();
        if (!r)
            return storeFailure(r.error(), "contact transfer");
    }
    s.pendingTransfer = false;
    if (outcome == TransferStatus::ClientApproved) {
        s.contact.sponsorId = row.info.requestingId;
        s.contact.transferredAt = now;
        if (auto w = writeContact(c, s, false); !w)
            return storeFailure(w.error(), "contact transfer");
    }
    if (auto n = notifyBoth(c, row.info, now); !n)
        return storeFailure(n.error(), "contact transfer poll messages");
    store::JournalChange change = contactChange(ctx, QStringLiteral("contact.transfer"), s);
    change.data.insert(u"transfer"_s, transferJson(row.info));
    return Committed<TransferInfo>{row.info, std::move(change)};
}

} // namespace

SrsOutcome<QList<ContactCheckResult>> ContactCommands::check(store::Connection &reader, const RequestContext &,
                                                             const QStringList &ids)
{
    if (auto e = detail::checkNameCount(ids.size(), kIdField))
        return *e;
    Result<store::Statement *> prepared = reader.prepare(QStringLiteral("SELECT 1 FROM contacts WHERE id = ?1"));
    if (!prepared)
        return storeFailure(prepared.error(), "contact check");
    QList<ContactCheckResult> results;
    results.reserve(ids.size());
    for (const QString &id : ids) {
        ContactCheckResult r;
        r.id = id;
        if (auto e = ContactRules::checkId(id)) {
            r.reason = QStringLiteral("Invalid contact id");   // EPP reasons hold 32 characters
            results << r;
            continue;
        }
        StatementScope st(*prepared);
        if (auto b = st->bind(1, id); !b)
            return storeFailure(b.error(), "contact check");
        Result<bool> row = st->step();
        if (!row)
            return storeFailure(row.error(), "contact check");
        r.available = !*row;
        if (!r.available)
            r.reason = QStringLiteral("In use");
        results << r;
    }
    return results;
}

SrsOutcome<ContactInfoResult> ContactCommands::info(store::Connection &reader, const RequestContext &ctx, const QString &id,
                                                    const std::optional<QString> &authInfo)
{
    SrsOutcome<StoredContact> s = loadExisting(reader, id, "contact info");
    if (!s)
        return s.error();
    ContactInfoResult result;
    result.full = s->contact.sponsorId == ctx.registrarId || (authInfo && AuthInfo::matches(s->authHash, *authInfo));
    if (result.full) {
        result.contact = s->contact;
        result.disclose = discloseFor(s->contact.privacy);
    } else {
        // RFC 5733 3.1.2: without authorization, only what identifies the object and who sponsors it.
        result.contact.id = s->contact.id;
        result.contact.roid = s->contact.roid;
        result.contact.sponsorId = s->contact.sponsorId;
    }
    result.contact.statuses = s->shownStatuses();
    return result;
}

WriteCommand<ContactCreated> ContactCommands::create(RequestContext ctx, ContactCreateRequest request)
{
    return [ctx = std::move(ctx), request = std::move(request)](store::Connection &c) -> SrsOutcome<Committed<ContactCreated>> {
        if (auto e = ContactRules::checkId(request.id))
            return *e;
        if (auto e = ContactRules::checkPostalInfoList(request.postalInfo))
            return *e;
        if (auto e = ContactRules::checkPhone(request.voice, QStringLiteral("contact:voice")))
            return *e;
        if (auto e = ContactRules::checkPhone(request.fax, QStringLiteral("contact:fax")))
            return *e;
        if (auto e = ContactRules::checkEmail(request.email))
            return *e;
        if (request.authInfo.isEmpty())
            return SrsError(Refusal::MissingParameter, QStringLiteral("a contact needs authorization information"), kPwField);
        if (SrsOutcome<Done> policy = AuthInfo::checkPolicy(request.authInfo, kPwField); !policy)
            return policy.error();

        Result<store::Statement *> exists = c.prepare(QStringLiteral("SELECT 1 FROM contacts WHERE id = ?1"));
        if (!exists)
            return storeFailure(exists.error(), "contact create");
        {
            StatementScope st(*exists);
            if (auto b = st->bind(1, request.id); !b)
                return storeFailure(b.error(), "contact create");
            Result<bool> row = st->step();
            if (!row)
                return storeFailure(row.error(), "contact create");
            if (*row)
                return SrsError(Refusal::Exists, QStringLiteral("contact %1 already exists").arg(request.id), kIdField, request.id);
        }
        Result<QString> roid = RoidAllocator::next(c, RoidAllocator::Kind::Contact);
        if (!roid)
            return storeFailure(roid.error(), "contact create");

        StoredContact s;
        Contact &contact = s.contact;
        contact.id = request.id;
        contact.roid = *roid;
        contact.postalInfo = request.postalInfo;
        contact.voice = request.voice;
        contact.fax = request.fax;
        contact.email = request.email;
        contact.privacy = request.disclose ? privacyFor(*request.disclose) : PrivacyLevel::Restricted;
        contact.sponsorId = ctx.registrarId;
        contact.creatorId = ctx.registrarId;
        contact.createdAt = ctx.clock->now();
        s.authHash = AuthInfo::hash(request.authInfo);
        if (auto w = writeContact(c, s, true); !w)
            return storeFailure(w.error(), "contact create");
        return Committed<ContactCreated>{{contact.id, contact.roid, contact.createdAt},
                                         contactChange(ctx, QStringLiteral("contact.create"), s)};
    };
}

WriteCommand<Done> ContactCommands::update(RequestContext ctx, ContactUpdateRequest request)
{
    return [ctx = std::move(ctx), request = std::move(request)](store::Connection &c) -> SrsOutcome<Committed<Done>> {
        SrsOutcome<StoredContact> loaded = loadExisting(c, request.id, "contact update");
        if (!loaded)
            return loaded.error();
        StoredContact s = std::move(*loaded);
        Contact &contact = s.contact;
        if (contact.sponsorId != ctx.registrarId)
            return notSponsor(request.id, QStringLiteral("update"));
        if (auto e = detail::checkStatusChange(ObjectType::Contact, contact.statuses, request.addStatuses, request.removeStatuses,
                                               QStringLiteral("contact:status")))
            return *e;
        const bool changesOther = !request.postalInfo.isEmpty() || request.voice || request.fax || request.email
            || request.authInfo || request.disclose;
        if (const auto prohibited = s.shownStatuses().prohibitsUpdate(request.addStatuses, request.removeStatuses, changesOther))
            return detail::statusRefusal(*prohibited, QStringLiteral("this update"), QStringLiteral("contact ") + request.id);

        // Each postalInfo given replaces the stored form of its type; the other form stays.
        if (!request.postalInfo.isEmpty()) {
            if (request.postalInfo.size() == 2 && request.postalInfo[0].type == request.postalInfo[1].type)
                return SrsError(Refusal::PolicyError, QStringLiteral("an update has at most one postalInfo of each type"),
                                QStringLiteral("contact:postalInfo"));
            QList<PostalInfo> forms = contact.postalInfo;
            for (const PostalInfo &given : request.postalInfo) {
                auto it = std::find_if(forms.begin(), forms.end(), [&](const PostalInfo &p) { return p.type == given.type; });
                if (it != forms.end())
                    *it = given;
                else
                    forms << given;
            }
            if (auto e = ContactRules::checkPostalInfoList(forms))
                return *e;
            contact.postalInfo = forms;
        }
        if (request.voice) {
            if (auto e = ContactRules::checkPhone(*request.voice, QStringLiteral("contact:voice")))
                return *e;
            contact.voice = *request.voice;
        }
        if (request.fax) {
            if (auto e = ContactRules::checkPhone(*request.fax, QStringLiteral("contact:fax")))
                return *e;
            contact.fax = *request.fax;
        }
        if (request.email) {
            if (auto e = ContactRules::checkEmail(*request.email))
                return *e;
            contact.email = *request.email;
        }
        if (request.authInfo) {
            if (SrsOutcome<Done> policy = AuthInfo::checkPolicy(*request.authInfo, kPwField); !policy)
                return policy.error();
            s.authHash = AuthInfo::hash(*request.authInfo);
        }
        if (request.disclose)
            contact.privacy = privacyFor(*request.disclose);
        contact.statuses = contact.statuses.united(request.addStatuses).subtracted(request.removeStatuses);
        contact.updaterId = ctx.registrarId;
        contact.updatedAt = ctx.clock->now();
        if (auto w = writeContact(c, s, false); !w)
            return storeFailure(w.error(), "contact update");
        return Committed<Done>{Done{}, contactChange(ctx, QStringLiteral("contact.update"), s)};
    };
}

WriteCommand<Done> ContactCommands::remove(RequestContext ctx, QString id)
{
    return [ctx = std::move(ctx), id = std::move(id)](store::Connection &c) -> SrsOutcome<Committed<Done>> {
        SrsOutcome<StoredContact> loaded = loadExisting(c, id, "contact delete");
        if (!loaded)
            return loaded.error();
        const StoredContact &s = *loaded;
        if (s.contact.sponsorId != ctx.registrarId)
            return notSponsor(id, QStringLiteral("delete"));
        if (s.linked)
            return SrsError(Refusal::AssociationProhibits,
                            QStringLiteral("contact %1 is linked to one or more domains and cannot be deleted").arg(id), kIdField, id);
        if (const auto prohibited = s.shownStatuses().prohibits(Command::Delete))
            return detail::statusRefusal(*prohibited, QStringLiteral("deletion"), QStringLiteral("contact ") + id);
        Result<void> r = c.execute(QStringLiteral("DELETE FROM custom_fields WHERE object_type = 'contact' AND object_roid = ?1"),
                                   {s.contact.roid});
        if (r)
            r = c.execute(QStringLiteral("DELETE FROM contacts WHERE roid = ?1"), {s.contact.roid});
        if (!r)
            return storeFailure(r.error(), "contact delete");
        return Committed<Done>{Done{}, store::JournalChange{ctx.actor(), QStringLiteral("contact.delete"), id,
                                                            QJsonObject{{u"id"_s, id}, {u"roid"_s, s.contact.roid}}}};
    };
}

SrsOutcome<TransferInfo> ContactCommands::transferQuery(store::Connection &reader, const RequestContext &ctx, const QString &id,
                                                        const std::optional<QString> &authInfo)
{
    SrsOutcome<StoredContact> s = loadExisting(reader, id, "contact transfer query");
    if (!s)
        return s.error();
    Result<std::optional<TransferRow>> latest = latestTransfer(reader, s->contact.roid, id);
    if (!latest)
        return storeFailure(latest.error(), "contact transfer query");
    // RFC 5733 3.1.3: the sponsor, the parties of the transfer, or anyone holding the authInfo.
    const bool party = *latest && ((*latest)->info.requestingId == ctx.registrarId || (*latest)->info.actingId == ctx.registrarId);
    if (s->contact.sponsorId != ctx.registrarId && !party) {
        if (!authInfo || authInfo->isEmpty())
            return SrsError(Refusal::AuthorizationError,
                            QStringLiteral("contact %1 is sponsored by another registrar; a transfer query needs its authorization information")
                                .arg(id),
                            kIdField, id);
        if (!AuthInfo::matches(s->authHash, *authInfo))
            return SrsError(Refusal::InvalidAuthInfo, QStringLiteral("the authorization information for contact %1 is not correct").arg(id),
                            kPwField);
    }
    if (!*latest)
        return SrsError(Refusal::NotPendingTransfer, QStringLiteral("contact %1 has never been the subject of a transfer").arg(id),
                        kIdField, id);
    return (*latest)->info;
}

WriteCommand<TransferInfo> ContactCommands::transfer(RequestContext ctx, TransferOperation op, QString id,
                                                     std::optional<QString> authInfo)
{
    return [ctx = std::move(ctx), op, id = std::move(id),
            authInfo = std::move(authInfo)](store::Connection &c) -> SrsOutcome<Committed<TransferInfo>> {
        SrsOutcome<StoredContact> loaded = loadExisting(c, id, "contact transfer");
        if (!loaded)
            return loaded.error();
        if (op == TransferOperation::Request)
            return transferRequest(c, ctx, std::move(*loaded), authInfo);
        return transferAct(c, ctx, std::move(*loaded), op);
    };
}

} // namespace reg::srs
