#pragma once

#include <QByteArray>
#include <QString>

namespace testsupport {

// The first column of the first row of a read-only query on a database file (a count, usually):
// for checks of what the engine wrote that no API shows. -1 when the file or the query fails.
// Waits up to 10 s for the engine's write lock.
int queryInt(const QString &databaseFile, const QByteArray &sql);

} // namespace testsupport
