#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace reg::xrpclienttool {

// One command of a script, with where it came from for messages ("batch.epp:12").
struct ScriptCommand
{
    QString source;
    int line = 0;          // the first line of the command, 1-based
    QByteArray xml;
};

// The script format of `xrp-client script`: a file holds one or more EPP commands separated by
// lines that contain only "---" (surrounding blanks allowed). Chunks that are blank are skipped, so
// a separator at the start or end is harmless. The XML itself is not checked here: the server judges it.
class EppScript
{
public:
    static constexpr qint64 MaxFileBytes = 64 * 1024 * 1024;

    static QList<ScriptCommand> split(const QByteArray &content, const QString &source);
    // Reads and splits every file in order; an unreadable, oversized or command-less file is an error.
    static Result<QList<ScriptCommand>> load(const QStringList &files);
};

} // namespace reg::xrpclienttool
