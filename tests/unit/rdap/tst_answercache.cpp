// The cache of rendered RDAP answers (engine/rdap/answercache.cpp): one rendering per view object,
// the database-update date rewritten on every hit, and never an answer for another or a dead view.
#include "rdap/answercache.h"
#include "rdap/rdapjsonwriter.h"

#include <QTest>

using reg::rdap::AnswerCache;
using reg::rdap::RdapJsonWriter;

namespace {

const QDateTime kT0(QDate(2026, 5, 1), QTime(8, 0), Qt::UTC);

// An answer shaped like the writer's: the update event in the middle, data on both sides.
QByteArray render(const QString &name, const QDateTime &at)
{
    return "{\"ldhName\":\"" + name.toUtf8() + "\",\"events\":[{\"eventAction\":\"last update of RDAP database\",\"eventDate\":\""
           + RdapJsonWriter::rfc3339(at).toLatin1() + "\"}],\"remarks\":\"x\"}";
}

} // namespace

class tst_AnswerCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rendersOncePerViewAndRewritesTheDate();
    void neverServesAnotherOrADeadView();
    void dataLookingLikeTheEventIsNotRewritten();
};

void tst_AnswerCache::rendersOncePerViewAndRewritesTheDate()
{
    AnswerCache cache;
    const auto view = std::make_shared<const QString>(QStringLiteral("a.example"));
    int renders = 0;
    const auto renderer = [&](const QDateTime &at) {
        ++renders;
        return render(*view, at);
    };
    QCOMPARE(cache.answer(view, kT0, renderer), render(*view, kT0));
    const QDateTime later = kT0.addSecs(3725);
    QCOMPARE(cache.answer(view, later, renderer), render(*view, later));
    QCOMPARE(renders, 1);
    QCOMPARE(cache.hits(), quint64(1));
}

void tst_AnswerCache::neverServesAnotherOrADeadView()
{
    AnswerCache cache;
    int renders = 0;
    auto first = std::make_shared<const QString>(QStringLiteral("a.example"));
    (void)cache.answer(first, kT0, [&](const QDateTime &at) { ++renders; return render(*first, at); });
    // The Directory drops the record after a change; the next lookup returns a new object, which
    // may even reuse the address. Either way it is rendered anew.
    first.reset();
    for (int i = 0; i < 50; ++i) {
        auto next = std::make_shared<const QString>(QStringLiteral("changed-%1.example").arg(i));
        const QByteArray answer = cache.answer(next, kT0, [&](const QDateTime &at) { ++renders; return render(*next, at); });
        QCOMPARE(answer, render(*next, kT0));
    }
    QCOMPARE(renders, 51);
    QCOMPARE(cache.hits(), quint64(0));
}

void tst_AnswerCache::dataLookingLikeTheEventIsNotRewritten()
{
    // A custom field holding the event's text is escaped in JSON, so it is not taken for the event.
    AnswerCache cache;
    const auto view = std::make_shared<const QString>(QStringLiteral("b.example"));
    const auto renderer = [&](const QDateTime &at) -> QByteArray {
        return "{\"remarks\":\"\\\"eventAction\\\":\\\"last update of RDAP database\\\",\\\"eventDate\\\":\\\"1999-01-01T00:00:00Z\"," + render(*view, at);
    };
    (void)cache.answer(view, kT0, renderer);
    const QDateTime later = kT0.addDays(1);
    const QByteArray hit = cache.answer(view, later, renderer);
    QCOMPARE(hit, renderer(later));
    QVERIFY(hit.contains("1999-01-01T00:00:00Z"));
}

QTEST_APPLESS_MAIN(tst_AnswerCache)
#include "tst_answercache.moc"
