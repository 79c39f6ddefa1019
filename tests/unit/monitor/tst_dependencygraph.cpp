// The topology behind dependency suppression: which failed device explains an unreachable one,
// with redundant paths, unmonitored devices in between, and mistakes in the configured parents.
#include "monitor/dependencygraph.h"

#include <QSet>
#include <QTest>

using namespace reg::monitor;
using namespace Qt::StringLiterals;

namespace {

std::function<bool(const QString &)> downAre(QSet<QString> down)
{
    return [down = std::move(down)](const QString &device) { return down.contains(device); };
}

// edge-1 and edge-2 behind core; lb behind both edges (a diamond); web behind lb.
DependencyGraph diamond()
{
    DependencyGraph g;
    g.setDevice(u"core"_s, u"site-a"_s);
    g.setDevice(u"edge-1"_s, u"site-a"_s, {u"core"_s});
    g.setDevice(u"edge-2"_s, u"site-a"_s, {u"core"_s});
    g.setDevice(u"lb"_s, u"site-a"_s, {u"edge-1"_s, u"edge-2"_s});
    g.setDevice(u"web"_s, u"site-b"_s, {u"lb"_s});
    return g;
}

} // namespace

class tst_DependencyGraph : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noParentsMeansNoRootCause();
    void namesTheRootNotTheNearestParent();
    void diamondNeedsEveryPathDown();
    void unknownDeviceHasNoRootCause();
    void parentCyclesAreNotTrusted();
    void selfAndDuplicateParentsAreDropped();
};

void tst_DependencyGraph::noParentsMeansNoRootCause()
{
    const DependencyGraph g = diamond();
    QCOMPARE(g.rootCause(u"core"_s, downAre({u"core"_s})), std::nullopt);
    QCOMPARE(g.siteOf(u"web"_s), u"site-b"_s);
    QCOMPARE(g.siteOf(u"nowhere"_s), QString());
}

void tst_DependencyGraph::namesTheRootNotTheNearestParent()
{
    const DependencyGraph g = diamond();
    QCOMPARE(g.rootCause(u"web"_s, downAre({u"core"_s})), u"core"_s);              // nothing in between polled down
    QCOMPARE(g.rootCause(u"web"_s, downAre({u"core"_s, u"lb"_s})), u"core"_s);
    QCOMPARE(g.rootCause(u"web"_s, downAre({u"lb"_s})), u"lb"_s);
    QCOMPARE(g.rootCause(u"web"_s, downAre({})), std::nullopt);
}

void tst_DependencyGraph::diamondNeedsEveryPathDown()
{
    const DependencyGraph g = diamond();
    QCOMPARE(g.rootCause(u"lb"_s, downAre({u"edge-1"_s})), std::nullopt);
    QCOMPARE(g.rootCause(u"web"_s, downAre({u"edge-1"_s})), std::nullopt);
    QCOMPARE(g.rootCause(u"lb"_s, downAre({u"edge-2"_s, u"edge-1"_s})), u"edge-1"_s);   // the lowest id of the roots
    QCOMPARE(g.rootCause(u"web"_s, downAre({u"edge-2"_s, u"edge-1"_s})), u"edge-1"_s);
}

void tst_DependencyGraph::unknownDeviceHasNoRootCause()
{
    DependencyGraph g = diamond();
    QCOMPARE(g.rootCause(u"printer"_s, downAre({u"core"_s})), std::nullopt);
    g.setDevice(u"printer"_s, u"site-a"_s, {u"not-in-inventory"_s});
    // A parent the inventory does not know is taken at its word: down only if found down.
    QCOMPARE(g.rootCause(u"printer"_s, downAre({})), std::nullopt);
    QCOMPARE(g.rootCause(u"printer"_s, downAre({u"not-in-inventory"_s})), u"not-in-inventory"_s);
}

void tst_DependencyGraph::parentCyclesAreNotTrusted()
{
    DependencyGraph g;
    g.setDevice(u"a"_s, u"s"_s, {u"b"_s});
    g.setDevice(u"b"_s, u"s"_s, {u"a"_s});
    g.setDevice(u"c"_s, u"s"_s, {u"a"_s});
    QCOMPARE(g.rootCause(u"c"_s, downAre({})), std::nullopt);
    QCOMPARE(g.rootCause(u"c"_s, downAre({u"a"_s, u"b"_s})), u"a"_s);   // terminates, names a real failure
}

void tst_DependencyGraph::selfAndDuplicateParentsAreDropped()
{
    DependencyGraph g;
    g.setDevice(u"a"_s, u"s"_s, {u"a"_s, u"r"_s, u"r"_s});
    QCOMPARE(g.parentsOf(u"a"_s), QStringList{u"r"_s});
}

QTEST_GUILESS_MAIN(tst_DependencyGraph)
#include "tst_dependencygraph.moc"
