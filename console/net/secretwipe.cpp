#include "secretwipe.h"

#include <cstddef>

namespace noc {

namespace {

// volatile keeps the compiler from dropping stores to memory that is about to be freed.
void zeroMemory(void *data, std::size_t size)
{
    volatile unsigned char *p = static_cast<volatile unsigned char *>(data);
    while (size--)
        *p++ = 0;
}

} // namespace

void wipeSecret(QString &secret)
{
    if (!secret.isEmpty() && secret.isDetached())
        zeroMemory(secret.data(), std::size_t(secret.size()) * sizeof(QChar));
    secret.clear();
}

void wipeSecret(QByteArray &secret)
{
    if (!secret.isEmpty() && secret.isDetached())
        zeroMemory(secret.data(), std::size_t(secret.size()));
    secret.clear();
}

QString deepCopy(const QString &text)
{
    if (text.isEmpty())
        return {};
    return QString(text.constData(), text.size());
}

} // namespace noc
