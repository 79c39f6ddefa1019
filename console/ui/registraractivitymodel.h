#pragma once

#include <QAbstractTableModel>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>

namespace noc {

// One registrar's ledger or XRP audit trail on the Registry page, newest first, page by page:
// "load more" appends the next older page. The engine pages by row id, so the model remembers the
// id to continue before and drops rows it already holds (a page requested twice never doubles
// a row). Rows without an id are dropped. Never does I/O.
// GUI thread; owned by the Registry page.
class RegistrarActivityModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum class Kind { Ledger, Audit };
    enum LedgerColumn { LedgerTime, LedgerOperation, LedgerObject, LedgerAmount, LedgerBalance, LedgerDescription, LedgerColumnCount };
    enum AuditColumn { AuditTime, AuditUser, AuditCommand, AuditObject, AuditResult, AuditLatency, AuditClient, AuditServerTrid,
                       AuditColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1,   // the engine's row id
        AmountCentsRole,             // ledger: the signed amount in cents
    };

    explicit RegistrarActivityModel(Kind kind, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    Kind kind() const { return m_kind; }
    // Appends a page; next is the engine's "next" (the id to ask before), or -1 on the last page.
    void appendPage(const QJsonArray &entries, qint64 next);
    void clear();
    bool hasMore() const { return m_next > 0; }
    qint64 nextBefore() const { return m_next; }
    QJsonObject entry(int row) const;

    void retranslate();

private:
    QVariant ledgerData(const QJsonObject &row, int column, int role) const;
    QVariant auditData(const QJsonObject &row, int column, int role) const;

    Kind m_kind;
    QList<QJsonObject> m_rows;   // newest first
    qint64 m_next = -1;
};

} // namespace noc
