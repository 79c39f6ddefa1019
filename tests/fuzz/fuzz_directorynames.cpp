// Fuzz target: what a Whois or RDAP client sends as a name or a search pattern. Any input must give
// a value or an error, never a crash or hang; an accepted name is the registry's stored form (and
// normalizing it again changes nothing); an accepted pattern's matches all lie in its index range.
#include "directory/directorynames.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));

    const reg::Result<QString> name = reg::directory::normalizeName(text);
    if (name.ok()) {
        if (name->isEmpty() || name->size() > 253 || *name != name->toLower() || name->endsWith(u'.'))
            std::abort();
        const reg::Result<QString> again = reg::directory::normalizeName(*name);
        if (!again.ok() || *again != *name)
            std::abort();
    }

    const reg::Result<reg::directory::NamePattern> pattern = reg::directory::parseNamePattern(text);
    if (pattern.ok()) {
        const reg::directory::NamePattern &p = *pattern;
        if (p.prefix.isEmpty() || !(p.from < p.to) || !p.to.startsWith(p.prefix.chopped(1)))
            std::abort();
        // The smallest names the pattern can match must lie in [from, to).
        const QString shortest = p.prefix + p.suffix;
        if (p.matches(shortest) && !(shortest >= p.from && shortest < p.to))
            std::abort();
        if (name.ok() && p.matches(*name) && !(*name >= p.from && *name < p.to))
            std::abort();
    }
    return 0;
}
