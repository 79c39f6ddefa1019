#pragma once

#include <QByteArray>

namespace reg::xrpclienttool {

// Indents XML for reading on a terminal. Input that does not parse is returned unchanged, so a
// broken answer is still shown as it came.
QByteArray prettyXml(const QByteArray &xml);

// Masks the content of every pw and newPW element (any prefix), so --verbose never prints a
// password or an authInfo.
QByteArray maskPasswords(const QByteArray &xml);

} // namespace reg::xrpclienttool
