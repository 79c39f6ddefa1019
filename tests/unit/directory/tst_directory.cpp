#include "directory/directory.h"

#include "srs/contact.h"
#include "srs/host.h"
#include "store/journalentry.h"
#include "unit/srs/domaintestfixture.h"

#include <QTest>

#include <atomic>
#include <thread>
#include <vector>

using namespace Qt::StringLiterals;
using reg::DirectoryConfig;
using reg::ErrorCode;
using reg::directory::Directory;
using reg::directory::DomainView;
using reg::srs::ContactCommands;
using reg::srs::ContactUpdateRequest;
using reg::srs::DomainCommands;
using reg::srs::DomainContact;
using reg::srs::DomainUpdateRequest;
using reg::srs::HostAddress;
using reg::srs::HostCommands;
using reg::srs::HostCreateRequest;
using reg::srs::HostUpdateRequest;
using reg::srs::IpVersion;
using reg::srs::PrivacyLevel;

namespace {

template<typename T>
bool succeeded(const reg::srs::SrsOutcome<T> &outcome)
{
    if (!outcome.ok())
        qWarning("SRS refused: %s", qPrintable(outcome.error().message));
    return outcome.ok();
}

} // namespace

// Directory against a real migrated SQLite file, with registry objects made by the SRS commands
// (the same writes XRP makes), and the cache following the real journal.
class tst_Directory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void findsDomainInAnyForm_data();
    void findsDomainInAnyForm();
    void refusesInvalidNames_data();
    void refusesInvalidNames();
    void unknownDomainIsNull();
    void domainViewHasEverythingPublished();
    void domainInRedemptionIsStillShown();
    void hostWithAddressesAndStatuses();
    void hostsWithAddressUsesTheAddressIndex();
    void registrarByIdOrName_data();
    void registrarByIdOrName();
    void registrarsAreListedByName();
    void contactByHandle();
    void unknownContactIsNull_data();
    void unknownContactIsNull();
    void searchesByPrefix_data();
    void searchesByPrefix();
    void searchRefusesBadPatterns_data();
    void searchRefusesBadPatterns();

    void searchReadsARangeOfTheNameIndex_data();
    void searchReadsARangeOfTheNameIndex();
    void concurrentLookupsShareTheReaderPool();

    void cacheServesRepeatedLookups();
    void updateIsSeenWithoutWaitingForTheLifetime();
    void appliedTimeIsTheLastCommitNotTheClock();
    void createReplacesCachedNotFound();
    void contactChangeReachesEveryDomainUsingIt();
    void contactUpdateDropsTheCachedContact();
    void contactLinkedStatusFollowsDomains();
    void hostChangeReachesDelegatingDomains();
    void purgeOfSuperordinateDomainDropsDelegations();
    void hostLinkedStatusFollowsDelegations_data();
    void hostLinkedStatusFollowsDelegations();
    void registrarChangeClearsEverything();
    void unrelatedJournalEntriesKeepTheCache();
    void gracePeriodEndBoundsTheCachedView();

private:
    DirectoryConfig config() const;
    void settle();   // waits until the directory has applied every committed journal entry
    void createHost(const QString &name, const QString &registrar, const QStringList &addresses);

    std::unique_ptr<domaintest::Fixture> f;
    std::unique_ptr<Directory> dir;
};

DirectoryConfig tst_Directory::config() const
{
    DirectoryConfig c;
    c.cacheLifetimeSecs = 600;
    c.cacheMaxEntries = 1000;
    return c;
}

void tst_Directory::init()
{
    f = std::make_unique<domaintest::Fixture>();
    f->policy.allowDocumentationAddresses = true;   // glue in the RFC 5737/3849 ranges
    dir = std::make_unique<Directory>(config(), *f->store, f->clock);
}

void tst_Directory::cleanup()
{
    dir.reset();
    f.reset();
}

void tst_Directory::settle()
{
    const qint64 head = f->journalHead();
    QTRY_VERIFY_WITH_TIMEOUT(dir->appliedSequence() >= head, 10000);
}

void tst_Directory::createHost(const QString &name, const QString &registrar, const QStringList &addresses)
{
    HostCreateRequest r;
    r.name = name;
    for (const QString &a : addresses)
        r.addresses << HostAddress{a, a.contains(u':') ? IpVersion::V6 : IpVersion::V4};
    QVERIFY(succeeded(f->write(HostCommands::create(f->ctx(registrar), r))));
}

void tst_Directory::findsDomainInAnyForm_data()
{
    QTest::addColumn<QString>("stored");
    QTest::addColumn<QString>("query");
    QTest::newRow("exact") << u"acme.example"_s << u"acme.example"_s;
    QTest::newRow("upper case") << u"acme.example"_s << u"ACME.Example"_s;
    QTest::newRow("trailing dot") << u"acme.example"_s << u"acme.example."_s;
    QTest::newRow("a-label") << u"xn--bcher-kva.example"_s << u"xn--bcher-kva.example"_s;
    QTest::newRow("u-label") << u"xn--bcher-kva.example"_s << u"bücher.example"_s;
    QTest::newRow("u-label upper case") << u"xn--bcher-kva.example"_s << u"BÜCHER.example."_s;
}

void tst_Directory::findsDomainInAnyForm()
{
    QFETCH(QString, stored);
    QFETCH(QString, query);
    QVERIFY(succeeded(f->create(stored)));
    auto found = dir->domain(query);
    QVERIFY(found.ok());
    QVERIFY(*found);
    QCOMPARE((*found)->name, stored);
    if (stored.startsWith(u"xn--"))
        QCOMPARE((*found)->unicodeName, u"bücher.example"_s);
    else
        QCOMPARE((*found)->unicodeName, stored);
}

void tst_Directory::refusesInvalidNames_data()
{
    QTest::addColumn<QString>("query");
    QTest::newRow("empty") << QString();
    QTest::newRow("single label") << u"example"_s;
    QTest::newRow("underscore") << u"a_b.example"_s;
    QTest::newRow("space") << u"a b.example"_s;
    QTest::newRow("empty label") << u"a..example"_s;
    QTest::newRow("label too long") << QString(u"a"_s.repeated(64) + u".example"_s);
    QTest::newRow("name too long") << QString(u"abcdefghi."_s.repeated(30) + u"example"_s);
    QTest::newRow("huge input") << QString(u"x"_s.repeated(100000));
    QTest::newRow("control character") << u"acme\u0001.example"_s;
    QTest::newRow("bad punycode") << u"xn--zzzzz-.example"_s;
}

void tst_Directory::refusesInvalidNames()
{
    QFETCH(QString, query);
    auto found = dir->domain(query);
    QVERIFY(!found.ok());
    QCOMPARE(found.error().code, ErrorCode::InvalidInput);
    auto host = dir->host(query);
    QVERIFY(!host.ok());
    QCOMPARE(host.error().code, ErrorCode::InvalidInput);
}

void tst_Directory::unknownDomainIsNull()
{
    auto found = dir->domain(u"nobody.example"_s);
    QVERIFY(found.ok());
    QVERIFY(!*found);
}

void tst_Directory::domainViewHasEverythingPublished()
{
    QVERIFY(succeeded(f->create(u"acme.example"_s)));
    createHost(u"ns1.acme.example"_s, domaintest::kAlpha, {u"192.0.2.10"_s, u"2001:db8::10"_s});
    f->sql(u"UPDATE registrars SET name = 'Alpha Names', iana_id = 9999, url = 'https://alpha.example', "
           "whois_server = 'whois.alpha.example', web_whois_url = 'https://alpha.example/whois' WHERE id = ?1"_s,
           {domaintest::kAlpha});
    f->sql(u"UPDATE contacts SET privacy = 'private', street = 'Main St 1\nFloor 2', city = 'Springfield', cc = 'US', "
           "voice = '+1.5555551234', voice_ext = '12', email = 'reg@alpha.example' WHERE id = 'a-reg'"_s);
    f->sql(u"UPDATE contacts SET privacy = 'unrestricted' WHERE id = 'a-adm'"_s);
    DomainUpdateRequest u;
    u.name = u"acme.example"_s;
    u.addNameServers = {u"ns1.acme.example"_s, u"ns1.dns.net"_s};
    u.addDs = {{12345, 13, 2, u"49FD46E6C4B45C55D4AC69CBD3CD34AC1AFE51DE3A6F8E0A5B0E8B8F7E4C8A11"_s}};
    u.setCustomFields = {{u"trademark"_s, u"ACME-123"_s}, {u"language"_s, u"en"_s}};
    QVERIFY(succeeded(f->write(DomainCommands::update(f->ctx(domaintest::kAlpha), u))));

    auto found = dir->domain(u"acme.example"_s);
    QVERIFY(found.ok());
    const std::shared_ptr<const DomainView> v = *found;
    QVERIFY(v);
    QCOMPARE(v->tld, u"example"_s);
    QVERIFY(v->roid.startsWith(u'D'));
    QCOMPARE(v->sponsor.id, domaintest::kAlpha);
    QCOMPARE(v->sponsor.name, u"Alpha Names"_s);
    QCOMPARE(v->sponsor.ianaId, 9999);
    QCOMPARE(v->sponsor.whoisServer, u"whois.alpha.example"_s);
    QCOMPARE(v->sponsor.webWhoisUrl, u"https://alpha.example/whois"_s);
    QVERIFY(v->registrant);
    QCOMPARE(v->registrant->id, u"a-reg"_s);
    QCOMPARE(v->registrant->privacy, PrivacyLevel::Private);
    QCOMPARE(v->registrant->street, (QStringList{u"Main St 1"_s, u"Floor 2"_s}));
    QCOMPARE(v->registrant->voice, u"+1.5555551234 x12"_s);
    QCOMPARE(v->contacts.size(), 2);
    QCOMPARE(v->contacts[0].first, DomainContact::Type::Admin);
    QCOMPARE(v->contacts[0].second.id, u"a-adm"_s);
    QCOMPARE(v->contacts[0].second.privacy, PrivacyLevel::Unrestricted);
    QCOMPARE(v->contacts[1].first, DomainContact::Type::Tech);
    QCOMPARE(v->nameServers.size(), 2);
    QCOMPARE(v->nameServers[0].name, u"ns1.acme.example"_s);
    QCOMPARE(v->nameServers[0].addresses, (QList<QHostAddress>{QHostAddress(u"192.0.2.10"_s), QHostAddress(u"2001:db8::10"_s)}));
    QCOMPARE(v->nameServers[1].name, u"ns1.dns.net"_s);
    QVERIFY(v->nameServers[1].addresses.isEmpty());
    QCOMPARE(v->dsRecords.size(), 1);
    QCOMPARE(v->dsRecords[0].keyTag, 12345);
    QCOMPARE(v->customFields.size(), 2);
    QVERIFY(v->statuses.contains(u"addPeriod"_s));
    QVERIFY(!v->statuses.contains(u"inactive"_s));
    QCOMPARE(v->createdAt, f->clock.now());
    QCOMPARE(v->expiresAt, f->clock.now().addYears(1));
    QVERIFY(v->updatedAt);
}

void tst_Directory::domainInRedemptionIsStillShown()
{
    QVERIFY(succeeded(f->create(u"gone.example"_s)));
    f->advanceDays(10);   // past the add grace period: the delete goes to redemption
    QVERIFY(succeeded(f->write(DomainCommands::remove(f->ctx(domaintest::kAlpha), u"gone.example"_s))));
    auto found = dir->domain(u"gone.example"_s);
    QVERIFY(found.ok());
    QVERIFY(*found);
    QVERIFY((*found)->statuses.contains(u"pendingDelete"_s));
    QVERIFY((*found)->statuses.contains(u"redemptionPeriod"_s));
}

void tst_Directory::hostWithAddressesAndStatuses()
{
    QVERIFY(succeeded(f->create(u"acme.example"_s)));
    createHost(u"ns1.acme.example"_s, domaintest::kAlpha, {u"192.0.2.10"_s});
    auto h = dir->host(u"NS1.acme.example."_s);
    QVERIFY(h.ok());
    QVERIFY(*h);
    QCOMPARE((*h)->name, u"ns1.acme.example"_s);
    QCOMPARE((*h)->addresses, QList<QHostAddress>{QHostAddress(u"192.0.2.10"_s)});
    QCOMPARE((*h)->statuses, QStringList{u"ok"_s});
    QCOMPARE((*h)->sponsor.id, domaintest::kAlpha);

    DomainUpdateRequest u;
    u.name = u"acme.example"_s;
    u.addNameServers = {u"ns1.acme.example"_s};
    QVERIFY(succeeded(f->write(DomainCommands::update(f->ctx(domaintest::kAlpha), u))));
    h = dir->host(u"ns1.acme.example"_s);
    QVERIFY(h.ok());
    QVERIFY((*h)->statuses.contains(u"linked"_s));

    auto none = dir->host(u"ns9.acme.example"_s);
    QVERIFY(none.ok());
    QVERIFY(!*none);
}

void tst_Directory::hostsWithAddressUsesTheAddressIndex()
{
    QVERIFY(succeeded(f->create(u"acme.example"_s)));
    createHost(u"ns2.acme.example"_s, domaintest::kAlpha, {u"192.0.2.10"_s, u"2001:db8::10"_s});
    createHost(u"ns1.acme.example"_s, domaintest::kAlpha, {u"192.0.2.10"_s});
    auto hosts = dir->hostsWithAddress(QHostAddress(u"192.0.2.10"_s));
    QVERIFY(hosts.ok());
    QCOMPARE(hosts->size(), 2);
    QCOMPARE(hosts->at(0)->name, u"ns1.acme.example"_s);
    QCOMPARE(hosts->at(1)->name, u"ns2.acme.example"_s);
    auto v6 = dir->hostsWithAddress(QHostAddress(u"2001:DB8:0:0::10"_s));
    QVERIFY(v6.ok());
    QCOMPARE(v6->size(), 1);
    auto none = dir->hostsWithAddress(QHostAddress(u"198.51.100.1"_s));
    QVERIFY(none.ok());
    QVERIFY(none->isEmpty());
    QCOMPARE(dir->hostsWithAddress(QHostAddress()).error().code, ErrorCode::InvalidInput);

    const QString plan = f->reader->queryRows(u"EXPLAIN QUERY PLAN SELECT host_roid FROM host_addresses WHERE address = ?1"_s,
                                              {u"192.0.2.10"_s})->constFirst().constLast().toString();
    QVERIFY2(plan.contains(u"host_addresses_address"_s), qPrintable(plan));
}

void tst_Directory::registrarByIdOrName_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("id");
    QTest::newRow("id") << u"rar-beta"_s << u"rar-beta"_s;
    QTest::newRow("name") << u"Beta Registrar GmbH"_s << u"rar-beta"_s;
    QTest::newRow("name in other case") << u"beta registrar gmbh"_s << u"rar-beta"_s;
    QTest::newRow("unknown") << u"nobody"_s << QString();
}

void tst_Directory::registrarByIdOrName()
{
    QFETCH(QString, query);
    QFETCH(QString, id);
    f->sql(u"UPDATE registrars SET name = 'Beta Registrar GmbH' WHERE id = 'rar-beta'"_s);
    auto r = dir->registrar(query);
    QVERIFY(r.ok());
    if (id.isEmpty()) {
        QVERIFY(!*r);
    } else {
        QVERIFY(*r);
        QCOMPARE((*r)->id, id);
    }
}

void tst_Directory::registrarsAreListedByName()
{
    f->sql(u"UPDATE registrars SET name = 'Zulu' WHERE id = 'rar-alpha'"_s);
    auto all = dir->registrars();
    QVERIFY(all.ok());
    QStringList ids;
    for (const auto &r : *all)
        ids << r.id;
    QCOMPARE(ids, (QStringList{u"rar-beta"_s, u"rar-poor"_s, u"rar-alpha"_s}));
}

void tst_Directory::contactByHandle()
{
    QVERIFY(succeeded(f->create(u"acme.example"_s)));
    f->sql(u"UPDATE contacts SET org = 'Acme', street = 'Main St 1\nFloor 2', city = 'Town', cc = 'DE', voice = '+49.301234', "
           "voice_ext = '7', email = 'tech@acme.example', privacy = 'unrestricted' WHERE id = 'a-tech'"_s);
    auto found = dir->contact(u"a-tech"_s);
    QVERIFY(found.ok());
    QVERIFY(*found);
    const reg::directory::ContactView &c = **found;
    QCOMPARE(c.id, u"a-tech"_s);
    QCOMPARE(c.roid, f->value(u"SELECT roid FROM contacts WHERE id = 'a-tech'"_s).toString());
    QCOMPARE(c.privacy, PrivacyLevel::Unrestricted);
    QCOMPARE(c.org, u"Acme"_s);
    QCOMPARE(c.street, (QStringList{u"Main St 1"_s, u"Floor 2"_s}));
    QCOMPARE(c.voice, u"+49.301234 x7"_s);
    QCOMPARE(c.email, u"tech@acme.example"_s);
    QVERIFY(c.statuses.contains(u"linked"_s));   // computed from the domain, as XRP shows it
    QVERIFY(c.statuses.contains(u"ok"_s));
    QVERIFY(c.createdAt.isValid());
}

void tst_Directory::unknownContactIsNull_data()
{
    QTest::addColumn<QString>("handle");
    QTest::newRow("no such id") << u"nobody"_s;
    QTest::newRow("ids are case-sensitive") << u"A-TECH"_s;
    QTest::newRow("a registrar id is not a contact") << domaintest::kAlpha;
}

void tst_Directory::unknownContactIsNull()
{
    QFETCH(QString, handle);
    auto found = dir->contact(handle);
    QVERIFY(found.ok());
    QVERIFY(!*found);
    auto invalid = dir->contact(QString());
    QVERIFY(!invalid.ok());
    QCOMPARE(invalid.error().code, ErrorCode::InvalidInput);
}

void tst_Directory::searchesByPrefix_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<int>("limit");
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<bool>("truncated");
    QTest::newRow("prefix with tld") << u"ab*.example"_s << 10 << QStringList{u"ab.example"_s, u"abc.example"_s, u"abd.example"_s} << false;
    QTest::newRow("limit truncates") << u"ab*.example"_s << 2 << QStringList{u"ab.example"_s, u"abc.example"_s} << true;
    QTest::newRow("exactly the limit") << u"ab*.example"_s << 3 << QStringList{u"ab.example"_s, u"abc.example"_s, u"abd.example"_s} << false;
    QTest::newRow("prefix only") << u"abc*"_s << 10 << QStringList{u"abc.example"_s} << false;
    QTest::newRow("inside the label") << u"a*d.example"_s << 10 << QStringList{u"abd.example"_s} << false;
    QTest::newRow("upper case") << u"AB*.EXAMPLE"_s << 10 << QStringList{u"ab.example"_s, u"abc.example"_s, u"abd.example"_s} << false;
    QTest::newRow("no match") << u"zz*.example"_s << 10 << QStringList{} << false;
    QTest::newRow("idn prefix") << u"xn--bc*.example"_s << 10 << QStringList{u"xn--bcher-kva.example"_s} << false;
}

void tst_Directory::searchesByPrefix()
{
    QFETCH(QString, pattern);
    QFETCH(int, limit);
    QFETCH(QStringList, names);
    QFETCH(bool, truncated);
    for (const QString &n : {u"ab.example"_s, u"abc.example"_s, u"abd.example"_s, u"b.example"_s, u"xn--bcher-kva.example"_s})
        QVERIFY(succeeded(f->create(n)));
    auto result = dir->searchDomains(pattern, limit);
    QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().message));
    QStringList got;
    for (const DomainView &v : result->items)
        got << v.name;
    QCOMPARE(got, names);
    QCOMPARE(result->truncated, truncated);
}

void tst_Directory::searchRefusesBadPatterns_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::newRow("no star") << u"abc.example"_s;
    QTest::newRow("star only") << u"*"_s;
    QTest::newRow("star first") << u"*.example"_s;
    QTest::newRow("two stars") << u"a*b*.example"_s;
    QTest::newRow("star in second label") << u"abc.ex*"_s;
    QTest::newRow("percent") << u"a%*.example"_s;
    QTest::newRow("underscore") << u"a_*.example"_s;
    QTest::newRow("unicode prefix") << u"bü*.example"_s;
    QTest::newRow("too long") << QString(u"a"_s.repeated(300) + u"*"_s);
}

void tst_Directory::searchRefusesBadPatterns()
{
    QFETCH(QString, pattern);
    auto result = dir->searchDomains(pattern, 10);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::InvalidInput);
    QVERIFY(!dir->searchHosts(pattern, 10).ok());
}

void tst_Directory::searchReadsARangeOfTheNameIndex_data()
{
    QTest::addColumn<QString>("table");
    QTest::newRow("domains") << u"domains"_s;
    QTest::newRow("hosts") << u"hosts"_s;
}

void tst_Directory::searchReadsARangeOfTheNameIndex()
{
    QFETCH(QString, table);
    // The statement directoryreader.cpp runs for a search: a range of the UNIQUE name index.
    const auto rows = f->reader->queryRows(u"EXPLAIN QUERY PLAN SELECT name FROM %1 WHERE name >= ?1 AND name < ?2 ORDER BY name"_s.arg(table),
                                           {u"exa"_s, u"exb"_s});
    QVERIFY(rows.ok());
    QString plan;
    for (const QVariantList &r : *rows)
        plan += r.constLast().toString() + u'\n';
    QVERIFY2(plan.contains(u"USING COVERING INDEX sqlite_autoindex_"_s) && plan.contains(u"name>? AND name<?"_s), qPrintable(plan));
    QVERIFY2(!plan.contains(u"SCAN"_s) && !plan.contains(u"TEMP B-TREE"_s), qPrintable(plan));
}

void tst_Directory::concurrentLookupsShareTheReaderPool()
{
    for (int i = 0; i < 20; ++i)
        QVERIFY(succeeded(f->create(u"c%1.example"_s.arg(i))));
    dir->start();
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&, t] {
            for (int round = 0; round < 20; ++round) {
                const int i = (round + t) % 20;
                auto v = dir->domain(u"c%1.example"_s.arg(i));
                auto missing = dir->domain(u"none%1-%2.example"_s.arg(t).arg(round));
                if (!v.ok() || !*v || (*v)->name != u"c%1.example"_s.arg(i) || !missing.ok() || *missing)
                    failures.fetch_add(1);
            }
        });
    }
    for (std::thread &t : threads)
        t.join();
    QCOMPARE(failures.load(), 0);
    const auto stats = dir->cacheStatistics();
    QCOMPARE(stats.hits + stats.misses, 320u);
}

void tst_Directory::cacheServesRepeatedLookups()
{
    dir->start();
    QVERIFY(succeeded(f->create(u"acme.example"_s)));
    settle();
    auto first = dir->domain(u"acme.example"_s);
    auto second = dir->domain(u"ACME.example"_s);
    QVERIFY(first.ok() && second.ok());
    QCOMPARE(first->get(), second->get());   // the same immutable view, shared
    const auto stats = dir->cacheStatistics();
    QCOMPARE(stats.misses, 1u);
    QCOMPARE(stats.hits, 1u);
    QCOMPARE(stats.entries, 1);
}

void tst_Directory::updateIsSeenWithoutWaitingForTheLifetime()
{
    dir->start();
    QVERIFY(succeeded(f->create(u"acme.example"_s)));
    settle();
    auto before = dir->domain(u"acme.example"_s);
    QVERIFY(before.ok() && *before);
    QVERIFY((*before)->nameServers.isEmpty());

    DomainUpdateRequest u;
    u.name = u"acme.example"_s;
    u.addNameServers = {u"ns1.dns.net"_s};
    QVERIFY(succeeded(f->write(DomainCommands::update(f->ctx(domaintest::kAlpha), u))));
    settle();
    auto after = dir->domain(u"acme.example"_s);
    QVERIFY(after.ok() && *after);
    QCOMPARE((*after)->nameServers.size(), 1);
    QCOMPARE(dir->cacheStatistics().misses, 2u);
    QVERIFY(dir->cacheStatistics().invalidations >= 1);
}

void tst_Directory::appliedTimeIsTheLastCommitNotTheClock()
{
    QVERIFY(succeeded(f->create(u"acme.example"_s)));
    const QDateTime created = f->clock.now();
    dir->start();   // dates the data by the journal's newest entry, already there
    QCOMPARE(dir->appliedTime(), created);
    f->advanceDays(1.0 / 24);
    QCOMPARE(dir->appliedTime(), created);   // nothing committed since: the data is as old as before

    DomainUpdateRequest u;
    u.name = u"acme.example"_s;
    u.addNameServers = {u"ns1.dns.net"_s};
    QVERIFY(succeeded(f->write(DomainCommands::update(f->ctx(domaintest::kAlpha), u))));
    const QDateTime updated = f->clock.now();
    settle();
    QCOMPARE(dir->appliedTime(), updated);
    QVERIFY(updated > created);
}

void tst_Directory::createReplacesCachedNotFound()
{
    dir->start();
    auto missing = dir->domain(u"later.example"_s);
    QVERIFY(missing.ok() && !*missing);
    QVERIFY(dir->domain(u"later.example"_s)->get() == nullptr);
    QCOMPARE(dir->cacheStatistics().hits, 1u);   // "not found" is cached too

    QVERIFY(succeeded(f->create(u"later.example"_s)));
    settle();
    auto found = dir->domain(u"later.example"_s);
    QVERIFY(found.ok());
    QVERIFY(*found);

    createHost(u"ns.later.example"_s, domaintest::kAlpha, {u"192.0.2.77"_s});
    QVERIFY(dir->host(u"ns2.later.example"_s)->get() == nullptr);
    QVERIFY(dir->hostsWithAddress(QHostAddress(u"192.0.2.78"_s))->isEmpty());
    createHost(u"ns2.later.example"_s, domaintest::kAlpha, {u"192.0.2.78"_s});
    settle();
    QVERIFY(dir->host(u"ns2.later.example"_s)->get() != nullptr);
    QCOMPARE(dir->hostsWithAddress(QHostAddress(u"192.0.2.78"_s))->size(), 1);
}

void tst_Directory::contactChangeReachesEveryDomainUsingIt()
{
    dir->start();
    QVERIFY(succeeded(f->create(u"one.example"_s)));
    QVERIFY(succeeded(f->create(u"two.example"_s)));
    QVERIFY(succeeded(f->create(u"other.example"_s, domaintest::kBeta)));
    settle();
    for (const QString &n : {u"one.example"_s, u"two.example"_s, u"other.example"_s})
        QVERIFY(dir->domain(n).ok());

    ContactUpdateRequest u;
    u.id = u"a-tech"_s;
    u.email = u"noc@alpha.example"_s;
    QVERIFY(succeeded(f->write(ContactCommands::update(f->ctx(domaintest::kAlpha), u))));
    settle();
    for (const QString &n : {u"one.example"_s, u"two.example"_s}) {
        auto v = dir->domain(n);
        QVERIFY(v.ok() && *v);
        QCOMPARE((*v)->contacts.constLast().second.email, u"noc@alpha.example"_s);
    }
    const auto stats = dir->cacheStatistics();
    QCOMPARE(stats.invalidations, 2u);    // other.example uses none of alpha's contacts
    QCOMPARE(stats.misses, 5u);
    QVERIFY(dir->domain(u"other.example"_s).ok());
    QCOMPARE(dir->cacheStatistics().hits, 1u);
}

void tst_Directory::contactUpdateDropsTheCachedContact()
{
    dir->start();
    auto before = dir->contact(u"a-adm"_s);
    QVERIFY(before.ok() && *before);
    QCOMPARE(dir->contact(u"a-adm"_s)->get(), before->get());   // cached: the same view
    auto missing = dir->contact(u"a-new"_s);
    QVERIFY(missing.ok() && !*missing);

    ContactUpdateRequest u;
    u.id = u"a-adm"_s;
    u.email = u"admin@alpha.example"_s;
    QVERIFY(succeeded(f->write(ContactCommands::update(f->ctx(domaintest::kAlpha), u))));
    settle();
    auto after = dir->contact(u"a-adm"_s);
    QVERIFY(after.ok() && *after);
    QCOMPARE((*after)->email, u"admin@alpha.example"_s);
    QVERIFY(after->get() != before->get());
    // Another contact's entry stays.
    const quint64 hits = dir->cacheStatistics().hits;
    QVERIFY(dir->contact(u"a-new"_s)->get() == nullptr);
    QCOMPARE(dir->cacheStatistics().hits, hits + 1);
}

void tst_Directory::contactLinkedStatusFollowsDomains()
{
    dir->start();
    auto before = dir->contact(u"b-reg"_s);
    QVERIFY(before.ok() && *before);
    QCOMPARE((*before)->statuses, QStringList{u"ok"_s});
    QVERIFY(!(*before)->statuses.contains(u"linked"_s));
    QVERIFY(succeeded(f->create(u"bravo.example"_s, domaintest::kBeta)));
    settle();
    auto after = dir->contact(u"b-reg"_s);
    QVERIFY(after.ok() && *after);
    QVERIFY((*after)->statuses.contains(u"linked"_s));
}

void tst_Directory::hostChangeReachesDelegatingDomains()
{
    dir->start();
    QVERIFY(succeeded(f->create(u"acme.example"_s)));
    createHost(u"ns1.acme.example"_s, domaintest::kAlpha, {u"192.0.2.10"_s});
    QVERIFY(succeeded(f->create(u"user.example"_s, domaintest::kBeta, {u"ns1.acme.example"_s})));
    settle();
    auto before = dir->domain(u"user.example"_s);
    QCOMPARE((*before)->nameServers.constFirst().addresses, QList<QHostAddress>{QHostAddress(u"192.0.2.10"_s)});
    QCOMPARE(dir->hostsWithAddress(QHostAddress(u"192.0.2.10"_s))->size(), 1);

    HostUpdateRequest u;
    u.name = u"ns1.acme.example"_s;
    u.addAddresses = {HostAddress{u"192.0.2.20"_s, IpVersion::V4}};
    u.removeAddresses = {HostAddress{u"192.0.2.10"_s, IpVersion::V4}};
    QVERIFY(succeeded(f->write(HostCommands::update(f->ctx(domaintest::kAlpha), u))));
    settle();
    auto after = dir->domain(u"user.example"_s);
    QCOMPARE((*after)->nameServers.constFirst().addresses, QList<QHostAddress>{QHostAddress(u"192.0.2.20"_s)});
    QVERIFY(dir->hostsWithAddress(QHostAddress(u"192.0.2.10"_s))->isEmpty());
    QCOMPARE((*dir->host(u"ns1.acme.example"_s))->addresses, QList<QHostAddress>{QHostAddress(u"192.0.2.20"_s)});

    HostUpdateRequest rename;
    rename.name = u"ns1.acme.example"_s;
    rename.newName = u"dns.acme.example"_s;
    QVERIFY(succeeded(f->write(HostCommands::update(f->ctx(domaintest::kAlpha), rename))));
    settle();
    QCOMPARE((*dir->domain(u"user.example"_s))->nameServers.constFirst().name, u"dns.acme.example"_s);
    QVERIFY(dir->host(u"ns1.acme.example"_s)->get() == nullptr);
}

void tst_Directory::purgeOfSuperordinateDomainDropsDelegations()
{
    dir->start();
    QVERIFY(succeeded(f->create(u"acme.example"_s)));
    createHost(u"ns1.acme.example"_s, domaintest::kAlpha, {u"192.0.2.10"_s});
    QVERIFY(succeeded(f->create(u"user.example"_s, domaintest::kBeta, {u"ns1.acme.example"_s, u"ns2.dns.net"_s})));
    settle();
    QCOMPARE((*dir->domain(u"user.example"_s))->nameServers.size(), 2);
    // Journal entry of the purge, as maintenance writes it, applied directly: the delegation of
    // user.example to ns1.acme.example goes with acme.example's hosts.
    f->sql(u"DELETE FROM domain_hosts WHERE host_roid = (SELECT roid FROM hosts WHERE name = 'ns1.acme.example')"_s);
    reg::store::JournalEntry e;
    e.sequence = dir->appliedSequence() + 1;
    e.change = {u"system"_s, u"domain.purge"_s, u"acme.example"_s, {}};
    dir->invalidate(e);
    QCOMPARE((*dir->domain(u"user.example"_s))->nameServers.size(), 1);
}

void tst_Directory::hostLinkedStatusFollowsDelegations_data()
{
    QTest::addColumn<int>("otherDomains");   // domains besides the one that changes, delegating to the host
    QTest::newRow("only one domain") << 0;
    QTest::newRow("a few domains") << 3;
    QTest::newRow("more than tracked one by one") << 20;
}

void tst_Directory::hostLinkedStatusFollowsDelegations()
{
    QFETCH(int, otherDomains);
    QVERIFY(succeeded(f->create(u"acme.example"_s)));
    createHost(u"ns1.acme.example"_s, domaintest::kAlpha, {u"192.0.2.10"_s});
    for (int i = 0; i < otherDomains; ++i)
        QVERIFY(succeeded(f->create(u"other%1.example"_s.arg(i), domaintest::kBeta, {u"ns1.acme.example"_s})));
    dir->start();
    const auto linked = [&] { return (*dir->host(u"ns1.acme.example"_s))->statuses.contains(u"linked"_s); };
    const auto linkedByAddress = [&] {
        return dir->hostsWithAddress(QHostAddress(u"192.0.2.10"_s))->constFirst()->statuses.contains(u"linked"_s);
    };
    QCOMPARE(linked(), otherDomains > 0);
    QCOMPARE(linkedByAddress(), otherDomains > 0);

    QVERIFY(succeeded(f->create(u"user.example"_s, domaintest::kAlpha)));
    DomainUpdateRequest add;
    add.name = u"user.example"_s;
    add.addNameServers = {u"ns1.acme.example"_s};
    QVERIFY(succeeded(f->write(DomainCommands::update(f->ctx(domaintest::kAlpha), add))));
    settle();
    QVERIFY(linked());
    QVERIFY(linkedByAddress());

    DomainUpdateRequest remove;
    remove.name = u"user.example"_s;
    remove.removeNameServers = {u"ns1.acme.example"_s};
    QVERIFY(succeeded(f->write(DomainCommands::update(f->ctx(domaintest::kAlpha), remove))));
    settle();
    QCOMPARE(linked(), otherDomains > 0);
    QCOMPARE(linkedByAddress(), otherDomains > 0);

    // A change to a domain that never named the host keeps it cached, unless the host is named
    // by so many domains that it follows every domain change.
    const quint64 missesBefore = dir->cacheStatistics().misses;
    DomainUpdateRequest unrelated;
    unrelated.name = u"user.example"_s;
    unrelated.addNameServers = {u"ns1.dns.net"_s};
    QVERIFY(succeeded(f->write(DomainCommands::update(f->ctx(domaintest::kAlpha), unrelated))));
    settle();
    QCOMPARE(linked(), otherDomains > 0);
    QCOMPARE(dir->cacheStatistics().misses - missesBefore, otherDomains > 16 ? 1u : 0u);
}

void tst_Directory::registrarChangeClearsEverything()
{
    dir->start();
    QVERIFY(succeeded(f->create(u"acme.example"_s)));
    settle();
    QVERIFY(dir->domain(u"acme.example"_s).ok());
    QVERIFY(dir->registrars().ok());
    f->sql(u"UPDATE registrars SET name = 'Alpha Renamed' WHERE id = 'rar-alpha'"_s);
    reg::store::JournalEntry e;
    e.change = {u"admin"_s, u"registrar.update"_s, domaintest::kAlpha, {}};
    dir->invalidate(e);
    QCOMPARE((*dir->domain(u"acme.example"_s))->sponsor.name, u"Alpha Renamed"_s);
    bool seen = false;
    for (const auto &r : *dir->registrars())
        seen = seen || r.name == u"Alpha Renamed"_s;
    QVERIFY(seen);
}

void tst_Directory::unrelatedJournalEntriesKeepTheCache()
{
    dir->start();
    QVERIFY(succeeded(f->create(u"acme.example"_s)));
    settle();
    QVERIFY(dir->domain(u"acme.example"_s).ok());
    for (const QString &kind : {u"user.unlock"_s, u"registrar.payment"_s, u"registrar-user.create"_s, u"site.create"_s}) {
        reg::store::JournalEntry e;
        e.change = {u"admin"_s, kind, u"x"_s, {}};
        dir->invalidate(e);
    }
    QVERIFY(dir->domain(u"acme.example"_s).ok());
    QCOMPARE(dir->cacheStatistics().hits, 1u);
    for (const QString &kind : {u"something.new"_s, u"domain.bulkload"_s}) {
        reg::store::JournalEntry unknown;
        unknown.change = {u"admin"_s, kind, u"other.example"_s, {}};
        dir->invalidate(unknown);
        QVERIFY(dir->domain(u"acme.example"_s).ok());
        QCOMPARE(dir->cacheStatistics().hits, 1u);   // unknown kinds, even of a known object type, clear everything
    }
}

void tst_Directory::gracePeriodEndBoundsTheCachedView()
{
    dir->start();
    QVERIFY(succeeded(f->create(u"acme.example"_s)));
    settle();
    QVERIFY((*dir->domain(u"acme.example"_s))->statuses.contains(u"addPeriod"_s));
    f->advanceDays(6);   // the add grace period (5 days) is over; no journal entry says so yet
    QVERIFY(!(*dir->domain(u"acme.example"_s))->statuses.contains(u"addPeriod"_s));
}

QTEST_GUILESS_MAIN(tst_Directory)
#include "tst_directory.moc"
