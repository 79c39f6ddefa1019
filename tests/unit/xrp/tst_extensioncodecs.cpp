// Tests engine/xrp/commands/{secdnscodec,rgpcodec,feecodec,customfieldscodec,refusalmapping}.cpp
// and the extension rules of domaincommandparser.cpp: RFC 5910 / 3915 / 8748 and custom-fields
// extension elements parse into the domain requests; what is not offered or malformed is refused
// with the right code; SRS refusals map to their RFC 5730 codes with <extValue>.
#include "commandtesthelpers.h"

#include "xrp/commands/customfieldscodec.h"
#include "xrp/commands/domaincommandparser.h"
#include "xrp/commands/refusalmapping.h"
#include "xrp/commands/xmlwriting.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace reg::xrp;
namespace srs = reg::srs;
using testing::eppCommand;
using testing::parseCommand;
using testing::parseThrough;

namespace {

const QString Create = u"<create><domain:create><domain:name>example.com</domain:name><domain:period unit=\"y\">2</domain:period>"
                       "<domain:authInfo><domain:pw>2fooBAR</domain:pw></domain:authInfo></domain:create></create>"_s;
const QString Update = u"<update><domain:update><domain:name>example.com</domain:name></domain:update></update>"_s;
const QString RestoreUpdate = u"<update><domain:update><domain:name>example.com</domain:name><domain:chg/></domain:update></update>"_s;
const QString Check = u"<check><domain:check><domain:name>example.com</domain:name><domain:name>example.net</domain:name></domain:check></check>"_s;
const QString Renew = u"<renew><domain:renew><domain:name>example.com</domain:name><domain:curExpDate>2000-04-03</domain:curExpDate><domain:period unit=\"y\">5</domain:period></domain:renew></renew>"_s;

QString ds(int keyTag, const QString &digest = u"49FD46E6C4B45C55D4AC"_s)
{
    return u"<secDNS:dsData><secDNS:keyTag>"_s + QString::number(keyTag)
           + u"</secDNS:keyTag><secDNS:alg>3</secDNS:alg><secDNS:digestType>1</secDNS:digestType><secDNS:digest>"_s + digest
           + u"</secDNS:digest></secDNS:dsData>"_s;
}

const QString KeyData = u"<secDNS:keyData><secDNS:flags>257</secDNS:flags><secDNS:protocol>3</secDNS:protocol><secDNS:alg>1</secDNS:alg>"
                        "<secDNS:pubKey>AQPJ////4Q==</secDNS:pubKey></secDNS:keyData>"_s;

const QString Report = u"<rgp:report><rgp:preData>Pre-delete registration data goes here.</rgp:preData>"
                       "<rgp:postData>Post-restore registration data goes here.</rgp:postData>"
                       "<rgp:delTime>2003-07-10T22:00:00.0Z</rgp:delTime><rgp:resTime>2003-07-20T22:00:00.0Z</rgp:resTime>"
                       "<rgp:resReason>Registrant error.</rgp:resReason>"
                       "<rgp:statement>This registrar has not restored the Registered Name in order to assume the rights to use or sell the Registered Name for itself or for any third party.</rgp:statement>"
                       "<rgp:statement>The information in this report is true to best of this registrar's knowledge.</rgp:statement>"
                       "<rgp:other>Supporting information goes here.</rgp:other></rgp:report>"_s;

} // namespace

class tst_ExtensionCodecs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void extensionsAreAcceptedOrRefused_data();
    void extensionsAreAcceptedOrRefused();
    void secDnsCreateAndUpdateValues();
    void restoreRequestAndReportValues();
    void feeValues();
    void customFieldValues();
    void refusalsMapToTheirResultCodes_data();
    void refusalsMapToTheirResultCodes();
    void refusalNamesTheFieldInExtValue();
    void refusalWithoutAKnownFieldHasNoExtValue();
    void centsAreWrittenAsDecimals();
};

void tst_ExtensionCodecs::extensionsAreAcceptedOrRefused_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("extension");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("mentions");
    auto row = [](const char *tag, const QString &body, const QString &extension, int code, const QString &mentions = {}) {
        QTest::newRow(tag) << body << extension << code << mentions;
    };

    // secDNS-1.1 (RFC 5910), DS data interface.
    row("secDNS create (RFC 5910 sample)", Create, u"<secDNS:create><secDNS:maxSigLife>604800</secDNS:maxSigLife>"_s + ds(12345) + u"</secDNS:create>"_s, 0);
    row("secDNS update rem all, add", Update, u"<secDNS:update><secDNS:rem><secDNS:all>true</secDNS:all></secDNS:rem><secDNS:add>"_s + ds(1) + u"</secDNS:add></secDNS:update>"_s, 0);
    row("secDNS update chg maxSigLife", Update, u"<secDNS:update><secDNS:chg><secDNS:maxSigLife>605900</secDNS:maxSigLife></secDNS:chg></secDNS:update>"_s, 0);
    row("secDNS keyData interface", Create, u"<secDNS:create>"_s + KeyData + u"</secDNS:create>"_s, 2102, u"keyData"_s);
    row("secDNS keyData inside dsData", Create,
        u"<secDNS:create><secDNS:dsData><secDNS:keyTag>1</secDNS:keyTag><secDNS:alg>8</secDNS:alg><secDNS:digestType>2</secDNS:digestType><secDNS:digest>AB</secDNS:digest>"_s
            + KeyData + u"</secDNS:dsData></secDNS:create>"_s, 2102, u"keyData"_s);
    row("secDNS urgent update", Update, u"<secDNS:update urgent=\"true\"><secDNS:add>"_s + ds(1) + u"</secDNS:add></secDNS:update>"_s, 2102, u"urgent"_s);
    row("secDNS digest not hex", Create, u"<secDNS:create>"_s + ds(1, u"XYZ0"_s) + u"</secDNS:create>"_s, 2005, u"hexadecimal"_s);
    row("secDNS digest of odd length", Create, u"<secDNS:create>"_s + ds(1, u"ABC"_s) + u"</secDNS:create>"_s, 2005, u"hexadecimal"_s);
    row("secDNS keyTag over 65535", Create, u"<secDNS:create>"_s + ds(65536) + u"</secDNS:create>"_s, 2004, u"secDNS:keyTag"_s);
    row("secDNS dsData missing digest", Create, u"<secDNS:create><secDNS:dsData><secDNS:keyTag>1</secDNS:keyTag><secDNS:alg>3</secDNS:alg><secDNS:digestType>1</secDNS:digestType></secDNS:dsData></secDNS:create>"_s, 2003, u"secDNS:digest"_s);
    row("secDNS the same record twice", Create, u"<secDNS:create>"_s + ds(7) + ds(7) + u"</secDNS:create>"_s, 2005, u"twice"_s);
    row("secDNS empty update", Update, u"<secDNS:update/>"_s, 2003, u"secDNS:rem"_s);
    row("secDNS maxSigLife in add", Update, u"<secDNS:update><secDNS:add><secDNS:maxSigLife>1</secDNS:maxSigLife>"_s + ds(1) + u"</secDNS:add></secDNS:update>"_s, 2001, u"secDNS:chg"_s);

    // rgp-1.0 (RFC 3915).
    row("rgp restore request", RestoreUpdate, u"<rgp:update><rgp:restore op=\"request\"/></rgp:update>"_s, 0);
    row("rgp restore report", RestoreUpdate, u"<rgp:update><rgp:restore op=\"report\">"_s + Report + u"</rgp:restore></rgp:update>"_s, 0);
    row("rgp report without report", RestoreUpdate, u"<rgp:update><rgp:restore op=\"report\"/></rgp:update>"_s, 2003, u"rgp:report"_s);
    row("rgp request with a report", RestoreUpdate, u"<rgp:update><rgp:restore op=\"request\">"_s + Report + u"</rgp:restore></rgp:update>"_s, 2001, u"rgp:report"_s);
    row("rgp op bogus", RestoreUpdate, u"<rgp:update><rgp:restore op=\"undo\"/></rgp:update>"_s, 2005, u"undo"_s);
    row("rgp restore without op", RestoreUpdate, u"<rgp:update><rgp:restore/></rgp:update>"_s, 2003, u"op"_s);
    row("rgp report with a bad delTime", RestoreUpdate,
        u"<rgp:update><rgp:restore op=\"report\">"_s + QString(Report).replace(u"2003-07-10T22:00:00.0Z"_s, u"yesterday"_s) + u"</rgp:restore></rgp:update>"_s,
        2005, u"rgp:delTime"_s);
    row("rgp restore combined with changes",
        u"<update><domain:update><domain:name>example.com</domain:name><domain:add><domain:status s=\"clientHold\"/></domain:add></domain:update></update>"_s,
        u"<rgp:update><rgp:restore op=\"request\"/></rgp:update>"_s, 2306, u"restore"_s);

    // fee-1.0 (RFC 8748).
    row("fee check", Check, u"<fee:check><fee:currency>EUR</fee:currency><fee:command name=\"create\"><fee:period unit=\"y\">2</fee:period></fee:command><fee:command name=\"renew\"/><fee:command name=\"restore\"/></fee:check>"_s, 0);
    row("fee check in another currency", Check, u"<fee:check><fee:currency>USD</fee:currency><fee:command name=\"create\"/></fee:check>"_s, 2004, u"USD"_s);
    row("fee check with an unknown command", Check, u"<fee:check><fee:command name=\"steal\"/></fee:check>"_s, 2005, u"steal"_s);
    row("fee check with a phase", Check, u"<fee:check><fee:command name=\"create\" phase=\"sunrise\"/></fee:check>"_s, 2102, u"phase"_s);
    row("fee check without commands", Check, u"<fee:check/>"_s, 2003, u"fee:command"_s);
    row("fee create", Create, u"<fee:create><fee:currency>EUR</fee:currency><fee:fee>10.00</fee:fee></fee:create>"_s, 0);
    row("fee renew", Renew, u"<fee:renew><fee:fee>25</fee:fee></fee:renew>"_s, 0);
    row("fee with three decimals", Create, u"<fee:create><fee:fee>10.005</fee:fee></fee:create>"_s, 2004, u"two decimal"_s);
    row("fee negative", Create, u"<fee:create><fee:fee>-1.00</fee:fee></fee:create>"_s, 2004, u"out of range"_s);
    row("fee not a number", Create, u"<fee:create><fee:fee>ten</fee:fee></fee:create>"_s, 2005, u"decimal"_s);
    row("fee absurdly large", Create, u"<fee:create><fee:fee>999999999999999999999</fee:fee></fee:create>"_s, 2005, u"decimal"_s);
    row("fee create in another currency", Create, u"<fee:create><fee:currency>GBP</fee:currency><fee:fee>10.00</fee:fee></fee:create>"_s, 2004, u"GBP"_s);
    row("fee update without a restore", Update, u"<fee:update><fee:fee>40.00</fee:fee></fee:update>"_s, 2102, u"restore"_s);
    row("fee update with a restore", RestoreUpdate, u"<rgp:update><rgp:restore op=\"request\"/></rgp:update><fee:update><fee:fee>40.00</fee:fee></fee:update>"_s, 0);
    row("fee transfer on approve",
        u"<transfer op=\"approve\"><domain:transfer><domain:name>example.com</domain:name></domain:transfer></transfer>"_s,
        u"<fee:transfer><fee:fee>5.00</fee:fee></fee:transfer>"_s, 2102, u"request"_s);
    row("fee transfer on request",
        u"<transfer op=\"request\"><domain:transfer><domain:name>example.com</domain:name><domain:authInfo><domain:pw>x</domain:pw></domain:authInfo></domain:transfer></transfer>"_s,
        u"<fee:transfer><fee:fee>5.00</fee:fee></fee:transfer>"_s, 0);

    // customFields-1.0 (ours).
    row("cf create", Create, u"<cf:create><cf:field name=\"customer-ref\" value=\"ACME-0042\"/><cf:field name=\"note\" value=\"\"/></cf:create>"_s, 0);
    row("cf update", Update, u"<cf:update><cf:set><cf:field name=\"customer-ref\" value=\"ACME-0043\"/></cf:set><cf:rem><cf:name>reseller</cf:name></cf:rem></cf:update>"_s, 0);
    row("cf field name with a space", Create, u"<cf:create><cf:field name=\"customer ref\" value=\"x\"/></cf:create>"_s, 2005, u"field name"_s);
    row("cf field name of 65 characters", Create, u"<cf:create><cf:field name=\""_s + QString(65, u'n') + u"\" value=\"x\"/></cf:create>"_s, 2005, u"field name"_s);
    row("cf value of 256 characters", Create, u"<cf:create><cf:field name=\"n\" value=\""_s + QString(256, u'v') + u"\"/></cf:create>"_s, 2005, u"255"_s);
    row("cf value with a control character", Create, u"<cf:create><cf:field name=\"n\" value=\"a&#9;b\"/></cf:create>"_s, 2005, u"control"_s);
    row("cf field without value", Create, u"<cf:create><cf:field name=\"n\"/></cf:create>"_s, 2003, u"value"_s);
    row("cf the same name twice", Create, u"<cf:create><cf:field name=\"n\" value=\"1\"/><cf:field name=\"n\" value=\"2\"/></cf:create>"_s, 2005, u"twice"_s);
    row("cf set and removed", Update, u"<cf:update><cf:set><cf:field name=\"n\" value=\"1\"/></cf:set><cf:rem><cf:name>n</cf:name></cf:rem></cf:update>"_s, 2005, u"both"_s);
    row("cf empty update", Update, u"<cf:update/>"_s, 2003, u"cf:set"_s);
    row("cf empty create", Create, u"<cf:create/>"_s, 2003, u"cf:field"_s);
    row("cf unknown element", Create, u"<cf:create><cf:field name=\"n\" value=\"1\"/><cf:extra/></cf:create>"_s, 2001, u"cf:extra"_s);
    row("cf on a contact", u"<delete><contact:delete><contact:id>sh8013</contact:id></contact:delete></delete>"_s,
        u"<cf:update><cf:rem><cf:name>n</cf:name></cf:rem></cf:update>"_s, 2102, u"cf:update"_s);
}

void tst_ExtensionCodecs::extensionsAreAcceptedOrRefused()
{
    QFETCH(QString, body);
    QFETCH(QString, extension);
    QFETCH(int, code);
    QFETCH(QString, mentions);

    const auto parsed = parseCommand(eppCommand(body, extension));
    QVERIFY2(parsed->parseError.isEmpty(), qPrintable(parsed->parseError));
    const std::optional<EppError> error = parseThrough(parsed->command);
    if (code == 0) {
        QVERIFY2(!error, error ? qPrintable(QString::number(int(error->result)) + u' ' + error->message) : "");
        return;
    }
    QVERIFY2(error, "the command was accepted");
    QCOMPARE(int(error->result), code);
    QVERIFY2(error->message.contains(mentions), qPrintable(error->message));
}

void tst_ExtensionCodecs::secDnsCreateAndUpdateValues()
{
    auto create = parseCommand(eppCommand(Create, u"<secDNS:create><secDNS:maxSigLife>604800</secDNS:maxSigLife>"_s + ds(12345, u"49fd46e6c4b45c55d4ac"_s) + ds(2) + u"</secDNS:create>"_s));
    auto routed = routeCommand(create->command);
    QVERIFY(routed);
    auto request = parseDomainCreateCommand(*create->command.object, routed->extensions);
    QVERIFY(request);
    QCOMPARE(request->maxSigLife, std::optional<int>(604800));
    QCOMPARE(request->dsRecords.size(), 2);
    QCOMPARE(request->dsRecords[0].keyTag, 12345);
    QCOMPARE(request->dsRecords[0].algorithm, 3);
    QCOMPARE(request->dsRecords[0].digestType, 1);
    QCOMPARE(request->dsRecords[0].digest, u"49FD46E6C4B45C55D4AC"_s);   // stored upper-case

    auto update = parseCommand(eppCommand(Update, u"<secDNS:update><secDNS:rem>"_s + ds(1) + u"</secDNS:rem><secDNS:add>"_s + ds(2) + u"</secDNS:add></secDNS:update>"_s));
    routed = routeCommand(update->command);
    QVERIFY(routed);
    auto change = parseDomainUpdateCommand(*update->command.object, routed->extensions);
    QVERIFY(change);
    QVERIFY(!change->restore);
    QVERIFY(!change->update.removeAllDs);
    QCOMPARE(change->update.removeDs.size(), 1);
    QCOMPARE(change->update.addDs[0].keyTag, 2);
}

void tst_ExtensionCodecs::restoreRequestAndReportValues()
{
    auto request = parseCommand(eppCommand(RestoreUpdate, u"<rgp:update><rgp:restore op=\"request\"/></rgp:update><fee:update><fee:fee>40.50</fee:fee></fee:update>"_s));
    auto routed = routeCommand(request->command);
    QVERIFY(routed);
    auto parsed = parseDomainUpdateCommand(*request->command.object, routed->extensions);
    QVERIFY(parsed);
    QVERIFY(parsed->restore);
    QCOMPARE(parsed->restore->name, u"example.com"_s);
    QVERIFY(!parsed->restore->report);
    QCOMPARE(parsed->restore->acceptedFeeCents, std::optional<qint64>(4050));

    auto report = parseCommand(eppCommand(RestoreUpdate, u"<rgp:update><rgp:restore op=\"report\">"_s + Report + u"</rgp:restore></rgp:update>"_s));
    routed = routeCommand(report->command);
    QVERIFY(routed);
    parsed = parseDomainUpdateCommand(*report->command.object, routed->extensions);
    QVERIFY(parsed);
    QVERIFY(parsed->restore && parsed->restore->report);
    const srs::RestoreReport &r = *parsed->restore->report;
    QCOMPARE(r.deletedAt, QDateTime(QDate(2003, 7, 10), QTime(22, 0), Qt::UTC));
    QCOMPARE(r.restoredAt, QDateTime(QDate(2003, 7, 20), QTime(22, 0), Qt::UTC));
    QCOMPARE(r.reason, u"Registrant error."_s);
    QCOMPARE(r.statements.size(), 2);
    QCOMPARE(r.other, u"Supporting information goes here."_s);
}

void tst_ExtensionCodecs::feeValues()
{
    auto check = parseCommand(eppCommand(Check, u"<fee:check><fee:command name=\"create\"><fee:period unit=\"m\">36</fee:period></fee:command><fee:command name=\"restore\"/></fee:check>"_s));
    auto routed = routeCommand(check->command);
    QVERIFY(routed);
    auto parsed = parseDomainCheckCommand(*check->command.object, routed->extensions);
    QVERIFY(parsed);
    QCOMPARE(parsed->names.size(), 2);
    QVERIFY(parsed->fee);
    QCOMPARE(parsed->fee->size(), 2);
    QCOMPARE(parsed->fee->at(0).command, FeeCommand::Create);
    QCOMPARE(parsed->fee->at(0).years, std::optional<int>(3));
    QCOMPARE(parsed->fee->at(1).command, FeeCommand::Restore);
    QVERIFY(!parsed->fee->at(1).years);

    // Several fees add up; credits subtract.
    auto renew = parseCommand(eppCommand(Renew, u"<fee:renew><fee:fee description=\"Renewal\">5.5</fee:fee><fee:fee>0.25</fee:fee><fee:credit>-0.75</fee:credit></fee:renew>"_s));
    routed = routeCommand(renew->command);
    QVERIFY(routed);
    auto request = parseDomainRenewCommand(*renew->command.object, routed->extensions);
    QVERIFY(request);
    QCOMPARE(request->acceptedFeeCents, std::optional<qint64>(500));
    QCOMPARE(request->period.years, 5);
}

void tst_ExtensionCodecs::customFieldValues()
{
    auto create = parseCommand(eppCommand(Create, u"<cf:create><cf:field name=\"customer-ref\" value=\" ACME 42 \"/><cf:field name=\"x.y_z\" value=\"Grüße\"/></cf:create>"_s));
    auto routed = routeCommand(create->command);
    QVERIFY(routed);
    auto request = parseDomainCreateCommand(*create->command.object, routed->extensions);
    QVERIFY(request);
    QCOMPARE(request->customFields.size(), 2);
    QCOMPARE(request->customFields[0].name, u"customer-ref"_s);
    QCOMPARE(request->customFields[0].value, u" ACME 42 "_s);   // values are kept as sent
    QCOMPARE(request->customFields[1].value, u"Grüße"_s);

    auto update = parseCommand(eppCommand(Update, u"<cf:update><cf:rem><cf:name>a</cf:name><cf:name>b</cf:name></cf:rem></cf:update>"_s));
    routed = routeCommand(update->command);
    QVERIFY(routed);
    auto change = parseDomainUpdateCommand(*update->command.object, routed->extensions);
    QVERIFY(change);
    QCOMPARE(change->update.removeCustomFields, (QStringList{u"a"_s, u"b"_s}));
    QVERIFY(change->update.setCustomFields.isEmpty());
}

void tst_ExtensionCodecs::refusalsMapToTheirResultCodes_data()
{
    QTest::addColumn<srs::Refusal>("refusal");
    QTest::addColumn<int>("code");
    QTest::newRow("MissingParameter") << srs::Refusal::MissingParameter << 2003;
    QTest::newRow("SyntaxError") << srs::Refusal::SyntaxError << 2005;
    QTest::newRow("RangeError") << srs::Refusal::RangeError << 2004;
    QTest::newRow("PolicyError") << srs::Refusal::PolicyError << 2306;
    QTest::newRow("UnimplementedOption") << srs::Refusal::UnimplementedOption << 2102;
    QTest::newRow("NotFound") << srs::Refusal::NotFound << 2303;
    QTest::newRow("Exists") << srs::Refusal::Exists << 2302;
    QTest::newRow("AuthorizationError") << srs::Refusal::AuthorizationError << 2201;
    QTest::newRow("InvalidAuthInfo") << srs::Refusal::InvalidAuthInfo << 2202;
    QTest::newRow("StatusProhibits") << srs::Refusal::StatusProhibits << 2304;
    QTest::newRow("AssociationProhibits") << srs::Refusal::AssociationProhibits << 2305;
    QTest::newRow("PendingTransfer") << srs::Refusal::PendingTransfer << 2300;
    QTest::newRow("NotPendingTransfer") << srs::Refusal::NotPendingTransfer << 2301;
    QTest::newRow("NotEligibleForRenewal") << srs::Refusal::NotEligibleForRenewal << 2105;
    QTest::newRow("NotEligibleForTransfer") << srs::Refusal::NotEligibleForTransfer << 2106;
    QTest::newRow("BillingFailure") << srs::Refusal::BillingFailure << 2104;
    QTest::newRow("DataManagementPolicy") << srs::Refusal::DataManagementPolicy << 2308;
    QTest::newRow("CommandFailed") << srs::Refusal::CommandFailed << 2400;
}

void tst_ExtensionCodecs::refusalsMapToTheirResultCodes()
{
    QFETCH(srs::Refusal, refusal);
    QFETCH(int, code);
    QCOMPARE(int(eppResultFor(refusal)), code);
    const EppResponseContent response = refusalResponse(srs::SrsError(refusal, u"why"_s));
    QCOMPARE(int(response.result), code);
    QCOMPARE(response.message, u"why"_s);
    QVERIFY(!response.errorValue);
}

void tst_ExtensionCodecs::refusalNamesTheFieldInExtValue()
{
    const EppResponseContent response = refusalResponse(
        srs::SrsError(srs::Refusal::SyntaxError, u"not a host name"_s, u"domain:hostObj"_s, QString(100, u'x')));
    QCOMPARE(response.result, EppResult::ParameterValueSyntaxError);
    QVERIFY(response.errorValue);
    QCOMPARE(response.errorValue->namespaceUri, DomainNamespace.toString());
    QCOMPARE(response.errorValue->elementName, u"hostObj"_s);
    QCOMPARE(response.errorValue->value.size(), 64);
    QCOMPARE(response.errorValue->reason, u"not a host name"_s);
}

void tst_ExtensionCodecs::refusalWithoutAKnownFieldHasNoExtValue()
{
    // A field the mapping cannot place in a namespace (or that is no XML name) gives no extValue
    // rather than invalid XML.
    for (const QString &field : {u"name"_s, u"x:name"_s, u"domain:bad name"_s, u"domain:1abc"_s}) {
        const EppResponseContent response = refusalResponse(srs::SrsError(srs::Refusal::SyntaxError, u"m"_s, field, u"v"_s));
        QVERIFY2(!response.errorValue, qPrintable(field));
    }
}

void tst_ExtensionCodecs::centsAreWrittenAsDecimals()
{
    QCOMPARE(centsToDecimal(0), u"0.00"_s);
    QCOMPARE(centsToDecimal(5), u"0.05"_s);
    QCOMPARE(centsToDecimal(1250), u"12.50"_s);
    QCOMPARE(centsToDecimal(-300), u"-3.00"_s);
    QCOMPARE(centsToDecimal(std::numeric_limits<qint64>::min()), u"-92233720368547758.08"_s);
}

QTEST_GUILESS_MAIN(tst_ExtensionCodecs)
#include "tst_extensioncodecs.moc"
