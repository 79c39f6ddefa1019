#include "monitor/batchdelete.h"

#include "store/connection.h"
#include "store/writer.h"

#include <memory>

namespace reg::monitor {

void submitBatchDelete(store::Writer &writer, QString sql, QVariantList params, QObject *context,
                       std::function<void(Result<int>)> done)
{
    auto deleted = std::make_shared<int>(0);
    writer.submit(
        [sql = std::move(sql), params = std::move(params), deleted](store::Connection &db) -> Result<std::optional<store::JournalChange>> {
            if (Result<void> r = db.execute(sql, params); !r)
                return r.error();
            *deleted = db.changes();
            return std::optional<store::JournalChange>();
        },
        context, [deleted, done = std::move(done)](Result<store::CommitReceipt> receipt) {
            if (!receipt)
                return done(receipt.error());
            done(*deleted);
        });
}

} // namespace reg::monitor
