#include "dns/tsig.h"

#include <QDateTime>
#include <QFile>
#include <QNetworkDatagram>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

#include <sys/stat.h>

using namespace reg;
using namespace reg::dns;

namespace {

const QByteArray kSecret = QByteArray::fromBase64("c2VjcmV0LWtleS1vZi10aGlydHktdHdvLWJ5dGVzLiE=");   // 32 bytes
const QByteArray kOtherSecret = QByteArray(32, 'x');

TsigKey key(const char *name, const QByteArray &secret, TsigAlgorithm algorithm = TsigAlgorithm::HmacSha256)
{
    return TsigKey{DnsName::fromText(QString::fromLatin1(name)).value().lowered(), algorithm, secret};
}

std::uint64_t now() { return std::uint64_t(QDateTime::currentSecsSinceEpoch()); }

// A query for "example. SOA" with the given id, as a client would send it before signing.
QByteArray query(std::uint16_t id)
{
    QByteArray m;
    m.append(char(id >> 8)).append(char(id & 0xff));
    m.append(QByteArray::fromHex("0000 0001 0000 0000 0000"));
    m.append("\x07" "example" "\x00", 9);
    m.append(QByteArray::fromHex("0006 0001"));
    return m;
}

// Signs a message with a client session; returns the signed bytes and where the TSIG starts.
QByteArray signedBy(TsigSession &session, QByteArray message, std::size_t *tsigOffset = nullptr, std::uint64_t at = now())
{
    const std::size_t size = std::size_t(message.size());
    message.resize(message.size() + qsizetype(session.recordSpace()));
    const std::size_t signedSize = session.sign(reinterpret_cast<std::uint8_t *>(message.data()), size, std::size_t(message.size()), at);
    message.resize(qsizetype(signedSize));
    if (tsigOffset)
        *tsigOffset = size;
    return message;
}

const std::uint8_t *bytes(const QByteArray &b) { return reinterpret_cast<const std::uint8_t *>(b.constData()); }

// The offset of the last additional record of a message whose question is followed by
// uncompressed records only (what kdig and dig send), or 0.
std::size_t lastRecordOffset(const QByteArray &m)
{
    const auto *p = bytes(m);
    std::size_t pos = kHeaderSize;
    pos += WireName::validLength(p + pos, std::size_t(m.size()) - pos) + 4;
    std::size_t last = 0;
    const int records = (p[6] << 8 | p[7]) + (p[8] << 8 | p[9]) + (p[10] << 8 | p[11]);
    for (int i = 0; i < records && pos < std::size_t(m.size()); ++i) {
        last = pos;
        const std::size_t nameLength = WireName::validLength(p + pos, std::size_t(m.size()) - pos);
        if (nameLength == 0)
            return 0;
        pos += nameLength + 8;
        pos += 2 + std::size_t(p[pos] << 8 | p[pos + 1]);
    }
    return pos == std::size_t(m.size()) ? last : 0;
}

// An answer to a query that kdig/dig sent: header and question copied, QR and AA set, nothing else.
QByteArray answerTo(const QByteArray &request)
{
    const auto *p = bytes(request);
    const std::size_t questionEnd = kHeaderSize + WireName::validLength(p + kHeaderSize, std::size_t(request.size()) - kHeaderSize) + 4;
    QByteArray answer = request.left(qsizetype(questionEnd));
    answer[2] = char(quint8(answer[2]) | 0x84);   // QR, AA
    answer[3] = 0;
    for (int i = 6; i < 12; ++i)
        answer[i] = 0;
    return answer;
}

} // namespace

class tst_Tsig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keyringParsesKeyLines();
    void keyringRefusesMalformedLines_data();
    void keyringRefusesMalformedLines();
    void keyringFileMustBePrivate();
    void keyringErrorsNeverShowTheSecret();

    void verifiesOwnSignedRequest();
    void refusesUnknownKeyAlteredByteWrongSecretAndOldTime();
    void refusesMalformedAndTruncatedRecords();
    void signsAnswersThatTheClientAccepts();
    void chainsTheMessagesOfATransfer();
    void errorAnswersAreUnsignedExceptBadTime();

    void acceptsRequestSignedByKdig();
    void kdigAndDigAcceptOurSignedAnswer_data();
    void kdigAndDigAcceptOurSignedAnswer();
};

void tst_Tsig::keyringParsesKeyLines()
{
    const QByteArray text = "# keys for the secondaries\n"
                            "registry-xfr hmac-sha256 " + kSecret.toBase64() + "   # the one init writes\n"
                            "\n"
                            "  Other.Key.  HMAC-SHA512.  " + QByteArray(64, 'k').toBase64() + "\n";
    Result<TsigKeyring> ring = TsigKeyring::parse(text, QStringLiteral("test"));
    QVERIFY2(ring, ring ? "" : qPrintable(ring.error().message));
    QCOMPARE(ring->keys().size(), 2);
    const TsigKey *first = ring->find(DnsName::fromText(u"REGISTRY-XFR").value());
    QVERIFY(first);
    QCOMPARE(first->algorithm, TsigAlgorithm::HmacSha256);
    QCOMPARE(first->secret, kSecret);
    const TsigKey *second = ring->find(DnsName::fromText(u"other.key").value());
    QVERIFY(second);
    QCOMPARE(second->algorithm, TsigAlgorithm::HmacSha512);
    QVERIFY(!ring->find(DnsName::fromText(u"missing").value()));
    // What init writes is what the keyring reads.
    Result<TsigKeyring> again = TsigKeyring::parse(TsigKeyring::formatLine(QStringLiteral("registry-xfr"), TsigAlgorithm::HmacSha256, kSecret), QStringLiteral("t"));
    QVERIFY(again);
    QCOMPARE(again->keys().first().secret, kSecret);
}

void tst_Tsig::keyringRefusesMalformedLines_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("where");
    const QByteArray good = "good hmac-sha256 " + kSecret.toBase64() + "\n";
    QTest::newRow("two-fields") << good + "name hmac-sha256\n" << QStringLiteral("line 2");
    QTest::newRow("four-fields") << good + "name hmac-sha256 " + kSecret.toBase64() + " extra\n" << QStringLiteral("line 2");
    QTest::newRow("unknown-algorithm") << "k hmac-md5 " + kSecret.toBase64() + "\n" << QStringLiteral("line 1");
    QTest::newRow("bad-base64") << good + "\nk hmac-sha256 not*base64\n" << QStringLiteral("line 3");
    QTest::newRow("short-secret") << "k hmac-sha256 " + QByteArray(8, 's').toBase64() + "\n" << QStringLiteral("line 1");
    QTest::newRow("long-label") << QByteArray(64, 'a') + " hmac-sha256 " + kSecret.toBase64() + "\n" << QStringLiteral("line 1");
    QTest::newRow("duplicate") << good + "GOOD. hmac-sha512 " + kSecret.toBase64() + "\n" << QStringLiteral("line 2");
}

void tst_Tsig::keyringRefusesMalformedLines()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, where);
    Result<TsigKeyring> ring = TsigKeyring::parse(text, QStringLiteral("keys"));
    QVERIFY(!ring);
    QVERIFY2(ring.error().message.contains(where), qPrintable(ring.error().message));
}

void tst_Tsig::keyringFileMustBePrivate()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tsig.key"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("registry-xfr hmac-sha256 " + kSecret.toBase64() + "\n");
    file.close();

    QCOMPARE(::chmod(QFile::encodeName(path).constData(), 0640), 0);
    Result<TsigKeyring> groupReadable = TsigKeyring::loadFile(path);
    QVERIFY(!groupReadable);
    QVERIFY2(groupReadable.error().message.contains(QStringLiteral("0600")), qPrintable(groupReadable.error().message));

    QCOMPARE(::chmod(QFile::encodeName(path).constData(), 0604), 0);
    QVERIFY(!TsigKeyring::loadFile(path));

    QCOMPARE(::chmod(QFile::encodeName(path).constData(), 0600), 0);
    Result<TsigKeyring> ok = TsigKeyring::loadFile(path);
    QVERIFY2(ok, ok ? "" : qPrintable(ok.error().message));
    QCOMPARE(ok->keys().size(), 1);

    QVERIFY(!TsigKeyring::loadFile(dir.filePath(QStringLiteral("missing.key"))));
    QVERIFY(!TsigKeyring::loadFile(dir.path()));   // a directory
}

void tst_Tsig::keyringErrorsNeverShowTheSecret()
{
    const QByteArray secret = QByteArray(12, 'p').toBase64();   // too short: refused
    Result<TsigKeyring> ring = TsigKeyring::parse("k hmac-sha256 " + secret + "\n", QStringLiteral("keys"));
    QVERIFY(!ring);
    QVERIFY(!ring.error().message.contains(QString::fromLatin1(secret)));
    Result<TsigKeyring> bad = TsigKeyring::parse("k hmac-sha256 " + secret + "*\n", QStringLiteral("keys"));
    QVERIFY(!bad);
    QVERIFY(!bad.error().message.contains(QString::fromLatin1(secret)));
}

void tst_Tsig::verifiesOwnSignedRequest()
{
    for (TsigAlgorithm algorithm : {TsigAlgorithm::HmacSha256, TsigAlgorithm::HmacSha512}) {
        const TsigKey k = key("registry-xfr", kSecret, algorithm);
        TsigSession client = TsigSession::forClient(k);
        std::size_t offset = 0;
        const QByteArray request = signedBy(client, query(0x1234), &offset);
        QCOMPARE(request.at(11), char(1));   // ARCOUNT raised
        TsigRecord record;
        QVERIFY(parseTsigRecord(bytes(request), std::size_t(request.size()), offset, record));
        QCOMPARE(record.mac.size(), tsigMacLength(algorithm));
        QCOMPARE(record.originalId, std::uint16_t(0x1234));
        QCOMPARE(record.algorithmName, tsigAlgorithmWireName(algorithm));

        const TsigKeyring ring({k});
        TsigSession server = TsigSession::verifyRequest(ring, bytes(request), std::size_t(request.size()), offset, now());
        QCOMPARE(server.check(), TsigSession::Check::Ok);
        QVERIFY(server.key());
    }
}

void tst_Tsig::refusesUnknownKeyAlteredByteWrongSecretAndOldTime()
{
    TsigSession client = TsigSession::forClient(key("registry-xfr", kSecret));
    std::size_t offset = 0;
    const QByteArray request = signedBy(client, query(7), &offset);
    const auto verify = [&](const TsigKeyring &ring, const QByteArray &m, std::uint64_t at) {
        return TsigSession::verifyRequest(ring, bytes(m), std::size_t(m.size()), offset, at).check();
    };
    QCOMPARE(verify(TsigKeyring({key("registry-xfr", kSecret)}), request, now()), TsigSession::Check::Ok);
    QCOMPARE(verify(TsigKeyring({key("other-key", kSecret)}), request, now()), TsigSession::Check::BadKey);
    QCOMPARE(verify(TsigKeyring({key("registry-xfr", kSecret, TsigAlgorithm::HmacSha512)}), request, now()),
             TsigSession::Check::BadKey);
    QCOMPARE(verify(TsigKeyring({key("registry-xfr", kOtherSecret)}), request, now()), TsigSession::Check::BadSig);
    for (int i = 0; i < int(offset); ++i) {
        if (i < 2 || i == 10 || i == 11)
            continue;   // the id is not signed (the original id is); ARCOUNT locates the TSIG
        QByteArray altered = request;
        altered[i] = char(altered.at(i) ^ 0x20);
        QCOMPARE(verify(TsigKeyring({key("registry-xfr", kSecret)}), altered, now()), TsigSession::Check::BadSig);
    }
    QCOMPARE(verify(TsigKeyring({key("registry-xfr", kSecret)}), request, now() + TsigSession::kFudge + 5),
             TsigSession::Check::BadTime);
    QCOMPARE(verify(TsigKeyring({key("registry-xfr", kSecret)}), request, now() - TsigSession::kFudge - 5),
             TsigSession::Check::BadTime);
}

void tst_Tsig::refusesMalformedAndTruncatedRecords()
{
    const TsigKeyring ring({key("registry-xfr", kSecret)});
    TsigSession client = TsigSession::forClient(key("registry-xfr", kSecret));
    std::size_t offset = 0;
    const QByteArray request = signedBy(client, query(7), &offset);
    for (qsizetype cut = qsizetype(offset) + 1; cut < request.size(); ++cut) {
        const QByteArray shorter = request.left(cut);
        QCOMPARE(TsigSession::verifyRequest(ring, bytes(shorter), std::size_t(cut), offset, now()).check(), TsigSession::Check::FormErr);
    }
    QByteArray trailing = request + "x";
    QCOMPARE(TsigSession::verifyRequest(ring, bytes(trailing), std::size_t(trailing.size()), offset, now()).check(),
             TsigSession::Check::FormErr);

    // The same request with the MAC cut to 16 bytes (MAC size and RDLENGTH adjusted): a truncated
    // MAC that is right is BADTRUNC (we want full MACs), a wrong one BADSIG.
    TsigRecord record;
    QVERIFY(parseTsigRecord(bytes(request), std::size_t(request.size()), offset, record));
    const qsizetype macSizeAt = qsizetype(offset) + 14 + 10 + record.algorithmName.size() + 8;
    QByteArray truncated = request.left(macSizeAt) + QByteArray::fromHex("0010") + record.mac.left(16) + request.mid(macSizeAt + 2 + 32);
    const qsizetype rdLengthAt = qsizetype(offset) + 14 + 8;
    const int rdLength = (quint8(request.at(rdLengthAt)) << 8 | quint8(request.at(rdLengthAt + 1))) - 16;
    truncated[rdLengthAt] = char(rdLength >> 8);
    truncated[rdLengthAt + 1] = char(rdLength & 0xff);
    QCOMPARE(TsigSession::verifyRequest(ring, bytes(truncated), std::size_t(truncated.size()), offset, now()).check(),
             TsigSession::Check::BadTrunc);
    truncated[macSizeAt + 5] = char(truncated.at(macSizeAt + 5) ^ 1);
    QCOMPARE(TsigSession::verifyRequest(ring, bytes(truncated), std::size_t(truncated.size()), offset, now()).check(),
             TsigSession::Check::BadSig);
}

void tst_Tsig::signsAnswersThatTheClientAccepts()
{
    const TsigKey k = key("registry-xfr", kSecret);
    TsigSession client = TsigSession::forClient(k);
    std::size_t offset = 0;
    const QByteArray request = signedBy(client, query(99), &offset);
    TsigSession server = TsigSession::verifyRequest(TsigKeyring({k}), bytes(request), std::size_t(request.size()), offset, now());
    QCOMPARE(server.check(), TsigSession::Check::Ok);

    QByteArray answer = query(99);
    answer[2] = char(0x84);
    std::size_t answerOffset = 0;
    answer = signedBy(server, answer, &answerOffset);
    QCOMPARE(client.verifyResponse(bytes(answer), std::size_t(answer.size()), answerOffset, now()), TsigSession::Check::Ok);

    // The same answer checked by a client whose request had another MAC fails: answers are bound
    // to their request.
    TsigSession otherClient = TsigSession::forClient(k);
    (void)signedBy(otherClient, query(100));
    QCOMPARE(otherClient.verifyResponse(bytes(answer), std::size_t(answer.size()), answerOffset, now()), TsigSession::Check::BadSig);
    // An unsigned answer is not accepted.
    TsigSession third = TsigSession::forClient(k);
    (void)signedBy(third, query(99));
    QCOMPARE(third.verifyResponse(bytes(answer), answerOffset, 0, now()), TsigSession::Check::BadSig);
}

void tst_Tsig::chainsTheMessagesOfATransfer()
{
    const TsigKey k = key("registry-xfr", kSecret);
    TsigSession client = TsigSession::forClient(k);
    std::size_t offset = 0;
    const QByteArray request = signedBy(client, query(5), &offset);
    TsigSession server = TsigSession::verifyRequest(TsigKeyring({k}), bytes(request), std::size_t(request.size()), offset, now());
    QList<QByteArray> messages;
    QList<std::size_t> offsets;
    for (int i = 0; i < 4; ++i) {
        QByteArray m = query(5);
        m[2] = char(0x84);
        m.append(char(i));   // different bodies
        std::size_t o = 0;
        messages << signedBy(server, m, &o);
        offsets << o;
    }
    // Out of order, the chain breaks.
    TsigSession shuffled = client;
    QCOMPARE(shuffled.verifyResponse(bytes(messages[1]), std::size_t(messages[1].size()), offsets[1], now()), TsigSession::Check::BadSig);
    for (int i = 0; i < messages.size(); ++i)
        QCOMPARE(client.verifyResponse(bytes(messages[i]), std::size_t(messages[i].size()), offsets[i], now()), TsigSession::Check::Ok);
}

void tst_Tsig::errorAnswersAreUnsignedExceptBadTime()
{
    const TsigKey k = key("registry-xfr", kSecret);
    TsigSession client = TsigSession::forClient(k);
    std::size_t offset = 0;
    const QByteArray request = signedBy(client, query(5), &offset);

    TsigSession wrongKey = TsigSession::verifyRequest(TsigKeyring({key("x", kSecret)}), bytes(request), std::size_t(request.size()), offset, now());
    QCOMPARE(wrongKey.tsigError(), Rcode::BadKey);
    std::size_t answerOffset = 0;
    QByteArray answer = signedBy(wrongKey, query(5), &answerOffset);
    TsigRecord record;
    QVERIFY(parseTsigRecord(bytes(answer), std::size_t(answer.size()), answerOffset, record));
    QVERIFY(record.mac.isEmpty());
    QCOMPARE(record.error, Rcode::BadKey);
    QCOMPARE(record.keyName, k.name.wire());   // the key name echoed
    QCOMPARE(client.verifyResponse(bytes(answer), std::size_t(answer.size()), answerOffset, now()), TsigSession::Check::BadSig);
    QCOMPARE(client.peerError(), Rcode::BadKey);

    const std::uint64_t later = now() + 1000;
    TsigSession lateServer = TsigSession::verifyRequest(TsigKeyring({k}), bytes(request), std::size_t(request.size()), offset, later);
    QCOMPARE(lateServer.check(), TsigSession::Check::BadTime);
    answer = signedBy(lateServer, query(5), &answerOffset, later);
    QVERIFY(parseTsigRecord(bytes(answer), std::size_t(answer.size()), answerOffset, record));
    QCOMPARE(record.mac.size(), 32);
    QCOMPARE(record.error, Rcode::BadTime);
    QCOMPARE(record.otherData.size(), 6);
    // The client can check our MAC (signed over its request); the time we report is ours.
    TsigSession fresh = TsigSession::forClient(k);
    const QByteArray request2 = signedBy(fresh, query(6), &offset);
    TsigSession late2 = TsigSession::verifyRequest(TsigKeyring({k}), bytes(request2), std::size_t(request2.size()), offset, later);
    answer = signedBy(late2, query(6), &answerOffset, later);
    QCOMPARE(fresh.verifyResponse(bytes(answer), std::size_t(answer.size()), answerOffset, now()), TsigSession::Check::Ok);
    QCOMPARE(fresh.peerError(), Rcode::BadTime);
}

void tst_Tsig::acceptsRequestSignedByKdig()
{
    const QString kdig = QStandardPaths::findExecutable(QStringLiteral("kdig"));
    if (kdig.isEmpty())
        QFAIL("kdig is not installed (knot-dnsutils; installer/debian-packages.txt)");
    QUdpSocket socket;
    QVERIFY(socket.bind(QHostAddress::LocalHost, 0));
    QProcess process;
    process.start(kdig, {QStringLiteral("@127.0.0.1"), QStringLiteral("-p"), QString::number(socket.localPort()),
                         QStringLiteral("-y"), QStringLiteral("hmac-sha256:registry-xfr:") + QString::fromLatin1(kSecret.toBase64()),
                         QStringLiteral("+retry=0"), QStringLiteral("+timeout=1"), QStringLiteral("example."), QStringLiteral("SOA")});
    QVERIFY(socket.waitForReadyRead(10000));
    const QByteArray request = socket.receiveDatagram().data();
    process.waitForFinished(10000);

    const std::size_t offset = lastRecordOffset(request);
    QVERIFY(offset > 0);
    const auto check = [&](const TsigKeyring &ring, const QByteArray &m) {
        return TsigSession::verifyRequest(ring, bytes(m), std::size_t(m.size()), offset, now()).check();
    };
    QCOMPARE(check(TsigKeyring({key("registry-xfr", kSecret)}), request), TsigSession::Check::Ok);
    QCOMPARE(check(TsigKeyring({key("registry-xfr", kOtherSecret)}), request), TsigSession::Check::BadSig);
    QCOMPARE(check(TsigKeyring({key("another-key", kSecret)}), request), TsigSession::Check::BadKey);
    QByteArray altered = request;
    altered[14] = char(altered.at(14) ^ 0x01);   // a letter of the question name
    QCOMPARE(check(TsigKeyring({key("registry-xfr", kSecret)}), altered), TsigSession::Check::BadSig);
}

void tst_Tsig::kdigAndDigAcceptOurSignedAnswer_data()
{
    QTest::addColumn<QString>("tool");
    QTest::addColumn<QString>("algorithm");
    QTest::addColumn<bool>("signWithRightSecret");
    QTest::newRow("kdig-sha256") << QStringLiteral("kdig") << QStringLiteral("hmac-sha256") << true;
    QTest::newRow("kdig-sha512") << QStringLiteral("kdig") << QStringLiteral("hmac-sha512") << true;
    QTest::newRow("dig-sha256") << QStringLiteral("dig") << QStringLiteral("hmac-sha256") << true;
    // The control: an answer signed with another secret must make the tools complain, or the
    // checks above prove nothing.
    QTest::newRow("kdig-wrong-secret") << QStringLiteral("kdig") << QStringLiteral("hmac-sha256") << false;
    QTest::newRow("dig-wrong-secret") << QStringLiteral("dig") << QStringLiteral("hmac-sha256") << false;
}

void tst_Tsig::kdigAndDigAcceptOurSignedAnswer()
{
    QFETCH(QString, tool);
    QFETCH(QString, algorithm);
    QFETCH(bool, signWithRightSecret);
    const QString program = QStandardPaths::findExecutable(tool);
    if (program.isEmpty())
        QFAIL(qPrintable(tool + QStringLiteral(" is not installed (installer/debian-packages.txt)")));
    const TsigAlgorithm alg = algorithm == QStringLiteral("hmac-sha512") ? TsigAlgorithm::HmacSha512 : TsigAlgorithm::HmacSha256;
    const TsigKey k = key("registry-xfr", kSecret, alg);

    QUdpSocket socket;
    QVERIFY(socket.bind(QHostAddress::LocalHost, 0));
    QStringList arguments{QStringLiteral("@127.0.0.1"), QStringLiteral("-p"), QString::number(socket.localPort()),
                          QStringLiteral("-y"), algorithm + QStringLiteral(":registry-xfr:") + QString::fromLatin1(kSecret.toBase64()),
                          QStringLiteral("+retry=0"), QStringLiteral("+timeout=3"), QStringLiteral("example."), QStringLiteral("SOA")};
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    QVERIFY(socket.waitForReadyRead(10000));
    const QNetworkDatagram datagram = socket.receiveDatagram();
    const QByteArray request = datagram.data();
    const std::size_t offset = lastRecordOffset(request);
    QVERIFY(offset > 0);

    TsigSession server = TsigSession::verifyRequest(TsigKeyring({k}), bytes(request), std::size_t(request.size()), offset, now());
    QCOMPARE(server.check(), TsigSession::Check::Ok);
    QByteArray answer = answerTo(request);
    std::size_t answerOffset = 0;
    answer = signedBy(server, answer, &answerOffset);
    if (!signWithRightSecret) {
        TsigRecord record;
        QVERIFY(parseTsigRecord(bytes(answer), std::size_t(answer.size()), answerOffset, record));
        const qsizetype macAt = answer.indexOf(record.mac, qsizetype(answerOffset));
        QVERIFY(macAt > 0);
        answer[macAt + 3] = char(answer.at(macAt + 3) ^ 0x55);
    }
    QVERIFY(socket.writeDatagram(answer, datagram.senderAddress(), quint16(datagram.senderPort())) == answer.size());
    QVERIFY(process.waitForFinished(15000));
    const QString output = QString::fromLocal8Bit(process.readAll());
    // What each tool prints when an answer's TSIG does not verify.
    const bool complained = output.contains(QStringLiteral("failed to verify TSIG"))                // kdig
                            || output.contains(QStringLiteral("Couldn't verify signature"))         // dig
                            || output.contains(QStringLiteral("TSIG could not be validated"));      // dig
    const bool gotAnswer = output.contains(QStringLiteral("NOERROR"));
    if (signWithRightSecret) {
        QVERIFY2(gotAnswer && !complained, qPrintable(output));
    } else {
        QVERIFY2(complained || !gotAnswer, qPrintable(output));
    }
}

QTEST_GUILESS_MAIN(tst_Tsig)
#include "tst_tsig.moc"
