#include "xmlformatting.h"

#include <QRegularExpression>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

namespace reg::xrpclienttool {

QByteArray prettyXml(const QByteArray &xml)
{
    QXmlStreamReader reader(xml);
    QByteArray out;
    QXmlStreamWriter writer(&out);
    writer.setAutoFormatting(true);
    writer.setAutoFormattingIndent(2);
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.hasError())
            return xml;
        // A DTD would be echoed, never expanded; but an EPP message has none, so drop it rather than print it.
        if (reader.tokenType() == QXmlStreamReader::DTD)
            continue;
        // Whitespace between elements is the old layout; autoFormatting writes the new one.
        if (reader.isWhitespace())
            continue;
        if (reader.isStartElement()) {
            // writeCurrentToken() would turn a default namespace declaration into an invented
            // prefix ("n1:"); echo the names and declarations as they came, so the output reads
            // like the RFCs' examples.
            writer.writeStartElement(reader.qualifiedName().toString());
            const QXmlStreamNamespaceDeclarations declarations = reader.namespaceDeclarations();
            for (const QXmlStreamNamespaceDeclaration &d : declarations) {
                writer.writeAttribute(d.prefix().isEmpty() ? QStringLiteral("xmlns") : QStringLiteral("xmlns:") + d.prefix().toString(),
                                      d.namespaceUri().toString());
            }
            const QXmlStreamAttributes attributes = reader.attributes();
            for (const QXmlStreamAttribute &a : attributes)
                writer.writeAttribute(a.qualifiedName().toString(), a.value().toString());
            continue;
        }
        writer.writeCurrentToken(reader);
    }
    if (reader.hasError())
        return xml;
    return out;
}

QByteArray maskPasswords(const QByteArray &xml)
{
    static const QRegularExpression pw(QStringLiteral("(<([A-Za-z_][\\w.-]*:)?(pw|newPW)(\\s[^>]*)?>)[^<]*(</)"));
    QString text = QString::fromUtf8(xml);
    text.replace(pw, QStringLiteral("\\1********\\5"));
    return text.toUtf8();
}

} // namespace reg::xrpclienttool
