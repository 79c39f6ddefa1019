#include "ui/eventlogmodel.h"
#include "ui/languagemanager.h"
#include "ui/overviewpage.h"
#include "ui/servicestatusmodel.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QTest>

using namespace Qt::StringLiterals;
using noc::OverviewPage;

namespace {

QJsonObject statusDocument()
{
    return QJsonObject{
        {u"version"_s, u"0.1.0"_s},
        {u"site"_s, u"site-a"_s},
        {u"startedAt"_s, u"2026-11-21T10:00:00.000Z"_s},
        {u"uptimeSeconds"_s, 90061},
        {u"services"_s, QJsonArray{QJsonObject{{u"name"_s, u"management"_s}, {u"state"_s, u"running"_s}}}},
        {u"journal"_s, QJsonObject{{u"head"_s, 1234}, {u"headHash"_s, u"9f86d081884c7d659a2feaa0c55ad015"_s},
                                   {u"headTime"_s, u"2026-11-21T10:15:00.000Z"_s}}},
    };
}

QString label(const OverviewPage &page, const QString &name)
{
    auto *l = page.findChild<QLabel *>(name);
    return l ? l->text() : u"<missing label>"_s;
}

} // namespace

// The Overview page on its own: what it shows for a status document, for broken documents, for
// stream events, and how it marks data that is no longer live.
class tst_MainWindowOverview : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        // English plural forms ("1 day", "2 days") come from the English catalogue, as in the app.
        QVERIFY(m_languages.applyLanguage(u"en"_s));
    }

    void formatsUptime_data()
    {
        QTest::addColumn<qint64>("seconds");
        QTest::addColumn<QString>("text");
        QTest::newRow("zero") << qint64(0) << u"00:00:00"_s;
        QTest::newRow("negative is clamped") << qint64(-5) << u"00:00:00"_s;
        QTest::newRow("just under a day") << qint64(86399) << u"23:59:59"_s;
        QTest::newRow("one day") << qint64(86400) << u"1 day, 00:00:00"_s;
        QTest::newRow("days hours minutes seconds") << qint64(2 * 86400 + 3 * 3600 + 4 * 60 + 5) << u"2 days, 03:04:05"_s;
    }
    void formatsUptime()
    {
        QFETCH(qint64, seconds);
        QFETCH(QString, text);
        QCOMPARE(OverviewPage::formatUptime(seconds), text);
    }

    void showsStatusDocument()
    {
        OverviewPage page;
        page.applyStatus(statusDocument());
        page.setLive(true);
        QCOMPARE(page.versionText(), u"0.1.0"_s);
        QCOMPARE(label(page, u"siteValue"_s), u"site-a"_s);
        QCOMPARE(page.journalHeadText(), u"#1234"_s);
        QVERIFY(label(page, u"journalHashValue"_s).startsWith(u"9f86d081884c7d65"_s));
        QVERIFY2(page.uptimeText().startsWith(u"1 day, 01:01:0"_s), qPrintable(page.uptimeText()));
        QCOMPARE(page.serviceModel()->rowCount(), 1);
    }

    void brokenStatusShowsUnknownNotGarbage()
    {
        OverviewPage page;
        page.applyStatus(QJsonObject{{u"version"_s, 7}, {u"uptimeSeconds"_s, -50}, {u"services"_s, u"nope"_s},
                                     {u"journal"_s, QJsonObject{{u"head"_s, u"12"_s}}}});
        QCOMPARE(page.versionText(), u"unknown"_s);
        QCOMPARE(label(page, u"siteValue"_s), u"unknown"_s);
        QCOMPARE(page.journalHeadText(), u"—"_s);
        QVERIFY2(page.uptimeText().startsWith(u"00:00:0"_s), qPrintable(page.uptimeText()));
        QCOMPARE(page.serviceModel()->rowCount(), 0);
    }

    void streamEventsMoveJournalHeadAndServices()
    {
        OverviewPage page;
        page.applyStatus(statusDocument());
        page.applyEvent(QJsonObject{{u"type"_s, u"journal"_s}, {u"seq"_s, 1235}, {u"kind"_s, u"user.create"_s},
                                    {u"object"_s, u"alice"_s}, {u"actor"_s, u"admin"_s},
                                    {u"time"_s, u"2026-11-21T10:16:00.000Z"_s}});
        QCOMPARE(page.journalHeadText(), u"#1235"_s);
        // The hash of #1235 was not pushed; showing #1234's would be wrong.
        QCOMPARE(label(page, u"journalHashValue"_s), u"—"_s);
        QCOMPARE(page.eventModel()->rowCount(), 1);

        page.applyEvent(QJsonObject{{u"type"_s, u"heartbeat"_s}, {u"journalHead"_s, 1240}});
        QCOMPARE(page.journalHeadText(), u"#1240"_s);
        QCOMPARE(page.eventModel()->rowCount(), 1);   // heartbeats are not listed

        page.applyEvent(QJsonObject{{u"type"_s, u"journal"_s}, {u"seq"_s, 1239}, {u"kind"_s, u"late.event"_s}});
        QCOMPARE(page.journalHeadText(), u"#1240"_s);   // an older entry never moves the head back

        page.applyEvent(QJsonObject{{u"type"_s, u"service"_s}, {u"name"_s, u"management"_s}, {u"state"_s, u"stopping"_s}});
        QCOMPARE(page.serviceModel()->service(0).state, u"stopping"_s);
    }

    // Regression: the session re-sends the last status document, with its old uptimeSeconds, after
    // every journal or heartbeat event; the uptime shown must keep running, not jump back.
    void uptimeKeepsRunningWhenTheSameDocumentArrivesAgain()
    {
        OverviewPage page;
        QJsonObject document = statusDocument();
        document.insert(u"uptimeSeconds"_s, 100);
        page.applyStatus(document);
        page.setLive(true);
        QTest::qWait(1100);
        page.applyStatus(document);
        QVERIFY2(page.uptimeText().startsWith(u"00:01:4"_s) && page.uptimeText() != u"00:01:40"_s, qPrintable(page.uptimeText()));
        // A genuinely new document (the engine restarted) does take over.
        document.insert(u"startedAt"_s, u"2026-11-22T00:00:00.000Z"_s);
        document.insert(u"uptimeSeconds"_s, 5);
        page.applyStatus(document);
        QVERIFY2(page.uptimeText().startsWith(u"00:00:0"_s), qPrintable(page.uptimeText()));
    }

    void notLiveIsMarkedAndFrozen()
    {
        OverviewPage page;
        page.applyStatus(statusDocument());
        page.setLive(true);
        QVERIFY(page.isLive());
        QVERIFY(label(page, u"freshness"_s).startsWith(u"Live"_s));
        page.setLive(false);
        QVERIFY(!page.isLive());
        QVERIFY2(page.uptimeText().endsWith(u"(last known)"_s), qPrintable(page.uptimeText()));
        QVERIFY(label(page, u"freshness"_s).startsWith(u"Not live"_s));
        page.clear();
        QCOMPARE(page.versionText(), u"—"_s);
        QCOMPARE(page.serviceModel()->rowCount(), 0);
        QCOMPARE(page.eventModel()->rowCount(), 0);
    }

private:
    noc::LanguageManager m_languages;
};

QTEST_MAIN(tst_MainWindowOverview)
#include "tst_mainwindowoverview.moc"
