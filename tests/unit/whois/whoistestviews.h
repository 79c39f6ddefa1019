#pragma once

#include "directory/directoryviews.h"

#include <QDateTime>
#include <QTimeZone>

// Hand-built directory records for the writer tests: a domain with every kind of data (IDN name,
// four contacts, glue, DS, custom fields), the contacts at a chosen privacy level.
namespace whoistest {

using namespace reg;
using namespace Qt::StringLiterals;

inline QDateTime at(int day, int hour, int minute)
{
    return QDateTime(QDate(2026, 11, day), QTime(hour, minute), QTimeZone::utc());
}

inline directory::RegistrarView registrar()
{
    directory::RegistrarView r;
    r.id = u"registrar1"_s;
    r.name = u"Example Registrar"_s;
    r.ianaId = 9999;
    r.email = u"abuse@registrar.example"_s;
    r.phone = u"+1.5555550100"_s;
    r.url = u"https://registrar.example/"_s;
    r.whoisServer = u"whois.registrar.example"_s;
    r.webWhoisUrl = u"https://registrar.example/whois"_s;
    r.status = u"ok"_s;
    r.createdAt = at(1, 9, 0);
    return r;
}

inline directory::ContactView contact(const QString &id, srs::PrivacyLevel privacy)
{
    directory::ContactView c;
    c.id = id;
    c.roid = u"C7-REG"_s;
    c.privacy = privacy;
    c.name = u"Person "_s + id;
    c.org = u"Org of "_s + id;
    c.street = {u"1 Main Street"_s, u"Building B"_s};
    c.city = u"Springfield"_s;
    c.sp = u"ST"_s;
    c.pc = u"12345"_s;
    c.cc = u"US"_s;
    c.voice = u"+1.5555551234 x12"_s;
    c.fax = u"+1.5555554321"_s;
    c.email = id + u"@mail.example"_s;
    c.createdAt = at(2, 10, 0);
    c.updatedAt = at(3, 11, 0);
    return c;
}

inline directory::DomainView domain(srs::PrivacyLevel privacy)
{
    directory::DomainView d;
    d.name = u"xn--bcher-kva.tld"_s;
    d.unicodeName = u"bücher.tld"_s;
    d.roid = u"D42-REG"_s;
    d.tld = u"tld"_s;
    d.statuses = {u"clientTransferProhibited"_s, u"serverHold"_s};
    d.sponsor = registrar();
    d.registrant = contact(u"reg-1"_s, privacy);
    d.contacts = {{srs::DomainContact::Type::Admin, contact(u"adm-1"_s, privacy)},
                  {srs::DomainContact::Type::Tech, contact(u"tec-1"_s, privacy)},
                  {srs::DomainContact::Type::Billing, contact(u"bil-1"_s, privacy)}};
    d.nameServers = {{u"ns1.xn--bcher-kva.tld"_s, u"ns1.bücher.tld"_s, {QHostAddress(u"192.0.2.53"_s), QHostAddress(u"2001:db8::53"_s)}},
                     {u"ns.other.example"_s, u"ns.other.example"_s, {}}};
    d.dsRecords = {{12345, 13, 2, u"49FD46E6C4B45C55D4AC69CBD3CD34AC1AFE51DE3C8E3A1E6D2A1F5D3B7C9E01"_s}};
    d.customFields = {{u"trademark"_s, u"BÜCHER (EUIPO 0123)"_s}, {u"sunrise-phase"_s, u"A"_s}};
    d.createdAt = at(5, 8, 30);
    d.updatedAt = at(20, 14, 5);
    d.expiresAt = at(5, 8, 30).addYears(1);
    d.transferredAt = at(10, 12, 0);
    return d;
}

inline std::shared_ptr<const directory::HostView> host(const QString &name, const QList<QHostAddress> &addresses)
{
    auto h = std::make_shared<directory::HostView>();
    h->name = name;
    h->unicodeName = name;
    h->roid = u"H3-REG"_s;
    h->statuses = {u"linked"_s};
    h->addresses = addresses;
    h->sponsor = registrar();
    h->createdAt = at(4, 7, 0);
    return h;
}

} // namespace whoistest
