// Tests engine/xrp/eppresult.cpp: the RFC 5730 section 3 code table.
#include "xrp/eppresult.h"

#include <QTest>

using namespace Qt::StringLiterals;
using reg::xrp::EppResult;

class tst_EppResult : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mapsCodesToTheRfcText_data();
    void mapsCodesToTheRfcText();
    void refusesCodesTheRfcDoesNotDefine_data();
    void refusesCodesTheRfcDoesNotDefine();
};

void tst_EppResult::mapsCodesToTheRfcText_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    QTest::addColumn<bool>("success");
    QTest::addColumn<bool>("closes");
    QTest::newRow("1000") << 1000 << u"Command completed successfully"_s << true << false;
    QTest::newRow("1300") << 1300 << u"Command completed successfully; no messages"_s << true << false;
    QTest::newRow("1500") << 1500 << u"Command completed successfully; ending session"_s << true << false;
    QTest::newRow("2000") << 2000 << u"Unknown command"_s << false << false;
    QTest::newRow("2001") << 2001 << u"Command syntax error"_s << false << false;
    QTest::newRow("2104") << 2104 << u"Billing failure"_s << false << false;
    QTest::newRow("2202") << 2202 << u"Invalid authorization information"_s << false << false;
    QTest::newRow("2308") << 2308 << u"Data management policy violation"_s << false << false;
    QTest::newRow("2500") << 2500 << u"Command failed; server closing connection"_s << false << true;
    QTest::newRow("2501") << 2501 << u"Authentication error; server closing connection"_s << false << true;
    QTest::newRow("2502") << 2502 << u"Session limit exceeded; server closing connection"_s << false << true;
}

void tst_EppResult::mapsCodesToTheRfcText()
{
    QFETCH(int, code);
    QFETCH(QString, message);
    QFETCH(bool, success);
    QFETCH(bool, closes);
    const auto result = reg::xrp::eppResultFromCode(code);
    QVERIFY(result);
    QCOMPARE(reg::xrp::eppResultCode(*result), code);
    QCOMPARE(QString(reg::xrp::eppResultMessage(*result)), message);
    QCOMPARE(reg::xrp::isSuccess(*result), success);
    QCOMPARE(reg::xrp::closesSession(*result), closes);
}

void tst_EppResult::refusesCodesTheRfcDoesNotDefine_data()
{
    QTest::addColumn<int>("code");
    QTest::newRow("0") << 0;
    QTest::newRow("999") << 999;
    QTest::newRow("1002") << 1002;
    QTest::newRow("2309") << 2309;
    QTest::newRow("2503") << 2503;
    QTest::newRow("-1") << -1;
}

void tst_EppResult::refusesCodesTheRfcDoesNotDefine()
{
    QFETCH(int, code);
    QVERIFY(!reg::xrp::eppResultFromCode(code));
}

QTEST_GUILESS_MAIN(tst_EppResult)
#include "tst_eppresult.moc"
