#include "alarmfilterproxy.h"

#include "alarmmodel.h"

namespace noc {

AlarmFilterProxy::AlarmFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(AlarmModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    // Rows change in place with events: keep the order and the filter current without a reset.
    setDynamicSortFilter(true);
}

void AlarmFilterProxy::setMinimumSeverity(AlarmSeverity severity)
{
    if (severity == m_minimum)
        return;
    m_minimum = severity;
    invalidateRowsFilter();
}

void AlarmFilterProxy::setText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    invalidateRowsFilter();
}

void AlarmFilterProxy::setAttentionOnly(bool on)
{
    if (on == m_attentionOnly)
        return;
    m_attentionOnly = on;
    invalidateRowsFilter();
}

void AlarmFilterProxy::setIncludeQuiet(bool on)
{
    if (on == m_includeQuiet)
        return;
    m_includeQuiet = on;
    invalidateRowsFilter();
}

bool AlarmFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (index.data(AlarmModel::SeverityRankRole).toInt() < int(m_minimum))
        return false;
    if (m_attentionOnly && !index.data(AlarmModel::AttentionRole).toBool())
        return false;
    if (!m_includeQuiet && index.data(AlarmModel::QuietRole).toBool())
        return false;
    return m_text.isEmpty() || index.data(AlarmModel::SearchTextRole).toString().contains(m_text, Qt::CaseInsensitive);
}

} // namespace noc
