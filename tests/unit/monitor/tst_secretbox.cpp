// The SNMP secret box: sealed values open only unaltered, under their key, in their own row.
#include "monitor/secretbox.h"

#include "core/securefile.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace reg;
using namespace reg::monitor;

class tst_SecretBox : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sealsAndOpens();
    void sealedValueHidesTheSecret();
    void refusesTamperedValue_data();
    void refusesTamperedValue();
    void refusesWrongKey();
    void refusesValueMovedToAnotherRow();
    void createsKeyFileOnceWithOwnerOnlyMode();
    void refusesKeyFileReadableByOthers();
    void refusesMalformedKeyFile();
    void refusesOversizedSecret();
};

namespace {

SecretBox box(char fill)
{
    return *SecretBox::fromKey(QByteArray(SecretBox::keyBytes, fill));
}

} // namespace

void tst_SecretBox::sealsAndOpens()
{
    const SecretBox b = box('k');
    for (const QByteArray &secret : {QByteArray("public"), QByteArray(), QByteArray(SecretBox::maxSecretBytes, 'x')}) {
        Result<QByteArray> sealed = b.seal(secret, "monitor_devices/1/community_sealed");
        QVERIFY(sealed.ok());
        QCOMPARE(sealed->size(), 1 + SecretBox::nonceBytes + secret.size() + SecretBox::tagBytes);
        Result<QByteArray> opened = b.open(*sealed, "monitor_devices/1/community_sealed");
        QVERIFY(opened.ok());
        QCOMPARE(*opened, secret);
    }
}

void tst_SecretBox::sealedValueHidesTheSecret()
{
    const SecretBox b = box('k');
    const QByteArray first = *b.seal("s3cret-community", "ad");
    const QByteArray second = *b.seal("s3cret-community", "ad");
    QVERIFY(!first.contains("s3cret"));
    QVERIFY(first != second);   // a fresh nonce each time: equal secrets do not show as equal values
}

void tst_SecretBox::refusesTamperedValue_data()
{
    QTest::addColumn<int>("position");
    QTest::newRow("version") << 0;
    QTest::newRow("nonce") << 3;
    QTest::newRow("ciphertext") << 1 + int(SecretBox::nonceBytes) + 2;
    QTest::newRow("tag") << -1;
}

void tst_SecretBox::refusesTamperedValue()
{
    QFETCH(int, position);
    const SecretBox b = box('k');
    QByteArray sealed = *b.seal("community", "ad");
    const qsizetype at = position < 0 ? sealed.size() + position : position;
    sealed[at] = char(sealed.at(at) ^ 0x01);
    Result<QByteArray> opened = b.open(sealed, "ad");
    QVERIFY(!opened.ok());
    QCOMPARE(opened.error().code, ErrorCode::Corrupt);
    QVERIFY(!b.open(sealed.left(10), "ad").ok());   // truncated
    QVERIFY(!b.open(QByteArray(), "ad").ok());
}

void tst_SecretBox::refusesWrongKey()
{
    const QByteArray sealed = *box('k').seal("community", "ad");
    QVERIFY(!box('j').open(sealed, "ad").ok());
}

void tst_SecretBox::refusesValueMovedToAnotherRow()
{
    const SecretBox b = box('k');
    const QByteArray sealed = *b.seal("community", "monitor_devices/1/community_sealed");
    QVERIFY(!b.open(sealed, "monitor_devices/2/community_sealed").ok());
    QVERIFY(!b.open(sealed, "monitor_devices/1/auth_sealed").ok());
}

void tst_SecretBox::createsKeyFileOnceWithOwnerOnlyMode()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("monitor-secrets.key"));
    Result<SecretBox> created = SecretBox::openKeyFile(path);
    QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().message));
    QCOMPARE(SecureFile::permissions(path), 0600);
    const QByteArray sealed = *created->seal("community", "ad");
    Result<SecretBox> reopened = SecretBox::openKeyFile(path);
    QVERIFY(reopened.ok());
    QCOMPARE(*reopened->open(sealed, "ad"), QByteArray("community"));
}

void tst_SecretBox::refusesKeyFileReadableByOthers()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("monitor-secrets.key"));
    QVERIFY(SecretBox::openKeyFile(path).ok());
    QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther));
    Result<SecretBox> opened = SecretBox::openKeyFile(path);
    QVERIFY(!opened.ok());
    QVERIFY(opened.error().message.contains(u"chmod 600"));
}

void tst_SecretBox::refusesMalformedKeyFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("monitor-secrets.key"));
    QVERIFY(SecureFile::writeNew(path, "not a key\n").ok());
    Result<SecretBox> opened = SecretBox::openKeyFile(path);
    QVERIFY(!opened.ok());
    QCOMPARE(opened.error().code, ErrorCode::Corrupt);
    QVERIFY(!SecretBox::fromKey("short").ok());
}

void tst_SecretBox::refusesOversizedSecret()
{
    QCOMPARE(box('k').seal(QByteArray(SecretBox::maxSecretBytes + 1, 'x'), "ad").error().code, ErrorCode::TooLarge);
}

QTEST_GUILESS_MAIN(tst_SecretBox)
#include "tst_secretbox.moc"
