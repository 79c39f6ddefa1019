#pragma once

#include "xrp/eppelement.h"
#include "xrp/eppresult.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringView>

#include <initializer_list>
#include <optional>

namespace reg::xrp {

// "domain:name" for an element, for refusal messages (client-supplied names cut to 64 characters).
QString qualifiedName(const EppElement &element);
QString qualifiedName(QStringView namespaceUri, QStringView name);

// Reads the child elements of one EPP element strictly, in the order the schema gives them: each
// expected child is taken with required/optional/repeated, then finish() refuses whatever is left.
// The first failure sticks (later calls return nothing and change nothing), so a codec reads a whole
// command straight through and checks ok() once at the end:
//   2001 an element the schema does not allow there (named), or one out of order;
//   2003 a required element that is absent (named);
//   2005 a value of the wrong form or length; 2004 a number out of the schema's range.
// A value type for one parse on one thread; it points into the element, which must outlive it.
class ElementReader
{
public:
    // Children are expected in the element's own namespace unless another is given.
    explicit ElementReader(const EppElement &element);
    ElementReader(const EppElement &element, QStringView childNamespace);

    const EppElement *required(QStringView name);
    const EppElement *optional(QStringView name);
    // At least `min` and at most `max` consecutive elements of that name; more than `max` is refused
    // with `overMaxResult` (2001 when the schema forbids it, 2306 when it is our policy's limit).
    QList<const EppElement *> repeated(QStringView name, int min, int max,
                                       EppResult overMaxResult = EppResult::CommandSyntaxError);
    // The next child's name when it is in the expected namespace, else empty; for choices.
    QString peekName() const;
    // Refuses any child not taken. Returns ok().
    bool finish();

    // Values. A null element (a failed required()) gives an empty value and leaves the error as is.
    // token: whitespace collapsed as xs:token does; length in characters.
    QString token(const EppElement *element, int minLength, int maxLength);
    // normalizedString-like free text: kept as sent but tabs/line breaks refused; no control chars.
    QString text(const EppElement *element, int minLength, int maxLength);
    int integer(const EppElement *element, qint64 min, qint64 max);
    std::optional<bool> boolean(const EppElement *element);      // "1"/"0"/"true"/"false"
    QDateTime dateTime(const EppElement *element);               // xs:dateTime, converted to UTC
    // The attribute if present (token-collapsed); refuses attributes not in `allowed` (2001).
    bool checkAttributes(const EppElement *element, std::initializer_list<QStringView> allowed);
    std::optional<QString> attribute(const EppElement *element, QStringView name);
    // Refuses child elements inside an element that must carry only text (2001).
    bool checkNoChildren(const EppElement *element);

    bool ok() const { return !m_error.has_value(); }
    const EppError &error() const { return *m_error; }
    void fail(EppResult result, QString message);

private:
    bool isExpected(const EppElement &child, QStringView name) const;

    const EppElement &m_element;
    QString m_namespace;
    size_t m_position = 0;
    std::optional<EppError> m_error;
};

} // namespace reg::xrp
