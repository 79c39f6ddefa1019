#include "jsonwriter.h"

namespace reg::rdap {

void JsonWriter::separate()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (!m_first.isEmpty()) {
        if (!m_first.back())
            m_out.append(',');
        m_first.back() = false;
    }
}

JsonWriter &JsonWriter::beginObject()
{
    separate();
    m_out.append('{');
    m_first.append(true);
    return *this;
}

JsonWriter &JsonWriter::endObject()
{
    m_out.append('}');
    m_first.removeLast();
    return *this;
}

JsonWriter &JsonWriter::beginArray()
{
    separate();
    m_out.append('[');
    m_first.append(true);
    return *this;
}

JsonWriter &JsonWriter::endArray()
{
    m_out.append(']');
    m_first.removeLast();
    return *this;
}

JsonWriter &JsonWriter::key(const char *name)
{
    separate();
    m_out.append('"').append(name).append("\":");
    m_afterKey = true;
    return *this;
}

JsonWriter &JsonWriter::value(const QString &text)
{
    separate();
    appendEscaped(text.toUtf8());
    return *this;
}

JsonWriter &JsonWriter::value(const char *ascii)
{
    separate();
    appendEscaped(QByteArrayView(ascii));
    return *this;
}

JsonWriter &JsonWriter::value(qint64 number)
{
    separate();
    m_out.append(QByteArray::number(number));
    return *this;
}

JsonWriter &JsonWriter::value(bool flag)
{
    separate();
    m_out.append(flag ? "true" : "false");
    return *this;
}

void JsonWriter::appendEscaped(QByteArrayView utf8)
{
    static const char hex[] = "0123456789abcdef";
    m_out.append('"');
    // Runs of bytes that need no escape (nearly all of them) are appended in one go.
    const char *p = utf8.data();
    const char *const end = p + utf8.size();
    const char *run = p;
    for (; p != end; ++p) {
        const auto u = static_cast<unsigned char>(*p);
        if (u >= 0x20 && u != '"' && u != '\\' && u != 0x7f)
            continue;
        m_out.append(run, p - run);
        run = p + 1;
        switch (u) {
        case '"':
            m_out.append("\\\"", 2);
            break;
        case '\\':
            m_out.append("\\\\", 2);
            break;
        case '\n':
            m_out.append("\\n", 2);
            break;
        case '\r':
            m_out.append("\\r", 2);
            break;
        case '\t':
            m_out.append("\\t", 2);
            break;
        default: {
            const char escape[] = {'\\', 'u', '0', '0', hex[u >> 4], hex[u & 0xf]};
            m_out.append(escape, sizeof escape);
        }
        }
    }
    m_out.append(run, end - run);
    m_out.append('"');
}

} // namespace reg::rdap
