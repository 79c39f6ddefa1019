// Tests engine/xrp/eppframereader.cpp: RFC 5734 section 4 framing, fed in every possible split.
#include "xrp/eppframereader.h"

#include <QTest>
#include <QtEndian>

using namespace Qt::StringLiterals;
using reg::xrp::EppFrameReader;
using reg::xrp::EppResult;

namespace {

QByteArray header(quint32 totalLength)
{
    QByteArray bytes(4, Qt::Uninitialized);
    qToBigEndian<quint32>(totalLength, bytes.data());
    return bytes;
}

QByteArray frame(const QByteArray &payload)
{
    return header(quint32(payload.size() + 4)) + payload;
}

} // namespace

class tst_EppFrameReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesLengthThatCountsTheHeader();
    void refusesToWriteEmptyFrame();
    void roundTripsAtEveryByteBoundary_data();
    void roundTripsAtEveryByteBoundary();
    void returnsSeveralFramesFromOneFeed();
    void returnsFramesByteByByte();
    void refusesImpossibleLengths_data();
    void refusesImpossibleLengths();
    void acceptsFrameOfExactlyTheMaximum();
    void staysInErrorAfterRefusal();
    void keepsFramesCompletedBeforeAnError();
    void reportsTruncatedFrameAtEndOfStream_data();
    void reportsTruncatedFrameAtEndOfStream();
    void neverReservesMoreThanTheMaximum();
    void raisesTooSmallMaximumToTheMinimumFrame();
};

void tst_EppFrameReader::writesLengthThatCountsTheHeader()
{
    const auto written = reg::xrp::writeEppFrame("<epp/>");
    QVERIFY(written.ok());
    QCOMPARE(*written, header(10) + "<epp/>"_ba);
}

void tst_EppFrameReader::refusesToWriteEmptyFrame()
{
    const auto written = reg::xrp::writeEppFrame(QByteArrayView());
    QVERIFY(!written.ok());
    QVERIFY(!written.error().message.isEmpty());
}

void tst_EppFrameReader::roundTripsAtEveryByteBoundary_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::newRow("one byte") << "x"_ba;
    QTest::newRow("hello") << "<?xml version=\"1.0\"?><epp xmlns=\"urn:ietf:params:xml:ns:epp-1.0\"><hello/></epp>"_ba;
    QTest::newRow("binary with NUL and 0xFF") << QByteArray("\x00\xff\x01\x02", 4);
}

void tst_EppFrameReader::roundTripsAtEveryByteBoundary()
{
    QFETCH(QByteArray, payload);
    const QByteArray stream = *reg::xrp::writeEppFrame(payload);
    for (qsizetype split = 0; split <= stream.size(); ++split) {
        EppFrameReader reader;
        auto first = reader.feed(QByteArrayView(stream).first(split));
        QVERIFY(!first.error);
        QCOMPARE(reader.pendingBytes(), split == stream.size() ? 0 : split);
        auto second = reader.feed(QByteArrayView(stream).sliced(split));
        QVERIFY(!second.error);
        const QList<QByteArray> frames = first.frames + second.frames;
        QCOMPARE(frames.size(), 1);
        QCOMPARE(frames.first(), payload);
        QCOMPARE(reader.pendingBytes(), 0);
        QVERIFY(!reader.endOfStream());
    }
}

void tst_EppFrameReader::returnsSeveralFramesFromOneFeed()
{
    EppFrameReader reader;
    const QByteArray partial = frame("third"_ba).first(6);
    const auto result = reader.feed(QByteArray(frame("first"_ba) + frame("second"_ba) + partial));
    QVERIFY(!result.error);
    QCOMPARE(result.frames, (QList<QByteArray>{"first"_ba, "second"_ba}));
    QCOMPARE(reader.pendingBytes(), 6);
    const auto rest = reader.feed(frame("third"_ba).sliced(6));
    QCOMPARE(rest.frames, QList<QByteArray>{"third"_ba});
}

void tst_EppFrameReader::returnsFramesByteByByte()
{
    const QByteArray stream = frame("ab"_ba) + frame("cde"_ba);
    EppFrameReader reader;
    QList<QByteArray> frames;
    for (char byte : stream) {
        auto result = reader.feed(QByteArrayView(&byte, 1));
        QVERIFY(!result.error);
        frames += result.frames;
    }
    QCOMPARE(frames, (QList<QByteArray>{"ab"_ba, "cde"_ba}));
}

void tst_EppFrameReader::refusesImpossibleLengths_data()
{
    QTest::addColumn<quint32>("length");
    QTest::addColumn<qsizetype>("maximum");
    QTest::newRow("zero") << quint32(0) << qsizetype(1024);
    QTest::newRow("one") << quint32(1) << qsizetype(1024);
    QTest::newRow("two") << quint32(2) << qsizetype(1024);
    QTest::newRow("three") << quint32(3) << qsizetype(1024);
    QTest::newRow("four: header without payload") << quint32(4) << qsizetype(1024);
    QTest::newRow("maximum plus one") << quint32(1025) << qsizetype(1024);
    QTest::newRow("default maximum plus one") << quint32(EppFrameReader::DefaultMaxFrameSize + 1)
                                              << EppFrameReader::DefaultMaxFrameSize;
    QTest::newRow("2^31") << quint32(0x80000000u) << qsizetype(1024);
    QTest::newRow("2^32 - 1") << quint32(0xFFFFFFFFu) << qsizetype(1024);
}

void tst_EppFrameReader::refusesImpossibleLengths()
{
    QFETCH(quint32, length);
    QFETCH(qsizetype, maximum);
    EppFrameReader reader(maximum);
    // The payload bytes that follow must not be taken as a frame or resynchronise the reader.
    const auto result = reader.feed(QByteArray(header(length) + frame("<epp/>"_ba)));
    QVERIFY(result.error);
    QCOMPARE(result.error->result, EppResult::CommandSyntaxError);
    QVERIFY2(result.error->message.contains(QString::number(length)), qPrintable(result.error->message));
    QVERIFY(result.frames.isEmpty());
    QVERIFY(reader.hasError());
    QCOMPARE(reader.pendingBytes(), 0);
}

void tst_EppFrameReader::acceptsFrameOfExactlyTheMaximum()
{
    const qsizetype maximum = 1024;
    EppFrameReader reader(maximum);
    const QByteArray payload(maximum - 4, 'x');
    const auto result = reader.feed(frame(payload));
    QVERIFY(!result.error);
    QCOMPARE(result.frames, QList<QByteArray>{payload});
}

void tst_EppFrameReader::staysInErrorAfterRefusal()
{
    EppFrameReader reader(1024);
    QVERIFY(reader.feed(header(2048)).error);
    const auto later = reader.feed(frame("<epp/>"_ba));
    QVERIFY(later.error);
    QVERIFY(later.frames.isEmpty());
    QVERIFY(reader.endOfStream());
}

void tst_EppFrameReader::keepsFramesCompletedBeforeAnError()
{
    EppFrameReader reader;
    const auto result = reader.feed(QByteArray(frame("good"_ba) + header(3)));
    QCOMPARE(result.frames, QList<QByteArray>{"good"_ba});
    QVERIFY(result.error);
}

void tst_EppFrameReader::reportsTruncatedFrameAtEndOfStream_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<qsizetype>("pending");
    const QByteArray full = frame("<epp/>"_ba);
    for (qsizetype cut = 1; cut < full.size(); ++cut)
        QTest::addRow("%lld of %lld bytes", qlonglong(cut), qlonglong(full.size())) << full.first(cut) << cut;
    QTest::newRow("whole frame then 2 header bytes") << QByteArray(full + header(10).first(2)) << qsizetype(2);
}

void tst_EppFrameReader::reportsTruncatedFrameAtEndOfStream()
{
    QFETCH(QByteArray, stream);
    QFETCH(qsizetype, pending);
    EppFrameReader reader;
    const auto result = reader.feed(stream);
    QVERIFY(!result.error);
    QCOMPARE(reader.pendingBytes(), pending);
    const auto end = reader.endOfStream();
    QVERIFY(end);
    QCOMPARE(end->result, EppResult::CommandSyntaxError);
    QVERIFY(!end->message.isEmpty());
}

void tst_EppFrameReader::neverReservesMoreThanTheMaximum()
{
    // A header announcing the maximum is accepted, but the buffer grows only to that maximum;
    // one announcing more is refused before any payload buffer exists.
    EppFrameReader reader(4096);
    QVERIFY(!reader.feed(header(4096)).error);
    QCOMPARE(reader.pendingBytes(), 4);
    EppFrameReader greedy(4096);
    QVERIFY(greedy.feed(header(0xFFFFFFF0u)).error);
    QCOMPARE(greedy.pendingBytes(), 0);
}

void tst_EppFrameReader::raisesTooSmallMaximumToTheMinimumFrame()
{
    EppFrameReader reader(0);
    QCOMPARE(reader.maxFrameSize(), EppFrameReader::MinFrameSize);
    const auto result = reader.feed(frame("x"_ba));
    QCOMPARE(result.frames, QList<QByteArray>{"x"_ba});
}

QTEST_GUILESS_MAIN(tst_EppFrameReader)
#include "tst_eppframereader.moc"
