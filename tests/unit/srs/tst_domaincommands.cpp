#include "domaintestfixture.h"

#include "srs/contact.h"
#include "srs/domain.h"
#include "srs/host.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>

#include <functional>

using namespace reg;
using namespace reg::srs;
using namespace domaintest;

Q_DECLARE_METATYPE(reg::srs::Refusal)

namespace {

// Fails the test with the refusal's text when an outcome that should succeed did not.
template<typename T>
bool succeeded(const SrsOutcome<T> &outcome)
{
    if (!outcome.ok())
        qWarning("refused: %s: %s", refusalName(outcome.error().refusal), qPrintable(outcome.error().message));
    return outcome.ok();
}

// A snapshot of everything a refused command must leave alone.
struct Snapshot
{
    qint64 journal = 0;
    qint64 domains = 0;
    qint64 alphaBalance = 0;
    qint64 betaBalance = 0;
    qint64 grace = 0;
    qint64 transfers = 0;
    qint64 polls = 0;
    qint64 links = 0;
    QString statuses;
    friend bool operator==(const Snapshot &, const Snapshot &) = default;
};

Snapshot snapshot(Fixture &f, const QString &domain = QStringLiteral("taken.example"))
{
    return Snapshot{f.journalHead(),
                    f.count(QStringLiteral("SELECT count(*) FROM domains")),
                    f.balance(kAlpha),
                    f.balance(kBeta),
                    f.count(QStringLiteral("SELECT count(*) FROM domain_grace_periods")),
                    f.count(QStringLiteral("SELECT count(*) FROM transfers")),
                    f.count(QStringLiteral("SELECT count(*) FROM poll_messages")),
                    f.count(QStringLiteral("SELECT (SELECT count(*) FROM domain_hosts) + (SELECT count(*) FROM domain_contacts) "
                                           "+ (SELECT count(*) FROM domain_ds) + (SELECT count(*) FROM custom_fields)")),
                    f.storedStatuses(domain)};
}

DsRecord sha256Ds(int keyTag = 12345)
{
    return DsRecord{keyTag, 13, 2, QStringLiteral("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")};
}

} // namespace

class tst_DomainCommands : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void namesHaveTheirRfcTokens();
    void checkAnswersEachNameWithAReason();
    void checkRefusesMoreThan99Names();
    void createChargesStartsAddGraceAndJournals();
    void createStoresDelegationDsAndCustomFields();
    void createRefusalsChangeNothing_data();
    void createRefusalsChangeNothing();
    void createPastTheCreditLimitIsABillingFailure();
    void infoIsFullForTheSponsorShortForOthers();
    void infoWithTheRightAuthInfoIsFull();
    void infoHostsFilter();
    void updateChangesDelegationAndJournalsTheNewData();
    void updateHoldTakesTheDomainOutOfTheZone();
    void updateRefusalsChangeNothing_data();
    void updateRefusalsChangeNothing();
    void clientUpdateProhibitedAllowsOnlyItsRemoval();
    void deleteInsideAddGracePurgesAndRefunds();
    void deleteAfterAddGraceEntersRedemption();
    void deleteInsideRenewGraceRefundsTheRenewal();
    void deleteRefusedWhileSubordinateHostIsUsedElsewhere();
    void deleteByAnotherRegistrarIsAnAuthorizationError();
    void renewExtendsBillsAndStartsRenewGrace();
    void renewRefusals();
    void transferRequestAndApproveMovesTheDomain();
    void transferRequestRefusals();
    void transferRejectAndCancelRefundTheRequester();
    void transferQueryByPartiesOrWithAuthInfo();
    void restoreRequestThenReportRestores();
    void restoreRefusals();
    void worksWithHostsAndContactsOfTheirOwnCommands();
};

void tst_DomainCommands::namesHaveTheirRfcTokens()
{
    QCOMPARE(gracePeriodName(GracePeriod::Add), QStringLiteral("addPeriod"));
    QCOMPARE(gracePeriodName(GracePeriod::AutoRenew), QStringLiteral("autoRenewPeriod"));
    QCOMPARE(gracePeriodName(GracePeriod::PendingRestore), QStringLiteral("pendingRestore"));
    QCOMPARE(domainContactTypeName(DomainContact::Type::Billing), QStringLiteral("billing"));
    QCOMPARE(parseDomainContactType(u"tech"), std::optional(DomainContact::Type::Tech));
    QVERIFY(!parseDomainContactType(u"Tech"));
    QVERIFY(!parseDomainContactType(u"registrant"));
}

void tst_DomainCommands::checkAnswersEachNameWithAReason()
{
    Fixture f;
    QVERIFY(succeeded(f.create(QStringLiteral("taken.example"))));
    QVERIFY(succeeded(f.create(QStringLiteral("old.example"))));
    f.advanceDays(10);   // past the add grace, so the delete goes to redemption
    QVERIFY(succeeded(f.write(DomainCommands::remove(f.ctx(kAlpha), QStringLiteral("old.example")))));

    SrsOutcome<QList<DomainCheckResult>> r = DomainCommands::check(
        *f.reader, f.ctx(kBeta),
        {QStringLiteral("free.example"), QStringLiteral("TAKEN.example"), QStringLiteral("bad_name.example"),
         QStringLiteral("free.other"), QStringLiteral("old.example"), QStringLiteral("a.b.example")});
    QVERIFY(succeeded(r));
    QCOMPARE(r->size(), 6);
    QVERIFY(r->at(0).available);
    QVERIFY(!r->at(1).available);
    QCOMPARE(r->at(1).name, QStringLiteral("taken.example"));
    QCOMPARE(r->at(1).reason, QStringLiteral("In use"));
    QVERIFY(!r->at(2).available);
    QCOMPARE(r->at(2).reason, QStringLiteral("Invalid domain name"));
    QVERIFY(!r->at(3).available);
    QVERIFY(r->at(3).reason.contains(QStringLiteral("TLD")));
    QVERIFY(!r->at(4).available);
    QCOMPARE(r->at(4).reason, QStringLiteral("Pending deletion"));
    QVERIFY(!r->at(5).available);
}

void tst_DomainCommands::checkRefusesMoreThan99Names()
{
    Fixture f;
    QStringList names;
    for (int i = 0; i < 100; ++i)
        names << QStringLiteral("n%1.example").arg(i);
    QCOMPARE(DomainCommands::check(*f.reader, f.ctx(kAlpha), names).error().refusal, Refusal::PolicyError);
    names.removeLast();
    QVERIFY(succeeded(DomainCommands::check(*f.reader, f.ctx(kAlpha), names)));
    QCOMPARE(DomainCommands::check(*f.reader, f.ctx(kAlpha), {}).error().refusal, Refusal::MissingParameter);
}

void tst_DomainCommands::createChargesStartsAddGraceAndJournals()
{
    Fixture f;
    const QDateTime now = f.clock.now();
    DomainCreateRequest request = f.createRequest(QStringLiteral("Acme.Example"), kAlpha);
    request.period.years = 2;
    SrsOutcome<DomainCreated> created = f.write(DomainCommands::create(f.ctx(kAlpha), request));
    QVERIFY(succeeded(created));
    QCOMPARE(created->name, QStringLiteral("acme.example"));
    QCOMPARE(created->createdAt, now);
    QCOMPARE(created->expiresAt, now.addYears(2));
    QCOMPARE(created->charge.feeCents, 2 * kPrice);
    QCOMPARE(created->charge.balanceCents, kStartBalance - 2 * kPrice);
    QCOMPARE(f.balance(kAlpha), kStartBalance - 2 * kPrice);

    // The add grace row points at the charge, so a delete can refund it.
    QCOMPARE(f.count(QStringLiteral("SELECT count(*) FROM domain_grace_periods g JOIN ledger l ON l.id = g.ledger_id "
                                    "WHERE g.kind = 'addPeriod' AND l.operation = 'create' AND g.ends_at = ?1"),
                     {now.toMSecsSinceEpoch() + f.policy.addGraceSecs * 1000}),
             1);
    QVERIFY(f.value(QStringLiteral("SELECT roid FROM domains WHERE name = 'acme.example'")).toString().contains(QRegularExpression(QStringLiteral("^D\\d+-REG$"))));
    QCOMPARE(f.storedStatuses(QStringLiteral("acme.example")), QString());   // computed values are not stored
    QVERIFY(!f.value(QStringLiteral("SELECT auth_info FROM domains")).toString().contains(kAuth));

    QCOMPARE(f.lastJournalKind(), QStringLiteral("domain.create"));
    const QJsonObject data = f.lastJournalData();
    QCOMPARE(data.value(QStringLiteral("name")).toString(), QStringLiteral("acme.example"));
    QCOMPARE(data.value(QStringLiteral("tld")).toString(), kTld);
    QCOMPARE(data.value(QStringLiteral("sponsor")).toString(), kAlpha);
    QCOMPARE(data.value(QStringLiteral("registrant")).toString(), QStringLiteral("a-reg"));
    QCOMPARE(data.value(QStringLiteral("statuses")).toArray(), QJsonArray{QStringLiteral("inactive")});
    QCOMPARE(data.value(QStringLiteral("inZone")).toBool(), false);
    QVERIFY(!QJsonDocument(data).toJson().contains(kAuth.toUtf8()));

    SrsOutcome<DomainInfoResult> info = DomainCommands::info(*f.reader, f.ctx(kAlpha), QStringLiteral("acme.example"), HostsFilter::All, {});
    QVERIFY(succeeded(info));
    QCOMPARE(info->domain.statuses, StatusSet{EppStatus::Inactive});
    QCOMPARE(info->domain.gracePeriods, QList<GracePeriod>{GracePeriod::Add});
    QCOMPARE(info->domain.creatorId, kAlpha);
    QVERIFY(!info->domain.updatedAt);
}

void tst_DomainCommands::createStoresDelegationDsAndCustomFields()
{
    Fixture f;
    DomainCreateRequest request = f.createRequest(QStringLiteral("dns.example"), kAlpha, {QStringLiteral("NS1.dns.net."), QStringLiteral("ns2.dns.net")});
    DsRecord ds = sha256Ds();
    ds.digest = ds.digest.toLower();
    request.dsRecords = {ds};
    request.maxSigLife = 604800;
    request.customFields = {{QStringLiteral("customer-ref"), QStringLiteral("42")}};
    request.contacts << DomainContact{DomainContact::Type::Billing, QStringLiteral("a-adm")};
    QVERIFY(succeeded(f.write(DomainCommands::create(f.ctx(kAlpha), request))));

    SrsOutcome<DomainInfoResult> info = DomainCommands::info(*f.reader, f.ctx(kAlpha), QStringLiteral("dns.example"), HostsFilter::All, {});
    QVERIFY(succeeded(info));
    const Domain &d = info->domain;
    QVERIFY(info->full);
    QCOMPARE(d.statuses, StatusSet{EppStatus::Ok});
    QCOMPARE(d.nameServers, (QStringList{QStringLiteral("ns1.dns.net"), QStringLiteral("ns2.dns.net")}));
    QCOMPARE(d.dsRecords.size(), 1);
    QCOMPARE(d.dsRecords[0].digest, sha256Ds().digest.toUpper());
    QCOMPARE(d.maxSigLife, std::optional<int>(604800));
    QCOMPARE(d.customFields, (QList<CustomField>{{QStringLiteral("customer-ref"), QStringLiteral("42")}}));
    QCOMPARE(d.contacts.size(), 3);
    QCOMPARE(d.registrantId, QStringLiteral("a-reg"));

    const QJsonObject data = f.lastJournalData();
    QCOMPARE(data.value(QStringLiteral("ns")).toArray().size(), 2);
    QCOMPARE(data.value(QStringLiteral("ds")).toArray().size(), 1);
    QCOMPARE(data.value(QStringLiteral("inZone")).toBool(), true);
    QCOMPARE(data.value(QStringLiteral("customFields")).toArray().size(), 1);
}

void tst_DomainCommands::createRefusalsChangeNothing_data()
{
    QTest::addColumn<std::function<void(DomainCreateRequest &, SrsPolicy &)>>("change");
    QTest::addColumn<Refusal>("refusal");
    using Change = std::function<void(DomainCreateRequest &, SrsPolicy &)>;
    const auto row = [](const char *tag, Change change, Refusal refusal) { QTest::newRow(tag) << change << refusal; };

    row("name syntax", [](DomainCreateRequest &r, SrsPolicy &) { r.name = QStringLiteral("-bad.example"); }, Refusal::SyntaxError);
    row("name under another TLD", [](DomainCreateRequest &r, SrsPolicy &) { r.name = QStringLiteral("x.other"); }, Refusal::PolicyError);
    row("name two levels down", [](DomainCreateRequest &r, SrsPolicy &) { r.name = QStringLiteral("a.b.example"); }, Refusal::PolicyError);
    row("exists", [](DomainCreateRequest &r, SrsPolicy &) { r.name = QStringLiteral("taken.example"); }, Refusal::Exists);
    row("period zero", [](DomainCreateRequest &r, SrsPolicy &) { r.period.years = 0; }, Refusal::RangeError);
    row("period eleven", [](DomainCreateRequest &r, SrsPolicy &) { r.period.years = 11; }, Refusal::RangeError);
    row("no authInfo", [](DomainCreateRequest &r, SrsPolicy &) { r.authInfo.clear(); }, Refusal::MissingParameter);
    row("weak authInfo", [](DomainCreateRequest &r, SrsPolicy &) { r.authInfo = QStringLiteral("short"); }, Refusal::PolicyError);
    row("no registrant", [](DomainCreateRequest &r, SrsPolicy &) { r.registrantId.clear(); }, Refusal::MissingParameter);
    row("unknown registrant", [](DomainCreateRequest &r, SrsPolicy &) { r.registrantId = QStringLiteral("nobody"); }, Refusal::NotFound);
    row("another registrar's registrant", [](DomainCreateRequest &r, SrsPolicy &) { r.registrantId = QStringLiteral("b-reg"); },
        Refusal::AuthorizationError);
    row("unknown admin", [](DomainCreateRequest &r, SrsPolicy &) { r.contacts[0].id = QStringLiteral("nobody"); }, Refusal::NotFound);
    row("no admin", [](DomainCreateRequest &r, SrsPolicy &) { r.contacts.removeFirst(); }, Refusal::PolicyError);
    row("no tech", [](DomainCreateRequest &r, SrsPolicy &) { r.contacts.removeLast(); }, Refusal::PolicyError);
    row("contact twice", [](DomainCreateRequest &r, SrsPolicy &) { r.contacts << r.contacts[0]; }, Refusal::PolicyError);
    row("unknown host", [](DomainCreateRequest &r, SrsPolicy &) { r.nameServers = {QStringLiteral("ns9.dns.net")}; }, Refusal::NotFound);
    row("bad host name", [](DomainCreateRequest &r, SrsPolicy &) { r.nameServers = {QStringLiteral("ns 1.dns.net")}; }, Refusal::SyntaxError);
    row("host twice", [](DomainCreateRequest &r, SrsPolicy &) { r.nameServers = {QStringLiteral("ns1.dns.net"), QStringLiteral("NS1.dns.net")}; },
        Refusal::PolicyError);
    row("too many hosts", [](DomainCreateRequest &r, SrsPolicy &p) {
        p.maxNameServers = 1;
        r.nameServers = {QStringLiteral("ns1.dns.net"), QStringLiteral("ns2.dns.net")};
    }, Refusal::PolicyError);
    row("DS digest too short", [](DomainCreateRequest &r, SrsPolicy &) { r.dsRecords = {DsRecord{1, 8, 1, QStringLiteral("ABCD")}}; },
        Refusal::SyntaxError);
    row("DS digest not hex", [](DomainCreateRequest &r, SrsPolicy &) {
        DsRecord d = sha256Ds();
        d.digest[0] = u'G';
        r.dsRecords = {d};
    }, Refusal::SyntaxError);
    row("DS digest type 3", [](DomainCreateRequest &r, SrsPolicy &) {
        DsRecord d = sha256Ds();
        d.digestType = 3;
        r.dsRecords = {d};
    }, Refusal::PolicyError);
    row("DS key tag range", [](DomainCreateRequest &r, SrsPolicy &) { r.dsRecords = {sha256Ds(65536)}; }, Refusal::RangeError);
    row("too many DS", [](DomainCreateRequest &r, SrsPolicy &p) {
        p.maxDsRecords = 1;
        r.dsRecords = {sha256Ds(1), sha256Ds(2)};
    }, Refusal::PolicyError);
    row("DS twice", [](DomainCreateRequest &r, SrsPolicy &) { r.dsRecords = {sha256Ds(1), sha256Ds(1)}; }, Refusal::PolicyError);
    row("maxSigLife zero", [](DomainCreateRequest &r, SrsPolicy &) { r.maxSigLife = 0; }, Refusal::RangeError);
    row("custom field name", [](DomainCreateRequest &r, SrsPolicy &) { r.customFields = {{QStringLiteral("bad name"), {}}}; },
        Refusal::SyntaxError);
    row("custom field control character", [](DomainCreateRequest &r, SrsPolicy &) {
        r.customFields = {{QStringLiteral("note"), QStringLiteral("a\nb")}};
    }, Refusal::SyntaxError);
    row("custom field value too long", [](DomainCreateRequest &r, SrsPolicy &) {
        r.customFields = {{QStringLiteral("note"), QString(256, u'x')}};
    }, Refusal::RangeError);
    row("too many custom fields", [](DomainCreateRequest &r, SrsPolicy &p) {
        p.maxCustomFields = 1;
        r.customFields = {{QStringLiteral("a"), {}}, {QStringLiteral("b"), {}}};
    }, Refusal::PolicyError);
    row("fee below the price", [](DomainCreateRequest &r, SrsPolicy &) { r.acceptedFeeCents = kPrice - 1; }, Refusal::RangeError);
}

void tst_DomainCommands::createRefusalsChangeNothing()
{
    QFETCH(std::function<void(DomainCreateRequest &, SrsPolicy &)>, change);
    QFETCH(Refusal, refusal);
    Fixture f;
    QVERIFY(succeeded(f.create(QStringLiteral("taken.example"))));
    const Snapshot before = snapshot(f);
    const qint64 roidCounter = f.count(QStringLiteral("SELECT last FROM roid_counters WHERE prefix = 'D'"));

    DomainCreateRequest request = f.createRequest(QStringLiteral("new.example"), kAlpha);
    change(request, f.policy);
    SrsOutcome<DomainCreated> r = f.write(DomainCommands::create(f.ctx(kAlpha), request));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().refusal, refusal);
    QVERIFY(!r.error().message.isEmpty());
    QVERIFY(!r.error().message.contains(kAuth));
    QVERIFY(snapshot(f) == before);
    QCOMPARE(f.count(QStringLiteral("SELECT last FROM roid_counters WHERE prefix = 'D'")), roidCounter);
}

void tst_DomainCommands::createPastTheCreditLimitIsABillingFailure()
{
    Fixture f;   // rar-poor has 1000 cents and no credit: one year fits, two do not
    DomainCreateRequest request = f.createRequest(QStringLiteral("dear.example"), kPoor);
    request.period.years = 2;
    SrsOutcome<DomainCreated> r = f.write(DomainCommands::create(f.ctx(kPoor), request));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().refusal, Refusal::BillingFailure);
    QCOMPARE(f.count(QStringLiteral("SELECT count(*) FROM domains")), 0);
    QCOMPARE(f.balance(kPoor), 1000);
    request.period.years = 1;
    QVERIFY(succeeded(f.write(DomainCommands::create(f.ctx(kPoor), request))));
    QCOMPARE(f.balance(kPoor), 1000 - kPrice);
}

void tst_DomainCommands::infoIsFullForTheSponsorShortForOthers()
{
    Fixture f;
    QVERIFY(succeeded(f.create(QStringLiteral("mine.example"), kAlpha, {QStringLiteral("ns1.dns.net")})));
    SrsOutcome<DomainInfoResult> own = DomainCommands::info(*f.reader, f.ctx(kAlpha), QStringLiteral("mine.example"), HostsFilter::All, {});
    QVERIFY(succeeded(own));
    QVERIFY(own->full);
    QCOMPARE(own->domain.registrantId, QStringLiteral("a-reg"));

    SrsOutcome<DomainInfoResult> other = DomainCommands::info(*f.reader, f.ctx(kBeta), QStringLiteral("mine.example"), HostsFilter::All, {});
    QVERIFY(succeeded(other));
    QVERIFY(!other->full);
    QCOMPARE(other->domain.name, QStringLiteral("mine.example"));
    QCOMPARE(other->domain.roid, own->domain.roid);
    QCOMPARE(other->domain.sponsorId, kAlpha);
    QCOMPARE(other->domain.expiresAt, own->domain.expiresAt);
    QVERIFY(other->domain.registrantId.isEmpty());
    QVERIFY(other->domain.contacts.isEmpty());
    QVERIFY(other->domain.nameServers.isEmpty());

    QCOMPARE(DomainCommands::info(*f.reader, f.ctx(kBeta), QStringLiteral("none.example"), HostsFilter::All, {}).error().refusal,
             Refusal::NotFound);
    QCOMPARE(DomainCommands::info(*f.reader, f.ctx(kBeta), QStringLiteral("bad..example"), HostsFilter::All, {}).error().refusal,
             Refusal::SyntaxError);
}

void tst_DomainCommands::infoWithTheRightAuthInfoIsFull()
{
    Fixture f;
    QVERIFY(succeeded(f.create(QStringLiteral("mine.example"))));
    SrsOutcome<DomainInfoResult> withAuth =
        DomainCommands::info(*f.reader, f.ctx(kBeta), QStringLiteral("mine.example"), HostsFilter::All, kAuth);
    QVERIFY(succeeded(withAuth));
    QVERIFY(withAuth->full);
    QCOMPARE(withAuth->domain.registrantId, QStringLiteral("a-reg"));
    SrsOutcome<DomainInfoResult> wrong =
        DomainCommands::info(*f.reader, f.ctx(kBeta), QStringLiteral("mine.example"), HostsFilter::All, QStringLiteral("wrong-Pass1"));
    QCOMPARE(wrong.error().refusal, Refusal::InvalidAuthInfo);
}

void tst_DomainCommands::infoHostsFilter()
{
    Fixture f;
    QVERIFY(succeeded(f.create(QStringLiteral("mine.example"), kAlpha, {QStringLiteral("ns1.dns.net")})));
    f.addSubordinateHost(QStringLiteral("ns.mine.example"), QStringLiteral("mine.example"), kAlpha);
    const auto hosts = [&](HostsFilter filter) {
        SrsOutcome<DomainInfoResult> r = DomainCommands::info(*f.reader, f.ctx(kAlpha), QStringLiteral("mine.example"), filter, {});
        return std::pair(r->domain.nameServers, r->domain.subordinateHosts);
    };
    const QStringList ns{QStringLiteral("ns1.dns.net")};
    const QStringList sub{QStringLiteral("ns.mine.example")};
    QCOMPARE(hosts(HostsFilter::All), std::pair(ns, sub));
    QCOMPARE(hosts(HostsFilter::Delegated), std::pair(ns, QStringList()));
    QCOMPARE(hosts(HostsFilter::Subordinate), std::pair(QStringList(), sub));
    QCOMPARE(hosts(HostsFilter::None), std::pair(QStringList(), QStringList()));
}

void tst_DomainCommands::updateChangesDelegationAndJournalsTheNewData()
{
    Fixture f;
    QVERIFY(succeeded(f.create(QStringLiteral("mine.example"), kAlpha, {QStringLiteral("ns1.dns.net")})));
    DomainUpdateRequest u;
    u.name = QStringLiteral("mine.example");
    u.addNameServers = {QStringLiteral("ns2.dns.net"), QStringLiteral("ns3.dns.net")};
    u.removeNameServers = {QStringLiteral("ns1.dns.net")};
    u.addContacts = {{DomainContact::Type::Tech, QStringLiteral("a-adm")}};
    u.removeContacts = {{DomainContact::Type::Tech, QStringLiteral("a-tech")}};
    u.registrantId = QStringLiteral("a-adm");
    u.authInfo = QStringLiteral("new-Secret9");
    u.addDs = {sha256Ds()};
    u.maxSigLife = 3600;
    u.setCustomFields = {{QStringLiteral("ref"), QStringLiteral("x")}};
    u.addStatuses = {EppStatus::ClientTransferProhibited};
    f.advanceDays(1);
    QVERIFY(succeeded(f.write(DomainCommands::update(f.ctx(kAlpha), u))));

    SrsOutcome<DomainInfoResult> info = DomainCommands::info(*f.reader, f.ctx(kAlpha), QStringLiteral("mine.example"), HostsFilter::All, {});
    QVERIFY(succeeded(info));
    const Domain &d = info->domain;
    QCOMPARE(d.nameServers, (QStringList{QStringLiteral("ns2.dns.net"), QStringLiteral("ns3.dns.net")}));
    QCOMPARE(d.registrantId, QStringLiteral("a-adm"));
    QVERIFY(d.contacts.contains(DomainContact{DomainContact::Type::Tech, QStringLiteral("a-adm")}));
    QVERIFY(!d.contacts.contains(DomainContact{DomainContact::Type::Tech, QStringLiteral("a-tech")}));
    QCOMPARE(d.dsRecords.size(), 1);
    QCOMPARE(d.maxSigLife, std::optional<int>(3600));
    QCOMPARE(d.statuses, StatusSet{EppStatus::ClientTransferProhibited});
    QCOMPARE(d.updatedAt, std::optional<QDateTime>(f.clock.now()));
    QCOMPARE(d.updaterId, kAlpha);
    QCOMPARE(f.storedStatuses(QStringLiteral("mine.example")), QStringLiteral("clientTransferProhibited"));
    // The new authInfo works, the old one no longer does.
    QVERIFY(DomainCommands::info(*f.reader, f.ctx(kBeta), QStringLiteral("mine.example"), HostsFilter::All, QStringLiteral("new-Secret9"))->full);
    QCOMPARE(DomainCommands::info(*f.reader, f.ctx(kBeta), QStringLiteral("mine.example"), HostsFilter::All, kAuth).error().refusal,
             Refusal::InvalidAuthInfo);

    QCOMPARE(f.lastJournalKind(), QStringLiteral("domain.update"));
    const QJsonObject data = f.lastJournalData();
    QCOMPARE(data.value(QStringLiteral("ns")).toArray(), (QJsonArray{QStringLiteral("ns2.dns.net"), QStringLiteral("ns3.dns.net")}));
    QCOMPARE(data.value(QStringLiteral("ds")).toArray().size(), 1);
    QCOMPARE(data.value(QStringLiteral("registrant")).toString(), QStringLiteral("a-adm"));

    // secDNS rem all, custom field removal.
    DomainUpdateRequest u2;
    u2.name = QStringLiteral("mine.example");
    u2.removeAllDs = true;
    u2.removeCustomFields = {QStringLiteral("ref")};
    QVERIFY(succeeded(f.write(DomainCommands::update(f.ctx(kAlpha), u2))));
    QCOMPARE(f.count(QStringLiteral("SELECT count(*) FROM domain_ds")), 0);
    QCOMPARE(f.count(QStringLiteral("SELECT count(*) FROM custom_fields")), 0);
}

void tst_DomainCommands::updateHoldTakesTheDomainOutOfTheZone()
{
    Fixture f;
    QVERIFY(succeeded(f.create(QStringLiteral("mine.example"), kAlpha, {QStringLiteral("ns1.dns.net")})));
    QCOMPARE(f.lastJournalData().value(QStringLiteral("inZone")).toBool(), true);
    DomainUpdateRequest u;
    u.name = QStringLiteral("mine.example");
    u.addStatuses = {EppStatus::ClientHold};
    QVERIFY(succeeded(f.write(DomainCommands::update(f.ctx(kAlpha), u))));
    QCOMPARE(f.lastJournalData().value(QStringLiteral("inZone")).toBool(), false);
    QCOMPARE(f.lastJournalData().value(QStringLiteral("statuses")).toArray(), QJsonArray{QStringLiteral("clientHold")});
}

void tst_DomainCommands::updateRefusalsChangeNothing_data()
{
    QTest::addColumn<QString>("registrar");
    QTest::addColumn<std::function<void(DomainUpdateRequest &)>>("change");
    QTest::addColumn<Refusal>("refusal");
    using Change = std::function<void(DomainUpdateRequest &)>;
    const auto row = [](const char *tag, const QString &registrar, Change change, Refusal refusal) {
        QTest::newRow(tag) << registrar << change << refusal;
    };
    row("not the sponsor", kBeta, [](DomainUpdateRequest &u) { u.addStatuses = {EppStatus::ClientHold}; }, Refusal::AuthorizationError);
    row("unknown domain", kAlpha, [](DomainUpdateRequest &u) { u.name = QStringLiteral("none.example"); }, Refusal::NotFound);
    row("server status", kAlpha, [](DomainUpdateRequest &u) { u.addStatuses = {EppStatus::ServerHold}; }, Refusal::PolicyError);
    row("status already set", kAlpha, [](DomainUpdateRequest &u) { u.addStatuses = {EppStatus::ClientRenewProhibited}; }, Refusal::PolicyError);
    row("status not set", kAlpha, [](DomainUpdateRequest &u) { u.removeStatuses = {EppStatus::ClientHold}; }, Refusal::PolicyError);
    row("remove absent host", kAlpha, [](DomainUpdateRequest &u) { u.removeNameServers = {QStringLiteral("ns2.dns.net")}; }, Refusal::PolicyError);
    row("add present host", kAlpha, [](DomainUpdateRequest &u) { u.addNameServers = {QStringLiteral("ns1.dns.net")}; }, Refusal::PolicyError);
    row("add unknown host", kAlpha, [](DomainUpdateRequest &u) { u.addNameServers = {QStringLiteral("ns9.dns.net")}; }, Refusal::NotFound);
    row("last tech removed", kAlpha, [](DomainUpdateRequest &u) { u.removeContacts = {{DomainContact::Type::Tech, QStringLiteral("a-tech")}}; },
        Refusal::PolicyError);
    row("another registrar's contact", kAlpha, [](DomainUpdateRequest &u) { u.addContacts = {{DomainContact::Type::Tech, QStringLiteral("b-tech")}}; },
        Refusal::AuthorizationError);
    row("unknown registrant", kAlpha, [](DomainUpdateRequest &u) { u.registrantId = QStringLiteral("nobody"); }, Refusal::NotFound);
    row("weak authInfo", kAlpha, [](DomainUpdateRequest &u) { u.authInfo = QStringLiteral("password"); }, Refusal::PolicyError);
    row("remove absent DS", kAlpha, [](DomainUpdateRequest &u) { u.removeDs = {sha256Ds(7)}; }, Refusal::PolicyError);
    row("remove absent custom field", kAlpha, [](DomainUpdateRequest &u) { u.removeCustomFields = {QStringLiteral("nope")}; }, Refusal::PolicyError);
    row("too many hosts after add", kAlpha, [](DomainUpdateRequest &u) { u.addNameServers = {QStringLiteral("ns2.dns.net"), QStringLiteral("ns3.dns.net")}; },
        Refusal::PolicyError);
}

void tst_DomainCommands::updateRefusalsChangeNothing()
{
    QFETCH(QString, registrar);
    QFETCH(std::function<void(DomainUpdateRequest &)>, change);
    QFETCH(Refusal, refusal);
    Fixture f;
    f.policy.maxNameServers = 2;
    QVERIFY(succeeded(f.create(QStringLiteral("taken.example"), kAlpha, {QStringLiteral("ns1.dns.net")})));
    DomainUpdateRequest lock;
    lock.name = QStringLiteral("taken.example");
    lock.addStatuses = {EppStatus::ClientRenewProhibited};
    QVERIFY(succeeded(f.write(DomainCommands::update(f.ctx(kAlpha), lock))));
    const Snapshot before = snapshot(f);

    DomainUpdateRequest u;
    u.name = QStringLiteral("taken.example");
    change(u);
    SrsOutcome<Done> r = f.write(DomainCommands::update(f.ctx(registrar), u));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().refusal, refusal);
    QVERIFY(snapshot(f) == before);
}

void tst_DomainCommands::clientUpdateProhibitedAllowsOnlyItsRemoval()
{
    Fixture f;
    QVERIFY(succeeded(f.create(QStringLiteral("locked.example"), kAlpha, {QStringLiteral("ns1.dns.net")})));
    DomainUpdateRequest lock;
    lock.name = QStringLiteral("locked.example");
    lock.addStatuses = {EppStatus::ClientUpdateProhibited, EppStatus::ClientDeleteProhibited};
    QVERIFY(succeeded(f.write(DomainCommands::update(f.ctx(kAlpha), lock))));

    DomainUpdateRequest change;
    change.name = QStringLiteral("locked.example");
    change.addNameServers = {QStringLiteral("ns2.dns.net")};
    QCOMPARE(f.write(DomainCommands::update(f.ctx(kAlpha), change)).error().refusal, Refusal::StatusProhibits);
    QCOMPARE(f.write(DomainCommands::remove(f.ctx(kAlpha), QStringLiteral("locked.example"))).error().refusal, Refusal::StatusProhibits);

    DomainUpdateRequest unlock;
    unlock.name = QStringLiteral("locked.example");
    unlock.removeStatuses = {EppStatus::ClientUpdateProhibited};
    QVERIFY(succeeded(f.write(DomainCommands::update(f.ctx(kAlpha), unlock))));
    QVERIFY(succeeded(f.write(DomainCommands::update(f.ctx(kAlpha), change))));
}

void tst_DomainCommands::deleteInsideAddGracePurgesAndRefunds()
{
    Fixture f;
    QVERIFY(succeeded(f.create(QStringLiteral("oops.example"), kAlpha, {QStringLiteral("ns1.dns.net")})));
    f.addSubordinateHost(QStringLiteral("ns.oops.example"), QStringLiteral("oops.example"), kAlpha);
    f.advanceDays(4);
    SrsOutcome<DomainDeleted> r = f.write(DomainCommands::remove(f.ctx(kAlpha), QStringLiteral("oops.example")));
    QVERIFY(succeeded(r));
    QVERIFY(r->purged);
    QVERIFY(r->refund);
    QCOMPARE(r->refund->feeCents, -kPrice);   // fee-1.0 credit: money returned is negative
    QCOMPARE(f.balance(kAlpha), kStartBalance);
    QCOMPARE(f.count(QStringLiteral("SELECT count(*) FROM domains")), 0);
    QCOMPARE(f.count(QStringLiteral("SELECT count(*) FROM hosts WHERE name = 'ns.oops.example'")), 0);
    QCOMPARE(f.count(QStringLiteral("SELECT count(*) FROM domain_grace_periods")), 0);
    QCOMPARE(f.count(QStringLiteral("SELECT count(*) FROM ledger WHERE operation = 'refund'")), 1);
    QCOMPARE(f.lastJournalKind(), QStringLiteral("domain.delete"));
    QCOMPARE(f.lastJournalData().value(QStringLiteral("purged")).toBool(), true);
    QCOMPARE(f.lastJournalData().value(QStringLiteral("inZone")).toBool(), false);
    // The name is free again, and a new create gets a new ROID.
    SrsOutcome<QList<DomainCheckResult>> check = DomainCommands::check(*f.reader, f.ctx(kBeta), {QStringLiteral("oops.example")});
    QVERIFY(check->at(0).available);
}

void tst_DomainCommands::deleteAfterAddGraceEntersRedemption()
{
    Fixture f;
    QVERIFY(succeeded(f.create(QStringLiteral("old.example"), kAlpha, {QStringLiteral("ns1.dns.net")})));
    f.advanceDays(6);
    SrsOutcome<DomainDeleted> r = f.write(DomainCommands::remove(f.ctx(kAlpha), QStringLiteral("old.example")));
    QVERIFY(succeeded(r));
    QVERIFY(!r->purged);
    QVERIFY(!r->refund);
    QCOMPARE(f.balance(kAlpha), kStartBalance - kPrice);
    QCOMPARE(f.storedStatuses(QStringLiteral("old.example")), QStringLiteral("pendingDelete"));
    QCOMPARE(f.graceRows(QStringLiteral("old.example"), QStringLiteral("redemptionPeriod")), 1);
    QCOMPARE(f.lastJournalData().value(QStringLiteral("inZone")).toBool(), false);
    QCOMPARE(f.lastJournalData().value(QStringLiteral("purged")).toBool(), false);
    SrsOutcome<DomainInfoResult> info = DomainCommands::info(*f.reader, f.ctx(kAlpha), QStringLiteral("old.example"), HostsFilter::All, {});
    QCOMPARE(info->domain.gracePeriods, QList<GracePeriod>{GracePeriod::Redemption});
    QVERIFY(info->domain.statuses.contains(EppStatus::PendingDelete));

    // Only a restore may touch it now.
    DomainUpdateRequest u;
    u.name = QStringLiteral("old.example");
    u.addStatuses = {EppStatus::ClientHold};
    QCOMPARE(f.write(DomainCommands::update(f.ctx(kAlpha), u)).error().refusal, Refusal::StatusProhibits);
    QCOMPARE(f.write(DomainCommands::remove(f.ctx(kAlpha), QStringLiteral("old.example"))).error().refusal, Refusal::StatusProhibits);
    DomainRenewRequest renew{QStringLiteral("old.example"), info->domain.expiresAt.date(), Period{1}, std::nullopt};
    QCOMPARE(f.write(DomainCommands::renew(f.ctx(kAlpha), renew)).error().refusal, Refusal::StatusProhibits);
    QCOMPARE(f.create(QStringLiteral("old.example"), kBeta).error().refusal, Refusal::Exists);
}

void tst_DomainCommands::deleteInsideRenewGraceRefundsTheRenewal()
{
    Fixture f;
    SrsOutcome<DomainCreated> created = f.create(QStringLiteral("renewed.example"));
    QVERIFY(succeeded(created));
    f.advanceDays(10);
    DomainRenewRequest renew{QStringLiteral("renewed.example"), created->expiresAt.date(), Period{2}, std::nullopt};
    QVERIFY(succeeded(f.write(DomainCommands::renew(f.ctx(kAlpha), renew))));
    QCOMPARE(f.balance(kAlpha), kStartBalance - 3 * kPrice);
    f.advanceDays(2);
    SrsOutcome<DomainDeleted> r = f.write(DomainCommands::remove(f.ctx(kAlpha), QStringLiteral("renewed.example")));
    QVERIFY(succeeded(r));
    QVERIFY(!r->purged);
    QCOMPARE(r->refund->feeCents, -2 * kPrice);
    QCOMPARE(f.balance(kAlpha), kStartBalance - kPrice);
    QCOMPARE(f.graceRows(QStringLiteral("renewed.example"), QStringLiteral("renewPeriod")), 0);
}

void tst_DomainCommands::deleteRefusedWhileSubordinateHostIsUsedElsewhere()
{
    Fixture f;
    QVERIFY(succeeded(f.create(QStringLiteral("parent.example"))));
    f.addSubordinateHost(QStringLiteral("ns.parent.example"), QStringLiteral("parent.example"), kAlpha);
    QVERIFY(succeeded(f.create(QStringLiteral("user.example"), kBeta, {QStringLiteral("ns.parent.example")})));
    f.advanceDays(6);
    const Snapshot before = snapshot(f, QStringLiteral("parent.example"));
    SrsOutcome<DomainDeleted> r = f.write(DomainCommands::remove(f.ctx(kAlpha), QStringLiteral("parent.example")));
    QCOMPARE(r.error().refusal, Refusal::AssociationProhibits);
    QVERIFY(r.error().message.contains(QStringLiteral("user.example")));
    QVERIFY(snapshot(f, QStringLiteral("parent.example")) == before);
}

void tst_DomainCommands::deleteByAnotherRegistrarIsAnAuthorizationError()
{
    Fixture f;
    QVERIFY(succeeded(f.create(QStringLiteral("taken.example"))));
    const Snapshot before = snapshot(f);
    QCOMPARE(f.write(DomainCommands::remove(f.ctx(kBeta), QStringLiteral("taken.example"))).error().refusal, Refusal::AuthorizationError);
    QCOMPARE(f.write(DomainCommands::remove(f.ctx(kBeta), QStringLiteral("none.example"))).error().refusal, Refusal::NotFound);
    QVERIFY(snapshot(f) == before);
}

void tst_DomainCommands::renewExtendsBillsAndStartsRenewGrace()
{
    Fixture f;
    SrsOutcome<DomainCreated> created = f.create(QStringLiteral("keep.example"));
    QVERIFY(succeeded(created));
    f.advanceDays(100);
    DomainRenewRequest renew{QStringLiteral("keep.example"), created->expiresAt.date(), Period{3}, kPrice * 3};
    SrsOutcome<DomainRenewed> r = f.write(DomainCommands::renew(f.ctx(kAlpha), renew));
    QVERIFY(succeeded(r));
    QCOMPARE(r->expiresAt, created->expiresAt.addYears(3));
    QCOMPARE(r->charge.feeCents, 3 * kPrice);
    QCOMPARE(f.balance(kAlpha), kStartBalance - 4 * kPrice);
    QCOMPARE(f.graceRows(QStringLiteral("keep.example"), QStringLiteral("renewPeriod")), 1);
    QCOMPARE(f.lastJournalKind(), QStringLiteral("domain.renew"));
}

void tst_DomainCommands::renewRefusals()
{
    Fixture f;
    SrsOutcome<DomainCreated> created = f.create(QStringLiteral("taken.example"));
    QVERIFY(succeeded(created));
    const QDate expiry = created->expiresAt.date();
    const Snapshot before = snapshot(f);
    const auto refusalOf = [&](const QString &registrar, DomainRenewRequest r) {
        return f.write(DomainCommands::renew(f.ctx(registrar), r)).error().refusal;
    };
    QCOMPARE(refusalOf(kAlpha, {QStringLiteral("taken.example"), expiry.addDays(1), Period{1}, std::nullopt}), Refusal::RangeError);
    QCOMPARE(refusalOf(kAlpha, {QStringLiteral("taken.example"), expiry, Period{10}, std::nullopt}), Refusal::PolicyError);
    QCOMPARE(refusalOf(kAlpha, {QStringLiteral("taken.example"), expiry, Period{0}, std::nullopt}), Refusal::RangeError);
    QCOMPARE(refusalOf(kBeta, {QStringLiteral("taken.example"), expiry, Period{1}, std::nullopt}), Refusal::AuthorizationError);
    QCOMPARE(refusalOf(kAlpha, {QStringLiteral("taken.example"), expiry, Period{1}, kPrice - 1}), Refusal::RangeError);
    QVERIFY(snapshot(f) == before);

    DomainUpdateRequest lock;
    lock.name = QStringLiteral("taken.example");
    lock.addStatuses = {EppStatus::ClientRenewProhibited};
    QVERIFY(succeeded(f.write(DomainCommands::update(f.ctx(kAlpha), lock))));
    QCOMPARE(refusalOf(kAlpha, {QStringLiteral("taken.example"), expiry, Period{1}, std::nullopt}), Refusal::StatusProhibits);

    // Past the credit limit.
    DomainCreateRequest poor = f.createRequest(QStringLiteral("poor.example"), kPoor);
    SrsOutcome<DomainCreated> poorCreated = f.write(DomainCommands::create(f.ctx(kPoor), poor));
    QVERIFY(succeeded(poorCreated));
    QCOMPARE(refusalOf(kPoor, {QStringLiteral("poor.example"), poorCreated->expiresAt.date(), Period{1}, std::nullopt}), Refusal::BillingFailure);
}

void tst_DomainCommands::transferRequestAndApproveMovesTheDomain()
{
    Fixture f;
    SrsOutcome<DomainCreated> created = f.create(QStringLiteral("moving.example"), kAlpha, {QStringLiteral("ns1.dns.net")});
    QVERIFY(succeeded(created));
    f.addSubordinateHost(QStringLiteral("ns.moving.example"), QStringLiteral("moving.example"), kAlpha);
    f.advanceDays(70);

    DomainTransferRequest request{TransferOperation::Request, QStringLiteral("moving.example"), kAuth, Period{1}, std::nullopt};
    SrsOutcome<DomainTransferResult> requested = f.write(DomainCommands::transfer(f.ctx(kBeta), request));
    QVERIFY(succeeded(requested));
    QCOMPARE(requested->transfer.status, TransferStatus::Pending);
    QCOMPARE(requested->transfer.requestingId, kBeta);
    QCOMPARE(requested->transfer.actingId, kAlpha);
    QCOMPARE(requested->transfer.actionAt, f.clock.now().addSecs(f.policy.transferPendingSecs));
    QCOMPARE(requested->transfer.expiresAt, std::optional(created->expiresAt.addYears(1)));
    QCOMPARE(requested->charge->feeCents, kPrice);
    QCOMPARE(f.balance(kBeta), kStartBalance - kPrice);
    QCOMPARE(f.storedStatuses(QStringLiteral("moving.example")), QStringLiteral("pendingTransfer"));
    QCOMPARE(f.polls(kAlpha, QStringLiteral("transfer")), 1);
    QCOMPARE(f.polls(kBeta, QStringLiteral("transfer")), 1);
    QCOMPARE(f.value(QStringLiteral("SELECT data FROM poll_messages WHERE registrar_id = ?1"), {kAlpha}).toString().contains(QStringLiteral("domain:trnData")),
             true);
    // While pending, the sponsor cannot update or delete, and nobody else can request.
    DomainUpdateRequest u;
    u.name = QStringLiteral("moving.example");
    u.addStatuses = {EppStatus::ClientHold};
    QCOMPARE(f.write(DomainCommands::update(f.ctx(kAlpha), u)).error().refusal, Refusal::StatusProhibits);
    QCOMPARE(f.write(DomainCommands::transfer(f.ctx(kPoor), request)).error().refusal, Refusal::PendingTransfer);

    f.advanceDays(1);
    DomainTransferRequest approve{TransferOperation::Approve, QStringLiteral("moving.example"), std::nullopt, Period{}, std::nullopt};
    QCOMPARE(f.write(DomainCommands::transfer(f.ctx(kBeta), approve)).error().refusal, Refusal::AuthorizationError);
    SrsOutcome<DomainTransferResult> approved = f.write(DomainCommands::transfer(f.ctx(kAlpha), approve));
    QVERIFY(succeeded(approved));
    QCOMPARE(approved->transfer.status, TransferStatus::ClientApproved);
    QCOMPARE(approved->transfer.actionAt, f.clock.now());

    SrsOutcome<DomainInfoResult> info = DomainCommands::info(*f.reader, f.ctx(kBeta), QStringLiteral("moving.example"), HostsFilter::All, {});
    QVERIFY(succeeded(info));
    QVERIFY(info->full);
    QCOMPARE(info->domain.sponsorId, kBeta);
    QCOMPARE(info->domain.expiresAt, created->expiresAt.addYears(1));
    QCOMPARE(info->domain.transferredAt, std::optional(f.clock.now()));
    QCOMPARE(info->domain.statuses, StatusSet{EppStatus::Ok});
    QCOMPARE(info->domain.gracePeriods, QList<GracePeriod>{GracePeriod::Transfer});
    QCOMPARE(f.value(QStringLiteral("SELECT registrar_id FROM hosts WHERE name = 'ns.moving.example'")).toString(), kBeta);
    // RFC 9154: the old authInfo is gone; the gaining registrar sets a new one.
    QCOMPARE(f.value(QStringLiteral("SELECT auth_info FROM domains WHERE name = 'moving.example'")).toString(), QString());
    QCOMPARE(DomainCommands::info(*f.reader, f.ctx(kAlpha), QStringLiteral("moving.example"), HostsFilter::All, kAuth).error().refusal,
             Refusal::InvalidAuthInfo);
    QCOMPARE(f.polls(kAlpha, QStringLiteral("transfer")), 2);
    QCOMPARE(f.polls(kBeta, QStringLiteral("transfer")), 2);
    QCOMPARE(f.lastJournalKind(), QStringLiteral("domain.transfer"));
    QCOMPARE(f.lastJournalData().value(QStringLiteral("sponsor")).toString(), kBeta);
    // The old sponsor no longer may change it, but still sees how its transfer ended.
    QCOMPARE(f.write(DomainCommands::remove(f.ctx(kAlpha), QStringLiteral("moving.example"))).error().refusal, Refusal::AuthorizationError);
    SrsOutcome<TransferInfo> query = DomainCommands::transferQuery(*f.reader, f.ctx(kAlpha), QStringLiteral("moving.example"), {});
    QVERIFY(succeeded(query));
    QCOMPARE(query->status, TransferStatus::ClientApproved);
    QCOMPARE(query->expiresAt, std::optional(created->expiresAt.addYears(1)));
}

void tst_DomainCommands::transferRequestRefusals()
{
    Fixture f;
    QVERIFY(succeeded(f.create(QStringLiteral("taken.example"))));
    const Snapshot before = snapshot(f);
    const auto refusalOf = [&](const QString &registrar, DomainTransferRequest r) {
        return f.write(DomainCommands::transfer(f.ctx(registrar), r)).error().refusal;
    };
    const QString name = QStringLiteral("taken.example");
    QCOMPARE(refusalOf(kAlpha, {TransferOperation::Request, name, kAuth, Period{1}, std::nullopt}), Refusal::NotEligibleForTransfer);
    QCOMPARE(refusalOf(kBeta, {TransferOperation::Request, name, QStringLiteral("wrong-Pass1"), Period{1}, std::nullopt}), Refusal::InvalidAuthInfo);
    QCOMPARE(refusalOf(kBeta, {TransferOperation::Request, name, std::nullopt, Period{1}, std::nullopt}), Refusal::InvalidAuthInfo);
    QCOMPARE(refusalOf(kBeta, {TransferOperation::Request, name, kAuth, Period{10}, std::nullopt}), Refusal::PolicyError);
    QCOMPARE(refusalOf(kBeta, {TransferOperation::Request, name, kAuth, Period{1}, kPrice - 1}), Refusal::RangeError);
    QCOMPARE(refusalOf(kBeta, {TransferOperation::Request, QStringLiteral("none.example"), kAuth, Period{1}, std::nullopt}), Refusal::NotFound);
    QCOMPARE(refusalOf(kAlpha, {TransferOperation::Approve, name, std::nullopt, Period{}, std::nullopt}), Refusal::NotPendingTransfer);
    QCOMPARE(refusalOf(kBeta, {TransferOperation::Cancel, name, std::nullopt, Period{}, std::nullopt}), Refusal::NotPendingTransfer);
    QVERIFY(snapshot(f) == before);

    DomainUpdateRequest lock;
    lock.name = name;
    lock.addStatuses = {EppStatus::ClientTransferProhibited};
    QVERIFY(succeeded(f.write(DomainCommands::update(f.ctx(kAlpha), lock))));
    QCOMPARE(refusalOf(kBeta, {TransferOperation::Request, name, kAuth, Period{1}, std::nullopt}), Refusal::StatusProhibits);
    QCOMPARE(f.count(QStringLiteral("SELECT count(*) FROM transfers")), 0);
}

void tst_DomainCommands::transferRejectAndCancelRefundTheRequester()
{
    Fixture f;
    QVERIFY(succeeded(f.create(QStringLiteral("stay.example"))));
    const QString name = QStringLiteral("stay.example");
    DomainTransferRequest request{TransferOperation::Request, name, kAuth, Period{1}, std::nullopt};
    QVERIFY(succeeded(f.write(DomainCommands::transfer(f.ctx(kBeta), request))));
    QCOMPARE(f.balance(kBeta), kStartBalance - kPrice);
    SrsOutcome<DomainTransferResult> rejected =
        f.write(DomainCommands::transfer(f.ctx(kAlpha), {TransferOperation::Reject, name, std::nullopt, Period{}, std::nullopt}));
    QVERIFY(succeeded(rejected));
    QCOMPARE(rejected->transfer.status, TransferStatus::ClientRejected);
    QCOMPARE(f.balance(kBeta), kStartBalance);
    QCOMPARE(f.storedStatuses(name), QString());
    QCOMPARE(f.value(QStringLiteral("SELECT registrar_id FROM domains WHERE name = ?1"), {name}).toString(), kAlpha);

    QVERIFY(succeeded(f.write(DomainCommands::transfer(f.ctx(kBeta), request))));
    // Only the requester cancels.
    QCOMPARE(f.write(DomainCommands::transfer(f.ctx(kAlpha), {TransferOperation::Cancel, name, std::nullopt, Period{}, std::nullopt})).error().refusal,
             Refusal::AuthorizationError);
    QCOMPARE(f.write(DomainCommands::transfer(f.ctx(kPoor), {TransferOperation::Reject, name, std::nullopt, Period{}, std::nullopt})).error().refusal,
             Refusal::AuthorizationError);
    SrsOutcome<DomainTransferResult> cancelled =
        f.write(DomainCommands::transfer(f.ctx(kBeta), {TransferOperation::Cancel, name, std::nullopt, Period{}, std::nullopt}));
    QVERIFY(succeeded(cancelled));
    QCOMPARE(cancelled->transfer.status, TransferStatus::ClientCancelled);
    QCOMPARE(f.balance(kBeta), kStartBalance);
    QCOMPARE(f.count(QStringLiteral("SELECT count(*) FROM transfers WHERE status = 'pending'")), 0);
}

void tst_DomainCommands::transferQueryByPartiesOrWithAuthInfo()
{
    Fixture f;
    QVERIFY(succeeded(f.create(QStringLiteral("q.example"))));
    const QString name = QStringLiteral("q.example");
    QCOMPARE(DomainCommands::transferQuery(*f.reader, f.ctx(kAlpha), name, {}).error().refusal, Refusal::NotPendingTransfer);
    QVERIFY(succeeded(f.write(DomainCommands::transfer(f.ctx(kBeta), {TransferOperation::Request, name, kAuth, Period{1}, std::nullopt}))));
    SrsOutcome<TransferInfo> bySponsor = DomainCommands::transferQuery(*f.reader, f.ctx(kAlpha), name, {});
    QVERIFY(succeeded(bySponsor));
    QCOMPARE(bySponsor->status, TransferStatus::Pending);
    QVERIFY(succeeded(DomainCommands::transferQuery(*f.reader, f.ctx(kBeta), name, {})));
    QCOMPARE(DomainCommands::transferQuery(*f.reader, f.ctx(kPoor), name, {}).error().refusal, Refusal::AuthorizationError);
    QCOMPARE(DomainCommands::transferQuery(*f.reader, f.ctx(kPoor), name, QStringLiteral("wrong-Pass1")).error().refusal, Refusal::InvalidAuthInfo);
    QVERIFY(succeeded(DomainCommands::transferQuery(*f.reader, f.ctx(kPoor), name, kAuth)));
}

void tst_DomainCommands::restoreRequestThenReportRestores()
{
    Fixture f;
    QVERIFY(succeeded(f.create(QStringLiteral("back.example"), kAlpha, {QStringLiteral("ns1.dns.net")})));
    f.advanceDays(10);
    const QDateTime deletedAt = f.clock.now();
    QVERIFY(succeeded(f.write(DomainCommands::remove(f.ctx(kAlpha), QStringLiteral("back.example")))));
    f.advanceDays(3);
    SrsOutcome<RestoreResult> requested = f.write(DomainCommands::restore(f.ctx(kAlpha), {QStringLiteral("back.example"), std::nullopt, std::nullopt}));
    QVERIFY(succeeded(requested));
    QCOMPARE(requested->charge->feeCents, kRestorePrice);
    QCOMPARE(f.balance(kAlpha), kStartBalance - kPrice - kRestorePrice);
    QCOMPARE(f.graceRows(QStringLiteral("back.example"), QStringLiteral("pendingRestore")), 1);
    QCOMPARE(f.graceRows(QStringLiteral("back.example"), QStringLiteral("redemptionPeriod")), 0);
    QCOMPARE(f.lastJournalKind(), QStringLiteral("domain.restore"));
    SrsOutcome<DomainInfoResult> pending = DomainCommands::info(*f.reader, f.ctx(kAlpha), QStringLiteral("back.example"), HostsFilter::All, {});
    QCOMPARE(pending->domain.gracePeriods, QList<GracePeriod>{GracePeriod::PendingRestore});
    QVERIFY(pending->domain.statuses.contains(EppStatus::PendingDelete));   // until the report arrives

    RestoreReport report;
    report.preData = QStringLiteral("before");
    report.postData = QStringLiteral("after");
    report.deletedAt = deletedAt;
    report.restoredAt = f.clock.now();
    report.reason = QStringLiteral("Registrant error.");
    report.statements = {QStringLiteral("This registrar has not restored the name to resell it."),
                         QStringLiteral("The information in this report is true.")};
    SrsOutcome<RestoreResult> restored = f.write(DomainCommands::restore(f.ctx(kAlpha), {QStringLiteral("back.example"), report, std::nullopt}));
    QVERIFY(succeeded(restored));
    QVERIFY(!restored->charge);
    QCOMPARE(f.storedStatuses(QStringLiteral("back.example")), QString());
    QCOMPARE(f.count(QStringLiteral("SELECT count(*) FROM domain_grace_periods")), 0);
    QVERIFY(f.value(QStringLiteral("SELECT deleted_at FROM domains")).isNull());
    QCOMPARE(f.lastJournalData().value(QStringLiteral("inZone")).toBool(), true);
    QCOMPARE(f.lastJournalData().value(QStringLiteral("restore")).toString(), QStringLiteral("restored"));
}

void tst_DomainCommands::restoreRefusals()
{
    Fixture f;
    QVERIFY(succeeded(f.create(QStringLiteral("back.example"))));
    const QString name = QStringLiteral("back.example");
    // Not deleted: neither request nor report.
    QCOMPARE(f.write(DomainCommands::restore(f.ctx(kAlpha), {name, std::nullopt, std::nullopt})).error().refusal, Refusal::StatusProhibits);
    f.advanceDays(10);
    const QDateTime deletedAt = f.clock.now();
    QVERIFY(succeeded(f.write(DomainCommands::remove(f.ctx(kAlpha), name))));
    RestoreReport report;
    report.preData = QStringLiteral("before");
    report.postData = QStringLiteral("after");
    report.deletedAt = deletedAt;
    report.restoredAt = f.clock.now();
    report.reason = QStringLiteral("Registrant error.");
    report.statements = {QStringLiteral("one"), QStringLiteral("two")};
    // A report before the request.
    QCOMPARE(f.write(DomainCommands::restore(f.ctx(kAlpha), {name, report, std::nullopt})).error().refusal, Refusal::StatusProhibits);
    // Another registrar.
    QCOMPARE(f.write(DomainCommands::restore(f.ctx(kBeta), {name, std::nullopt, std::nullopt})).error().refusal, Refusal::AuthorizationError);
    QVERIFY(succeeded(f.write(DomainCommands::restore(f.ctx(kAlpha), {name, std::nullopt, std::nullopt}))));
    // A second request while pendingRestore.
    QCOMPARE(f.write(DomainCommands::restore(f.ctx(kAlpha), {name, std::nullopt, std::nullopt})).error().refusal, Refusal::StatusProhibits);

    const Snapshot before = snapshot(f, name);
    const auto refusalWith = [&](std::function<void(RestoreReport &)> change) {
        RestoreReport r = report;
        change(r);
        return f.write(DomainCommands::restore(f.ctx(kAlpha), {name, r, std::nullopt})).error().refusal;
    };
    QCOMPARE(refusalWith([](RestoreReport &r) { r.reason.clear(); }), Refusal::DataManagementPolicy);
    QCOMPARE(refusalWith([](RestoreReport &r) { r.preData = QStringLiteral("  "); }), Refusal::DataManagementPolicy);
    QCOMPARE(refusalWith([](RestoreReport &r) { r.statements.removeLast(); }), Refusal::DataManagementPolicy);
    QCOMPARE(refusalWith([](RestoreReport &r) { r.statements[1].clear(); }), Refusal::DataManagementPolicy);
    QCOMPARE(refusalWith([&](RestoreReport &r) { r.restoredAt = f.clock.now().addSecs(3600); }), Refusal::DataManagementPolicy);
    QCOMPARE(refusalWith([&](RestoreReport &r) { r.deletedAt = r.restoredAt.addSecs(1); }), Refusal::DataManagementPolicy);
    QCOMPARE(refusalWith([](RestoreReport &r) { r.deletedAt = QDateTime(); }), Refusal::DataManagementPolicy);
    QVERIFY(snapshot(f, name) == before);
}

// The hosts and contacts here are made and checked by HostCommands and ContactCommands, so the
// tables mean the same to both sides: links, sponsors after a transfer, purge.
void tst_DomainCommands::worksWithHostsAndContactsOfTheirOwnCommands()
{
    Fixture f;
    f.policy.allowDocumentationAddresses = true;
    QVERIFY(succeeded(f.create(QStringLiteral("acme.example"), kAlpha, {QStringLiteral("ns1.dns.net")})));
    HostCreateRequest host;
    host.name = QStringLiteral("ns.acme.example");
    host.addresses = {HostAddress{QStringLiteral("192.0.2.53"), IpVersion::V4}};
    QVERIFY(succeeded(f.write(HostCommands::create(f.ctx(kAlpha), host))));
    QVERIFY(succeeded(f.create(QStringLiteral("user.example"), kBeta, {QStringLiteral("ns.acme.example")})));

    SrsOutcome<Host> info = HostCommands::info(*f.reader, f.ctx(kAlpha), QStringLiteral("ns.acme.example"));
    QVERIFY(succeeded(info));
    QVERIFY(info->statuses.contains(EppStatus::Linked));
    QCOMPARE(f.write(HostCommands::remove(f.ctx(kAlpha), QStringLiteral("ns.acme.example"))).error().refusal, Refusal::AssociationProhibits);
    QCOMPARE(f.write(ContactCommands::remove(f.ctx(kAlpha), QStringLiteral("a-tech"))).error().refusal, Refusal::AssociationProhibits);
    SrsOutcome<DomainInfoResult> acme = DomainCommands::info(*f.reader, f.ctx(kAlpha), QStringLiteral("acme.example"), HostsFilter::All, {});
    QCOMPARE(acme->domain.subordinateHosts, QStringList{QStringLiteral("ns.acme.example")});

    // The user domain lets go; the transfer takes the subordinate host along.
    DomainUpdateRequest u;
    u.name = QStringLiteral("user.example");
    u.removeNameServers = {QStringLiteral("ns.acme.example")};
    QVERIFY(succeeded(f.write(DomainCommands::update(f.ctx(kBeta), u))));
    QVERIFY(succeeded(f.write(DomainCommands::transfer(f.ctx(kBeta), {TransferOperation::Request, QStringLiteral("acme.example"), kAuth, Period{1}, std::nullopt}))));
    QVERIFY(succeeded(f.write(DomainCommands::transfer(f.ctx(kAlpha), {TransferOperation::Approve, QStringLiteral("acme.example"), std::nullopt, Period{}, std::nullopt}))));
    info = HostCommands::info(*f.reader, f.ctx(kBeta), QStringLiteral("ns.acme.example"));
    QVERIFY(succeeded(info));
    QCOMPARE(info->sponsorId, kBeta);
    QVERIFY(!info->statuses.contains(EppStatus::Linked));

    // Deleted inside the transfer grace period: into redemption, the transfer fee refunded.
    SrsOutcome<DomainDeleted> deleted = f.write(DomainCommands::remove(f.ctx(kBeta), QStringLiteral("acme.example")));
    QVERIFY(succeeded(deleted));
    QVERIFY(!deleted->purged);
    QCOMPARE(deleted->refund->feeCents, -kPrice);
}

QTEST_GUILESS_MAIN(tst_DomainCommands)
#include "tst_domaincommands.moc"
