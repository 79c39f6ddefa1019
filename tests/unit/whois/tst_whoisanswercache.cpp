#include "whoistestviews.h"

#include "whois/whoisanswercache.h"

#include <QTest>

using reg::directory::DomainView;
using reg::whois::WhoisAnswerCache;

// The per-thread cache of rendered domain answers: the same record is rendered once; a replaced
// record (what the directory does on every committed change) is rendered again, even when the new
// one lands at the old one's address, so an answer is never stale.
class tst_WhoisAnswerCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rendersTheSameRecordOnce();
    void rendersAReplacedRecordAgain();
    void staysCorrectWhenRecordsShareASlot();
    void keepsAHotSetSmallerThanItsSlots();
    void rendersTheFooterOncePerDatabaseTime();
};

namespace {

struct Renderer
{
    int calls = 0;
    QByteArray operator()(const DomainView &view)
    {
        ++calls;
        return view.name.toLatin1() + ' ' + view.roid.toLatin1();
    }
};

std::shared_ptr<const DomainView> record(const QString &name, const QString &roid)
{
    auto view = std::make_shared<DomainView>(whoistest::domain(reg::srs::PrivacyLevel::Private));
    view->name = name;
    view->roid = roid;
    return view;
}

} // namespace

void tst_WhoisAnswerCache::rendersTheSameRecordOnce()
{
    WhoisAnswerCache cache(16);
    Renderer renderer;
    const auto render = [&renderer](const DomainView &v) { return renderer(v); };
    const auto a = record(QStringLiteral("a.tld"), QStringLiteral("D1-REG"));
    QCOMPARE(cache.body(a, render), QByteArray("a.tld D1-REG"));
    QCOMPARE(cache.body(a, render), QByteArray("a.tld D1-REG"));
    QCOMPARE(renderer.calls, 1);
    QCOMPARE(cache.hits(), 1u);
}

void tst_WhoisAnswerCache::rendersAReplacedRecordAgain()
{
    WhoisAnswerCache cache(1);   // one slot: every record maps to it
    Renderer renderer;
    const auto render = [&renderer](const DomainView &v) { return renderer(v); };
    auto old = record(QStringLiteral("a.tld"), QStringLiteral("D1-REG"));
    QCOMPARE(cache.body(old, render), QByteArray("a.tld D1-REG"));
    // The directory drops the record and builds a new one for the changed domain; the allocator
    // may well hand out the same address.
    old.reset();
    const auto changed = record(QStringLiteral("a.tld"), QStringLiteral("D2-REG"));
    QCOMPARE(cache.body(changed, render), QByteArray("a.tld D2-REG"));
    QCOMPARE(renderer.calls, 2);
    // An equal but distinct record is a different record too.
    const auto twin = record(QStringLiteral("a.tld"), QStringLiteral("D2-REG"));
    QCOMPARE(cache.body(twin, render), QByteArray("a.tld D2-REG"));
    QCOMPARE(renderer.calls, 3);
    QCOMPARE(cache.hits(), 0u);
}

void tst_WhoisAnswerCache::staysCorrectWhenRecordsShareASlot()
{
    WhoisAnswerCache cache(2);
    Renderer renderer;
    const auto render = [&renderer](const DomainView &v) { return renderer(v); };
    QList<std::shared_ptr<const DomainView>> records;
    for (int i = 0; i < 20; ++i)
        records.append(record(QStringLiteral("d%1.tld").arg(i), QStringLiteral("D%1-REG").arg(i)));
    for (int round = 0; round < 3; ++round) {
        for (int i = 0; i < records.size(); ++i)
            QCOMPARE(cache.body(records.at(i), render), QStringLiteral("d%1.tld D%1-REG").arg(i).toLatin1());
    }
}

void tst_WhoisAnswerCache::keepsAHotSetSmallerThanItsSlots()
{
    // Records sit at aligned addresses: a slot chosen from the raw address would leave most slots
    // unused and make a hot set far smaller than the cache collide with itself.
    WhoisAnswerCache cache(4096);
    Renderer renderer;
    const auto render = [&renderer](const DomainView &v) { return renderer(v); };
    QList<std::shared_ptr<const DomainView>> records;
    for (int i = 0; i < 1000; ++i)
        records.append(record(QStringLiteral("d%1.tld").arg(i), QStringLiteral("D%1-REG").arg(i)));
    for (int round = 0; round < 2; ++round) {
        for (const auto &r : records)
            cache.body(r, render);
    }
    // 1,000 records in 4,096 slots: about 11 % share a slot with another (birthday bound), so the
    // second round renders at most a few hundred again; the raw address would re-render nearly all.
    QVERIFY2(renderer.calls < 1300, qPrintable(QStringLiteral("%1 renderings").arg(renderer.calls)));
}

void tst_WhoisAnswerCache::rendersTheFooterOncePerDatabaseTime()
{
    WhoisAnswerCache cache(16);
    int calls = 0;
    const QDateTime first = QDateTime::fromMSecsSinceEpoch(1'790'000'000'000, Qt::UTC);
    const auto render = [&calls]() -> QByteArray { ++calls; return "footer " + QByteArray::number(calls); };
    QCOMPARE(cache.footer(first, render), QByteArray("footer 1"));
    QCOMPARE(cache.footer(first, render), QByteArray("footer 1"));
    QCOMPARE(cache.footer(first.addMSecs(1), render), QByteArray("footer 2"));
    QCOMPARE(calls, 2);
}

QTEST_APPLESS_MAIN(tst_WhoisAnswerCache)
#include "tst_whoisanswercache.moc"
