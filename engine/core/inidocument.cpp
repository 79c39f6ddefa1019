#include "inidocument.h"

#include <QFile>
#include <QStringDecoder>

namespace reg {
namespace {

bool isNameChar(QChar c, bool allowDot)
{
    const char16_t u = c.unicode();
    return (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u == '_' || u == '-' || (allowDot && u == '.');
}

bool isValidName(const QString &name, bool allowDot)
{
    if (name.isEmpty() || name.size() > 64)
        return false;
    for (QChar c : name) {
        if (!isNameChar(c, allowDot))
            return false;
    }
    return true;
}

// Parses the text after '=': a quoted string with escapes, or a bare value that ends at a comment.
Result<QString> parseValue(QStringView raw)
{
    const QStringView text = raw.trimmed();
    if (!text.startsWith(u'"')) {
        qsizetype end = text.size();
        for (qsizetype i = 1; i < text.size(); ++i) {
            if ((text[i] == u'#' || text[i] == u';') && text[i - 1].isSpace()) {
                end = i;
                break;
            }
        }
        return text.first(end).trimmed().toString();
    }
    QString out;
    for (qsizetype i = 1; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c == u'\\') {
            if (i + 1 >= text.size())
                return Error(ErrorCode::InvalidInput, QStringLiteral("unterminated escape in quoted value"));
            const QChar next = text[++i];
            if (next != u'"' && next != u'\\')
                return Error(ErrorCode::InvalidInput, QStringLiteral("unknown escape \\%1 in quoted value").arg(next));
            out.append(next);
        } else if (c == u'"') {
            const QStringView rest = text.sliced(i + 1).trimmed();
            if (!rest.isEmpty() && !rest.startsWith(u'#') && !rest.startsWith(u';'))
                return Error(ErrorCode::InvalidInput, QStringLiteral("unexpected text after closing quote"));
            return out;
        } else {
            out.append(c);
        }
    }
    return Error(ErrorCode::InvalidInput, QStringLiteral("missing closing quote"));
}

} // namespace

Result<IniDocument> IniDocument::parse(const QByteArray &data, const QString &sourceName)
{
    if (data.size() > maxBytes)
        return Error(ErrorCode::TooLarge, QStringLiteral("%1: file is larger than %2 bytes").arg(sourceName).arg(maxBytes));
    if (data.contains('\0'))
        return Error(ErrorCode::InvalidInput, QStringLiteral("%1: file contains NUL bytes").arg(sourceName));

    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(data);
    if (decoder.hasError())
        return Error(ErrorCode::InvalidInput, QStringLiteral("%1: file is not valid UTF-8").arg(sourceName));

    IniDocument doc;
    doc.m_sourceName = sourceName;
    int lineNumber = 0;
    const auto fail = [&](const QString &what) {
        return Error(ErrorCode::InvalidInput, QStringLiteral("%1:%2: %3").arg(sourceName).arg(lineNumber).arg(what));
    };

    for (QStringView line : QStringView(text).split(u'\n')) {
        ++lineNumber;
        if (line.endsWith(u'\r'))
            line.chop(1);
        if (line.size() > maxLineLength)
            return fail(QStringLiteral("line is longer than %1 characters").arg(maxLineLength));
        const QStringView trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(u'#') || trimmed.startsWith(u';'))
            continue;

        if (trimmed.startsWith(u'[')) {
            if (!trimmed.endsWith(u']'))
                return fail(QStringLiteral("section header is missing its closing ']'"));
            const QString name = trimmed.sliced(1, trimmed.size() - 2).trimmed().toString();
            if (!isValidName(name, true))
                return fail(QStringLiteral("invalid section name \"%1\" (use a-z, 0-9, '_', '-', '.')").arg(name.left(64)));
            if (doc.section(name))
                return fail(QStringLiteral("section [%1] appears twice").arg(name));
            if (doc.m_sections.size() >= maxSections)
                return fail(QStringLiteral("more than %1 sections").arg(maxSections));
            doc.m_sections.append(Section{name, lineNumber, {}});
            continue;
        }

        const qsizetype eq = trimmed.indexOf(u'=');
        if (eq < 0)
            return fail(QStringLiteral("expected \"key = value\" or \"[section]\""));
        if (doc.m_sections.isEmpty())
            return fail(QStringLiteral("\"key = value\" before the first [section]"));
        const QString key = trimmed.first(eq).trimmed().toString();
        if (!isValidName(key, false))
            return fail(QStringLiteral("invalid key \"%1\" (use a-z, 0-9, '_', '-')").arg(key.left(64)));
        Section &section = doc.m_sections.last();
        for (const Entry &existing : std::as_const(section.entries)) {
            if (existing.key == key)
                return fail(QStringLiteral("key \"%1\" already set on line %2").arg(key).arg(existing.line));
        }
        if (section.entries.size() >= maxEntriesPerSection)
            return fail(QStringLiteral("more than %1 keys in section [%2]").arg(maxEntriesPerSection).arg(section.name));
        Result<QString> value = parseValue(trimmed.sliced(eq + 1));
        if (!value)
            return fail(value.error().message);
        section.entries.append(Entry{key, std::move(value).value(), lineNumber});
    }
    return doc;
}

Result<IniDocument> IniDocument::parseFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error(ErrorCode::NotFound, QStringLiteral("cannot open %1: %2").arg(path, file.errorString()));
    if (file.size() > maxBytes)
        return Error(ErrorCode::TooLarge, QStringLiteral("%1: file is larger than %2 bytes").arg(path).arg(maxBytes));
    return parse(file.read(maxBytes + 1), path);
}

const IniDocument::Section *IniDocument::section(const QString &name) const
{
    for (const Section &s : m_sections) {
        if (s.name == name)
            return &s;
    }
    return nullptr;
}

std::optional<IniDocument::Entry> IniDocument::entry(const QString &sectionName, const QString &key) const
{
    if (const Section *s = section(sectionName)) {
        for (const Entry &e : s->entries) {
            if (e.key == key)
                return e;
        }
    }
    return std::nullopt;
}

} // namespace reg
