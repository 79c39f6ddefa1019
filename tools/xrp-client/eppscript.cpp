#include "eppscript.h"

#include <QFile>

namespace reg::xrpclienttool {

QList<ScriptCommand> EppScript::split(const QByteArray &content, const QString &source)
{
    QList<ScriptCommand> commands;
    QByteArray current;
    int currentStart = 1;
    int lineNumber = 0;
    const auto flush = [&](int nextStart) {
        if (!current.trimmed().isEmpty())
            commands.append({source, currentStart, current.trimmed()});
        current.clear();
        currentStart = nextStart;
    };
    qsizetype at = 0;
    while (at < content.size()) {
        qsizetype end = content.indexOf('\n', at);
        if (end < 0)
            end = content.size();
        const QByteArrayView line(content.constData() + at, end - at);
        ++lineNumber;
        if (line.trimmed() == "---") {
            flush(lineNumber + 1);
        } else {
            if (current.isEmpty() && line.trimmed().isEmpty())
                currentStart = lineNumber + 1;   // report the line where the XML starts
            else
                current.append(line).append('\n');
        }
        at = end + 1;
    }
    flush(lineNumber + 1);
    return commands;
}

Result<QList<ScriptCommand>> EppScript::load(const QStringList &files)
{
    QList<ScriptCommand> all;
    for (const QString &path : files) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return Error(ErrorCode::InvalidInput, QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
        const QByteArray content = file.read(MaxFileBytes + 1);
        if (content.size() > MaxFileBytes)
            return Error(ErrorCode::TooLarge, QStringLiteral("%1 is larger than 64 MiB").arg(path));
        const QList<ScriptCommand> commands = split(content, path);
        if (commands.isEmpty())
            return Error(ErrorCode::InvalidInput, QStringLiteral("%1 holds no command").arg(path));
        all.append(commands);
    }
    return all;
}

} // namespace reg::xrpclienttool
