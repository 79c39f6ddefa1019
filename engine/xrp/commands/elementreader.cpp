#include "elementreader.h"

#include "eppnamespaces.h"

using namespace Qt::StringLiterals;

namespace reg::xrp {

namespace {

// Client-supplied text quoted in a refusal goes into the response and the audit log: keep it short.
QString quoted(QStringView value)
{
    constexpr qsizetype Limit = 64;
    if (value.size() <= Limit)
        return u'"' + value.toString() + u'"';
    return u'"' + value.left(Limit).toString() + u"…\""_s;
}

QString collapsed(const QString &value)
{
    return value.simplified();
}

bool hasControlCharacter(QStringView value)
{
    for (QChar c : value) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return true;
    }
    return false;
}

} // namespace

QString qualifiedName(QStringView namespaceUri, QStringView name)
{
    // Unqualified names (attributes) have no prefix.
    const QString prefix = namespaceUri.isEmpty() ? QString() : namespacePrefix(namespaceUri);
    const QString local = name.size() > 64 ? name.left(64).toString() + u"…"_s : name.toString();
    if (prefix == u"?")
        return u'{' + (namespaceUri.size() > 64 ? namespaceUri.left(64).toString() + u"…"_s : namespaceUri.toString())
               + u'}' + local;
    if (prefix.isEmpty())
        return local;
    return prefix + u':' + local;
}

QString qualifiedName(const EppElement &element)
{
    return qualifiedName(element.namespaceUri(), element.name());
}

QString namespacePrefix(QStringView namespaceUri)
{
    if (namespaceUri == DomainNamespace)
        return u"domain"_s;
    if (namespaceUri == HostNamespace)
        return u"host"_s;
    if (namespaceUri == ContactNamespace)
        return u"contact"_s;
    if (namespaceUri == SecDnsNamespace)
        return u"secDNS"_s;
    if (namespaceUri == RgpNamespace)
        return u"rgp"_s;
    if (namespaceUri == FeeNamespace)
        return u"fee"_s;
    if (namespaceUri == CustomFieldsNamespace)
        return u"cf"_s;
    if (namespaceUri == u"urn:ietf:params:xml:ns:epp-1.0")
        return QString();
    return u"?"_s;
}

ElementReader::ElementReader(const EppElement &element)
    : ElementReader(element, element.namespaceUri())
{
}

ElementReader::ElementReader(const EppElement &element, QStringView childNamespace)
    : m_element(element)
    , m_namespace(childNamespace.toString())
{
}

void ElementReader::fail(EppResult result, QString message)
{
    if (!m_error)
        m_error = EppError{result, std::move(message)};
}

bool ElementReader::isExpected(const EppElement &child, QStringView name) const
{
    return child.name() == name && child.namespaceUri() == m_namespace;
}

const EppElement *ElementReader::optional(QStringView name)
{
    if (m_error)
        return nullptr;
    const auto &children = m_element.children();
    if (m_position < children.size() && isExpected(children[m_position], name))
        return &children[m_position++];
    return nullptr;
}

const EppElement *ElementReader::required(QStringView name)
{
    if (m_error)
        return nullptr;
    if (const EppElement *found = optional(name))
        return found;
    const auto &children = m_element.children();
    for (size_t i = m_position; i < children.size(); ++i) {
        if (isExpected(children[i], name)) {
            // It is there, but something the schema does not allow at this place comes first.
            fail(EppResult::CommandSyntaxError,
                 u"unexpected element "_s + qualifiedName(children[m_position]) + u" in "_s + qualifiedName(m_element));
            return nullptr;
        }
    }
    fail(EppResult::RequiredParameterMissing,
         u"required element "_s + qualifiedName(m_namespace, name) + u" is missing in "_s + qualifiedName(m_element));
    return nullptr;
}

QList<const EppElement *> ElementReader::repeated(QStringView name, int min, int max, EppResult overMaxResult)
{
    QList<const EppElement *> found;
    if (m_error)
        return found;
    while (const EppElement *next = optional(name)) {
        if (found.size() >= max) {
            fail(overMaxResult, u"at most "_s + QString::number(max) + u" "_s + qualifiedName(m_namespace, name)
                                    + u" elements are allowed in "_s + qualifiedName(m_element));
            return {};
        }
        found.append(next);
    }
    if (found.size() < min) {
        if (min == 1) {
            required(name);   // names the missing or misplaced element
        } else {
            fail(EppResult::RequiredParameterMissing, u"at least "_s + QString::number(min) + u" "_s
                                                          + qualifiedName(m_namespace, name) + u" elements are required in "_s
                                                          + qualifiedName(m_element));
        }
        return {};
    }
    return found;
}

QString ElementReader::peekName() const
{
    const auto &children = m_element.children();
    if (m_error || m_position >= children.size() || children[m_position].namespaceUri() != m_namespace)
        return {};
    return children[m_position].name();
}

bool ElementReader::finish()
{
    const auto &children = m_element.children();
    if (!m_error && m_position < children.size())
        fail(EppResult::CommandSyntaxError,
             u"unexpected element "_s + qualifiedName(children[m_position]) + u" in "_s + qualifiedName(m_element));
    return ok();
}

bool ElementReader::checkNoChildren(const EppElement *element)
{
    if (m_error || !element)
        return false;
    if (!element->children().empty()) {
        fail(EppResult::CommandSyntaxError, u"unexpected element "_s + qualifiedName(element->children().front())
                                                + u" in "_s + qualifiedName(*element));
        return false;
    }
    return true;
}

QString ElementReader::token(const EppElement *element, int minLength, int maxLength)
{
    if (!checkNoChildren(element))
        return {};
    QString value = collapsed(element->text());
    if (value.size() < minLength) {
        fail(EppResult::ParameterValueSyntaxError, qualifiedName(*element) + (value.isEmpty() ? u" is empty"_s
                                                                              : u" is shorter than "_s + QString::number(minLength)
                                                                                    + u" characters"_s));
        return {};
    }
    if (value.size() > maxLength) {
        fail(EppResult::ParameterValueSyntaxError,
             qualifiedName(*element) + u" is longer than "_s + QString::number(maxLength) + u" characters"_s);
        return {};
    }
    if (hasControlCharacter(value)) {
        fail(EppResult::ParameterValueSyntaxError, qualifiedName(*element) + u" contains a control character"_s);
        return {};
    }
    return value;
}

QString ElementReader::text(const EppElement *element, int minLength, int maxLength)
{
    if (!checkNoChildren(element))
        return {};
    const QString &value = element->text();
    if (hasControlCharacter(value)) {
        fail(EppResult::ParameterValueSyntaxError, qualifiedName(*element) + u" contains a control character or line break"_s);
        return {};
    }
    if (value.size() < minLength || value.size() > maxLength) {
        fail(EppResult::ParameterValueSyntaxError, qualifiedName(*element) + u" must be "_s + QString::number(minLength)
                                                       + u" to "_s + QString::number(maxLength) + u" characters long"_s);
        return {};
    }
    return value;
}

int ElementReader::integer(const EppElement *element, qint64 min, qint64 max)
{
    if (!checkNoChildren(element))
        return 0;
    const QString value = element->text().trimmed();
    bool isNumber = !value.isEmpty() && value.size() <= 12;
    for (qsizetype i = 0; isNumber && i < value.size(); ++i)
        isNumber = value[i].isDigit() && value[i].unicode() < 0x80;
    if (!isNumber) {
        fail(EppResult::ParameterValueSyntaxError, qualifiedName(*element) + u": "_s + quoted(value) + u" is not a number"_s);
        return 0;
    }
    const qint64 number = value.toLongLong();
    if (number < min || number > max) {
        fail(EppResult::ParameterValueRangeError, qualifiedName(*element) + u": "_s + value + u" is outside "_s
                                                      + QString::number(min) + u".."_s + QString::number(max));
        return 0;
    }
    return int(number);
}

std::optional<bool> ElementReader::boolean(const EppElement *element)
{
    if (!checkNoChildren(element))
        return std::nullopt;
    const QString value = element->text().trimmed();
    if (value == u"1" || value == u"true")
        return true;
    if (value == u"0" || value == u"false")
        return false;
    fail(EppResult::ParameterValueSyntaxError, qualifiedName(*element) + u": "_s + quoted(value) + u" is not a boolean"_s);
    return std::nullopt;
}

QDateTime ElementReader::dateTime(const EppElement *element)
{
    if (!checkNoChildren(element))
        return {};
    const QString value = element->text().trimmed();
    // xs:dateTime; a value without a zone is taken as UTC (the registry's time).
    QDateTime when = value.size() <= 40 ? QDateTime::fromString(value, Qt::ISODateWithMs) : QDateTime();
    if (!when.isValid() || !value.contains(u'T')) {
        fail(EppResult::ParameterValueSyntaxError, qualifiedName(*element) + u": "_s + quoted(value) + u" is not a date and time"_s);
        return {};
    }
    if (when.timeSpec() == Qt::LocalTime)
        when.setTimeSpec(Qt::UTC);
    return when.toUTC();
}

bool ElementReader::checkAttributes(const EppElement *element, std::initializer_list<QStringView> allowed)
{
    if (m_error || !element)
        return false;
    for (const EppAttribute &attribute : element->attributes()) {
        bool known = false;
        for (QStringView name : allowed)
            known = known || (attribute.namespaceUri.isEmpty() && attribute.name == name);
        if (!known) {
            fail(EppResult::CommandSyntaxError,
                 u"unexpected attribute "_s + qualifiedName(attribute.namespaceUri, attribute.name) + u" on "_s + qualifiedName(*element));
            return false;
        }
    }
    return true;
}

std::optional<QString> ElementReader::attribute(const EppElement *element, QStringView name)
{
    if (m_error || !element)
        return std::nullopt;
    std::optional<QString> value = element->attribute(name);
    if (value)
        *value = collapsed(*value);
    return value;
}

} // namespace reg::xrp
