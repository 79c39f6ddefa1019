#pragma once

#include "widgets/statuspalette.h"

#include <QAbstractTableModel>
#include <QIcon>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <array>
#include <optional>

namespace noc {

// One engine service as the management API reports it (GET /status "services", or a "service" event).
struct ServiceInfo
{
    QString name;
    QString state;     // starting, running, stopping, stopped, failed, not-available (or a newer one)
    QString listen;
    QString detail;
    QDateTime since;   // UTC; invalid when the engine did not say

    // nullopt when the object lacks a non-empty string "name" or "state"; other fields are optional.
    static std::optional<ServiceInfo> fromJson(const QJsonObject &object);
    bool operator==(const ServiceInfo &) const = default;
};

// Table of the engine's services and their states for the Overview page. Fed by the console session
// (whole lists from status documents, single rows from service events); it never does I/O itself.
// A row keeps its position while the service exists, so a selection survives updates.
// GUI thread; owned by the page that shows it.
class ServiceStatusModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, StateColumn, ListenColumn, DetailColumn, SinceColumn, ColumnCount };
    enum Role {
        StateRole = Qt::UserRole + 1,   // the raw state string ("running"), for tests and filters
        SeverityRole,                   // int(StatusPalette::Severity)
    };

    explicit ServiceStatusModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Replaces the list from a status document's "services" array; malformed entries are skipped.
    // Returns how many entries were skipped.
    int setServices(const QJsonArray &services);
    // Applies one "service" event: updates the named row or appends a new one. false if malformed.
    bool applyServiceEvent(const QJsonObject &event);
    void clear();

    int rowOf(const QString &name) const;   // -1 when unknown
    ServiceInfo service(int row) const;

    // Re-emits header and cell text after a language change.
    void retranslate();

    static QString stateLabel(const QString &state);
    static StatusPalette::Severity severityOf(const QString &state);

private:
    QIcon dotIcon(StatusPalette::Severity severity) const;

    QList<ServiceInfo> m_services;
    mutable std::array<QIcon, 5> m_dots;
};

} // namespace noc
