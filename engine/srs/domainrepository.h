#pragma once

#include "domain.h"
#include "srserror.h"

#include "store/connection.h"
#include "store/journalentry.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QVariantList>

#include <optional>

namespace reg::srs::domainstore {

// The SQL behind DomainCommands and RegistryMaintenance: reading a domain with everything that hangs
// off it, and the writes both need (grace rows, purge, journal data). Every statement goes through
// the connection's prepared-statement cache. Runs on whichever thread owns the connection.

qint64 ms(const QDateTime &t);
QDateTime fromMs(qint64 ms);

// A store failure becomes CommandFailed; the detail goes to the log, not to the registrar.
SrsError storeFailure(const Error &error);

// Runs a cached statement and collects its rows (maxRows caps what a hostile table could return).
Result<QList<QVariantList>> query(store::Connection &c, const QString &sql, const QVariantList &params = {},
                                  int maxRows = 10000);
Result<void> exec(store::Connection &c, const QString &sql, const QVariantList &params = {});

// A consistent read of several statements on a read connection: one SQLite read transaction (a
// savepoint, so it nests inside a caller's transaction) instead of one per statement — the answer
// never mixes states from before and after a commit, and the file locks are taken once.
class ReadSnapshot
{
public:
    explicit ReadSnapshot(store::Connection &c);
    ~ReadSnapshot();
    ReadSnapshot(const ReadSnapshot &) = delete;
    ReadSnapshot &operator=(const ReadSnapshot &) = delete;

private:
    store::Connection &m_connection;
    bool m_open = false;
};

struct GraceRow
{
    GracePeriod kind = GracePeriod::Add;
    QDateTime startsAt;
    QDateTime endsAt;
    QString registrarId;
    std::optional<qint64> ledgerId;
};

std::optional<GracePeriod> parseGracePeriod(QStringView name);

// A domain as stored, with the columns the rules need besides the public Domain view.
struct DomainRecord
{
    Domain domain;                     // statuses: stored + computed (inactive/ok)
    StatusSet storedStatuses;          // without the computed values
    QString registrantRoid;
    QString authInfoHash;
    std::optional<QDateTime> deletedAt;
    QList<GraceRow> graceRows;         // every row, expired or not, oldest first

    // Rows still running at `now`: add/renew/autoRenew/transfer end at ends_at; the RGP deletion
    // states last until maintenance moves them on, whatever their ends_at.
    QList<GraceRow> graceInForce(const QDateTime &now) const;
    bool inState(GracePeriod kind) const;
};

// How much of a domain to read: Summary is the row, its statuses and RGP state (what anybody may
// see); Full adds contacts, name servers, subordinate hosts, DS and custom fields.
enum class Detail { Summary, Full };

// nullopt when there is no such domain. By name (lower-case) or by ROID.
Result<std::optional<DomainRecord>> loadByName(store::Connection &c, const QString &name, Detail detail = Detail::Full);
Result<std::optional<DomainRecord>> loadByRoid(store::Connection &c, const QString &roid, Detail detail = Detail::Full);
// Reads what Detail::Full adds to a record loaded as a Summary.
Result<void> loadDetails(store::Connection &c, DomainRecord &record);
// Two of those parts on their own, for readers that build the rest themselves (the directory).
Result<void> loadDsRecords(store::Connection &c, DomainRecord &record);
Result<void> loadCustomFields(store::Connection &c, DomainRecord &record);

// The statuses shown: stored values, "inactive" without name servers, "ok" when nothing else.
StatusSet shownStatuses(const StatusSet &stored, bool hasNameServers);

Result<void> saveStatuses(store::Connection &c, const QString &roid, const StatusSet &stored);
Result<void> addGraceRow(store::Connection &c, const QString &roid, GracePeriod kind, const QDateTime &startsAt,
                         const QDateTime &endsAt, const QString &registrarId, std::optional<qint64> ledgerId);
Result<void> dropGraceRows(store::Connection &c, const QString &roid, GracePeriod kind);

// Removes the domain and everything that hangs off it: its subordinate hosts (and any delegation
// to them), contacts, name servers, DS, custom fields, grace rows. Transfer history stays.
Result<void> purge(store::Connection &c, const QString &roid);

// The journal data DNS, Whois and RDAP need to follow a domain: the complete delegation and
// registration data (never authInfo).
QJsonObject journalData(const Domain &domain);
store::JournalChange journalChange(const QString &actor, const QString &kind, const Domain &domain,
                                   const QJsonObject &extra = {});

// secDNS and custom-field values from outside: SrsError naming the rule broken.
std::optional<SrsError> checkDsRecord(DsRecord &record);   // upper-cases the digest
std::optional<SrsError> checkCustomField(const CustomField &field);

} // namespace reg::srs::domainstore
