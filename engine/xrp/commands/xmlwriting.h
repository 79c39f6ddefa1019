#pragma once

#include <QDateTime>
#include <QString>
#include <QStringView>
#include <QXmlStreamWriter>

namespace reg::xrp {

// Small helpers the response codecs share: EPP dates are xs:dateTime in UTC with milliseconds.
inline QString eppDateTime(const QDateTime &when)
{
    return when.toUTC().toString(Qt::ISODateWithMs);
}

inline void writeElement(QXmlStreamWriter &xml, QStringView ns, QStringView name, const QString &text)
{
    xml.writeTextElement(ns.toString(), name.toString(), text);
}

inline void writeDateElement(QXmlStreamWriter &xml, QStringView ns, QStringView name, const QDateTime &when)
{
    xml.writeTextElement(ns.toString(), name.toString(), eppDateTime(when));
}

// A check's <reason> (eppcom reasonBaseType) holds 1-32 characters; the SRS keeps its reasons short,
// and this keeps a longer one from making the whole response invalid.
inline void writeCheckReason(QXmlStreamWriter &xml, QStringView ns, const QString &reason)
{
    constexpr qsizetype maxLength = 32;
    xml.writeTextElement(ns.toString(), QStringLiteral("reason"),
                         reason.size() <= maxLength ? reason : reason.left(maxLength - 1) + QChar(0x2026));
}

// Money in fee-1.0 is a decimal in the registry currency: cents as "12.50", "-3.00".
inline QString centsToDecimal(qint64 cents)
{
    const bool negative = cents < 0;
    const quint64 magnitude = negative ? quint64(-(cents + 1)) + 1 : quint64(cents);
    return (negative ? QStringLiteral("-") : QString()) + QString::number(magnitude / 100) + u'.'
           + QStringLiteral("%1").arg(magnitude % 100, 2, 10, QLatin1Char('0'));
}

} // namespace reg::xrp
