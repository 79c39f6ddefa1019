#include "contactrules.h"

namespace reg::srs::ContactRules {
namespace {

SrsError syntax(const QString &message, const QString &field, const QString &value)
{
    return SrsError(Refusal::SyntaxError, message, field, value);
}

bool isAsciiPrintable(QChar c) { return c.unicode() >= 0x20 && c.unicode() <= 0x7e; }

// normalizedString (contact-1.0.xsd postalLineType): no control characters, no line or paragraph
// separators; the "int" form additionally 7-bit ASCII (RFC 5733 2.4).
std::optional<QString> lineProblem(const QString &text, bool asciiOnly)
{
    if (!QStringView(text).isValidUtf16())
        return QStringLiteral("is not valid text");
    for (QChar c : text) {
        if (asciiOnly && !isAsciiPrintable(c))
            return QStringLiteral("must be printable 7-bit ASCII in the \"int\" form (use the \"loc\" form for other scripts)");
        if (c.category() == QChar::Other_Control || c == QChar(0x2028) || c == QChar(0x2029))
            return QStringLiteral("must not contain control characters or line breaks");
    }
    return std::nullopt;
}

std::optional<SrsError> checkLine(const QString &value, const QString &field, bool required, int maxLength, bool asciiOnly)
{
    if (value.trimmed().isEmpty()) {
        if (required)
            return SrsError(Refusal::MissingParameter, QStringLiteral("%1 is required").arg(field), field);
        if (!value.isEmpty())
            return syntax(QStringLiteral("%1 must not be blank").arg(field), field, value);
        return std::nullopt;
    }
    if (value.size() > maxLength)
        return SrsError(Refusal::RangeError, QStringLiteral("%1 is longer than %2 characters").arg(field).arg(maxLength), field, value);
    if (const auto problem = lineProblem(value, asciiOnly))
        return syntax(field + u' ' + *problem, field, value);
    return std::nullopt;
}

} // namespace

std::optional<SrsError> checkId(const QString &id)
{
    const QString field = QStringLiteral("contact:id");
    if (id.isEmpty())
        return SrsError(Refusal::MissingParameter, QStringLiteral("a contact id is required"), field);
    if (id.size() < minIdLength || id.size() > maxIdLength)
        return SrsError(Refusal::RangeError,
                        QStringLiteral("a contact id is %1 to %2 characters long").arg(minIdLength).arg(maxIdLength), field, id);
    for (QChar c : id) {
        if (!isAsciiPrintable(c) || c == u' ')
            return syntax(QStringLiteral("a contact id consists of printable ASCII characters without spaces"), field, id);
    }
    return std::nullopt;
}

std::optional<SrsError> checkPostalInfo(const PostalInfo &form)
{
    const bool ascii = form.type == PostalInfo::Type::International;
    if (auto e = checkLine(form.name, QStringLiteral("contact:name"), true, maxLineLength, ascii))
        return e;
    if (auto e = checkLine(form.org, QStringLiteral("contact:org"), false, maxLineLength, ascii))
        return e;
    const QString streetField = QStringLiteral("contact:street");
    if (form.street.size() > maxStreetLines)
        return SrsError(Refusal::PolicyError, QStringLiteral("an address has at most %1 street lines").arg(maxStreetLines), streetField);
    for (const QString &line : form.street) {
        if (line.isEmpty())
            return syntax(QStringLiteral("a street line must not be empty"), streetField, line);
        if (auto e = checkLine(line, streetField, true, maxLineLength, ascii))
            return e;
    }
    if (auto e = checkLine(form.city, QStringLiteral("contact:city"), true, maxLineLength, ascii))
        return e;
    if (auto e = checkLine(form.sp, QStringLiteral("contact:sp"), false, maxLineLength, ascii))
        return e;
    if (auto e = checkLine(form.pc, QStringLiteral("contact:pc"), false, maxPostalCodeLength, ascii))
        return e;
    const QString ccField = QStringLiteral("contact:cc");
    if (form.cc.isEmpty())
        return SrsError(Refusal::MissingParameter, QStringLiteral("contact:cc (the country code) is required"), ccField);
    const bool ccOk = form.cc.size() == 2 && form.cc.at(0) >= u'A' && form.cc.at(0) <= u'Z' && form.cc.at(1) >= u'A'
        && form.cc.at(1) <= u'Z';
    if (!ccOk)
        return syntax(QStringLiteral("contact:cc is a two-letter upper-case ISO 3166 country code"), ccField, form.cc);
    return std::nullopt;
}

std::optional<SrsError> checkPostalInfoList(const QList<PostalInfo> &forms)
{
    const QString field = QStringLiteral("contact:postalInfo");
    if (forms.isEmpty())
        return SrsError(Refusal::MissingParameter, QStringLiteral("a contact needs at least one postalInfo"), field);
    if (forms.size() > 2)
        return SrsError(Refusal::PolicyError, QStringLiteral("a contact has at most two postalInfo forms (\"int\" and \"loc\")"), field);
    if (forms.size() == 2 && forms[0].type == forms[1].type)
        return SrsError(Refusal::PolicyError, QStringLiteral("a contact has at most one postalInfo of each type"), field,
                        forms[0].type == PostalInfo::Type::International ? QStringLiteral("int") : QStringLiteral("loc"));
    for (const PostalInfo &form : forms) {
        if (auto e = checkPostalInfo(form))
            return e;
    }
    return std::nullopt;
}

std::optional<SrsError> checkPhone(const PhoneNumber &phone, const QString &field)
{
    if (phone.number.isEmpty()) {
        if (!phone.extension.isEmpty())
            return SrsError(Refusal::MissingParameter, QStringLiteral("an extension needs a number in %1").arg(field), field);
        return std::nullopt;
    }
    const QString &n = phone.number;
    const QString rule = QStringLiteral("%1 must have the form +CC.NNNN (1-3 digit country code, 1-14 digits)").arg(field);
    if (n.size() > maxPhoneLength || !n.startsWith(u'+'))
        return syntax(rule, field, n);
    const qsizetype dot = n.indexOf(u'.');
    if (dot < 2 || dot > 4 || n.size() - dot - 1 < 1 || n.size() - dot - 1 > 14)
        return syntax(rule, field, n);
    for (qsizetype i = 1; i < n.size(); ++i) {
        if (i != dot && !(n[i] >= u'0' && n[i] <= u'9'))
            return syntax(rule, field, n);
    }
    if (!phone.extension.isEmpty()) {
        bool digits = phone.extension.size() <= maxExtensionLength;
        for (QChar c : phone.extension)
            digits = digits && c >= u'0' && c <= u'9';
        if (!digits)
            return syntax(QStringLiteral("the extension of %1 is 1 to %2 digits").arg(field).arg(maxExtensionLength), field,
                          phone.extension);
    }
    return std::nullopt;
}

std::optional<SrsError> checkEmail(const QString &email)
{
    const QString field = QStringLiteral("contact:email");
    if (email.isEmpty())
        return SrsError(Refusal::MissingParameter, QStringLiteral("contact:email is required"), field);
    if (email.size() > maxEmailLength)
        return SrsError(Refusal::RangeError, QStringLiteral("contact:email is longer than %1 characters").arg(maxEmailLength), field, email);
    // Not RFC 5322 in full: one "@" with a non-empty local part and a dotted domain, no spaces or
    // control characters. Enough to catch typing errors without refusing real addresses.
    const qsizetype at = email.indexOf(u'@');
    const bool shapeOk = at > 0 && at == email.lastIndexOf(u'@') && email.indexOf(u'.', at + 2) > at + 1
        && !email.endsWith(u'.') && !email.contains(QStringLiteral(".."));
    bool charsOk = QStringView(email).isValidUtf16();
    for (QChar c : email)
        charsOk = charsOk && !c.isSpace() && c.category() != QChar::Other_Control;
    if (!shapeOk || !charsOk)
        return syntax(QStringLiteral("contact:email is not an e-mail address (local@domain.tld)"), field, email);
    return std::nullopt;
}

} // namespace reg::srs::ContactRules
