#pragma once

#include "eppstatus.h"
#include "srscontext.h"
#include "srserror.h"
#include "srswrite.h"
#include "transfer.h"

#include "store/connection.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace reg::srs {

// The RGP state values of RFC 3915 section 3.2.
enum class GracePeriod { Add, Renew, AutoRenew, Transfer, Redemption, PendingRestore, PendingDelete };
QString gracePeriodName(GracePeriod period);   // "addPeriod" ... (rgp:statusValueType), as stored

struct DomainContact
{
    enum class Type { Admin, Tech, Billing };
    Type type = Type::Admin;
    QString id;                 // the contact's id
    friend bool operator==(const DomainContact &a, const DomainContact &b) { return a.type == b.type && a.id == b.id; }
};
QString domainContactTypeName(DomainContact::Type type);          // "admin", "tech", "billing"
std::optional<DomainContact::Type> parseDomainContactType(QStringView name);

// secDNS-1.1 dsData (RFC 5910 4.1); the digest is upper-case hex.
struct DsRecord
{
    int keyTag = 0;
    int algorithm = 0;
    int digestType = 0;
    QString digest;
    friend bool operator==(const DsRecord &a, const DsRecord &b)
    {
        return a.keyTag == b.keyTag && a.algorithm == b.algorithm && a.digestType == b.digestType && a.digest == b.digest;
    }
};

// A registrar-defined name/value pair on an object (our custom-fields extension, seed 001).
struct CustomField
{
    QString name;               // 1-64 characters: letters, digits, '-', '_', '.'
    QString value;              // 0-255 characters, no control characters
    friend bool operator==(const CustomField &a, const CustomField &b) { return a.name == b.name && a.value == b.value; }
};

struct Period
{
    int years = 1;              // months in requests are converted when they are whole years, refused otherwise
};

struct Domain
{
    QString name;
    QString roid;               // "D<n>-REG"
    QString tld;
    StatusSet statuses;         // stored plus the computed "ok" / "inactive"
    QList<GracePeriod> gracePeriods;   // the RGP states in force now
    QString registrantId;
    QList<DomainContact> contacts;
    QStringList nameServers;    // host names (hostObj)
    QStringList subordinateHosts;      // hosts under this domain
    QString sponsorId;
    QString creatorId;
    QDateTime createdAt;
    QString updaterId;
    std::optional<QDateTime> updatedAt;
    QDateTime expiresAt;
    std::optional<QDateTime> transferredAt;
    QList<DsRecord> dsRecords;
    std::optional<int> maxSigLife;
    QList<CustomField> customFields;
};

struct DomainCheckResult
{
    QString name;
    bool available = false;
    QString reason;             // "In use", "Not under a TLD served here" ... (at most 32 characters: EPP reasonBaseType)
};

// How much of a domain the info answer shows (RFC 5731 3.1.2): the sponsor, or a caller with the
// right authInfo, sees everything; others see name, roid, statuses, sponsor and dates only.
struct DomainInfoResult
{
    Domain domain;
    bool full = false;
};

enum class HostsFilter { All, Delegated, Subordinate, None };     // the hosts attribute of domain:info

struct DomainCreateRequest
{
    QString name;
    Period period;
    QStringList nameServers;
    QString registrantId;
    QList<DomainContact> contacts;
    QString authInfo;
    QList<DsRecord> dsRecords;
    std::optional<int> maxSigLife;
    QList<CustomField> customFields;
    std::optional<qint64> acceptedFeeCents;   // fee-1.0: the client's agreed fee; refused (2004) when below the price
};

// What a billable command charged (fee-1.0 creData / renData / trnData / updData).
struct Charge
{
    qint64 feeCents = 0;
    qint64 balanceCents = 0;          // after the charge
    qint64 creditLimitCents = 0;
};

struct DomainCreated
{
    QString name;
    QDateTime createdAt;
    QDateTime expiresAt;
    Charge charge;
};

struct DomainUpdateRequest
{
    QString name;
    QStringList addNameServers, removeNameServers;
    QList<DomainContact> addContacts, removeContacts;
    StatusSet addStatuses, removeStatuses;
    std::optional<QString> registrantId;
    std::optional<QString> authInfo;
    // secDNS-1.1 update: remove all (or the listed), then add; maxSigLife change.
    bool removeAllDs = false;
    QList<DsRecord> removeDs, addDs;
    std::optional<int> maxSigLife;
    // custom fields: set (insert or replace) and remove by name
    QList<CustomField> setCustomFields;
    QStringList removeCustomFields;
};

struct DomainRenewRequest
{
    QString name;
    QDate currentExpiryDate;           // must match the expiry's date (RFC 5731 3.2.3)
    Period period;
    std::optional<qint64> acceptedFeeCents;
};

struct DomainRenewed
{
    QString name;
    QDateTime expiresAt;
    Charge charge;
};

struct DomainDeleted
{
    bool purged = false;               // true: deleted inside the add grace period, gone at once (1000);
                                       // false: now in redemption (1001, pendingDelete)
    std::optional<Charge> refund;      // what the grace periods returned; feeCents negative (fee-1.0 credit)
};

struct DomainTransferRequest
{
    TransferOperation operation = TransferOperation::Request;
    QString name;
    std::optional<QString> authInfo;
    Period period;                     // request only: years added on approval (0 allowed by policy? no: 1)
    std::optional<qint64> acceptedFeeCents;
};

struct DomainTransferResult
{
    TransferInfo transfer;
    std::optional<Charge> charge;      // request: what was charged
};

// RFC 3915 restore: request, then report.
struct RestoreReport
{
    QString preData;
    QString postData;
    QDateTime deletedAt;
    QDateTime restoredAt;
    QString reason;
    QStringList statements;            // exactly two
    QString other;
};

struct RestoreRequest
{
    QString name;
    std::optional<RestoreReport> report;   // none: the restore request; set: the report
    std::optional<qint64> acceptedFeeCents;
};

struct RestoreResult
{
    std::optional<Charge> charge;      // the request charges the restore fee
};

// Domains (RFC 5731 + RFC 3915 + RFC 5910 + fee-1.0 + custom fields). Reads take the calling
// thread's read connection; writes are WriteCommands on the writer thread, each one journal change.
// Create and renew bill through Billing in the same transaction and refuse (BillingFailure) a
// charge past the credit limit; delete inside a grace period refunds per SrsPolicy; transfers put
// poll messages in both registrars' queues.
class DomainCommands
{
public:
    static SrsOutcome<QList<DomainCheckResult>> check(store::Connection &reader, const RequestContext &ctx,
                                                      const QStringList &names);
    static SrsOutcome<DomainInfoResult> info(store::Connection &reader, const RequestContext &ctx, const QString &name,
                                             HostsFilter hosts, const std::optional<QString> &authInfo);
    static SrsOutcome<TransferInfo> transferQuery(store::Connection &reader, const RequestContext &ctx,
                                                  const QString &name, const std::optional<QString> &authInfo);

    static WriteCommand<DomainCreated> create(RequestContext ctx, DomainCreateRequest request);
    static WriteCommand<Done> update(RequestContext ctx, DomainUpdateRequest request);
    static WriteCommand<DomainDeleted> remove(RequestContext ctx, QString name);
    static WriteCommand<DomainRenewed> renew(RequestContext ctx, DomainRenewRequest request);
    static WriteCommand<DomainTransferResult> transfer(RequestContext ctx, DomainTransferRequest request);
    static WriteCommand<RestoreResult> restore(RequestContext ctx, RestoreRequest request);
};

} // namespace reg::srs
