#include "servicestatusmodel.h"

#include <algorithm>

#include <QBrush>
#include <QJsonValue>
#include <QFont>
#include <QIcon>
#include <QLocale>
#include <QPainter>
#include <QPixmap>

using namespace Qt::StringLiterals;

namespace noc {

namespace {

QDateTime parseTime(const QJsonValue &value)
{
    if (!value.isString())
        return {};
    QDateTime t = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return t.isValid() ? t.toUTC() : QDateTime();
}

} // namespace

std::optional<ServiceInfo> ServiceInfo::fromJson(const QJsonObject &object)
{
    const QJsonValue name = object.value("name"_L1);
    const QJsonValue state = object.value("state"_L1);
    if (!name.isString() || name.toString().isEmpty() || !state.isString() || state.toString().isEmpty())
        return std::nullopt;
    ServiceInfo info;
    info.name = name.toString();
    info.state = state.toString();
    info.listen = object.value("listen"_L1).toString();
    info.detail = object.value("detail"_L1).toString();
    info.since = parseTime(object.value("since"_L1));
    return info;
}

ServiceStatusModel::ServiceStatusModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int ServiceStatusModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_services.size());
}

int ServiceStatusModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ServiceStatusModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ServiceInfo &s = m_services.at(index.row());
    const StatusPalette::Severity severity = severityOf(s.state);

    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn: return s.name;
        case StateColumn: return stateLabel(s.state);
        case ListenColumn: return s.listen.isEmpty() ? u"—"_s : s.listen;
        case DetailColumn: return s.detail;
        case SinceColumn:
            return s.since.isValid() ? QLocale().toString(s.since.toLocalTime(), u"yyyy-MM-dd HH:mm:ss"_s) : QString();
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == SinceColumn && s.since.isValid())
            return s.since.toString(Qt::ISODateWithMs);
        if (index.column() == StateColumn)
            return s.state;
        if (index.column() == DetailColumn && !s.detail.isEmpty())
            return s.detail;
        break;
    case Qt::DecorationRole:
        if (index.column() == StateColumn)
            return dotIcon(severity);
        break;
    case Qt::ForegroundRole:
        if (index.column() == StateColumn)
            return QBrush(StatusPalette::text(severity));
        break;
    case Qt::BackgroundRole:
        if (severity == StatusPalette::Severity::Critical || severity == StatusPalette::Severity::Warning)
            return QBrush(StatusPalette::pale(severity));
        break;
    case Qt::FontRole:
        if (index.column() == StateColumn || index.column() == NameColumn) {
            QFont font;
            font.setBold(true);
            return font;
        }
        break;
    case StateRole:
        return s.state;
    case SeverityRole:
        return int(severity);
    }
    return {};
}

QVariant ServiceStatusModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn: return tr("Service");
    case StateColumn: return tr("State");
    case ListenColumn: return tr("Listening on");
    case DetailColumn: return tr("Detail");
    case SinceColumn: return tr("Since");
    }
    return {};
}

int ServiceStatusModel::setServices(const QJsonArray &services)
{
    QList<ServiceInfo> parsed;
    parsed.reserve(services.size());
    int skipped = 0;
    for (const QJsonValue &value : services) {
        std::optional<ServiceInfo> info = ServiceInfo::fromJson(value.toObject());
        if (!info || std::any_of(parsed.cbegin(), parsed.cend(), [&](const ServiceInfo &s) { return s.name == info->name; })) {
            ++skipped;
            continue;
        }
        parsed.append(*info);
    }

    // Same services in the same order is the normal case (a status refresh): update rows in place
    // so views keep their selection and scroll position.
    bool sameRows = parsed.size() == m_services.size();
    for (qsizetype i = 0; sameRows && i < parsed.size(); ++i)
        sameRows = parsed.at(i).name == m_services.at(i).name;
    if (sameRows) {
        for (qsizetype i = 0; i < parsed.size(); ++i) {
            if (parsed.at(i) == m_services.at(i))
                continue;
            m_services[i] = parsed.at(i);
            Q_EMIT dataChanged(index(int(i), 0), index(int(i), ColumnCount - 1));
        }
        return skipped;
    }
    beginResetModel();
    m_services = parsed;
    endResetModel();
    return skipped;
}

bool ServiceStatusModel::applyServiceEvent(const QJsonObject &event)
{
    std::optional<ServiceInfo> info = ServiceInfo::fromJson(event);
    if (!info)
        return false;
    const int row = rowOf(info->name);
    if (row >= 0) {
        if (!(m_services.at(row) == *info)) {
            m_services[row] = *info;
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        }
        return true;
    }
    const int newRow = int(m_services.size());
    beginInsertRows({}, newRow, newRow);
    m_services.append(*info);
    endInsertRows();
    return true;
}

void ServiceStatusModel::clear()
{
    if (m_services.isEmpty())
        return;
    beginResetModel();
    m_services.clear();
    endResetModel();
}

QIcon ServiceStatusModel::dotIcon(StatusPalette::Severity severity) const
{
    // Painted once per severity: views ask for decorations on every repaint.
    QIcon &icon = m_dots.at(std::size_t(severity));
    if (icon.isNull()) {
        QPixmap pixmap(24, 24);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(Qt::NoPen);
        p.setBrush(StatusPalette::background(severity));
        p.drawEllipse(QRectF(4, 4, 16, 16));
        p.end();
        icon = QIcon(pixmap);
    }
    return icon;
}

int ServiceStatusModel::rowOf(const QString &name) const
{
    for (qsizetype i = 0; i < m_services.size(); ++i) {
        if (m_services.at(i).name == name)
            return int(i);
    }
    return -1;
}

ServiceInfo ServiceStatusModel::service(int row) const
{
    return m_services.value(row);
}

void ServiceStatusModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_services.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

QString ServiceStatusModel::stateLabel(const QString &state)
{
    if (state == "starting"_L1) return tr("Starting");
    if (state == "running"_L1) return tr("Running");
    if (state == "stopping"_L1) return tr("Stopping");
    if (state == "stopped"_L1) return tr("Stopped");
    if (state == "failed"_L1) return tr("Failed");
    if (state == "not-available"_L1) return tr("Not available");
    // A state introduced by a newer engine: show it as sent rather than hide it.
    return state;
}

StatusPalette::Severity ServiceStatusModel::severityOf(const QString &state)
{
    if (state == "running"_L1)
        return StatusPalette::Severity::Ok;
    if (state == "starting"_L1 || state == "stopping"_L1)
        return StatusPalette::Severity::Info;
    if (state == "stopped"_L1)
        return StatusPalette::Severity::Warning;
    if (state == "failed"_L1)
        return StatusPalette::Severity::Critical;
    return StatusPalette::Severity::Neutral;
}

} // namespace noc
