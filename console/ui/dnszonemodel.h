#pragma once

#include "dnsstatistics.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>

namespace noc {

// The zones the engine's DNS server publishes, for the DNS page: apex, SOA serial, owner names,
// the journal entry the zone reflects, when it was published and how long ago (measured against
// the engine's clock at the same snapshot, so a skewed console clock cannot make it negative).
// A poll with the same zones updates the rows in place (selection and scroll position stay).
// Never does I/O. GUI thread; owned by the DNS page.
class DnsZoneModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { ApexColumn, SerialColumn, NodesColumn, JournalColumn, PublishedColumn, AgeColumn, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole + 1,   // numbers and times as numbers, for a sort proxy
    };

    explicit DnsZoneModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The zones of one snapshot, and the engine's time of that snapshot.
    void setZones(const QList<DnsStatisticsSample::Zone> &zones, const QDateTime &at);
    void clear();
    DnsStatisticsSample::Zone zone(int row) const { return m_zones.value(row); }
    void retranslate();

    // "45 s", "12 min", "3 h 5 min", "2 d 4 h"; "" for a negative or unknown age.
    static QString ageText(qint64 seconds);

private:
    QList<DnsStatisticsSample::Zone> m_zones;
    QDateTime m_at;
};

} // namespace noc
