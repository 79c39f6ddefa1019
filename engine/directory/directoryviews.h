#pragma once

#include "srs/contact.h"
#include "srs/domain.h"

#include <QDateTime>
#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace reg::directory {

// The registry objects as Whois and RDAP show them: plain, immutable once built, shared between
// threads through std::shared_ptr<const ...> (the cache hands the same object to every reader).
// Names are A-labels (lower case, no trailing dot); unicodeName is the U-label form, equal to
// name when the name is ASCII. Times are UTC. Nothing here is filtered yet: what a contact's
// privacy level hides is decided by ContactDisclosure (disclosure.h) when an answer is written.

struct RegistrarView
{
    QString id;                      // the registrar's XRP client id
    QString name;
    std::optional<int> ianaId;
    QString email;
    QString phone;
    QString url;                     // home page
    QString whoisServer;             // its own port-43 server, if any
    QString webWhoisUrl;             // its web Whois, if any
    QString rdapBaseUrl;             // its own RDAP service (https, no trailing query), if any
    QString status;                  // "ok", "readonly", "suspended"...
    QDateTime createdAt;
};

struct ContactView
{
    QString id;                      // the registrar's contact id
    QString roid;
    srs::PrivacyLevel privacy = srs::PrivacyLevel::Restricted;
    QString name;
    QString org;
    QStringList street;
    QString city;
    QString sp;
    QString pc;
    QString cc;
    QString voice;                   // E.164a with extension as "+1.5555551234 x12"
    QString fax;
    QString email;
    QDateTime createdAt;
    QDateTime updatedAt;
    // EPP statuses as XRP shows them (with the computed "linked" and "pendingTransfer"); read only
    // by the contact lookup, empty in the contacts of a domain view.
    QStringList statuses;
};

struct NameServerView
{
    QString name;
    QString unicodeName;
    QList<QHostAddress> addresses;   // only for hosts registered here (glue and in-registry hosts)
};

struct HostView
{
    QString name;
    QString unicodeName;
    QString roid;
    QStringList statuses;            // EPP status values, as shown by XRP
    QList<QHostAddress> addresses;
    RegistrarView sponsor;
    QDateTime createdAt;
    std::optional<QDateTime> updatedAt;
};

struct DomainView
{
    QString name;
    QString unicodeName;
    QString roid;
    QString tld;
    QStringList statuses;            // EPP status values, plus the RGP state when one is in force
    RegistrarView sponsor;
    std::optional<ContactView> registrant;
    QList<QPair<srs::DomainContact::Type, ContactView>> contacts;   // admin, tech, billing
    QList<NameServerView> nameServers;
    QList<srs::DsRecord> dsRecords;
    QList<srs::CustomField> customFields;   // seed 001 "Additional Information", in stored order
    QDateTime createdAt;
    std::optional<QDateTime> updatedAt;
    QDateTime expiresAt;
    std::optional<QDateTime> transferredAt;
};

// One page of a search (RDAP domains?name=, nameservers?name=; Whois has none).
template<typename View>
struct SearchResult
{
    QList<View> items;               // at most the requested limit, in name order
    bool truncated = false;          // more matched than the limit
};

} // namespace reg::directory
