// xrp-client's command line, option resolution (ready.json, registrar directory, credentials),
// the script format and the output helpers; the network part is in tst_eppclientconnection and
// the end-to-end run in tests/integration/tst_xrpclient.
#include "eppscript.h"
#include "xmlformatting.h"
#include "xrpclientoptions.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace reg;
using namespace reg::xrpclienttool;

namespace {

QStringList argv(const QString &line)
{
    return QStringList{QStringLiteral("xrp-client")} + line.split(u' ', Qt::SkipEmptyParts);
}

void write(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QCOMPARE(f.write(content), content.size());
}

} // namespace

class tst_XrpClientCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesModes_data();
    void parsesModes();
    void refusesBadCommandLines_data();
    void refusesBadCommandLines();
    void parsesCreateDomainAndRenewOptions();
    void parsesTypedContactOptions();
    void parsesTransferDeleteContactAndHostOptions();
    void helpIsAvailable();
    void resolvesDataAndRegistrarDirectories();
    void resolvesUserAndPasswordFileAndWarnsAboutPassword();
    void resolveExplainsMissingPieces_data();
    void resolveExplainsMissingPieces();
    void readsCredentialsFile_data();
    void readsCredentialsFile();
    void splitsScripts_data();
    void splitsScripts();
    void loadsScriptFilesInOrder();
    void masksPasswords();
    void prettyPrintsAndKeepsBrokenXml();
};

void tst_XrpClientCli::parsesModes_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<int>("mode");
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("send") << "--port 7000 send a.xml" << int(XrpClientMode::Send) << QStringList{QStringLiteral("a.xml")};
    QTest::newRow("script-many") << "script a.epp b.epp --keep-going" << int(XrpClientMode::Script)
                                 << QStringList{QStringLiteral("a.epp"), QStringLiteral("b.epp")};
    QTest::newRow("check-many") << "check a.example b.example" << int(XrpClientMode::Check)
                                << QStringList{QStringLiteral("a.example"), QStringLiteral("b.example")};
    QTest::newRow("info") << "info a.example --auth-info x" << int(XrpClientMode::Info) << QStringList{QStringLiteral("a.example")};
    QTest::newRow("poll") << "poll" << int(XrpClientMode::Poll) << QStringList{};
    QTest::newRow("poll-ack") << "poll ack 17" << int(XrpClientMode::PollAck) << QStringList{QStringLiteral("17")};
    QTest::newRow("hello") << "--verbose hello" << int(XrpClientMode::Hello) << QStringList{};
    QTest::newRow("transfer") << "transfer a.example --op query" << int(XrpClientMode::Transfer) << QStringList{QStringLiteral("a.example")};
    QTest::newRow("delete") << "delete a.example" << int(XrpClientMode::Delete) << QStringList{QStringLiteral("a.example")};
    QTest::newRow("create-contact") << "create-contact c9 --name N --email e@example.com --city X --cc DE"
                                    << int(XrpClientMode::CreateContact) << QStringList{QStringLiteral("c9")};
    QTest::newRow("create-host") << "create-host ns1.a.example --addr 192.0.2.1" << int(XrpClientMode::CreateHost)
                                 << QStringList{QStringLiteral("ns1.a.example")};
}

void tst_XrpClientCli::parsesModes()
{
    QFETCH(QString, line);
    QFETCH(int, mode);
    QFETCH(QStringList, arguments);
    Result<XrpClientOptions> o = XrpClientOptions::parse(argv(line));
    QVERIFY2(o, o ? "" : qPrintable(o.error().message));
    QCOMPARE(int(o->mode), mode);
    QCOMPARE(o->arguments, arguments);
}

void tst_XrpClientCli::refusesBadCommandLines_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("complaint");
    QTest::newRow("no-mode") << "--port 7000" << "no mode";
    QTest::newRow("unknown-mode") << "frobnicate" << "unknown mode";
    QTest::newRow("unknown-option") << "--frob hello" << "frob";
    QTest::newRow("send-two-files") << "send a.xml b.xml" << "wrong number";
    QTest::newRow("check-nothing") << "check" << "wrong number";
    QTest::newRow("hello-argument") << "hello x" << "wrong number";
    QTest::newRow("poll-junk") << "poll x y" << "ack MSGID";
    QTest::newRow("port-zero") << "--port 0 hello" << "--port";
    QTest::newRow("port-too-big") << "--port 70000 hello" << "--port";
    QTest::newRow("port-twice") << "--port 1 --port 2 hello" << "more than once";
    QTest::newRow("two-password-sources") << "--credentials c --password-file p poll" << "one way only";
    QTest::newRow("user-with-credentials") << "--credentials c --user u poll" << "--user";
    QTest::newRow("create-without-registrant") << "create-domain a.example" << "--registrant";
    QTest::newRow("registrant-elsewhere") << "check a.example --registrant x" << "create-domain";
    QTest::newRow("bad-contact") << "create-domain a.example --registrant r --contact owner=x" << "--contact";
    QTest::newRow("bad-period") << "create-domain a.example --registrant r --period 0" << "--period";
    QTest::newRow("renew-without-date") << "renew a.example" << "--cur-exp";
    QTest::newRow("renew-bad-date") << "renew a.example --cur-exp 2027-02-30" << "YYYY-MM-DD";
    QTest::newRow("renew-short-date") << "renew a.example --cur-exp 2027-2-3" << "YYYY-MM-DD";
    QTest::newRow("cur-exp-elsewhere") << "info a.example --cur-exp 2027-01-01" << "renew";
    QTest::newRow("keep-going-elsewhere") << "check a.example --keep-going" << "script";
    QTest::newRow("timeout-zero") << "--timeout 0 hello" << "--timeout";
    QTest::newRow("admin-elsewhere") << "info a.example --admin c1" << "create-domain";
    QTest::newRow("transfer-without-op") << "transfer a.example" << "--op";
    QTest::newRow("transfer-unknown-op") << "transfer a.example --op steal" << "--op";
    QTest::newRow("transfer-period-on-approve") << "transfer a.example --op approve --period 1" << "request only";
    QTest::newRow("op-elsewhere") << "delete a.example --op query" << "--op is for transfer";
    QTest::newRow("delete-two-names") << "delete a.example b.example" << "wrong number";
    QTest::newRow("auth-info-on-delete") << "delete a.example --auth-info x" << "--auth-info";
    QTest::newRow("contact-without-email") << "create-contact c9 --name N --city X --cc DE" << "--email";
    QTest::newRow("contact-four-streets") << "create-contact c9 --name N --email e@x.example --city X --cc DE --street a --street b "
                                             "--street c --street d" << "at most 3";
    QTest::newRow("name-elsewhere") << "create-host ns1.a.example --name N" << "create-contact";
    QTest::newRow("addr-elsewhere") << "create-contact c9 --name N --email e@x.example --city X --cc DE --addr 192.0.2.1" << "create-host";
}

void tst_XrpClientCli::refusesBadCommandLines()
{
    QFETCH(QString, line);
    QFETCH(QString, complaint);
    Result<XrpClientOptions> o = XrpClientOptions::parse(argv(line));
    QVERIFY(!o);
    QVERIFY2(o.error().message.contains(complaint), qPrintable(o.error().message));
}

void tst_XrpClientCli::parsesCreateDomainAndRenewOptions()
{
    Result<XrpClientOptions> o = XrpClientOptions::parse(
        argv(QStringLiteral("create-domain new.example --registrant c1 --period 2 --ns ns1.example.net --ns ns2.example.net "
                            "--contact admin=c2 --contact tech=c3 --auth-info s3cret-1")));
    QVERIFY2(o, o ? "" : qPrintable(o.error().message));
    QCOMPARE(o->registrant, QStringLiteral("c1"));
    QCOMPARE(o->periodYears, 2);
    QCOMPARE(o->nameServers, (QStringList{QStringLiteral("ns1.example.net"), QStringLiteral("ns2.example.net")}));
    QCOMPARE(o->contacts, (QStringList{QStringLiteral("admin=c2"), QStringLiteral("tech=c3")}));
    QCOMPARE(o->authInfo, QStringLiteral("s3cret-1"));

    o = XrpClientOptions::parse(argv(QStringLiteral("renew a.example --cur-exp 2027-04-03 --period 3")));
    QVERIFY(o);
    QCOMPARE(o->currentExpiry, QDate(2027, 4, 3));
    QCOMPARE(o->periodYears, 3);
}

void tst_XrpClientCli::parsesTypedContactOptions()
{
    // Regression: create-domain sent no admin/tech contacts, which the registry requires (2306).
    Result<XrpClientOptions> o = XrpClientOptions::parse(
        argv(QStringLiteral("create-domain new.example --registrant c1 --admin c2 --tech c3 --tech c4 --billing c5 --contact admin=c6")));
    QVERIFY2(o, o ? "" : qPrintable(o.error().message));
    QCOMPARE(o->contacts, (QStringList{QStringLiteral("admin=c6"), QStringLiteral("admin=c2"), QStringLiteral("tech=c3"),
                                       QStringLiteral("tech=c4"), QStringLiteral("billing=c5")}));
    QVERIFY(o->authInfo.isEmpty());   // generated by the runner
}

void tst_XrpClientCli::parsesTransferDeleteContactAndHostOptions()
{
    Result<XrpClientOptions> o = XrpClientOptions::parse(argv(QStringLiteral("transfer a.example --op request --auth-info Pw-12345 --period 2")));
    QVERIFY2(o, o ? "" : qPrintable(o.error().message));
    QCOMPARE(int(o->transferOperation), int(xrpclient::TransferOperation::Request));
    QCOMPARE(o->authInfo, QStringLiteral("Pw-12345"));
    QVERIFY(o->periodGiven);
    QCOMPARE(o->periodYears, 2);

    o = XrpClientOptions::parse(argv(QStringLiteral("transfer a.example --op reject")));
    QVERIFY(o);
    QCOMPARE(int(o->transferOperation), int(xrpclient::TransferOperation::Reject));
    QVERIFY(!o->periodGiven);

    o = XrpClientOptions::parse(argv(QStringLiteral("create-contact c9 --name Ann --org Acme --street 1_Road --street Floor_2 --city Berlin "
                                                    "--sp BE --pc 10115 --cc DE --voice +49.3012345 --email ann@example.com")));
    QVERIFY2(o, o ? "" : qPrintable(o.error().message));
    QCOMPARE(o->contactName, QStringLiteral("Ann"));
    QCOMPARE(o->organisation, QStringLiteral("Acme"));
    QCOMPARE(o->street, (QStringList{QStringLiteral("1_Road"), QStringLiteral("Floor_2")}));
    QCOMPARE(o->city, QStringLiteral("Berlin"));
    QCOMPARE(o->stateOrProvince, QStringLiteral("BE"));
    QCOMPARE(o->postalCode, QStringLiteral("10115"));
    QCOMPARE(o->countryCode, QStringLiteral("DE"));
    QCOMPARE(o->voice, QStringLiteral("+49.3012345"));
    QCOMPARE(o->email, QStringLiteral("ann@example.com"));

    o = XrpClientOptions::parse(argv(QStringLiteral("create-host ns1.a.example --addr 192.0.2.1 --addr 2001:db8::1")));
    QVERIFY(o);
    QCOMPARE(o->hostAddresses, (QStringList{QStringLiteral("192.0.2.1"), QStringLiteral("2001:db8::1")}));
}

void tst_XrpClientCli::helpIsAvailable()
{
    Result<XrpClientOptions> o = XrpClientOptions::parse(argv(QStringLiteral("--help")));
    QVERIFY(o);
    QVERIFY(o->showHelp);
    const QString help = XrpClientOptions::helpText();
    for (const char *word : {"send", "script", "check", "info", "create-domain", "renew", "poll", "hello", "--data-dir",
                             "--registrar-dir", "--password-file", "--verbose", "--keep-going", "Exit status"})
        QVERIFY2(help.contains(QLatin1StringView(word)), word);
}

void tst_XrpClientCli::resolvesDataAndRegistrarDirectories()
{
    QTemporaryDir dir;
    write(dir.filePath(QStringLiteral("run/ready.json")),
          R"({"pid":1,"services":{"management":"127.0.0.1:9443","xrp":"0.0.0.0:7123"}})");
    write(dir.filePath(QStringLiteral("registrars/rar-alpha/credentials")), "user=rar-alpha-epp\npassword=Secret 1\n");
    Result<XrpClientOptions> o = XrpClientOptions::parse(
        argv(QStringLiteral("--data-dir %1 --registrar-dir %1/registrars/rar-alpha poll").arg(dir.path())));
    QVERIFY(o);
    Result<ResolvedXrpClientOptions> r = resolve(*o);
    QVERIFY2(r, r ? "" : qPrintable(r.error().message));
    QCOMPARE(r->endpoint.port, quint16(7123));
    QCOMPARE(r->endpoint.host, QStringLiteral("127.0.0.1"));   // the wildcard listen address becomes loopback
    QCOMPARE(r->endpoint.caFile, dir.filePath(QStringLiteral("pki/ca.crt")));
    QCOMPARE(r->endpoint.certificateFile, dir.filePath(QStringLiteral("registrars/rar-alpha/cert.pem")));
    QCOMPARE(r->endpoint.keyFile, dir.filePath(QStringLiteral("registrars/rar-alpha/key.pem")));
    QCOMPARE(r->credentials.user, QStringLiteral("rar-alpha-epp"));
    QCOMPARE(r->credentials.password, QStringLiteral("Secret 1"));
    QVERIFY(r->warnings.isEmpty());

    // Explicit options win over what the directories imply.
    o = XrpClientOptions::parse(argv(QStringLiteral("--data-dir %1 --port 7000 --ca /etc/ca.pem --registrar-dir %1/registrars/rar-alpha "
                                                    "--cert /c.pem poll").arg(dir.path())));
    QVERIFY(o);
    r = resolve(*o);
    QVERIFY(r);
    QCOMPARE(r->endpoint.port, quint16(7000));
    QCOMPARE(r->endpoint.caFile, QStringLiteral("/etc/ca.pem"));
    QCOMPARE(r->endpoint.certificateFile, QStringLiteral("/c.pem"));
}

void tst_XrpClientCli::resolvesUserAndPasswordFileAndWarnsAboutPassword()
{
    QTemporaryDir dir;
    write(dir.filePath(QStringLiteral("pw")), "from-file-1\nignored\n");
    const QString common = QStringLiteral("--port 7000 --ca ca --cert c --key k --user u1 ");
    Result<XrpClientOptions> o = XrpClientOptions::parse(argv(common + QStringLiteral("--password-file ") + dir.filePath(QStringLiteral("pw")) + QStringLiteral(" poll")));
    QVERIFY(o);
    Result<ResolvedXrpClientOptions> r = resolve(*o);
    QVERIFY(r);
    QCOMPARE(r->credentials.user, QStringLiteral("u1"));
    QCOMPARE(r->credentials.password, QStringLiteral("from-file-1"));
    QVERIFY(r->warnings.isEmpty());

    o = XrpClientOptions::parse(argv(common + QStringLiteral("--password visible-1 poll")));
    QVERIFY(o);
    r = resolve(*o);
    QVERIFY(r);
    QCOMPARE(r->credentials.password, QStringLiteral("visible-1"));
    QCOMPARE(r->warnings.size(), 1);
    QVERIFY(r->warnings.constFirst().contains(QStringLiteral("ps")));
    QVERIFY(!r->warnings.constFirst().contains(QStringLiteral("visible-1")));
}

void tst_XrpClientCli::resolveExplainsMissingPieces_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("complaint");
    QTest::newRow("no-port") << "--ca ca --cert c --key k hello" << "no XRP port";
    QTest::newRow("no-ca") << "--port 7 --cert c --key k hello" << "no CA";
    QTest::newRow("no-cert") << "--port 7 --ca ca hello" << "no client certificate";
    QTest::newRow("no-login") << "--port 7 --ca ca --cert c --key k poll" << "no login";
    QTest::newRow("user-without-password") << "--port 7 --ca ca --cert c --key k --user u poll" << "--password-file";
    QTest::newRow("engine-not-running") << "--data-dir /nonexistent-registry --cert c --key k hello" << "registryd running";
}

void tst_XrpClientCli::resolveExplainsMissingPieces()
{
    QFETCH(QString, line);
    QFETCH(QString, complaint);
    Result<XrpClientOptions> o = XrpClientOptions::parse(argv(line));
    QVERIFY2(o, o ? "" : qPrintable(o.error().message));
    Result<ResolvedXrpClientOptions> r = resolve(*o);
    QVERIFY(!r);
    QVERIFY2(r.error().message.contains(complaint), qPrintable(r.error().message));
}

void tst_XrpClientCli::readsCredentialsFile_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");   // empty: an error is expected
    QTest::newRow("plain") << QByteArray("user=u1\npassword=p1\n") << "u1" << "p1";
    QTest::newRow("crlf-comments-unknown-keys") << QByteArray("# demo\r\nregistrar=rar-alpha\r\nuser= u1 \r\n\r\npassword=p = 1 \r\n") << "u1" << "p = 1 ";
    QTest::newRow("no-password") << QByteArray("user=u1\n") << "" << "";
    QTest::newRow("no-user") << QByteArray("password=p1\n") << "" << "";
    QTest::newRow("twice") << QByteArray("user=u1\nuser=u2\npassword=p\n") << "" << "";
    QTest::newRow("not-key-value") << QByteArray("user u1\npassword=p\n") << "" << "";
}

void tst_XrpClientCli::readsCredentialsFile()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, user);
    QFETCH(QString, password);
    Result<xrpclient::RegistrarCredentials> c = xrpclient::RegistrarCredentials::parse(content, QStringLiteral("credentials"));
    if (password.isEmpty()) {
        QVERIFY(!c);
        QVERIFY(c.error().message.startsWith(QStringLiteral("credentials")));
        return;
    }
    QVERIFY2(c, c ? "" : qPrintable(c.error().message));
    QCOMPARE(c->user, user);
    QCOMPARE(c->password, password);
}

void tst_XrpClientCli::splitsScripts_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QList<QByteArray>>("commands");
    QTest::addColumn<QList<int>>("lines");
    QTest::newRow("one") << QByteArray("<epp>a</epp>\n") << QList<QByteArray>{"<epp>a</epp>"} << QList<int>{1};
    QTest::newRow("two") << QByteArray("<epp>a</epp>\n---\n<epp>b</epp>") << QList<QByteArray>{"<epp>a</epp>", "<epp>b</epp>"}
                         << QList<int>{1, 3};
    QTest::newRow("blank-lines-and-spaced-separator") << QByteArray("\n\n<epp>\n a\n</epp>\n  ---  \n\n<epp>b</epp>\n")
                                                      << QList<QByteArray>{"<epp>\n a\n</epp>", "<epp>b</epp>"} << QList<int>{3, 8};
    QTest::newRow("leading-trailing-and-double-separators") << QByteArray("---\n<a/>\n---\n---\n<b/>\n---\n")
                                                            << QList<QByteArray>{"<a/>", "<b/>"} << QList<int>{2, 5};
    QTest::newRow("dashes-inside-a-line-are-content") << QByteArray("<a>---</a>\n<!-- --- -->\n")
                                                      << QList<QByteArray>{"<a>---</a>\n<!-- --- -->"} << QList<int>{1};
    QTest::newRow("empty") << QByteArray("\n---\n \n") << QList<QByteArray>{} << QList<int>{};
}

void tst_XrpClientCli::splitsScripts()
{
    QFETCH(QByteArray, content);
    QFETCH(QList<QByteArray>, commands);
    QFETCH(QList<int>, lines);
    const QList<ScriptCommand> split = EppScript::split(content, QStringLiteral("s.epp"));
    QCOMPARE(split.size(), commands.size());
    for (qsizetype i = 0; i < split.size(); ++i) {
        QCOMPARE(split[i].xml, commands[i]);
        QCOMPARE(split[i].line, lines[i]);
        QCOMPARE(split[i].source, QStringLiteral("s.epp"));
    }
}

void tst_XrpClientCli::loadsScriptFilesInOrder()
{
    QTemporaryDir dir;
    write(dir.filePath(QStringLiteral("1.epp")), "<a/>\n---\n<b/>\n");
    write(dir.filePath(QStringLiteral("2.epp")), "<c/>\n");
    write(dir.filePath(QStringLiteral("empty.epp")), "---\n");
    Result<QList<ScriptCommand>> loaded = EppScript::load({dir.filePath(QStringLiteral("1.epp")), dir.filePath(QStringLiteral("2.epp"))});
    QVERIFY(loaded);
    QCOMPARE(loaded->size(), 3);
    QCOMPARE(loaded->at(2).xml, QByteArray("<c/>"));
    QVERIFY(loaded->at(2).source.endsWith(QStringLiteral("2.epp")));
    QVERIFY(!EppScript::load({dir.filePath(QStringLiteral("empty.epp"))}));
    QVERIFY(!EppScript::load({dir.filePath(QStringLiteral("missing.epp"))}));
}

void tst_XrpClientCli::masksPasswords()
{
    const QByteArray xml = "<epp><command><login><clID>u</clID><pw>s3cret</pw><newPW>n3w</newPW></login></command>"
                           "<domain:authInfo><domain:pw roid=\"C1-REG\">auth-pw</domain:pw></domain:authInfo></epp>";
    const QByteArray masked = maskPasswords(xml);
    QVERIFY(!masked.contains("s3cret"));
    QVERIFY(!masked.contains("n3w<"));
    QVERIFY(!masked.contains("auth-pw"));
    QVERIFY(masked.contains("<clID>u</clID>"));
    QVERIFY(masked.contains("<domain:pw roid=\"C1-REG\">********</domain:pw>"));
}

void tst_XrpClientCli::prettyPrintsAndKeepsBrokenXml()
{
    const QByteArray pretty = prettyXml("<epp><response><result code=\"1000\"><msg>ok</msg></result></response></epp>");
    QVERIFY(pretty.contains("\n    <result code=\"1000\">"));
    // Regression: the default EPP namespace came out as an invented prefix (<n1:epp xmlns:n1=...>).
    const QByteArray namespaced = prettyXml("<epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\"><response><resData>"
                                            "<domain:infData xmlns:domain=\"urn:ietf:params:xml:ns:domain-1.0\"><domain:name>a.example"
                                            "</domain:name></domain:infData></resData></response></epp>");
    QVERIFY2(namespaced.contains("<epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\">"), namespaced.constData());
    QVERIFY2(namespaced.contains("\n  <response>"), namespaced.constData());
    QVERIFY2(namespaced.contains("<domain:infData xmlns:domain=\"urn:ietf:params:xml:ns:domain-1.0\">"), namespaced.constData());
    QVERIFY(!namespaced.contains("n1:"));
    const QByteArray broken = "<epp><response>";
    QCOMPARE(prettyXml(broken), broken);
}

QTEST_GUILESS_MAIN(tst_XrpClientCli)
#include "tst_xrpclientcli.moc"
