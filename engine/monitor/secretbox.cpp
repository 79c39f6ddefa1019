#include "secretbox.h"

#include "core/securefile.h"

#include <QFile>
#include <QFileInfo>

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <memory>

namespace reg::monitor {
namespace {

constexpr char sealVersion = 1;
constexpr qint64 maxKeyFileBytes = 256;

using CipherContext = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

CipherContext newContext()
{
    return CipherContext(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
}

Error cryptoFailure(const char *step)
{
    return Error(ErrorCode::Internal, QStringLiteral("secret box: OpenSSL failed in %1").arg(QLatin1StringView(step)));
}

// The key file is one line of 64 hex digits, so an operator can back it up and compare copies.
Result<QByteArray> parseKeyFile(const QString &path, const QByteArray &content)
{
    const QByteArray hex = content.trimmed();
    const QByteArray key = QByteArray::fromHex(hex);
    if (hex.size() != 2 * SecretBox::keyBytes || key.size() != SecretBox::keyBytes || key.toHex() != hex.toLower())
        return Error(ErrorCode::Corrupt, QStringLiteral("%1 must hold one line of %2 hex digits (the monitoring secrets key)")
                                             .arg(path).arg(2 * SecretBox::keyBytes));
    return key;
}

} // namespace

Result<SecretBox> SecretBox::openKeyFile(const QString &path)
{
    if (!QFileInfo::exists(path)) {
        QByteArray key(keyBytes, Qt::Uninitialized);
        if (RAND_bytes(reinterpret_cast<unsigned char *>(key.data()), int(key.size())) != 1)
            return cryptoFailure("RAND_bytes");
        // O_EXCL: if another process created it meanwhile, fall through and read theirs.
        if (Result<void> written = SecureFile::writeNew(path, key.toHex() + '\n', SecureFile::secretMode); written)
            return SecretBox(key);
        if (!QFileInfo::exists(path))
            return Error(ErrorCode::Internal, QStringLiteral("cannot create %1").arg(path));
    }
    const int mode = SecureFile::permissions(path);
    if (mode < 0)
        return Error(ErrorCode::Internal, QStringLiteral("cannot inspect %1").arg(path));
    if (mode & 0077)
        return Error(ErrorCode::Internal, QStringLiteral("%1 is readable by others (mode %2); chmod 600 it")
                                               .arg(path, QString::number(mode, 8)));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error(ErrorCode::Internal, QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    Result<QByteArray> key = parseKeyFile(path, file.read(maxKeyFileBytes));
    if (!key)
        return key.error();
    return SecretBox(*key);
}

Result<SecretBox> SecretBox::fromKey(const QByteArray &key)
{
    if (key.size() != keyBytes)
        return Error(ErrorCode::InvalidInput, QStringLiteral("a secret box key is %1 bytes").arg(keyBytes));
    return SecretBox(key);
}

Result<QByteArray> SecretBox::seal(const QByteArray &secret, const QByteArray &associatedData) const
{
    if (secret.size() > maxSecretBytes)
        return Error(ErrorCode::TooLarge, QStringLiteral("a secret is at most %1 bytes").arg(maxSecretBytes));
    QByteArray out(1 + nonceBytes + secret.size() + tagBytes, Qt::Uninitialized);
    auto *bytes = reinterpret_cast<unsigned char *>(out.data());
    bytes[0] = sealVersion;
    unsigned char *nonce = bytes + 1;
    unsigned char *cipherText = nonce + nonceBytes;
    if (RAND_bytes(nonce, int(nonceBytes)) != 1)
        return cryptoFailure("RAND_bytes");
    CipherContext ctx = newContext();
    int length = 0;
    if (!ctx || EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1
        || EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, int(nonceBytes), nullptr) != 1
        || EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, reinterpret_cast<const unsigned char *>(m_key.constData()), nonce) != 1
        || EVP_EncryptUpdate(ctx.get(), nullptr, &length, reinterpret_cast<const unsigned char *>(associatedData.constData()),
                             int(associatedData.size())) != 1
        || EVP_EncryptUpdate(ctx.get(), cipherText, &length, reinterpret_cast<const unsigned char *>(secret.constData()),
                             int(secret.size())) != 1
        || EVP_EncryptFinal_ex(ctx.get(), cipherText + length, &length) != 1
        || EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, int(tagBytes), cipherText + secret.size()) != 1)
        return cryptoFailure("AES-256-GCM encryption");
    return out;
}

Result<QByteArray> SecretBox::open(const QByteArray &sealed, const QByteArray &associatedData) const
{
    const Error refused(ErrorCode::Corrupt, QStringLiteral("a sealed secret does not open: altered, moved to another row, "
                                                           "or sealed under another monitor-secrets.key"));
    if (sealed.size() < 1 + nonceBytes + tagBytes || sealed.at(0) != sealVersion
        || sealed.size() > 1 + nonceBytes + maxSecretBytes + tagBytes)
        return refused;
    const auto *bytes = reinterpret_cast<const unsigned char *>(sealed.constData());
    const unsigned char *nonce = bytes + 1;
    const unsigned char *cipherText = nonce + nonceBytes;
    const int cipherLength = int(sealed.size() - 1 - nonceBytes - tagBytes);
    QByteArray tag(reinterpret_cast<const char *>(cipherText + cipherLength), tagBytes);
    QByteArray plain(cipherLength, Qt::Uninitialized);
    auto *plainBytes = reinterpret_cast<unsigned char *>(plain.data());
    CipherContext ctx = newContext();
    int length = 0;
    if (!ctx || EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1
        || EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, int(nonceBytes), nullptr) != 1
        || EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, reinterpret_cast<const unsigned char *>(m_key.constData()), nonce) != 1)
        return cryptoFailure("AES-256-GCM decryption");
    if (EVP_DecryptUpdate(ctx.get(), nullptr, &length, reinterpret_cast<const unsigned char *>(associatedData.constData()),
                          int(associatedData.size())) != 1
        || EVP_DecryptUpdate(ctx.get(), plainBytes, &length, cipherText, cipherLength) != 1
        || EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, int(tagBytes), tag.data()) != 1
        || EVP_DecryptFinal_ex(ctx.get(), plainBytes + length, &length) != 1)
        return refused;
    return plain;
}

} // namespace reg::monitor
