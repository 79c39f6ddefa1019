#include "traplogmodel.h"

#include "alarmrecord.h"
#include "alarmtext.h"
#include "modelrefresh.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace noc {

namespace {
constexpr int MaxVarbindsChars = 64 * 1024;

// The log answers varbinds as text ("oid=value" lines); an array of lines or of {oid, value} is
// read too, so a later engine can structure them without breaking this console.
QString varbindsText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString().left(MaxVarbindsChars);
    QStringList lines;
    qsizetype size = 0;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &v : array) {
        QString line = v.isObject() ? v.toObject().value("oid"_L1).toString() + u'=' + v.toObject().value("value"_L1).toVariant().toString()
                                    : v.toString();
        size += line.size();
        if (size > MaxVarbindsChars)
            break;
        lines.append(line);
    }
    return lines.join(u'\n');
}

TrapEntry commonFields(const QJsonObject &json)
{
    TrapEntry t;
    t.receivedAt = parseApiTime(json.value("receivedAt"_L1).toString());
    t.source = json.value("source"_L1).toString().left(64);
    t.device = json.value("device"_L1).toVariant().toString().left(64);
    t.trapOid = json.value("trapOid"_L1).toString().left(512);
    t.event = json.value("event"_L1).toString().left(256);
    return t;
}
} // namespace

std::optional<TrapEntry> TrapEntry::fromLogJson(const QJsonObject &json)
{
    TrapEntry t = commonFields(json);
    t.id = json.value("id"_L1).toInteger(0);
    if (t.id <= 0 || !t.receivedAt.isValid())
        return std::nullopt;
    t.version = json.value("version"_L1).toString().left(8);
    t.securityName = json.value("securityName"_L1).toString().left(64);
    t.varbinds = varbindsText(json.value("varbinds"_L1));
    t.inform = json.value("inform"_L1).toBool();
    t.hasVarbinds = true;
    return t;
}

std::optional<TrapEntry> TrapEntry::fromEventJson(const QJsonObject &event)
{
    if (event.value("type"_L1).toString() != "monitor.trap"_L1)
        return std::nullopt;
    TrapEntry t = commonFields(event);
    if (!t.receivedAt.isValid())
        return std::nullopt;
    return t;
}

TrapLogModel::TrapLogModel(QObject *parent) : QAbstractTableModel(parent)
{
}

int TrapLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_traps.size());
}

int TrapLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TrapLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TrapEntry &t = m_traps.at(index.row());
    const auto column = Column(index.column());
    if (role == Qt::DisplayRole) {
        switch (column) {
        case ReceivedColumn: return AlarmText::localTime(t.receivedAt);
        case SourceColumn:
            return t.device.isEmpty() ? t.source : tr("%1 (%2)").arg(m_deviceNames.value(t.device, t.device), t.source);
        case TrapColumn: return t.trapOid;
        case EventColumn: return t.event;
        case VersionColumn: return t.version.isEmpty() ? QString() : (t.inform ? tr("v%1 inform") : tr("v%1 trap")).arg(t.version);
        case ColumnCount: break;
        }
        return {};
    }
    if (role == Qt::ToolTipRole && column == ReceivedColumn)
        return AlarmText::utcTime(t.receivedAt);
    return {};
}

QVariant TrapLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case ReceivedColumn: return tr("Received");
    case SourceColumn: return tr("Source");
    case TrapColumn: return tr("Trap OID");
    case EventColumn: return tr("Alarm event");
    case VersionColumn: return tr("Version");
    case ColumnCount: break;
    }
    return {};
}

void TrapLogModel::setTraps(const QList<TrapEntry> &traps)
{
    beginResetModel();
    m_traps = traps.mid(0, MaxRows);
    endResetModel();
}

void TrapLogModel::prepend(const TrapEntry &trap)
{
    if (m_traps.size() >= MaxRows) {
        beginRemoveRows({}, MaxRows - 1, int(m_traps.size()) - 1);
        m_traps.resize(MaxRows - 1);
        endRemoveRows();
    }
    beginInsertRows({}, 0, 0);
    m_traps.prepend(trap);
    endInsertRows();
}

void TrapLogModel::clear()
{
    if (m_traps.isEmpty())
        return;
    beginResetModel();
    m_traps.clear();
    endResetModel();
}

void TrapLogModel::setDeviceNames(const QHash<QString, QString> &names)
{
    m_deviceNames = names;
    ModelRefresh::columns(this, SourceColumn, SourceColumn);
}

void TrapLogModel::retranslate()
{
    ModelRefresh::retranslate(this);
}

QString TrapLogModel::detailText(const TrapEntry &trap)
{
    QStringList lines{tr("Received: %1 (%2)").arg(AlarmText::localTime(trap.receivedAt), AlarmText::utcTime(trap.receivedAt)),
                      tr("Source: %1").arg(trap.source), tr("Trap OID: %1").arg(trap.trapOid)};
    if (!trap.securityName.isEmpty())
        lines.append(tr("SNMPv3 user: %1").arg(trap.securityName));
    if (!trap.event.isEmpty())
        lines.append(tr("Alarm event: %1").arg(trap.event));
    lines.append(QString());
    if (!trap.hasVarbinds)
        lines.append(tr("Varbinds are not sent on the live stream; refresh the trap log to read them."));
    else if (trap.varbinds.isEmpty())
        lines.append(tr("No varbinds."));
    else
        lines.append(trap.varbinds);
    return lines.join(u'\n');
}

} // namespace noc
