#pragma once

#include <QAbstractTableModel>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace noc {

// The Registry page's search results: one row per object the engine found, in the engine's order,
// page after page ("load more" appends). The columns are the same for every object type; what a
// column holds depends on the type (a domain's expiry, a contact's or registrar's name). Rows
// without a key are dropped: the key is what the detail pane opens. Never does I/O.
// GUI thread; owned by the Registry page.
class RegistrySearchModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    // InfoColumn: a domain's expiry, a host's kind (in-registry or external), a registrar's available funds.
    enum Column { KeyColumn, NameColumn, RegistrarColumn, StatusColumn, InfoColumn, ColumnCount };
    enum class ObjectType { Domain, Host, Contact, Registrar };
    enum Role { KeyRole = Qt::UserRole + 1 };

    explicit RegistrySearchModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // A new result set replaces the old one; nextCursor is empty on the last page.
    void setResults(ObjectType type, const QJsonArray &results, const QString &nextCursor);
    // The next page of the same search.
    void appendResults(const QJsonArray &results, const QString &nextCursor);
    void clear();

    ObjectType objectType() const { return m_type; }
    QString key(int row) const;
    int rowOfKey(const QString &key) const;
    QString nextCursor() const { return m_next; }
    bool hasMore() const { return !m_next.isEmpty(); }

    static QString typeName(ObjectType type);   // "domain", the API's spelling

    void retranslate();

private:
    QList<QJsonObject> validRows(const QJsonArray &results) const;

    ObjectType m_type = ObjectType::Domain;
    QList<QJsonObject> m_rows;
    QString m_next;
};

} // namespace noc
