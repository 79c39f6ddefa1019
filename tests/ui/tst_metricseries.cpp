#include "monitortestdata.h"

#include "ui/metricseries.h"

#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;
using noc::MetricSeries;
using Metric = noc::MetricSeries::Metric;

namespace {

int gaps(const MetricSeries::Line &line)
{
    int holes = 0;
    bool inHole = false;
    for (double v : line.values) {
        if (std::isnan(v) && !inHole)
            ++holes;
        inHole = std::isnan(v);
    }
    return holes;
}

} // namespace

// MetricSeries from the contract's metrics answer: gaps stay gaps (an unanswered poll is not a
// zero, a silence is not a straight line), live samples extend it, and nonsense is skipped.
class tst_MetricSeries : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsTheSamplesInOrder()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        MetricSeries series;
        QVERIFY(series.setFromJson(monitortest::metrics(now)));
        QCOMPARE(series.samples().size(), 54);   // 60 minus the six of the silence
        for (qsizetype i = 1; i < series.samples().size(); ++i)
            QVERIFY(series.samples().at(i - 1).at < series.samples().at(i).at);
        QCOMPARE(series.typicalSpacingMsecs(), 300000);
        QCOMPARE(series.interfaceIndexes(), (QList<int>{1, 2}));
    }

    void unansweredPollsAndSilencesAreGaps()
    {
        MetricSeries series;
        QVERIFY(series.setFromJson(monitortest::metrics(QDateTime::currentDateTimeUtc())));
        for (Metric m : {Metric::RoundTrip, Metric::CpuLoad, Metric::MemoryUsed}) {
            const MetricSeries::Line line = series.line(m);
            QCOMPARE(line.keys.size(), line.values.size());
            QCOMPARE(gaps(line), 2);   // three unanswered polls, and the half hour of silence
            QVERIFY(line.hasValues());
            for (double v : line.values)
                QVERIFY(std::isnan(v) || v > 0);   // never a zero for "no answer"
            QVERIFY(std::is_sorted(line.keys.cbegin(), line.keys.cend()));
        }
        const MetricSeries::Line in = series.line(Metric::InBitRate, 1);
        QCOMPARE(gaps(in), 2);
        QVERIFY(!series.line(Metric::InBitRate, 9).hasValues());
    }

    void liveSamplesExtendAndMerge()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        MetricSeries series;
        QVERIFY(series.setFromJson(monitortest::metrics(now, 3)));
        const qsizetype before = series.samples().size();
        const MetricSeries::Sample polled = MetricSeries::fromPollEvent(monitortest::poll(u"17"_s, now, true));
        QVERIFY(polled.interfaces.isEmpty());
        series.append(polled);
        QCOMPARE(series.samples().size(), before + 1);
        QCOMPARE(series.samples().last().cpuLoadPercent, std::optional<double>(55));
        // The status read of the same poll adds the interface rates to the same sample.
        MetricSeries::Sample status;
        status.at = now;
        status.reachable = true;
        status.interfaces.insert(1, {7e9, 1e9});
        series.append(status);
        QCOMPARE(series.samples().size(), before + 1);
        QCOMPARE(series.samples().last().cpuLoadPercent, std::optional<double>(55));
        QCOMPARE(series.samples().last().interfaces.value(1).inBps, std::optional<double>(7e9));
        // An older one is dropped.
        series.append(MetricSeries::fromPollEvent(monitortest::poll(u"17"_s, now.addSecs(-3600), true)));
        QCOMPARE(series.samples().size(), before + 1);
        // An unreachable poll is a gap, whatever values it might carry.
        series.append(MetricSeries::fromPollEvent(monitortest::poll(u"17"_s, now.addSecs(300), false)));
        QVERIFY(std::isnan(series.line(Metric::RoundTrip).values.last()));
    }

    void keepsAtMostMaxSamples()
    {
        MetricSeries series;
        const QDateTime start = QDateTime::currentDateTimeUtc();
        for (int i = 0; i < MetricSeries::MaxSamples + 10; ++i) {
            MetricSeries::Sample s;
            s.at = start.addSecs(i);
            s.reachable = true;
            series.append(s);
        }
        QCOMPARE(series.samples().size(), MetricSeries::MaxSamples);
        QCOMPARE(series.samples().first().at, start.addSecs(10));
    }

    void nonsenseIsSkipped()
    {
        MetricSeries series;
        QVERIFY(!series.setFromJson(QJsonObject{{u"samples"_s, 3}}));
        QVERIFY(series.setFromJson(QJsonDocument::fromJson(R"({"samples": [1, {"at": "yesterday"},
            {"at": "2026-11-21T10:00:00Z", "reachable": true, "roundTripMs": -3, "cpuLoadPercent": "high",
             "interfaces": [{"ifIndex": -1, "inBps": 5}, {"ifIndex": 3, "inBps": "x"}]}]})").object()));
        QCOMPARE(series.samples().size(), 1);
        QVERIFY(!series.samples().at(0).roundTripMs);
        QVERIFY(!series.samples().at(0).cpuLoadPercent);
        QVERIFY(series.interfaceIndexes().isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_MetricSeries)
#include "tst_metricseries.moc"
