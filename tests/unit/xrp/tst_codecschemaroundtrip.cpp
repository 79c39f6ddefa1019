// Schema round trip for engine/xrp/commands: the sample commands (RFC examples with our extensions)
// are valid against the official XSDs and our customFields-1.0.xsd and pass the codecs; every
// response the codecs render validates against the same schemas (xmllint); and the codecs and the
// custom-fields schema agree on what is a valid custom-fields extension.
#include "commandtesthelpers.h"

#include "common/eppschemavalidator.h"
#include "xrp/commands/contactcodec.h"
#include "xrp/commands/customfieldscodec.h"
#include "xrp/commands/domaincodec.h"
#include "xrp/commands/feecodec.h"
#include "xrp/commands/hostcodec.h"
#include "xrp/commands/pollcodec.h"
#include "xrp/commands/refusalmapping.h"
#include "xrp/commands/rgpcodec.h"
#include "xrp/commands/secdnscodec.h"

#include <QDir>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace reg::xrp;
namespace srs = reg::srs;
using Writer = std::function<void(QXmlStreamWriter &)>;

namespace {

const QDateTime T0(QDate(2026, 11, 21), QTime(8, 0), Qt::UTC);

srs::Domain sampleDomain()
{
    srs::Domain domain;
    domain.name = u"acme.example"_s;
    domain.roid = u"D42-REG"_s;
    domain.tld = u"example"_s;
    domain.statuses = srs::StatusSet{srs::EppStatus::ClientTransferProhibited, srs::EppStatus::PendingDelete};
    domain.gracePeriods = {srs::GracePeriod::Redemption};
    domain.registrantId = u"jd1234"_s;
    domain.contacts = {{srs::DomainContact::Type::Admin, u"sh8013"_s}, {srs::DomainContact::Type::Tech, u"sh8013"_s},
                       {srs::DomainContact::Type::Billing, u"mak21"_s}};
    domain.nameServers = {u"ns1.acme.example"_s, u"ns1.example.net"_s};
    domain.subordinateHosts = {u"ns1.acme.example"_s};
    domain.sponsorId = u"registrar-a"_s;
    domain.creatorId = u"registrar-a"_s;
    domain.createdAt = T0.addYears(-2);
    domain.updaterId = u"registrar-a"_s;
    domain.updatedAt = T0.addDays(-3);
    domain.expiresAt = T0.addYears(1);
    domain.transferredAt = T0.addYears(-1);
    domain.dsRecords = {{12345, 13, 2, u"49FD46E6C4B45C55D4AC49FD46E6C4B45C55D4AC49FD46E6C4B45C55D4ACABCD"_s}};
    domain.maxSigLife = 604800;
    domain.customFields = {{u"customer-ref"_s, u"ACME <42> & \"more\""_s}, {u"empty"_s, QString()}};
    return domain;
}

srs::Contact sampleContact()
{
    srs::Contact contact;
    contact.id = u"sh8013"_s;
    contact.roid = u"C7-REG"_s;
    contact.statuses = srs::StatusSet{srs::EppStatus::Linked, srs::EppStatus::ClientDeleteProhibited};
    srs::PostalInfo international;
    international.name = u"John Doe"_s;
    international.org = u"Example Inc."_s;
    international.street = {u"123 Example Dr."_s, u"Suite 100"_s};
    international.city = u"Dulles"_s;
    international.sp = u"VA"_s;
    international.pc = u"20166-6503"_s;
    international.cc = u"US"_s;
    srs::PostalInfo local;
    local.type = srs::PostalInfo::Type::Localized;
    local.name = u"Jörg Müller"_s;
    local.city = u"München"_s;
    local.cc = u"DE"_s;
    contact.postalInfo = {international, local};
    contact.voice = {u"+1.7035555555"_s, u"1234"_s};
    contact.email = u"jdoe@example.com"_s;
    contact.sponsorId = u"registrar-a"_s;
    contact.creatorId = u"registrar-a"_s;
    contact.createdAt = T0.addYears(-1);
    return contact;
}

srs::TransferInfo sampleTransfer(const QString &name, bool withExpiry)
{
    srs::TransferInfo transfer;
    transfer.objectName = name;
    transfer.status = srs::TransferStatus::Pending;
    transfer.requestingId = u"registrar-b"_s;
    transfer.requestedAt = T0;
    transfer.actingId = u"registrar-a"_s;
    transfer.actionAt = T0.addDays(5);
    if (withExpiry)
        transfer.expiresAt = T0.addYears(2);
    return transfer;
}

srs::Charge sampleCharge()
{
    return srs::Charge{2000, 98000, 50000};
}

Writer all(QList<Writer> writers)
{
    return [writers](QXmlStreamWriter &xml) {
        for (const Writer &w : writers)
            w(xml);
    };
}

} // namespace

class tst_CodecSchemaRoundTrip : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sampleCommandsAreValidAndAccepted_data();
    void sampleCommandsAreValidAndAccepted();
    void renderedResponsesAreSchemaValid_data();
    void renderedResponsesAreSchemaValid();
    void infoForOthersHidesDetailAndAuthInfo();
    void customFieldsCodecAgreesWithItsSchema_data();
    void customFieldsCodecAgreesWithItsSchema();

private:
    EppSchemaValidator m_validator;
    QString m_skipReason;
};

void tst_CodecSchemaRoundTrip::initTestCase()
{
    m_skipReason = m_validator.prepare();
}

void tst_CodecSchemaRoundTrip::sampleCommandsAreValidAndAccepted_data()
{
    QTest::addColumn<QString>("file");
    const QDir dir(QFileInfo(QFINDTESTDATA("data/commands/poll-ack.xml")).absolutePath());
    const QStringList files = dir.entryList({u"*.xml"_s}, QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 10);
    for (const QString &file : files)
        QTest::newRow(qPrintable(file)) << dir.absoluteFilePath(file);
}

void tst_CodecSchemaRoundTrip::sampleCommandsAreValidAndAccepted()
{
    QFETCH(QString, file);
    QFile in(file);
    QVERIFY(in.open(QIODevice::ReadOnly));
    const QByteArray xml = in.readAll();
    if (m_skipReason.isEmpty()) {
        const QString complaint = m_validator.validate(xml);
        QVERIFY2(complaint.isEmpty(), qPrintable(complaint));
    }
    const auto parsed = testing::parseCommand(xml);
    QVERIFY2(parsed->parseError.isEmpty(), qPrintable(parsed->parseError));
    const std::optional<EppError> error = testing::parseThrough(parsed->command);
    QVERIFY2(!error, error ? qPrintable(QString::number(int(error->result)) + u' ' + error->message) : "");
    if (!m_skipReason.isEmpty())
        QSKIP(qPrintable(m_skipReason));
}

void tst_CodecSchemaRoundTrip::renderedResponsesAreSchemaValid_data()
{
    QTest::addColumn<QByteArray>("xml");
    using testing::renderResponse;

    const QList<srs::DomainCheckResult> domainChecks = {{u"free.example"_s, true, {}}, {u"taken.example"_s, false, u"In use"_s}};
    QList<FeeCheckItem> feeItems;
    FeeCheckItem item;
    item.name = u"free.example"_s;
    item.quotes = {FeeQuote{FeeCommand::Create, 2, 2000, {}}, FeeQuote{FeeCommand::Restore, 1, 4000, {}},
                   FeeQuote{FeeCommand::Custom, 1, std::nullopt, u"not billed"_s}};
    feeItems.append(item);
    feeItems.append(FeeCheckItem{u"bad.invalid"_s, false, u"not a registrable name"_s, {}});
    QTest::newRow("domain chkData + fee chkData") << renderResponse(
        [=](QXmlStreamWriter &xml) { writeDomainCheckData(xml, domainChecks); },
        [=](QXmlStreamWriter &xml) { writeFeeCheckData(xml, feeItems); });

    const srs::DomainInfoResult full{sampleDomain(), true};
    QTest::newRow("domain infData for the sponsor + secDNS, rgp, cf") << renderResponse(
        [=](QXmlStreamWriter &xml) { writeDomainInfoData(xml, full, srs::HostsFilter::All, true); },
        all({[=](QXmlStreamWriter &xml) { writeSecDnsInfoData(xml, full.domain.dsRecords, full.domain.maxSigLife); },
             [=](QXmlStreamWriter &xml) { writeRgpInfoData(xml, full.domain.gracePeriods); },
             [=](QXmlStreamWriter &xml) { writeCustomFieldsInfoData(xml, full.domain.customFields); }}));
    const srs::DomainInfoResult partial{sampleDomain(), false};
    QTest::newRow("domain infData for another registrar") << renderResponse(
        [=](QXmlStreamWriter &xml) { writeDomainInfoData(xml, partial, srs::HostsFilter::All, false); });
    srs::DomainInfoResult bare{sampleDomain(), true};
    bare.domain.contacts.clear();
    bare.domain.nameServers.clear();
    bare.domain.subordinateHosts.clear();
    bare.domain.updatedAt.reset();
    bare.domain.transferredAt.reset();
    bare.domain.registrantId.clear();
    QTest::newRow("domain infData without optional parts") << renderResponse(
        [=](QXmlStreamWriter &xml) { writeDomainInfoData(xml, bare, srs::HostsFilter::None, true); });

    const srs::DomainCreated created{u"acme.example"_s, T0, T0.addYears(2), sampleCharge()};
    QTest::newRow("domain creData + fee creData") << renderResponse(
        [=](QXmlStreamWriter &xml) { writeDomainCreateData(xml, created); },
        [=](QXmlStreamWriter &xml) { writeFeeTransformData(xml, u"creData", created.charge, 2); });
    const srs::DomainRenewed renewed{u"acme.example"_s, T0.addYears(5), sampleCharge()};
    QTest::newRow("domain renData + fee renData") << renderResponse(
        [=](QXmlStreamWriter &xml) { writeDomainRenewData(xml, renewed); },
        [=](QXmlStreamWriter &xml) { writeFeeTransformData(xml, u"renData", renewed.charge, 5); });
    const srs::TransferInfo transfer = sampleTransfer(u"acme.example"_s, true);
    QTest::newRow("domain trnData 1001 + fee trnData") << renderResponse(
        [=](QXmlStreamWriter &xml) { writeDomainTransferData(xml, transfer); },
        [=](QXmlStreamWriter &xml) { writeFeeTransformData(xml, u"trnData", sampleCharge(), 1); }, EppResult::SuccessActionPending);
    srs::Charge refund = sampleCharge();
    refund.feeCents = -2000;
    QTest::newRow("domain delete 1001 + fee delData credit") << renderResponse(
        {}, [=](QXmlStreamWriter &xml) { writeFeeTransformData(xml, u"delData", refund, std::nullopt); }, EppResult::SuccessActionPending);
    QTest::newRow("restore request rgp upData + fee updData") << renderResponse(
        {}, all({[](QXmlStreamWriter &xml) { writeRgpUpdateData(xml, srs::GracePeriod::PendingRestore); },
                 [](QXmlStreamWriter &xml) { writeFeeTransformData(xml, u"updData", sampleCharge(), std::nullopt); }}));

    const QList<srs::HostCheckResult> hostChecks = {{u"ns1.example.com"_s, true, {}}, {u"ns2.example.com"_s, false, u"In use"_s}};
    QTest::newRow("host chkData") << renderResponse([=](QXmlStreamWriter &xml) { writeHostCheckData(xml, hostChecks); });
    srs::Host host;
    host.name = u"ns1.acme.example"_s;
    host.roid = u"H3-REG"_s;
    host.statuses = srs::StatusSet{srs::EppStatus::Linked, srs::EppStatus::ClientUpdateProhibited};
    host.addresses = {{u"192.0.2.2"_s, srs::IpVersion::V4}, {u"2001:db8::1"_s, srs::IpVersion::V6}};
    host.sponsorId = u"registrar-a"_s;
    host.creatorId = u"registrar-a"_s;
    host.createdAt = T0;
    host.updaterId = u"registrar-a"_s;
    host.updatedAt = T0.addDays(1);
    QTest::newRow("host infData") << renderResponse([=](QXmlStreamWriter &xml) { writeHostInfoData(xml, host); });
    srs::Host bareHost = host;
    bareHost.statuses = {};
    bareHost.addresses.clear();
    bareHost.updaterId.clear();
    bareHost.updatedAt.reset();
    QTest::newRow("host infData without statuses or addresses") << renderResponse([=](QXmlStreamWriter &xml) { writeHostInfoData(xml, bareHost); });
    QTest::newRow("host creData") << renderResponse(
        [](QXmlStreamWriter &xml) { writeHostCreateData(xml, srs::HostCreated{u"ns1.acme.example"_s, T0}); });

    const QList<srs::ContactCheckResult> contactChecks = {{u"sh8013"_s, false, u"In use"_s}, {u"new1"_s, true, {}}};
    QTest::newRow("contact chkData") << renderResponse([=](QXmlStreamWriter &xml) { writeContactCheckData(xml, contactChecks); });
    srs::ContactInfoResult contactInfo{sampleContact(), true, srs::Disclose{false, true, false, true, true, false, true}};
    QTest::newRow("contact infData for the sponsor with disclose") << renderResponse(
        [=](QXmlStreamWriter &xml) { writeContactInfoData(xml, contactInfo, true); });
    QTest::newRow("contact infData with authInfo, not the sponsor") << renderResponse(
        [=](QXmlStreamWriter &xml) { writeContactInfoData(xml, contactInfo, false); });
    QTest::newRow("contact creData") << renderResponse(
        [](QXmlStreamWriter &xml) { writeContactCreateData(xml, srs::ContactCreated{u"sh8013"_s, u"C7-REG"_s, T0}); });
    QTest::newRow("contact trnData") << renderResponse(
        [](QXmlStreamWriter &xml) { writeContactTransferData(xml, sampleTransfer(u"sh8013"_s, false)); }, {},
        EppResult::SuccessActionPending);

    srs::PollMessage transferMessage;
    transferMessage.id = 12345;
    transferMessage.queuedAt = T0;
    transferMessage.kind = u"transfer"_s;
    transferMessage.message = u"Transfer requested."_s;
    transferMessage.data = QJsonObject{{u"type"_s, u"domain:trnData"_s}, {u"name"_s, u"acme.example"_s}, {u"trStatus"_s, u"pending"_s},
                                       {u"reID"_s, u"registrar-b"_s}, {u"reDate"_s, T0.toString(Qt::ISODateWithMs)},
                                       {u"acID"_s, u"registrar-a"_s}, {u"acDate"_s, double(T0.addDays(5).toMSecsSinceEpoch())},
                                       {u"exDate"_s, T0.addYears(2).toString(Qt::ISODate)}};
    EppResponseContent poll;
    poll.result = EppResult::SuccessAckToDequeue;
    poll.messageQueue = messageQueueFor(transferMessage, 5);
    poll.resData = pollMessageResData(transferMessage);
    poll.serverTransactionId = u"SRV-0001"_s;
    QVERIFY(poll.resData);
    QTest::newRow("poll 1301 with domain:trnData") << writeEppResponse(poll);

    srs::PollMessage contactMessage = transferMessage;
    contactMessage.data = QJsonObject{{u"type"_s, u"contact:trnData"_s}, {u"objectName"_s, u"sh8013"_s}, {u"status"_s, u"clientApproved"_s},
                                      {u"requestingId"_s, u"registrar-b"_s}, {u"requestedAt"_s, T0.toString(Qt::ISODate)},
                                      {u"actingId"_s, u"registrar-a"_s}, {u"actionAt"_s, T0.toString(Qt::ISODate)}};
    poll.resData = pollMessageResData(contactMessage);
    QVERIFY(poll.resData);
    QTest::newRow("poll 1301 with contact:trnData (member names)") << writeEppResponse(poll);

    srs::PollMessage pending = transferMessage;
    pending.data = QJsonObject{{u"type"_s, u"domain:panData"_s}, {u"name"_s, u"acme.example"_s}, {u"paResult"_s, true},
                               {u"clTRID"_s, u"ABC-12345"_s}, {u"svTRID"_s, u"54321-XYZ"_s}};
    poll.resData = pollMessageResData(pending);
    QVERIFY(poll.resData);
    QTest::newRow("poll 1301 with domain:panData") << writeEppResponse(poll);

    srs::PollMessage textOnly = transferMessage;
    textOnly.data = QJsonObject{{u"type"_s, u"domain:trnData"_s}, {u"name"_s, u"acme.example"_s}};   // incomplete: text only
    poll.resData = pollMessageResData(textOnly);
    QVERIFY(!poll.resData);
    QTest::newRow("poll 1301 with an incomplete message, text only") << writeEppResponse(poll);

    EppResponseContent ack;
    ack.messageQueue = EppMessageQueue{4, u"12346"_s, std::nullopt, {}};
    ack.serverTransactionId = u"SRV-0001"_s;
    QTest::newRow("poll ack 1000 with msgQ") << writeEppResponse(ack);

    EppResponseContent refused = refusalResponse(srs::SrsError(srs::Refusal::SyntaxError, u"not a host name"_s, u"host:name"_s, u"-bad-.example"_s));
    refused.serverTransactionId = u"SRV-0001"_s;
    QTest::newRow("refusal 2005 with extValue") << writeEppResponse(refused);
}

void tst_CodecSchemaRoundTrip::renderedResponsesAreSchemaValid()
{
    QFETCH(QByteArray, xml);
    if (!m_skipReason.isEmpty())
        QSKIP(qPrintable(m_skipReason));
    const QString complaint = m_validator.validate(xml);
    QVERIFY2(complaint.isEmpty(), qPrintable(complaint + u'\n' + QString::fromUtf8(xml)));
    // And it reads back through our own reader.
    QVERIFY(EppXmlReader().parse(xml).ok());
}

void tst_CodecSchemaRoundTrip::infoForOthersHidesDetailAndAuthInfo()
{
    const srs::DomainInfoResult partial{sampleDomain(), false};
    const QByteArray other = testing::renderResponse(
        [=](QXmlStreamWriter &xml) { writeDomainInfoData(xml, partial, srs::HostsFilter::All, false); });
    for (const char *hidden : {"registrant", "contact", "hostObj", "authInfo", "upID", "crID"})
        QVERIFY2(!other.contains(QByteArray(QByteArray(":") + hidden + ">")), hidden);
    QVERIFY(other.contains("<domain:clID>registrar-a</domain:clID>"));
    QVERIFY(other.contains("<domain:exDate>"));

    const srs::DomainInfoResult full{sampleDomain(), true};
    const QByteArray sponsor = testing::renderResponse(
        [=](QXmlStreamWriter &xml) { writeDomainInfoData(xml, full, srs::HostsFilter::Delegated, true); });
    QVERIFY(sponsor.contains("<domain:pw/>"));                  // RFC 9154: empty, never the value
    QVERIFY(sponsor.contains("<domain:hostObj>ns1.example.net</domain:hostObj>"));
    QVERIFY(!sponsor.contains("<domain:host>"));                // hosts="del": no subordinate hosts
    const QByteArray withAuthInfo = testing::renderResponse(
        [=](QXmlStreamWriter &xml) { writeDomainInfoData(xml, full, srs::HostsFilter::Subordinate, false); });
    QVERIFY(!withAuthInfo.contains("authInfo"));                // full detail, but no pw to non-sponsors
    QVERIFY(withAuthInfo.contains("<domain:host>ns1.acme.example</domain:host>"));
    QVERIFY(!withAuthInfo.contains("<domain:ns>"));
}

void tst_CodecSchemaRoundTrip::customFieldsCodecAgreesWithItsSchema_data()
{
    QTest::addColumn<QString>("extension");
    QTest::addColumn<bool>("valid");
    QTest::newRow("two fields") << u"<cf:create><cf:field name=\"a\" value=\"1\"/><cf:field name=\"b.c-d_e\" value=\"\"/></cf:create>"_s << true;
    QTest::newRow("64-character name") << u"<cf:create><cf:field name=\""_s + QString(64, u'n') + u"\" value=\"v\"/></cf:create>"_s << true;
    QTest::newRow("255-character value") << u"<cf:create><cf:field name=\"n\" value=\""_s + QString(255, u'v') + u"\"/></cf:create>"_s << true;
    QTest::newRow("65-character name") << u"<cf:create><cf:field name=\""_s + QString(65, u'n') + u"\" value=\"v\"/></cf:create>"_s << false;
    QTest::newRow("256-character value") << u"<cf:create><cf:field name=\"n\" value=\""_s + QString(256, u'v') + u"\"/></cf:create>"_s << false;
    QTest::newRow("name with a slash") << u"<cf:create><cf:field name=\"a/b\" value=\"v\"/></cf:create>"_s << false;
    QTest::newRow("empty name") << u"<cf:create><cf:field name=\"\" value=\"v\"/></cf:create>"_s << false;
    QTest::newRow("no fields") << u"<cf:create/>"_s << false;
    QTest::newRow("field without value") << u"<cf:create><cf:field name=\"n\"/></cf:create>"_s << false;
    QTest::newRow("unknown attribute") << u"<cf:create><cf:field name=\"n\" value=\"v\" lang=\"en\"/></cf:create>"_s << false;
    QTest::newRow("update set and rem") << u"<cf:update><cf:set><cf:field name=\"a\" value=\"1\"/></cf:set><cf:rem><cf:name>b</cf:name></cf:rem></cf:update>"_s << true;
    QTest::newRow("update rem before set") << u"<cf:update><cf:rem><cf:name>b</cf:name></cf:rem><cf:set><cf:field name=\"a\" value=\"1\"/></cf:set></cf:update>"_s << false;
    QTest::newRow("update rem of an empty list") << u"<cf:update><cf:rem/></cf:update>"_s << false;
}

void tst_CodecSchemaRoundTrip::customFieldsCodecAgreesWithItsSchema()
{
    QFETCH(QString, extension);
    QFETCH(bool, valid);
    const QString body = extension.startsWith(u"<cf:create"_s)
                             ? u"<create><domain:create><domain:name>a.example</domain:name><domain:authInfo><domain:pw>x</domain:pw></domain:authInfo></domain:create></create>"_s
                             : u"<update><domain:update><domain:name>a.example</domain:name></domain:update></update>"_s;
    const QByteArray xml = testing::eppCommand(body, extension);
    const auto parsed = testing::parseCommand(xml);
    const std::optional<EppError> error = testing::parseThrough(parsed->command);
    QCOMPARE(!error.has_value(), valid);
    if (!m_skipReason.isEmpty())
        QSKIP(qPrintable(m_skipReason));
    const QString complaint = m_validator.validate(xml);
    QVERIFY2(complaint.isEmpty() == valid, qPrintable(complaint.isEmpty() ? u"schema accepted it"_s : complaint));
}

QTEST_GUILESS_MAIN(tst_CodecSchemaRoundTrip)
#include "tst_codecschemaroundtrip.moc"
