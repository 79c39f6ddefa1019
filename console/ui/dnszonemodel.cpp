#include "dnszonemodel.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace noc {

DnsZoneModel::DnsZoneModel(QObject *parent) : QAbstractTableModel(parent)
{
}

int DnsZoneModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_zones.size());
}

int DnsZoneModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DnsZoneModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DnsStatisticsSample::Zone &z = m_zones.at(index.row());
    const qint64 age = z.publishedAt.isValid() && m_at.isValid() ? z.publishedAt.secsTo(m_at) : -1;
    if (role == Qt::DisplayRole) {
        const QLocale locale;
        switch (Column(index.column())) {
        case ApexColumn: return z.apex;
        case SerialColumn: return QString::number(z.serial);   // serials read as digits, not grouped
        case NodesColumn: return locale.toString(qulonglong(z.nodes));
        case JournalColumn: return QString::number(z.journalSequence);
        case PublishedColumn:
            return z.publishedAt.isValid() ? locale.toString(z.publishedAt.toLocalTime(), u"yyyy-MM-dd HH:mm:ss"_s) : tr("not yet");
        case AgeColumn: return ageText(age);
        case ColumnCount: break;
        }
        return {};
    }
    if (role == SortRole) {
        switch (Column(index.column())) {
        case ApexColumn: return z.apex;
        case SerialColumn: return qulonglong(z.serial);
        case NodesColumn: return qulonglong(z.nodes);
        case JournalColumn: return z.journalSequence;
        case PublishedColumn: return z.publishedAt.isValid() ? z.publishedAt.toMSecsSinceEpoch() : qint64(-1);
        case AgeColumn: return age;
        case ColumnCount: break;
        }
        return {};
    }
    if (role == Qt::TextAlignmentRole && index.column() != ApexColumn && index.column() != PublishedColumn)
        return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    if (role == Qt::ToolTipRole && index.column() == PublishedColumn && z.publishedAt.isValid())
        return z.publishedAt.toUTC().toString(Qt::ISODateWithMs);
    return {};
}

QVariant DnsZoneModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case ApexColumn: return tr("Zone");
    case SerialColumn: return tr("Serial");
    case NodesColumn: return tr("Names");
    case JournalColumn: return tr("Journal entry");
    case PublishedColumn: return tr("Published");
    case AgeColumn: return tr("Age");
    case ColumnCount: break;
    }
    return {};
}

void DnsZoneModel::setZones(const QList<DnsStatisticsSample::Zone> &zones, const QDateTime &at)
{
    bool sameApexes = zones.size() == m_zones.size();
    for (qsizetype i = 0; sameApexes && i < zones.size(); ++i)
        sameApexes = zones.at(i).apex == m_zones.at(i).apex;
    if (!sameApexes) {
        beginResetModel();
        m_zones = zones;
        m_at = at;
        endResetModel();
        return;
    }
    m_zones = zones;
    m_at = at;
    if (!m_zones.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_zones.size()) - 1, ColumnCount - 1));
}

void DnsZoneModel::clear()
{
    if (m_zones.isEmpty())
        return;
    beginResetModel();
    m_zones.clear();
    m_at = QDateTime();
    endResetModel();
}

void DnsZoneModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_zones.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_zones.size()) - 1, ColumnCount - 1));
}

QString DnsZoneModel::ageText(qint64 seconds)
{
    if (seconds < 0)
        return QString();
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return tr("%1 min").arg(seconds / 60);
    if (seconds < 86400)
        return tr("%1 h %2 min").arg(seconds / 3600).arg(seconds % 3600 / 60);
    return tr("%1 d %2 h").arg(seconds / 86400).arg(seconds % 86400 / 3600);
}

} // namespace noc
