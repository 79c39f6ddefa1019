#pragma once

#include <QList>
#include <QString>
#include <QStringView>

#include <optional>
#include <vector>

namespace reg::xrp {

class EppXmlReader;

// One attribute of an EppElement; namespaceUri is empty for unqualified attributes, which is what
// the EPP schemas use except for xsi:schemaLocation.
struct EppAttribute
{
    QString namespaceUri;
    QString name;
    QString value;
};

// An element of a parsed EPP message: expanded name, attributes, character data and child
// elements. Immutable once EppXmlReader has built it, so command handlers on any thread can read
// it without locks; the tree is a plain value owned by whoever holds the root.
// Namespace declarations are not attributes here: after parsing only the expanded names matter.
class EppElement
{
public:
    EppElement() = default;

    const QString &namespaceUri() const { return m_namespaceUri; }
    const QString &name() const { return m_name; }
    bool is(QStringView namespaceUri, QStringView name) const { return m_name == name && m_namespaceUri == namespaceUri; }

    // All character data directly inside the element, CDATA included, as written (not trimmed).
    // Whitespace between child elements is dropped, so elements with children usually have none.
    const QString &text() const { return m_text; }

    const QList<EppAttribute> &attributes() const { return m_attributes; }
    std::optional<QString> attribute(QStringView name) const { return attribute({}, name); }
    std::optional<QString> attribute(QStringView namespaceUri, QStringView name) const;

    const std::vector<EppElement> &children() const { return m_children; }
    // The first child with that name, or nullptr; the pointer lives as long as this element.
    const EppElement *child(QStringView namespaceUri, QStringView name) const;
    QList<const EppElement *> children(QStringView namespaceUri, QStringView name) const;

private:
    friend class EppXmlReader;

    QString m_namespaceUri;
    QString m_name;
    QString m_text;
    QList<EppAttribute> m_attributes;
    std::vector<EppElement> m_children;
};

} // namespace reg::xrp
