#pragma once

#include "eppstatus.h"
#include "ipaddressrules.h"
#include "srscontext.h"
#include "srserror.h"
#include "srswrite.h"

#include "store/connection.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace reg::srs {

struct HostAddress
{
    QString address;          // canonical text form
    IpVersion version = IpVersion::V4;
    friend bool operator==(const HostAddress &a, const HostAddress &b) { return a.address == b.address && a.version == b.version; }
};

struct Host
{
    QString name;
    QString roid;             // "H<n>-REG"
    StatusSet statuses;       // stored plus computed "ok" / "linked"
    QList<HostAddress> addresses;
    QString sponsorId;        // clID: for a subordinate host, its superordinate domain's sponsor
    QString creatorId;
    QDateTime createdAt;
    QString updaterId;
    std::optional<QDateTime> updatedAt;
    std::optional<QDateTime> transferredAt;
};

struct HostCheckResult
{
    QString name;
    bool available = false;
    QString reason;
};

struct HostCreateRequest
{
    QString name;
    QList<HostAddress> addresses;   // required for a subordinate host, refused for an external one
};

struct HostCreated
{
    QString name;
    QDateTime createdAt;
};

struct HostUpdateRequest
{
    QString name;
    QList<HostAddress> addAddresses;
    QList<HostAddress> removeAddresses;
    StatusSet addStatuses;
    StatusSet removeStatuses;
    std::optional<QString> newName;   // rename (RFC 5732 3.2.5)
};

// Hosts (RFC 5732): check, info, create, update (with rename), delete. Rules: a subordinate host
// (under a domain of this registry) needs its superordinate domain to exist and be sponsored by the
// caller, and needs at least one address; an external host takes no addresses; addresses pass
// IpAddressRules; a host is not deleted while a domain delegates to it (2305), nor renamed to a
// place that breaks those rules. Any registrar may see a host's info (it is public DNS data).
// Registry choices where RFC 5732 leaves room (reasons in hostcommands.cpp):
// - a name under our TLDs without a registered superordinate domain: PolicyError (2306);
// - at most 13 addresses per family; malformed address 2005, non-glue address (private, ...) 2306;
// - rename: new name free (2302); into our namespace only beneath the caller's own domains; a
//   linked external host may not move into our namespace (2305); outward only without addresses;
//   registrars whose domains delegate to a renamed host get a "hostRename" poll message;
// - a linked subordinate host keeps at least one address (2305); "linked" is computed, never stored.
class HostCommands
{
public:
    static SrsOutcome<QList<HostCheckResult>> check(store::Connection &reader, const RequestContext &ctx,
                                                    const QStringList &names);
    static SrsOutcome<Host> info(store::Connection &reader, const RequestContext &ctx, const QString &name);

    static WriteCommand<HostCreated> create(RequestContext ctx, HostCreateRequest request);
    static WriteCommand<Done> update(RequestContext ctx, HostUpdateRequest request);
    static WriteCommand<Done> remove(RequestContext ctx, QString name);
};

} // namespace reg::srs
