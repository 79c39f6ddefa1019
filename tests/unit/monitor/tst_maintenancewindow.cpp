// Maintenance windows: validation, recurrence expansion (UTC, no daylight saving), bounded output,
// and the "intervals overlapping [from, to) for a device" query the SLA will ask.
#include "monitor/maintenancewindow.h"

#include <QTest>

using namespace reg::monitor;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kMinute = 60 * 1000;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;

QDateTime utc(int y, int m, int d, int h = 0, int min = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), Qt::UTC);
}

MaintenanceWindow oneOff(const QDateTime &start, qint64 durationMs)
{
    MaintenanceWindow w;
    w.id = 1;
    w.title = u"firmware"_s;
    w.deviceIds = {u"core-r1"_s};
    w.start = start;
    w.end = start.addMSecs(durationMs);
    return w;
}

MaintenanceWindow weekly(const QDateTime &firstStart, qint64 durationMs, QList<int> weekdays)
{
    MaintenanceWindow w = oneOff(firstStart, durationMs);
    w.recurrence = MaintenanceWindow::Recurrence::Weekly;
    w.weekdays = std::move(weekdays);
    return w;
}

using Intervals = QList<std::pair<QDateTime, QDateTime>>;

} // namespace

Q_DECLARE_METATYPE(reg::monitor::MaintenanceWindow)

class tst_MaintenanceWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validation_data();
    void validation();
    void oneOffOverlap();
    void dailyRepeatsAtTheSameUtcTime();
    void weeklyAcrossMidnight();
    void untilDateEndsTheSeries();
    void endedEarlyClipsTheOccurrences();
    void cancelledBeforeItsStartHasNoOccurrence();
    void expansionIsBounded();
    void intervalsForDeviceAndSite();
    void intervalQueryRefusesBadRanges();
    void recurrenceNamesRoundTrip();
};

void tst_MaintenanceWindow::validation_data()
{
    QTest::addColumn<MaintenanceWindow>("window");
    QTest::addColumn<bool>("valid");
    const QDateTime t = utc(2026, 3, 2, 22, 0);
    QTest::newRow("one-off") << oneOff(t, kHour) << true;
    MaintenanceWindow noScope = oneOff(t, kHour);
    noScope.deviceIds.clear();
    QTest::newRow("empty-scope") << noScope << false;
    MaintenanceWindow siteOnly = noScope;
    siteOnly.siteIds = {u"site-a"_s};
    QTest::newRow("site-scope") << siteOnly << true;
    MaintenanceWindow blankId = siteOnly;
    blankId.siteIds = {u" "_s};
    QTest::newRow("blank-scope-id") << blankId << false;
    QTest::newRow("end-before-start") << oneOff(t, -kHour) << false;
    QTest::newRow("end-equals-start") << oneOff(t, 0) << false;
    QTest::newRow("under-a-minute") << oneOff(t, 59 * 1000) << false;
    QTest::newRow("one-minute") << oneOff(t, kMinute) << true;
    QTest::newRow("seven-days") << oneOff(t, 7 * kDay) << true;
    QTest::newRow("over-seven-days") << oneOff(t, 7 * kDay + 1) << false;
    MaintenanceWindow noStart = oneOff(t, kHour);
    noStart.start = QDateTime();
    QTest::newRow("no-start") << noStart << false;
    QTest::newRow("weekly") << weekly(t, kHour, {1, 3}) << true;
    QTest::newRow("weekly-without-days") << weekly(t, kHour, {}) << false;
    QTest::newRow("weekly-day-zero") << weekly(t, kHour, {0}) << false;
    QTest::newRow("weekly-day-eight") << weekly(t, kHour, {8}) << false;
    MaintenanceWindow daily = oneOff(t, kHour);
    daily.recurrence = MaintenanceWindow::Recurrence::Daily;
    QTest::newRow("daily") << daily << true;
    MaintenanceWindow dailyLong = oneOff(t, kDay + kMinute);
    dailyLong.recurrence = MaintenanceWindow::Recurrence::Daily;
    QTest::newRow("daily-longer-than-a-day") << dailyLong << false;
    MaintenanceWindow dailyWithDays = daily;
    dailyWithDays.weekdays = {1};
    QTest::newRow("daily-with-weekdays") << dailyWithDays << false;
    MaintenanceWindow oneOffUntil = oneOff(t, kHour);
    oneOffUntil.until = QDate(2026, 4, 1);
    QTest::newRow("one-off-with-until") << oneOffUntil << false;
    MaintenanceWindow untilBefore = daily;
    untilBefore.until = QDate(2026, 3, 1);
    QTest::newRow("until-before-start") << untilBefore << false;
    MaintenanceWindow longTitle = oneOff(t, kHour);
    longTitle.title = QString(201, u'x');
    QTest::newRow("title-too-long") << longTitle << false;
}

void tst_MaintenanceWindow::validation()
{
    QFETCH(MaintenanceWindow, window);
    QFETCH(bool, valid);
    const reg::Result<void> r = window.validate();
    QVERIFY2(r.ok() == valid, r.ok() ? "accepted" : qPrintable(r.error().message));
    if (!valid)
        QCOMPARE(r.error().code, reg::ErrorCode::InvalidInput);
}

void tst_MaintenanceWindow::oneOffOverlap()
{
    const MaintenanceWindow w = oneOff(utc(2026, 3, 2, 22, 0), 2 * kHour);
    QCOMPARE(w.occurrences(utc(2026, 3, 2), utc(2026, 3, 3)), (Intervals{{w.start, w.end}}));
    QVERIFY(w.occurrences(w.end, w.end.addMSecs(kHour)).isEmpty());                 // [from, to): touching is not overlapping
    QVERIFY(w.occurrences(w.start.addMSecs(-kHour), w.start).isEmpty());
    QVERIFY(w.activeAt(w.start));
    QVERIFY(!w.activeAt(w.end));
    QCOMPARE(w.lastEnd(), w.end);
}

void tst_MaintenanceWindow::dailyRepeatsAtTheSameUtcTime()
{
    MaintenanceWindow w = oneOff(utc(2026, 3, 1, 2, 0), 30 * kMinute);
    w.recurrence = MaintenanceWindow::Recurrence::Daily;
    // Across the European (29 March) and US (8 March) daylight-saving changes: still 02:00 UTC.
    const Intervals got = w.occurrences(utc(2026, 3, 28), utc(2026, 3, 31));
    QCOMPARE(got, (Intervals{{utc(2026, 3, 28, 2, 0), utc(2026, 3, 28, 2, 30)},
                             {utc(2026, 3, 29, 2, 0), utc(2026, 3, 29, 2, 30)},
                             {utc(2026, 3, 30, 2, 0), utc(2026, 3, 30, 2, 30)}}));
    QVERIFY(w.occurrences(utc(2026, 2, 1), utc(2026, 3, 1, 2, 0)).isEmpty());   // nothing before the first
    QCOMPARE(w.lastEnd(), std::nullopt);
}

void tst_MaintenanceWindow::weeklyAcrossMidnight()
{
    // Saturdays and Sundays 23:00 to 01:00: the Sunday occurrence runs into Monday.
    const MaintenanceWindow w = weekly(utc(2026, 3, 7, 23, 0), 2 * kHour, {6, 7});
    const Intervals got = w.occurrences(utc(2026, 3, 9, 0, 0), utc(2026, 3, 15, 0, 30));
    QCOMPARE(got, (Intervals{{utc(2026, 3, 8, 23, 0), utc(2026, 3, 9, 1, 0)},
                             {utc(2026, 3, 14, 23, 0), utc(2026, 3, 15, 1, 0)}}));
    QVERIFY(w.activeAt(utc(2026, 3, 9, 0, 59)));
    QVERIFY(!w.activeAt(utc(2026, 3, 9, 1, 0)));
    QVERIFY(!w.activeAt(utc(2026, 3, 10, 0, 30)));   // Monday night is not in it
    QVERIFY(w.activeAt(utc(2026, 8, 2, 0, 30)));     // a Sunday morning in summer: Saturday's occurrence
}

void tst_MaintenanceWindow::untilDateEndsTheSeries()
{
    MaintenanceWindow w = weekly(utc(2026, 3, 2, 22, 0), kHour, {1});
    w.until = QDate(2026, 3, 16);
    QVERIFY(w.validate().ok());
    const Intervals got = w.occurrences(utc(2026, 1, 1), utc(2026, 12, 31));
    QCOMPARE(got.size(), 3);
    QCOMPARE(got.last().first, utc(2026, 3, 16, 22, 0));
    QCOMPARE(w.lastEnd(), utc(2026, 3, 16, 23, 0));
}

void tst_MaintenanceWindow::endedEarlyClipsTheOccurrences()
{
    MaintenanceWindow daily = oneOff(utc(2026, 3, 2, 22, 0), 2 * kHour);
    daily.recurrence = MaintenanceWindow::Recurrence::Daily;
    QCOMPARE(daily.lastEnd(), std::nullopt);
    daily.endedAt = utc(2026, 3, 4, 23, 0);   // during the third night's occurrence
    QVERIFY(daily.validate().ok());
    const Intervals got = daily.occurrences(utc(2026, 3, 1), utc(2026, 3, 31));
    QCOMPARE(got.size(), 3);
    QCOMPARE(got.last(), std::pair(utc(2026, 3, 4, 22, 0), utc(2026, 3, 4, 23, 0)));
    QVERIFY(daily.activeAt(utc(2026, 3, 4, 22, 59)));
    QVERIFY(!daily.activeAt(utc(2026, 3, 4, 23, 0)));
    QVERIFY(!daily.activeAt(utc(2026, 3, 5, 22, 30)));   // no later night
    QCOMPARE(daily.lastEnd(), utc(2026, 3, 4, 23, 0));

    MaintenanceWindow later = oneOff(utc(2026, 3, 2, 22, 0), kHour);
    later.endedAt = utc(2026, 3, 3, 0, 0);   // ended after its planned end: changes nothing
    QCOMPARE(later.lastEnd(), utc(2026, 3, 2, 23, 0));
    QCOMPARE(later.occurrences(utc(2026, 3, 1), utc(2026, 3, 31)), (Intervals{{utc(2026, 3, 2, 22, 0), utc(2026, 3, 2, 23, 0)}}));

    MaintenanceWindow invalid = later;
    invalid.endedAt = QDateTime();
    QVERIFY(!invalid.validate().ok());
}

void tst_MaintenanceWindow::cancelledBeforeItsStartHasNoOccurrence()
{
    MaintenanceWindow w = weekly(utc(2026, 3, 2, 22, 0), kHour, {1, 3});
    w.endedAt = utc(2026, 3, 1, 9, 0);
    QVERIFY(w.occurrences(utc(2026, 1, 1), utc(2026, 12, 31)).isEmpty());
    QVERIFY(!w.activeAt(utc(2026, 3, 2, 22, 30)));
    QCOMPARE(w.lastEnd(), utc(2026, 3, 1, 9, 0));
    auto intervals = maintenanceIntervals({w}, u"core-r1"_s, {}, utc(2026, 3, 1), utc(2026, 4, 1));
    QVERIFY(intervals.ok());
    QVERIFY(intervals->isEmpty());
}

void tst_MaintenanceWindow::expansionIsBounded()
{
    MaintenanceWindow w = oneOff(utc(2000, 1, 1, 1, 0), kMinute);
    w.recurrence = MaintenanceWindow::Recurrence::Daily;
    QCOMPARE(w.occurrences(utc(2000, 1, 1), utc(9000, 1, 1)).size(), MaintenanceWindow::kMaxExpansion);
    QCOMPARE(w.occurrences(utc(2000, 1, 1), utc(2001, 1, 1), 10).size(), 10);
    const MaintenanceWindow sparse = weekly(utc(2000, 1, 3, 1, 0), kMinute, {1});
    QCOMPARE(sparse.occurrences(utc(2000, 1, 1), utc(9000, 1, 1), 5).size(), 5);   // and the walk stops too
    QVERIFY(w.occurrences(utc(2001, 1, 1), utc(2000, 1, 1)).isEmpty());
}

void tst_MaintenanceWindow::intervalsForDeviceAndSite()
{
    MaintenanceWindow device = oneOff(utc(2026, 3, 3, 10, 0), kHour);
    device.id = 7;
    MaintenanceWindow site = weekly(utc(2026, 3, 2, 22, 0), kHour, {1, 3});
    site.id = 3;
    site.deviceIds.clear();
    site.siteIds = {u"site-a"_s};
    MaintenanceWindow elsewhere = oneOff(utc(2026, 3, 3, 9, 0), kHour);
    elsewhere.id = 9;
    elsewhere.deviceIds = {u"ns-2"_s};
    const QList<MaintenanceWindow> windows{device, site, elsewhere};

    auto got = maintenanceIntervals(windows, u"core-r1"_s, u"site-a"_s, utc(2026, 3, 2), utc(2026, 3, 5));
    QVERIFY(got.ok());
    QCOMPARE(*got, (QList<MaintenanceInterval>{
                       {3, u"firmware"_s, utc(2026, 3, 2, 22, 0), utc(2026, 3, 2, 23, 0)},
                       {7, u"firmware"_s, utc(2026, 3, 3, 10, 0), utc(2026, 3, 3, 11, 0)},
                       {3, u"firmware"_s, utc(2026, 3, 4, 22, 0), utc(2026, 3, 4, 23, 0)},
                   }));
    got = maintenanceIntervals(windows, u"core-r1"_s, u"site-b"_s, utc(2026, 3, 2), utc(2026, 3, 5));
    QCOMPARE(got->size(), 1);   // at another site only its own window applies
}

void tst_MaintenanceWindow::intervalQueryRefusesBadRanges()
{
    const QList<MaintenanceWindow> windows{oneOff(utc(2026, 3, 3), kHour)};
    QVERIFY(!maintenanceIntervals(windows, u"core-r1"_s, {}, utc(2026, 3, 3), utc(2026, 3, 3)).ok());
    QVERIFY(!maintenanceIntervals(windows, u"core-r1"_s, {}, utc(2026, 3, 3), utc(2026, 3, 2)).ok());
    QVERIFY(!maintenanceIntervals(windows, u"core-r1"_s, {}, utc(2026, 1, 1), utc(2027, 1, 3)).ok());
    QVERIFY(!maintenanceIntervals(windows, u"core-r1"_s, {}, QDateTime(), utc(2027, 1, 3)).ok());
}

void tst_MaintenanceWindow::recurrenceNamesRoundTrip()
{
    for (auto r : {MaintenanceWindow::Recurrence::None, MaintenanceWindow::Recurrence::Daily, MaintenanceWindow::Recurrence::Weekly})
        QCOMPARE(parseRecurrence(recurrenceName(r)), r);
    QCOMPARE(parseRecurrence(u"monthly"_s), std::nullopt);
}

QTEST_GUILESS_MAIN(tst_MaintenanceWindow)
#include "tst_maintenancewindow.moc"
