#pragma once

#include "alarmrecord.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace noc {

// The engine's active alarms for the Health & Alarms page: filled from GET /api/v1/monitor/alarms
// (setAlarms, the only reset) and kept current by {"type":"alarm"} events (applyChange inserts or
// updates one row in place by id, and removes the row when the alarm is cleared), so a view keeps
// its selection and scroll position while alarms come and go. Never does I/O. GUI thread; owned
// by the page.
class AlarmModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { SeverityColumn, DeviceColumn, CauseColumn, SinceColumn, AcknowledgementColumn, StateColumn, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole + 1,   // severity rank, time in ms, or text: for a sort proxy
        SeverityRankRole,              // int, 1 (warning) .. 4 (critical)
        AttentionRole,                 // bool: wantsAttention() and not acknowledged
        QuietRole,                     // bool: suppressed by a parent or in maintenance
        SearchTextRole,                // device name and id, component and summary, for the text filter
        AlarmIdRole,                   // qint64
    };

    explicit AlarmModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setAlarms(const QList<AlarmRecord> &alarms);
    void applyChange(const AlarmChangeEvent &change);
    void clear();
    // Names for device ids the alarms do not name themselves (from the topology).
    void setDeviceNames(const QHash<QString, QString> &names);
    void retranslate();

    AlarmRecord alarm(int row) const { return m_alarms.value(row); }
    int rowOfId(qint64 id) const;
    QString deviceLabel(const AlarmRecord &alarm) const;   // the name, else the id
    // Critical and major alarms that want attention and nobody has acknowledged.
    int unhandledSevereCount() const;

Q_SIGNALS:
    void unhandledSevereCountChanged(int count);

private:
    void noteCount();

    QList<AlarmRecord> m_alarms;   // ordered by id, as the engine lists them
    QHash<QString, QString> m_deviceNames;
    int m_unhandledSevere = 0;
};

} // namespace noc
