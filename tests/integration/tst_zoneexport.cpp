#include "common/enginefixture.h"

#include "store/connection.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run runProgram(const QString &program, const QStringList &arguments)
{
    QProcess p;
    p.start(program, arguments);
    Run run;
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        run.err = u"did not finish: "_s + p.errorString();
        return run;
    }
    run.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    run.out = QString::fromUtf8(p.readAllStandardOutput());
    run.err = QString::fromUtf8(p.readAllStandardError());
    return run;
}

Run registryd(const QStringList &arguments)
{
    return runProgram(qEnvironmentVariable("REGISTRYD_BINARY"), arguments);
}

const QStringList kTlds{u"example"_s, u"zone-test"_s};

} // namespace

// `registryd zone export` against a demo registry while the engine runs: every zone it writes must
// pass both BIND's and Knot's zone checkers, and hold exactly the delegations the status rules allow.
class tst_ZoneExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void exportedZonesPassNamedCheckzoneAndKzonecheck_data();
    void exportedZonesPassNamedCheckzoneAndKzonecheck();
    void exportHoldsTheDelegationsTheStatusRulesAllow();
    void exportToStdout();
    void unknownZoneIsAClearUsageError();
    void missingArgumentsAreUsageErrors_data();
    void missingArgumentsAreUsageErrors();

private:
    QString exportZone(const QString &zone);
    testsupport::EngineFixture m_engine;
    QTemporaryDir m_out;
};

void tst_ZoneExport::initTestCase()
{
    QVERIFY2(!qEnvironmentVariable("REGISTRYD_BINARY").isEmpty(), "REGISTRYD_BINARY is not set; run through ctest");
    for (const char *tool : {"named-checkzone", "kzonecheck"})
        QVERIFY2(!QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty(), tool);
    m_engine.setInitArguments({u"--demo"_s, u"--tld"_s, kTlds[0], u"--tld"_s, kTlds[1]});
    QString error;
    QVERIFY2(m_engine.start(&error), qPrintable(error));
    QVERIFY(m_out.isValid());
}

void tst_ZoneExport::cleanupTestCase()
{
    m_engine.stop();
}

QString tst_ZoneExport::exportZone(const QString &zone)
{
    const QString file = m_out.filePath(zone + u".zone"_s);
    const Run run = registryd({u"zone"_s, u"export"_s, u"--data-dir"_s, m_engine.dataDir(), u"--zone"_s, zone, u"--output"_s, file});
    if (run.exitCode != 0) {
        qWarning("zone export failed (%d): %s", run.exitCode, qPrintable(run.err));
        return QString();
    }
    return file;
}

void tst_ZoneExport::exportedZonesPassNamedCheckzoneAndKzonecheck_data()
{
    QTest::addColumn<QString>("zone");
    for (const QString &tld : kTlds)
        QTest::newRow(qPrintable(tld)) << tld;
}

void tst_ZoneExport::exportedZonesPassNamedCheckzoneAndKzonecheck()
{
    QFETCH(QString, zone);
    const QString file = exportZone(zone);
    QVERIFY(!file.isEmpty());

    const Run bind = runProgram(u"named-checkzone"_s, {u"-k"_s, u"fail"_s, u"-n"_s, u"fail"_s, u"-i"_s, u"full"_s, zone, file});
    QVERIFY2(bind.exitCode == 0, qPrintable(bind.out + bind.err));
    QVERIFY2(bind.out.contains(u"OK"_s), qPrintable(bind.out));
    const Run knot = runProgram(u"kzonecheck"_s, {u"-o"_s, zone, file});
    QVERIFY2(knot.exitCode == 0, qPrintable(knot.out + knot.err));

    // The layout: $ORIGIN, $TTL, then the SOA before anything else, then the apex NS.
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QStringList lines;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (!line.isEmpty() && !line.startsWith(';'))
            lines.append(QString::fromUtf8(line));
    }
    QVERIFY(lines.size() > 4);
    QCOMPARE(lines[0], u"$ORIGIN "_s + zone + u'.');
    QVERIFY(lines[1].startsWith(u"$TTL "_s));
    QVERIFY2(lines[2].startsWith(zone + u".\t"_s) && lines[2].contains(u"\tIN\tSOA\t"_s), qPrintable(lines[2]));
    QVERIFY2(lines[3].contains(u"\tIN\tNS\t"_s), qPrintable(lines[3]));
    // named-checkzone read the same serial the export announced in its comment.
    static const QRegularExpression serialComment(u"serial (\\d+)"_s);
    f.seek(0);
    const QRegularExpressionMatch m = serialComment.match(QString::fromUtf8(f.readLine()));
    QVERIFY(m.hasMatch());
    QVERIFY2(bind.out.contains(u"loaded serial "_s + m.captured(1)), qPrintable(bind.out));
}

void tst_ZoneExport::exportHoldsTheDelegationsTheStatusRulesAllow()
{
    // What the registry says, read on its own from the database.
    const QString databaseFile = QDir(m_engine.dataDir()).filePath(u"registry.db"_s);
    auto db = reg::store::Connection::open(QFileInfo::exists(databaseFile) ? databaseFile : QDir(m_engine.dataDir()).filePath(u"data/registry.db"_s),
                                           reg::store::Connection::Mode::ReadOnly);
    QVERIFY2(db.ok(), db.ok() ? "" : qPrintable(db.error().message));
    auto rows = (*db)->queryRows(u"SELECT d.name, d.statuses, (SELECT count(*) FROM domain_hosts h WHERE h.domain_roid = d.roid), "
                                 "(SELECT count(*) FROM domain_ds s WHERE s.domain_roid = d.roid) FROM domains d WHERE d.tld = ?1"_s,
                                 {kTlds[0]});
    QVERIFY(rows.ok());
    QVERIFY(rows->size() > 10);

    const QString file = exportZone(kTlds[0]);
    QVERIFY(!file.isEmpty());
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QSet<QString> delegated;
    QSet<QString> withDs;
    int glue = 0;
    for (const QByteArray &raw : f.readAll().split('\n')) {
        const QStringList fields = QString::fromUtf8(raw).split(u'\t');
        if (fields.size() < 5 || fields[0] == kTlds[0] + u'.')
            continue;
        const QString owner = fields[0].chopped(1);
        if (fields[3] == u"NS")
            delegated.insert(owner);
        else if (fields[3] == u"DS")
            withDs.insert(owner);
        else if (fields[3] == u"A" || fields[3] == u"AAAA")
            ++glue;
    }
    int held = 0;
    for (const QVariantList &row : *rows) {
        const QString name = row[0].toString();
        const QString statuses = row[1].toString();
        const bool out = statuses.contains(u"Hold"_s) || statuses.contains(u"pendingDelete"_s) || statuses.contains(u"pendingCreate"_s)
                         || row[2].toInt() == 0;
        held += out ? 1 : 0;
        QVERIFY2(delegated.contains(name) == !out, qPrintable(name + u" "_s + statuses));
        QVERIFY2(withDs.contains(name) == (!out && row[3].toInt() > 0), qPrintable(name));
    }
    QVERIFY2(held > 0, "the demo data has held domains; the rule must have been exercised");
    QVERIFY2(glue > 0, "the demo data has in-registry name servers; the export must carry their glue");
}

void tst_ZoneExport::exportToStdout()
{
    const Run run = registryd({u"zone"_s, u"export"_s, u"--data-dir"_s, m_engine.dataDir(), u"--zone"_s, kTlds[1]});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(run.out.contains(u"$ORIGIN zone-test.\n"_s));
    QVERIFY(run.out.contains(u"\tIN\tSOA\t"_s));
}

void tst_ZoneExport::unknownZoneIsAClearUsageError()
{
    const QString file = m_out.filePath(u"nothing.zone"_s);
    const Run run = registryd({u"zone"_s, u"export"_s, u"--data-dir"_s, m_engine.dataDir(), u"--zone"_s, u"nosuchtld"_s, u"--output"_s, file});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(u"there is no zone \"nosuchtld\""_s), qPrintable(run.err));
    QVERIFY2(run.err.contains(kTlds[0]) && run.err.contains(kTlds[1]), qPrintable(run.err));   // it names the zones there are
    QVERIFY(!QFileInfo::exists(file));   // nothing written
}

void tst_ZoneExport::missingArgumentsAreUsageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("no zone") << QStringList{u"zone"_s, u"export"_s, u"--data-dir"_s, u"/nonexistent"_s} << 2 << u"--zone"_s;
    QTest::newRow("no data dir") << QStringList{u"zone"_s, u"export"_s, u"--zone"_s, u"example"_s} << 2 << u"--data-dir"_s;
    QTest::newRow("unknown subcommand") << QStringList{u"zone"_s, u"import"_s} << 2 << u"export"_s;
    QTest::newRow("missing data dir") << QStringList{u"zone"_s, u"export"_s, u"--data-dir"_s, u"/nonexistent/registry"_s, u"--zone"_s, u"example"_s}
                                      << 4 << u"does not exist"_s;
}

void tst_ZoneExport::missingArgumentsAreUsageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const Run run = registryd(arguments);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
}

QTEST_GUILESS_MAIN(tst_ZoneExport)
#include "tst_zoneexport.moc"
