#pragma once

#include "store/journalentry.h"

#include <QJsonObject>
#include <QString>

#include <cstdio>

// What the benchmarks' bulk loaders share: the journal entry one batch of pre-loaded domains is
// committed with, and the progress line on stderr.
namespace reg::bench {

inline store::JournalChange bulkLoadChange(const QString &first, const QString &last, qint64 count)
{
    return store::JournalChange{QStringLiteral("bench"), QStringLiteral("domain.bulkload"), first,
                                QJsonObject{{QStringLiteral("first"), first}, {QStringLiteral("last"), last},
                                            {QStringLiteral("count"), count}}};
}

// Reports every tenth batch and the last one; ends the line when everything is loaded.
inline void reportBulkProgress(qint64 done, qint64 total, qint64 batchSize, const char *what)
{
    if ((done / batchSize) % 10 == 0 || done == total) {
        std::fprintf(stderr, "\rpopulated %lld of %lld %s", static_cast<long long>(done), static_cast<long long>(total), what);
        if (done == total)
            std::fprintf(stderr, "\n");
        std::fflush(stderr);
    }
}

} // namespace reg::bench
