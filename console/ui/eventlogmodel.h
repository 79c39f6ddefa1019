#pragma once

#include "widgets/statuspalette.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace noc {

// The Overview page's "recent events": journal entries and service changes pushed by the engine's
// event stream, plus the console's own connection changes, newest first and capped so a busy
// registry cannot grow the console without bound. Heartbeats are not listed (they would drown
// everything else; their absence is what the connection indicator reports). Never does I/O.
// GUI thread; owned by the page that shows it.
class EventLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, TypeColumn, SummaryColumn, ColumnCount };
    enum class Kind { Journal, Service, Engine, Connection };
    // What the console itself saw happen to its connection.
    enum class ConnectionChange { Connected, Stale, Lost, Failed, Disconnected, LoginFailed };
    enum Role {
        KindRole = Qt::UserRole + 1,   // int(Kind)
        SequenceRole,                  // journal sequence number, or -1
        SeverityRole,                  // int(StatusPalette::Severity)
    };
    static constexpr int DefaultCapacity = 500;

    explicit EventLogModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Adds one event-stream message. Returns false (and changes nothing) for heartbeats, unknown
    // types and malformed messages.
    bool addEngineEvent(const QJsonObject &event);
    // A connection change seen by the console itself. detail: the endpoint for Connected, the
    // reason otherwise (may be empty); it comes from the connection layer, already translated.
    void addConnectionEvent(const QDateTime &time, ConnectionChange change, const QString &detail = {});
    void clear();

    void setCapacity(int capacity);   // at least 1; drops the oldest rows beyond it
    int capacity() const { return m_capacity; }

    void retranslate();

private:
    struct Entry
    {
        Kind kind = Kind::Engine;
        QDateTime time;          // UTC
        qint64 seq = -1;
        ConnectionChange change = ConnectionChange::Connected;
        QString type;            // engine event type: journal, service, hello, shutdown
        QStringList fields;      // raw values; text is composed at display time so it retranslates
        StatusPalette::Severity severity = StatusPalette::Severity::Neutral;
    };

    void prepend(Entry entry);
    QString typeText(const Entry &entry) const;
    QString summaryText(const Entry &entry) const;

    QList<Entry> m_entries;   // newest first
    int m_capacity = DefaultCapacity;
};

} // namespace noc
