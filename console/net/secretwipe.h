#pragma once

#include <QByteArray>
#include <QString>

namespace noc {

// Overwrites a secret held in a QString/QByteArray before releasing it, so a password or token does
// not linger in freed heap memory. Implicitly shared copies elsewhere cannot be reached from here;
// callers keep secrets in deep copies (see deepCopy) so that this copy is the only one.
void wipeSecret(QString &secret);
void wipeSecret(QByteArray &secret);

// A copy that shares no storage with the original, so wiping it later wipes the only copy.
QString deepCopy(const QString &text);

} // namespace noc
