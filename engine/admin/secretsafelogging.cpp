#include "secretsafelogging.h"

#include <QLoggingCategory>

#include <cstring>
#include <mutex>

namespace reg::admin {
namespace {

QLoggingCategory::CategoryFilter previousFilter = nullptr;

void secretSafeFilter(QLoggingCategory *category)
{
    if (previousFilter)
        previousFilter(category);
    if (isSecretBearingCategory(category->categoryName()))
        category->setEnabled(QtDebugMsg, false);
}

bool hasPrefix(const char *name, const char *prefix)
{
    const size_t length = std::strlen(prefix);
    return std::strncmp(name, prefix, length) == 0 && (name[length] == '\0' || name[length] == '.');
}

} // namespace

bool isSecretBearingCategory(const char *categoryName)
{
    return categoryName && (hasPrefix(categoryName, "qt.httpserver") || hasPrefix(categoryName, "qt.websockets"));
}

void installSecretSafeLogging()
{
    static std::once_flag once;
    std::call_once(once, [] { previousFilter = QLoggingCategory::installFilter(secretSafeFilter); });
}

} // namespace reg::admin
