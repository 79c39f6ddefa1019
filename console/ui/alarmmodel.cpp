#include "alarmmodel.h"

#include "alarmtext.h"
#include "modelrefresh.h"
#include "widgets/statuspalette.h"

#include <QFont>
#include <QLocale>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace noc {

AlarmModel::AlarmModel(QObject *parent) : QAbstractTableModel(parent)
{
}

int AlarmModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_alarms.size());
}

int AlarmModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AlarmModel::deviceLabel(const AlarmRecord &alarm) const
{
    if (!alarm.deviceName.isEmpty())
        return alarm.deviceName;
    return m_deviceNames.value(alarm.device, alarm.device);
}

QVariant AlarmModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AlarmRecord &a = m_alarms.at(index.row());
    const auto column = Column(index.column());
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case SeverityColumn: return AlarmText::severity(a.severity);
        case DeviceColumn: return deviceLabel(a);
        case CauseColumn: return AlarmText::componentAndCause(a);
        case SinceColumn: return AlarmText::localTime(a.raisedAt);
        case AcknowledgementColumn: return AlarmText::acknowledgement(a);
        case StateColumn: return AlarmText::state(a, m_deviceNames.value(a.suppressedBy, a.suppressedBy));
        case ColumnCount: break;
        }
        return {};
    case Qt::ToolTipRole:
        if (column == SinceColumn)
            return AlarmText::utcTime(a.raisedAt);
        if (column == DeviceColumn)
            return tr("Device id %1").arg(a.device);
        if (column == AcknowledgementColumn && a.acknowledgement)
            return AlarmText::acknowledgementDetail(a);
        if (column == CauseColumn)
            return a.cause;
        return {};
    case Qt::BackgroundRole:
        if (column == SeverityColumn)
            return StatusPalette::pale(AlarmText::paletteSeverity(a.severity));
        return {};
    case Qt::ForegroundRole:
        if (column == SeverityColumn)
            return StatusPalette::text(AlarmText::paletteSeverity(a.severity));
        if (!a.wantsAttention())
            return StatusPalette::text(StatusPalette::Severity::Neutral);
        return {};
    case Qt::FontRole:
        if (a.isUnhandledSevere()) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case SortRole:
        switch (column) {
        case SeverityColumn: return int(a.severity);
        case SinceColumn: return a.raisedAt.toMSecsSinceEpoch();
        case DeviceColumn: return deviceLabel(a);
        case CauseColumn: return AlarmText::componentAndCause(a);
        case AcknowledgementColumn: return a.acknowledgement ? a.acknowledgement->by : QString();
        case StateColumn: return int(a.isSuppressed()) * 2 + int(a.inMaintenance);
        case ColumnCount: break;
        }
        return {};
    case SeverityRankRole: return int(a.severity);
    case AttentionRole: return a.wantsAttention() && !a.isAcknowledged();
    case QuietRole: return a.isSuppressed() || a.inMaintenance;
    case SearchTextRole:
        return QStringList{deviceLabel(a), a.device, a.component, a.summary, a.cause}.join(u'\n');
    case AlarmIdRole: return a.id;
    default: return {};
    }
}

QVariant AlarmModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case SeverityColumn: return tr("Severity");
    case DeviceColumn: return tr("Device");
    case CauseColumn: return tr("Cause");
    case SinceColumn: return tr("Since");
    case AcknowledgementColumn: return tr("Acknowledged");
    case StateColumn: return tr("State");
    case ColumnCount: break;
    }
    return {};
}

void AlarmModel::setAlarms(const QList<AlarmRecord> &alarms)
{
    beginResetModel();
    m_alarms.clear();
    for (const AlarmRecord &a : alarms) {
        if (a.active)
            m_alarms.append(a);
    }
    std::stable_sort(m_alarms.begin(), m_alarms.end(), [](const AlarmRecord &x, const AlarmRecord &y) { return x.id < y.id; });
    // A duplicate id in a hostile answer would make rowOfId() ambiguous: keep the last one.
    const auto kept = std::unique(m_alarms.rbegin(), m_alarms.rend(),
                                  [](const AlarmRecord &x, const AlarmRecord &y) { return x.id == y.id; });
    m_alarms.erase(m_alarms.begin(), kept.base());
    endResetModel();
    noteCount();
}

int AlarmModel::rowOfId(qint64 id) const
{
    const auto it = std::lower_bound(m_alarms.cbegin(), m_alarms.cend(), id,
                                     [](const AlarmRecord &a, qint64 key) { return a.id < key; });
    return it != m_alarms.cend() && it->id == id ? int(it - m_alarms.cbegin()) : -1;
}

void AlarmModel::applyChange(const AlarmChangeEvent &change)
{
    const AlarmRecord &a = change.alarm;
    const int row = rowOfId(a.id);
    if (change.isCleared()) {
        if (row >= 0) {
            beginRemoveRows({}, row, row);
            m_alarms.removeAt(row);
            endRemoveRows();
        }
    } else if (row >= 0) {
        m_alarms[row] = a;
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    } else {
        const auto it = std::lower_bound(m_alarms.cbegin(), m_alarms.cend(), a.id,
                                         [](const AlarmRecord &x, qint64 key) { return x.id < key; });
        const int at = int(it - m_alarms.cbegin());
        beginInsertRows({}, at, at);
        m_alarms.insert(at, a);
        endInsertRows();
    }
    noteCount();
}

void AlarmModel::clear()
{
    if (!m_alarms.isEmpty()) {
        beginResetModel();
        m_alarms.clear();
        endResetModel();
    }
    noteCount();
}

void AlarmModel::setDeviceNames(const QHash<QString, QString> &names)
{
    m_deviceNames = names;
    ModelRefresh::columns(this, 0, ColumnCount - 1);
}

void AlarmModel::retranslate()
{
    ModelRefresh::retranslate(this);
}

int AlarmModel::unhandledSevereCount() const
{
    return int(std::count_if(m_alarms.cbegin(), m_alarms.cend(), [](const AlarmRecord &a) { return a.isUnhandledSevere(); }));
}

void AlarmModel::noteCount()
{
    const int count = unhandledSevereCount();
    if (count == m_unhandledSevere)
        return;
    m_unhandledSevere = count;
    Q_EMIT unhandledSevereCountChanged(count);
}

} // namespace noc
