#pragma once

#include "core/result.h"

#include <QString>
#include <QStringList>
#include <QStringView>

#include <cstdint>
#include <optional>

namespace reg::srs {

// The object kinds that carry EPP statuses.
enum class ObjectType { Domain, Host, Contact };

// Every status value of RFC 5731 2.3 (domain), RFC 5732 2.3 (host) and RFC 5733 2.2 (contact).
enum class EppStatus : uint8_t {
    Ok,
    Inactive,
    Linked,
    ClientHold,
    ServerHold,
    ClientDeleteProhibited,
    ClientRenewProhibited,
    ClientTransferProhibited,
    ClientUpdateProhibited,
    ServerDeleteProhibited,
    ServerRenewProhibited,
    ServerTransferProhibited,
    ServerUpdateProhibited,
    PendingCreate,
    PendingDelete,
    PendingRenew,
    PendingTransfer,
    PendingUpdate,
};
inline constexpr int kEppStatusCount = int(EppStatus::PendingUpdate) + 1;

// The EPP token ("clientHold"); parseEppStatus is its exact, case-sensitive inverse (the XSDs are).
QString eppStatusName(EppStatus status);
Result<EppStatus> parseEppStatus(QStringView token);

// Whether the status exists for that object type in its RFC (e.g. no clientHold on a host).
bool appliesTo(EppStatus status, ObjectType type);

// RFC 5731 2.3: "client*" values may be added and removed by the sponsoring client; all others only by
// the server.
bool isClientSettable(EppStatus status);

// The operations whose permission depends on an object's statuses.
enum class Command {
    Delete,
    Renew,
    TransferRequest,
    TransferApprove,
    TransferReject,
    TransferCancel,
    Update,
    Restore, // RFC 3915 restore request, an update with the rgp extension
};

// One object's status values. A value type; any thread. validate() enforces the combination rules;
// normalized() maintains "ok" the way the RFCs say the server does.
class StatusSet
{
public:
    StatusSet() = default;
    StatusSet(std::initializer_list<EppStatus> statuses);

    bool contains(EppStatus status) const { return m_bits & bit(status); }
    void insert(EppStatus status) { m_bits |= bit(status); }
    void remove(EppStatus status) { m_bits &= ~bit(status); }
    bool isEmpty() const { return m_bits == 0; }
    int size() const;
    StatusSet united(const StatusSet &other) const { return fromBits(m_bits | other.m_bits); }
    StatusSet subtracted(const StatusSet &other) const { return fromBits(m_bits & ~other.m_bits); }
    StatusSet intersected(const StatusSet &other) const { return fromBits(m_bits & other.m_bits); }
    bool intersects(const StatusSet &other) const { return (m_bits & other.m_bits) != 0; }

    // Tokens in enum order, for responses and storage.
    QStringList names() const;
    // Parses stored or received tokens; an error for an unknown token or a duplicate.
    static Result<StatusSet> fromNames(const QStringList &tokens);

    // Checks that every value applies to `type` and that the combination is allowed.
    Result<void> validate(ObjectType type) const;

    // Adds "ok" when no other value is set (hosts and contacts: nothing but "linked"), removes it otherwise
    // (RFC 5731 2.3, 5732 2.3, 5733 2.2: "ok" is set and removed by the server as other values change).
    StatusSet normalized(ObjectType type) const;

    // The status that forbids `command`, if any. For Update use prohibitsUpdate, which knows the change.
    std::optional<EppStatus> prohibits(Command command) const;

    // Whether a client update is refused. `statusAdds` / `statusRemoves` are the status changes it asks
    // for; `changesOtherThanStatus` is true when it also changes anything else (contacts, hosts, authInfo).
    std::optional<EppStatus> prohibitsUpdate(const StatusSet &statusAdds, const StatusSet &statusRemoves,
                                             bool changesOtherThanStatus) const;

    // Whether a domain with these statuses is published in the DNS zone.
    bool inZone() const;

    friend bool operator==(const StatusSet &a, const StatusSet &b) { return a.m_bits == b.m_bits; }
    friend bool operator!=(const StatusSet &a, const StatusSet &b) { return a.m_bits != b.m_bits; }

private:
    static constexpr uint32_t bit(EppStatus status) { return uint32_t(1) << int(status); }
    static StatusSet fromBits(uint32_t bits)
    {
        StatusSet set;
        set.m_bits = bits;
        return set;
    }
    uint32_t m_bits = 0;
};

// Checks a client's status change request (the add/rem of an update) before it is applied: only
// client* values of this object type, nothing both added and removed, nothing added that is already
// set, nothing removed that is not set (RFC 5731 3.2.5: those are errors, not no-ops).
Result<void> checkClientStatusChange(ObjectType type, const StatusSet &current, const StatusSet &add,
                                     const StatusSet &remove);

} // namespace reg::srs
