#include "topologyimport.h"

#include "inventoryjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace reg::monitor {
namespace {

Error invalid(const QString &message)
{
    return Error(ErrorCode::InvalidInput, message);
}

// QJsonParseError gives a byte offset; people look for a line.
QString lineAndColumn(const QByteArray &data, qsizetype offset)
{
    const QByteArrayView before = QByteArrayView(data).first(qBound(qsizetype(0), offset, data.size()));
    const qsizetype line = before.count('\n') + 1;
    const qsizetype column = offset - (before.lastIndexOf('\n') + 1) + 1;
    return QStringLiteral("line %1, column %2").arg(line).arg(column);
}

template<typename T>
Result<QList<T>> decodeList(const QJsonObject &root, const QString &key, int maxCount,
                            Result<T> (*decode)(const QJsonObject &, const QString &))
{
    const QJsonValue value = root.value(key);
    if (value.isUndefined())
        return QList<T>();
    if (!value.isArray())
        return invalid(key + QStringLiteral(": must be an array"));
    const QJsonArray array = value.toArray();
    if (array.size() > maxCount)
        return Error(ErrorCode::TooLarge, key + QStringLiteral(": at most %1 entries in one file").arg(maxCount));
    QList<T> list;
    list.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString where = key + u'[' + QString::number(i) + u']';
        if (!array.at(i).isObject())
            return invalid(where + QStringLiteral(": must be an object"));
        Result<T> item = decode(array.at(i).toObject(), where);
        if (!item)
            return item.error();
        list.append(*item);
    }
    return list;
}

} // namespace

Result<TopologyImportFile> TopologyImportFile::parse(const QByteArray &data)
{
    if (data.size() > maxBytes)
        return Error(ErrorCode::TooLarge, QStringLiteral("an import file is at most %1 bytes").arg(maxBytes));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return invalid(QStringLiteral("%1: %2").arg(lineAndColumn(data, parseError.offset), parseError.errorString()));
    if (!document.isObject())
        return invalid(QStringLiteral("the import file must be one JSON object"));
    const QJsonObject root = document.object();
    const QSet<QString> known{QStringLiteral("format"), QStringLiteral("version"), QStringLiteral("replace"),
                              QStringLiteral("sites"), QStringLiteral("devices"), QStringLiteral("links")};
    for (auto it = root.begin(); it != root.end(); ++it) {
        if (!known.contains(it.key()))
            return invalid(it.key().left(InventoryJson::maxNameLength) + QStringLiteral(": unknown field"));
    }
    if (root.value(QStringLiteral("format")).toString() != u"registryd-topology")
        return invalid(QStringLiteral("format: must be \"registryd-topology\" (is this a topology import file?)"));
    if (root.value(QStringLiteral("version")).toDouble() != formatVersion)
        return invalid(QStringLiteral("version: this registryd reads version %1").arg(formatVersion));
    TopologyImportFile file;
    const QJsonValue replace = root.value(QStringLiteral("replace"));
    if (!replace.isUndefined() && !replace.isBool())
        return invalid(QStringLiteral("replace: must be true or false"));
    file.replace = replace.toBool(false);

    Result<QList<Site>> sites = decodeList<Site>(root, QStringLiteral("sites"), maxSites, &InventoryJson::site);
    if (!sites)
        return sites.error();
    Result<QList<Device>> devices = decodeList<Device>(root, QStringLiteral("devices"), maxDevices, &InventoryJson::device);
    if (!devices)
        return devices.error();
    Result<QList<Link>> links = decodeList<Link>(root, QStringLiteral("links"), maxLinks, &InventoryJson::link);
    if (!links)
        return links.error();
    file.topology = Topology{*sites, *devices, *links};
    return file;
}

} // namespace reg::monitor
