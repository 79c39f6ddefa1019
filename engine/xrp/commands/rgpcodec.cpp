#include "rgpcodec.h"

#include "elementreader.h"
#include "eppnamespaces.h"

#include <QXmlStreamWriter>

using namespace Qt::StringLiterals;

namespace reg::xrp {

namespace {

constexpr int MaxReportData = 4000;
constexpr int MaxReportText = 1000;

QString readReportText(ElementReader &reader, const EppElement *element, int maxLength)
{
    if (!element)
        return {};
    if (!element->children().empty()) {
        reader.fail(EppResult::UnimplementedOption, qualifiedName(*element) + u": structured content is not accepted; send text"_s);
        return {};
    }
    if (!reader.checkAttributes(element, {u"lang"}))
        return {};
    const QString value = element->text().trimmed();
    if (value.size() > maxLength) {
        reader.fail(EppResult::ParameterValueSyntaxError,
                    qualifiedName(*element) + u" is longer than "_s + QString::number(maxLength) + u" characters"_s);
        return {};
    }
    return value;
}

} // namespace

EppOutcome<srs::RestoreRequest> parseRgpUpdate(const EppElement &update, const QString &domainName)
{
    srs::RestoreRequest request;
    request.name = domainName;
    ElementReader reader(update);
    reader.checkAttributes(&update, {});
    const EppElement *restore = reader.required(u"restore");
    reader.finish();
    if (!reader.ok())
        return reader.error();
    ElementReader inner(*restore);
    std::optional<QString> op;
    if (inner.checkAttributes(restore, {u"op"}))
        op = inner.attribute(restore, u"op");
    if (inner.ok() && !op)
        inner.fail(EppResult::RequiredParameterMissing, u"rgp:restore needs an op attribute (request or report)"_s);
    if (inner.ok() && *op != u"request" && *op != u"report")
        inner.fail(EppResult::ParameterValueSyntaxError, u"rgp:restore op \""_s + op->left(16) + u"\" is not request or report"_s);
    if (inner.ok() && *op == u"request") {
        if (inner.optional(u"report"))
            inner.fail(EppResult::CommandSyntaxError, u"rgp:report belongs to op=\"report\", not to a restore request"_s);
    } else if (inner.ok()) {
        const EppElement *reportElement = inner.required(u"report");
        if (reportElement && inner.checkAttributes(reportElement, {})) {
            ElementReader fields(*reportElement);
            srs::RestoreReport report;
            report.preData = readReportText(fields, fields.required(u"preData"), MaxReportData);
            report.postData = readReportText(fields, fields.required(u"postData"), MaxReportData);
            report.deletedAt = fields.dateTime(fields.required(u"delTime"));
            report.restoredAt = fields.dateTime(fields.required(u"resTime"));
            report.reason = readReportText(fields, fields.required(u"resReason"), MaxReportText);
            for (const EppElement *statement : fields.repeated(u"statement", 1, 2))
                report.statements.append(readReportText(fields, statement, MaxReportText));
            if (const EppElement *other = fields.optional(u"other"))
                report.other = readReportText(fields, other, MaxReportData);
            fields.finish();
            if (!fields.ok())
                inner.fail(fields.error().result, fields.error().message);
            request.report = report;
        }
    }
    inner.finish();
    if (!inner.ok())
        return inner.error();
    return request;
}

QString rgpStatusToken(srs::GracePeriod period)
{
    switch (period) {
    case srs::GracePeriod::Add: return u"addPeriod"_s;
    case srs::GracePeriod::Renew: return u"renewPeriod"_s;
    case srs::GracePeriod::AutoRenew: return u"autoRenewPeriod"_s;
    case srs::GracePeriod::Transfer: return u"transferPeriod"_s;
    case srs::GracePeriod::Redemption: return u"redemptionPeriod"_s;
    case srs::GracePeriod::PendingRestore: return u"pendingRestore"_s;
    case srs::GracePeriod::PendingDelete: return u"pendingDelete"_s;
    }
    return u"pendingDelete"_s;
}

void writeRgpInfoData(QXmlStreamWriter &xml, const QList<srs::GracePeriod> &periods)
{
    if (periods.isEmpty())
        return;
    const QString ns = RgpNamespace.toString();
    xml.writeNamespace(ns, u"rgp"_s);
    xml.writeStartElement(ns, u"infData"_s);
    for (srs::GracePeriod period : periods) {
        xml.writeEmptyElement(ns, u"rgpStatus"_s);
        xml.writeAttribute(u"s"_s, rgpStatusToken(period));
    }
    xml.writeEndElement();
}

void writeRgpUpdateData(QXmlStreamWriter &xml, srs::GracePeriod period)
{
    const QString ns = RgpNamespace.toString();
    xml.writeNamespace(ns, u"rgp"_s);
    xml.writeStartElement(ns, u"upData"_s);
    xml.writeEmptyElement(ns, u"rgpStatus"_s);
    xml.writeAttribute(u"s"_s, rgpStatusToken(period));
    xml.writeEndElement();
}

} // namespace reg::xrp
