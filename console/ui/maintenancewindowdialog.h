#pragma once

#include "maintenancemodel.h"

#include <QDialog>
#include <QList>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;

namespace noc {

// Plans a maintenance window: a title, its scope (devices and/or sites, picked from the topology),
// and when: once from a start to an end, or daily / weekly (on chosen weekdays) at the start's and
// end's times of day, optionally until a date. OK stays disabled, with the reason shown, until the
// window makes sense. GUI thread; opened with open() by the alarms page, which owns it.
class MaintenanceWindowDialog : public QDialog
{
    Q_OBJECT
public:
    struct Choice
    {
        QString id;      // device id or site code: what the API takes
        QString label;   // what the operator reads
    };

    MaintenanceWindowDialog(const QList<Choice> &devices, const QList<Choice> &sites, QWidget *parent = nullptr);

    MaintenanceWindowRecord window() const;
    QString problem() const;   // empty when OK may be pressed

    QLineEdit *titleEdit() const { return m_title; }
    QListWidget *deviceList() const { return m_devices; }
    QListWidget *siteList() const { return m_sites; }
    QComboBox *recurrenceBox() const { return m_recurrence; }
    QDateTimeEdit *startEdit() const { return m_start; }
    QDateTimeEdit *endEdit() const { return m_end; }
    QCheckBox *weekdayBox(int day) const { return m_weekdays.value(day - 1); }
    QCheckBox *untilBox() const { return m_hasUntil; }
    QDateEdit *untilEdit() const { return m_until; }
    QDialogButtonBox *buttons() const { return m_buttons; }

    void accept() override;

private:
    void validate();
    MaintenanceWindowRecord::Recurrence recurrence() const;

    QLineEdit *m_title;
    QListWidget *m_devices;
    QListWidget *m_sites;
    QComboBox *m_recurrence;
    QDateTimeEdit *m_start;
    QDateTimeEdit *m_end;
    QWidget *m_weekdayRow;
    QList<QCheckBox *> m_weekdays;   // Monday first
    QCheckBox *m_hasUntil;
    QDateEdit *m_until;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace noc
