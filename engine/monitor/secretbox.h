#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QString>

namespace reg::monitor {

// Seals the SNMP secrets the inventory stores (communities, USM passphrases) so they are never in
// clear on disk: AES-256-GCM (OpenSSL EVP) under a 32-byte key kept in its own file beside the
// database, with the row the secret belongs to as associated data, so a sealed value copied into
// another row (or another column) no longer opens. The key file is created on first use with mode
// 0600 (SecureFile) and refused when anyone else may read it.
// Sealed form: version byte 1 | 12-byte random nonce | ciphertext | 16-byte tag.
// A value type; seal() and open() are safe on any thread.
class SecretBox
{
public:
    static constexpr qsizetype keyBytes = 32;
    static constexpr qsizetype nonceBytes = 12;
    static constexpr qsizetype tagBytes = 16;
    static constexpr qsizetype maxSecretBytes = 1024;   // far above any community or passphrase

    // Reads the key from path, creating it with a fresh random key when the file does not exist.
    static Result<SecretBox> openKeyFile(const QString &path);
    static Result<SecretBox> fromKey(const QByteArray &key);

    Result<QByteArray> seal(const QByteArray &secret, const QByteArray &associatedData) const;
    // Corrupt when the value was altered, sealed under another key or for other associated data.
    Result<QByteArray> open(const QByteArray &sealed, const QByteArray &associatedData) const;

private:
    explicit SecretBox(QByteArray key) : m_key(std::move(key)) {}
    QByteArray m_key;
};

} // namespace reg::monitor
