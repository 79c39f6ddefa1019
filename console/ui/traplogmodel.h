#pragma once

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>

#include <optional>

namespace noc {

// One logged trap, from GET /api/v1/monitor/traps (with varbinds) or a monitor.trap event (without:
// the stream never carries them, so a live row has none until the log is read again).
struct TrapEntry
{
    qint64 id = 0;             // 0 for a row that came from the event stream
    QDateTime receivedAt;
    QString source;            // the sender's address
    QString device;            // inventory device id, when the source is known
    QString version;
    QString securityName;
    QString trapOid;
    QString varbinds;          // "oid=value" per line
    bool inform = false;
    QString event;             // "raise major if:2", when the trap mapped to an alarm
    bool hasVarbinds = false;

    static std::optional<TrapEntry> fromLogJson(const QJsonObject &json);
    static std::optional<TrapEntry> fromEventJson(const QJsonObject &event);
};

// The trap log for its tab, newest first: reset from a GET, then live traps prepended; at most
// MaxRows, the oldest dropped, so a trap storm cannot grow the console without bound. Never does
// I/O. GUI thread; owned by the page.
class TrapLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    static constexpr int MaxRows = 2000;
    enum Column { ReceivedColumn, SourceColumn, TrapColumn, EventColumn, VersionColumn, ColumnCount };

    explicit TrapLogModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setTraps(const QList<TrapEntry> &traps);
    void prepend(const TrapEntry &trap);
    void clear();
    void setDeviceNames(const QHash<QString, QString> &names);
    void retranslate();

    TrapEntry trap(int row) const { return m_traps.value(row); }
    // A trap with its varbinds, as a person reads it in the detail pane.
    static QString detailText(const TrapEntry &trap);

private:
    QList<TrapEntry> m_traps;
    QHash<QString, QString> m_deviceNames;
};

} // namespace noc
