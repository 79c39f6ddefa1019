#pragma once

#include <QDateTime>
#include <QString>
#include <QStringView>
#include <QXmlStreamWriter>

namespace reg::xrp {

// Small helpers the response codecs share: EPP dates are xs:dateTime in UTC with milliseconds,
// the text of QDateTime::toString(Qt::ISODateWithMs) ("2027-11-21T08:00:00.000Z"). Written digit
// by digit because toString goes through QString::asprintf, about 5% of the engine's CPU per
// domain:info; years outside 1-9999 (never stored) are left to Qt.
inline QString eppDateTime(const QDateTime &when)
{
    const QDateTime utc = when.toUTC();
    const QDate date = utc.date();
    const QTime time = utc.time();
    if (!date.isValid() || !time.isValid() || date.year() < 1 || date.year() > 9999)
        return utc.toString(Qt::ISODateWithMs);
    char text[] = "0000-00-00T00:00:00.000Z";
    const auto put = [&text](int at, int value, int digits) {
        for (int i = digits - 1; i >= 0; --i, value /= 10)
            text[at + i] = char('0' + value % 10);
    };
    put(0, date.year(), 4);
    put(5, date.month(), 2);
    put(8, date.day(), 2);
    put(11, time.hour(), 2);
    put(14, time.minute(), 2);
    put(17, time.second(), 2);
    put(20, time.msec(), 3);
    return QString::fromLatin1(text, qsizetype(sizeof text - 1));
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
