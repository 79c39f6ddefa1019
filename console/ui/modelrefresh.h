#pragma once

#include <QAbstractItemModel>

namespace noc::ModelRefresh {

// Tells a flat model's views that what every row shows may have changed (a new language, new
// device names) without a reset, so selection and scroll position stay. GUI thread.
inline void columns(QAbstractItemModel *model, int first, int last)
{
    const int rows = model->rowCount();
    if (rows > 0)
        Q_EMIT model->dataChanged(model->index(0, first), model->index(rows - 1, last));
}

inline void retranslate(QAbstractItemModel *model)
{
    const int last = model->columnCount() - 1;
    Q_EMIT model->headerDataChanged(Qt::Horizontal, 0, last);
    columns(model, 0, last);
}

} // namespace noc::ModelRefresh
