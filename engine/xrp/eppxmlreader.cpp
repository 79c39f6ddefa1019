#include "eppxmlreader.h"

#include <QStringDecoder>
#include <QXmlStreamReader>

#include <algorithm>
#include <vector>

using namespace Qt::StringLiterals;

namespace reg::xrp {

namespace {

EppError syntaxError(const QString &message)
{
    return EppError{EppResult::CommandSyntaxError, message};
}

EppError syntaxErrorAt(const QXmlStreamReader &xml, const QString &message)
{
    return syntaxError(u"line %1, column %2: %3"_s.arg(xml.lineNumber()).arg(xml.columnNumber()).arg(message));
}

// RFC 5730 requires UTF-8. Checked on the raw bytes, before QXmlStreamReader sees them, because it
// would otherwise honour a byte-order mark and silently decode UTF-16 or UTF-32.
std::optional<EppError> checkEncoding(QByteArrayView bytes)
{
    const auto startsWith = [bytes](std::initializer_list<unsigned char> prefix) {
        if (bytes.size() < qsizetype(prefix.size()))
            return false;
        qsizetype i = 0;
        for (unsigned char c : prefix) {
            if (static_cast<unsigned char>(bytes[i++]) != c)
                return false;
        }
        return true;
    };
    if (startsWith({0x00, 0x00, 0xFE, 0xFF}) || startsWith({0xFF, 0xFE, 0x00, 0x00}))
        return syntaxError(u"EPP messages must be encoded in UTF-8; this one has a UTF-32 byte-order mark"_s);
    if (startsWith({0xFE, 0xFF}) || startsWith({0xFF, 0xFE}))
        return syntaxError(u"EPP messages must be encoded in UTF-8; this one has a UTF-16 byte-order mark"_s);
    if (bytes.contains('\0'))
        return syntaxError(u"EPP messages must be encoded in UTF-8 and may not contain NUL bytes"_s);
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    // Decoding is the only public way to validate; the result is discarded.
    const QString decoded = decoder.decode(bytes);
    if (decoder.hasError())
        return syntaxError(u"the EPP message is not valid UTF-8"_s);
    return std::nullopt;
}

// Client-supplied names quoted in a message are cut short: the message goes into the response and
// the audit log, and a 60 KiB element name should not travel into either.
QString shown(QStringView text)
{
    constexpr qsizetype limit = 64;
    return text.size() <= limit ? text.toString() : text.first(limit).toString() + u"\u2026"_s;
}

// XML's whitespace (S production): what separates elements in pretty-printed messages.
bool isBlank(QStringView text)
{
    return std::all_of(text.begin(), text.end(), [](QChar c) {
        return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r';
    });
}

} // namespace

EppOutcome<EppElement> EppXmlReader::parse(QByteArrayView bytes) const
{
    if (bytes.isEmpty())
        return syntaxError(u"the EPP message is empty"_s);
    if (bytes.size() > m_limits.maxBytes)
        return syntaxError(u"the EPP message of %1 bytes exceeds the maximum of %2 bytes"_s.arg(bytes.size()).arg(m_limits.maxBytes));
    if (auto error = checkEncoding(bytes))
        return *error;

    QXmlStreamReader xml(QByteArray::fromRawData(bytes.data(), bytes.size()));
    std::vector<EppElement> open; // the elements not yet closed, innermost last
    std::optional<EppElement> root;
    int elementCount = 0;

    while (!xml.atEnd()) {
        const QXmlStreamReader::TokenType token = xml.readNext();
        switch (token) {
        case QXmlStreamReader::StartDocument: {
            const QStringView encoding = xml.documentEncoding();
            if (!encoding.isEmpty() && encoding.compare(u"UTF-8", Qt::CaseInsensitive) != 0)
                return syntaxErrorAt(xml, u"the XML declaration names encoding \"%1\"; EPP requires UTF-8"_s.arg(shown(encoding)));
            const QStringView version = xml.documentVersion();
            if (!version.isEmpty() && version != u"1.0")
                return syntaxErrorAt(xml, u"XML version \"%1\" is not supported; EPP uses XML 1.0"_s.arg(shown(version)));
            break;
        }
        case QXmlStreamReader::DTD:
            return syntaxErrorAt(xml, u"document type declarations (DOCTYPE) are not allowed in EPP messages"_s);
        case QXmlStreamReader::EntityReference:
            return syntaxErrorAt(xml, u"reference to undeclared entity \"%1\""_s.arg(shown(xml.name())));
        case QXmlStreamReader::ProcessingInstruction:
            return syntaxErrorAt(xml, u"processing instructions are not allowed in EPP messages"_s);
        case QXmlStreamReader::Comment:
            if (root)
                return syntaxErrorAt(xml, u"content after the root element"_s);
            break;
        case QXmlStreamReader::StartElement: {
            if (root)
                return syntaxErrorAt(xml, u"content after the root element"_s);
            if (++elementCount > m_limits.maxElements)
                return syntaxErrorAt(xml, u"the message has more than %1 elements"_s.arg(m_limits.maxElements));
            if (qsizetype(open.size()) >= m_limits.maxDepth)
                return syntaxErrorAt(xml, u"elements are nested more than %1 deep"_s.arg(m_limits.maxDepth));
            if (open.empty() && (xml.name() != u"epp" || xml.namespaceUri() != EppNamespace)) {
                return syntaxErrorAt(xml, u"the root element is {%1}%2; EPP messages have root element {%3}epp"_s
                                              .arg(shown(xml.namespaceUri()), shown(xml.name()), EppNamespace));
            }
            const QXmlStreamAttributes attributes = xml.attributes();
            if (attributes.size() + xml.namespaceDeclarations().size() > m_limits.maxAttributesPerElement) {
                return syntaxErrorAt(xml, u"element %1 has more than %2 attributes and namespace declarations"_s
                                              .arg(shown(xml.name()))
                                              .arg(m_limits.maxAttributesPerElement));
            }
            // Whitespace before the first child is indentation, not content.
            if (!open.empty() && isBlank(open.back().m_text))
                open.back().m_text.clear();
            EppElement element;
            element.m_namespaceUri = xml.namespaceUri().toString();
            element.m_name = xml.name().toString();
            element.m_attributes.reserve(attributes.size());
            for (const QXmlStreamAttribute &attribute : attributes) {
                if (attribute.value().size() > m_limits.maxTextLength) {
                    return syntaxErrorAt(xml, u"attribute %1 is longer than %2 characters"_s
                                                  .arg(shown(attribute.qualifiedName()))
                                                  .arg(m_limits.maxTextLength));
                }
                element.m_attributes.append({attribute.namespaceUri().toString(), attribute.name().toString(),
                                             attribute.value().toString()});
            }
            open.push_back(std::move(element));
            break;
        }
        case QXmlStreamReader::Characters:
            if (open.empty()) {
                // QXmlStreamReader refuses text outside the root itself; whitespace there is allowed.
                if (!xml.isWhitespace())
                    return syntaxErrorAt(xml, u"text outside the root element"_s);
                break;
            }
            // Indentation between children is dropped as it arrives, so a long pretty-printed
            // list does not count against the text limit of its parent.
            if (xml.isWhitespace() && !open.back().m_children.empty())
                break;
            if (open.back().m_text.size() + xml.text().size() > m_limits.maxTextLength) {
                return syntaxErrorAt(xml, u"the text of element %1 is longer than %2 characters"_s
                                              .arg(shown(open.back().m_name))
                                              .arg(m_limits.maxTextLength));
            }
            open.back().m_text.append(xml.text());
            break;
        case QXmlStreamReader::EndElement: {
            EppElement element = std::move(open.back());
            open.pop_back();
            if (!element.m_children.empty() && isBlank(element.m_text))
                element.m_text.clear();
            element.m_children.shrink_to_fit();
            if (open.empty())
                root = std::move(element);
            else
                open.back().m_children.push_back(std::move(element));
            break;
        }
        case QXmlStreamReader::EndDocument:
        case QXmlStreamReader::NoToken:
        case QXmlStreamReader::Invalid:
            break;
        }
    }

    if (xml.hasError()) {
        if (xml.error() == QXmlStreamReader::PrematureEndOfDocumentError)
            return syntaxErrorAt(xml, u"the XML document is incomplete"_s);
        return syntaxErrorAt(xml, u"malformed XML: %1"_s.arg(xml.errorString()));
    }
    if (!root)
        return syntaxError(u"the EPP message has no root element"_s);
    return std::move(*root);
}

} // namespace reg::xrp
