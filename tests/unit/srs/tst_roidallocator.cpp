// Unit tests for engine/srs/roidallocator.cpp: ROIDs per kind, counted in roid_counters inside the
// caller's transaction, never reused (RFC 5730 2.8), and the seeder's reserveUpTo.
#include "srs/roidallocator.h"

#include "store/store.h"

#include "core/clock.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using reg::srs::RoidAllocator;
using Kind = reg::srs::RoidAllocator::Kind;

class tst_RoidAllocator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void formatsWithPrefixAndSuffix();
    void countsPerKind();
    void neverReusesANumber();
    void aRolledBackNumberIsHandedOutAgain();
    void reserveUpToOnlyRaises();

private:
    QString next(Kind kind);
    std::unique_ptr<QTemporaryDir> m_dir;
    reg::ManualClock m_clock;
    std::unique_ptr<reg::store::Store> m_store;
};

void tst_RoidAllocator::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto opened = reg::store::Store::open({m_dir->filePath(u"r.db"_s), 256, true}, m_clock);
    QVERIFY(opened.ok());
    m_store = std::move(*opened);
}

void tst_RoidAllocator::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

QString tst_RoidAllocator::next(Kind kind)
{
    QString roid;
    auto receipt = m_store->writer().submitAndWait([&](reg::store::Connection &c) -> reg::Result<std::optional<reg::store::JournalChange>> {
        auto r = RoidAllocator::next(c, kind);
        if (!r)
            return r.error();
        roid = *r;
        return std::optional<reg::store::JournalChange>();
    });
    return receipt ? roid : QString();
}

void tst_RoidAllocator::formatsWithPrefixAndSuffix()
{
    QCOMPARE(RoidAllocator::format(Kind::Domain, 1), u"D000001-REG"_s);
    QCOMPARE(RoidAllocator::format(Kind::Contact, 42), u"C000042-REG"_s);
    QCOMPARE(RoidAllocator::format(Kind::Host, 1234567), u"H1234567-REG"_s);
}

void tst_RoidAllocator::countsPerKind()
{
    QCOMPARE(next(Kind::Domain), u"D000001-REG"_s);
    QCOMPARE(next(Kind::Domain), u"D000002-REG"_s);
    QCOMPARE(next(Kind::Contact), u"C000001-REG"_s);
    QCOMPARE(next(Kind::Host), u"H000001-REG"_s);
    QCOMPARE(next(Kind::Domain), u"D000003-REG"_s);
}

void tst_RoidAllocator::neverReusesANumber()
{
    QSet<QString> seen;
    for (int i = 0; i < 50; ++i) {
        const QString roid = next(Kind::Contact);
        QVERIFY(!roid.isEmpty());
        QVERIFY(!seen.contains(roid));
        seen.insert(roid);
    }
    // Reopening the database continues the count.
    const QString file = m_store->databaseFile();
    m_store.reset();
    auto reopened = reg::store::Store::open({file, 256, false}, m_clock);
    QVERIFY(reopened.ok());
    m_store = std::move(*reopened);
    QCOMPARE(next(Kind::Contact), u"C000051-REG"_s);
}

void tst_RoidAllocator::aRolledBackNumberIsHandedOutAgain()
{
    QCOMPARE(next(Kind::Host), u"H000001-REG"_s);
    // Work that takes a number and then fails rolls the counter back with it: the number is not
    // "used" by anything, so handing it out again is safe.
    auto failed = m_store->writer().submitAndWait([](reg::store::Connection &c) -> reg::Result<std::optional<reg::store::JournalChange>> {
        auto r = RoidAllocator::next(c, Kind::Host);
        if (!r)
            return r.error();
        return reg::Error(reg::ErrorCode::Conflict, u"refused"_s);
    });
    QVERIFY(!failed.ok());
    QCOMPARE(next(Kind::Host), u"H000002-REG"_s);
}

void tst_RoidAllocator::reserveUpToOnlyRaises()
{
    const auto reserve = [&](qint64 n) {
        return m_store->writer()
            .submitAndWait([&](reg::store::Connection &c) -> reg::Result<std::optional<reg::store::JournalChange>> {
                if (auto r = RoidAllocator::reserveUpTo(c, Kind::Domain, n); !r)
                    return r.error();
                return std::optional<reg::store::JournalChange>();
            })
            .ok();
    };
    QVERIFY(reserve(100));
    QCOMPARE(next(Kind::Domain), u"D000101-REG"_s);
    QVERIFY(reserve(5));
    QCOMPARE(next(Kind::Domain), u"D000102-REG"_s);
    QCOMPARE(next(Kind::Contact), u"C000001-REG"_s);
}

QTEST_GUILESS_MAIN(tst_RoidAllocator)
#include "tst_roidallocator.moc"
