#include "authinfo.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

#include <openssl/crypto.h>

namespace reg::srs::AuthInfo {
namespace {

QByteArray digest(const QByteArray &salt, const QString &password)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(salt);
    h.addData(password.toUtf8());
    return h.result();
}

} // namespace

SrsOutcome<Done> checkPolicy(const QString &password, const QString &field)
{
    const auto refuse = [&](const QString &why) {
        // The value is a secret: never echo it back.
        return SrsError(Refusal::PolicyError, QStringLiteral("authorization information %1").arg(why), field);
    };
    if (password.size() < minLength || password.size() > maxLength)
        return refuse(QStringLiteral("must be %1 to %2 characters long").arg(minLength).arg(maxLength));
    bool letter = false, digitOrPunct = false;
    for (QChar c : password) {
        if (c.unicode() < 0x21 || c.unicode() > 0x7e)
            return refuse(QStringLiteral("must consist of printable ASCII characters without spaces"));
        if (c.isLetter())
            letter = true;
        else
            digitOrPunct = true;
    }
    if (!letter || !digitOrPunct)
        return refuse(QStringLiteral("must contain a letter and a digit or punctuation character"));
    return Done{};
}

QString hash(const QString &password)
{
    QByteArray salt(16, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(salt.data()),
                                         reinterpret_cast<quint32 *>(salt.data() + salt.size()));
    return QString::fromLatin1(salt.toHex() + '$' + digest(salt, password).toHex());
}

bool matches(const QString &stored, const QString &candidate)
{
    const qsizetype dollar = stored.indexOf(u'$');
    if (dollar <= 0)
        return false;
    const QByteArray salt = QByteArray::fromHex(stored.left(dollar).toLatin1());
    const QByteArray expected = QByteArray::fromHex(stored.mid(dollar + 1).toLatin1());
    if (salt.size() != 16 || expected.size() != 32)
        return false;
    const QByteArray actual = digest(salt, candidate);
    return CRYPTO_memcmp(actual.constData(), expected.constData(), size_t(expected.size())) == 0;
}

} // namespace reg::srs::AuthInfo
