// Tests engine/xrp/eppresponsewriter.cpp: responses and greetings are valid against the official
// XSDs and read back through EppXmlReader with the content that went in.
#include "common/eppschemavalidator.h"
#include "xrp/eppresponsewriter.h"
#include "xrp/eppxmlreader.h"

#include <QTest>
#include <QXmlStreamWriter>

using namespace Qt::StringLiterals;
using reg::xrp::EppResponseContent;
using reg::xrp::EppResult;

namespace {

constexpr QStringView Epp = u"urn:ietf:params:xml:ns:epp-1.0";
const QString DomainNs = u"urn:ietf:params:xml:ns:domain-1.0"_s;

EppResponseContent domainCheckResponse()
{
    EppResponseContent content;
    content.clientTransactionId = u"ABC-12345"_s;
    content.serverTransactionId = u"54322-XYZ"_s;
    content.resData = [](QXmlStreamWriter &xml) {
        xml.writeNamespace(DomainNs, u"domain"_s);
        xml.writeStartElement(DomainNs, u"chkData"_s);
        xml.writeStartElement(DomainNs, u"cd"_s);
        xml.writeStartElement(DomainNs, u"name"_s);
        xml.writeAttribute(u"avail"_s, u"1"_s);
        xml.writeCharacters(u"example.com"_s);
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
    };
    return content;
}

} // namespace

class tst_EppResponseWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void writesSchemaValidResponses_data();
    void writesSchemaValidResponses();
    void writesSchemaValidGreeting();
    void responseReadsBackWithItsContent();
    void validatorRejectsAResponseWithoutServerTransactionId();

private:
    EppSchemaValidator m_validator;
    QString m_skipReason;
};

void tst_EppResponseWriter::initTestCase()
{
    m_skipReason = m_validator.prepare();
}

void tst_EppResponseWriter::writesSchemaValidResponses_data()
{
    QTest::addColumn<QByteArray>("xml");

    EppResponseContent logout;
    logout.result = EppResult::SuccessEndingSession;
    logout.serverTransactionId = u"SRV-0001"_s;
    QTest::newRow("1500 without clTRID") << reg::xrp::writeEppResponse(logout);

    QTest::newRow("1000 with domain:chkData") << reg::xrp::writeEppResponse(domainCheckResponse());

    EppResponseContent syntax;
    syntax.result = EppResult::CommandSyntaxError;
    syntax.message = u"line 3, column 7: document type declarations (DOCTYPE)\nare not allowed"_s;
    syntax.serverTransactionId = u"SRV-0002"_s;
    QTest::newRow("2001 with a multi-line message") << reg::xrp::writeEppResponse(syntax);

    EppResponseContent range;
    range.result = EppResult::ParameterValueRangeError;
    range.errorValue = reg::xrp::EppErrorValue{DomainNs, u"period"_s, u"99"_s, u"periods run from 1 to 10 years"_s};
    range.clientTransactionId = u"ABC-1"_s;
    range.serverTransactionId = u"SRV-0003"_s;
    QTest::newRow("2004 with extValue in an object namespace") << reg::xrp::writeEppResponse(range);

    EppResponseContent missing;
    missing.result = EppResult::RequiredParameterMissing;
    missing.errorValue = reg::xrp::EppErrorValue{QString(), u"clID"_s, QString(), u"login needs a client id"_s};
    missing.serverTransactionId = u"SRV-0004"_s;
    QTest::newRow("2003 with extValue in the epp namespace") << reg::xrp::writeEppResponse(missing);

    EppResponseContent poll;
    poll.result = EppResult::SuccessAckToDequeue;
    poll.messageQueue = reg::xrp::EppMessageQueue{5, u"12345"_s, QDateTime(QDate(2026, 11, 21), QTime(7, 0), Qt::UTC),
                                                  u"Transfer requested."_s};
    poll.serverTransactionId = u"SRV-0005"_s;
    QTest::newRow("1301 with msgQ") << reg::xrp::writeEppResponse(poll);

    EppResponseContent escaping;
    escaping.result = EppResult::ObjectDoesNotExist;
    escaping.message = u"no domain <b>&amp;\"x\""_s;
    escaping.clientTransactionId = u"<&>\"'"_s;
    escaping.serverTransactionId = u"SRV-0006"_s;
    QTest::newRow("markup in text is escaped") << reg::xrp::writeEppResponse(escaping);
}

void tst_EppResponseWriter::writesSchemaValidResponses()
{
    if (!m_skipReason.isEmpty())
        QSKIP(qPrintable(m_skipReason));
    QFETCH(QByteArray, xml);
    const QString complaint = m_validator.validate(xml);
    QVERIFY2(complaint.isEmpty(), qPrintable(complaint + u"\n"_s + QString::fromUtf8(xml)));
    QVERIFY(reg::xrp::EppXmlReader().parse(xml).ok());
}

void tst_EppResponseWriter::writesSchemaValidGreeting()
{
    reg::xrp::EppGreetingContent greeting;
    greeting.serverId = u"registryd"_s;
    greeting.serverDate = QDateTime(QDate(2026, 11, 21), QTime(7, 20, 1, 250), Qt::UTC);
    greeting.objectUris = {DomainNs, u"urn:ietf:params:xml:ns:host-1.0"_s, u"urn:ietf:params:xml:ns:contact-1.0"_s};
    greeting.extensionUris = {u"urn:ietf:params:xml:ns:secDNS-1.1"_s, u"urn:ietf:params:xml:ns:rgp-1.0"_s};
    const QByteArray xml = reg::xrp::writeEppGreeting(greeting);

    const auto parsed = reg::xrp::EppXmlReader().parse(xml);
    QVERIFY(parsed.ok());
    const auto *root = parsed->child(Epp, u"greeting");
    QVERIFY(root);
    QCOMPARE(root->child(Epp, u"svDate")->text(), u"2026-11-21T07:20:01.250Z"_s);
    QCOMPARE(root->child(Epp, u"svcMenu")->children(Epp, u"objURI").size(), 3);

    if (!m_skipReason.isEmpty())
        QSKIP(qPrintable(m_skipReason));
    const QString complaint = m_validator.validate(xml);
    QVERIFY2(complaint.isEmpty(), qPrintable(complaint + u"\n"_s + QString::fromUtf8(xml)));
}

void tst_EppResponseWriter::responseReadsBackWithItsContent()
{
    EppResponseContent content = domainCheckResponse();
    content.result = EppResult::ParameterValueRangeError;
    content.message = u"first line\nsecond line"_s;
    content.errorValue = reg::xrp::EppErrorValue{DomainNs, u"period"_s, u"99"_s, u"too\tlong"_s};
    const auto parsed = reg::xrp::EppXmlReader().parse(reg::xrp::writeEppResponse(content));
    QVERIFY(parsed.ok());
    const auto *response = parsed->child(Epp, u"response");
    QVERIFY(response);
    const auto *result = response->child(Epp, u"result");
    QCOMPARE(result->attribute(u"code"), std::optional<QString>(u"2004"_s));
    QCOMPARE(result->child(Epp, u"msg")->text(), u"first line second line"_s);
    const auto *extValue = result->child(Epp, u"extValue");
    QVERIFY(extValue);
    QCOMPARE(extValue->child(Epp, u"value")->child(DomainNs, u"period")->text(), u"99"_s);
    QCOMPARE(extValue->child(Epp, u"reason")->text(), u"too long"_s);
    QVERIFY(response->child(Epp, u"resData")->child(DomainNs, u"chkData"));
    const auto *trId = response->child(Epp, u"trID");
    QCOMPARE(trId->child(Epp, u"clTRID")->text(), u"ABC-12345"_s);
    QCOMPARE(trId->child(Epp, u"svTRID")->text(), u"54322-XYZ"_s);

    content.message.clear();
    const auto standard = reg::xrp::EppXmlReader().parse(reg::xrp::writeEppResponse(content));
    QVERIFY(standard.ok());
    QCOMPARE(standard->child(Epp, u"response")->child(Epp, u"result")->child(Epp, u"msg")->text(),
             u"Parameter value range error"_s);
}

void tst_EppResponseWriter::validatorRejectsAResponseWithoutServerTransactionId()
{
    // Guards the schema check itself: svTRID must be 3 to 64 characters, so this must not validate.
    if (!m_skipReason.isEmpty())
        QSKIP(qPrintable(m_skipReason));
    EppResponseContent content;
    QVERIFY(!m_validator.validate(reg::xrp::writeEppResponse(content)).isEmpty());
}

QTEST_GUILESS_MAIN(tst_EppResponseWriter)
#include "tst_eppresponsewriter.moc"
