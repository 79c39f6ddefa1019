#include "feecodec.h"

#include "domaincodec.h"
#include "elementreader.h"
#include "eppnamespaces.h"
#include "xmlwriting.h"

#include <QXmlStreamWriter>

using namespace Qt::StringLiterals;

namespace reg::xrp {

namespace {

// Larger than any price we sell; keeps the cents arithmetic far from overflow.
constexpr qint64 MaxAmountCents = qint64(1'000'000'000) * 100;

void readCurrency(ElementReader &reader)
{
    const EppElement *currency = reader.optional(u"currency");
    if (!currency || !reader.checkAttributes(currency, {}))
        return;
    const QString code = reader.token(currency, 3, 3);
    if (reader.ok() && code != RegistryCurrency)
        reader.fail(EppResult::ParameterValueRangeError,
                    u"fee:currency "_s + code + u" is not accepted; this registry bills in "_s + RegistryCurrency.toString());
}

// A decimal amount with at most two decimal places, as cents. `negative` for fee:credit (<= 0).
qint64 readAmount(ElementReader &reader, const EppElement *element, bool negative)
{
    if (!reader.checkNoChildren(element))
        return 0;
    QString text = element->text().trimmed();
    const QString shown = u"\""_s + text.left(32) + u"\""_s;
    bool minus = false;
    if (text.startsWith(u'-') || text.startsWith(u'+')) {
        minus = text.startsWith(u'-');
        text.remove(0, 1);
    }
    const qsizetype dot = text.indexOf(u'.');
    const QString whole = dot < 0 ? text : text.left(dot);
    QString fraction = dot < 0 ? QString() : text.mid(dot + 1);
    bool valid = !text.isEmpty() && whole.size() <= 12 && (!whole.isEmpty() || !fraction.isEmpty());
    for (QChar c : text)
        valid = valid && (c == u'.' || (c >= u'0' && c <= u'9'));
    valid = valid && text.count(u'.') <= 1;
    if (!valid) {
        reader.fail(EppResult::ParameterValueSyntaxError, qualifiedName(*element) + u": "_s + shown + u" is not a decimal amount"_s);
        return 0;
    }
    while (fraction.size() > 2 && fraction.endsWith(u'0'))
        fraction.chop(1);
    if (fraction.size() > 2) {
        reader.fail(EppResult::ParameterValueRangeError, qualifiedName(*element) + u": "_s + shown + u" has more than two decimal places"_s);
        return 0;
    }
    qint64 cents = whole.toLongLong() * 100 + fraction.leftJustified(2, u'0').toLongLong();
    if (minus)
        cents = -cents;
    if ((negative && cents > 0) || (!negative && cents < 0) || cents > MaxAmountCents || cents < -MaxAmountCents) {
        reader.fail(EppResult::ParameterValueRangeError, qualifiedName(*element) + u": "_s + shown + u" is out of range"_s);
        return 0;
    }
    return cents;
}

std::optional<FeeCommand> parseCommandName(QStringView name)
{
    for (FeeCommand command : {FeeCommand::Create, FeeCommand::Renew, FeeCommand::Transfer, FeeCommand::Restore,
                               FeeCommand::Delete, FeeCommand::Update, FeeCommand::Custom}) {
        if (feeCommandName(command) == name)
            return command;
    }
    return std::nullopt;
}

} // namespace

QString feeCommandName(FeeCommand command)
{
    switch (command) {
    case FeeCommand::Create: return u"create"_s;
    case FeeCommand::Renew: return u"renew"_s;
    case FeeCommand::Transfer: return u"transfer"_s;
    case FeeCommand::Restore: return u"restore"_s;
    case FeeCommand::Delete: return u"delete"_s;
    case FeeCommand::Update: return u"update"_s;
    case FeeCommand::Custom: return u"custom"_s;
    }
    return u"custom"_s;
}

EppOutcome<QList<FeeCheckQuery>> parseFeeCheck(const EppElement &check)
{
    ElementReader reader(check);
    reader.checkAttributes(&check, {});
    readCurrency(reader);
    QList<FeeCheckQuery> queries;
    for (const EppElement *command : reader.repeated(u"command", 1, 16, EppResult::ParameterValuePolicyError)) {
        if (!reader.checkAttributes(command, {u"name", u"customName", u"phase", u"subphase"}))
            break;
        const std::optional<QString> name = reader.attribute(command, u"name");
        if (!name) {
            reader.fail(EppResult::RequiredParameterMissing, u"fee:command needs a name attribute"_s);
            break;
        }
        const std::optional<FeeCommand> parsed = parseCommandName(*name);
        if (!parsed) {
            reader.fail(EppResult::ParameterValueSyntaxError, u"fee:command name \""_s + name->left(16) + u"\" is not a fee-1.0 command"_s);
            break;
        }
        if (reader.attribute(command, u"phase") || reader.attribute(command, u"subphase")) {
            reader.fail(EppResult::UnimplementedOption, u"fee:command phase and subphase are not offered (no launch phases)"_s);
            break;
        }
        FeeCheckQuery query;
        query.command = *parsed;
        ElementReader inner(*command);
        if (const EppElement *period = inner.optional(u"period"))
            query.years = readPeriod(inner, period).years;
        inner.finish();
        if (!inner.ok()) {
            reader.fail(inner.error().result, inner.error().message);
            break;
        }
        queries.append(query);
    }
    if (!reader.finish())
        return reader.error();
    return queries;
}

EppOutcome<qint64> parseFeeTransform(const EppElement &transform)
{
    ElementReader reader(transform);
    reader.checkAttributes(&transform, {});
    readCurrency(reader);
    qint64 total = 0;
    for (const EppElement *fee : reader.repeated(u"fee", 1, 16)) {
        if (!reader.checkAttributes(fee, {u"description", u"lang", u"refundable", u"grace-period", u"applied"}))
            break;
        total += readAmount(reader, fee, false);
    }
    for (const EppElement *credit : reader.repeated(u"credit", 0, 16)) {
        if (!reader.checkAttributes(credit, {u"description", u"lang"}))
            break;
        total += readAmount(reader, credit, true);
    }
    if (!reader.finish())
        return reader.error();
    return total;
}

void writeFeeCheckData(QXmlStreamWriter &xml, const QList<FeeCheckItem> &items)
{
    const QString ns = FeeNamespace.toString();
    xml.writeNamespace(ns, u"fee"_s);
    xml.writeStartElement(ns, u"chkData"_s);
    xml.writeTextElement(ns, u"currency"_s, RegistryCurrency.toString());
    for (const FeeCheckItem &item : items) {
        xml.writeStartElement(ns, u"cd"_s);
        xml.writeAttribute(u"avail"_s, item.available ? u"1"_s : u"0"_s);
        xml.writeTextElement(ns, u"objID"_s, item.name);
        if (item.available) {
            for (const FeeQuote &quote : item.quotes) {
                xml.writeStartElement(ns, u"command"_s);
                xml.writeAttribute(u"name"_s, feeCommandName(quote.command));
                if (quote.command != FeeCommand::Restore && quote.feeCents) {
                    xml.writeStartElement(ns, u"period"_s);
                    xml.writeAttribute(u"unit"_s, u"y"_s);
                    xml.writeCharacters(QString::number(quote.years));
                    xml.writeEndElement();
                }
                if (quote.feeCents)
                    xml.writeTextElement(ns, u"fee"_s, centsToDecimal(*quote.feeCents));
                else
                    xml.writeTextElement(ns, u"reason"_s, quote.reason.isEmpty() ? u"no fee is quoted for this command"_s : quote.reason);
                xml.writeEndElement(); // command
            }
        } else {
            xml.writeTextElement(ns, u"reason"_s, item.reason.isEmpty() ? u"not available"_s : item.reason);
        }
        xml.writeEndElement(); // cd
    }
    xml.writeEndElement();
}

void writeFeeTransformData(QXmlStreamWriter &xml, QStringView elementName, const srs::Charge &charge, std::optional<int> years)
{
    const QString ns = FeeNamespace.toString();
    xml.writeNamespace(ns, u"fee"_s);
    xml.writeStartElement(ns, elementName.toString());
    xml.writeTextElement(ns, u"currency"_s, RegistryCurrency.toString());
    if (years) {
        xml.writeStartElement(ns, u"period"_s);
        xml.writeAttribute(u"unit"_s, u"y"_s);
        xml.writeCharacters(QString::number(*years));
        xml.writeEndElement();
    }
    if (charge.feeCents >= 0) {
        xml.writeTextElement(ns, u"fee"_s, centsToDecimal(charge.feeCents));
    } else {
        // A refund (delete inside a grace period) is a credit.
        xml.writeTextElement(ns, u"credit"_s, centsToDecimal(charge.feeCents));
    }
    xml.writeTextElement(ns, u"balance"_s, centsToDecimal(charge.balanceCents));
    xml.writeTextElement(ns, u"creditLimit"_s, centsToDecimal(charge.creditLimitCents));
    xml.writeEndElement();
}

} // namespace reg::xrp
