#include "registrysearchmodel.h"

#include "registryformat.h"

using namespace Qt::StringLiterals;

namespace noc {

RegistrySearchModel::RegistrySearchModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int RegistrySearchModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RegistrySearchModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RegistrySearchModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject &row = m_rows.at(index.row());
    if (role == KeyRole)
        return row.value("key"_L1).toString();
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case KeyColumn:
        return row.value("key"_L1).toString();
    case NameColumn:
        // Domains and hosts have no name beside their key; their ROID is the next best identifier.
        return row.contains("name"_L1) ? row.value("name"_L1).toString() : row.value("roid"_L1).toString();
    case RegistrarColumn:
        return row.value("registrar"_L1).toString();
    case StatusColumn:
        return RegistryFormat::statuses(row.value("statuses"_L1));
    case InfoColumn:
        if (m_type == ObjectType::Host)
            return row.value("subordinate"_L1).toBool() ? tr("in-registry") : tr("external");
        if (m_type == ObjectType::Registrar)
            return row.value("availableCents"_L1).isDouble() ? RegistryFormat::money(row.value("availableCents"_L1).toInteger()) : QString();
        return RegistryFormat::time(row.value("expiresAt"_L1));
    }
    return {};
}

QVariant RegistrySearchModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case KeyColumn:
        return m_type == ObjectType::Domain || m_type == ObjectType::Host ? tr("Name") : tr("ID");
    case NameColumn:
        return m_type == ObjectType::Domain || m_type == ObjectType::Host ? tr("ROID") : tr("Name");
    case RegistrarColumn:
        return tr("Registrar");
    case StatusColumn:
        return tr("Status");
    case InfoColumn:
        if (m_type == ObjectType::Host)
            return tr("Kind");
        return m_type == ObjectType::Registrar ? tr("Available") : tr("Expires");
    case ColumnCount:
        break;
    }
    return {};
}

QList<QJsonObject> RegistrySearchModel::validRows(const QJsonArray &results) const
{
    QList<QJsonObject> rows;
    rows.reserve(results.size());
    for (const QJsonValue &v : results) {
        const QJsonObject o = v.toObject();
        if (o.value("key"_L1).isString() && !o.value("key"_L1).toString().isEmpty())
            rows.append(o);
    }
    return rows;
}

void RegistrySearchModel::setResults(ObjectType type, const QJsonArray &results, const QString &nextCursor)
{
    beginResetModel();
    const bool headersChange = type != m_type;
    m_type = type;
    m_rows = validRows(results);
    m_next = nextCursor;
    endResetModel();
    if (headersChange)
        Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

void RegistrySearchModel::appendResults(const QJsonArray &results, const QString &nextCursor)
{
    const QList<QJsonObject> rows = validRows(results);
    m_next = nextCursor;
    if (rows.isEmpty())
        return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + rows.size() - 1));
    m_rows.append(rows);
    endInsertRows();
}

void RegistrySearchModel::clear()
{
    if (m_rows.isEmpty() && m_next.isEmpty())
        return;
    beginResetModel();
    m_rows.clear();
    m_next.clear();
    endResetModel();
}

QString RegistrySearchModel::key(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).value("key"_L1).toString() : QString();
}

int RegistrySearchModel::rowOfKey(const QString &key) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).value("key"_L1).toString() == key)
            return int(i);
    }
    return -1;
}

QString RegistrySearchModel::typeName(ObjectType type)
{
    switch (type) {
    case ObjectType::Domain: return u"domain"_s;
    case ObjectType::Host: return u"host"_s;
    case ObjectType::Contact: return u"contact"_s;
    case ObjectType::Registrar: return u"registrar"_s;
    }
    return {};
}

void RegistrySearchModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

} // namespace noc
