#include "directoryclientmodel.h"

#include <QLocale>

namespace noc {

DirectoryClientModel::DirectoryClientModel(QObject *parent) : QAbstractTableModel(parent)
{
}

int DirectoryClientModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DirectoryClientModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DirectoryClientModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    const QString service = r.service == Service::Whois ? tr("Whois") : tr("RDAP");
    if (role == Qt::DisplayRole) {
        const QLocale locale;
        switch (Column(index.column())) {
        case AddressColumn: return r.client.address;
        case ServiceColumn: return service;
        case QueriesColumn: return locale.toString(qulonglong(r.client.queries));
        case RefusedColumn: return locale.toString(qulonglong(r.client.refused));
        case ColumnCount: break;
        }
        return {};
    }
    if (role == SortRole) {
        switch (Column(index.column())) {
        case AddressColumn: return r.client.address;
        case ServiceColumn: return service;
        case QueriesColumn: return qulonglong(r.client.queries);
        case RefusedColumn: return qulonglong(r.client.refused);
        case ColumnCount: break;
        }
        return {};
    }
    if (role == Qt::TextAlignmentRole && (index.column() == QueriesColumn || index.column() == RefusedColumn))
        return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    if (role == Qt::ToolTipRole && index.column() == RefusedColumn && r.client.queries > 0)
        return tr("%1% of its queries refused by the rate limit")
            .arg(QLocale().toString(100.0 * double(r.client.refused) / double(r.client.queries), 'f', 1));
    return {};
}

QVariant DirectoryClientModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case AddressColumn: return tr("Client address");
    case ServiceColumn: return tr("Service");
    case QueriesColumn: return tr("Queries");
    case RefusedColumn: return tr("Refused");
    case ColumnCount: break;
    }
    return {};
}

void DirectoryClientModel::setSample(const DirectoryStatisticsSample &sample)
{
    QList<Row> rows;
    rows.reserve(sample.whois.topClients.size() + sample.rdap.topClients.size());
    for (const DirectoryStatisticsSample::Client &c : sample.whois.topClients)
        rows.append({Service::Whois, c});
    for (const DirectoryStatisticsSample::Client &c : sample.rdap.topClients)
        rows.append({Service::Rdap, c});

    bool sameRows = rows.size() == m_rows.size();
    for (qsizetype i = 0; sameRows && i < rows.size(); ++i)
        sameRows = rows.at(i).service == m_rows.at(i).service && rows.at(i).client.address == m_rows.at(i).client.address;
    if (!sameRows) {
        beginResetModel();
        m_rows = rows;
        endResetModel();
        return;
    }
    m_rows = rows;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, QueriesColumn), index(int(m_rows.size()) - 1, RefusedColumn));
}

void DirectoryClientModel::clear()
{
    if (m_rows.isEmpty())
        return;
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

void DirectoryClientModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

} // namespace noc
