#include "registraractivitymodel.h"

#include "registryformat.h"
#include "widgets/statuspalette.h"

#include <QBrush>
#include <QLocale>
#include <QSet>

using namespace Qt::StringLiterals;

namespace noc {

RegistrarActivityModel::RegistrarActivityModel(Kind kind, QObject *parent)
    : QAbstractTableModel(parent)
    , m_kind(kind)
{
}

int RegistrarActivityModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RegistrarActivityModel::columnCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return m_kind == Kind::Ledger ? int(LedgerColumnCount) : int(AuditColumnCount);
}

QVariant RegistrarActivityModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject &row = m_rows.at(index.row());
    if (role == IdRole)
        return row.value("id"_L1).toInteger();
    return m_kind == Kind::Ledger ? ledgerData(row, index.column(), role) : auditData(row, index.column(), role);
}

QVariant RegistrarActivityModel::ledgerData(const QJsonObject &row, int column, int role) const
{
    const qint64 amount = row.value("amountCents"_L1).toInteger();
    if (role == AmountCentsRole)
        return amount;
    if (role == Qt::TextAlignmentRole && (column == LedgerAmount || column == LedgerBalance))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole && column == LedgerAmount && amount > 0)
        return QBrush(StatusPalette::text(StatusPalette::Severity::Ok));
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (column) {
    case LedgerTime: return RegistryFormat::time(row.value("at"_L1));
    case LedgerOperation: return row.value("operation"_L1).toString();
    case LedgerObject: return row.value("object"_L1).toString();
    case LedgerAmount: return RegistryFormat::money(amount);
    case LedgerBalance: return RegistryFormat::money(row.value("balanceAfterCents"_L1).toInteger());
    case LedgerDescription: {
        QString text = row.value("description"_L1).toString();
        const qint64 years = row.value("periodYears"_L1).toInteger();
        if (years > 0)
            text = text.isEmpty() ? tr("%n year(s)", nullptr, int(years)) : tr("%n year(s); %1", nullptr, int(years)).arg(text);
        return text;
    }
    }
    return {};
}

QVariant RegistrarActivityModel::auditData(const QJsonObject &row, int column, int role) const
{
    const int result = row.value("resultCode"_L1).toInt();
    if (role == Qt::TextAlignmentRole && (column == AuditResult || column == AuditLatency))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    // EPP 2xxx results are refusals: the rows an operator is looking for.
    if (role == Qt::ForegroundRole && column == AuditResult && result >= 2000)
        return QBrush(StatusPalette::text(StatusPalette::Severity::Critical));
    if (role == Qt::ToolTipRole && column == AuditResult)
        return row.value("message"_L1).toString();
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (column) {
    case AuditTime: return RegistryFormat::time(row.value("at"_L1));
    case AuditUser: return row.value("user"_L1).toString();
    case AuditCommand: return row.value("command"_L1).toString();
    case AuditObject: return row.value("object"_L1).toString();
    case AuditResult: return QString::number(result);
    case AuditLatency: return tr("%1 ms").arg(QLocale().toString(row.value("latencyMicros"_L1).toDouble() / 1000.0, 'f', 1));
    case AuditClient: return row.value("clientAddress"_L1).toString();
    case AuditServerTrid: return row.value("serverTrid"_L1).toString();
    }
    return {};
}

QVariant RegistrarActivityModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    if (m_kind == Kind::Ledger) {
        switch (LedgerColumn(section)) {
        case LedgerTime: return tr("Time");
        case LedgerOperation: return tr("Operation");
        case LedgerObject: return tr("Object");
        case LedgerAmount: return tr("Amount");
        case LedgerBalance: return tr("Balance after");
        case LedgerDescription: return tr("Description");
        case LedgerColumnCount: break;
        }
        return {};
    }
    switch (AuditColumn(section)) {
    case AuditTime: return tr("Time");
    case AuditUser: return tr("User");
    case AuditCommand: return tr("Command");
    case AuditObject: return tr("Object");
    case AuditResult: return tr("Result");
    case AuditLatency: return tr("Latency");
    case AuditClient: return tr("Client address");
    case AuditServerTrid: return tr("Server TRID");
    case AuditColumnCount: break;
    }
    return {};
}

void RegistrarActivityModel::appendPage(const QJsonArray &entries, qint64 next)
{
    QSet<qint64> known;
    for (const QJsonObject &row : std::as_const(m_rows))
        known.insert(row.value("id"_L1).toInteger());
    QList<QJsonObject> fresh;
    for (const QJsonValue &v : entries) {
        const QJsonObject o = v.toObject();
        const QJsonValue id = o.value("id"_L1);
        if (!id.isDouble() || known.contains(id.toInteger()))
            continue;
        known.insert(id.toInteger());
        fresh.append(o);
    }
    m_next = next > 0 ? next : -1;
    if (fresh.isEmpty())
        return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + fresh.size() - 1));
    m_rows.append(fresh);
    endInsertRows();
}

void RegistrarActivityModel::clear()
{
    m_next = -1;
    if (m_rows.isEmpty())
        return;
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

QJsonObject RegistrarActivityModel::entry(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row) : QJsonObject();
}

void RegistrarActivityModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, columnCount() - 1));
}

} // namespace noc
