#pragma once

#include <QByteArray>
#include <QString>
#include <QVarLengthArray>

namespace reg::rdap {

// Writes compact JSON text straight into a byte array, members in the order they are written, so an
// RDAP answer costs one allocation pass instead of building a QJsonObject tree first. The caller
// keeps the structure balanced (every begin has its end); strings are escaped per RFC 8259.
// A plain value; one per answer, on the thread writing it.
class JsonWriter
{
public:
    explicit JsonWriter(qsizetype reserve = 2048) { m_out.reserve(reserve); }

    JsonWriter &beginObject();
    JsonWriter &endObject();
    JsonWriter &beginArray();
    JsonWriter &endArray();
    JsonWriter &key(const char *name);                  // ASCII member names only
    JsonWriter &value(const QString &text);
    JsonWriter &value(const char *ascii);
    JsonWriter &value(qint64 number);
    JsonWriter &value(int number) { return value(qint64(number)); }
    JsonWriter &value(bool flag);
    JsonWriter &member(const char *name, const QString &text) { return key(name).value(text); }
    JsonWriter &member(const char *name, const char *ascii) { return key(name).value(ascii); }

    QByteArray take() { return std::move(m_out); }

private:
    void separate();
    void appendEscaped(QByteArrayView utf8);

    QByteArray m_out;
    QVarLengthArray<bool, 16> m_first;   // per open container: nothing written in it yet
    bool m_afterKey = false;
};

} // namespace reg::rdap
