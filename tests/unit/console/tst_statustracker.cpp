#include "net/statustracker.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace noc;
using namespace Qt::StringLiterals;

namespace {

QJsonObject service(const QString &name, const QString &state = u"running"_s)
{
    return QJsonObject{{u"name"_s, name}, {u"state"_s, state}, {u"listen"_s, u""_s}, {u"detail"_s, u""_s}};
}

QJsonObject status(int services = 2)
{
    QJsonArray list;
    for (int i = 0; i < services; ++i)
        list.append(service(u"svc%1"_s.arg(i)));
    return QJsonObject{{u"version"_s, u"0.1.0"_s}, {u"site"_s, u"site-a"_s}, {u"services"_s, list},
                       {u"journal"_s, QJsonObject{{u"head"_s, 10}}}};
}

QJsonObject message(const QString &type, QJsonObject fields = {})
{
    fields.insert(u"type"_s, type);
    return fields;
}

} // namespace

class tst_StatusTracker : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void decodesOnlyTypedJsonObjects_data();
    void decodesOnlyTypedJsonObjects();
    void refusesOversizedMessages();
    void refusesMalformedStatusAndKeepsThePicture_data();
    void refusesMalformedStatusAndKeepsThePicture();
    void serviceEventsUpdateOrAddWithinTheCap();
    void journalAndHeartbeatMoveTheHead();
    void helloReplacesThePicture();
};

void tst_StatusTracker::decodesOnlyTypedJsonObjects_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("heartbeat") << QByteArray(R"({"type":"heartbeat","journalHead":3})") << true;
    QTest::newRow("not json") << QByteArray("hello") << false;
    QTest::newRow("array") << QByteArray("[1,2]") << false;
    QTest::newRow("no type") << QByteArray(R"({"seq":1})") << false;
    QTest::newRow("numeric type") << QByteArray(R"({"type":7})") << false;
    QTest::newRow("empty type") << QByteArray(R"({"type":""})") << false;
    QTest::newRow("truncated") << QByteArray(R"({"type":"journal","seq":)") << false;
}

void tst_StatusTracker::decodesOnlyTypedJsonObjects()
{
    QFETCH(QByteArray, message);
    QFETCH(bool, accepted);
    QString error;
    const std::optional<QJsonObject> decoded = StatusTracker::decodeEvent(message, &error);
    QCOMPARE(decoded.has_value(), accepted);
    QCOMPARE(error.isEmpty(), accepted);
}

void tst_StatusTracker::refusesOversizedMessages()
{
    const QByteArray big = R"({"type":"x","pad":")" + QByteArray(StatusTracker::maxMessageBytes, 'a') + R"("})";
    QString error;
    QVERIFY(!StatusTracker::decodeEvent(big, &error));
    QVERIFY2(error.contains(u"limit"_s), qPrintable(error));
}

void tst_StatusTracker::refusesMalformedStatusAndKeepsThePicture_data()
{
    QTest::addColumn<QJsonObject>("bad");
    QJsonObject noServices = status();
    noServices.remove(u"services"_s);
    QJsonObject tooMany = status(StatusTracker::maxServices + 1);
    QJsonObject unnamed = status();
    unnamed.insert(u"services"_s, QJsonArray{QJsonObject{{u"state"_s, u"running"_s}}});
    QJsonObject numericState = status();
    numericState.insert(u"services"_s, QJsonArray{QJsonObject{{u"name"_s, u"x"_s}, {u"state"_s, 3}}});
    QJsonObject longName = status();
    longName.insert(u"services"_s, QJsonArray{service(QString(StatusTracker::maxNameLength + 1, u'n'))});
    QJsonObject noJournal = status();
    noJournal.remove(u"journal"_s);
    QJsonObject numericVersion = status();
    numericVersion.insert(u"version"_s, 1);
    QTest::newRow("no services") << noServices;
    QTest::newRow("too many services") << tooMany;
    QTest::newRow("unnamed service") << unnamed;
    QTest::newRow("numeric state") << numericState;
    QTest::newRow("long service name") << longName;
    QTest::newRow("no journal") << noJournal;
    QTest::newRow("numeric version") << numericVersion;
}

void tst_StatusTracker::refusesMalformedStatusAndKeepsThePicture()
{
    QFETCH(QJsonObject, bad);
    StatusTracker tracker;
    QVERIFY(tracker.setStatus(status()));
    const QJsonObject before = tracker.status();
    QString error;
    QVERIFY(!tracker.setStatus(bad, &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(tracker.status(), before);
}

void tst_StatusTracker::serviceEventsUpdateOrAddWithinTheCap()
{
    StatusTracker tracker;
    QVERIFY(tracker.setStatus(status(2)));
    QVERIFY(tracker.applyEvent(message(u"service"_s, service(u"svc1"_s, u"failed"_s))));
    QJsonArray services = tracker.status().value(u"services"_s).toArray();
    QCOMPARE(services.size(), 2);
    QCOMPARE(services.at(1).toObject().value(u"state"_s).toString(), u"failed"_s);
    QVERIFY(!services.at(1).toObject().contains(u"type"_s));

    QVERIFY(!tracker.applyEvent(message(u"service"_s, QJsonObject{{u"state"_s, u"running"_s}})));
    // A flood of new names stops at the cap instead of growing without bound.
    for (int i = 0; i < 3 * StatusTracker::maxServices; ++i)
        tracker.applyEvent(message(u"service"_s, service(u"flood%1"_s.arg(i))));
    QCOMPARE(tracker.status().value(u"services"_s).toArray().size(), StatusTracker::maxServices);
}

void tst_StatusTracker::journalAndHeartbeatMoveTheHead()
{
    StatusTracker tracker;
    QJsonObject withHash = status();
    withHash.insert(u"journal"_s, QJsonObject{{u"head"_s, 10}, {u"headHash"_s, u"aa"_s}, {u"headTime"_s, u"2026-11-21T09:00:00.000Z"_s}});
    QVERIFY(tracker.setStatus(withHash));
    QVERIFY(tracker.applyEvent(message(u"journal"_s, {{u"seq"_s, 11}, {u"time"_s, u"2026-11-21T10:00:00.000Z"_s}})));
    QCOMPARE(tracker.status().value(u"journal"_s).toObject().value(u"head"_s).toInt(), 11);
    QCOMPARE(tracker.status().value(u"journal"_s).toObject().value(u"headTime"_s).toString(), u"2026-11-21T10:00:00.000Z"_s);
    // Regression: the hash of entry 10 must not be shown as the hash of entry 11; events carry none.
    QVERIFY(!tracker.status().value(u"journal"_s).toObject().contains(u"headHash"_s));
    QVERIFY(!tracker.applyEvent(message(u"heartbeat"_s, {{u"journalHead"_s, 11}})));
    QVERIFY(tracker.applyEvent(message(u"heartbeat"_s, {{u"journalHead"_s, 12}})));
    // A heartbeat says nothing about when entry 12 was written.
    QVERIFY(!tracker.status().value(u"journal"_s).toObject().contains(u"headTime"_s));
    QVERIFY(!tracker.applyEvent(message(u"journal"_s, {{u"seq"_s, u"13"_s}})));
    QVERIFY(!tracker.applyEvent(message(u"journal"_s, {{u"seq"_s, -1}})));
    QVERIFY(!tracker.applyEvent(message(u"unknown"_s)));
    QCOMPARE(tracker.status().value(u"journal"_s).toObject().value(u"head"_s).toInt(), 12);
}

void tst_StatusTracker::helloReplacesThePicture()
{
    StatusTracker tracker;
    QVERIFY(tracker.applyEvent(message(u"hello"_s, {{u"status"_s, status(3)}})));
    QCOMPARE(tracker.status().value(u"services"_s).toArray().size(), 3);
    QVERIFY(!tracker.applyEvent(message(u"hello"_s, {{u"status"_s, u"nonsense"_s}})));
    QCOMPARE(tracker.status().value(u"services"_s).toArray().size(), 3);
}

QTEST_GUILESS_MAIN(tst_StatusTracker)
#include "tst_statustracker.moc"
