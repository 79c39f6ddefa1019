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

// seed 001: what Whois and RDAP show of the person behind a contact.
enum class PrivacyLevel { Unrestricted, Restricted, Private };
QString privacyLevelName(PrivacyLevel level);                      // "unrestricted" ... as stored
std::optional<PrivacyLevel> parsePrivacyLevel(QStringView name);

// One postal form of a contact (RFC 5733 2.4): "int" is 7-bit ASCII only, "loc" may use any script.
struct PostalInfo
{
    enum class Type { International, Localized };
    Type type = Type::International;
    QString name;
    QString org;
    QStringList street;       // 0-3 lines
    QString city;
    QString sp;
    QString pc;
    QString cc;               // ISO 3166 alpha-2, upper case
};

struct PhoneNumber
{
    QString number;           // E.164a form "+CC.NNNN" (RFC 5733 2.5)
    QString extension;
    bool isEmpty() const { return number.isEmpty(); }
};

// RFC 5733 2.9 disclose: the elements the client asks to be disclosed (flag=1) or not (flag=0).
// The registry maps it onto seed 001's three privacy levels (ContactCommands::privacyFor /
// discloseFor): everything disclosed is Unrestricted; name and address disclosed but voice, fax and
// email not is Restricted; name or address not disclosed is Private.
struct Disclose
{
    bool flag = false;
    bool name = false, org = false, addr = false, voice = false, fax = false, email = false;
};

struct Contact
{
    QString id;               // the client's identifier (clIDType, 3-16 characters)
    QString roid;             // "C<n>-REG"
    StatusSet statuses;       // as shown: stored values plus the computed "ok" / "linked"
    QList<PostalInfo> postalInfo;   // 1-2, at most one of each type
    PhoneNumber voice;
    PhoneNumber fax;
    QString email;
    PrivacyLevel privacy = PrivacyLevel::Restricted;
    QString sponsorId;        // clID
    QString creatorId;        // crID
    QDateTime createdAt;
    QString updaterId;        // upID, empty when never updated
    std::optional<QDateTime> updatedAt;
    std::optional<QDateTime> transferredAt;
};

struct ContactCheckResult
{
    QString id;
    bool available = false;
    QString reason;           // why not, when not available ("In use")
};

struct ContactCreateRequest
{
    QString id;
    QList<PostalInfo> postalInfo;
    PhoneNumber voice;
    PhoneNumber fax;
    QString email;
    QString authInfo;         // the password as sent; stored only as a salted hash
    std::optional<Disclose> disclose;
};

struct ContactCreated
{
    QString id;
    QString roid;
    QDateTime createdAt;
};

// What a contact:info answer shows. A registrar other than the sponsor gets the full record only
// with the right authInfo (RFC 5733 3.1.2); without it, only id, roid, statuses and sponsor.
struct ContactInfoResult
{
    Contact contact;
    bool full = false;
    std::optional<Disclose> disclose;   // the registry's view of the privacy level, for the sponsor
};

struct ContactUpdateRequest
{
    QString id;
    StatusSet addStatuses;
    StatusSet removeStatuses;
    QList<PostalInfo> postalInfo;       // empty: unchanged; otherwise replaces the forms given by type
    std::optional<PhoneNumber> voice;   // set with an empty number: remove
    std::optional<PhoneNumber> fax;
    std::optional<QString> email;
    std::optional<QString> authInfo;
    std::optional<Disclose> disclose;
};

// Contacts (RFC 5733): check, info, create, update, delete, and transfer. Reads take the calling
// thread's read connection; writes are WriteCommands run on the writer thread. Every write records
// one journal change ("contact.create" ...), never with authInfo in it.
// Registrar isolation (seed 001): only the sponsor updates or deletes; others see the short form.
// Registry choices (reasons in contactcommands.cpp): a wrong authInfo on info gives the short form;
// "linked" and "pendingTransfer" are computed from domains and transfers, never stored; every
// transfer state change queues a poll message ("contact:trnData") to both registrars.
class ContactCommands
{
public:
    static SrsOutcome<QList<ContactCheckResult>> check(store::Connection &reader, const RequestContext &ctx,
                                                       const QStringList &ids);
    static SrsOutcome<ContactInfoResult> info(store::Connection &reader, const RequestContext &ctx, const QString &id,
                                              const std::optional<QString> &authInfo);

    static WriteCommand<ContactCreated> create(RequestContext ctx, ContactCreateRequest request);
    static WriteCommand<Done> update(RequestContext ctx, ContactUpdateRequest request);
    static WriteCommand<Done> remove(RequestContext ctx, QString id);   // refused while linked (2305)

    static SrsOutcome<TransferInfo> transferQuery(store::Connection &reader, const RequestContext &ctx,
                                                  const QString &id, const std::optional<QString> &authInfo);
    static WriteCommand<TransferInfo> transfer(RequestContext ctx, TransferOperation op, QString id,
                                               std::optional<QString> authInfo);

    static PrivacyLevel privacyFor(const Disclose &disclose);
    static Disclose discloseFor(PrivacyLevel level);
};

} // namespace reg::srs
