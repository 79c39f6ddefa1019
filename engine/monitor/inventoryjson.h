#pragma once

#include "inventorytypes.h"

#include "core/result.h"

#include <QJsonObject>
#include <QSet>
#include <QString>

namespace reg::monitor {

// The inventory's JSON form, shared by the management API (request and answer bodies) and the
// topology import file, so both accept exactly the same objects with the same messages. Decoding
// treats its input as hostile: every field's type, range and length is checked, unknown fields
// are refused, and an error names the place ("devices[3].snmp.community: ...") so an operator can
// find it. Encoding never writes a secret, only whether it is set. Pure functions, any thread.
namespace InventoryJson {

constexpr qsizetype maxNameLength = 64;          // codes and device names
constexpr qsizetype maxTextLength = 200;         // site names, locations
constexpr int maxParents = 16;
constexpr int maxInterfaces = 1024;
constexpr qint64 maxBitsPerSecond = qint64(1) << 50;   // 1 Pb/s, exact in a JSON double
constexpr double maxMapCoordinate = 1e6;

// The fields each object may carry (for the API's body decoder).
QSet<QString> siteFields();
QSet<QString> deviceFields();
QSet<QString> linkFields();

// where: the path prefix for messages ("" for a request body, "devices[3]" in the import file).
Result<Site> site(const QJsonObject &object, const QString &where = {});
Result<Device> device(const QJsonObject &object, const QString &where = {});
Result<Link> link(const QJsonObject &object, const QString &where = {});
// A map position {"x": number, "y": number}.
Result<MapPoint> point(const QJsonValue &value, const QString &where);
// A name in a URL path or a reference: letters, digits, '.', '_' and '-', 1-64 characters.
Result<QString> name(const QString &text, const QString &what);

QJsonObject toJson(const Site &site);
QJsonObject toJson(const Device &device);
QJsonObject toJson(const Link &link);
QJsonObject toJson(const Topology &topology);

// A PATCH: the fields sent replace those of the current object (its toJson() form); "snmp" is
// merged field by field so a PATCH of the interval keeps the stored secrets; null removes an
// optional field. The result is decoded like a new object, so it passes the same checks.
QJsonObject patched(const QJsonObject &current, const QJsonObject &patch);

} // namespace InventoryJson
} // namespace reg::monitor
