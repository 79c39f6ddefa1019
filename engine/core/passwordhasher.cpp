#include "passwordhasher.h"

#include <QByteArray>
#include <QStringList>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/rand.h>

namespace reg::PasswordHasher {
namespace {

constexpr int saltBytes = 16;
constexpr int hashBytes = 32;
constexpr qsizetype maxPasswordBytes = 1024;  // caps the work an attacker can ask for

Result<QByteArray> derive(const QByteArray &password, const QByteArray &salt, Cost cost)
{
    if (cost.log2N < 10 || cost.log2N > 20 || cost.r < 1 || cost.r > 32 || cost.p < 1 || cost.p > 16)
        return Error(ErrorCode::InvalidInput, QStringLiteral("scrypt parameters out of range"));
    QByteArray out(hashBytes, Qt::Uninitialized);
    const uint64_t n = uint64_t(1) << cost.log2N;
    const uint64_t maxMem = 128 * n * cost.r * cost.p + (16u << 20);
    if (EVP_PBE_scrypt(password.constData(), size_t(password.size()),
                       reinterpret_cast<const unsigned char *>(salt.constData()), size_t(salt.size()),
                       n, uint64_t(cost.r), uint64_t(cost.p), maxMem,
                       reinterpret_cast<unsigned char *>(out.data()), size_t(out.size())) != 1) {
        return Error(ErrorCode::Internal, QStringLiteral("scrypt failed"));
    }
    return out;
}

} // namespace

Result<QString> hash(const QString &password, Cost cost)
{
    const QByteArray utf8 = password.toUtf8();
    if (utf8.size() > maxPasswordBytes)
        return Error(ErrorCode::TooLarge, QStringLiteral("password is longer than %1 bytes").arg(maxPasswordBytes));
    QByteArray salt(saltBytes, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(salt.data()), saltBytes) != 1)
        return Error(ErrorCode::Internal, QStringLiteral("no randomness for a salt"));
    Result<QByteArray> key = derive(utf8, salt, cost);
    if (!key)
        return key.error();
    return QStringLiteral("$scrypt$ln=%1,r=%2,p=%3$%4$%5")
        .arg(cost.log2N).arg(cost.r).arg(cost.p)
        .arg(QString::fromLatin1(salt.toBase64(QByteArray::OmitTrailingEquals)),
             QString::fromLatin1(key->toBase64(QByteArray::OmitTrailingEquals)));
}

bool verify(const QString &password, const QString &storedHash)
{
    const QByteArray utf8 = password.toUtf8();
    if (utf8.size() > maxPasswordBytes || storedHash.size() > 256)
        return false;
    // "", "scrypt", "ln=..,r=..,p=..", salt, hash
    const QStringList parts = storedHash.split(u'$');
    if (parts.size() != 5 || !parts[0].isEmpty() || parts[1] != u"scrypt")
        return false;
    Cost cost;
    const QStringList params = parts[2].split(u',');
    if (params.size() != 3 || !params[0].startsWith(u"ln=") || !params[1].startsWith(u"r=") || !params[2].startsWith(u"p="))
        return false;
    bool ok1 = false, ok2 = false, ok3 = false;
    cost.log2N = params[0].mid(3).toInt(&ok1);
    cost.r = params[1].mid(2).toInt(&ok2);
    cost.p = params[2].mid(2).toInt(&ok3);
    if (!ok1 || !ok2 || !ok3)
        return false;
    const auto decode = [](const QString &b64) {
        return QByteArray::fromBase64Encoding(b64.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    };
    const auto salt = decode(parts[3]);
    const auto expected = decode(parts[4]);
    if (!salt || !expected || salt.decoded.size() < 8 || expected.decoded.size() != hashBytes)
        return false;
    Result<QByteArray> key = derive(utf8, salt.decoded, cost);
    if (!key)
        return false;
    return CRYPTO_memcmp(key->constData(), expected.decoded.constData(), size_t(hashBytes)) == 0;
}

QString generatePassword(int length)
{
    // No look-alikes (0/O, 1/l/I) so an operator can type it from a screen.
    static const char alphabet[] = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    constexpr int alphabetSize = sizeof(alphabet) - 1;
    length = std::max(length, 12);
    for (;;) {
        QByteArray random(length, Qt::Uninitialized);
        if (RAND_bytes(reinterpret_cast<unsigned char *>(random.data()), length) != 1)
            qFatal("no randomness available for password generation");
        QString out;
        bool letter = false, digit = false;
        for (char byte : std::as_const(random)) {
            // 256 % 57 bias is below 1% per character; acceptable for generated passwords.
            const char c = alphabet[static_cast<unsigned char>(byte) % alphabetSize];
            letter |= (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            digit |= (c >= '0' && c <= '9');
            out.append(QLatin1Char(c));
        }
        if (letter && digit)
            return out;
    }
}

} // namespace reg::PasswordHasher
