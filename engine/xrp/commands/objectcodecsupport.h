#pragma once

#include "elementreader.h"

#include "srs/eppstatus.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class QXmlStreamWriter;

namespace reg::xrp {

// Parsing and writing pieces the domain, host and contact codecs share. Pure functions; any thread.

// eppcom:clIDType (contact ids, registrar ids): token of 3-16 characters.
inline constexpr int MinClientIdLength = 3;
inline constexpr int MaxClientIdLength = 16;
// eppcom:labelType (names): 1-255.
inline constexpr int MaxLabelLength = 255;
// authInfo passwords: the schema sets no bound; ours keeps hostile input small.
inline constexpr int MaxPasswordLength = 255;

// The parsed value once the reader has seen every child (an unexpected one is the error), or the
// first error the parse met.
template<typename T>
EppOutcome<T> finished(ElementReader &reader, T value)
{
    if (!reader.finish())
        return reader.error();
    return value;
}

// The names (or ids) of a check: `element` 1 to maxNames times (more is a policy refusal, 2306), each
// read by readOne(reader, element) -> QString.
template<typename ReadOne>
EppOutcome<QStringList> parseCheckList(const EppElement &check, QStringView element, int maxNames, ReadOne readOne)
{
    ElementReader reader(check);
    QStringList values;
    for (const EppElement *item : reader.repeated(element, 1, maxNames, EppResult::ParameterValuePolicyError)) {
        const QString value = readOne(reader, item);
        if (!reader.ok())
            break;
        values.append(value);
    }
    return finished(reader, values);
}

// <x:status s="..." lang=".."/>* : every s a known status token (else 2005), no duplicates.
srs::StatusSet readStatuses(ElementReader &reader, const QList<const EppElement *> &elements);

// <x:authInfo> with <x:pw> (optional roid attribute when allowRoid) or <x:ext> (2102, not offered).
// With allowNull, <x:null/> (RFC 5731 chg) gives an empty string.
QString readAuthInfo(ElementReader &reader, const EppElement *authInfo, bool allowRoid, bool allowNull = false);

// The verb of a transfer (<transfer op="...">) as text: query, request, approve, reject, cancel.
std::optional<QString> readTransferOperation(ElementReader &reader, const EppElement &verb);

// <x:status s="..."/> for every status of the set, in enum order.
void writeStatuses(QXmlStreamWriter &xml, QStringView ns, const srs::StatusSet &statuses);

} // namespace reg::xrp
