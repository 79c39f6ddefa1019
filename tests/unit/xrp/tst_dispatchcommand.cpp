// Tests engine/xrp/commands/dispatch.cpp end to end without the network: EPP commands as a
// registrar's session hands them over go through dispatchCommand into the real SRS over a
// migrated SQLite file (ManualClock), and every answer is checked for its code and content and
// validated against the official XSDs and ours with xmllint.
#include "commandtesthelpers.h"

#include "common/eppschemavalidator.h"

#include "core/clock.h"
#include "core/srspolicy.h"
#include "store/store.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace reg::xrp;

namespace {

const QString Alpha = u"rar-alpha"_s;
const QString Beta = u"rar-beta"_s;

struct Answer
{
    EppResponseContent response;
    XrpAuditSubject subject;
    QByteArray xml;
};

const QString ContactCreate =
    u"<create><contact:create><contact:id>%1</contact:id>"
    "<contact:postalInfo type=\"int\"><contact:name>John Doe</contact:name><contact:addr><contact:street>123 Example Dr.</contact:street>"
    "<contact:city>Dulles</contact:city><contact:cc>US</contact:cc></contact:addr></contact:postalInfo>"
    "<contact:voice>+1.7035555555</contact:voice><contact:email>jdoe@example.com</contact:email>"
    "<contact:authInfo><contact:pw>2fooBAR!</contact:pw></contact:authInfo></contact:create></create>"_s;

} // namespace

class tst_DispatchCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void registrarLifeCycleOverEpp();
    void refusalsCarryTheirCodes();
    void transferPollDeleteAndRestore();

private:
    Answer run(const QString &registrar, const QString &body, const QString &extension = {});
    void seed();
    void sql(const QString &statement, const QVariantList &params = {});

    QTemporaryDir m_dir;
    reg::ManualClock m_clock{QDateTime(QDate(2026, 11, 21), QTime(8, 0), Qt::UTC)};
    reg::SrsPolicy m_policy;
    std::unique_ptr<reg::store::Store> m_store;
    std::unique_ptr<reg::store::Connection> m_reader;
    EppSchemaValidator m_validator;
    QString m_skipReason;
};

void tst_DispatchCommand::initTestCase()
{
    m_skipReason = m_validator.prepare();
    m_policy.tlds = {u"example"_s};
    auto opened = reg::store::Store::open({m_dir.filePath(u"registry.db"_s), 256, true}, m_clock);
    QVERIFY2(opened, opened ? "" : qPrintable(opened.error().message));
    m_store = std::move(opened).value();
    auto reader = m_store->openReader();
    QVERIFY(reader);
    m_reader = std::move(reader).value();
    seed();
}

void tst_DispatchCommand::sql(const QString &statement, const QVariantList &params)
{
    auto done = m_store->writer().submitAndWait([&](reg::store::Connection &c) -> reg::Result<std::optional<reg::store::JournalChange>> {
        if (auto e = c.execute(statement, params); !e)
            return e.error();
        return std::optional<reg::store::JournalChange>();
    });
    QVERIFY2(done, done ? "" : qPrintable(done.error().message));
}

void tst_DispatchCommand::seed()
{
    sql(u"INSERT INTO tlds (name, created_at) VALUES ('example', 0)"_s);
    for (const QString &op : {u"create"_s, u"renew"_s, u"autoRenew"_s, u"transfer"_s})
        sql(u"INSERT INTO prices (tld, operation, cents) VALUES ('example', ?1, 800)"_s, {op});
    sql(u"INSERT INTO prices (tld, operation, cents) VALUES ('example', 'restore', 4000)"_s);
    for (const QString &registrar : {Alpha, Beta})
        sql(u"INSERT INTO registrars (id, name, balance_cents, credit_limit_cents, created_at) VALUES (?1, ?1, 100000, 0, 0)"_s, {registrar});
}

Answer tst_DispatchCommand::run(const QString &registrar, const QString &body, const QString &extension)
{
    auto parsed = testing::parseCommand(testing::eppCommand(body, extension));
    parsed->session.registrarId = registrar;
    XrpServices services;
    services.reader = m_reader.get();
    services.writer = &m_store->writer();
    services.clock = &m_clock;
    services.policy = &m_policy;
    // Shared, not on this stack: after a failed check QTRY stops waiting, and a write's answer that
    // arrives later must still have somewhere to go.
    auto answer = std::make_shared<std::optional<Answer>>();
    dispatchCommand(parsed->command, services, this, [answer](EppResponseContent response, XrpAuditSubject subject) {
        Answer a;
        a.xml = writeEppResponse(response);
        a.response = std::move(response);
        a.subject = std::move(subject);
        *answer = std::move(a);
    });
    // Writes answer on this thread's event loop after the commit.
    [&] { QTRY_VERIFY_WITH_TIMEOUT(answer->has_value(), 30000); }();
    if (!*answer)
        return {};
    if (m_skipReason.isEmpty()) {
        const QString complaint = m_validator.validate((*answer)->xml);
        if (!complaint.isEmpty())
            qWarning("%s\n%s", qPrintable(complaint), (*answer)->xml.constData());
        [&] { QVERIFY2(complaint.isEmpty(), qPrintable(complaint)); }();
    }
    return **answer;
}

void tst_DispatchCommand::registrarLifeCycleOverEpp()
{
    for (const QString &id : {u"jd1234"_s, u"sh8013"_s}) {
        const Answer created = run(Alpha, ContactCreate.arg(id));
        QCOMPARE(created.response.result, EppResult::Success);
        QVERIFY(created.xml.contains(QByteArray("<contact:id>" + id.toUtf8() + "</contact:id>")));
    }
    const Answer contactInfo = run(Alpha, u"<info><contact:info><contact:id>jd1234</contact:id></contact:info></info>"_s);
    QCOMPARE(contactInfo.response.result, EppResult::Success);
    QVERIFY(contactInfo.xml.contains("<contact:pw/>"));
    QVERIFY(!contactInfo.xml.contains("2fooBAR"));

    const Answer host = run(Alpha, u"<create><host:create><host:name>ns1.dns.net</host:name></host:create></create>"_s);
    QCOMPARE(host.response.result, EppResult::Success);

    const Answer check = run(Alpha, u"<check><domain:check><domain:name>acme.example</domain:name><domain:name>acme.invalid</domain:name></domain:check></check>"_s,
                             u"<fee:check><fee:command name=\"create\"><fee:period unit=\"y\">2</fee:period></fee:command><fee:command name=\"restore\"/></fee:check>"_s);
    QCOMPARE(check.response.result, EppResult::Success);
    QVERIFY(check.xml.contains("avail=\"1\">acme.example<"));
    QVERIFY(check.xml.contains("<fee:fee>16.00</fee:fee>"));
    QVERIFY(check.xml.contains("<fee:fee>40.00</fee:fee>"));

    const QString create = u"<create><domain:create><domain:name>acme.example</domain:name><domain:period unit=\"y\">2</domain:period>"
                           "<domain:ns><domain:hostObj>ns1.dns.net</domain:hostObj></domain:ns><domain:registrant>jd1234</domain:registrant>"
                           "<domain:contact type=\"admin\">sh8013</domain:contact><domain:contact type=\"tech\">sh8013</domain:contact>"
                           "<domain:authInfo><domain:pw>2fooBAR!</domain:pw></domain:authInfo></domain:create></create>"_s;
    const Answer cheap = run(Alpha, create, u"<fee:create><fee:fee>1.00</fee:fee></fee:create>"_s);
    QCOMPARE(cheap.response.result, EppResult::ParameterValueRangeError);

    const Answer created = run(Alpha, create,
                               u"<secDNS:create><secDNS:dsData><secDNS:keyTag>12345</secDNS:keyTag><secDNS:alg>13</secDNS:alg><secDNS:digestType>2</secDNS:digestType>"
                               "<secDNS:digest>49FD46E6C4B45C55D4AC49FD46E6C4B45C55D4AC49FD46E6C4B45C55D4ACABCD</secDNS:digest></secDNS:dsData></secDNS:create>"
                               "<fee:create><fee:currency>EUR</fee:currency><fee:fee>16.00</fee:fee></fee:create>"
                               "<cf:create><cf:field name=\"customer-ref\" value=\"ACME-0042\"/></cf:create>"_s);
    QCOMPARE(created.response.result, EppResult::Success);
    QCOMPARE(created.subject.command, u"domain:create"_s);
    QCOMPARE(created.subject.object, u"acme.example"_s);
    QVERIFY(created.xml.contains("<fee:fee>16.00</fee:fee>"));
    QVERIFY(created.xml.contains("<fee:balance>984.00</fee:balance>"));

    const Answer info = run(Alpha, u"<info><domain:info><domain:name>acme.example</domain:name></domain:info></info>"_s);
    QCOMPARE(info.response.result, EppResult::Success);
    QVERIFY(info.xml.contains("<domain:registrant>jd1234</domain:registrant>"));
    QVERIFY(info.xml.contains("<secDNS:keyTag>12345</secDNS:keyTag>"));
    QVERIFY(info.xml.contains("s=\"addPeriod\""));
    QVERIFY(info.xml.contains("name=\"customer-ref\" value=\"ACME-0042\""));
    QVERIFY(info.xml.contains("<domain:pw/>"));

    const Answer others = run(Beta, u"<info><domain:info><domain:name>acme.example</domain:name></domain:info></info>"_s);
    QCOMPARE(others.response.result, EppResult::Success);
    QVERIFY(!others.xml.contains("registrant"));
    QVERIFY(!others.xml.contains("customer-ref"));
    QVERIFY(!others.xml.contains("authInfo"));

    const Answer update = run(Alpha, u"<update><domain:update><domain:name>acme.example</domain:name><domain:add><domain:status s=\"clientHold\"/></domain:add></domain:update></update>"_s,
                              u"<cf:update><cf:rem><cf:name>customer-ref</cf:name></cf:rem></cf:update>"_s);
    QCOMPARE(update.response.result, EppResult::Success);

    const Answer renew = run(Alpha, u"<renew><domain:renew><domain:name>acme.example</domain:name><domain:curExpDate>2028-11-21</domain:curExpDate></domain:renew></renew>"_s);
    QCOMPARE(renew.response.result, EppResult::Success);
    QVERIFY(renew.xml.contains("<domain:exDate>2029-11-21"));

    const Answer poll = run(Alpha, u"<poll op=\"req\"/>"_s);
    QVERIFY(poll.response.result == EppResult::SuccessNoMessages || poll.response.result == EppResult::SuccessAckToDequeue);

    // Inside the add grace period a delete purges at once and refunds.
    const Answer removed = run(Alpha, u"<delete><domain:delete><domain:name>acme.example</domain:name></domain:delete></delete>"_s);
    QCOMPARE(removed.response.result, EppResult::Success);
    const Answer gone = run(Alpha, u"<info><domain:info><domain:name>acme.example</domain:name></domain:info></info>"_s);
    QCOMPARE(gone.response.result, EppResult::ObjectDoesNotExist);
}

void tst_DispatchCommand::refusalsCarryTheirCodes()
{
    QCOMPARE(run(Alpha, u"<info><domain:info><domain:name>nothing.example</domain:name></domain:info></info>"_s).response.result,
             EppResult::ObjectDoesNotExist);
    QCOMPARE(run(Alpha, u"<poll op=\"ack\" msgID=\"999999\"/>"_s).response.result, EppResult::ObjectDoesNotExist);
    QCOMPARE(run(Alpha, u"<renew><host:renew><host:name>ns1.dns.net</host:name></host:renew></renew>"_s).response.result,
             EppResult::UnimplementedCommand);
    QCOMPARE(run(Beta, u"<delete><host:delete><host:name>ns1.dns.net</host:name></host:delete></delete>"_s).response.result,
             EppResult::AuthorizationError);
    const Answer syntax = run(Alpha, u"<create><domain:create><domain:name>acme.example</domain:name></domain:create></create>"_s);
    QCOMPARE(syntax.response.result, EppResult::RequiredParameterMissing);
    QCOMPARE(syntax.subject.command, u"domain:create"_s);
}

void tst_DispatchCommand::transferPollDeleteAndRestore()
{
    const QString create = u"<create><domain:create><domain:name>moving.example</domain:name>"
                           "<domain:registrant>jd1234</domain:registrant><domain:contact type=\"admin\">sh8013</domain:contact>"
                           "<domain:contact type=\"tech\">sh8013</domain:contact>"
                           "<domain:authInfo><domain:pw>2fooBAR!</domain:pw></domain:authInfo></domain:create></create>"_s;
    QCOMPARE(run(Alpha, create).response.result, EppResult::Success);
    m_clock.advance(qint64(6) * 86400 * 1000);   // past the add grace period

    const Answer request = run(Beta, u"<transfer op=\"request\"><domain:transfer><domain:name>moving.example</domain:name>"
                                     "<domain:authInfo><domain:pw>2fooBAR!</domain:pw></domain:authInfo></domain:transfer></transfer>"_s,
                               u"<fee:transfer><fee:fee>8.00</fee:fee></fee:transfer>"_s);
    QCOMPARE(request.response.result, EppResult::SuccessActionPending);
    QVERIFY(request.xml.contains("<domain:trStatus>pending</domain:trStatus>"));

    // The losing registrar learns of it from its queue, with the transfer data as resData.
    Answer poll = run(Alpha, u"<poll op=\"req\"/>"_s);
    while (poll.response.result == EppResult::SuccessAckToDequeue && !poll.xml.contains("domain:trnData")) {
        QCOMPARE(run(Alpha, u"<poll op=\"ack\" msgID=\""_s + poll.response.messageQueue->id + u"\"/>"_s).response.result, EppResult::Success);
        poll = run(Alpha, u"<poll op=\"req\"/>"_s);
    }
    QCOMPARE(poll.response.result, EppResult::SuccessAckToDequeue);
    QVERIFY(poll.xml.contains("<domain:name>moving.example</domain:name>"));
    QVERIFY(poll.xml.contains("<domain:reID>rar-beta</domain:reID>"));
    const Answer ack = run(Alpha, u"<poll op=\"ack\" msgID=\""_s + poll.response.messageQueue->id + u"\"/>"_s);
    QCOMPARE(ack.response.result, EppResult::Success);
    QVERIFY(ack.response.messageQueue);

    const Answer reject = run(Alpha, u"<transfer op=\"reject\"><domain:transfer><domain:name>moving.example</domain:name></domain:transfer></transfer>"_s);
    QCOMPARE(reject.response.result, EppResult::Success);
    QVERIFY(reject.xml.contains("<domain:trStatus>clientRejected</domain:trStatus>"));

    // Outside the add grace period a delete goes into redemption: 1001; then restore it.
    const Answer removed = run(Alpha, u"<delete><domain:delete><domain:name>moving.example</domain:name></domain:delete></delete>"_s);
    QCOMPARE(removed.response.result, EppResult::SuccessActionPending);
    const Answer redemption = run(Alpha, u"<info><domain:info><domain:name>moving.example</domain:name></domain:info></info>"_s);
    QVERIFY(redemption.xml.contains("s=\"redemptionPeriod\""));
    QVERIFY(redemption.xml.contains("s=\"pendingDelete\""));

    const QString restoreUpdate = u"<update><domain:update><domain:name>moving.example</domain:name><domain:chg/></domain:update></update>"_s;
    const Answer restore = run(Alpha, restoreUpdate,
                               u"<rgp:update><rgp:restore op=\"request\"/></rgp:update><fee:update><fee:fee>40.00</fee:fee></fee:update>"_s);
    QCOMPARE(restore.response.result, EppResult::Success);
    QCOMPARE(restore.subject.command, u"domain:restore"_s);
    QVERIFY(restore.xml.contains("<rgp:rgpStatus s=\"pendingRestore\"/>"));
    QVERIFY(restore.xml.contains("<fee:fee>40.00</fee:fee>"));

    const QString now = m_clock.now().toString(Qt::ISODate);
    const Answer report = run(Alpha, restoreUpdate,
                              u"<rgp:update><rgp:restore op=\"report\"><rgp:report><rgp:preData>before</rgp:preData><rgp:postData>after</rgp:postData>"
                              "<rgp:delTime>"_s + now + u"</rgp:delTime><rgp:resTime>"_s + now + u"</rgp:resTime><rgp:resReason>Registrant error.</rgp:resReason>"
                              "<rgp:statement>Not restored for our own use.</rgp:statement><rgp:statement>This report is true.</rgp:statement>"
                              "</rgp:report></rgp:restore></rgp:update>"_s);
    QCOMPARE(report.response.result, EppResult::Success);
    const Answer restored = run(Alpha, u"<info><domain:info><domain:name>moving.example</domain:name></domain:info></info>"_s);
    QVERIFY(!restored.xml.contains("pendingDelete"));
}

QTEST_GUILESS_MAIN(tst_DispatchCommand)
#include "tst_dispatchcommand.moc"
