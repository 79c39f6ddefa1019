#pragma once

#include "result.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace reg {

// A parsed INI file: "[section]" headers, "key = value" lines, '#' or ';' comments (whole lines, or
// after whitespace in an unquoted value), values optionally in double quotes with \" and \\ escapes.
// The input is treated as hostile: size, line length and counts are capped, it must be UTF-8 without
// NUL bytes, and duplicate sections or keys are errors (a silent "last one wins" hides typos).
// Immutable after parse(); safe to share between threads.
class IniDocument
{
public:
    struct Entry
    {
        QString key;
        QString value;
        int line = 0;
    };
    struct Section
    {
        QString name;
        int line = 0;
        QList<Entry> entries;
    };

    static constexpr qsizetype maxBytes = 1024 * 1024;
    static constexpr qsizetype maxLineLength = 4096;
    static constexpr int maxSections = 256;
    static constexpr int maxEntriesPerSection = 512;

    // sourceName is used only in error messages ("registryd.conf:12: ...").
    static Result<IniDocument> parse(const QByteArray &data, const QString &sourceName);
    static Result<IniDocument> parseFile(const QString &path);

    const QList<Section> &sections() const { return m_sections; }
    const Section *section(const QString &name) const;
    std::optional<Entry> entry(const QString &section, const QString &key) const;
    const QString &sourceName() const { return m_sourceName; }

private:
    QString m_sourceName;
    QList<Section> m_sections;
};

} // namespace reg
