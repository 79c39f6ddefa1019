#pragma once

#include "monitorstate.h"

#include <QAbstractTableModel>
#include <QList>

namespace noc {

// The device page's interface table: one row per interface of the device's newest status (index,
// name, admin and oper status, speed, in and out rate, utilisation). An interface down while
// administratively up is tinted as a fault; a rate not measured is an empty cell, never "0".
// Updating with the same interfaces changes cells in place (selection and scroll stay); a
// different set resets. GUI thread; owned by DevicePage.
class InterfaceTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { IndexColumn, NameColumn, AdminColumn, OperColumn, SpeedColumn, InColumn, OutColumn,
                  UtilisationColumn, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole + 1,   // numbers as numbers, for a sort proxy
        IfIndexRole,
    };

    explicit InterfaceTableModel(QObject *parent = nullptr);

    void setInterfaces(const QList<MonitorInterfaceState> &interfaces);
    const QList<MonitorInterfaceState> &interfaces() const { return m_rows; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString bitRate(double bitsPerSecond);   // "1.5 Gbit/s"

private:
    QList<MonitorInterfaceState> m_rows;
};

} // namespace noc
