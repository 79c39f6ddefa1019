#pragma once

#include <QJsonValue>
#include <QString>

namespace noc {

// How the Registry page writes the API's values: money from integer cents, UTC ISO times in the
// operator's local time. One place, so tables and the detail pane agree. Pure functions.
namespace RegistryFormat {

// 250000 -> "2,500.00" in the current locale; negative amounts keep their sign.
QString money(qint64 cents);
// "2026-11-21T10:15:30.123Z" -> "2026-11-21 11:15:30" (local); "" for null or unparsable values.
QString time(const QJsonValue &isoUtc);
// A status list ["ok"] or ["clientHold", "serverHold"] as "clientHold, serverHold".
QString statuses(const QJsonValue &list);

} // namespace RegistryFormat
} // namespace noc
