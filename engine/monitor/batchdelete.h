#pragma once

#include "core/result.h"

#include <QObject>
#include <QString>
#include <QVariantList>

#include <functional>

namespace reg::store {
class Writer;
}

namespace reg::monitor {

// One bounded delete of operational rows (probe results, poll samples) as its own short write
// transaction on the store's writer, without a journal entry; done (on context's thread) gets the
// number of rows deleted, so the caller knows whether another batch is due.
void submitBatchDelete(store::Writer &writer, QString sql, QVariantList params, QObject *context,
                       std::function<void(Result<int>)> done);

} // namespace reg::monitor
