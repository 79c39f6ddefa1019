#include "maintenancemodel.h"

#include "alarmrecord.h"
#include "alarmtext.h"
#include "modelrefresh.h"

#include <QFont>
#include <QJsonArray>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace noc {

namespace {
constexpr int MaxScopeEntries = 10000;

QStringList stringList(const QJsonValue &value)
{
    QStringList out;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &v : array) {
        if (out.size() >= MaxScopeEntries)
            break;
        if (v.isString())
            out.append(v.toString().left(64));
        else if (v.isDouble())
            out.append(QString::number(v.toInteger()));
    }
    return out;
}

QJsonArray jsonArray(const QStringList &list)
{
    QJsonArray out;
    for (const QString &s : list)
        out.append(s);
    return out;
}
} // namespace

QString MaintenanceWindowRecord::recurrenceName(Recurrence recurrence)
{
    switch (recurrence) {
    case Recurrence::None: return u"none"_s;
    case Recurrence::Daily: return u"daily"_s;
    case Recurrence::Weekly: return u"weekly"_s;
    }
    return {};
}

std::optional<MaintenanceWindowRecord> MaintenanceWindowRecord::fromJson(const QJsonObject &json)
{
    MaintenanceWindowRecord w;
    w.id = json.value("id"_L1).toInteger(0);
    w.start = parseApiTime(json.value("start"_L1).toString());
    w.end = parseApiTime(json.value("end"_L1).toString());
    if (w.id <= 0 || !w.start.isValid() || !w.end.isValid())
        return std::nullopt;
    w.title = json.value("title"_L1).toString().left(500);
    w.createdBy = json.value("createdBy"_L1).toString().left(64);
    w.createdAt = parseApiTime(json.value("createdAt"_L1).toString());
    w.devices = stringList(json.value("devices"_L1));
    w.sites = stringList(json.value("sites"_L1));
    const QString recurrence = json.value("recurrence"_L1).toString();
    w.recurrence = recurrence == "daily"_L1 ? Recurrence::Daily : recurrence == "weekly"_L1 ? Recurrence::Weekly : Recurrence::None;
    const QJsonArray days = json.value("weekdays"_L1).toArray();
    for (const QJsonValue &d : days) {
        const int day = d.toInt();
        if (day >= 1 && day <= 7 && !w.weekdays.contains(day))
            w.weekdays.append(day);
    }
    w.until = QDate::fromString(json.value("until"_L1).toString().left(10), Qt::ISODate);
    w.endedAt = parseApiTime(json.value("endedAt"_L1).toString());
    w.activeNow = json.value("activeNow"_L1).toBool();
    return w;
}

QJsonObject MaintenanceWindowRecord::toRequestJson() const
{
    QJsonObject json{{u"title"_s, title},
                     {u"devices"_s, jsonArray(devices)},
                     {u"sites"_s, jsonArray(sites)},
                     {u"recurrence"_s, recurrenceName(recurrence)},
                     {u"start"_s, apiTimeText(start)},
                     {u"end"_s, apiTimeText(end)}};
    if (recurrence == Recurrence::Weekly) {
        QJsonArray days;
        for (int d : weekdays)
            days.append(d);
        json.insert(u"weekdays"_s, days);
    }
    if (recurrence != Recurrence::None && until.isValid())
        json.insert(u"until"_s, until.toString(Qt::ISODate));
    return json;
}

MaintenanceModel::MaintenanceModel(QObject *parent) : QAbstractTableModel(parent)
{
}

int MaintenanceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_windows.size());
}

int MaintenanceModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString MaintenanceModel::scopeText(const MaintenanceWindowRecord &w) const
{
    QStringList parts;
    for (const QString &d : w.devices)
        parts.append(m_deviceNames.value(d, d));
    for (const QString &s : w.sites)
        parts.append(tr("site %1").arg(s));
    return parts.join(u", "_s);
}

QString MaintenanceModel::scheduleText(const MaintenanceWindowRecord &w) const
{
    const QString until = w.until.isValid() ? u' ' + tr("until %1").arg(QLocale().toString(w.until, QLocale::ShortFormat)) : QString();
    switch (w.recurrence) {
    case MaintenanceWindowRecord::Recurrence::None: return tr("once");
    case MaintenanceWindowRecord::Recurrence::Daily: return tr("daily") + until;
    case MaintenanceWindowRecord::Recurrence::Weekly: {
        QStringList days;
        for (int d : w.weekdays)
            days.append(QLocale().dayName(d, QLocale::ShortFormat));
        return tr("weekly on %1").arg(days.join(u", "_s)) + until;
    }
    }
    return {};
}

QString MaintenanceModel::statusText(const MaintenanceWindowRecord &w) const
{
    if (w.endedAt.isValid())
        return tr("ended %1").arg(AlarmText::localTime(w.endedAt));
    return w.activeNow ? tr("active now") : tr("planned");
}

QVariant MaintenanceModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const MaintenanceWindowRecord &w = m_windows.at(index.row());
    const auto column = Column(index.column());
    if (role == Qt::DisplayRole) {
        switch (column) {
        case TitleColumn: return w.title;
        case ScopeColumn: return scopeText(w);
        case ScheduleColumn: return scheduleText(w);
        case StartColumn: return AlarmText::localTime(w.start);
        case EndColumn: return AlarmText::localTime(w.end);
        case StatusColumn: return statusText(w);
        case CreatedByColumn: return w.createdBy;
        case ColumnCount: break;
        }
        return {};
    }
    if (role == Qt::ToolTipRole && (column == StartColumn || column == EndColumn))
        return AlarmText::utcTime(column == StartColumn ? w.start : w.end);
    if (role == Qt::FontRole && w.activeNow && !w.endedAt.isValid()) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role == SortRole) {
        if (column == StartColumn)
            return w.start.toMSecsSinceEpoch();
        if (column == EndColumn)
            return w.end.toMSecsSinceEpoch();
        return data(index, Qt::DisplayRole);
    }
    if (role == WindowIdRole)
        return w.id;
    return {};
}

QVariant MaintenanceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case TitleColumn: return tr("Title");
    case ScopeColumn: return tr("Scope");
    case ScheduleColumn: return tr("Schedule");
    case StartColumn: return tr("Start");
    case EndColumn: return tr("End");
    case StatusColumn: return tr("Status");
    case CreatedByColumn: return tr("Created by");
    case ColumnCount: break;
    }
    return {};
}

void MaintenanceModel::setWindows(const QList<MaintenanceWindowRecord> &windows)
{
    beginResetModel();
    m_windows = windows;
    endResetModel();
}

void MaintenanceModel::updateWindow(const MaintenanceWindowRecord &window)
{
    const int row = rowOfId(window.id);
    if (row >= 0) {
        m_windows[row] = window;
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    const int at = int(m_windows.size());
    beginInsertRows({}, at, at);
    m_windows.append(window);
    endInsertRows();
}

void MaintenanceModel::clear()
{
    if (m_windows.isEmpty())
        return;
    beginResetModel();
    m_windows.clear();
    endResetModel();
}

void MaintenanceModel::setDeviceNames(const QHash<QString, QString> &names)
{
    m_deviceNames = names;
    ModelRefresh::columns(this, ScopeColumn, ScopeColumn);
}

void MaintenanceModel::retranslate()
{
    ModelRefresh::retranslate(this);
}

int MaintenanceModel::rowOfId(qint64 id) const
{
    for (qsizetype i = 0; i < m_windows.size(); ++i) {
        if (m_windows.at(i).id == id)
            return int(i);
    }
    return -1;
}

} // namespace noc
