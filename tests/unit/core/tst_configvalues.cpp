#include "core/configvalues.h"

#include <QTest>

using namespace reg;

class tst_ConfigValues : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesListenAddresses_data();
    void parsesListenAddresses();
    void rejectsBadListenAddresses_data();
    void rejectsBadListenAddresses();
    void parsesDurations_data();
    void parsesDurations();
    void parsesSizesAndBools();
    void refusesOverflow();
};

void tst_ConfigValues::parsesListenAddresses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("address");
    QTest::addColumn<int>("port");
    QTest::newRow("ipv4") << QStringLiteral("127.0.0.1:9443") << QStringLiteral("127.0.0.1") << 9443;
    QTest::newRow("ipv6") << QStringLiteral("[::1]:53") << QStringLiteral("::1") << 53;
    QTest::newRow("ephemeral") << QStringLiteral("127.0.0.1:0") << QStringLiteral("127.0.0.1") << 0;
    QTest::newRow("any") << QStringLiteral(" 0.0.0.0:700 ") << QStringLiteral("0.0.0.0") << 700;
}

void tst_ConfigValues::parsesListenAddresses()
{
    QFETCH(QString, text);
    QFETCH(QString, address);
    QFETCH(int, port);
    Result<ListenAddress> listen = ListenAddress::parse(text);
    QVERIFY2(listen.ok(), listen.ok() ? "" : qPrintable(listen.error().message));
    QCOMPARE(listen->address, QHostAddress(address));
    QCOMPARE(listen->port, quint16(port));
    QCOMPARE(ListenAddress::parse(listen->toString())->port, listen->port);
}

void tst_ConfigValues::rejectsBadListenAddresses_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("no port") << QStringLiteral("127.0.0.1");
    QTest::newRow("port too big") << QStringLiteral("127.0.0.1:65536");
    QTest::newRow("negative port") << QStringLiteral("127.0.0.1:-1");
    QTest::newRow("host name") << QStringLiteral("localhost:9443");
    QTest::newRow("bare ipv6") << QStringLiteral("::1:53");
    QTest::newRow("ipv4 in brackets") << QStringLiteral("[127.0.0.1]:53");
    QTest::newRow("empty") << QString();
    QTest::newRow("junk port") << QStringLiteral("127.0.0.1:80x");
}

void tst_ConfigValues::rejectsBadListenAddresses()
{
    QFETCH(QString, text);
    Result<ListenAddress> listen = ListenAddress::parse(text);
    QVERIFY(!listen.ok());
    QCOMPARE(listen.error().code, ErrorCode::InvalidInput);
    QVERIFY(!listen.error().message.isEmpty());
}

void tst_ConfigValues::parsesDurations_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("seconds");
    QTest::newRow("plain") << QStringLiteral("45") << qint64(45);
    QTest::newRow("seconds") << QStringLiteral("30s") << qint64(30);
    QTest::newRow("minutes") << QStringLiteral("15m") << qint64(900);
    QTest::newRow("hours") << QStringLiteral("8h") << qint64(28800);
    QTest::newRow("days") << QStringLiteral("90d") << qint64(90 * 86400);
    QTest::newRow("upper-case unit") << QStringLiteral("2H") << qint64(7200);
}

void tst_ConfigValues::parsesDurations()
{
    QFETCH(QString, text);
    QFETCH(qint64, seconds);
    Result<qint64> value = ConfigValue::parseDurationSeconds(text, 0, 1000 * 86400);
    QVERIFY(value.ok());
    QCOMPARE(*value, seconds);
}

void tst_ConfigValues::parsesSizesAndBools()
{
    QCOMPARE(*ConfigValue::parseByteSize(QStringLiteral("64K"), 0, 1 << 30), qint64(65536));
    QCOMPARE(*ConfigValue::parseByteSize(QStringLiteral("1M"), 0, 1 << 30), qint64(1 << 20));
    QVERIFY(!ConfigValue::parseByteSize(QStringLiteral("1T"), 0, 1 << 30).ok());
    QVERIFY(!ConfigValue::parseByteSize(QStringLiteral("2G"), 0, 1 << 30).ok());
    QCOMPARE(*ConfigValue::parseBool(QStringLiteral("yes")), true);
    QCOMPARE(*ConfigValue::parseBool(QStringLiteral("Off")), false);
    QVERIFY(!ConfigValue::parseBool(QStringLiteral("maybe")).ok());
    QVERIFY(!ConfigValue::parseInteger(QStringLiteral("12abc"), 0, 100).ok());
    QVERIFY(!ConfigValue::parseInteger(QStringLiteral("101"), 0, 100).ok());
    QVERIFY(!ConfigValue::parseInteger(QStringLiteral("-"), 0, 100).ok());
    QVERIFY(!ConfigValue::parseDurationSeconds(QStringLiteral("5x"), 0, 100).ok());
    QVERIFY(!ConfigValue::parseDurationSeconds(QStringLiteral("m"), 0, 100).ok());
}

void tst_ConfigValues::refusesOverflow()
{
    Result<qint64> value = ConfigValue::parseDurationSeconds(QStringLiteral("99999999999999999w"), 0, std::numeric_limits<qint64>::max());
    QVERIFY(!value.ok());
    QVERIFY(!ConfigValue::parseInteger(QStringLiteral("999999999999999999999999"), 0, std::numeric_limits<qint64>::max()).ok());
}

QTEST_GUILESS_MAIN(tst_ConfigValues)
#include "tst_configvalues.moc"
