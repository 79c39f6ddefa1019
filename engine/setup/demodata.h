#pragma once

#include "monitor/inventorytypes.h"

#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace reg::setup {

struct DemoRegistrar
{
    QString id;
    QString name;
    int ianaId = 0;
    QString email;
    QString phone;
    QString url;
    qint64 balanceCents = 0;
    qint64 creditLimitCents = 0;
    QString whoisServer;     // the registrar's own port-43 server, empty when it has none
    QString webWhoisUrl;
    QString rdapBaseUrl;     // the registrar's own RDAP service, empty when it has none
};

struct DemoContact
{
    QString roid;
    QString id;
    QString registrarId;
    QString name;
    QString org;
    QString street;
    QString city;
    QString sp;
    QString pc;
    QString cc;
    QString voice;
    QString email;
    QString privacy;    // unrestricted, restricted or private
    QDateTime createdAt;
};

struct DemoHost
{
    QString roid;
    QString name;
    QString registrarId;
    QStringList addresses;   // glue, only for hosts inside a registry TLD
    QDateTime createdAt;
};

struct DemoDomainContact
{
    QString type;           // admin, tech or billing
    QString contactRoid;
};

struct DemoDsRecord
{
    int keyTag = 0;
    int algorithm = 13;     // ECDSA P-256 SHA-256
    int digestType = 2;     // SHA-256
    QString digest;         // upper-case hex
};

struct DemoDomain
{
    QString roid;
    QString name;
    QString tld;
    QString registrarId;
    QString registrantRoid;
    QStringList statuses;
    QList<DemoDomainContact> contacts;
    QStringList hostRoids;
    QDateTime createdAt;
    QDateTime expiresAt;
    QList<DemoDsRecord> dsRecords;                    // signed zones
    QList<QPair<QString, QString>> customFields;      // registrar-defined fields (seed 001)
};

// A believable registry to explore right after `registryd init --demo`: three registrars with their
// contacts (every privacy level), external and in-registry nameservers with glue, a few hundred
// domains (some signed with DS records, some with custom fields, one IDN), and the sites and
// devices the NOC watches (demotopology.h). Only reserved names and addresses are used for anything that could leak
// onto a network (example domains, 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32,
// 10.0.0.0/8 for management interfaces). Deterministic: the same TLDs and time give the same data
// set, so tests and screenshots are reproducible; times are relative to `now`.
struct DemoDataSet
{
    QList<DemoRegistrar> registrars;
    QList<DemoContact> contacts;
    QList<DemoHost> hosts;
    QList<DemoDomain> domains;
    monitor::Topology topology;      // the network the NOC watches (DemoTopology)

    static constexpr int contactsPerRegistrar = 20;
    static constexpr int externalHosts = 24;
    static constexpr int subordinateHosts = 16;
    static constexpr int domainCount = 300;

    // tlds must not be empty; domains are spread over them, the first one getting the most.
    static DemoDataSet generate(const QStringList &tlds, const QDateTime &now);
};

} // namespace reg::setup
