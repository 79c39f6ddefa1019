#pragma once

#include "alarmrecord.h"

#include <QDialog>
#include <QJsonObject>

class QLabel;
class QTableWidget;

namespace noc {

// One alarm and its history (GET /api/v1/monitor/alarms/<id>): who raised, escalated, acknowledged
// and cleared it, when, and whether a person was notified. Opens at once with what the table knows
// and fills in when the engine answers. GUI thread; opened with open() by the alarms page.
class AlarmDetailDialog : public QDialog
{
    Q_OBJECT
public:
    AlarmDetailDialog(const AlarmRecord &alarm, const QString &deviceLabel, QWidget *parent = nullptr);

    qint64 alarmId() const { return m_alarm.id; }
    void setDetail(const QJsonObject &body);
    void setError(const QString &message);
    QTableWidget *historyTable() const { return m_history; }
    QString statusText() const;

private:
    void showAlarm();

    AlarmRecord m_alarm;
    QString m_deviceLabel;
    QLabel *m_summary;
    QLabel *m_status;
    QTableWidget *m_history;
};

} // namespace noc
