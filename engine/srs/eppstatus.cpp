#include "eppstatus.h"

#include <array>
#include <bit>

using namespace Qt::StringLiterals;

namespace reg::srs {

namespace {

struct StatusInfo
{
    EppStatus status;
    const char16_t *name;
    bool domain;
    bool host;
    bool contact;
};

// Membership per object type from the status enumerations of domain-1.0.xsd, host-1.0.xsd and
// contact-1.0.xsd (RFC 5731 2.3, RFC 5732 2.3, RFC 5733 2.2).
constexpr std::array<StatusInfo, kEppStatusCount> kStatuses{{
    {EppStatus::Ok, u"ok", true, true, true},
    {EppStatus::Inactive, u"inactive", true, false, false},
    {EppStatus::Linked, u"linked", false, true, true},
    {EppStatus::ClientHold, u"clientHold", true, false, false},
    {EppStatus::ServerHold, u"serverHold", true, false, false},
    {EppStatus::ClientDeleteProhibited, u"clientDeleteProhibited", true, true, true},
    {EppStatus::ClientRenewProhibited, u"clientRenewProhibited", true, false, false},
    {EppStatus::ClientTransferProhibited, u"clientTransferProhibited", true, false, true},
    {EppStatus::ClientUpdateProhibited, u"clientUpdateProhibited", true, true, true},
    {EppStatus::ServerDeleteProhibited, u"serverDeleteProhibited", true, true, true},
    {EppStatus::ServerRenewProhibited, u"serverRenewProhibited", true, false, false},
    {EppStatus::ServerTransferProhibited, u"serverTransferProhibited", true, false, true},
    {EppStatus::ServerUpdateProhibited, u"serverUpdateProhibited", true, true, true},
    {EppStatus::PendingCreate, u"pendingCreate", true, true, true},
    {EppStatus::PendingDelete, u"pendingDelete", true, true, true},
    {EppStatus::PendingRenew, u"pendingRenew", true, false, false},
    {EppStatus::PendingTransfer, u"pendingTransfer", true, true, true},
    {EppStatus::PendingUpdate, u"pendingUpdate", true, true, true},
}};

const StatusSet kPending{EppStatus::PendingCreate, EppStatus::PendingDelete, EppStatus::PendingRenew,
                         EppStatus::PendingTransfer, EppStatus::PendingUpdate};

QString typeName(ObjectType type)
{
    switch (type) {
    case ObjectType::Domain: return u"domain"_s;
    case ObjectType::Host: return u"host"_s;
    case ObjectType::Contact: return u"contact"_s;
    }
    return {};
}

Error invalid(const QString &message) { return {ErrorCode::InvalidInput, message}; }
Error conflict(const QString &message) { return {ErrorCode::Conflict, message}; }

} // namespace

QString eppStatusName(EppStatus status)
{
    return QString::fromUtf16(kStatuses[size_t(status)].name);
}

Result<EppStatus> parseEppStatus(QStringView token)
{
    for (const StatusInfo &info : kStatuses) {
        if (token == QStringView(info.name))
            return info.status;
    }
    return invalid(u"unknown status value \"%1\""_s.arg(token.left(64).toString()));
}

bool appliesTo(EppStatus status, ObjectType type)
{
    const StatusInfo &info = kStatuses[size_t(status)];
    switch (type) {
    case ObjectType::Domain: return info.domain;
    case ObjectType::Host: return info.host;
    case ObjectType::Contact: return info.contact;
    }
    return false;
}

bool isClientSettable(EppStatus status)
{
    switch (status) {
    case EppStatus::ClientHold:
    case EppStatus::ClientDeleteProhibited:
    case EppStatus::ClientRenewProhibited:
    case EppStatus::ClientTransferProhibited:
    case EppStatus::ClientUpdateProhibited:
        return true;
    default:
        return false;
    }
}

StatusSet::StatusSet(std::initializer_list<EppStatus> statuses)
{
    for (EppStatus status : statuses)
        insert(status);
}

int StatusSet::size() const
{
    return std::popcount(m_bits);
}

QStringList StatusSet::names() const
{
    QStringList out;
    for (const StatusInfo &info : kStatuses) {
        if (contains(info.status))
            out.append(QString::fromUtf16(info.name));
    }
    return out;
}

Result<StatusSet> StatusSet::fromNames(const QStringList &tokens)
{
    StatusSet set;
    for (const QString &token : tokens) {
        const Result<EppStatus> status = parseEppStatus(token);
        if (!status)
            return status.error();
        if (set.contains(*status))
            return invalid(u"status value \"%1\" given twice"_s.arg(token));
        set.insert(*status);
    }
    return set;
}

Result<void> StatusSet::validate(ObjectType type) const
{
    // RFC 5731 2.3 / 5732 2.3 / 5733 2.2: an object always has at least one status value.
    if (isEmpty())
        return invalid(u"a %1 must have at least one status value"_s.arg(typeName(type)));
    for (const StatusInfo &info : kStatuses) {
        if (contains(info.status) && !appliesTo(info.status, type))
            return invalid(u"status \"%1\" does not apply to a %2"_s.arg(QString::fromUtf16(info.name), typeName(type)));
    }
    // RFC 5731 2.3: "ok" MUST NOT be combined with any other status; RFC 5732 2.3 / 5733 2.2: "ok" MAY only
    // be combined with "linked".
    if (contains(EppStatus::Ok)) {
        const StatusSet companion = type == ObjectType::Domain ? StatusSet{} : StatusSet{EppStatus::Linked};
        const StatusSet others = subtracted(StatusSet{EppStatus::Ok}).subtracted(companion);
        if (!others.isEmpty())
            return conflict(u"\"ok\" cannot be combined with \"%1\""_s.arg(others.names().constFirst()));
    }
    // RFC 5731 2.3: each pending* value excludes the client/server prohibition of the same operation.
    struct Exclusion
    {
        EppStatus pending;
        EppStatus client;
        EppStatus server;
    };
    constexpr std::array kExclusions{
        Exclusion{EppStatus::PendingDelete, EppStatus::ClientDeleteProhibited, EppStatus::ServerDeleteProhibited},
        Exclusion{EppStatus::PendingRenew, EppStatus::ClientRenewProhibited, EppStatus::ServerRenewProhibited},
        Exclusion{EppStatus::PendingTransfer, EppStatus::ClientTransferProhibited, EppStatus::ServerTransferProhibited},
        Exclusion{EppStatus::PendingUpdate, EppStatus::ClientUpdateProhibited, EppStatus::ServerUpdateProhibited},
    };
    for (const Exclusion &e : kExclusions) {
        if (!contains(e.pending))
            continue;
        for (EppStatus prohibition : {e.client, e.server}) {
            if (contains(prohibition))
                return conflict(u"\"%1\" cannot be combined with \"%2\""_s.arg(eppStatusName(e.pending), eppStatusName(prohibition)));
        }
    }
    // RFC 5731 2.3 (and 5732 2.3, 5733 2.2): the pending* values MUST NOT be combined with each other.
    if (intersected(kPending).size() > 1)
        return conflict(u"at most one pending status at a time, not %1"_s.arg(intersected(kPending).names().join(u", "_s)));
    return success();
}

StatusSet StatusSet::normalized(ObjectType type) const
{
    const StatusSet quiet = type == ObjectType::Domain ? StatusSet{EppStatus::Ok} : StatusSet{EppStatus::Ok, EppStatus::Linked};
    StatusSet out = *this;
    if (subtracted(quiet).isEmpty())
        out.insert(EppStatus::Ok);
    else
        out.remove(EppStatus::Ok);
    return out;
}

std::optional<EppStatus> StatusSet::prohibits(Command command) const
{
    // Server prohibitions first, so the reason given is the one the registrar cannot lift itself.
    auto first = [this](std::initializer_list<EppStatus> candidates) -> std::optional<EppStatus> {
        for (EppStatus s : candidates) {
            if (contains(s))
                return s;
        }
        return std::nullopt;
    };
    switch (command) {
    case Command::Delete:
        // RFC 5731 2.3 client/serverDeleteProhibited; a pending operation must finish first.
        return first({EppStatus::ServerDeleteProhibited, EppStatus::ClientDeleteProhibited, EppStatus::PendingDelete,
                      EppStatus::PendingCreate, EppStatus::PendingTransfer, EppStatus::PendingRenew, EppStatus::PendingUpdate});
    case Command::Renew:
        return first({EppStatus::ServerRenewProhibited, EppStatus::ClientRenewProhibited, EppStatus::PendingDelete,
                      EppStatus::PendingCreate, EppStatus::PendingTransfer, EppStatus::PendingRenew, EppStatus::PendingUpdate});
    case Command::TransferRequest:
        // RFC 5731 3.2.4: a request for an object already pending transfer is refused as well.
        return first({EppStatus::ServerTransferProhibited, EppStatus::ClientTransferProhibited, EppStatus::PendingDelete,
                      EppStatus::PendingCreate, EppStatus::PendingTransfer, EppStatus::PendingRenew, EppStatus::PendingUpdate});
    case Command::TransferApprove:
    case Command::TransferReject:
    case Command::TransferCancel:
        // These act on a pending request only; the sponsor's transfer prohibitions were checked at request time.
        if (!contains(EppStatus::PendingTransfer))
            return EppStatus::PendingTransfer; // caller reports "no pending transfer" (EPP 2301)
        return std::nullopt;
    case Command::Update:
        return prohibitsUpdate({}, {}, true);
    case Command::Restore:
        // RFC 3915 3.2: restore applies only to a name in pendingDelete (redemption period).
        if (!contains(EppStatus::PendingDelete))
            return EppStatus::PendingDelete;
        return first({EppStatus::ServerUpdateProhibited});
    }
    return std::nullopt;
}

std::optional<EppStatus> StatusSet::prohibitsUpdate(const StatusSet &statusAdds, const StatusSet &statusRemoves,
                                                    bool changesOtherThanStatus) const
{
    // RFC 5731 2.3 serverUpdateProhibited: requests to update the object MUST be rejected.
    if (contains(EppStatus::ServerUpdateProhibited))
        return EppStatus::ServerUpdateProhibited;
    for (EppStatus pending : {EppStatus::PendingDelete, EppStatus::PendingCreate, EppStatus::PendingTransfer,
                              EppStatus::PendingUpdate, EppStatus::PendingRenew}) {
        if (contains(pending))
            return pending;
    }
    // RFC 5731 2.3 clientUpdateProhibited: "Requests to update the object (other than to remove this
    // status) MUST be rejected." We read that as: the update must remove clientUpdateProhibited and may
    // otherwise only remove other client* values, so a registrar can unlock in one command but cannot
    // slip in an add or a data change.
    if (contains(EppStatus::ClientUpdateProhibited)) {
        const bool unlocks = statusRemoves.contains(EppStatus::ClientUpdateProhibited);
        bool onlyClientRemovals = !changesOtherThanStatus && statusAdds.isEmpty();
        for (const StatusInfo &info : kStatuses) {
            if (statusRemoves.contains(info.status) && !isClientSettable(info.status))
                onlyClientRemovals = false;
        }
        if (!unlocks || !onlyClientRemovals)
            return EppStatus::ClientUpdateProhibited;
    }
    return std::nullopt;
}

bool StatusSet::inZone() const
{
    // RFC 5731 2.3: clientHold/serverHold keep delegation out of the DNS; inactive means there is none.
    // RFC 3915 3.1: a name in redemptionPeriod or pendingDelete is not in the zone; pendingCreate is not yet
    // registered.
    return !intersects(StatusSet{EppStatus::ClientHold, EppStatus::ServerHold, EppStatus::Inactive,
                                 EppStatus::PendingDelete, EppStatus::PendingCreate});
}

Result<void> checkClientStatusChange(ObjectType type, const StatusSet &current, const StatusSet &add,
                                     const StatusSet &remove)
{
    for (const StatusSet *set : {&add, &remove}) {
        for (const QString &name : set->names()) {
            const EppStatus status = *parseEppStatus(name);
            if (!appliesTo(status, type))
                return invalid(u"status \"%1\" does not apply to a %2"_s.arg(name, typeName(type)));
            if (!isClientSettable(status))
                return Error{ErrorCode::Forbidden, u"status \"%1\" can only be set or removed by the registry"_s.arg(name)};
        }
    }
    if (add.intersects(remove))
        return invalid(u"status \"%1\" is both added and removed"_s.arg(add.intersected(remove).names().constFirst()));
    // RFC 5731 3.2.5: adding a status already present or removing one not present is an error (2306).
    if (current.intersects(add))
        return conflict(u"status \"%1\" is already set"_s.arg(add.intersected(current).names().constFirst()));
    if (!remove.subtracted(current).isEmpty())
        return conflict(u"status \"%1\" is not set"_s.arg(remove.subtracted(current).names().constFirst()));
    return success();
}

} // namespace reg::srs
