#include "ui/layoutsaver.h"

#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QJsonObject positionsOf(const QSignalSpy &spy, qsizetype i)
{
    return spy.at(i).at(0).toJsonObject().value(u"positions"_s).toObject();
}

} // namespace

// LayoutSaver: drags are saved once the map is still, in one request, one save at a time; a
// refused save keeps its positions for the next one without overwriting newer moves.
class tst_LayoutSaver : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void manyMovesBecomeOneSaveAfterTheDebounce()
    {
        noc::LayoutSaver saver;
        saver.setDebounce(80);
        QSignalSpy saves(&saver, &noc::LayoutSaver::saveRequested);
        for (int i = 0; i < 20; ++i)
            saver.add({{u"a-rtr1"_s, QPointF(i, 2 * i)}});
        saver.add({{u"a-fw1"_s, QPointF(10.04, -3.26)}});
        QCOMPARE(saves.size(), 0);   // still moving
        QTRY_COMPARE(saves.size(), 1);
        QTest::qWait(150);
        QCOMPARE(saves.size(), 1);
        const QJsonObject positions = positionsOf(saves, 0);
        QCOMPARE(positions.size(), 2);
        QCOMPARE(positions.value(u"a-rtr1"_s).toObject().value(u"x"_s).toDouble(), 19.0);
        QCOMPARE(positions.value(u"a-rtr1"_s).toObject().value(u"y"_s).toDouble(), 38.0);
        QCOMPARE(positions.value(u"a-fw1"_s).toObject().value(u"y"_s).toDouble(), -3.3);
        QVERIFY(saver.isSaving());
        saver.finished(true);
        QVERIFY(!saver.hasUnsaved());
    }

    void movesDuringASaveGoInTheNextOne()
    {
        noc::LayoutSaver saver;
        saver.setDebounce(20);
        QSignalSpy saves(&saver, &noc::LayoutSaver::saveRequested);
        saver.add({{u"a"_s, QPointF(1, 1)}});
        QTRY_COMPARE(saves.size(), 1);
        saver.add({{u"b"_s, QPointF(2, 2)}});
        QTest::qWait(60);
        QCOMPARE(saves.size(), 1);   // one save at a time
        saver.finished(true);
        QCOMPARE(saves.size(), 2);
        QCOMPARE(positionsOf(saves, 1).keys(), QStringList{u"b"_s});
    }

    void aRefusedSaveIsRetriedWithTheNextMoveKeepingNewerPositions()
    {
        noc::LayoutSaver saver;
        saver.setDebounce(20);
        QSignalSpy saves(&saver, &noc::LayoutSaver::saveRequested);
        saver.add({{u"a"_s, QPointF(1, 1)}, {u"b"_s, QPointF(2, 2)}});
        QTRY_COMPARE(saves.size(), 1);
        saver.add({{u"a"_s, QPointF(5, 5)}});   // moved again while the save was on its way
        saver.finished(false);
        QVERIFY(saver.hasUnsaved());
        QTRY_COMPARE(saves.size(), 2);
        const QJsonObject retry = positionsOf(saves, 1);
        QCOMPARE(retry.size(), 2);
        QCOMPARE(retry.value(u"a"_s).toObject().value(u"x"_s).toDouble(), 5.0);
        QCOMPARE(retry.value(u"b"_s).toObject().value(u"x"_s).toDouble(), 2.0);
    }

    void resetDropsEverything()
    {
        noc::LayoutSaver saver;
        saver.setDebounce(20);
        QSignalSpy saves(&saver, &noc::LayoutSaver::saveRequested);
        saver.add({{u"a"_s, QPointF(1, 1)}});
        saver.reset();
        QTest::qWait(60);
        QCOMPARE(saves.size(), 0);
        QVERIFY(!saver.hasUnsaved());
    }
};

QTEST_GUILESS_MAIN(tst_LayoutSaver)
#include "tst_layoutsaver.moc"
