#pragma once

#include <QAbstractTableModel>
#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <optional>

namespace noc {

// One maintenance window as GET /api/v1/monitor/maintenance lists it. fromJson() refuses a window
// without an id, a start or an end; toRequestJson() is the body of a POST that creates it.
struct MaintenanceWindowRecord
{
    enum class Recurrence { None, Daily, Weekly };

    qint64 id = 0;
    QString title;
    QString createdBy;
    QDateTime createdAt;
    QStringList devices;     // inventory device ids
    QStringList sites;       // site codes
    Recurrence recurrence = Recurrence::None;
    QDateTime start;
    QDateTime end;
    QList<int> weekdays;     // 1 (Monday) .. 7, for weekly windows
    QDate until;             // last day a recurring window repeats; invalid: no end
    QDateTime endedAt;
    bool activeNow = false;

    static std::optional<MaintenanceWindowRecord> fromJson(const QJsonObject &json);
    QJsonObject toRequestJson() const;
    static QString recurrenceName(Recurrence recurrence);
};

// The maintenance windows for the Maintenance tab: reset from a GET, one row updated or added in
// place when a POST answers with a window. Never does I/O. GUI thread; owned by the page.
class MaintenanceModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TitleColumn, ScopeColumn, ScheduleColumn, StartColumn, EndColumn, StatusColumn, CreatedByColumn, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1, WindowIdRole };

    explicit MaintenanceModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setWindows(const QList<MaintenanceWindowRecord> &windows);
    void updateWindow(const MaintenanceWindowRecord &window);
    void clear();
    void setDeviceNames(const QHash<QString, QString> &names);
    void retranslate();

    MaintenanceWindowRecord window(int row) const { return m_windows.value(row); }
    int rowOfId(qint64 id) const;

private:
    QString scopeText(const MaintenanceWindowRecord &w) const;
    QString scheduleText(const MaintenanceWindowRecord &w) const;
    QString statusText(const MaintenanceWindowRecord &w) const;

    QList<MaintenanceWindowRecord> m_windows;
    QHash<QString, QString> m_deviceNames;
};

} // namespace noc
