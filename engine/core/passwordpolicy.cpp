#include "passwordpolicy.h"

#include "passwordhasher.h"

namespace reg::PasswordPolicy {

Result<void> checkStrength(const QString &password)
{
    if (password.size() < minLength)
        return Error(ErrorCode::InvalidInput, QStringLiteral("the password must be at least %1 characters long").arg(minLength));
    if (password.size() > maxLength)
        return Error(ErrorCode::InvalidInput, QStringLiteral("the password must be at most %1 characters long").arg(maxLength));
    bool letter = false;
    bool digitOrPunct = false;
    for (QChar c : password) {
        if (c.category() == QChar::Other_Control)
            return Error(ErrorCode::InvalidInput, QStringLiteral("the password must not contain control characters"));
        letter |= c.isLetter();
        digitOrPunct |= c.isDigit() || c.isPunct() || c.isSymbol();
    }
    if (!letter)
        return Error(ErrorCode::InvalidInput, QStringLiteral("the password must contain at least one letter"));
    if (!digitOrPunct)
        return Error(ErrorCode::InvalidInput, QStringLiteral("the password must contain at least one digit or punctuation character"));
    return success();
}

Result<void> checkNotReused(const QString &password, const QStringList &recentHashes)
{
    for (qsizetype i = 0; i < recentHashes.size() && i < historyDepth; ++i) {
        if (PasswordHasher::verify(password, recentHashes[i]))
            return Error(ErrorCode::InvalidInput, QStringLiteral("the password must differ from the last %1 passwords").arg(historyDepth));
    }
    return success();
}

} // namespace reg::PasswordPolicy
