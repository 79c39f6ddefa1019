#include "eppelement.h"

namespace reg::xrp {

std::optional<QString> EppElement::attribute(QStringView namespaceUri, QStringView name) const
{
    for (const EppAttribute &attribute : m_attributes) {
        if (attribute.name == name && attribute.namespaceUri == namespaceUri)
            return attribute.value;
    }
    return std::nullopt;
}

const EppElement *EppElement::child(QStringView namespaceUri, QStringView name) const
{
    for (const EppElement &element : m_children) {
        if (element.is(namespaceUri, name))
            return &element;
    }
    return nullptr;
}

QList<const EppElement *> EppElement::children(QStringView namespaceUri, QStringView name) const
{
    QList<const EppElement *> matches;
    for (const EppElement &element : m_children) {
        if (element.is(namespaceUri, name))
            matches.append(&element);
    }
    return matches;
}

} // namespace reg::xrp
