#pragma once

#include "directorystatistics.h"

#include <QAbstractTableModel>
#include <QList>

namespace noc {

// The busiest clients of Whois and RDAP for the directory page (seed 002: report the hosts that
// generate the most queries): one row per address and service, with its queries since the service
// started and how many of them the rate limit refused. A poll with the same rows updates them in
// place (selection and scroll position stay). Never does I/O. GUI thread; owned by the page.
class DirectoryClientModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { AddressColumn, ServiceColumn, QueriesColumn, RefusedColumn, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole + 1,   // counts as numbers, for a sort proxy
    };
    enum class Service { Whois, Rdap };

    struct Row
    {
        Service service = Service::Whois;
        DirectoryStatisticsSample::Client client;
    };

    explicit DirectoryClientModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Whois' clients, then RDAP's, each in the engine's order (most queries first).
    void setSample(const DirectoryStatisticsSample &sample);
    void clear();
    Row row(int row) const { return m_rows.value(row); }
    void retranslate();

private:
    QList<Row> m_rows;
};

} // namespace noc
