#include "interfacetablemodel.h"

#include "widgets/statuspalette.h"

#include <QLocale>

namespace noc {

namespace {

bool faulty(const MonitorInterfaceState &i)
{
    return i.adminStatus == 1 && i.operStatus != 0 && i.operStatus != 1 && i.operStatus != 5;
}

} // namespace

InterfaceTableModel::InterfaceTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void InterfaceTableModel::setInterfaces(const QList<MonitorInterfaceState> &interfaces)
{
    bool sameRows = interfaces.size() == m_rows.size();
    for (qsizetype i = 0; sameRows && i < interfaces.size(); ++i)
        sameRows = interfaces.at(i).ifIndex == m_rows.at(i).ifIndex;
    if (!sameRows) {
        beginResetModel();
        m_rows = interfaces;
        endResetModel();
        return;
    }
    m_rows = interfaces;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

int InterfaceTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int InterfaceTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString InterfaceTableModel::bitRate(double bps)
{
    const QLocale locale;
    struct Unit { double size; const char *name; };
    static const Unit units[] = {{1e12, "Tbit/s"}, {1e9, "Gbit/s"}, {1e6, "Mbit/s"}, {1e3, "kbit/s"}};
    for (const Unit &u : units) {
        if (bps >= u.size) {
            const double v = bps / u.size;
            return locale.toString(v, 'f', v < 10 ? 2 : 1) + QLatin1Char(' ') + QLatin1StringView(u.name);
        }
    }
    return locale.toString(bps, 'f', 0) + QLatin1StringView(" bit/s");
}

QVariant InterfaceTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const MonitorInterfaceState &i = m_rows.at(index.row());
    const QLocale locale;
    auto optionalRate = [](const std::optional<double> &v) { return v ? QVariant(bitRate(*v)) : QVariant(QString()); };
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case IndexColumn: return i.ifIndex;
        case NameColumn: return i.name;
        case AdminColumn: return MonitorInterfaceState::statusName(i.adminStatus);
        case OperColumn: return MonitorInterfaceState::statusName(i.operStatus);
        case SpeedColumn: return i.speedBps > 0 ? bitRate(double(i.speedBps)) : QString();
        case InColumn: return optionalRate(i.inBps);
        case OutColumn: return optionalRate(i.outBps);
        case UtilisationColumn:
            return i.utilisationPercent ? tr("%1 %").arg(locale.toString(*i.utilisationPercent, 'f', 1)) : QString();
        case ColumnCount: break;
        }
        return {};
    case SortRole:
        switch (Column(index.column())) {
        case IndexColumn: return i.ifIndex;
        case NameColumn: return i.name;
        case AdminColumn: return i.adminStatus;
        case OperColumn: return i.operStatus;
        case SpeedColumn: return double(i.speedBps);
        case InColumn: return i.inBps.value_or(-1);
        case OutColumn: return i.outBps.value_or(-1);
        case UtilisationColumn: return i.utilisationPercent.value_or(-1);
        case ColumnCount: break;
        }
        return {};
    case IfIndexRole:
        return i.ifIndex;
    case Qt::TextAlignmentRole:
        return index.column() == NameColumn || index.column() == AdminColumn || index.column() == OperColumn
            ? QVariant::fromValue(Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter))
            : QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    case Qt::BackgroundRole:
        return faulty(i) ? QVariant(StatusPalette::pale(StatusPalette::Severity::Critical)) : QVariant();
    case Qt::ForegroundRole:
        if (index.column() == OperColumn && faulty(i))
            return StatusPalette::text(StatusPalette::Severity::Critical);
        return {};
    case Qt::ToolTipRole:
        return faulty(i) ? tr("Down although administratively up") : QVariant();
    default:
        return {};
    }
}

QVariant InterfaceTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case IndexColumn: return tr("Index");
    case NameColumn: return tr("Interface");
    case AdminColumn: return tr("Admin");
    case OperColumn: return tr("Oper");
    case SpeedColumn: return tr("Speed");
    case InColumn: return tr("In");
    case OutColumn: return tr("Out");
    case UtilisationColumn: return tr("Utilisation");
    case ColumnCount: break;
    }
    return {};
}

} // namespace noc
