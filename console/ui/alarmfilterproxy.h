#pragma once

#include "alarmrecord.h"

#include <QSortFilterProxyModel>
#include <QString>

namespace noc {

// The Alarms tab's filter bar over an AlarmModel: a minimum severity, a text matched against the
// device and the cause, "needs attention only" (unacknowledged alarms that want attention), and
// whether alarms silenced by a failed parent or a maintenance window are shown at all. Sorts on
// AlarmModel::SortRole. GUI thread; owned by the page.
class AlarmFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit AlarmFilterProxy(QObject *parent = nullptr);

    void setMinimumSeverity(AlarmSeverity severity);
    AlarmSeverity minimumSeverity() const { return m_minimum; }
    void setText(const QString &text);
    QString text() const { return m_text; }
    void setAttentionOnly(bool on);
    bool attentionOnly() const { return m_attentionOnly; }
    void setIncludeQuiet(bool on);
    bool includeQuiet() const { return m_includeQuiet; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    AlarmSeverity m_minimum = AlarmSeverity::Warning;
    QString m_text;
    bool m_attentionOnly = false;
    bool m_includeQuiet = true;
};

} // namespace noc
