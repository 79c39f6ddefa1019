#include "dnstransfersupport.h"

#include <QTest>

using namespace testsupport;
using namespace testsupport::dnsxfr;

// Zone transfers from the real registryd, asked for by the real kdig: AXFR with the key `registryd
// init` wrote equals `registryd zone export`; without TSIG, with a wrong key or from an unlisted
// address it is refused; IXFR after a change made over XRP carries just that change. Ordinary
// queries signed with the key get answers kdig and dig verify (RFC 8945 5.3), over UDP and TCP;
// a wrong secret gets NOTAUTH/BADSIG and an unknown key NOTAUTH/BADKEY, without the zone's data.
class tst_DnsTransfer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void axfrWithTheKeyEqualsTheExport();
    void refusals_data();
    void refusals();
    void ixfrAfterAChangeIsJustTheDifference();
    void engineRefusesAnUnsafeKeyFile();
    void signedQueryGetsASignedAnswer_data();
    void signedQueryGetsASignedAnswer();
    void badlySignedQueryGetsNotAuth_data();
    void badlySignedQueryGetsNotAuth();

private:
    QString keySpec(const QString &secret) const { return QStringLiteral("hmac-sha256:registry-xfr:") + secret; }
    xrp::XrpCommandFixture m_fx;
    quint16 m_port = 0;
    QString m_secret;
};

void tst_DnsTransfer::initTestCase()
{
    m_fx.engine.setConfigValue(QStringLiteral("dns"), QStringLiteral("transfer_allowed"), QStringLiteral("127.0.0.1"));
    m_fx.engine.setConfigValue(QStringLiteral("dns"), QStringLiteral("require_tsig"), QStringLiteral("true"));
    const QString why = m_fx.start();
    QVERIFY2(why.isEmpty(), qPrintable(why));
    m_port = m_fx.engine.port(QStringLiteral("dns"));
    QVERIFY2(m_port != 0, "ready.json announces no dns port");
    m_secret = tsigSecret(m_fx.engine.dataDir());
    QVERIFY2(!m_secret.isEmpty(), "registryd init wrote no dns/tsig.key");
}

void tst_DnsTransfer::cleanupTestCase()
{
    m_fx.engine.stop();
}

void tst_DnsTransfer::axfrWithTheKeyEqualsTheExport()
{
    const ToolRun axfr = run(QStringLiteral("kdig"), kdigArguments(m_port, keySpec(m_secret)) << QStringLiteral("example.") << QStringLiteral("AXFR"));
    QVERIFY2(axfr.exitCode == 0 && !axfr.output.contains(QStringLiteral(";; ERROR")), qPrintable(axfr.output));
    QStringList transferred = normalisedRecords(axfr.output);
    QVERIFY2(transferred.size() > 3, qPrintable(axfr.output));
    // AXFR frames the zone with the SOA; the export has it once.
    QVERIFY(transferred.first().contains(QStringLiteral(" soa ")));
    QCOMPARE(transferred.last(), transferred.first());
    transferred.removeLast();

    const QString registryd = qEnvironmentVariable("REGISTRYD_BINARY");
    QVERIFY2(!registryd.isEmpty(), "REGISTRYD_BINARY is not set (run through ctest)");
    QProcess exporter;
    exporter.start(registryd, {QStringLiteral("zone"), QStringLiteral("export"), QStringLiteral("--data-dir"), m_fx.engine.dataDir(),
                               QStringLiteral("--zone"), QStringLiteral("example")});
    QVERIFY(exporter.waitForFinished(60000));
    const QString exportText = QString::fromUtf8(exporter.readAllStandardOutput());
    QVERIFY2(exporter.exitCode() == 0, qPrintable(QString::fromUtf8(exporter.readAllStandardError())));
    QStringList exported = normalisedRecords(exportText);

    transferred.sort();
    exported.sort();
    QCOMPARE(transferred.size(), exported.size());
    QCOMPARE(transferred, exported);
}

void tst_DnsTransfer::refusals_data()
{
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<QString>("expected");
    QTest::newRow("without-tsig") << QStringList{} << QStringLiteral("REFUSED");
    QTest::newRow("wrong-secret") << QStringList{QStringLiteral("-y"), QStringLiteral("hmac-sha256:registry-xfr:") + QString::fromLatin1(QByteArray(32, 'w').toBase64())}
                                  << QStringLiteral("BADSIG");
    QTest::newRow("unknown-key-name") << QStringList{QStringLiteral("-y"), QStringLiteral("other-key")} << QStringLiteral("BADKEY");
    QTest::newRow("unlisted-address") << QStringList{QStringLiteral("-b"), QStringLiteral("127.0.0.2"), QStringLiteral("-y"), QStringLiteral("registry-xfr")}
                                      << QStringLiteral("REFUSED");
}

void tst_DnsTransfer::refusals()
{
    QFETCH(QStringList, extra);
    QFETCH(QString, expected);
    // "-y NAME" rows take the real secret under that name, so only the name (or the address) differs.
    if (extra.size() >= 2 && extra.last() == u"other-key")
        extra.last() = QStringLiteral("hmac-sha256:other-key:") + m_secret;
    if (extra.size() >= 2 && extra.last() == u"registry-xfr")
        extra.last() = keySpec(m_secret);
    const ToolRun axfr = run(QStringLiteral("kdig"), kdigArguments(m_port) << extra << QStringLiteral("example.") << QStringLiteral("AXFR"));
    QVERIFY2(axfr.output.contains(expected), qPrintable(axfr.output));
    // Nothing of the zone leaked.
    QVERIFY2(!axfr.output.contains(QStringLiteral("\tNS\t")), qPrintable(axfr.output));
}

void tst_DnsTransfer::ixfrAfterAChangeIsJustTheDifference()
{
    const std::optional<std::uint32_t> before = soaSerial(m_port, QStringLiteral("example."));
    QVERIFY(before);

    RegistryChanges changes(m_fx);
    const QString why = changes.open();
    QVERIFY2(why.isEmpty(), qPrintable(why));
    QCOMPARE(changes.createDomain("xfr-ixfr-one.example"), 1000);
    QTRY_VERIFY_WITH_TIMEOUT(!delegation(m_port, QStringLiteral("xfr-ixfr-one.example.")).isEmpty(), 10000);
    const std::optional<std::uint32_t> after = soaSerial(m_port, QStringLiteral("example."));
    QVERIFY(after && *after != *before);

    const ToolRun ixfr = run(QStringLiteral("kdig"), kdigArguments(m_port, keySpec(m_secret))
                                                         << QStringLiteral("example.") << (QStringLiteral("IXFR=") + QString::number(*before)));
    QVERIFY2(ixfr.exitCode == 0 && !ixfr.output.contains(QStringLiteral(";; ERROR")), qPrintable(ixfr.output));
    const QStringList records = normalisedRecords(ixfr.output);
    // RFC 1995: new SOA, then per version the old SOA, what went, the new SOA, what came; new SOA.
    QStringList soaSerials;
    QStringList others;
    for (const QString &r : records) {
        const QStringList f = r.split(u' ');
        if (f.value(2) == u"soa")
            soaSerials << f.value(5);
        else
            others << r;
    }
    QVERIFY2(soaSerials.size() >= 4 && soaSerials.size() % 2 == 0, qPrintable(ixfr.output));
    QCOMPARE(soaSerials.first(), QString::number(*after));
    QCOMPARE(soaSerials.last(), QString::number(*after));
    QCOMPARE(soaSerials.at(1), QString::number(*before));
    // Only the new delegation: not the whole zone.
    QVERIFY2(!others.isEmpty(), qPrintable(ixfr.output));
    for (const QString &r : others)
        QVERIFY2(r.startsWith(QStringLiteral("xfr-ixfr-one.example. ")), qPrintable(r));
    QVERIFY(others.contains(QStringLiteral("xfr-ixfr-one.example. 172800 ns ns1.transfer-test.net.")));

    // An IXFR from the current serial is the SOA alone.
    const ToolRun current = run(QStringLiteral("kdig"), kdigArguments(m_port, keySpec(m_secret))
                                                            << QStringLiteral("example.") << (QStringLiteral("IXFR=") + QString::number(*after)));
    QCOMPARE(normalisedRecords(current.output).size(), 1);
}

void tst_DnsTransfer::engineRefusesAnUnsafeKeyFile()
{
    EngineFixture engine;
    engine.setInitArguments({});
    QString error;
    QVERIFY2(engine.initialize(&error), qPrintable(error));
    const QString keyFile = engine.dataDir() + QStringLiteral("/dns/tsig.key");
    QVERIFY(QFile::setPermissions(keyFile, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup));
    QVERIFY2(!engine.start(&error), "registryd started with a group-readable TSIG key file");
    QVERIFY2(error.contains(QStringLiteral("tsig.key")) && error.contains(QStringLiteral("0600")), qPrintable(error));
    // The secret is never in the log.
    const QString secret = tsigSecret(engine.dataDir());
    QVERIFY(!secret.isEmpty());
    QVERIFY(!engine.engineLog().contains(secret.toLatin1()));
}

void tst_DnsTransfer::signedQueryGetsASignedAnswer_data()
{
    QTest::addColumn<QString>("tool");
    QTest::addColumn<bool>("tcp");
    QTest::newRow("kdig-udp") << QStringLiteral("kdig") << false;
    QTest::newRow("kdig-tcp") << QStringLiteral("kdig") << true;
    QTest::newRow("dig-udp") << QStringLiteral("dig") << false;
    QTest::newRow("dig-tcp") << QStringLiteral("dig") << true;
}

void tst_DnsTransfer::signedQueryGetsASignedAnswer()
{
    QFETCH(QString, tool);
    QFETCH(bool, tcp);
    QStringList arguments;
    if (tool == u"kdig")
        arguments = kdigArguments(m_port, keySpec(m_secret));
    else
        arguments = {QStringLiteral("@127.0.0.1"), QStringLiteral("-p"), QString::number(m_port), QStringLiteral("+tries=1"),
                     QStringLiteral("+time=5"), QStringLiteral("-y"), keySpec(m_secret)};
    // +norec: dig warns "recursion requested but not available" otherwise, which is not about TSIG.
    arguments << QStringLiteral("+norec");
    if (tcp)
        arguments << QStringLiteral("+tcp");
    arguments << QStringLiteral("example.") << QStringLiteral("SOA");
    const ToolRun query = run(tool, arguments);
    QVERIFY2(query.exitCode == 0, qPrintable(query.output));
    QVERIFY2(query.output.contains(QStringLiteral("status: NOERROR")), qPrintable(query.output));
    QVERIFY2(query.output.contains(QRegularExpression(QStringLiteral("^example\\.\\s+\\d+\\s+IN\\s+SOA\\s"),
                                                      QRegularExpression::MultilineOption)),
             qPrintable(query.output));
    // The answer carries our TSIG record, and the tool checked it: an unsigned or badly signed answer
    // makes kdig warn (";; WARNING: reply verification ...") and dig complain (";; Couldn't verify
    // signature: expected a TSIG", "tsig verify failure").
    QVERIFY2(query.output.contains(QRegularExpression(QStringLiteral("^registry-xfr\\.\\s+0\\s+ANY\\s+TSIG\\s+hmac-sha256\\."),
                                                      QRegularExpression::MultilineOption)),
             qPrintable(query.output));
    for (const char *complaint : {"WARNING", "Couldn't verify", "failure", "expected a TSIG", "BADSIG", "BADKEY", "BADTIME"})
        QVERIFY2(!query.output.contains(QLatin1String(complaint), Qt::CaseInsensitive), qPrintable(query.output));
}

void tst_DnsTransfer::badlySignedQueryGetsNotAuth_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<bool>("tcp");
    QTest::addColumn<QString>("expected");
    const QString wrong = QStringLiteral("hmac-sha256:registry-xfr:") + QString::fromLatin1(QByteArray(32, 'w').toBase64());
    QTest::newRow("wrong-secret-udp") << wrong << false << QStringLiteral("BADSIG");
    QTest::newRow("wrong-secret-tcp") << wrong << true << QStringLiteral("BADSIG");
    QTest::newRow("unknown-key-udp") << QStringLiteral("other-key") << false << QStringLiteral("BADKEY");
    QTest::newRow("unknown-key-tcp") << QStringLiteral("other-key") << true << QStringLiteral("BADKEY");
}

void tst_DnsTransfer::badlySignedQueryGetsNotAuth()
{
    QFETCH(QString, key);
    QFETCH(bool, tcp);
    QFETCH(QString, expected);
    if (key == u"other-key")
        key = QStringLiteral("hmac-sha256:other-key:") + m_secret;   // the real secret under a name the server does not know
    QStringList arguments = kdigArguments(m_port, key);
    if (tcp)
        arguments << QStringLiteral("+tcp");
    arguments << QStringLiteral("example.") << QStringLiteral("SOA");
    const ToolRun query = run(QStringLiteral("kdig"), arguments);
    // kdig shows NOTAUTH with the TSIG error as the status ("status: BADSIG"); the header's NOTAUTH
    // is checked by tst_signedqueryanswerer.
    QVERIFY2(query.output.contains(QStringLiteral("status: ") + expected), qPrintable(query.output));
    QVERIFY2(query.output.contains(QStringLiteral("ANSWER: 0;")), qPrintable(query.output));
    QVERIFY2(query.output.contains(QRegularExpression(QStringLiteral("TSIG\\s+hmac-sha256\\.\\s+\\d+\\s+300\\s+0\\s+\\d+\\s+") + expected)),
             qPrintable(query.output));   // an empty MAC: unsigned (RFC 8945 5.3.2)
    QVERIFY2(!query.output.contains(QStringLiteral("ANSWER SECTION")), qPrintable(query.output));
    QVERIFY2(!query.output.contains(QRegularExpression(QStringLiteral("\\sSOA\\s+\\S+\\.\\s"))), qPrintable(query.output));
}

QTEST_GUILESS_MAIN(tst_DnsTransfer)
#include "tst_dnstransfer.moc"
