#include "eventlogmodel.h"

#include "servicestatusmodel.h"

#include <QBrush>
#include <QJsonValue>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace noc {

namespace {

QDateTime eventTime(const QJsonObject &event)
{
    const QDateTime t = QDateTime::fromString(event.value("time"_L1).toString(), Qt::ISODateWithMs);
    // Events without a usable time are stamped on arrival: better an approximate time than none.
    return t.isValid() ? t.toUTC() : QDateTime::currentDateTimeUtc();
}

} // namespace

EventLogModel::EventLogModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int EventLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int EventLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &e = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn: return QLocale().toString(e.time.toLocalTime(), u"HH:mm:ss"_s);
        case TypeColumn: return typeText(e);
        case SummaryColumn: return summaryText(e);
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == TimeColumn)
            return e.time.toString(Qt::ISODateWithMs);
        if (index.column() == SummaryColumn)
            return summaryText(e);
        break;
    case Qt::ForegroundRole:
        if (index.column() == TypeColumn && e.severity != StatusPalette::Severity::Neutral)
            return QBrush(StatusPalette::text(e.severity));
        break;
    case KindRole:
        return int(e.kind);
    case SequenceRole:
        return e.seq;
    case SeverityRole:
        return int(e.severity);
    }
    return {};
}

QVariant EventLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn: return tr("Time");
    case TypeColumn: return tr("Event");
    case SummaryColumn: return tr("What happened");
    }
    return {};
}

bool EventLogModel::addEngineEvent(const QJsonObject &event)
{
    const QString type = event.value("type"_L1).toString();
    Entry e;
    e.type = type;
    e.time = eventTime(event);

    if (type == "journal"_L1) {
        const QJsonValue seq = event.value("seq"_L1);
        const QString kind = event.value("kind"_L1).toString();
        if (!seq.isDouble() || seq.toDouble() < 1 || kind.isEmpty())
            return false;
        e.kind = Kind::Journal;
        e.seq = qint64(seq.toDouble());
        e.fields = {kind, event.value("object"_L1).toString(), event.value("actor"_L1).toString()};
        e.severity = StatusPalette::Severity::Info;
    } else if (type == "service"_L1) {
        const QString name = event.value("name"_L1).toString();
        const QString state = event.value("state"_L1).toString();
        if (name.isEmpty() || state.isEmpty())
            return false;
        e.kind = Kind::Service;
        e.fields = {name, state, event.value("detail"_L1).toString()};
        e.severity = ServiceStatusModel::severityOf(state);
        if (!event.contains("time"_L1) && event.value("since"_L1).isString()) {
            const QDateTime since = QDateTime::fromString(event.value("since"_L1).toString(), Qt::ISODateWithMs);
            if (since.isValid())
                e.time = since.toUTC();
        }
    } else if (type == "hello"_L1) {
        e.kind = Kind::Engine;
        e.fields = {event.value("user"_L1).toString(), event.value("version"_L1).toString()};
        e.severity = StatusPalette::Severity::Ok;
    } else if (type == "shutdown"_L1) {
        e.kind = Kind::Engine;
        e.fields = {event.value("reason"_L1).toString()};
        e.severity = StatusPalette::Severity::Warning;
    } else {
        return false;
    }
    prepend(std::move(e));
    return true;
}

void EventLogModel::addConnectionEvent(const QDateTime &time, ConnectionChange change, const QString &detail)
{
    Entry e;
    e.kind = Kind::Connection;
    e.change = change;
    e.time = time.toUTC();
    e.fields = {detail};
    switch (change) {
    case ConnectionChange::Connected: e.severity = StatusPalette::Severity::Ok; break;
    case ConnectionChange::Stale: e.severity = StatusPalette::Severity::Warning; break;
    case ConnectionChange::Lost:
    case ConnectionChange::Failed:
    case ConnectionChange::LoginFailed: e.severity = StatusPalette::Severity::Critical; break;
    case ConnectionChange::Disconnected: e.severity = StatusPalette::Severity::Neutral; break;
    }
    prepend(std::move(e));
}

void EventLogModel::clear()
{
    if (m_entries.isEmpty())
        return;
    beginResetModel();
    m_entries.clear();
    endResetModel();
}

void EventLogModel::setCapacity(int capacity)
{
    m_capacity = qMax(1, capacity);
    if (m_entries.size() > m_capacity) {
        beginRemoveRows({}, m_capacity, int(m_entries.size()) - 1);
        m_entries.resize(m_capacity);
        endRemoveRows();
    }
}

void EventLogModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_entries.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void EventLogModel::prepend(Entry entry)
{
    if (m_entries.size() >= m_capacity) {
        const int first = m_capacity - 1;
        beginRemoveRows({}, first, int(m_entries.size()) - 1);
        m_entries.resize(first);
        endRemoveRows();
    }
    beginInsertRows({}, 0, 0);
    m_entries.prepend(std::move(entry));
    endInsertRows();
}

QString EventLogModel::typeText(const Entry &e) const
{
    switch (e.kind) {
    case Kind::Journal: return tr("Journal #%1").arg(e.seq);
    case Kind::Service: return tr("Service");
    case Kind::Engine: return tr("Engine");
    case Kind::Connection: return tr("Connection");
    }
    return {};
}

QString EventLogModel::summaryText(const Entry &e) const
{
    switch (e.kind) {
    case Kind::Journal: {
        const QString &kind = e.fields.at(0);
        const QString &object = e.fields.at(1);
        const QString &actor = e.fields.at(2);
        if (object.isEmpty())
            return actor.isEmpty() ? kind : tr("%1 by %2").arg(kind, actor);
        return actor.isEmpty() ? tr("%1 %2").arg(kind, object) : tr("%1 %2 by %3").arg(kind, object, actor);
    }
    case Kind::Service: {
        const QString state = ServiceStatusModel::stateLabel(e.fields.at(1));
        const QString &detail = e.fields.at(2);
        return detail.isEmpty() ? tr("%1 is now %2").arg(e.fields.at(0), state)
                                : tr("%1 is now %2 (%3)").arg(e.fields.at(0), state, detail);
    }
    case Kind::Engine:
        if (e.type == "hello"_L1)
            return tr("Event stream opened as %1 (engine %2)").arg(e.fields.at(0), e.fields.at(1));
        return e.fields.at(0).isEmpty() ? tr("Engine is shutting down")
                                        : tr("Engine is shutting down (%1)").arg(e.fields.at(0));
    case Kind::Connection: {
        const QString &detail = e.fields.at(0);
        switch (e.change) {
        case ConnectionChange::Connected: return tr("Connected to %1").arg(detail);
        case ConnectionChange::Stale: return tr("No heartbeat from the engine: the data shown may be old");
        case ConnectionChange::Lost:
            return detail.isEmpty() ? tr("Connection lost") : tr("Connection lost: %1").arg(detail);
        case ConnectionChange::Failed:
            return detail.isEmpty() ? tr("Could not connect") : tr("Could not connect: %1").arg(detail);
        case ConnectionChange::Disconnected:
            return detail.isEmpty() ? tr("Disconnected") : tr("Disconnected: %1").arg(detail);
        case ConnectionChange::LoginFailed: return tr("Login failed: %1").arg(detail);
        }
        break;
    }
    }
    return {};
}

} // namespace noc
